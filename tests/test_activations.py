import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import lstm_helpers as lh

finite = st.floats(allow_nan=False, allow_infinity=False)


def test_source_examples():
    assert round(lh.sigmoid(5), 2) == 0.99
    assert round(lh.tanh(-2), 2) == -0.96


def test_match_the_textbook_formulas():
    for x in (-3.0, -0.5, 0.0, 0.7, 4.0):
        assert lh.sigmoid(x) == pytest.approx(math.exp(x) / (math.exp(x) + 1))
        assert lh.tanh(x) == pytest.approx(
            (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))
        )


def test_float_in_float_out_array_in_array_out():
    assert type(lh.sigmoid(0.5)) is float
    assert type(lh.tanh(np.float32(0.5))) is float
    out = lh.sigmoid(np.array([-1.0, 0.0, 1.0]))
    assert isinstance(out, np.ndarray) and out.shape == (3,)
    assert lh.tanh([[0.0, 1.0]]).shape == (1, 2)


@pytest.mark.parametrize("x", [1e308, -1e308, 710.0, -710.0, 5e-324])
def test_no_warning_at_extreme_finite_inputs(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for f in (lh.sigmoid, lh.tanh, lh.sigmoid_derivative, lh.tanh_derivative):
            assert math.isfinite(f(x))


@given(finite)
def test_ranges(x):
    assert 0.0 <= lh.sigmoid(x) <= 1.0
    assert -1.0 <= lh.tanh(x) <= 1.0
    assert 0.0 <= lh.sigmoid_derivative(x) <= 0.25
    assert 0.0 <= lh.tanh_derivative(x) <= 1.0


@given(st.floats(-30, 30))
def test_symmetries(x):
    assert lh.sigmoid(-x) == pytest.approx(1 - lh.sigmoid(x), abs=1e-12)
    assert lh.tanh(-x) == pytest.approx(-lh.tanh(x), abs=1e-12)
    # tanh is a stretched, shifted sigmoid
    assert lh.tanh(x) == pytest.approx(2 * lh.sigmoid(2 * x) - 1, abs=1e-12)


@given(st.floats(-20, 20))
def test_derivatives_match_finite_differences(x):
    h = 1e-6
    for f, df in ((lh.sigmoid, lh.sigmoid_derivative), (lh.tanh, lh.tanh_derivative)):
        assert df(x) == pytest.approx((f(x + h) - f(x - h)) / (2 * h), abs=1e-7)


def test_slopes_vanish_far_from_zero():
    assert lh.sigmoid_derivative(0) == 0.25 and lh.tanh_derivative(0) == 1.0
    assert lh.sigmoid_derivative(20) < 1e-8 and lh.tanh_derivative(-20) < 1e-16


@given(arrays(float, st.integers(0, 20), elements=finite))
def test_arrays_elementwise(x):
    np.testing.assert_array_equal(lh.sigmoid(x), [lh.sigmoid(v) for v in x])


@pytest.mark.parametrize(
    "bad, error, words",
    [
        ("5", TypeError, "x must be a real number"),
        (None, TypeError, "x must be a real number"),
        (True, TypeError, "x must be a real number"),
        (["a", "b"], TypeError, "x must hold real numbers"),
        (1 + 2j, TypeError, "x must be a real number"),
        (float("nan"), ValueError, "x must be a finite number"),
        ([0.0, float("inf")], ValueError, "x must hold only finite numbers"),
    ],
)
def test_bad_input_is_named(bad, error, words):
    for f in (lh.sigmoid, lh.tanh, lh.sigmoid_derivative, lh.tanh_derivative):
        with pytest.raises(error, match=words):
            f(bad)
