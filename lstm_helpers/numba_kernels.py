"""The layers' day loops as numba kernels: imported only through compiled.kernels() (see there).

Each kernel does, element by element and in the same order, what the numpy code it names
does with arrays; tests/test_compiled.py checks that every array they write has the same bits.
The work on a row of a day (one sequence's gates) is split into loops over whole rows with
no branch inside, so that the compiler can run each on several numbers at once (SIMD);
that changes no result, only how many are computed side by side.
"""

import numba
import numpy as np

from .activations import INV_LN2, LN2_HI, LN2_LO, LOWEST, POWERS_OF_TWO, R1, R2, R3, R4, R5
from .lstm_math import CHUNK

# 2^-m for m = 0, 1, ..., 1100: the table of activations, read with a non-negative index
HALVINGS = np.concatenate([POWERS_OF_TWO[:1], POWERS_OF_TWO[:0:-1]])
# no fastmath: every operation rounded as numpy rounds it; error_model "numpy": a division by 0
# would give inf as in numpy, not raise (none happens here), which lets the compiler use SIMD
_jit = numba.njit(cache=True, nogil=True, error_model="numpy")


@_jit
def pairwise_block(p, start, n):
    """numpy's sum of at most 128 numbers p[start:start + n]: below 8 in order from 0, else in 8
    running sums combined in a fixed tree, then the rest in order."""
    if n < 8:
        total = 0.0
        for i in range(n):
            total = total + p[start + i]
        return total
    r = p[start:start + 8].copy()
    i = 8
    while i < n - n % 8:
        for j in range(8):
            r[j] = r[j] + p[start + i + j]
        i += 8
    total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    for i in range(i, n):
        total = total + p[start + i]
    return total


@_jit
def pairwise_sum(p, start, n):
    """numpy's pairwise sum of p[start:start + n] (its add.reduce of a contiguous row): blocks of up
    to 128 (pairwise_block), halves (cut at a multiple of 8) added as numpy's recursion adds them.
    The recursion is written as a loop over a stack: numba cannot cache a recursive function."""
    if n <= 128:
        return pairwise_block(p, start, n)
    starts, sizes, stages = np.empty(64, np.int64), np.empty(64, np.int64), np.zeros(64, np.int64)
    lefts = np.empty(64)
    starts[0], sizes[0], stages[0], top, result = start, n, 0, 0, 0.0
    while top >= 0:
        size = sizes[top]
        half = size // 2 - (size // 2) % 8
        if size <= 128 or stages[top] == 2:
            value = pairwise_block(p, starts[top], size) if size <= 128 else lefts[top] + result
            top -= 1
            if top >= 0 and stages[top] == 1:
                lefts[top] = value
            result = value  # the right half's value, when the frame below is at stage 2
        elif stages[top] == 0:
            stages[top] = 1
            top += 1
            starts[top], sizes[top], stages[top] = starts[top - 1], half, 0
        else:
            stages[top] = 2
            top += 1
            starts[top], sizes[top], stages[top] = starts[top - 1] + half, size - half, 0
    return result


@_jit
def exp_row(a, n, k, p, e, u):
    """e^a and e^a - 1 into e and u, for the first n of a (LOWEST <= a <= 0, clamped by the caller):
    activations.exp_parts and exp_and_expm1, step by step. k and p: scratch rows."""
    for j in range(n):
        kj = np.rint(a[j] * INV_LN2)
        r = a[j] - kj * LN2_HI
        r = r - kj * LN2_LO
        t = r * r
        c = t * R5
        c = (c + R4) * t
        c = (c + R3) * t
        c = (c + R2) * t
        c = (c + R1) * t
        c = 2.0 - (r - c)
        p[j] = (r * 2.0) / c
        k[j] = kj
    for j in range(n):
        k[j] = HALVINGS[min(max(int(-k[j]), 0), HALVINGS.size - 1)]  # 2^k, exactly (k from 0 to -1077)
    for j in range(n):
        scaled = p[j] * k[j]
        e[j] = k[j] + scaled
        u[j] = (k[j] - 1.0) + scaled


