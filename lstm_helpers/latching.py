"""How a model holds day 1: by a gradient-carrying path, or by latching (notebook 06, section 4).

An RNN whose weights on the short-term memory stretch a memory more than they shrink it can
fall into one of a few steady states and stay there: it latches. Day 1's jump from 0 to 1 can
decide which state, while a small nudge to day 1 dies away. So the slope d prediction / d day 1
can be far too small to learn from even when day 1 decides the prediction.

    check = memory_check(model, n_days=100)   # .stretch, .slope, .flip
"""

from dataclasses import dataclass

import numpy as np

from .long_lag import long_lag_data
from .sequence_model import SequenceModel


@dataclass(frozen=True)
class MemoryCheck:
    """stretch: the largest |eigenvalue| of an RNN's weights on the short-term memory (how much
    they stretch a memory each day; below 1 every memory fades), None for an LSTM. slope: the
    median over sequences of |d prediction / d day 1|. flip: the median of |the change in the
    prediction when day 1 flips between 0 and 1|, every later day the same."""

    stretch: object
    slope: float
    flip: float


def memory_check(model, n_days, n_sequences=200, seed=12345):
    """A MemoryCheck of `model` (a SequenceModel) on n_sequences long-lag sequences of n_days."""
    if not isinstance(model, SequenceModel):
        raise TypeError(f"model must be a SequenceModel (see new_sequence_model), got {type(model).__name__}")
    values, _ = long_lag_data(n_days, n_sequences, seed)
    flipped = values.copy()
    flipped[0] = 1.0 - flipped[0]
    slope = float(np.median(np.abs(model.input_gradients(values)[0, :, 0])))
    flip = float(np.median(np.abs(model.predict(flipped) - model.predict(values))))
    stretch = None
    if model.cell == "rnn":
        stretch = float(np.abs(np.linalg.eigvals(model.layer.parameters()[0])).max())
    return MemoryCheck(stretch, slope, flip)
