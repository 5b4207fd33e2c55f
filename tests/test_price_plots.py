"""Notebook 07's figures: titled, labelled, in colour-blind-safe colours that are not the memories'."""

import numpy as np
import pytest
from matplotlib.colors import to_hex

import lstm_helpers as lh
from lstm_helpers.pictures.colours import LONG_TERM_GREEN, SHORT_TERM_PINK
from lstm_helpers.pictures.prices import (
    plot_copies_yesterday, plot_lstm_training, plot_memory, plot_prices, plot_returns, plot_size_predictions,
    plot_test_predictions, plot_walk_forward,
)

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"}


@pytest.fixture(scope="module")
def aapl():
    dates, prices = lh.load_prices("AAPL")
    returns = lh.log_returns(prices)
    split = lh.time_split(dates[1:], returns, 20, "2009-01-01", "2011-01-01")
    return dates, prices, returns, split


def assert_labelled(fig):
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


def assert_legend_outside(fig, labels=None):
    """The legend sits under the figure, outside the axes, so it hides no data: its labels."""
    assert all(ax.get_legend() is None for ax in fig.axes) and len(fig.legends) == 1
    shown = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels is None or shown == labels
    return shown


def markers(ax):
    """{label: (marker, colour)} of an axes' error bars."""
    return {bars.get_label(): (bars.lines[0].get_marker(), to_hex(bars.lines[0].get_color()))
            for bars in ax.containers}


def line_colours(fig):
    return {to_hex(line.get_color()) for ax in fig.axes for line in ax.get_lines()}


def test_prices_figure_has_every_stock_labelled_in_safe_colours():
    fig = plot_prices()
    assert_labelled(fig)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(lh.price_tickers())
    assert {t.get_text() for t in ax.texts} == set(lh.price_tickers())  # labels at the line ends too
    colours = line_colours(fig)
    assert colours <= OKABE_ITO and len(colours) == 4
    assert not colours & {LONG_TERM_GREEN.lower(), SHORT_TERM_PINK.lower()}
    assert len({line.get_linestyle() for line in ax.get_lines()}) == 4
    assert [ax.yaxis.get_major_formatter()(v, 0) for v in (1, 10, 100)] == ["$1", "$10", "$100"]


def test_returns_figure_shades_the_periods_and_labels_the_crash(aapl):
    *_, split = aapl
    fig = plot_returns(split, "AAPL")
    assert_labelled(fig)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert {"train", "validation", "test"} <= set(texts)
    assert "2000-09-29: -52% (log return -73%), off the scale" in texts  # the % change and the log return
    with pytest.raises(TypeError, match="split"):
        plot_returns("AAPL")


def test_copies_yesterday_and_predictions_figures(aapl):
    dates, prices, _, split = aapl
    price_split = lh.time_split(dates, prices, 20, "2009-01-01", "2011-01-01")
    model = lh.LinearWindow().fit(price_split.train)
    fig = plot_copies_yesterday(price_split.test.target_dates, price_split.test.targets,
                                model.predict(price_split.test.inputs), price_split.test.inputs[:, -1], days=30)
    assert_labelled(fig)
    assert all(len(line.get_xdata()) == 30 for line in fig.axes[0].get_lines())
    assert_legend_outside(fig, ["actual price", "predicted (linear model on prices)", "yesterday's price"])
    results = lh.evaluate(lh.BASELINES, split)
    fig = plot_test_predictions(results, days=60)
    assert_labelled(fig)
    labels = assert_legend_outside(fig)
    assert set(labels) == set(lh.BASELINES) | {"actual return"}
    assert line_colours(fig) <= OKABE_ITO | {"#666666"}


def test_walk_forward_figure(aapl):
    dates, _, returns, _ = aapl
    walk = lh.walk_forward(dates[1:], returns, 20, lh.BASELINES, [2010, 2011])
    fig = plot_walk_forward(walk)
    assert_labelled(fig)
    left, right = fig.axes
    assert list(left.get_xticks()) == [2010, 2011]
    assert "always up" in [t.get_text() for t in right.get_legend().get_texts()]
    with pytest.raises(TypeError, match="walk"):
        plot_walk_forward(np.zeros(3))


