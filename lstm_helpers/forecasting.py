"""Preparing a daily series for honest forecasting (notebook 07): returns, windows, a split by
time, and the leak of a random split. The scaler is in scaler.py, the baselines in baselines.py.

    returns = lh.log_returns(prices)                     # one per day after the first: dates[1:]
    split = lh.time_split(dates[1:], returns, n_days=20, validation_start="2009-01-01",
                          test_start="2011-01-01")      # train, then validation, then test

A model is anything with fit(train, validation) and predict(inputs): the baselines (baselines.py),
and later the LSTM. Windows never cross from one period into the next. Scoring is in evaluation.py.
"""

from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, date_array, date_value, describe, fraction, series_array, whole_number
from .scaler import Scaler


# --- limits -----------------------------------------------------------------------------------

MAX_WINDOW_DAYS = 1000  # n_days, max_lag: notebook 07 uses 20
MAX_WINDOW_VALUES = 20_000_000  # windows x n_days (160 MB of floats); 07's returns make about 65,000
MAX_WINDOWS = 10_000_000  # shuffled_split's n_windows, and any window start in leaked_targets


# --- from prices to windows ---------------------------------------------------------------------

def log_returns(prices):
    """Daily log returns log(p[t] / p[t-1]): one fewer than the prices, dated dates[1:].

    For small daily moves a log return is almost the percentage change (0.01 is about +1%);
    for large ones they part (a fall of 52% is a log return of -0.73). Log returns add up over
    days, and unlike prices they are on a comparable scale in any year (a share of the price,
    not dollars), though calm and stormy years still differ in spread.
    """
    prices = series_array(prices, "prices", min_length=2)
    if np.any(prices <= 0):
        raise ValueError("prices must all be above 0")
    return np.diff(np.log(prices))


def make_windows(values, n_days):
    """(inputs, targets): each window is n_days days in a row, its target the next day.

    inputs has shape (len(values) - n_days, n_days); window i is values[i:i + n_days] and its
    target values[i + n_days]. Limits: n_days at most 1,000, and at most 20,000,000 numbers in
    all the windows together (notebook 07's returns make about 65,000).
    """
    n_days = whole_number(n_days, "n_days", 1, MAX_WINDOW_DAYS)
    if isinstance(values, (list, tuple, np.ndarray)) and (len(values) - n_days) * n_days > MAX_WINDOW_VALUES:
        raise ValueError(f"values and n_days must make at most {MAX_WINDOW_VALUES:,} numbers of windows "
                         f"(windows x n_days), got {len(values) - n_days:,} x {n_days:,}")
    values = series_array(values, "values")
    if len(values) <= n_days:
        raise ValueError(f"values must hold more than n_days = {n_days} values, got {len(values)}")
    if (len(values) - n_days) * n_days > MAX_WINDOW_VALUES:
        raise ValueError(f"values and n_days must make at most {MAX_WINDOW_VALUES:,} numbers of windows "
                         f"(windows x n_days), got {len(values) - n_days:,} x {n_days:,}")
    inputs = np.lib.stride_tricks.sliding_window_view(values[:-1], n_days).copy()
    return inputs, values[n_days:].copy()


def autocorrelation(values, max_lag):
    """Correlation of the series with itself max_lag days later, for lags 1 .. max_lag.

    Near 0 at every lag: yesterday says little about today. For white noise of n days, about
    95% of the lags fall within +-1.96 / sqrt(n) by chance alone (noise_band). max_lag: at most 1,000.
    """
    max_lag = whole_number(max_lag, "max_lag", 1, MAX_WINDOW_DAYS)
    values = series_array(values, "values", min_length=3)
    if max_lag >= len(values) - 1:
        raise ValueError(f"max_lag must be below len(values) - 1 = {len(values) - 1}, got {max_lag}")
    centred = values - values.mean()
    spread = np.sum(centred ** 2)
    if spread == 0:
        raise ValueError("values must not all be equal: a constant series has no correlation")
    return np.array([np.sum(centred[:-lag] * centred[lag:]) / spread for lag in range(1, max_lag + 1)])


def noise_band(n_values):
    """1.96 / sqrt(n): the half-width within which white noise's autocorrelations mostly fall."""
    return 1.959963984540054 / np.sqrt(whole_number(n_values, "n_values", 1))


