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

from ._checks import describe, finite_array, one_of, real_number, whole_number
from .activations import sigmoid_float, tanh_float
from .lstm import Gate, LSTMParams, check_params, weighted_sum

# The prediction lies between -1 and 1, so a target up to this size keeps the squared
# residual, and its gradient, well inside a float's range.
MAX_TARGET = 1e150
MAX_EPOCHS = 1_000_000  # a million epochs take about a minute; a history of them, 8 MB

# The source's starting point: 8 weights drawn from N(0, 1) with seed 42, biases 0.
UNTRAINED_PARAMS = LSTMParams(
    forget=Gate(0.33669037, 0.12880941, 0.0),
    input=Gate(0.23446237, 0.23033303, 0.0),
    candidate=Gate(-1.12285638, -0.18632829, 0.0),
    output=Gate(2.20820141, -0.63799703, 0.0),
)


def _sum(w_short, short, w_input, x, bias):
    """w_short * short + w_input * x + bias by lstm.weighted_sum, right even when a term overflows."""
    return float(weighted_sum(w_short, short, w_input, x, bias))


def _forward(p, sequence):
    """Run the unit over `sequence` (floats); p is the 12 numbers as a list. Returns the
    final short-term memory and, per day, what the backward pass needs.

    The scalar fast path of lstm_math.lstm_day (a test checks it gives the layer's numbers to
    1e-12): at this size numpy's per-call cost would be most of the time."""
    fs, fi, fb, is_, ii, ib, cs, ci, cb, os_, oi, ob = p
    long = short = 0.0
    tape = []
    for x in sequence:
        zf, zi = fs * short + fi * x + fb, is_ * short + ii * x + ib
        zc, zo = cs * short + ci * x + cb, os_ * short + oi * x + ob
        if (zf - zf) + (zi - zi) + (zc - zc) + (zo - zo) != 0.0:  # a sum overflowed to inf or NaN (rare)
            zf, zi = _sum(fs, short, fi, x, fb), _sum(is_, short, ii, x, ib)
            zc, zo = _sum(cs, short, ci, x, cb), _sum(os_, short, oi, x, ob)
        f = sigmoid_float(zf)                         # forget gate
        i = sigmoid_float(zi)                         # input gate
        c = tanh_float(zc)                            # potential long-term memory
        o = sigmoid_float(zo)                         # output gate
        new_long = f * long + i * c                   # new long-term memory
        t = tanh_float(new_long)                      # potential short-term memory
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
    target = _check_target(target, "target")
    prediction, tape = _forward(p, days)
    residual = prediction - target
    gradients = _backward(p, tape, 2.0 * residual)
    _check_gradients(gradients)
    return residual * residual, LSTMParams.from_list(gradients)


def finite_difference_gradients(params, sequence, target, step=1e-6):
    """The same gradient estimated by nudging each of the 12 numbers up and down by `step`
    (a small positive number, at most 1): a check on loss_and_gradients that uses no calculus."""
    p = check_params(params).to_list()
    days = _check_sequence(sequence)
    target = _check_target(target, "target")
    step = real_number(step, "step")
    if not 0 < step <= 1:
        raise ValueError(f"step must be a small positive number, more than 0 and at most 1 (say 1e-6), got {step}")
    grads = []
    for k in range(12):
        up, down = list(p), list(p)
        up[k] += step
        down[k] -= step
        residual_up, residual_down = _forward(up, days)[0] - target, _forward(down, days)[0] - target
        grads.append((residual_up * residual_up - residual_down * residual_down) / (2 * step))
    _check_gradients(grads)
    return LSTMParams.from_list(grads)


def _check_target(value, name):
    target = real_number(value, name)
    if abs(target) > MAX_TARGET:
        raise ValueError(f"{name} must be between -{MAX_TARGET:g} and {MAX_TARGET:g}, so that the squared "
                         f"residual fits in a float (the prediction lies between -1 and 1); got {target:g}")
    return target


def _check_gradients(gradients):
    """Gradients that overflowed a float cannot be given as numbers: say so, naming the culprits."""
    broken = [name for name, g in zip(LSTMParams.NAMES, gradients) if not math.isfinite(g)]
    if broken:
        which = "every one of the 12 numbers" if len(broken) == 12 else ", ".join(broken)
        raise ValueError(
            f"the gradient for {which} is too large for a float at these params, sequence and "
            "target: use weights, values and a target of a sensible size"
        )


@dataclass(frozen=True)
class TrainingRun:
    """What train_lstm returns.

    params: the trained 12 numbers (after the last epoch that finished with finite numbers)
    loss_history: the total loss after each epoch, one entry per epoch asked for
    snapshots: {epoch: params} for the epochs asked for in snapshot_epochs
    diverged_at: None, or the epoch at which training diverged (see train_lstm)
    """

    params: LSTMParams
    loss_history: np.ndarray
    snapshots: dict
    diverged_at: int | None = None

    @property
    def diverged(self):
        """True when the loss or the numbers stopped being finite floats and training stopped."""
        return self.diverged_at is not None


