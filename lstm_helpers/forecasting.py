"""Preparing a daily series for honest forecasting: returns, windows, a split by time, a
scaler, the baselines, and the leak of a random split.

    returns = lh.log_returns(prices)                     # one per day after the first: dates[1:]
    split = lh.time_split(dates[1:], returns, n_days=20, validation_start="2009-01-01",
                          test_start="2011-01-01")      # train, then validation, then test

A model is anything with fit(train, validation) and predict(inputs): the baselines here, and
later the LSTM. Windows never cross from one period into the next. Scoring is in evaluation.py.
"""

import numbers
from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, describe, finite_array, fraction, real_number, whole_number


# --- checks -----------------------------------------------------------------------------------

MAX_WINDOW_DAYS = 1000  # n_days, max_lag: notebook 07 uses 20
MAX_WINDOW_VALUES = 20_000_000  # windows x n_days (160 MB of floats); 07's returns make about 65,000
MAX_WINDOWS = 10_000_000  # shuffled_split's n_windows, and any window start in leaked_targets


def _series(values, name, min_length=1):
    array = finite_array(values, name)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (one value per day), got shape {array.shape}")
    if len(array) < min_length:
        raise ValueError(f"{name} must hold at least {min_length} values, got {len(array)}")
    return array


def _date(value, name):
    if isinstance(value, (bool, numbers.Number)) or value is None:
        raise TypeError(f"{name} must be a date such as '2011-01-01', got {describe(value)}")
    try:
        return np.datetime64(value, "D")
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2011-01-01', got {describe(value)}") from None


