"""The layers' loops over days, forwards and backwards: compiled when numba is there, numpy else.

Each day needs the one before, so a layer walks its days one by one here. The numpy code
below is the reference, and the course's explanation: it does what covers every day at once
(the inputs' part of every sum, every local slope) with whole arrays, then walks the days.
compiled.kernels() gives the same arithmetic compiled, one sequence and one day at a time,
with the same bits. weights: a layer's stacked() (w_short (H, G), w_input (I, G), bias (G,),
G = 4H for an LSTM, H for an RNN).

The compiled loops read at most 7 inputs a day (MAX_COMPILED_INPUTS; the course's layers read
1 or 2): numpy adds up to 7 products in the same order however it lays them out in memory,
while for more it may sum them pairwise, depending on the weights' layout.
"""

import numpy as np

from .activations import tanh_values
from .compiled import kernels as compiled_kernels
from .lstm_math import dot, lstm_day

MAX_COMPILED_INPUTS = 7


def kernels(inputs=1):
    """compiled.kernels(), for a layer reading `inputs` values a day (None above MAX_COMPILED_INPUTS)."""
    return compiled_kernels() if inputs <= MAX_COMPILED_INPUTS else None


def not_a_number():
    """The error for a day whose weighted sums are not numbers (inf - inf): named, not a crash inside exp."""
    return ValueError("a day's weighted sums are not numbers: two products overflowed to +inf and -inf; the "
                      "layer's weights or the values are too large (keep each weight x value well below 1e308)")


def input_sums(x, weights):
    """Every day's inputs' part of the sums at once: x (days, batch, I) @ w_input + bias (days, batch, G)."""
    _, w_input, bias = weights
    with np.errstate(over="ignore", invalid="ignore"):  # infinite parts are fine; NaN sums are named
        from_inputs = dot(x, w_input)
        from_inputs += bias
    return from_inputs


def lstm_days(x, weights, long, short, out):
    """LSTMLayer.unroll's days: x (days, batch, I); long and short (batch, H), the starting memories.
    Writes out = (gates (days, batch, 4H), longs, potentials, shorts (days, batch, H) each)."""
    compiled = kernels(x.shape[-1])
    if compiled is not None:
        w_short, w_input, bias = (np.ascontiguousarray(w) for w in weights)  # rows read in order: faster
        if not compiled.lstm_unroll(np.ascontiguousarray(x), w_input, bias, w_short, long, short, *out):
            raise not_a_number()
        return
    gates, longs, potentials, shorts = out
    w_short = weights[0]
    from_inputs = input_sums(x, weights)
    scratch = np.empty((short.shape[1], short.shape[0], w_short.shape[1]))
    for t in range(x.shape[0]):
        with np.errstate(over="ignore", invalid="ignore"):
            sums = dot(short, w_short, scratch)
            sums += from_inputs[t]
        if np.isnan(sums).any():
            raise not_a_number()
        lstm_day(sums, long, out=(gates[t], longs[t], potentials[t], shorts[t]))
        long, short = longs[t], shorts[t]


def lstm_days_backward(run, d_short_memories, weights):
    """LSTMLayer.backward's days, last to first, for an LSTMLayerRun and the gradients reaching each
    day's short-term memory (days, batch, H): (d_sums (days, batch, 4H), d_values (days, batch, I),
    d_long, d_short (batch, H): the gradients reaching the starting memories)."""
    days, batch, units = run.short_memories.shape
    w_short, w_input, _ = weights
    d_sums = np.empty((days, batch, 4, units))
    d_short = np.zeros((batch, units))  # reaching today's short-term memory from tomorrow
    d_long = np.zeros((batch, units))   # along the long-term memory from tomorrow
    compiled = kernels()
    if compiled is not None:
        d_values = np.empty(run.values.shape)
        gates = (run.forget_gates, run.input_gates, run.candidates, run.output_gates)
        compiled.lstm_backward(np.ascontiguousarray(d_short_memories), run.starting_long_memory, run.long_memories,
                               *gates, run.potential_short_memories, w_short, w_input, d_sums, d_values,
                               d_long, d_short)
        return d_sums.reshape(days, batch, 4 * units), d_values, d_long, d_short
    f, i, g, o = run.forget_gates, run.input_gates, run.candidates, run.output_gates
    potential = run.potential_short_memories
    previous_long = np.concatenate([run.starting_long_memory[None], run.long_memories[:-1]])
    # every day's local slopes at once: d sum = d_long * (first three) or d_short * (the last)
    slopes = np.stack([previous_long * f * (1.0 - f), g * i * (1.0 - i), i * (1.0 - g * g),
                       potential * o * (1.0 - o)], axis=2)  # (days, batch, 4, H)
    to_long = o * (1.0 - potential * potential)  # short = o * tanh(long)
    back = np.ascontiguousarray(w_short.T)
    scratch = np.empty((4 * units, batch, units))
    for t in range(days - 1, -1, -1):
        d_short = d_short + d_short_memories[t]
        d_long += d_short * to_long[t]
        np.multiply(d_long[:, None], slopes[t, :, :3], out=d_sums[t, :, :3])
        np.multiply(d_short, slopes[t, :, 3], out=d_sums[t, :, 3])
        d_long *= f[t]  # the long-term path: only the forget gate scales it
        d_short = dot(d_sums[t].reshape(batch, 4 * units), back, scratch)
    d_sums = d_sums.reshape(days, batch, 4 * units)
    return d_sums, dot(d_sums, np.ascontiguousarray(w_input.T)), d_long, d_short


def rnn_days(x, weights, short, sums, shorts):
    """RNNLayer.unroll's days: x (days, batch, I), short (batch, H); writes sums and shorts (days, batch, H)."""
    compiled = kernels(x.shape[-1])
    if compiled is not None:
        w_short, w_input, bias = (np.ascontiguousarray(w) for w in weights)
        if not compiled.rnn_unroll(np.ascontiguousarray(x), w_input, bias, w_short, short, sums, shorts):
            raise not_a_number()
        return
    w_short = weights[0]
    from_inputs = input_sums(x, weights)
    scratch = np.empty((short.shape[1], short.shape[0], w_short.shape[1]))
    for t in range(x.shape[0]):
        with np.errstate(over="ignore", invalid="ignore"):
            sums[t] = dot(short, w_short, scratch)
            sums[t] += from_inputs[t]
        if np.isnan(sums[t]).any():
            raise not_a_number()
        shorts[t] = short = tanh_values(sums[t])


def rnn_days_backward(run, d_short_memories, weights):
    """RNNLayer.backward's days, last to first: (d_sums (days, batch, H), d_values (days, batch, I),
    d_short (batch, H), the gradient reaching the starting memory)."""
    days, batch, units = run.short_memories.shape
    w_short, w_input, _ = weights
    d_sums = np.empty((days, batch, units))
    d_short = np.zeros((batch, units))
    compiled = kernels()
    if compiled is not None:
        d_values = np.empty(run.values.shape)
        compiled.rnn_backward(np.ascontiguousarray(d_short_memories), run.short_memories, w_short, w_input,
                              d_sums, d_values, d_short)
        return d_sums, d_values, d_short
    slopes = 1.0 - run.short_memories * run.short_memories  # each day's tanh slope
    back = np.ascontiguousarray(w_short.T)
    scratch = np.empty((units, batch, units))
    for t in range(days - 1, -1, -1):
        np.multiply(d_short + d_short_memories[t], slopes[t], out=d_sums[t])
        d_short = dot(d_sums[t], back, scratch)  # ... and the same w_short, every day
    return d_sums, dot(d_sums, np.ascontiguousarray(w_input.T)), d_short
