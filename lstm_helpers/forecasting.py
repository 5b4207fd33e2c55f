"""Forecasting a daily series honestly: returns, windows, a split by time, baselines, scores.

    returns = lh.log_returns(prices)                     # one per day after the first: dates[1:]
    split = lh.time_split(dates[1:], returns, n_days=20, validation_start="2009-01-01",
                          test_start="2011-01-01")      # train, then validation, then test
    results = lh.evaluate(lh.BASELINES, split)           # every model fitted on train, scored on test
    print(results.table())

A model is anything with fit(train, validation) and predict(inputs): the baselines here, and
later the LSTM. Windows never cross from one period into the next, and every model sees the
test period only through predict, so nothing from the future reaches training.
"""

import math
import numbers
from dataclasses import dataclass

import numpy as np

from ._checks import _describe, finite_array

Z_95 = 1.959963984540054  # the standard normal's 97.5% quantile: a 95% two-sided interval


# --- checks -----------------------------------------------------------------------------------

def _series(values, name, min_length=1):
    array = finite_array(values, name)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (one value per day), got shape {array.shape}")
    if len(array) < min_length:
        raise ValueError(f"{name} must hold at least {min_length} values, got {len(array)}")
    return array


def _whole_number(value, name, minimum):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {_describe(value)}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def _date(value, name):
    if isinstance(value, (bool, numbers.Number)) or value is None:
        raise TypeError(f"{name} must be a date such as '2011-01-01', got {_describe(value)}")
    try:
        return np.datetime64(value, "D")
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2011-01-01', got {_describe(value)}") from None


def _dates(dates, name, length):
    wrong = TypeError(f"{name} must be an array of dates (numpy datetime64 or strings such as '2011-01-03'), "
                      f"got {_describe(dates)}")
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