@_jit
def clamp_row(z, scale, n, a):
    """min(|z|, -LOWEST) * scale, then at least LOWEST, into a: the exp's argument, as numpy clamps it."""
    for j in range(n):
        value = min(abs(z[j]), -LOWEST) if z[j] == z[j] else z[j]
        value = value * scale[j]
        a[j] = max(value, LOWEST)


@_jit
def gates_row(z, scale, candidate, out, rows):
    """lstm_math.squash_gates of one row of sums z (4H): sigmoid, or tanh where `candidate`."""
    n = z.size
    a, k, p, e, u = rows[0, :n], rows[1, :n], rows[2, :n], rows[3, :n], rows[4, :n]
    clamp_row(z, scale, n, a)
    exp_row(a, n, k, p, e, u)
    for j in range(n):
        top = np.copysign(u[j], z[j]) if candidate[j] else (1.0 if z[j] >= 0 else e[j])
        out[j] = top / (e[j] + 1.0)


@_jit
def tanh_row(x, out, rows):
    """activations.tanh_values of one row x into out."""
    n = x.size
    a, k, p, e, u = rows[0, :n], rows[1, :n], rows[2, :n], rows[3, :n], rows[4, :n]
    for j in range(n):
        a[j] = -2.0
    clamp_row(x, a, n, a)
    exp_row(a, n, k, p, e, u)
    for j in range(n):
        out[j] = np.copysign(u[j], x[j]) / (e[j] + 1.0)


@_jit
def weighted_sums(x, w_input, bias, short, w_short, z, part):
    """One row's sums into z: lstm_math.dot(short, w_short) + (lstm_math.dot(x, w_input) + bias),
    each sum from 0 adding the products in order, as numpy's reduce over the first axis does."""
    width = z.size
    for j in range(width):
        z[j] = 0.0
        part[j] = 0.0
    for k in range(short.size):
        for j in range(width):
            z[j] = z[j] + short[k] * w_short[k, j]
    for i in range(x.size):  # fewer than 8 inputs (day_loops): numpy's pairwise sum would add them so too
        for j in range(width):
            part[j] = part[j] + x[i] * w_input[i, j]
    bad = False
    for j in range(width):
        z[j] = z[j] + (part[j] + bias[j])
        bad = bad or z[j] != z[j]
    return bad


@_jit
def lstm_unroll(x, w_input, bias, w_short, long, short, gates, longs, potentials, shorts):
    """LSTMLayer.unroll's days (day_loops.lstm_days), in place; False (and stopped) at a sum that
    is not a number."""
    days, batch, _ = x.shape
    width = w_short.shape[1]
    units = width // 4
    z, part = np.empty(width), np.empty(width)
    rows = np.empty((5, width))
    scale = np.full(width, -1.0)
    candidate = np.zeros(width, dtype=np.bool_)
    scale[2 * units:3 * units] = -2.0
    candidate[2 * units:3 * units] = True
    for t in range(days):
        for b in range(batch):
            if weighted_sums(x[t, b], w_input, bias, short[b], w_short, z, part):
                return False
            day = gates[t, b]
            gates_row(z, scale, candidate, day, rows)
            for h in range(units):  # lstm_math.lstm_day
                longs[t, b, h] = long[b, h] * day[h] + day[units + h] * day[2 * units + h]
            tanh_row(longs[t, b], potentials[t, b], rows)
            for h in range(units):
                shorts[t, b, h] = day[3 * units + h] * potentials[t, b, h]
        long, short = longs[t], shorts[t]
    return True


