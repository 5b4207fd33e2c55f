"""Every explorer's callback at every slider extreme, and the pure plots behind them."""

import itertools
import warnings

import pytest

import lstm_helpers as lh
from lstm_helpers.plots import draw_unrolled_rnn, plot_activations, plot_gradient_contributions, plot_slopes
from lstm_helpers.widgets import ActivationExplorer, GradientExplorer

PNG = b"\x89PNG"


@pytest.fixture(autouse=True)
def warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


def texts(fig):
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def labelled(fig):
    for ax in fig.axes:
        if ax.axison:
            assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    return True


def extremes(slider):
    return sorted({slider.min, slider.max, slider.value})


def test_activation_explorer_at_every_extreme():
    explorer = ActivationExplorer()
    images = set()
    for x in extremes(explorer.x) + [0.0]:
        explorer.x.value = x
        text = explorer.readout.value
        assert f"x = {x:.1f}" in text
        assert f"sigmoid(x) = {lh.sigmoid(x):.3f}" in text and f"tanh(x) = {lh.tanh(x):.3f}" in text
        assert f"slope {lh.sigmoid_derivative(x):.3f}" in text
        assert bytes(explorer.image.value).startswith(PNG)
        images.add(bytes(explorer.image.value))
    assert len(images) == 3, "the picture changes with x"


def test_gradient_explorer_at_every_extreme_and_the_special_weights():
    explorer = GradientExplorer()
    weights = extremes(explorer.w_recurrent) + [0.0, 1.0, -1.0, 0.95, -1.05]
    for weight, days in itertools.product(weights, extremes(explorer.n_days)):
        explorer.w_recurrent.value, explorer.n_days.value = weight, days
        text = explorer.readout.value
        assert f"w = {weight:.2f}" in text
        if days > 1:
            expected = lh.gradient_scale(weight, days - 1)
            assert f"= {expected:.3g}" in text
        assert bytes(explorer.image.value).startswith(PNG)


def test_explorer_redraws_on_each_change_and_shows_as_a_widget():
    explorer = GradientExplorer(w_recurrent=0.5, n_days=10)
    before = explorer.image.value
    explorer.n_days.value = 11
    assert explorer.image.value != before and "11 days" in explorer.readout.value
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_plot_activations_marks_x_and_labels_everything():
    fig = plot_activations(2.0)
    assert labelled(fig)
    shown = " ".join(texts(fig))
    assert f"sigmoid(2.0) = {lh.sigmoid(2.0):.3f}, slope {lh.sigmoid_derivative(2.0):.3f}" in shown
    assert f"tanh(2.0) = {lh.tanh(2.0):.3f}, slope {lh.tanh_derivative(2.0):.3f}" in shown
    assert labelled(plot_activations()) and labelled(plot_slopes())


@pytest.mark.parametrize("w, days", [(0.0, 100), (1.0, 1), (-2.5, 100), (2.5, 100), (1e200, 5), (-1e-300, 3)])
def test_gradient_plot_never_breaks(w, days):
    fig = plot_gradient_contributions(w, days)
    assert labelled(fig)
    low, high = fig.axes[0].get_ylim()
    assert 0 < low < high < float("inf")


def test_gradient_plot_title_says_what_happens():
    assert plot_gradient_contributions(0.5, 50).axes[0].get_title() == "w = 0.50 over 50 days: older days vanish"
    assert plot_gradient_contributions(-2.0, 1).axes[0].get_title().endswith("1 day: older days explode")


def test_unrolled_rnn_diagram_has_one_copy_per_day():
    shown = texts(draw_unrolled_rnn(5))
    assert shown.count("activation") == 5 and shown.count("x w_recurrent") == 4
    assert "input day 5" in shown and "output 5" in shown


def test_learning_rate_explorer_at_every_rate():
    from lstm_helpers.widgets import LearningRateExplorer

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    explorer = LearningRateExplorer(*data, lh.UNTRAINED_PARAMS, epochs=200)
    for rate in explorer.RATES:
        explorer.rate.value = rate
        history = lh.train_lstm(*data, lh.UNTRAINED_PARAMS, 200, rate).loss_history
        assert f"learning rate {rate:g}:" in explorer.readout.value
        assert f"final loss {history[-1]:.3g}" in explorer.readout.value
        assert bytes(explorer.image.value).startswith(PNG)


def test_train_with_progress_returns_the_same_run():
    from lstm_helpers.widgets import train_with_progress

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    run = train_with_progress(*data, lh.UNTRAINED_PARAMS, epochs=120, redraw_every=60)
    assert run.params == lh.train_lstm(*data, lh.UNTRAINED_PARAMS, 120).params


def test_loss_plots_are_labelled():
    from lstm_helpers.plots import plot_loss_along, plot_loss_history

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    fig = plot_loss_along(lh.UNTRAINED_PARAMS, *data)
    assert len(fig.axes) == 4 and labelled(fig)
    assert labelled(plot_loss_history({"a": [1.0, 0.5, float("nan")]}))


def test_live_activation_picture_matches_a_full_redraw():
    """Redrawing only the markers must give the picture a full redraw gives."""
    import io

    import numpy as np
    from PIL import Image

    from lstm_helpers.figures import figure_png

    explorer = ActivationExplorer(x=-3.0)
    explorer.x.value = 4.5
    live = np.asarray(Image.open(io.BytesIO(bytes(explorer.image.value))).convert("RGB"), dtype=float)
    full = np.asarray(Image.open(io.BytesIO(figure_png(plot_activations(4.5)))).convert("RGB"), dtype=float)
    assert live.shape == full.shape
    assert np.abs(live - full).mean() < 1.0, "the live picture drifted from the full drawing"
    stale = np.asarray(Image.open(io.BytesIO(figure_png(plot_activations(-3.0)))).convert("RGB"), dtype=float)
    assert np.abs(live - stale).mean() > np.abs(live - full).mean()