def _fraction(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 < value < 1:
        raise ValueError(f"{name} must be a number between 0 and 1, got {_describe(value)}")
    return float(value)


# --- from prices to windows ---------------------------------------------------------------------

def log_returns(prices):
    """Daily log returns log(p[t] / p[t-1]): one fewer than the prices, dated dates[1:].

    For daily moves a log return is almost the percentage change (0.01 is about +1%), and
    log returns add up over days. Unlike prices they look alike in 2001 and in 2012.
    """
    prices = _series(prices, "prices", min_length=2)
    if np.any(prices <= 0):
        raise ValueError("prices must all be above 0")
    return np.diff(np.log(prices))


def make_windows(values, n_days):
    """(inputs, targets): each window is n_days days in a row, its target the next day.

    inputs has shape (len(values) - n_days, n_days); window i is values[i:i + n_days] and its
    target values[i + n_days].
    """
    values = _series(values, "values")
    n_days = _whole_number(n_days, "n_days", 1)
    if len(values) <= n_days:
        raise ValueError(f"values must hold more than n_days = {n_days} values, got {len(values)}")
    inputs = np.lib.stride_tricks.sliding_window_view(values[:-1], n_days).copy()
    return inputs, values[n_days:].copy()


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
    the first n_days of the validation and test periods serve only as inputs.
    """
    values = _series(values, "values")
    dates = _dates(dates, "dates", len(values))
    n_days = _whole_number(n_days, "n_days", 1)
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
    scale: float

    @classmethod
    def fit(cls, values):
        values = _series(values, "values", min_length=2)
        scale = float(np.std(values))
        if scale == 0:
            raise ValueError("values must not all be equal: there is no spread to scale by")
        return cls(float(np.mean(values)), scale)

    def transform(self, values):
        return (finite_array(values, "values") - self.mean) / self.scale

    def inverse(self, values):
        return finite_array(values, "values") * self.scale + self.mean


# --- models: fit(train, validation) and predict(inputs) --------------------------------------------

def _period(value, name):
    if not isinstance(value, Period):
        raise TypeError(f"{name} must be a Period (split.train, split.validation or split.test), "
                        f"got {_describe(value)}")
    return value


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
        return self

    def predict(self, inputs):
        return np.zeros(len(_inputs(inputs)))


class TrainingMean:
    """Tomorrow's return is the average daily return of the training period."""

    name = "training mean"
    mean = None

    def fit(self, train, validation=None):
        self.mean = float(np.mean(_period(train, "train").values))
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
            raise TypeError(f"scaler must be None or a Scaler (such as split.scaler()), got {_describe(scaler)}")
        self.scaler = scaler

    def _scaled(self, values):
        return values if self.scaler is None else self.scaler.transform(values)

    def fit(self, train, validation=None):
        train = _period(train, "train")
        design = np.column_stack([self._scaled(train.inputs), np.ones(len(train))])
        solution = np.linalg.lstsq(design, self._scaled(train.targets), rcond=None)[0]
        self.weights, self.bias = solution[:-1], float(solution[-1])
        return self

    def predict(self, inputs):
        if self.weights is None:
            raise ValueError("fit the model on a training period before predict")
        predicted = self._scaled(_inputs(inputs, len(self.weights))) @ self.weights + self.bias
        return predicted if self.scaler is None else self.scaler.inverse(predicted)


BASELINES = {"tomorrow = today": ZeroReturn, "training mean": TrainingMean, "linear": LinearWindow}


# --- scores ----------------------------------------------------------------------------------

def _pair(predicted, actual):
    predicted, actual = _series(predicted, "predicted"), _series(actual, "actual")
    if predicted.shape != actual.shape:
        raise ValueError(f"predicted and actual must have the same length, got {len(predicted)} and {len(actual)}")
    return predicted, actual


def rmse(predicted, actual):
    """Root mean squared error: the typical size of a miss, in the series' own units."""
    predicted, actual = _pair(predicted, actual)
    return float(np.sqrt(np.mean((predicted - actual) ** 2)))


def r_squared(predicted, actual):
    """1 - (squared error / spread of actual about its mean): 1 is perfect, 0 no better than the mean."""
    predicted, actual = _pair(predicted, actual)
    spread = np.sum((actual - actual.mean()) ** 2)
    if spread == 0:
        raise ValueError("actual must not be constant: R squared is undefined")
    return float(1 - np.sum((predicted - actual) ** 2) / spread)


def wilson_interval(successes, trials, z=Z_95):
    """The Wilson score interval (95% by default) for a proportion successes / trials."""
    trials = _whole_number(trials, "trials", 1)
    successes = _whole_number(successes, "successes", 0)
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
    interval does not pretend that neighbouring days are independent.
    """
    n = _whole_number(n, "n", 1)
    n_resamples = _whole_number(n_resamples, "n_resamples", 1)
    block_days = min(_whole_number(block_days, "block_days", 1), n)
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


# --- evaluation ----------------------------------------------------------------------------------

def _models(models):
    if not isinstance(models, dict) or not models:
        raise TypeError(f"models must be a dict of name -> a function making a model (such as lh.BASELINES), "
                        f"got {_describe(models)}")
    for name, make in models.items():
        if not isinstance(name, str) or not callable(make):
            raise TypeError(f"models must map names to functions that make a model; got {name!r}: {_describe(make)}")
    return models


def _fit_and_predict(name, make, split):
    model = make()
    if not (callable(getattr(model, "fit", None)) and callable(getattr(model, "predict", None))):
        raise TypeError(f"models[{name!r}]() must make an object with fit(train, validation) and predict(inputs)")
    model.fit(split.train, split.validation)
    predicted = np.asarray(model.predict(split.test.inputs), dtype=float)
    if predicted.shape != split.test.targets.shape or not np.all(np.isfinite(predicted)):
        raise ValueError(f"models[{name!r}] must predict {len(split.test)} finite numbers, one per test window; "
                         f"got shape {predicted.shape}")
    return model, predicted


@dataclass(frozen=True)
class Score:
    """One model's scores on a test period, beside the two naive strategies."""

    name: str
    rmse: float
    rmse_vs_zero: Difference  # RMSE minus that of "tomorrow = today" (below 0: better)
    direction: Proportion | None  # None when the model never calls a direction
    direction_vs_up: Difference | None  # accuracy minus that of always saying "up" (above 0: better)


@dataclass(frozen=True, eq=False)
class Results:
    """Every model fitted on the training period and scored on the test period."""

    test: Period
    predictions: dict
    models: dict
    scores: tuple
    up_days: Proportion  # how often the test period went up: what always saying "up" scores

    def score(self, name):
        return next(s for s in self.scores if s.name == name)

    def table(self):
        """The results as aligned text: RMSE in % per day, with 95% intervals."""
        width = max(16, *(len(s.name) for s in self.scores))
        lines = [f"test: predicting {len(self.test)} days, {self.test.target_dates[0]} to "
                 f"{self.test.target_dates[-1]}; the price went up on {self.up_days.value:.1%} of the days it moved",
                 f"{'':<{width}}  {'RMSE':>7}  {'RMSE minus':<29}  {'direction right':<26}  direction right minus",
                 f"{'model':<{width}}  {'(%/day)':>7}  {'tomorrow = today':<29}  {'(95% interval)':<26}  always up"]
        for s in self.scores:
            if s.rmse_vs_zero.low == s.rmse_vs_zero.high == 0:
                versus_zero = "(this is it)"
            else:
                d = s.rmse_vs_zero
                versus_zero = f"{100 * d.estimate:+.4f} ({100 * d.low:+.4f} to {100 * d.high:+.4f})"
            if s.direction is None:
                direction, versus_up = "calls no direction", ""
            elif s.direction_vs_up.low == s.direction_vs_up.high == 0:
                direction, versus_up = str(s.direction), "(the same calls)"
            else:
                d = s.direction_vs_up
                direction = str(s.direction)
                versus_up = f"{d.estimate:+.1%} ({d.low:+.1%} to {d.high:+.1%})"
            lines.append(f"{s.name:<{width}}  {100 * s.rmse:7.4f}  {versus_zero:<29}  {direction:<26}  {versus_up}")
        return "\n".join(line.rstrip() for line in lines)

    def verdict(self):
        """One computed sentence per model: does it beat the naive strategies beyond noise?"""
        lines = []
        for s in self.scores:
            if s.rmse_vs_zero.low == s.rmse_vs_zero.high == 0:
                continue
            text = f"{s.name}: errors {_compare(s.rmse_vs_zero, True, 'smaller', 'larger', ZERO)}"
            if s.direction is not None and s.direction_vs_up.low == s.direction_vs_up.high == 0:
                text += f"; direction: the same calls as {UP}"
            elif s.direction is not None:
                text += f"; direction {_compare(s.direction_vs_up, False, 'right more often', 'right less often', UP)}"
            lines.append(text + ".")
        return "\n".join(lines)


ZERO, UP = "'tomorrow = today'", "always saying 'up'"


def _compare(difference, lower_is_better, better, worse, reference):
    """'smaller than X, beyond noise' or 'no different from X beyond noise' for a Difference."""
    if not difference.beyond_noise:
        return f"no different from {reference} beyond noise (the 95% interval includes 0)"
    is_better = difference.high < 0 if lower_is_better else difference.low > 0
    return f"{better if is_better else worse} than {reference}, beyond noise"


def evaluate(models, split, seed=0):
    """Fit each model on split.train (with split.validation for early stopping), score it on split.test.

    models maps a name to a function that makes a fresh, unfitted model (a class works).
    """
    models = _models(models)
    if not isinstance(split, Split):
        raise TypeError(f"split must be the result of lh.time_split, got {_describe(split)}")
    actual = split.test.targets
    if not np.any(actual != 0):
        raise ValueError("the test period has no day with a move")
    zero, up = np.zeros_like(actual), np.ones_like(actual)
    predictions, fitted, scores = {}, {}, []
    for name, make in models.items():
        fitted[name], predicted = _fit_and_predict(name, make, split)
        predictions[name] = predicted
        calls = bool(np.any(predicted != 0))
        scores.append(Score(
            name, rmse(predicted, actual), rmse_difference(predicted, zero, actual, seed),
            direction_accuracy(predicted, actual) if calls else None,
            direction_difference(predicted, up, actual, seed) if calls else None))
    return Results(split.test, predictions, fitted, tuple(scores), direction_accuracy(up, actual))


@dataclass(frozen=True, eq=False)
class WalkForward:
    """The same comparison over consecutive test years, each model refitted on everything before."""

    years: tuple
    results: tuple  # one Results per test year

    def table(self):
        names = [s.name for s in self.results[0].scores]
        width = max(16, *(len(n) for n in names))
        lines = ["RMSE minus 'tomorrow = today' (% per day; 95% interval) and direction right, per test year",
                 f"{'year':<6}{'model':<{width}}  {'RMSE minus':<29}  direction right (95% interval)"]
        for year, results in zip(self.years, self.results):
            for s in results.scores:
                d = s.rmse_vs_zero
                versus = "(this is it)" if d.low == d.high == 0 else \
                    f"{100 * d.estimate:+.4f} ({100 * d.low:+.4f} to {100 * d.high:+.4f})"
                direction = "calls no direction" if s.direction is None else str(s.direction)
                lines.append(f"{year:<6}{s.name:<{width}}  {versus:<29}  {direction}")
            lines.append(f"{year:<6}{'(always up)':<{width}}  {'':<29}  {results.up_days}")
        return "\n".join(line.rstrip() for line in lines)

    def tally(self):
        """{model: (years it beat 'tomorrow = today' beyond noise, years it lost beyond noise)}."""
        counts = {}
        for results in self.results:
            for s in results.scores:
                won, lost = counts.get(s.name, (0, 0))
                counts[s.name] = (won + (s.rmse_vs_zero.high < 0), lost + (s.rmse_vs_zero.low > 0))
        return counts

    def summary(self):
        n = len(self.years)
        return "\n".join(f"{name}: errors smaller than 'tomorrow = today' beyond noise in {won} of {n} years, "
                         f"larger beyond noise in {lost}"
                         for name, (won, lost) in self.tally().items() if name != ZeroReturn.name)


def walk_forward(dates, values, n_days, models, test_years, validation_years=1, seed=0):
    """For each test year Y: train on everything before the validation years, validate on the
    validation_years just before Y, test on Y. Nothing after Y's end is used in that round."""
    models = _models(models)
    validation_years = _whole_number(validation_years, "validation_years", 1)
    if isinstance(test_years, (str, bytes)) or not hasattr(test_years, "__iter__"):
        raise TypeError(f"test_years must be a list of years such as [2009, 2010], got {_describe(test_years)}")
    years = tuple(_whole_number(y, "test_years", 1900) for y in test_years)
    if not years:
        raise ValueError("test_years must hold at least one year")
    results = []
    for year in years:
        split = time_split(dates, values, n_days, validation_start=f"{year - validation_years}-01-01",
                           test_start=f"{year}-01-01", test_end=f"{year + 1}-01-01")
        results.append(evaluate(models, split, seed))
    return WalkForward(years, tuple(results))


# --- leaks -----------------------------------------------------------------------------------

def shuffled_split(n_windows, test_fraction, seed=0):
    """(train_starts, test_starts) of a random split of windows: the mistake, for comparison."""
    n_windows = _whole_number(n_windows, "n_windows", 2)
    test_fraction = _fraction(test_fraction, "test_fraction")
    order = np.random.default_rng(seed).permutation(n_windows)
    n_test = max(1, round(test_fraction * n_windows))
    return np.sort(order[n_test:]), np.sort(order[:n_test])


def leaked_targets(train_starts, test_starts, n_days):
    """How many test targets (the day a test window predicts) some training window also contains.

    A window starting at day s holds days s .. s + n_days - 1 as inputs and day s + n_days as its
    target. Any test target inside a training window was seen during training: a leak.
    """
    n_days = _whole_number(n_days, "n_days", 1)
    starts = {}
    for name, value in (("train_starts", train_starts), ("test_starts", test_starts)):
        array = np.asarray(value)
        if array.ndim != 1 or array.dtype.kind not in "iu" or (array.size and array.min() < 0):
            raise ValueError(f"{name} must be a 1-D array of window start days (whole numbers >= 0), "
                             f"got {_describe(value)}")
        starts[name] = array.astype(int)
    targets = starts["test_starts"] + n_days
    if not len(targets) or not len(starts["train_starts"]):
        return 0
    seen = np.zeros(max(targets.max(), starts["train_starts"].max() + n_days) + 2, dtype=int)
    np.add.at(seen, starts["train_starts"], 1)  # each training window covers s .. s + n_days
    np.add.at(seen, starts["train_starts"] + n_days + 1, -1)
    return int(np.count_nonzero(np.cumsum(seen)[targets] > 0))
