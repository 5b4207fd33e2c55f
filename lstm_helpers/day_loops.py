"""The layers' loops over days, forwards and backwards: compiled when numba is there, numpy else.

A layer (layers.py) does everything that covers all days at once with numpy (the inputs'
part of every sum, every local slope); these functions walk the days one by one, where
each day needs the one before. The numpy loops below are the reference, and the course's
explanation; compiled.kernels() gives the same loops compiled, with the same bits.
"""

import numpy as np

from .activations import tanh_values
from .compiled import kernels
from .lstm_math import dot, lstm_day


def not_a_number():
    """The error for a day whose weighted sums are not numbers (inf - inf): named, not a crash inside exp."""
    return ValueError("a day's weighted sums are not numbers: two products overflowed to +inf and -inf; the "
                      "layer's weights or the values are too large (keep each weight x value well below 1e308)")


def lstm_days(from_inputs, w_short, long, short, out):
    """LSTMLayer.unroll's days: from_inputs (days, batch, 4H), the inputs' part of each day's sums
    (bias included); w_short (H, 4H); long and short (batch, H), the starting memories.
    Writes out = (gates (days, batch, 4H), longs, potentials, shorts (days, batch, H) each)."""
    compiled = kernels()
    if compiled is not None:
        if not compiled.lstm_unroll(from_inputs, w_short, long, short, *out):
            raise not_a_number()
        return
    gates, longs, potentials, shorts = out
    scratch = np.empty((short.shape[1], short.shape[0], w_short.shape[1]))
    for t in range(from_inputs.shape[0]):
        with np.errstate(over="ignore", invalid="ignore"):  # an infinite sum is fine; NaN is named below
            sums = dot(short, w_short, scratch)
            sums += from_inputs[t]
        if np.isnan(sums).any():
            raise not_a_number()
        lstm_day(sums, long, out=(gates[t], longs[t], potentials[t], shorts[t]))
        long, short = longs[t], shorts[t]


def lstm_days_backward(d_short_memories, to_long, slopes, forget, w_short, d_sums):
    """LSTMLayer.backward's days, last to first: writes d_sums (days, batch, 4, H) and returns
    (d_long, d_short) (batch, H), the gradients reaching the starting memories.

    d_short_memories, to_long and forget (days, batch, H); slopes (days, batch, 4, H)."""
    days, batch, units = to_long.shape
    back = np.ascontiguousarray(w_short.T)
    d_short = np.zeros((batch, units))  # reaching today's short-term memory from tomorrow
    d_long = np.zeros((batch, units))   # along the long-term memory from tomorrow
    compiled = kernels()
    if compiled is not None:
        compiled.lstm_backward(np.ascontiguousarray(d_short_memories), to_long, slopes, forget, back,
                               d_sums, d_long, d_short)
        return d_long, d_short
    scratch = np.empty((4 * units, batch, units))
    for t in range(days - 1, -1, -1):
        d_short = d_short + d_short_memories[t]
        d_long += d_short * to_long[t]
        np.multiply(d_long[:, None], slopes[t, :, :3], out=d_sums[t, :, :3])
        np.multiply(d_short, slopes[t, :, 3], out=d_sums[t, :, 3])
        d_long *= forget[t]  # the long-term path: only the forget gate scales it
        d_short = dot(d_sums[t].reshape(batch, 4 * units), back, scratch)
    return d_long, d_short


def rnn_days(from_inputs, w_short, short, sums, shorts):
    """RNNLayer.unroll's days: from_inputs (days, batch, H), w_short (H, H), short (batch, H);
    writes sums and shorts (days, batch, H)."""
    compiled = kernels()
    if compiled is not None:
        if not compiled.rnn_unroll(from_inputs, w_short, short, sums, shorts):
            raise not_a_number()
        return
    scratch = np.empty((short.shape[1], short.shape[0], w_short.shape[1]))
    for t in range(from_inputs.shape[0]):
        with np.errstate(over="ignore", invalid="ignore"):
            sums[t] = dot(short, w_short, scratch)
            sums[t] += from_inputs[t]
        if np.isnan(sums[t]).any():
            raise not_a_number()
        shorts[t] = short = tanh_values(sums[t])


def rnn_days_backward(d_short_memories, slopes, w_short, d_sums):
    """RNNLayer.backward's days, last to first: writes d_sums (days, batch, H) and returns d_short
    (batch, H), the gradient reaching the starting memory. slopes: each day's tanh slope."""
    days, batch, units = slopes.shape
    back = np.ascontiguousarray(w_short.T)
    d_short = np.zeros((batch, units))
    compiled = kernels()
    if compiled is not None:
        compiled.rnn_backward(np.ascontiguousarray(d_short_memories), slopes, back, d_sums, d_short)
        return d_short
    scratch = np.empty((units, batch, units))
    for t in range(days - 1, -1, -1):
        np.multiply(d_short + d_short_memories[t], slopes[t], out=d_sums[t])
        d_short = dot(d_sums[t], back, scratch)  # ... and the same w_short, every day
    return d_short