def _dates(dates, name, length):
    wrong = TypeError(f"{name} must be an array of dates (numpy datetime64 or strings such as '2011-01-03'), "
                      f"got {describe(dates)}")
    if np.asarray(dates).dtype.kind not in "MUO":  # numbers would silently become days since 1970
        raise wrong
    try:
        array = np.asarray(dates, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise wrong from None
    if array.ndim != 1 or len(array) != length:
        raise ValueError(f"{name} must hold one date per value ({length}), got shape {array.shape}")
    if np.isnat(array).any() or not np.all(np.diff(array) > np.timedelta64(0, "D")):
        raise ValueError(f"{name} must be strictly increasing dates, oldest first")
    return array


# --- from prices to windows ---------------------------------------------------------------------

def log_returns(prices):
    """Daily log returns log(p[t] / p[t-1]): one fewer than the prices, dated dates[1:].

    For small daily moves a log return is almost the percentage change (0.01 is about +1%);
    for large ones they part (a fall of 52% is a log return of -0.73). Log returns add up over
    days, and unlike prices they are on a comparable scale in any year (a share of the price,
    not dollars), though calm and stormy years still differ in spread.
    """
    prices = _series(prices, "prices", min_length=2)
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
    values = _series(values, "values")
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
    values = _series(values, "values", min_length=3)
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
    values = _series(values, "values")
    dates = _dates(dates, "dates", len(values))
    bounds = [_date(validation_start, "validation_start"), _date(test_start, "test_start")]
    bounds.append(dates[-1] + 1 if test_end is None else _date(test_end, "test_end"))
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


@dataclass(frozen=True)
class Scaler:
    """Shift and stretch values to mean 0 and standard deviation 1, as measured where it was fitted."""

    mean: float
    scale: float  # above 0

    def __post_init__(self):
        object.__setattr__(self, "mean", real_number(self.mean, "Scaler.mean"))
        object.__setattr__(self, "scale", real_number(self.scale, "Scaler.scale"))
        if self.scale <= 0:
            raise ValueError(f"Scaler.scale must be above 0 (a spread to divide by), got {self.scale!r}")

    @classmethod
    def fit(cls, values):
        values = _series(values, "values", min_length=2)
        size = float(np.max(np.abs(values)))
        if size > 1e150:  # squares would overflow: measure on values / size, then scale back
            shrunk = values / size
            mean, scale = size * float(np.mean(shrunk)), size * float(np.std(shrunk))
        else:
            mean, scale = float(np.mean(values)), float(np.std(values))
        if scale == 0:
            raise ValueError("values must not all be equal: there is no spread to scale by")
        return cls(mean, scale)

    def transform(self, values):
        return (finite_array(values, "values") - self.mean) / self.scale

    def inverse(self, values):
        return finite_array(values, "values") * self.scale + self.mean


# --- models: fit(train, validation) and predict(inputs) --------------------------------------------

def _period(value, name):
    if not isinstance(value, Period):
        raise TypeError(f"{name} must be a Period (split.train, split.validation or split.test), "
                        f"got {describe(value)}")
    return value


def _validation(value):
    """None or a Period: a baseline ignores the validation period, but not a wrong argument."""
    return None if value is None else _period(value, "validation")


def _inputs(inputs, n_days=None):
    array = finite_array(inputs, "inputs")
    if array.ndim != 2 or (n_days is not None and array.shape[1] != n_days):
        wanted = f"(windows, {n_days})" if n_days is not None else "(windows, days)"
        raise ValueError(f"inputs must have shape {wanted}, got {array.shape}")
    return array


class ZeroReturn:
    """'Tomorrow = today': the price does not move, so tomorrow's return is 0."""

    name = "tomorrow = today"

    def fit(self, train, validation=None):
        _period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return np.zeros(len(_inputs(inputs)))


class TrainingMean:
    """Tomorrow's return is the average daily return of the training period."""

    name = "training mean"
    mean = None

    def fit(self, train, validation=None):
        self.mean = float(np.mean(_period(train, "train").values))
        _validation(validation)
        return self

    def predict(self, inputs):
        if self.mean is None:
            raise ValueError("fit the model on a training period before predict")
        return np.full(len(_inputs(inputs)), self.mean)


class LinearWindow:
    """Tomorrow = weights . (the window's days) + bias, by least squares on the training windows.

    With a Scaler, the model is fitted and predicts in scaled units, and its predictions are
    turned back into the series' own units.
    """

    name = "linear"
    weights = None
    bias = None

    def __init__(self, scaler=None):
        if scaler is not None and not isinstance(scaler, Scaler):
            raise TypeError(f"scaler must be None or a Scaler (such as split.scaler()), got {describe(scaler)}")
        self.scaler = scaler

    def _scaled(self, values):
        return values if self.scaler is None else self.scaler.transform(values)

    def fit(self, train, validation=None):
        train = _period(train, "train")
        _validation(validation)
        design = np.column_stack([self._scaled(train.inputs), np.ones(len(train))])
        solution = np.linalg.lstsq(design, self._scaled(train.targets), rcond=None)[0]
        self.weights, self.bias = solution[:-1], float(solution[-1])
        return self

    def predict(self, inputs):
        if self.weights is None:
            raise ValueError("fit the model on a training period before predict")
        predicted = self._scaled(_inputs(inputs, len(self.weights))) @ self.weights + self.bias
        return predicted if self.scaler is None else self.scaler.inverse(predicted)


class LastValue:
    """Tomorrow = the window's last day: for the size of a move, 'as large as yesterday's'."""

    name = "last value"

    def fit(self, train, validation=None):
        _period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return _inputs(inputs)[:, -1].copy()


class WindowMean:
    """Tomorrow = the average of the window's days: for the size of a move, the recent
    typical size (how stormy the last few weeks were)."""

    name = "window mean"

    def fit(self, train, validation=None):
        _period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return _inputs(inputs).mean(axis=1)


class ValidationMean:
    """Tomorrow = the average of the validation period: the most recent days before the test,
    which a model trained on the training period alone knows nothing about."""

    name = "validation mean"
    mean = None

    def fit(self, train, validation=None):
        _period(train, "train")
        if validation is None:
            raise ValueError("validation must be a Period: this model is the validation period's average")
        self.mean = float(np.mean(_period(validation, "validation").values))
        return self

    def predict(self, inputs):
        if self.mean is None:
            raise ValueError("fit the model on a training and a validation period before predict")
        return np.full(len(_inputs(inputs)), self.mean)


class ValidationChoice:
    """Settings chosen by the validation period, never by the test period: fit every candidate
    on the training period and keep the one whose predictions of the validation period have
    the lowest RMSE.

        make = lambda: lh.ValidationChoice(lh.lstm_choices(n_units=(4, 8, 16)))

    candidates maps a name to a function that makes a fresh, unfitted model. After fit:
    .chosen (the name kept), .model (that fitted model), .validation_rmse ({name: RMSE}).
    """

    name = "chosen by validation"

    def __init__(self, candidates):
        if not isinstance(candidates, dict) or not candidates or not all(
                isinstance(name, str) and callable(make) for name, make in candidates.items()):
            raise TypeError("candidates must be a dict of name -> a function making a model (such as "
                            f"lh.lstm_choices()), got {describe(candidates)}")
        self.candidates = dict(candidates)
        self.chosen = self.model = None
        self.validation_rmse = {}

    def fit(self, train, validation=None):
        train = _period(train, "train")
        if validation is None:
            raise ValueError("validation must be a Period: it is what chooses among the candidates")
        validation = _period(validation, "validation")
        fitted = {}
        for name, make in self.candidates.items():
            fitted[name] = make().fit(train, validation)
            predicted = np.asarray(fitted[name].predict(validation.inputs), dtype=float)
            if predicted.shape != validation.targets.shape or not np.all(np.isfinite(predicted)):
                raise ValueError(f"candidates[{name!r}] must predict {len(validation)} finite numbers for the "
                                 f"validation period, one per window; got {describe(predicted)}")
            missed = predicted - validation.targets
            self.validation_rmse[name] = float(np.sqrt(np.mean(missed ** 2)))
        self.chosen = min(self.validation_rmse, key=self.validation_rmse.get)  # the first, on a tie
        self.model = fitted[self.chosen]
        return self

    def predict(self, inputs):
        if self.model is None:
            raise ValueError("fit the model on a training and a validation period before predict")
        return self.model.predict(inputs)

    def summary(self):
        """Each candidate's RMSE on the validation period (x 100: % for returns), and the one kept."""
        if self.model is None:
            raise ValueError("fit the model before summary")
        width = max(len(name) for name in self.validation_rmse)
        lines = ["RMSE on the validation period (x 100):"]
        lines += [f"  {name:<{width}}  {100 * value:.4f}{'  <- kept' if name == self.chosen else ''}"
                  for name, value in self.validation_rmse.items()]
        return "\n".join(lines)


BASELINES = {"tomorrow = today": ZeroReturn, "training mean": TrainingMean, "linear": LinearWindow}

# For the size of tomorrow's move (the absolute return), which has no direction and is never below 0.
SIZE_BASELINES = {"yesterday's size": LastValue, "training mean size": TrainingMean,
                  "validation mean size": ValidationMean, "recent average size": WindowMean,
                  "linear": LinearWindow}


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
