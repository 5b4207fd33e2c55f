"""Training the unit's 12 numbers by backpropagation through time.

The forward pass is notebook 03's arithmetic; the backward pass walks the
same stages in reverse, day by day, applying the chain rule at each one.
Everything here works on plain Python floats: a sequence of four days is a
few dozen multiplications, and numpy's per-call overhead would cost more
than the arithmetic (the source's 5000 epochs run in a fraction of a second).
"""

import math
from dataclasses import dataclass

import numpy as np

from ._checks import finite_array, real_number
from .lstm import Gate, LSTMParams, check_params

# The source's starting point: 8 weights drawn from N(0, 1) with seed 42, biases 0.
UNTRAINED_PARAMS = LSTMParams(
    forget=Gate(0.33669037, 0.12880941, 0.0),
    input=Gate(0.23446237, 0.23033303, 0.0),
    candidate=Gate(-1.12285638, -0.18632829, 0.0),
    output=Gate(2.20820141, -0.63799703, 0.0),
)


def _sigmoid(z):
    """sigmoid(z) = (1 + tanh(z / 2)) / 2: the same function, one call, never overflowing."""
    return 0.5 + 0.5 * math.tanh(0.5 * z)


def _forward(p, sequence):
    """Run the unit over `sequence` (floats); p is the 12 numbers as a list. Returns the
    final short-term memory and, per day, what the backward pass needs."""
    fs, fi, fb, is_, ii, ib, cs, ci, cb, os_, oi, ob = p
    long = short = 0.0
    tape = []
    for x in sequence:
        f = _sigmoid(fs * short + fi * x + fb)        # forget gate
        i = _sigmoid(is_ * short + ii * x + ib)       # input gate
        c = math.tanh(cs * short + ci * x + cb)       # potential long-term memory
        o = _sigmoid(os_ * short + oi * x + ob)       # output gate
        new_long = f * long + i * c                   # new long-term memory
        t = math.tanh(new_long)                       # potential short-term memory
        tape.append((x, long, short, f, i, c, o, t))
        long, short = new_long, o * t                 # new short-term memory
    return short, tape


def _backward(p, tape, d_short):
    """Backpropagation through time: the gradient of the loss with respect to all 12 numbers,
    given d_short, the loss's gradient with respect to the final short-term memory."""
    fs, _, _, is_, _, _, cs, _, _, os_, _, _ = p
    g = [0.0] * 12
    d_long = 0.0  # gradient flowing back along the long-term memory
    for x, long, short, f, i, c, o, t in reversed(tape):
        # stage 3 backwards: short = o * t, t = tanh(new_long)
        d_o = d_short * t
        d_new_long = d_long + d_short * o * (1.0 - t * t)
        # stage 2 backwards: new_long = f * long + i * c
        d_f, d_i, d_c = d_new_long * long, d_new_long * c, d_new_long * i
        d_long = d_new_long * f  # the long-term path: only the forget gate scales it
        # through each activation to its sum
        d_fsum, d_isum = d_f * f * (1.0 - f), d_i * i * (1.0 - i)
        d_csum, d_osum = d_c * (1.0 - c * c), d_o * o * (1.0 - o)
        # each sum = w_short * short + w_input * x + bias (written out: this runs 40,000 times)
        g[0] += d_fsum * short; g[1] += d_fsum * x; g[2] += d_fsum      # noqa: E702
        g[3] += d_isum * short; g[4] += d_isum * x; g[5] += d_isum      # noqa: E702
        g[6] += d_csum * short; g[7] += d_csum * x; g[8] += d_csum      # noqa: E702
        g[9] += d_osum * short; g[10] += d_osum * x; g[11] += d_osum    # noqa: E702
        d_short = d_fsum * fs + d_isum * is_ + d_csum * cs + d_osum * os_
    return g


def _check_sequence(sequence, name="sequence"):
    days = finite_array(sequence, name)
    if days.ndim != 1 or days.size == 0:
        raise ValueError(f"{name} must be a 1-D sequence of at least one day, got shape {days.shape}")
    return [float(v) for v in days]


def loss_and_gradients(params, sequence, target):
    """(squared residual of the final short-term memory, its gradient as an LSTMParams)."""
    p = check_params(params).to_list()
    days = _check_sequence(sequence)
    target = real_number(target, "target")
    prediction, tape = _forward(p, days)
    residual = prediction - target
    return residual * residual, LSTMParams.from_list(_backward(p, tape, 2.0 * residual))


