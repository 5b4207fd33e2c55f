"""Checks of a layer's arguments (notebooks 06-07): cell, counts, seeds, sequences, memories.

Shared by layers.py, sequence_model.py and long_lag.py, so each is written once.
"""

import numpy as np

from ._checks import describe, finite_array, one_of, seed, whole_number

CELLS = ("lstm", "rnn")


def sequence_values(values, n_inputs):
    """values as a (days, batch, I) float array, checked against the layer's I."""
    days = finite_array(values, "values")
    if days.ndim in (1, 2):
        if n_inputs != 1:
            raise ValueError(f"values of shape {days.shape} give one input a day, but this layer reads {n_inputs} "
                             f"inputs: pass an array of shape (days, batch, {n_inputs})")
        days = days.reshape(days.shape[0], -1, 1) if days.ndim == 2 else days.reshape(-1, 1, 1)
    if days.ndim != 3 or days.shape[0] == 0 or days.shape[1] == 0:
        raise ValueError("values must be (days,), (days, batch) or (days, batch, inputs) with at least one day and "
                         f"one sequence; got shape {np.shape(values)}")
    if days.shape[2] != n_inputs:
        raise ValueError(f"values must have {n_inputs} input(s) a day (its last axis) for this layer, "
                         f"got shape {days.shape}")
    return days


def starting_memory(memory, name, batch, units):
    """A starting memory as a fresh (batch, units) float array: zeros when None."""
    if memory is None:
        return np.zeros((batch, units))
    memory = finite_array(memory, name)
    try:
        return np.broadcast_to(memory, (batch, units)).copy()
    except ValueError:
        raise ValueError(f"{name} must have shape (batch, H) = ({batch}, {units}) (or broadcast to it), "
                         f"got shape {memory.shape}") from None


def check_cell(cell):
    """cell if it is "lstm" or "rnn", else a named error (_checks.one_of)."""
    return one_of(cell, "cell", CELLS)


def count(value, name, low=1, high=None):
    """value as an int if it is a whole number from `low` to `high` (_checks.whole_number)."""
    return whole_number(value, name, low, high)


def check_seed(value, name="seed"):
    """value as an int if it is a random seed, a whole number 0 or more (_checks.seed)."""
    return seed(value, name)