OPTIMIZERS = ("adam", "sgd")


def train_lstm(sequences, targets, params, epochs, learning_rate=0.001, optimizer="adam",
               snapshot_epochs=None, callback=None, callback_every=100):
    """Train the 12 numbers the way the source did: one sequence per step, in the given order,
    squared residual loss, Adam (as PyTorch defines it) or plain gradient descent ("sgd").

    epochs: a whole number from 1 to 1,000,000. snapshot_epochs: None or a collection of
    epochs (whole numbers from 1 to epochs) whose params to keep. callback(epoch, loss), if
    given, is called every callback_every epochs (a whole number, 1 or more) and after the last.

    Divergence is reported one way: if an epoch's loss, or any of the 12 numbers after it,
    stops being a finite float (too large a learning rate can do this), training stops there.
    The run's diverged_at is that epoch, its params are those after the last finite epoch
    (the starting params if it was the first), its loss_history is NaN from that epoch on,
    and no snapshot or callback comes after it. Otherwise diverged_at is None.
    """
    p = check_params(params).to_list()
    seqs = check_training_data(sequences, targets)
    epochs = whole_number(epochs, "epochs", 1, MAX_EPOCHS)
    rate = real_number(learning_rate, "learning_rate")
    if rate <= 0:
        raise ValueError(f"learning_rate must be positive, got {rate}")
    optimizer = one_of(optimizer, "optimizer", OPTIMIZERS)
    wanted = _check_snapshot_epochs(snapshot_epochs, epochs)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be a function callback(epoch, loss) or None, got {describe(callback)}")
    callback_every = whole_number(callback_every, "callback_every", 1)

    beta1, beta2, eps = 0.9, 0.999, 1e-8
    rest1, rest2 = 1.0 - beta1, 1.0 - beta2
    m, v, t = [0.0] * 12, [0.0] * 12, 0
    history, snapshots = np.full(epochs, np.nan), {}
    finished, diverged_at = p, None
    for epoch in range(1, epochs + 1):
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
            m = [beta1 * mk + rest1 * gk for mk, gk in zip(m, g)]
            v = [beta2 * vk + rest2 * gk * gk for vk, gk in zip(v, g)]
            p = [pk - step_size * mk / (math.sqrt(vk) / root_correction + eps) for pk, mk, vk in zip(p, m, v)]
        if not (math.isfinite(total) and all(map(math.isfinite, p))):
            diverged_at = epoch  # stop rather than compute with overflowed numbers
            break
        history[epoch - 1], finished = total, p
        if epoch in wanted:
            snapshots[epoch] = LSTMParams.from_list(p)
        if callback is not None and (epoch % callback_every == 0 or epoch == epochs):
            callback(epoch, total)
    return TrainingRun(params=LSTMParams.from_list(finished), loss_history=history, snapshots=snapshots,
                       diverged_at=diverged_at)


def _check_snapshot_epochs(snapshot_epochs, epochs):
    """The set of epochs to keep params at; None means none."""
    if snapshot_epochs is None:
        return set()
    expected = f"snapshot_epochs must be None or a list of epochs, whole numbers from 1 to epochs ({epochs:,})"
    if isinstance(snapshot_epochs, (str, bytes)) or not hasattr(snapshot_epochs, "__iter__") \
            or getattr(snapshot_epochs, "ndim", 1) != 1:
        raise TypeError(f"{expected}, such as (100, 500); got {describe(snapshot_epochs)}")
    wanted = set()
    for epoch in snapshot_epochs:
        if isinstance(epoch, (bool, np.bool_)) or not isinstance(epoch, (int, np.integer)):
            raise TypeError(f"{expected}; got {describe(epoch)} in {describe(snapshot_epochs)}")
        if not 1 <= epoch <= epochs:
            raise ValueError(f"{expected}; got {describe(epoch)} in {describe(snapshot_epochs)}")
        wanted.add(int(epoch))
    return wanted


def check_training_data(sequences, targets):
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__len__"):
        raise TypeError(f"sequences must be a list of sequences of days, got {type(sequences).__name__}")
    targets = finite_array(targets, "targets")
    if targets.ndim != 1:
        raise ValueError(f"targets must be a 1-D list with one number per sequence, got shape {targets.shape}")
    if len(sequences) != len(targets) or len(sequences) == 0:
        raise ValueError(f"sequences and targets must match one to one and not be empty: "
                         f"got {len(sequences)} sequences and {len(targets)} targets")
    return [(_check_sequence(s, f"sequences[{k}]"), _check_target(y, f"targets[{k}]"))
            for k, (s, y) in enumerate(zip(sequences, targets))]


_check_training_data = check_training_data  # the old name, until plots.py imports check_training_data
