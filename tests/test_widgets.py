"""Every explorer's callback at every slider extreme, and the pure plots behind them."""

import html
import itertools
import re

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.explorers.activations import ActivationExplorer
from lstm_helpers.explorers.rnn import GradientExplorer
from lstm_helpers.pictures.activations import plot_activations, plot_slopes
from lstm_helpers.pictures.rnn import draw_unrolled_rnn, gradient_chart, plot_gradient_contributions

PNG = b"\x89PNG"


pytestmark = pytest.mark.usefixtures("warnings_are_errors")


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
        assert explorer.png.startswith(PNG)
        alt = f"At x = {x:.1f}: sigmoid is {lh.sigmoid(x):.3f}, slope {lh.sigmoid_derivative(x):.3f}"
        assert explorer.image.value.startswith('<img src="data:image/png;base64,') and f'alt="' in explorer.image.value
        assert alt in explorer.image.value, "the picture's alt text says its numbers"
        assert f"sigmoid(x) = {lh.sigmoid(x):.3f}" in explorer.status.value and 'role="status"' in explorer.status.value
        images.add(explorer.png)
    assert len(images) == 3, "the picture changes with x"


def test_gradient_explorer_at_every_extreme_and_the_special_weights():
    explorer = GradientExplorer()
    weights = extremes(explorer.w_recurrent) + [0.0, 1.0, -1.0, 0.95, -1.05]
    for weight, days in itertools.product(weights, extremes(explorer.n_days)):
        explorer.w_recurrent.value, explorer.n_days.value = weight, days
        view = explorer.view.value
        text, chart = view.split("<svg", 1)
        assert f"w = {weight:.2f}" in text
        if days > 1:
            expected = lh.gradient_scale(weight, days - 1)
            assert f"= {expected:.3g}" in text
        plural = "day" if days == 1 else "days"
        assert f"w = {weight:.2f} over {days} {plural}" in chart, "the readout and the chart show the same move"


def test_explorer_redraws_on_each_change_and_shows_as_a_widget():
    explorer = GradientExplorer(w_recurrent=0.5, n_days=10)
    before = explorer.view.value
    explorer.n_days.value = 11
    assert explorer.view.value != before and "11 days" in explorer.view.value
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_gradient_explorer_sliders_follow_a_drag():
    explorer = GradientExplorer()
    assert explorer.w_recurrent.continuous_update and explorer.n_days.continuous_update


def test_plot_activations_marks_x_and_labels_everything():
    fig = plot_activations(2.0)
    assert labelled(fig)
    shown = " ".join(texts(fig))
    assert f"sigmoid(2.0) = {lh.sigmoid(2.0):.3f}, slope {lh.sigmoid_derivative(2.0):.3f}" in shown
    assert f"tanh(2.0) = {lh.tanh(2.0):.3f}, slope {lh.tanh_derivative(2.0):.3f}" in shown
    assert labelled(plot_activations()) and labelled(plot_slopes())


def svg_texts(svg):
    """The text of every <text> element of an SVG, tspans joined."""
    return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg)]


@pytest.mark.parametrize("w, days", [(0.0, 100), (1.0, 1), (-2.5, 100), (2.5, 100), (1e200, 5), (-1e-300, 3)])
def test_gradient_plot_never_breaks(w, days):
    chart = gradient_chart(w, days)
    shown = svg_texts(chart.svg())
    assert chart.title in shown and chart.xlabel in shown and chart.ylabel in shown
    low, high = chart.ylim
    assert 0 < low < high < float("inf")
    assert "nan" not in chart.svg().lower()


def test_gradient_plot_title_says_what_happens():
    assert gradient_chart(0.5, 50).title == "w = 0.50 over 50 days: older days vanish"
    assert gradient_chart(-2.0, 1).title.endswith("1 day: no links to cross yet"), "as the readout says"
    assert gradient_chart(0.0, 2).title.endswith("every earlier day is cut off")
    html = plot_gradient_contributions(0.5, 50)._repr_html_()
    assert html.startswith('<img src="data:image/svg+xml;base64,') and 'alt="w = 0.50 over 50 days: ' in html, \
        "sent as HTML, an <img> whose alt is the chart's title and description"
    grads = lh.BasicRNN(w_input=1.0, w_recurrent=0.5).input_gradients(np.zeros(50))
    assert f"day 1 {grads[0]:.3g}, day 25 {grads[24]:.3g}, day 50 {grads[-1]:.3g}" in html, "its numbers, in words"


def test_gradient_plot_marks_each_day_by_its_sign():
    svg = gradient_chart(-0.5, 6).svg()
    # days 1-6 get -0.5**5 ... 1: three negative (triangles), three positive (circles), and one of each in the legend
    assert svg.count('d="M-6,-4.8') == 3 + 1 and svg.count("a6,6 0 1,0") == 2 * (3 + 1)
    legend = svg_texts(svg)
    assert "positive influence" in legend and "negative influence" in legend


def test_unrolled_rnn_diagram_has_one_copy_per_day():
    shown = texts(draw_unrolled_rnn(5))
    assert shown.count("activation") == 5 and shown.count("x w_recurrent") == 4
    assert "input day 5" in shown and "output 5" in shown


