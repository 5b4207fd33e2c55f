"""Backpropagation through time and training: gradients checked, the source's run reproduced."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_helpers as lh
from lstm_helpers.lstm import EXAMPLE_PARAMS

SEQUENCES = [lh.COMPANY_A[:4], lh.COMPANY_B[:4]]
TARGETS = [lh.COMPANY_A[4], lh.COMPANY_B[4]]


def test_untrained_params_are_the_sources_start():
    numbers = lh.UNTRAINED_PARAMS.to_list()
    assert numbers[2::3] == [0.0] * 4, "biases start at 0"
    assert [round(v, 8) for i, v in enumerate(numbers) if i % 3 != 2] == [
        0.33669037, 0.12880941, 0.23446237, 0.23033303, -1.12285638, -0.18632829, 2.20820141, -0.63799703]
    before = [lh.unroll(s, lh.UNTRAINED_PARAMS).prediction for s in SEQUENCES]
    assert [round(p, 4) for p in before] == [-0.0377, -0.0383]


def test_loss_is_the_squared_residual_of_the_prediction():
    loss, grads = lh.loss_and_gradients(EXAMPLE_PARAMS, lh.COMPANY_B[:4], 1.0)
    assert loss == pytest.approx((lh.unroll(lh.COMPANY_B[:4]).prediction - 1.0) ** 2, rel=1e-12)
    assert isinstance(grads, lh.LSTMParams)


numbers = st.floats(-3, 3)


@settings(max_examples=60, deadline=None)
@given(st.lists(numbers, min_size=12, max_size=12), st.lists(st.floats(-1, 1), min_size=1, max_size=6), numbers)
def test_gradients_agree_with_finite_differences(values, sequence, target):
    params = lh.LSTMParams.from_list(values)
    _, grads = lh.loss_and_gradients(params, sequence, target)
    numeric = lh.finite_difference_gradients(params, sequence, target, step=1e-6)
    for g, n in zip(grads.to_list(), numeric.to_list()):
        assert g == pytest.approx(n, rel=1e-6, abs=1e-8)


def test_training_reproduces_the_source():
    run = lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, epochs=5000, learning_rate=0.001)
    predictions = [lh.unroll(s, run.params).prediction for s in SEQUENCES]
    assert [round(p, 4) for p in predictions] == [0.0022, 0.9693]
    assert [round(v, 2) for v in run.params.to_list()] == EXAMPLE_PARAMS.to_list()
    assert run.loss_history.shape == (5000,) and run.loss_history[-1] < run.loss_history[0] / 100


def test_each_epoch_is_one_step_per_sequence_in_order():
    one = lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, epochs=1, optimizer="sgd", learning_rate=0.5)
    p = lh.UNTRAINED_PARAMS
    for sequence, target in zip(SEQUENCES, TARGETS):
        _, g = lh.loss_and_gradients(p, sequence, target)
        p = lh.LSTMParams.from_list([a - 0.5 * b for a, b in zip(p.to_list(), g.to_list())])
    np.testing.assert_allclose(one.params.to_list(), p.to_list(), rtol=1e-12)
    reversed_order = lh.train_lstm(SEQUENCES[::-1], TARGETS[::-1], lh.UNTRAINED_PARAMS, 1, 0.5, "sgd")
    assert reversed_order.params != one.params


def test_snapshots_and_callback():
    seen = []
    run = lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 30, snapshot_epochs=(10, 30),
                        callback=lambda epoch, loss: seen.append(epoch), callback_every=10)
    assert sorted(run.snapshots) == [10, 30] and run.snapshots[30] == run.params
    assert seen == [10, 20, 30]


def test_a_larger_learning_rate_gets_there_sooner_and_too_large_gets_stuck():
    def epochs_to(rate):
        history = lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 2000, rate).loss_history
        below = np.flatnonzero(history < 0.01)
        return below[0] + 1 if below.size else None

    assert epochs_to(0.1) < 100 < epochs_to(0.01)
    assert epochs_to(0.001) is None and epochs_to(1.0) is None


def test_an_absurd_learning_rate_saturates_and_sticks_without_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 50, learning_rate=1e300, optimizer="sgd")
    weights = np.abs(run.params.to_list())
    assert np.isfinite(weights).all() and weights.max() > 1e290
    assert np.all(run.loss_history[1:] == pytest.approx(1.0)), "saturated gates: the gradients vanish, the loss sticks"


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.train_lstm(SEQUENCES, TARGETS[:1], lh.UNTRAINED_PARAMS, 10), ValueError, "2 sequences and 1 targets"),
        (lambda: lh.train_lstm([], [], lh.UNTRAINED_PARAMS, 10), ValueError, "not be empty"),
        (lambda: lh.train_lstm("0, 1", TARGETS, lh.UNTRAINED_PARAMS, 10), TypeError, "sequences must be a list"),
        (lambda: lh.train_lstm([[0, float("nan")], [1, 1]], TARGETS, lh.UNTRAINED_PARAMS, 10), ValueError, r"sequences\[0\] must hold only finite"),
        (lambda: lh.train_lstm(SEQUENCES, [0, float("inf")], lh.UNTRAINED_PARAMS, 10), ValueError, "targets must hold only finite"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 0), ValueError, "epochs must be a whole number from 1 to 1,000,000"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 2.5), TypeError, "epochs must be a whole number"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 10, learning_rate=-0.1), ValueError, "learning_rate must be positive"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 10, optimizer="rmsprop"), ValueError, "optimizer must be one of 'adam', 'sgd'"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, None, 10), TypeError, "params must be an LSTMParams"),
        (lambda: lh.train_lstm(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 10, snapshot_epochs=(20,)), ValueError, "snapshot_epochs must be None or a list of epochs, whole numbers from 1 to epochs"),
        (lambda: lh.loss_and_gradients(EXAMPLE_PARAMS, [], 0), ValueError, "at least one day"),
        (lambda: lh.loss_and_gradients(EXAMPLE_PARAMS, [0, 1], "1"), TypeError, "target must be a real number"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_describe_lists_the_12_numbers():
    text = EXAMPLE_PARAMS.describe(beside=lh.UNTRAINED_PARAMS, beside_title="start")
    lines = text.splitlines()
    assert len(lines) == 6 and lines[0].split() == ["these", "start"]
    assert lines[1].split() == ["w_short", "w_input", "bias"] * 2
    assert lines[2].split() == ["forget", "gate", "2.70", "1.63", "1.62", "0.34", "0.13", "0.00"]
    assert lines[4].startswith("potential long-term memory")
    assert lh.LSTMParams.NAMES[-1] == "output gate bias"
    assert not any("candidate" in line for line in lines), "learners read the course's words"