def test_memory_figure_shows_both_series_against_the_noise_band(aapl):
    *_, split = aapl
    fig = plot_memory(split.train.values, "AAPL:")
    assert_labelled(fig)
    ax = fig.axes[0]
    assert_legend_outside(fig, ["where pure noise mostly falls (95%)", "returns", "sizes of the moves (|return|)"])
    returns, sizes = ([bar.get_height() for bar in bars] for bars in ax.containers)
    np.testing.assert_allclose(returns, lh.autocorrelation(split.train.values, 20))
    np.testing.assert_allclose(sizes, lh.autocorrelation(np.abs(split.train.values), 20))


def test_lstm_training_figure(aapl):
    *_, split = aapl
    lstm = lh.LSTMWindow(n_units=2, max_steps=100, check_every=10).fit(split.train, split.validation)
    fig = plot_lstm_training(lstm, split.train, split.validation)
    assert_labelled(fig)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[-1] == f"kept: step {lstm.training.best_step}" and "always the training mean" in labels
    validation = fig.axes[0].get_lines()[1]
    np.testing.assert_allclose(validation.get_ydata(), lstm.training.validation_losses / lstm.flat_loss(split.validation))
    assert line_colours(fig) <= OKABE_ITO | {"#666666"}
    with pytest.raises(TypeError, match="fitted lh.LSTMWindow"):
        plot_lstm_training(lh.LSTMWindow(), split.train, split.validation)
    # the LSTM a ValidationChoice kept is drawn the same way
    choice = lh.ValidationChoice({"2 units": lambda: lh.LSTMWindow(n_units=2, max_steps=100, check_every=10)})
    choice.fit(split.train, split.validation)
    chosen = fig.axes[0].get_lines()[1].get_ydata()
    np.testing.assert_allclose(plot_lstm_training(choice, split.train, split.validation).axes[0].get_lines()[1]
                               .get_ydata(), chosen)


def test_size_figures_keep_the_lstm_black_and_the_walk_forward_in_one_panel(aapl):
    dates, _, returns, _ = aapl
    sizes = lh.time_split(dates[1:], np.abs(returns), 20, "2009-01-01", "2011-01-01")
    models = {**lh.SIZE_BASELINES, "LSTM": lambda: lh.LSTMWindow(n_units=2, max_steps=50)}
    results = lh.evaluate(models, sizes, reference="training mean size")
    fig = plot_size_predictions(results, ["LSTM", "recent average size"])
    assert_labelled(fig)
    lines = fig.axes[0].get_lines()
    assert [line.get_label() for line in lines] == [
        "actual size of the move", "predicted: LSTM", "predicted: recent average size"]
    assert_legend_outside(fig, [line.get_label() for line in lines])
    assert to_hex(lines[1].get_color()) == "#000000"
    with pytest.raises(ValueError, match="name must be one of"):
        plot_size_predictions(results, ["GARCH"])
    walk = lh.walk_forward(dates[1:], np.abs(returns), 20, models, [2011], reference="training mean size")
    fig = plot_walk_forward(walk)
    assert_labelled(fig)
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[0] == "training mean size" and "LSTM" in labels and "yesterday's size" in labels
    assert "training mean size" in ax.get_ylabel()
    # the same model has the same marker and colour in both walk-forward figures
    returns_walk = plot_walk_forward(lh.walk_forward(dates[1:], returns, 20, {**lh.BASELINES, "LSTM": models["LSTM"]},
                                                     [2011]))
    for name in ("linear", "LSTM"):
        assert markers(fig.axes[0])[name] == markers(returns_walk.axes[0])[name] == markers(returns_walk.axes[1])[name]
    assert markers(fig.axes[0])["LSTM"][0] == "D"
