"""A basic recurrent unit, unrolled, and how much each earlier day moves its output.

Each day: output = activation(w_input * value + w_recurrent * previous output + bias).
The same w_recurrent links every day to the next, so the first day's effect on
the last output is multiplied by w_recurrent once per later day: it shrinks
towards 0 when |w_recurrent| < 1 (vanishes) and grows without bound when
|w_recurrent| > 1 (explodes).
"""

import math
from dataclasses import dataclass, fields

import numpy as np

from ._checks import finite_array, one_of, real_number, whole_number
from .lstm import weighted_sum

ACTIVATIONS = {
    "identity": (lambda z: z, lambda z: np.ones_like(z)),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
}


@dataclass(frozen=True)
class RNNRun:
    """The unrolled unit's sums (before the activation) and outputs, one per day."""

    sums: np.ndarray
    outputs: np.ndarray

    @property
    def prediction(self):
        """The last day's output."""
        return float(self.outputs[-1])


@dataclass(frozen=True)
class BasicRNN:
    """A one-number recurrent unit: two weights, a bias and an activation."""

    w_input: float = 1.0
    w_recurrent: float = 1.0
    bias: float = 0.0
    activation: str = "identity"

    def __post_init__(self):
        for field in fields(self)[:3]:
            value = real_number(getattr(self, field.name), f"BasicRNN.{field.name}")
            object.__setattr__(self, field.name, value)
        one_of(self.activation, "BasicRNN.activation", tuple(ACTIVATIONS))

    def unroll(self, values, initial_output=0.0):
        """Run the same unit over every day of `values` (a 1-D sequence)."""
        values = _days(values)
        previous = real_number(initial_output, "initial_output")
        activate, _ = ACTIVATIONS[self.activation]
        sums, outputs = np.empty_like(values), np.empty_like(values)
        for day, value in enumerate(values):
            sums[day] = self._sum(value, previous)
            outputs[day] = previous = activate(sums[day])
        return RNNRun(sums=sums, outputs=outputs)

    def _sum(self, value, previous):
        """w_input * value + w_recurrent * previous + bias, without NaN from huge terms.

        An exploded output is inf; a weight of 0 still cuts it off (0 * inf would be NaN).
        """
        if math.isfinite(previous):
            return float(weighted_sum(self.w_recurrent, previous, self.w_input, value, self.bias))
        recurrent = 0.0 if self.w_recurrent == 0 else self.w_recurrent * previous
        with np.errstate(over="ignore", invalid="ignore"):
            total = float(recurrent + weighted_sum(self.w_input, value, 0.0, 0.0, self.bias))
        if math.isnan(total):
            raise ValueError(
                "the unit's output went beyond a float's range and then met a term as large of the "
                "opposite sign, so the next sum cannot be computed: use smaller weights (w_input, "
                "w_recurrent, bias) or values"
            )
        return total

    def input_gradients(self, values, initial_output=0.0):
        """d(last output) / d(value of each day), by the chain rule, first day first.

        With the identity activation the day that is k days before the last
        gets w_input * w_recurrent**k: the w^n of the vanishing and exploding
        gradient problems. Huge products become inf, never an error; a factor of
        exactly 0 makes the product 0, however large the rest.
        """
        run = self.unroll(values, initial_output)
        _, slope = ACTIVATIONS[self.activation]
        slopes = slope(run.sums)
        gradients = np.empty_like(slopes)
        carried = (1.0, 0)  # d(last output) / d(this day's output), as mantissa and power of two
        for day in range(len(slopes) - 1, -1, -1):
            gradients[day] = _as_float(_times(carried, slopes[day], self.w_input))
            carried = _times(carried, slopes[day], self.w_recurrent)
        return gradients

    def finite_difference(self, values, day, step=1e-4, initial_output=0.0):
        """d(last output) / d(value of `day`) estimated by nudging that day up and down by step.

        A check on input_gradients that uses no calculus; day counts from 0.
        """
        values = _days(values)
        day = whole_number(day, "day", 0, len(values) - 1)
        step = real_number(step, "step")
        if step <= 0:
            raise ValueError(f"step must be positive, got {step}")
        up, down = values.copy(), values.copy()
        up[day] += step
        down[day] -= step
        return (self.unroll(up, initial_output).prediction - self.unroll(down, initial_output).prediction) / (2 * step)


def _times(product, *factors):
    """(mantissa, exponent) of product * factors, with the exponent a Python int: never overflows."""
    mantissa, exponent = product
    for factor in factors:
        m, e = math.frexp(float(factor))
        mantissa, extra = math.frexp(mantissa * m)
        exponent += e + extra
    return mantissa, exponent


def _as_float(product):
    """A (mantissa, exponent) product as a float: inf when beyond a float's range, 0 when below."""
    mantissa, exponent = product
    try:
        return math.ldexp(mantissa, exponent)
    except OverflowError:
        return math.copysign(math.inf, mantissa)


def _days(values):
    days = finite_array(values, "values")
    if days.ndim != 1 or days.size == 0:
        raise ValueError(
            f"values must be a 1-D sequence of at least one day, got shape {days.shape}"
        )
    return days


def gradient_scale(w_recurrent, n_days):
    """w_recurrent ** n_days: how much a signal that crosses n_days links is scaled.

    Returns inf rather than raising when the product is too big for a float.
    """
    w = real_number(w_recurrent, "w_recurrent")
    n_days = whole_number(n_days, "n_days", 0)
    sign = -1.0 if w < 0 and n_days % 2 else 1.0
    # beyond 2**60 links |w|**n is already 0, 1 or inf; a capped exponent keeps it a float
    with np.errstate(over="ignore", under="ignore"):
        return sign * float(np.float64(abs(w)) ** float(min(n_days, 2**60)))
