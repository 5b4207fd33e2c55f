import warnings

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import lstm_helpers as lh


def test_unroll_reuses_the_same_weights_each_day():
    rnn = lh.BasicRNN(w_input=2.0, w_recurrent=0.5, bias=1.0)
    run = rnn.unroll([1.0, 0.0, 3.0])
    np.testing.assert_allclose(run.outputs, [3.0, 2.5, 8.25])
    assert run.prediction == 8.25


@pytest.mark.parametrize("activation, expected", [("relu", [0.0, 1.0]), ("tanh", [np.tanh(-1), np.tanh(1 + 0.5 * np.tanh(-1))])])
def test_activations(activation, expected):
    run = lh.BasicRNN(1.0, 0.5, activation=activation).unroll([-1.0, 1.0])
    np.testing.assert_allclose(run.outputs, expected)


def test_gradient_scales_as_w_to_the_n():
    # the first of 51 days crosses 50 recurrent links
    assert lh.BasicRNN(1, 0.5).input_gradients([1.0] * 51)[0] == pytest.approx(8.9e-16, rel=0.01)
    assert lh.BasicRNN(1, 2.0).input_gradients([1.0] * 51)[0] == pytest.approx(1.126e15, rel=0.01)
    assert lh.gradient_scale(0.5, 50) == 0.5**50


@given(st.floats(-2.5, 2.5), st.floats(-3, 3), st.integers(1, 15), st.sampled_from(["identity", "tanh", "relu"]))
def test_gradients_match_finite_differences(w, w_in, days, activation):
    rnn = lh.BasicRNN(w_in, w, bias=0.1, activation=activation)
    values = np.linspace(-1, 1, days)
    if activation == "relu":  # relu has no slope at 0: keep every sum off its kink
        assume(np.all(np.abs(rnn.unroll(values).sums) > 1e-3))
    grads = rnn.input_gradients(values)
    for day in (0, days - 1):
        # outputs reach 2.5**14; a step below 1e-4 would drown in their rounding
        numeric = rnn.finite_difference(values, day, step=1e-4)
        assert grads[day] == pytest.approx(numeric, rel=1e-4, abs=1e-5)


def test_finite_difference_by_hand():
    rnn = lh.BasicRNN(1.0, 0.5)
    up = rnn.unroll([1.5, 0.0, 0.0]).prediction
    down = rnn.unroll([0.5, 0.0, 0.0]).prediction
    assert rnn.finite_difference([1.0, 0.0, 0.0], 0, step=0.5) == (up - down) / 1.0 == 0.25


def test_identity_gradients_are_exact_powers():
    grads = lh.BasicRNN(1.5, -0.8).input_gradients(np.ones(10))
    np.testing.assert_allclose(grads, 1.5 * (-0.8) ** np.arange(9, -1, -1))


def test_overflow_becomes_inf_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert lh.gradient_scale(10, 400) == np.inf
        assert lh.gradient_scale(0, 0) == 1.0
        assert lh.gradient_scale(-2, 3) == -8.0
        grads = lh.BasicRNN(1, 1e200).input_gradients([1.0, 1.0, 1.0])
    assert np.isinf(grads[0])


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.BasicRNN(w_recurrent="2"), TypeError, "BasicRNN.w_recurrent must be a real number"),
        (lambda: lh.BasicRNN(activation="sigmoid"), ValueError, "'identity', 'relu', 'tanh'"),
        (lambda: lh.BasicRNN().unroll([]), ValueError, "at least one day"),
        (lambda: lh.BasicRNN().unroll([[1, 2]]), ValueError, "1-D sequence"),
        (lambda: lh.BasicRNN().unroll([1, None]), TypeError, "values must hold real numbers"),
        (lambda: lh.BasicRNN().input_gradients([1.0], initial_output=float("nan")), ValueError, "initial_output must be a finite number"),
        (lambda: lh.BasicRNN().finite_difference([1.0, 2.0], 2), ValueError, "day must be a whole number from 0 to 1"),
        (lambda: lh.BasicRNN().finite_difference([1.0], 0, step=0), ValueError, "step must be positive"),
        (lambda: lh.gradient_scale(2, -1), ValueError, "n_days must be a whole number"),
        (lambda: lh.gradient_scale(2, 1.5), TypeError, "n_days must be a whole number"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error, match=words):
        call()