def finite_difference_gradients(params, sequence, target, step=1e-6):
    """The same gradient estimated by nudging each of the 12 numbers up and down: a check on
    loss_and_gradients that uses no calculus."""
    p = check_params(params).to_list()
    days = _check_sequence(sequence)
    target = real_number(target, "target")
    grads = []
    for k in range(12):
        up, down = list(p), list(p)
        up[k] += step
        down[k] -= step
        loss_up = (_forward(up, days)[0] - target) ** 2
        loss_down = (_forward(down, days)[0] - target) ** 2
        grads.append((loss_up - loss_down) / (2 * step))
    return LSTMParams.from_list(grads)


@dataclass(frozen=True)
class TrainingRun:
    """What train_lstm returns: the trained params, the total loss after each epoch, and
    the params at any epochs asked for in snapshot_epochs."""

    params: LSTMParams
    loss_history: np.ndarray
    snapshots: dict


OPTIMIZERS = ("adam", "sgd")


def train_lstm(sequences, targets, params, epochs, learning_rate=0.001, optimizer="adam",
               snapshot_epochs=(), callback=None, callback_every=100):
    """Train the 12 numbers the way the source did: one sequence per step, in the given order,
    squared residual loss, Adam (as PyTorch defines it) or plain gradient descent ("sgd").

    callback(epoch, loss), if given, is called every callback_every epochs and after the last.
    """
    p = check_params(params).to_list()
    seqs = _check_training_data(sequences, targets)
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(f"epochs must be a whole number 1 or more, got {epochs!r}")
    rate = real_number(learning_rate, "learning_rate")
    if rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {rate}")
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {', '.join(map(repr, OPTIMIZERS))}, got {optimizer!r}")
    wanted = {int(e) for e in snapshot_epochs}
    if any(not 1 <= e <= epochs for e in wanted):
        raise ValueError(f"snapshot_epochs must lie between 1 and epochs ({epochs}), got {sorted(wanted)}")

    beta1, beta2, eps = 0.9, 0.999, 1e-8
    m, v, t = [0.0] * 12, [0.0] * 12, 0
    history, snapshots = np.empty(int(epochs)), {}
    for epoch in range(1, int(epochs) + 1):
        total = 0.0
        for days, target in seqs:
            prediction, tape = _forward(p, days)
            residual = prediction - target
            total += residual * residual
            g = _backward(p, tape, 2.0 * residual)
            if optimizer == "sgd":
                p = [pk - rate * gk for pk, gk in zip(p, g)]
                continue
            t += 1
            step_size = rate / (1.0 - beta1**t)
            root_correction = math.sqrt(1.0 - beta2**t)
            m = [beta1 * mk + (1.0 - beta1) * gk for mk, gk in zip(m, g)]
            v = [beta2 * vk + (1.0 - beta2) * gk * gk for vk, gk in zip(v, g)]
            p = [pk - step_size * mk / (math.sqrt(vk) / root_correction + eps) for pk, mk, vk in zip(p, m, v)]
        history[epoch - 1] = total
        if not math.isfinite(total):
            history[epoch:] = np.nan  # diverged: stop rather than compute with overflowed numbers
            break
        if epoch in wanted:
            snapshots[epoch] = LSTMParams.from_list(p)
        if callback is not None and (epoch % callback_every == 0 or epoch == epochs):
            callback(epoch, total)
    return TrainingRun(params=LSTMParams.from_list(p) if all(map(math.isfinite, p)) else None,
                       loss_history=history, snapshots=snapshots)


def _check_training_data(sequences, targets):
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__len__"):
        raise TypeError(f"sequences must be a list of sequences of days, got {type(sequences).__name__}")
    targets = finite_array(targets, "targets")
    if targets.ndim != 1:
        raise ValueError(f"targets must be a 1-D list with one number per sequence, got shape {targets.shape}")
    if len(sequences) != len(targets) or len(sequences) == 0:
        raise ValueError(f"sequences and targets must match one to one and not be empty: "
                         f"got {len(sequences)} sequences and {len(targets)} targets")
    return [(_check_sequence(s, f"sequences[{k}]"), float(y)) for k, (s, y) in enumerate(zip(sequences, targets))]
