"""The long-lag task of notebook 06: data, experiments, gradients against the lag, the stored table."""

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.guessing import GUESS_VARIANTS
from lstm_helpers.long_lag import SUCCESS, accuracy
from lstm_helpers.success_table import TABLE_SEEDS, TABLE_VARIANTS, table_row


# --- data -----------------------------------------------------------------------------------

def test_long_lag_data_day_1_is_the_target_and_the_rest_is_noise():
    values, targets = lh.long_lag_data(30, 400, seed=3)
    assert values.shape == (30, 400) and targets.shape == (400,)
    assert set(np.unique(values[0])) == {0.0, 1.0}
    assert np.array_equal(targets, values[0])
    assert values[1:].min() >= 0.0 and values[1:].max() < 1.0
    assert 0.4 < targets.mean() < 0.6, "both companies appear"
    # days 2.. carry no information about the target
    assert abs(np.corrcoef(values[1:].mean(axis=0), targets)[0, 1]) < 0.15


def test_long_lag_data_is_seeded():
    assert np.array_equal(lh.long_lag_data(5, 3, 1)[0], lh.long_lag_data(5, 3, 1)[0])
    assert not np.array_equal(lh.long_lag_data(5, 3, 1)[0], lh.long_lag_data(5, 3, 2)[0])


def test_accuracy_counts_the_right_side_of_one_half():
    assert accuracy([0.1, 0.6, 0.49, 0.5], [0, 1, 1, 1]) == 0.75


def test_stretched_companies_start_as_notebook_04s():
    sequences, targets = lh.stretched_companies(4)
    assert sequences == [list(lh.COMPANY_A[:4]), list(lh.COMPANY_B[:4])]
    assert targets == [lh.COMPANY_A[4], lh.COMPANY_B[4]]
    long_a, long_b = lh.stretched_companies(30)[0]
    assert len(long_a) == 30 and long_a[1:] == long_b[1:] and (long_a[0], long_b[0]) == (0.0, 1.0)


def test_forget_gate_product_multiplies_the_forget_gates_of_days_2_on():
    values = lh.stretched_companies(12)[0][0]
    kept = lh.forget_gate_product(lh.UNTRAINED_PARAMS, values)
    gates = [step.forget_gate for step in lh.unroll(values, lh.UNTRAINED_PARAMS).steps]
    assert kept[0] == 1.0
    assert kept[-1] == pytest.approx(np.prod(gates[1:]), rel=1e-12)
    assert kept.shape == (12,)
    both = lh.forget_gate_product(lh.UNTRAINED_PARAMS, np.array(lh.stretched_companies(12)[0]).T)
    assert both.shape == (12, 2) and np.allclose(both[:, 0], kept, rtol=1e-14)


# --- gradients against the lag ---------------------------------------------------------------

@pytest.mark.parametrize("cell, biases", [("rnn", {}), ("lstm", {"forget_bias": 2.0, "input_bias": -1.0})])
def test_forward_mode_influence_equals_backpropagation_at_every_lag(cell, biases):
    models = [lh.new_sequence_model(cell, 3, 1, seed, **biases) for seed in range(3)]
    values = np.stack([lh.long_lag_data(25, 2, seed)[0] for seed in range(3)], axis=1)  # (days, models, batch)
    influence = lh.first_day_influence(models, values)
    for n_days in (1, 2, 7, 25):
        for k, model in enumerate(models):
            backward = model.input_gradients(values[:n_days, k])[0, :, 0]
            assert np.allclose(influence[n_days - 1, k], backward, rtol=1e-9, atol=1e-300)


def test_rnn_weights_alone_are_notebook_02s_w_to_the_n():
    """For one unit with tanh slopes taken as 1: read-out x w_input x w_short^(n-1)."""
    model = lh.new_sequence_model("rnn", 1, 1, seed=4)
    w_short, w_input, _ = (a.item() for a in model.layer.parameters())
    influence = lh.first_day_influence([model], np.zeros((30, 1, 1)), tanh_slopes=False)[:, 0, 0]
    want = model.readout_weights[0] * w_input * w_short ** np.arange(30)
    assert np.allclose(influence, want, rtol=1e-12)


