"""The layers' day loops as numba kernels: imported only through compiled.kernels() (see there).

Each kernel does, element by element and in the same order, what the numpy code it names
does with arrays; tests/test_compiled.py checks that every array they write has the same bits.
"""

import numba
import numpy as np

from .activations import INV_LN2, LN2_HI, LN2_LO, LOWEST, POWERS_OF_TWO, R1, R2, R3, R4, R5
from .lstm_math import CHUNK

SIZE = POWERS_OF_TWO.size
_jit = numba.njit(cache=True, nogil=True)  # no fastmath: every operation rounded as numpy rounds it


@_jit
def exp_terms(a):
    """(e^a, e^a - 1) for LOWEST <= a <= 0: activations.exp_parts and exp_and_expm1, step by step."""
    k = np.rint(a * INV_LN2)
    r = a - k * LN2_HI
    r = r - k * LN2_LO
    t = r * r
    c = t * R5
    c = (c + R4) * t
    c = (c + R3) * t
    c = (c + R2) * t
    c = (c + R1) * t
    c = 2.0 - (r - c)
    p = (r * 2.0) / c
    index = int(k)
    two_k = POWERS_OF_TWO[index + SIZE if index < 0 else index]
    scaled = p * two_k
    return two_k + scaled, (two_k - 1.0) + scaled


@_jit
def clamped(z, scale):
    """min(|z|, -LOWEST) * scale, then at least LOWEST: the exp's argument, as the numpy code clamps it."""
    a = abs(z)
    if a > -LOWEST:
        a = -LOWEST
    a = a * scale
    if a < LOWEST:
        a = LOWEST
    return a


@_jit
def tanh_one(x):
    """activations.tanh_values of one number."""
    e, u = exp_terms(clamped(x, -2.0))
    u = np.copysign(u, x)
    return u / (e + 1.0)


@_jit
def sigmoid_one(z):
    """activations.sigmoid_values of one number, as lstm_math.squash_gates computes it."""
    e = exp_terms(clamped(z, -1.0))[0]
    top = 1.0 if z >= 0 else e  # max(e, step(z)), with 0 <= e <= 1
    return top / (e + 1.0)


@_jit
def lstm_unroll(from_inputs, w_short, long, short, gates, longs, potentials, shorts):
    """LSTMLayer.unroll's day loop, in place; False (and stopped) at a sum that is not a number.

    Each loop is over one kind of column (no branch inside), so the compiler can use SIMD."""
    days, batch, width = from_inputs.shape
    units = width // 4
    sums = np.empty(width)
    for t in range(days):
        for b in range(batch):
            for j in range(width):  # lstm_math.dot: the products summed in order, from the first
                sums[j] = short[b, 0] * w_short[0, j]
            for k in range(1, units):
                for j in range(width):
                    sums[j] = sums[j] + short[b, k] * w_short[k, j]
            for j in range(width):
                sums[j] = sums[j] + from_inputs[t, b, j]
            for j in range(width):
                if sums[j] != sums[j]:
                    return False
            day = gates[t, b]  # lstm_math.squash_gates: forget, input, candidate, output
            for j in range(2 * units):
                day[j] = sigmoid_one(sums[j])
            for j in range(2 * units, 3 * units):
                day[j] = tanh_one(sums[j])
            for j in range(3 * units, width):
                day[j] = sigmoid_one(sums[j])
            for h in range(units):  # lstm_math.lstm_day
                longs[t, b, h] = long[b, h] * day[h] + day[units + h] * day[2 * units + h]
            for h in range(units):
                potentials[t, b, h] = tanh_one(longs[t, b, h])
            for h in range(units):
                shorts[t, b, h] = day[3 * units + h] * potentials[t, b, h]
        long, short = longs[t], shorts[t]
    return True


@_jit
def lstm_backward(d_short_memories, to_long, slopes, forget, back, d_sums, d_long, d_short):
    """LSTMLayer.backward's day loop, in place: d_sums (days, batch, 4, H), d_long and d_short (batch, H)."""
    days, batch, units = d_short_memories.shape
    width = 4 * units
    for t in range(days - 1, -1, -1):
        for b in range(batch):
            for h in range(units):
                d_short[b, h] = d_short[b, h] + d_short_memories[t, b, h]
                d_long[b, h] = d_long[b, h] + d_short[b, h] * to_long[t, b, h]
                for q in range(3):
                    d_sums[t, b, q, h] = d_long[b, h] * slopes[t, b, q, h]
                d_sums[t, b, 3, h] = d_short[b, h] * slopes[t, b, 3, h]
                d_long[b, h] = d_long[b, h] * forget[t, b, h]
            for h in range(units):  # lstm_math.dot of the day's d_sums and back, in order
                d_short[b, h] = d_sums[t, b, 0, 0] * back[0, h]
            for j in range(1, width):
                value = d_sums[t, b, j // units, j % units]
                for h in range(units):
                    d_short[b, h] = d_short[b, h] + value * back[j, h]


@_jit
def rnn_unroll(from_inputs, w_short, short, sums, shorts):
    """RNNLayer.unroll's day loop, in place; False (and stopped) at a sum that is not a number."""
    days, batch, units = from_inputs.shape
    for t in range(days):
        for b in range(batch):
            for h in range(units):
                sums[t, b, h] = short[b, 0] * w_short[0, h]
            for k in range(1, units):
                for h in range(units):
                    sums[t, b, h] = sums[t, b, h] + short[b, k] * w_short[k, h]
            for h in range(units):
                z = sums[t, b, h] + from_inputs[t, b, h]
                if z != z:
                    return False
                sums[t, b, h] = z
                shorts[t, b, h] = tanh_one(z)
        short = shorts[t]
    return True


@_jit
def rnn_backward(d_short_memories, slopes, back, d_sums, d_short):
    """RNNLayer.backward's day loop, in place: d_sums (days, batch, H), d_short (batch, H)."""
    days, batch, units = d_short_memories.shape
    for t in range(days - 1, -1, -1):
        for b in range(batch):
            for h in range(units):
                d_sums[t, b, h] = (d_short[b, h] + d_short_memories[t, b, h]) * slopes[t, b, h]
            for h in range(units):
                d_short[b, h] = d_sums[t, b, 0] * back[0, h]
            for j in range(1, units):
                value = d_sums[t, b, j]
                for h in range(units):
                    d_short[b, h] = d_short[b, h] + value * back[j, h]


@_jit
def sum_of_outer_products(a, b, total):
    """lstm_math.sum_of_outer_products into total (K, M), zeros: the same chunks, each summed in order."""
    rows, width_a = a.shape
    width_b = b.shape[1]
    step = max(1, CHUNK // (width_a * width_b))
    chunk = np.empty((width_a, width_b))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        for k in range(width_a):
            for m in range(width_b):
                chunk[k, m] = a[start, k] * b[start, m]
        for n in range(start + 1, stop):
            for k in range(width_a):
                value = a[n, k]
                for m in range(width_b):
                    chunk[k, m] = chunk[k, m] + value * b[n, m]
        for k in range(width_a):
            for m in range(width_b):
                total[k, m] = total[k, m] + chunk[k, m]
