"""Notebook 06's pictures and live pieces: every slider extreme, every figure labelled."""


import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.explorers.long_lag import GradientByLagExplorer, long_lag_with_progress, readout_text
from lstm_helpers.pictures.figure import figure_png
from lstm_helpers.pictures.long_lag import (
    gradient_by_lag_figure, plot_forget_products, plot_gradient_by_lag, plot_long_lag_runs, plot_success_table,
)

PNG = b"\x89PNG"


pytestmark = pytest.mark.usefixtures("warnings_are_errors")


def labelled(fig):
    for ax in fig.axes:
        assert ax.get_title() and ax.get_xlabel(), "every plot has a title and an x label"
        assert ax.get_ylabel() or ax.get_yticklabels(), "and something on its y axis"
    return True


def test_explorer_follows_both_sliders_to_every_extreme():
    explorer = GradientByLagExplorer()
    seen = {explorer.png}
    for forget_bias in (explorer.forget_bias.min, explorer.forget_bias.max, 0.0):
        for input_bias in (explorer.input_bias.min, explorer.input_bias.max):
            explorer.forget_bias.value, explorer.input_bias.value = forget_bias, input_bias
            assert explorer.png.startswith(PNG)
            assert f"{explorer.lstm.gradients[-1]:.2g}" in explorer.readout.value
            assert f"{explorer.lstm.gradients[-1]:.2g} for the LSTM with forget bias {forget_bias:g}" in \
                explorer.image.value, "the picture's alt text says its numbers"
            want = lh.gradient_by_lag("lstm", 100, forget_bias=forget_bias, input_bias=input_bias)
            assert np.array_equal(explorer.lstm.gradients, want.gradients)
            seen.add(explorer.png)
    assert len(seen) == 7, "each setting draws a different picture"


def test_explorer_starts_at_its_biases_and_draws_the_live_line():
    explorer = GradientByLagExplorer(forget_bias=2.0, input_bias=-1.0)
    assert (explorer.forget_bias.value, explorer.input_bias.value) == (2.0, -1.0)
    fig, move_to = gradient_by_lag_figure(2.0, -1.0)
    live = fig.axes[0].get_lines()[2]
    want = lh.gradient_by_lag("lstm", 100, forget_bias=2.0, input_bias=-1.0)
    assert np.allclose(live.get_ydata(), np.clip(want.gradients, 1e-35, None))
    moved, result = move_to(6.0, -4.0)
    assert live in moved and result.forget_products[-1] > want.forget_products[-1]


def test_readout_says_the_numbers_it_shows():
    lstm, rnn = lh.gradient_by_lag("lstm", 100, forget_bias=5.0, input_bias=-3.0), lh.gradient_by_lag("rnn", 100)
    text = readout_text(lstm, rnn)
    for number in (lstm.gradients[-1], rnn.gradients[-1], lstm.forget_products[-1], lstm.largest_long_memory):
        assert f"{number:.2g}" in text


def test_every_figure_is_labelled_and_draws():
    runs = [lh.long_lag_experiment(cell, 6, seed=0, max_steps=50) for cell in ("lstm", "rnn")]
    for fig in (plot_forget_products(30), plot_gradient_by_lag(), plot_long_lag_runs(runs),
                plot_success_table(lh.long_lag_table())):
        assert labelled(fig)
        assert figure_png(fig).startswith(PNG)


def test_success_table_writes_every_count_on_its_square():
    table = lh.long_lag_table()
    fig = plot_success_table(table)
    written = [t.get_text() for t in fig.axes[0].texts]
    for variant in table.variants:
        for n_days in table.lags(variant):
            assert "%d/%d" % table.solved(variant, n_days) in written
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == list(table.variants)


def test_long_lag_with_progress_runs_each_cell_and_fills_its_bar(capsys):
    results = long_lag_with_progress(8, seed=1, max_steps=100)
    assert set(results) == {"lstm", "rnn"}
    for cell, result in results.items():
        again = lh.long_lag_experiment(cell, 8, seed=1, max_steps=100)
        assert (result.test_accuracy, result.steps) == (again.test_accuracy, again.steps)
