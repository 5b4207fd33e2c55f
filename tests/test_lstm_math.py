"""The arithmetic every LSTM shares (lstm_math, activations): an exp of our own, products without BLAS,
one LSTM day for the unit, the layer and training."""

import warnings

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import training
from lstm_helpers.activations import (
    exact_exp, exp_and_expm1, sigmoid_float, sigmoid_values, tanh_float, tanh_values,
)
from lstm_helpers.lstm_math import dot, lstm_day, split_gates, squash_gates, sum_of_outer_products

RNG = np.random.default_rng(20)
WIDE = np.concatenate([RNG.normal(0, 3, 100_000), RNG.uniform(-700, 700, 50_000),
                       np.exp(RNG.uniform(-60, 6.5, 50_000)) * RNG.choice([-1, 1], 50_000)])


def relative(got, want):
    want = np.asarray(want, dtype=np.longdouble)
    keep = np.abs(want) > 1e-300
    return float(np.max(np.abs(got[keep] - want[keep]) / np.abs(want[keep])))


def test_exp_is_within_about_one_ulp_over_a_wide_range():
    x = np.clip(WIDE, -745, 709)
    assert relative(exact_exp(x), np.exp(x.astype(np.longdouble))) < 2.5e-16
    assert relative(exact_exp(x), np.exp(x)) < 4e-16  # numpy's own, itself within about 1 ulp
    negative = -np.abs(WIDE)
    assert relative(exp_and_expm1(negative)[1], np.expm1(negative.astype(np.longdouble))) < 4e-16


def test_sigmoid_and_tanh_are_within_about_two_ulps_even_near_zero():
    x = WIDE.astype(np.longdouble)
    assert relative(tanh_values(WIDE), np.tanh(x)) < 5e-16
    assert relative(sigmoid_values(WIDE), 1 / (1 + np.exp(-x))) < 4e-16
    tiny = np.array([1e-300, -3e-20, 2e-9])
    assert np.all(tanh_values(tiny) == tiny) and np.all(tanh_values(-tiny) == -tiny)


def test_no_warning_and_exact_saturation_at_extreme_sums():
    x = np.array([1e308, -1e308, 800.0, -800.0, 0.0, -0.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert list(sigmoid_values(x)) == [1.0, 0.0, 1.0, 0.0, 0.5, 0.5]
        assert list(tanh_values(x)) == [1.0, -1.0, 1.0, -1.0, 0.0, 0.0]
        gates = squash_gates(np.tile(x[:4], 4)[None])
    assert np.all((gates == 0) | (np.abs(gates) == 1))


def test_the_float_fast_path_agrees_with_the_arrays():
    for x in WIDE[::97]:
        assert sigmoid_float(float(x)) == pytest.approx(sigmoid_values(np.array(x)), rel=1e-15, abs=2e-16)
        assert tanh_float(float(x)) == pytest.approx(tanh_values(np.array(x)), rel=1e-15, abs=2e-16)


def test_the_four_gates_are_sigmoid_and_tanh_bit_for_bit():
    sums = RNG.normal(0, 4, (64, 4 * 8))
    f, i, g, o = split_gates(squash_gates(sums))
    parts = split_gates(sums)
    for gate, part in ((f, parts[0]), (i, parts[1]), (o, parts[3])):
        assert np.array_equal(gate, sigmoid_values(part))
    assert np.array_equal(g, tanh_values(parts[2]))


def test_products_without_blas_agree_with_matmul():
    a, w = RNG.normal(size=(7, 64, 9)), RNG.normal(size=(9, 36))
    assert np.allclose(dot(a, w), a @ w, rtol=1e-13, atol=1e-13)
    big = RNG.normal(size=(3000, 40))  # more products than one chunk holds
    assert np.allclose(dot(big, RNG.normal(size=(40, 30))[:, :]).shape, (3000, 30))
    b = RNG.normal(size=(5000, 12))
    assert np.allclose(sum_of_outer_products(big[:, :12].copy(), b[:3000]), big[:, :12].T @ b[:3000], rtol=1e-12)


def test_products_sum_in_a_fixed_order():
    """Each output is ((a0 w0 + a1 w1) + a2 w2) + ...: the order written down, whatever the CPU."""
    a, w = RNG.normal(size=(5, 6)), RNG.normal(size=(6, 3))
    by_hand = np.zeros((5, 3))
    for k in range(6):
        by_hand = by_hand + a[:, k:k + 1] * w[k]
    assert np.array_equal(dot(a, w), by_hand)


def test_the_unit_is_the_1x1_layer_bit_for_bit():
    days = [0.0, 0.5, 0.25, 1.0, 0.8]
    run = lh.LSTMLayer.from_params(lh.EXAMPLE_PARAMS).unroll(days, long_memory=0.3, short_memory=-0.2)
    unrolled = lh.unroll(days, long_memory=0.3, short_memory=-0.2)
    assert np.array_equal(run.short_memories[:, 0, 0], unrolled.short_memories)
    assert np.array_equal(run.long_memories[:, 0, 0], unrolled.long_memories)
    assert [s.forget_gate for s in unrolled.steps] == list(run.forget_gates[:, 0, 0])


def test_lstm_day_is_what_the_layer_runs():
    layer = lh.new_layer("lstm", 3, 2, seed=4)
    values = RNG.normal(size=(2, 5, 2))
    run = layer.unroll(values)
    w_short, w_input, bias = layer.stacked()
    sums = dot(np.zeros((5, 3)), w_short) + (dot(values[0], w_input) + bias)
    gates, long, potential, short = lstm_day(sums, np.zeros((5, 3)))
    assert np.array_equal(short, run.short_memories[0]) and np.array_equal(long, run.long_memories[0])
    assert np.array_equal(split_gates(gates)[1], run.input_gates[0])


@pytest.mark.parametrize("params", [lh.UNTRAINED_PARAMS, lh.EXAMPLE_PARAMS])
def test_notebook_05s_scalar_training_agrees_with_the_layer(params):
    """training.py runs the unit on Python floats (it is 5x faster than numpy at this size);
    its prediction and all 12 gradients agree with the 1x1 layer to 1e-12."""
    sequence, target = [0.0, 0.5, 0.25, 1.0, 0.3, 0.9], 0.7
    prediction, tape = training._forward(params.to_list(), sequence)
    layer = lh.LSTMLayer.from_params(params)
    run = layer.unroll(sequence)
    assert prediction == pytest.approx(run.last_short_memory[0, 0], rel=1e-12, abs=1e-15)
    loss, gradients = lh.loss_and_gradients(params, sequence, target)
    d_short = np.zeros((len(sequence), 1, 1))
    d_short[-1] = 2.0 * (run.last_short_memory[0, 0] - target)
    layer_gradients = layer.backward(run, d_short)[0]
    want = [float(a.ravel()[0]) for a in layer_gradients.parameters()]
    assert gradients.to_list() == pytest.approx(want, rel=1e-12, abs=1e-15)

