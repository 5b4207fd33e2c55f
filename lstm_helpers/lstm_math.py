"""One LSTM day, and matrix products with a fixed order: the arithmetic every LSTM in the course shares.

The unit of notebooks 03-04 (lstm.py, a layer of 1 unit reading 1 input), the layers of
notebooks 06-07 (layers.py) and the long-lag influence (long_lag.py) all run `lstm_day`.
Notebook 05's training (training.py) runs the same day on Python floats; a test checks it
gives the layer's numbers.

Why not `@`: numpy's matrix product goes to BLAS, whose kernels differ by CPU (summation
order, FMA), so the last bits of a product depend on the machine, and a chaotic training
run turns them into other results. `dot` multiplies with broadcasting, then sums over a
non-last axis, which numpy adds one slice at a time in a fixed order: the same bits on any
CPU, and no BLAS thread is ever started. With sigmoid and tanh from activations.py's own
exp, a run is bit for bit the same on every machine.
"""

import functools
import math

import numpy as np

from .activations import LOWEST, exp_and_expm1, tanh_values
from .compiled import kernels

CHUNK = 1 << 20  # at most this many products held at once by `dot` and `sum_of_outer_products`


def dot(a, w, scratch=None):
    """a (..., K) times w (K, M), summed over K in order: (..., M). No BLAS.

    w may also be a stack (..., K, M) that broadcasts against a's leading axes.
    The products are laid out (K, ..., M) and summed over their first axis: numpy adds
    those slices one at a time, in order from 0, with long contiguous inner loops (the
    fastest way to get a fixed order). When M is 1 (and no scratch is given) numpy lays
    the products out with K last in memory and sums them pairwise, its own fixed order;
    numba_kernels follows both. scratch: an optional C-ordered float array of that shape.
    """
    rows = math.prod(a.shape[:-1])
    if scratch is None and w.ndim == 2 and rows * w.size > CHUNK and a.ndim > 1:
        step = max(1, CHUNK // w.size)
        flat = a.reshape(rows, a.shape[-1])
        parts = [dot(flat[k:k + step], w) for k in range(0, rows, step)]
        return np.concatenate(parts).reshape(*a.shape[:-1], w.shape[1])
    if a.ndim == 2 and w.ndim == 2:  # a layer's day: the common case, without moveaxis's cost
        products = np.multiply(a.T[:, :, None], w[:, None, :], out=scratch)
        return np.add.reduce(products, axis=0)
    w = w.reshape((1,) * (a.ndim + 1 - w.ndim) + w.shape)  # as many leading axes as a
    products = np.multiply(np.moveaxis(a, -1, 0)[..., None], np.moveaxis(w, -2, 0), out=scratch)
    return np.add.reduce(products, axis=0)


def sum_of_outer_products(a, b):
    """The sum over n of a[n] (K,) times b[n] (M,) as a (K, M) matrix: a.T @ b, in a fixed order."""
    a = np.ascontiguousarray(a.reshape(-1, a.shape[-1]), dtype=float)  # C-ordered: numpy's order below
    b = np.ascontiguousarray(b.reshape(-1, b.shape[-1]), dtype=float)
    step = max(1, CHUNK // (a.shape[1] * b.shape[1]))
    total = np.zeros((a.shape[1], b.shape[1]))
    compiled = kernels()
    if compiled is not None:
        compiled.sum_of_outer_products(a, b, total)
        return total
    for k in range(0, a.shape[0], step):
        total += np.add.reduce(a[k:k + step, :, None] * b[k:k + step, None, :], axis=0)
    return total


@functools.lru_cache(maxsize=64)
def _gate_scale(units):
    """-1 for the sigmoid gates' columns, -2 for the candidate's (tanh(z) needs e^(-2|z|))."""
    scale = np.repeat([-1.0, -1.0, -2.0, -1.0], units)
    scale.setflags(write=False)
    return scale


def squash_gates(sums, out=None):
    """The four gates from their sums (..., 4H), side by side as forget, input, candidate, output:
    sigmoid for three, tanh for the candidate, from one exp of all of them. Bit for bit
    activations.sigmoid_values and tanh_values of each part. out: an array to write them in."""
    units = sums.shape[-1] // 4
    a = np.abs(sums)
    np.minimum(a, -LOWEST, out=a)  # clamped first: 2|z| cannot overflow
    a *= _gate_scale(units)
    e, u = exp_and_expm1(a, overwrite=True)
    # sigmoid: 1 / (1 + e^-z) at z >= 0, e^z / (1 + e^z) below: the top is 1 or e (e <= 1), which
    # max(e, step(z)) picks with the step 1 at z >= 0 and 0 below (cheaper than np.where)
    top = np.maximum(e, np.heaviside(sums, 1.0))
    h2, h3 = 2 * units, 3 * units
    np.copysign(u[..., h2:h3], sums[..., h2:h3], out=top[..., h2:h3])  # tanh: |u| / (1 + e), sign of z
    e += 1.0
    return np.divide(top, e, out=top if out is None else out)


def lstm_day(sums, long, out=(None, None, None, None)):
    """One day of an LSTM: (gates (..., 4H), long-term memory, potential short-term memory,
    short-term memory), each of the last three (..., H).

    sums: the day's four weighted sums, w_short * yesterday's short-term memory + w_input *
    today's input + bias, per gate; long: yesterday's long-term memory (..., H).
    out: four arrays of those shapes to write the results in (a layer's day slots), or Nones.
    """
    gates_out, long_out, potential_out, short_out = out
    gates = squash_gates(sums, gates_out)
    f, i, g, o = split_gates(gates)
    new_long = np.multiply(long, f, out=long_out)
    new_long += i * g
    potential = tanh_values(new_long, potential_out)
    return gates, new_long, potential, np.multiply(o, potential, out=short_out)


def split_gates(gates):
    """(forget, input, candidate, output) views of gates (..., 4H)."""
    units = gates.shape[-1] // 4
    return tuple(gates[..., k * units:(k + 1) * units] for k in range(4))
