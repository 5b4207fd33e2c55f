"""Guessing, the baseline of the long-lag task, and the harder two-values task (notebook 06, section 4)."""

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.guessing import GUESS_RANGE, GUESS_VARIANTS, guessing_row, task_data
from lstm_helpers.layers import LayerGate, RNNLayer
from lstm_helpers.long_lag import SUCCESS
from lstm_helpers.success_table import TABLE_SEEDS


def test_two_values_data_targets_are_day_1_xor_day_2():
    values, targets = lh.two_values_data(6, 400, seed=3)
    assert values.shape == (6, 400)
    assert set(np.unique(values[:2])) == {0.0, 1.0}
    assert ((0 <= values[2:]) & (values[2:] < 1)).all() and len(np.unique(values[2:])) > 100
    assert np.array_equal(targets, (values[0] != values[1]).astype(float))
    assert 0.4 < targets.mean() < 0.6  # neither day alone tells the target
    for day in (0, 1):
        assert abs(np.corrcoef(values[day], targets)[0, 1]) < 0.15
    again = lh.two_values_data(6, 400, seed=3)
    assert np.array_equal(values, again[0]) and np.array_equal(targets, again[1])


def test_one_value_task_is_notebook_06s():
    values, targets = task_data("one value", 5, 10, 2)
    expected = lh.long_lag_data(5, 10, 2)
    assert np.array_equal(values, expected[0]) and np.array_equal(targets, expected[1])


def test_a_guess_draws_every_number_in_range_and_spends_at_most_the_budget():
    result = lh.guess("lstm", 8, seed=1, task="two values", max_steps=4)
    assert result.tries <= 4 and result.cell == "lstm" and result.task == "two values"
    numbers = np.concatenate([np.ravel(a) for a in result.model.parameters()])
    assert np.abs(numbers).max() <= GUESS_RANGE and np.abs(numbers).max() > GUESS_RANGE / 2
    assert result.solved == (result.test_accuracy >= SUCCESS)
    again = lh.guess("lstm", 8, seed=1, task="two values", max_steps=4)
    assert (again.test_accuracy, again.tries) == (result.test_accuracy, result.tries)


def test_guessing_stops_at_the_first_guess_that_passes_validation():
    result = lh.guess("rnn", 20, seed=0)  # the stored table: seed 0's first guess latches
    assert result.solved and result.tries < lh.experiment_settings("rnn")["max_steps"]


def test_memory_check_sees_a_latch_the_slope_cannot():
    # one unit that stretches its memory by 2 a day: day 1 = 1 pushes it to a positive steady
    # state, day 1 = 0 to a negative one, and later days (2x - 1 in [-1, 1)) cannot move it across
    layer = RNNLayer(LayerGate(np.array([[2.0]]), np.array([[2.0]]), np.array([-1.0])))
    model = lh.SequenceModel(layer, np.array([1.0]), 0.5)
    check = lh.memory_check(model, 100)
    assert check.stretch == pytest.approx(2.0)
    assert check.flip > 1.0 and check.slope < 1e-20
    fading = lh.memory_check(lh.new_sequence_model("rnn", 4, seed=0), 100)
    assert fading.stretch < 1 and fading.flip < 1e-3
    assert lh.memory_check(lh.new_sequence_model("lstm", 4, seed=0), 20).stretch is None


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.guess("rnn", 5, 0, weight_range=0), ValueError, "weight_range"),
        (lambda: lh.guess("rnn", 5, 0, task="three values"), ValueError, "task"),
        (lambda: lh.guess("gru", 5, 0), ValueError, "cell"),
        (lambda: lh.guess("rnn", 5, 0, forget_bias=1.0), TypeError, "forget_bias"),
        (lambda: lh.two_values_data(2, 5, 0), ValueError, "n_days"),
        (lambda: guessing_row("RNN", 20, 0), ValueError, "variant"),
        (lambda: lh.memory_check("model", 5), TypeError, "SequenceModel"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error) as caught:
        call()
    assert words in str(caught.value)


# --- the stored table's guessing and two-values rows --------------------------------------------

def test_the_stored_table_has_every_guessing_run():
    table = lh.long_lag_table()
    for variant, (cell, _, how, lags) in GUESS_VARIANTS.items():
        assert table.lags(variant) == lags
        for n_days in lags:
            runs = table.runs(variant, n_days)
            assert [row["seed"] for row in runs] == list(TABLE_SEEDS)
            assert all(row["cell"] == cell and 0 <= row["test_accuracy"] <= 1 for row in runs)
            assert all(1 <= row["steps"] <= lh.experiment_settings(cell)["max_steps"] for row in runs)


@pytest.mark.parametrize("variant, n_days, seed", [("RNN, guessing", 50, 0), ("two values: LSTM", 20, 4)])
def test_a_guessing_row_of_the_stored_table_is_reproduced(variant, n_days, seed):
    stored = next(row for row in lh.long_lag_table().runs(variant, n_days) if row["seed"] == seed)
    _, cell, _, _, test_accuracy, steps, _ = guessing_row(variant, n_days, seed)
    assert (cell, test_accuracy, steps) == (stored["cell"], stored["test_accuracy"], stored["steps"])