def test_gradient_by_lag_rnn_vanishes_and_an_open_lstm_keeps_day_1():
    rnn = lh.gradient_by_lag("rnn", 100)
    closed = lh.gradient_by_lag("lstm", 100)
    open_ = lh.gradient_by_lag("lstm", 100, forget_bias=5.0, input_bias=-3.0)
    assert list(rnn.lags) == list(range(1, 101))
    assert rnn.gradients[-1] < 1e-20 and closed.gradients[-1] < 1e-15
    assert open_.gradients[-1] > 1e-3
    assert rnn.gradients[-1] < 1e-15 * rnn.weights_only[-1], "tanh's slopes shrink it far below the weights alone"
    assert open_.forget_products[-1] > 0.3 and closed.forget_products[-1] < 1e-20
    assert rnn.forget_products is None and open_.weights_only is None


def test_an_open_input_gate_floods_the_long_term_memory():
    flooded = lh.gradient_by_lag("lstm", 100, forget_bias=5.0, input_bias=0.0)
    shut = lh.gradient_by_lag("lstm", 100, forget_bias=5.0, input_bias=-3.0)
    assert flooded.largest_long_memory > 3 * shut.largest_long_memory
    assert flooded.gradients[-1] < shut.gradients[-1] / 10


def test_gradient_by_lag_forget_products_match_the_layers_own_gates():
    by_lag = lh.gradient_by_lag("lstm", 40, seeds=[7], forget_bias=3.0, input_bias=-1.0)
    model = lh.new_sequence_model("lstm", 4, 1, 7, forget_bias=3.0, input_bias=-1.0)
    gates = model.layer.unroll(lh.long_lag_data(40, 1, 7)[0]).forget_gates[:, 0]  # (days, H)
    want = np.median(np.cumprod(np.vstack([np.ones((1, 4)), gates[1:]]), axis=0), axis=1)
    assert np.allclose(by_lag.forget_products, want, rtol=1e-12)
    gradients = model.input_gradients(lh.long_lag_data(40, 1, 7)[0])
    assert by_lag.gradients[-1] == pytest.approx(abs(gradients[0, 0, 0]), rel=1e-9)


def test_gradient_by_lag_slider_extremes_stay_finite():
    for forget_bias, input_bias in ((-2.0, 3.0), (8.0, -6.0), (8.0, 3.0), (-2.0, -6.0)):
        by_lag = lh.gradient_by_lag("lstm", 100, forget_bias=forget_bias, input_bias=input_bias)
        assert np.all(np.isfinite(by_lag.gradients)) and np.all(by_lag.gradients >= 0)


# --- experiments ----------------------------------------------------------------------------

def test_an_lstm_solves_a_short_lag_and_reports_how():
    checks = []
    result = lh.long_lag_experiment("lstm", 10, seed=0, callback=lambda *args: checks.append(args))
    assert result.solved and result.test_accuracy >= SUCCESS
    assert result.steps == len(result.training_losses) and result.steps < result.settings["max_steps"]
    assert list(result.check_steps) == [c[0] for c in checks] and result.steps == result.check_steps[-1]
    assert list(result.validation_accuracies) == [c[2] for c in checks]
    assert result.validation_accuracies[-1] >= result.settings["stop_accuracy"]
    assert all(step % 25 == 0 for step in result.check_steps)
    assert result.seconds > 0 and result.model.cell == "lstm"
    assert result.settings["forget_bias"] == 5.0 and result.settings["input_bias"] == -3.0


def test_an_rnn_that_never_learns_uses_every_step_and_stays_near_guessing():
    result = lh.long_lag_experiment("rnn", 50, seed=0, max_steps=300)
    assert result.steps == 300 and not result.solved
    assert 0.4 < result.test_accuracy < 0.6


def test_experiments_are_seeded():
    one, two = (lh.long_lag_experiment("lstm", 8, seed=5, max_steps=100) for _ in range(2))
    assert np.array_equal(one.training_losses, two.training_losses) and one.test_accuracy == two.test_accuracy
    other = lh.long_lag_experiment("lstm", 8, seed=6, max_steps=100)
    assert not np.array_equal(one.training_losses, other.training_losses)


def test_experiment_settings_are_the_documented_defaults():
    lstm, rnn = lh.experiment_settings("lstm"), lh.experiment_settings("rnn")
    assert (lstm["n_units"], lstm["learning_rate"], lstm["batch_size"], lstm["max_steps"], lstm["n_test"]) == (
        4, 0.01, 64, 1500, 500)
    assert (lstm["forget_bias"], lstm["input_bias"]) == (5.0, -3.0)
    assert "forget_bias" not in rnn and {k: v for k, v in lstm.items() if k in rnn} == rnn
    assert lh.experiment_settings("rnn", learning_rate=0.03)["learning_rate"] == 0.03


