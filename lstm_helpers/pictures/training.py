"""Training pictures (notebook 05): the loss along one number at a time, and loss curves."""

import numpy as np

from .._checks import finite_array
from ..lstm import GATE_NAMES, PARTS, STAGE_LABELS, LSTMParams, check_params
from ..training import loss_and_gradients
from .colours import BLUE, GREY, ORANGE, SHORT_TERM_PINK, VERMILLION
from .figure import described, new_figure
from .unit import PART_LABELS

def plot_loss_along(params, sequences, targets, choices=(("forget", "bias"), ("candidate", "w_input"),
                                                           ("output", "bias"), ("output", "w_short"))):
    """The total loss over both companies as one number at a time moves, the rest held:
    the slice of the loss that gradient descent sees for that number. All panels share one
    y-scale, and each draws and prints its slope (the gradient) at the current value."""
    numbers = check_params(params).to_list()
    _check_pairs(sequences, targets)
    for choice in choices:
        if not (isinstance(choice, tuple) and len(choice) == 2 and choice[0] in GATE_NAMES and choice[1] in PARTS):
            raise ValueError(f"choices must be (gate, part) pairs such as ('forget', 'bias'); got {choice!r}")
    gradient = np.sum([loss_and_gradients(params, s, y)[1].to_list() for s, y in zip(sequences, targets)], axis=0)
    here_loss = sum(loss_and_gradients(params, s, y)[0] for s, y in zip(sequences, targets))
    fig, axes = new_figure(11, 6.6, nrows=2, ncols=2, sharey=True)
    panels = []
    for ax, (gate, part) in zip(np.ravel(axes), choices):
        index = 3 * GATE_NAMES.index(gate) + PARTS.index(part)
        here, slope = numbers[index], gradient[index]
        tried = np.linspace(here - 4, here + 4, 81)
        losses = []
        for value in tried:
            moved = list(numbers)
            moved[index] = value
            trial = LSTMParams.from_list(moved)
            losses.append(sum(loss_and_gradients(trial, s, y)[0] for s, y in zip(sequences, targets)))
        ax.plot(tried, losses, color=BLUE, lw=2.5, label="total loss")
        near = np.array([here - 1.0, here + 1.0])
        ax.plot(near, here_loss + slope * (near - here), color="black", lw=1.5, ls="--",
                label=f"slope here: {slope:+.3f}")
        ax.plot([here], [here_loss], "o", color=VERMILLION, ms=10, label=f"now: {here:.2f}")
        ax.set(title=f"{STAGE_LABELS[gate]}: {PART_LABELS[part]}", xlabel="value of this number",
               ylabel="total loss")
        ax.legend(fontsize=10, loc="upper right")
        panels.append(f"{STAGE_LABELS[gate]}, {PART_LABELS[part]}: now {here:.2f}, slope {slope:+.3f}, "
                      f"loss from {min(losses):.3g} to {max(losses):.3g} over {tried[0]:.2f} to {tried[-1]:.2f}")
    return described(fig, f"The total loss ({here_loss:.3g} now) as one number at a time moves, the rest held. "
                          + "; ".join(panels) + ".")


def plot_loss_history(histories, title="Total loss over both companies, epoch by epoch"):
    """One loss curve per label on a log scale; a run that stopped early ends where it stopped.

    histories is {label: the loss after each epoch}; NaN marks epochs a diverged run never finished."""
    if not isinstance(histories, dict) or not histories:
        raise TypeError(f"histories must be a dict {{label: losses}}, got {type(histories).__name__}")
    for label, history in histories.items():
        try:
            values = np.asarray(history, dtype=float)
        except (TypeError, ValueError):
            values = None
        if values is None or values.ndim != 1:
            raise TypeError(f"histories[{label!r}] must be a 1-D sequence of losses, got {type(history).__name__}")
    fig, ax = new_figure(9, 4.2)
    styles = [("-", BLUE), ("--", ORANGE), (":", VERMILLION), ("-.", GREY), ("-", SHORT_TERM_PINK)]
    for (label, history), (line, colour) in zip(histories.items(), styles):
        history = np.asarray(history, dtype=float)
        shown = np.isfinite(history)
        epochs = np.arange(1, len(history) + 1)
        ax.plot(epochs[shown], np.clip(history[shown], 1e-12, None), ls=line, color=colour, lw=2.2, label=label)
    ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="total loss (log scale)", title=title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return described(fig, f"{title}, log scale: " + "; ".join(
        _describe_history(label, history) for label, history in histories.items()) + ".")


def _describe_history(label, history):
    """One loss curve in words: where it starts and where it ends."""
    history = np.asarray(history, dtype=float)
    finite = np.flatnonzero(np.isfinite(history))
    if finite.size == 0:
        return f"{label}: no epoch finished"
    return (f"{label}: {history[finite[0]]:.3g} after epoch {finite[0] + 1}, "
            f"{history[finite[-1]]:.3g} after epoch {finite[-1] + 1}")


def _check_pairs(sequences, targets):
    """One target per sequence, before any loss is computed (each pair is checked as it is used)."""
    if isinstance(sequences, (str, bytes)) or not hasattr(sequences, "__len__"):
        raise TypeError(f"sequences must be a list of sequences of days, got {type(sequences).__name__}")
    targets = finite_array(targets, "targets")
    if targets.ndim != 1 or len(targets) != len(sequences) or len(targets) == 0:
        raise ValueError(f"sequences and targets must match one to one and not be empty: "
                         f"got {len(sequences)} sequences and targets of shape {targets.shape}")