def test_learning_rate_explorer_at_every_rate():
    from lstm_helpers.explorers.training import LearningRateExplorer

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    explorer = LearningRateExplorer(*data, lh.UNTRAINED_PARAMS, epochs=200)
    for rate in explorer.RATES:
        explorer.rate.value = rate
        history = lh.train_lstm(*data, lh.UNTRAINED_PARAMS, 200, rate).loss_history
        text, chart = explorer.view.value.split("<svg", 1)
        assert f"learning rate {rate:g}:" in text
        assert f"final loss {history[-1]:.3g}" in text
        assert any(t.startswith(f"learning rate {rate:g}") for t in svg_texts("<svg" + chart))


def test_learning_rate_explorer_trains_once_and_a_move_only_swaps_the_view(monkeypatch):
    from lstm_helpers.explorers import training as widgets

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    explorer = widgets.LearningRateExplorer(*data, lh.UNTRAINED_PARAMS, epochs=50)
    assert explorer.rate.continuous_update
    monkeypatch.setattr(widgets, "train_lstm", lambda *a, **k: pytest.fail("a slider move retrained"))
    monkeypatch.setattr(widgets, "Chart", lambda *a, **k: pytest.fail("a slider move redrew the chart"))
    seen = set()
    for rate in explorer.RATES:
        explorer.rate.value = rate
        seen.add(explorer.view.value)
    assert len(seen) == len(explorer.RATES)


def test_learning_rate_explorer_reports_divergence():
    from lstm_helpers.explorers.training import LearningRateExplorer

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    explorer = LearningRateExplorer(*data, lh.UNTRAINED_PARAMS, epochs=5)
    # Adam at these rates does not diverge on this data; a run that did is reported like this:
    explorer.runs[3.0] = lh.train_lstm(data[0], [100.0, -100.0], lh.UNTRAINED_PARAMS, 5, 1e308, optimizer="sgd")
    assert explorer.runs[3.0].diverged_at == 1
    assert "training diverged at epoch 1" in explorer._readout(3.0)


def test_train_with_progress_returns_the_same_run():
    from lstm_helpers.explorers.training import train_with_progress

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    run = train_with_progress(*data, lh.UNTRAINED_PARAMS, epochs=120, redraw_every=60)
    assert run.params == lh.train_lstm(*data, lh.UNTRAINED_PARAMS, 120).params


def test_loss_plots_are_labelled():
    from lstm_helpers.pictures.training import plot_loss_along, plot_loss_history

    data = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])
    fig = plot_loss_along(lh.UNTRAINED_PARAMS, *data)
    assert len(fig.axes) == 4 and labelled(fig)
    assert labelled(plot_loss_history({"a": [1.0, 0.5, float("nan")]}))
    assert labelled(plot_loss_history({"a": [float("nan")] * 3}))


def test_live_activation_picture_matches_a_full_redraw():
    """Redrawing only the markers must give the picture a full redraw gives."""
    import io

    import numpy as np
    from PIL import Image

    from lstm_helpers.pictures.figure import figure_png

    explorer = ActivationExplorer(x=-3.0)
    explorer.x.value = 4.5
    live = np.asarray(Image.open(io.BytesIO(explorer.png)).convert("RGB"), dtype=float)
    full = np.asarray(Image.open(io.BytesIO(figure_png(plot_activations(4.5)))).convert("RGB"), dtype=float)
    assert live.shape == full.shape
    assert np.abs(live - full).mean() < 1.0, "the live picture drifted from the full drawing"
    stale = np.asarray(Image.open(io.BytesIO(figure_png(plot_activations(-3.0)))).convert("RGB"), dtype=float)
    assert np.abs(live - stale).mean() > np.abs(live - full).mean()


def test_unrolled_explorer_shows_only_the_days_run():
    """Issue 11 item 16: at days run 0 or 1 the table and readout showed all four days and the prediction."""
    from lstm_helpers.explorers.companies import UnrolledExplorer

    explorer = UnrolledExplorer(company="Company B")
    run = lh.unroll(lh.COMPANY_B[:4])
    for shown in range(5):
        explorer.shown.value = shown
        table, readout, diagram = explorer.table.value, explorer.readout.value, explorer.diagram.value
        assert table.count("not run") == 2 * (4 - shown)
        for day in range(shown):
            assert f"{run.long_memories[day]:.2f}" in table and f"{run.short_memories[day]:.2f}" in table
        prediction = f"{run.prediction:.2f}"
        if shown == 4:
            assert f"prediction for day 5: <b>{prediction}</b>" in table
            assert f"Prediction for day 5: {prediction}" in readout and f"for day 5: {prediction}" in diagram
        else:
            assert "prediction for day 5: after day 4 has run" in table
            assert "rediction" not in readout and "for day 5" not in diagram
            assert (f"After day {shown}" if shown else "Before day 1") in readout