@dataclass(frozen=True, eq=False)
class Period:
    """One stretch of time (train, validation or test) and the windows made inside it alone."""

    name: str
    first_index: int  # where the period's first day sits in the whole series
    dates: np.ndarray
    values: np.ndarray
    inputs: np.ndarray  # (windows, n_days)
    targets: np.ndarray  # (windows,)
    target_dates: np.ndarray

    @property
    def n_days(self):
        return self.inputs.shape[1]

    @property
    def starts(self):
        """Index in the whole series of each window's first day."""
        return self.first_index + np.arange(len(self.targets))

    def __len__(self):
        return len(self.targets)

    def __repr__(self):
        return (f"{self.name:<10} {self.dates[0]} to {self.dates[-1]}: {len(self.values)} days, "
                f"{len(self)} windows of {self.n_days} days")


@dataclass(frozen=True, eq=False)
class Split:
    """Train, validation and test periods, in that order in time."""

    train: Period
    validation: Period
    test: Period

    @property
    def periods(self):
        return (self.train, self.validation, self.test)

    def scaler(self):
        """A Scaler fitted on the training period's values only."""
        return Scaler.fit(self.train.values)

    def __repr__(self):
        return "\n".join(repr(p) for p in self.periods)


def time_split(dates, values, n_days, validation_start, test_start, test_end=None):
    """Cut a daily series by date: train before validation_start, validation until test_start,
    test from test_start until test_end (the end of the data if None).

    Windows are made inside each period separately, so no window reaches across a boundary:
    the first n_days of the validation and test periods serve only as inputs. n_days: at most
    1,000 (make_windows' limits).
    """
    n_days = whole_number(n_days, "n_days", 1, MAX_WINDOW_DAYS)
    values = series_array(values, "values")
    dates = date_array(dates, "dates", len(values))
    bounds = [date_value(validation_start, "validation_start"), date_value(test_start, "test_start")]
    bounds.append(dates[-1] + 1 if test_end is None else date_value(test_end, "test_end"))
    if not bounds[0] < bounds[1] < bounds[2]:
        raise ValueError(f"validation_start < test_start < test_end is needed, got {bounds[0]}, {bounds[1]}, "
                         f"{bounds[2] if test_end is not None else 'the end of the data'}")
    edges = np.searchsorted(dates, bounds)  # first index on or after each bound
    ranges = {"train": (0, edges[0]), "validation": (edges[0], edges[1]), "test": (edges[1], edges[2])}
    periods = {}
    for name, (first, stop) in ranges.items():
        if stop - first <= n_days:
            raise ValueError(f"the {name} period has {stop - first} days, too few for windows of "
                             f"n_days = {n_days}; move the dates or shorten n_days")
        inputs, targets = make_windows(values[first:stop], n_days)
        periods[name] = Period(name, int(first), dates[first:stop], values[first:stop], inputs, targets,
                               dates[first + n_days:stop])
    return Split(**periods)


# --- leaks -----------------------------------------------------------------------------------

def shuffled_split(n_windows, test_fraction, seed=0):
    """(train_starts, test_starts) of a random split of windows: the mistake, for comparison.
    n_windows: at most 10,000,000."""
    n_windows = whole_number(n_windows, "n_windows", 2, MAX_WINDOWS)
    test_fraction = fraction(test_fraction, "test_fraction")
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    order = np.random.default_rng(seed).permutation(n_windows)
    n_test = max(1, round(test_fraction * n_windows))
    return np.sort(order[n_test:]), np.sort(order[:n_test])


def leaked_targets(train_starts, test_starts, n_days):
    """How many test targets (the day a test window predicts) some training window also contains.

    A window starting at day s holds days s .. s + n_days - 1 as inputs and day s + n_days as its
    target. Any test target inside a training window was seen during training: a leak.
    """
    n_days = whole_number(n_days, "n_days", 1, MAX_WINDOW_DAYS)
    starts = {}
    for name, value in (("train_starts", train_starts), ("test_starts", test_starts)):
        array = np.asarray(value)
        if array.ndim != 1 or array.dtype.kind not in "iu" or (array.size and (
                array.min() < 0 or array.max() > MAX_WINDOWS)):
            raise ValueError(f"{name} must be a 1-D array of window start days (whole numbers from 0 to "
                             f"{MAX_WINDOWS:,}), got {describe(value)}")
        starts[name] = array.astype(int)
    targets = starts["test_starts"] + n_days
    if not len(targets) or not len(starts["train_starts"]):
        return 0
    seen = np.zeros(max(targets.max(), starts["train_starts"].max() + n_days) + 2, dtype=int)
    np.add.at(seen, starts["train_starts"], 1)  # each training window covers s .. s + n_days
    np.add.at(seen, starts["train_starts"] + n_days + 1, -1)
    return int(np.count_nonzero(np.cumsum(seen)[targets] > 0))