@_jit
def lstm_backward(d_short_memories, starting_long, longs, forget, input_, candidate, output, potentials,
                  w_short, w_input, d_sums, d_values, d_long, d_short):
    """LSTMLayer.backward's days (day_loops.lstm_days_backward), in place: d_sums (days, batch, 4, H),
    d_values (days, batch, I), d_long and d_short (batch, H). Each day's local slopes are
    computed as LSTMLayer.backward computes them for every day at once."""
    days, batch, units = d_short_memories.shape
    width = 4 * units
    products = np.empty(width)
    for t in range(days - 1, -1, -1):
        for b in range(batch):
            for h in range(units):
                f, i, g, o = forget[t, b, h], input_[t, b, h], candidate[t, b, h], output[t, b, h]
                potential = potentials[t, b, h]
                d_short[b, h] = d_short[b, h] + d_short_memories[t, b, h]
                d_long[b, h] = d_long[b, h] + d_short[b, h] * (o * (1.0 - potential * potential))
                previous_long = longs[t - 1, b, h] if t > 0 else starting_long[b, h]
                d_sums[t, b, 0, h] = d_long[b, h] * (previous_long * f * (1.0 - f))
                d_sums[t, b, 1, h] = d_long[b, h] * (g * i * (1.0 - i))
                d_sums[t, b, 2, h] = d_long[b, h] * (i * (1.0 - g * g))
                d_sums[t, b, 3, h] = d_short[b, h] * (potential * o * (1.0 - o))
                d_long[b, h] = d_long[b, h] * f
            row = d_sums[t, b].reshape(width)
            back_product(row, w_short, d_short[b])
            values_product(row, w_input, d_values[t, b], products)


@_jit
def values_product(row, w_input, out, products):
    """lstm_math.dot(d_sums, w_input.T) for one row, into out (I): with one input (M = 1) numpy sums
    pairwise, with more in order from 0 (back_product). products: a scratch row."""
    if out.size == 1:
        for j in range(row.size):
            products[j] = row[j] * w_input[0, j]
        out[0] = 0.0 + pairwise_sum(products, 0, row.size)
    else:
        back_product(row, w_input, out)


@_jit
def back_product(row, weights, out):
    """lstm_math.dot(row, weights.T) into out: out[h] = 0 plus, in order, every row[j] * weights[h, j]."""
    for h in range(out.size):
        out[h] = 0.0
    for j in range(row.size):
        value = row[j]
        for h in range(out.size):
            out[h] = out[h] + value * weights[h, j]


@_jit
def rnn_unroll(x, w_input, bias, w_short, short, sums, shorts):
    """RNNLayer.unroll's days (day_loops.rnn_days), in place; False (and stopped) at a sum that is
    not a number."""
    days, batch, _ = x.shape
    units = w_short.shape[1]
    part = np.empty(units)
    rows = np.empty((5, units))
    for t in range(days):
        for b in range(batch):
            if weighted_sums(x[t, b], w_input, bias, short[b], w_short, sums[t, b], part):
                return False
            tanh_row(sums[t, b], shorts[t, b], rows)
        short = shorts[t]
    return True


@_jit
def rnn_backward(d_short_memories, shorts, w_short, w_input, d_sums, d_values, d_short):
    """RNNLayer.backward's days (day_loops.rnn_days_backward), in place: d_sums (days, batch, H),
    d_values (days, batch, I), d_short (batch, H)."""
    days, batch, units = d_short_memories.shape
    products = np.empty(units)
    for t in range(days - 1, -1, -1):
        for b in range(batch):
            for h in range(units):
                slope = 1.0 - shorts[t, b, h] * shorts[t, b, h]
                d_sums[t, b, h] = (d_short[b, h] + d_short_memories[t, b, h]) * slope
            back_product(d_sums[t, b], w_short, d_short[b])
            values_product(d_sums[t, b], w_input, d_values[t, b], products)


@_jit
def sum_of_outer_products(a, b, total):
    """lstm_math.sum_of_outer_products into total (K, M), zeros: the same chunks, each summed in order from 0."""
    rows, width_a = a.shape
    width_b = b.shape[1]
    step = max(1, CHUNK // (width_a * width_b))
    chunk = np.empty((width_a, width_b))
    for start in range(0, rows, step):
        stop = min(rows, start + step)
        if width_a == 1 and width_b == 1:  # products (n, 1, 1): numpy sums them pairwise
            chunk[0, 0] = 0.0 + pairwise_sum(a[start:stop, 0] * b[start:stop, 0], 0, stop - start)
            total[0, 0] = total[0, 0] + chunk[0, 0]
            continue
        chunk[:] = 0.0
        for n in range(start, stop):
            for k in range(width_a):
                value = a[n, k]
                for m in range(width_b):
                    chunk[k, m] = chunk[k, m] + value * b[n, m]
        for k in range(width_a):
            for m in range(width_b):
                total[k, m] = total[k, m] + chunk[k, m]