def test_untrained_readout_reads_a_latched_rnn_only_with_large_recurrent_weights():
    large = [lh.untrained_readout_accuracy("rnn", 100, seed, recurrent_std=1.0) for seed in range(10)]
    small = [lh.untrained_readout_accuracy("rnn", 100, seed) for seed in range(10)]
    assert max(large) > 0.75 and max(small) < 0.65
    assert all(0.0 <= a <= 1.0 for a in large + small)


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.long_lag_data(0, 3, 0), ValueError, "n_days"),
        (lambda: lh.long_lag_data(5, "3", 0), TypeError, "n_sequences"),
        (lambda: lh.long_lag_data(5, 3, -1), ValueError, "seed"),
        (lambda: lh.long_lag_experiment("gru", 5, 0), ValueError, "cell"),
        (lambda: lh.long_lag_experiment("rnn", 5, 0, forget_bias=5.0), TypeError, "forget_bias"),
        (lambda: lh.long_lag_experiment("lstm", 5, 0, learnign_rate=0.1), TypeError, "learnign_rate"),
        (lambda: lh.long_lag_experiment("lstm", 5, 0, learning_rate="fast"), TypeError, "learning_rate"),
        (lambda: lh.long_lag_experiment("lstm", 5, 0, max_steps=0), ValueError, "max_steps"),
        (lambda: lh.long_lag_experiment("lstm", 5, 0, forget_bias=float("nan")), ValueError, "forget_bias"),
        (lambda: lh.gradient_by_lag("lstm", 0), ValueError, "max_days"),
        (lambda: lh.gradient_by_lag("lstm", 10, seeds=[]), ValueError, "seeds"),
        (lambda: lh.gradient_by_lag("lstm", 10, forget_bias="open"), TypeError, "forget_bias"),
        (lambda: lh.gradient_by_lag("rnn", 10, forget_bias=1.0), ValueError, "forget_bias"),
        (lambda: lh.first_day_influence([], np.zeros((3, 0, 1))), ValueError, "models"),
        (lambda: lh.first_day_influence([lh.new_sequence_model("rnn", 2)], np.zeros((3, 2, 1))), ValueError,
         "values"),
        (lambda: lh.stretched_companies(0), ValueError, "n_days"),
        (lambda: lh.forget_gate_product("params", [0.0, 1.0]), TypeError, "params"),
        (lambda: lh.untrained_readout_accuracy("rnn", 10, 0, forget_bias=1.0), TypeError, "forget_bias"),
        (lambda: table_row("GRU", 20, 0), ValueError, "variant"),
        (lambda: lh.long_lag_table(__file__), ValueError, "columns"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error) as caught:
        call()
    assert words in str(caught.value)


# --- the stored table -------------------------------------------------------------------------

def test_the_stored_table_has_every_run():
    table = lh.long_lag_table()
    assert table.variants == (*TABLE_VARIANTS, *GUESS_VARIANTS)  # training rows, then guessing (test_guessing.py)
    for variant, (cell, _, lags) in TABLE_VARIANTS.items():
        assert table.lags(variant) == lags
        for n_days in lags:
            runs = table.runs(variant, n_days)
            assert [row["seed"] for row in runs] == list(TABLE_SEEDS)
            assert all(row["cell"] == cell and 0 <= row["test_accuracy"] <= 1 for row in runs)
    solved, runs = table.solved("LSTM", 50)
    assert runs == len(TABLE_SEEDS) and solved == sum(r["test_accuracy"] >= SUCCESS for r in table.runs("LSTM", 50))


@pytest.mark.parametrize("variant, n_days, seed", [("LSTM", 20, 0), ("RNN", 20, 4)])
def test_a_row_of_the_stored_table_is_reproduced(variant, n_days, seed):
    stored = next(row for row in lh.long_lag_table().runs(variant, n_days) if row["seed"] == seed)
    _, cell, _, _, test_accuracy, steps, _ = table_row(variant, n_days, seed)
    assert (cell, test_accuracy, steps) == (stored["cell"], stored["test_accuracy"], stored["steps"])


def test_table_counts_read_a_row_as_text():
    table = lh.long_lag_table()
    text = table.counts("RNN", shortest=20)
    assert text.startswith("20 days ") and "5 days" not in text
    assert text.split(", ")[0] == "20 days %d/%d" % table.solved("RNN", 20)