def test_every_explorer_updates_all_its_views_from_one_computation():
    """The parts of a screen never disagree: each view shows the slider values of the same move."""
    from lstm_helpers.explorers.unit import LSTMUnitExplorer

    explorer = LSTMUnitExplorer()
    explorer.long_memory.value, explorer.input_value.value = -3.0, 0.5
    step = lh.lstm_step(0.5, -3.0, 1.0)
    assert f"{step.long_memory:.3f}" in explorer.table.value
    assert f"new long-term memory {step.long_memory:.2f}" in explorer.diagram.value
    assert f"a new long-term memory {step.long_memory:.2f}" in explorer.explanation.value


def test_svg_chart_ticks_and_clipping():
    from lstm_helpers.pictures.chart import Chart, nice_ticks

    assert nice_ticks(0, 1000) == [0, 200, 400, 600, 800, 1000]
    assert nice_ticks(0.5, 50.5, most=10)[:3] == [5, 10, 15]
    chart = Chart("t", "x", "y", xlim=(0, 10), ylim=(1e-20, 1e10), ylog=True)
    ticks = [label for _, label in chart._y_ticks()]
    assert len(ticks) <= 8 and any(">0<" in t for t in ticks), "10^0 is always a tick on a log axis"
    chart.line([1, 2, 3, 4], [1.0, float("nan"), 0.0, 10.0], "#000000", label="a line")
    svg = chart.svg()
    assert svg.count("M") >= 2 and "nan" not in svg.lower(), "the line breaks at points it cannot draw"
    assert "a line" in svg and re.search(r'<title id="[^"]+">t</title>', svg)


def test_sigmoid_explorer_names_its_slider_and_says_the_value():
    from lstm_helpers.explorers.activations import SigmoidExplorer

    explorer = SigmoidExplorer()
    assert "sigmoid" in explorer.x.description and "sigmoid(0.0) = 0.500" in explorer.readout.value
    explorer.x.value = -8.0
    assert f"sigmoid(-8.0) = {lh.sigmoid(-8.0):.3f}" in explorer.status.value
    with pytest.raises(ValueError, match="x"):
        SigmoidExplorer(x=9.0)


# -- notebook 07's progress bar ------------------------------------------------------------------

def progress_bar_state(bar):
    """What a progress bar shows: its value, its end, its name and its words (shown and said)."""
    part = bar.progress
    return part.bar.value, part.bar.max, part.bar.description, part.label.value, part.status.value


@pytest.mark.parametrize("done, total", [(0, 0), (1, 0), (0, 1), (3, 3), (5, 3), (2, 4), (0, 10**6), (10**6, 2)])
def test_notebook_07_progress_bar_at_every_extreme(done, total):
    from lstm_helpers.explorers.prices import ProgressBar

    bar = ProgressBar("three LSTMs and the baselines", "about 10 s")
    bar(done, total, "fitting 'LSTM'")
    value, end, _, label, status = progress_bar_state(bar)
    assert end == max(1, total) and 0 <= value <= end
    words = html.unescape(re.sub("<[^>]+>", "", status))
    assert html.unescape(label) == words
    if done >= total:  # 0 of 0, and a count past the end, read as finished with a full bar
        assert value == end and words == f"done, {total} models fitted"
    else:
        assert value == done and words == f"{done} of {total} models fitted; fitting 'LSTM'"


def test_notebook_07_progress_bar_follows_evaluate_and_walk_forward(capsys):
    from lstm_helpers.explorers.prices import ProgressBar

    days = np.datetime64("2006-01-01") + np.arange(1800)  # to December 2010
    values = np.random.default_rng(0).normal(size=len(days))
    split = lh.time_split(days, values, 5, "2009-01-01", "2010-01-01")
    calls = []
    bar = ProgressBar("the baselines", "about 1 s")
    lh.evaluate(lh.BASELINES, split, progress=lambda *call: (calls.append(call), bar(*call)))
    assert [c[0] for c in calls] == list(range(len(lh.BASELINES) + 1))
    assert progress_bar_state(bar)[:2] == (len(lh.BASELINES),) * 2
    walk_bar = ProgressBar("2 years", "about 1 s")
    lh.walk_forward(days, values, 5, lh.BASELINES, [2009, 2010], progress=walk_bar)
    assert progress_bar_state(walk_bar)[:2] == (2 * len(lh.BASELINES),) * 2
    assert "done, 6 models fitted" in progress_bar_state(walk_bar)[4]


def test_notebook_07_progress_bar_rejects_bad_calls():
    from lstm_helpers.explorers.prices import ProgressBar

    with pytest.raises(TypeError, match="title and about must be strings"):
        ProgressBar(3, "about 1 s")
    bar = ProgressBar("three LSTMs", "about 10 s")
    bar(1, 3, "fitting 'LSTM'")
    before = progress_bar_state(bar)
    with pytest.raises(ValueError, match="done must be a whole number"):
        bar(-1, 3, "fitting")
    with pytest.raises(TypeError, match="total must be a whole number"):
        bar(1, 2.5, "fitting")
    with pytest.raises(TypeError, match="text must be a string"):
        bar(1, 3, None)
    assert progress_bar_state(bar) == before  # a refused call changes nothing
