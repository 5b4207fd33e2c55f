"""The scores of notebook 07 and their uncertainty: rmse, r_squared, direction_accuracy with its
Wilson interval (Proportion), the block bootstrap, and the difference between two models on
the same days with its 95% interval (Difference, rmse_difference, direction_difference).

Intervals are seeded, so the same data gives the same numbers.
"""

import math
from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, positive, series_array, whole_number

Z_95 = 1.959963984540054  # the standard normal's 97.5% quantile: a 95% two-sided interval
MAX_RESAMPLED = 20_000_000  # days x resamples in a bootstrap (160 MB of indices)


def _pair(predicted, actual):
    predicted, actual = series_array(predicted, "predicted"), series_array(actual, "actual")
    if predicted.shape != actual.shape:
        raise ValueError(f"predicted and actual must have the same length, got {len(predicted)} and {len(actual)}")
    return predicted, actual


def rmse(predicted, actual):
    """Root mean squared error: the typical size of a miss, in the series' own units.

    Exact at any finite inputs: misses beyond 1e150 are measured in units of the largest value,
    so squaring cannot overflow; an RMSE beyond a float's range (about 1.8e308) is a ValueError."""
    predicted, actual = _pair(predicted, actual)
    size = float(max(np.max(np.abs(predicted)), np.max(np.abs(actual))))
    if size <= 1e150:
        return float(np.sqrt(np.mean((predicted - actual) ** 2)))
    result = size * float(np.sqrt(np.mean((predicted / size - actual / size) ** 2)))
    if not math.isfinite(result):
        raise ValueError("predicted and actual are so far apart that their RMSE is beyond a float's range "
                         "(about 1.8e308)")
    return result


def r_squared(predicted, actual):
    """1 - (squared error / spread of actual about its mean): 1 is perfect, 0 no better than the mean."""
    predicted, actual = _pair(predicted, actual)
    spread = np.sum((actual - actual.mean()) ** 2)
    if spread == 0:
        raise ValueError("actual must not be constant: R squared is undefined")
    return float(1 - np.sum((predicted - actual) ** 2) / spread)


def wilson_interval(successes, trials, z=Z_95):
    """The Wilson score interval (95% by default) for a proportion successes / trials; z above 0."""
    z = positive(z, "z")
    trials = whole_number(trials, "trials", 1)
    successes = whole_number(successes, "successes", 0)
    if successes > trials:
        raise ValueError(f"successes must be at most trials ({trials}), got {successes}")
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z / (1 + z * z / trials) * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Proportion:
    """successes out of trials, with its 95% Wilson interval."""

    successes: int
    trials: int

    @property
    def value(self):
        return self.successes / self.trials

    @property
    def interval(self):
        return wilson_interval(self.successes, self.trials)

    def __str__(self):
        low, high = self.interval
        return f"{self.value:.1%} ({low:.1%} to {high:.1%})"


def direction_hits(predicted, actual):
    """Per day with a move (actual != 0): 1 where the prediction has the move's sign, else 0.

    A prediction of exactly 0 calls no direction, and counts as a miss.
    """
    predicted, actual = _pair(predicted, actual)
    moved = actual != 0
    return (np.sign(predicted[moved]) == np.sign(actual[moved])).astype(float)


def direction_accuracy(predicted, actual):
    """How often the predicted sign is right, on the days the price moved: a Proportion."""
    hits = direction_hits(predicted, actual)
    if not len(hits):
        raise ValueError("actual has no day with a move (every value is 0)")
    return Proportion(int(hits.sum()), len(hits))


def block_bootstrap_indices(n, n_resamples=2000, block_days=10, seed=0):
    """(n_resamples, n) indices: each row strings together random runs of block_days days.

    Runs of days, rather than single days, keep calm and stormy weeks together, so the
    interval does not pretend that neighbouring days are independent. Limit: n x n_resamples
    at most 20,000,000 indices (notebook 07: 523 x 2000).
    """
    n = whole_number(n, "n", 1)
    n_resamples = whole_number(n_resamples, "n_resamples", 1)
    block_days = min(whole_number(block_days, "block_days", 1), n)
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    if n * n_resamples > MAX_RESAMPLED:
        raise ValueError(f"n x n_resamples must be at most {MAX_RESAMPLED:,} indices, got {n:,} x {n_resamples:,}")
    rng = np.random.default_rng(seed)
    n_blocks = -(-n // block_days)
    starts = rng.integers(0, n - block_days + 1, size=(n_resamples, n_blocks))
    return (starts[:, :, None] + np.arange(block_days)).reshape(n_resamples, -1)[:, :n]


@dataclass(frozen=True)
class Difference:
    """An observed difference between two models on the same days, with a 95% bootstrap interval."""

    estimate: float
    low: float
    high: float

    @property
    def beyond_noise(self):
        """True when the whole interval is on one side of 0."""
        return self.low > 0 or self.high < 0


def rmse_difference(predicted, reference, actual, seed=0, n_resamples=2000, block_days=10):
    """RMSE of `predicted` minus RMSE of `reference` on the same days; below 0 means better."""
    predicted, actual = _pair(predicted, actual)
    reference, _ = _pair(reference, actual)
    errors = np.stack([(predicted - actual) ** 2, (reference - actual) ** 2])
    rows = block_bootstrap_indices(len(actual), n_resamples, block_days, seed)
    resampled = np.sqrt(errors[:, rows].mean(axis=2))
    low, high = np.percentile(resampled[0] - resampled[1], [2.5, 97.5])
    return Difference(rmse(predicted, actual) - rmse(reference, actual), float(low), float(high))


def direction_difference(predicted, reference, actual, seed=0, n_resamples=2000, block_days=10):
    """Direction accuracy of `predicted` minus that of `reference` on the same days; above 0 is better."""
    hits = np.stack([direction_hits(predicted, actual), direction_hits(reference, actual)])
    if not hits.shape[1]:
        raise ValueError("actual has no day with a move (every value is 0)")
    rows = block_bootstrap_indices(hits.shape[1], n_resamples, block_days, seed)
    resampled = hits[:, rows].mean(axis=2)
    low, high = np.percentile(resampled[0] - resampled[1], [2.5, 97.5])
    return Difference(float(hits[0].mean() - hits[1].mean()), float(low), float(high))
