"""The two squashing functions an LSTM is built from, and their slopes.

sigmoid squashes any number into (0, 1): a gate, read as a percentage.
tanh squashes any number into (-1, 1): a memory, with a sign.
Both are flat far from 0, which is where gradients vanish.
"""

import numpy as np

from ._checks import finite_array, plain


def _sigmoid(x):
    """sigmoid for a checked float array: exp(x) / (exp(x) + 1), never overflowing.

    exp(-|x|) is at most 1, so neither branch can overflow for any finite x.
    """
    small = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + small), small / (1.0 + small))


def sigmoid(x):
    """The sigmoid e^x / (e^x + 1) of a number or an array; sigmoid(5) is 0.99."""
    return plain(_sigmoid(finite_array(x, "x")))


def tanh(x):
    """The hyperbolic tangent (e^x - e^-x) / (e^x + e^-x); tanh(-2) is -0.96."""
    return plain(np.tanh(finite_array(x, "x")))


def sigmoid_derivative(x):
    """The slope of sigmoid at x: sigmoid(x) * (1 - sigmoid(x)), at most 0.25."""
    s = _sigmoid(finite_array(x, "x"))
    return plain(s * (1.0 - s))


def tanh_derivative(x):
    """The slope of tanh at x: 1 - tanh(x)^2, at most 1."""
    t = np.tanh(finite_array(x, "x"))
    return plain(1.0 - t * t)
