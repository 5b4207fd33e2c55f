"""Scoring forecasts honestly: errors, direction, their uncertainty, and walk-forward.

    results = lh.evaluate(lh.BASELINES, split)    # every model fitted on train, scored on test
    print(results.table())                       # RMSE and direction, with 95% intervals
    print(results.verdict())                     # beyond noise, or not: computed, never typed
    print(results.versus("linear"))              # one model against each of the others

For a target with no direction (the size of tomorrow's move), pass reference="a model's
name": every RMSE is then compared with that model's, and no direction is scored.

Every model sees the test period only through predict, so nothing from the future reaches
its training. Intervals are seeded, so the same data gives the same numbers.
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, describe, function, positive, whole_number
from .forecasting import (
    Period, Split, _date, _dates, _series, make_windows, shuffled_split, time_split,
)

Z_95 = 1.959963984540054  # the standard normal's 97.5% quantile: a 95% two-sided interval
MAX_RESAMPLED = 20_000_000  # days x resamples in a bootstrap (160 MB of indices)


# --- scores ----------------------------------------------------------------------------------

def _pair(predicted, actual):
    predicted, actual = _series(predicted, "predicted"), _series(actual, "actual")
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


# --- evaluation ----------------------------------------------------------------------------------

def _models(models):
    if not isinstance(models, dict) or not models:
        raise TypeError(f"models must be a dict of name -> a function making a model (such as lh.BASELINES), "
                        f"got {describe(models)}")
    for name, make in models.items():
        if not isinstance(name, str) or not callable(make):
            raise TypeError(f"models must map names to functions that make a model; got {name!r}: {describe(make)}")
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
    """One model's scores on a test period, beside the reference and, for returns, always 'up'."""

    name: str
    rmse: float
    rmse_vs_reference: Difference  # RMSE minus the reference's ("tomorrow = today" for returns; below 0: better)
    direction: Proportion | None  # None when the model never calls a direction, or directions are not scored
    direction_vs_up: Difference | None  # accuracy minus that of always saying "up" (above 0: better)


@dataclass(frozen=True, eq=False)
class Results:
    """Every model fitted on the training period and scored on the test period.

    reference: what every RMSE is compared with ("tomorrow = today" for returns).
    up_days: how often the test period went up, what always saying "up" scores; None when
    directions are not scored (for the size of a move, which has none).
    """

    test: Period
    predictions: dict
    models: dict
    scores: tuple
    up_days: Proportion | None
    reference: str = "tomorrow = today"
    seed: int = 0

    def score(self, name):
        if name not in self.predictions:
            raise ValueError(f"name must be one of the models scored ({', '.join(self.predictions)}), got {name!r}")
        return next(s for s in self.scores if s.name == name)

    @property
    def directions(self):
        return self.up_days is not None

    def table(self):
        """The results as aligned text: RMSE in % a day, differences in points; [low, high] are
        95% intervals."""
        width = max(16, *(len(s.name) for s in self.scores))
        versus = f"minus {self.reference}"
        head = f"test: {len(self.test)} days predicted, {self.test.target_dates[0]} to {self.test.target_dates[-1]}"
        units = "RMSE in % a day; differences in points of %; [low, high]: 95% intervals"
        if not self.directions:
            lines = [head, units, f"{'model':<{width}}  {'RMSE':<6}  {versus}"]
            lines += [f"{s.name:<{width}}  {100 * s.rmse:<6.4f}  {_versus(s.rmse_vs_reference)}" for s in self.scores]
            return "\n".join(line.rstrip() for line in lines)
        lines = [f"{head}; up on {self.up_days.value:.1%} of the days that moved", units,
                 f"{'model':<{width}}  {'RMSE':<6}  {versus:<26}  {'direction right':<18}  minus always up"]
        for s in self.scores:
            if s.direction is None:
                direction, versus_up = "calls no direction", ""
            else:
                direction = _share(s.direction)
                versus_up = "(the same calls)" if _is_zero(s.direction_vs_up) else _points(s.direction_vs_up, 100, 1)
            lines.append(f"{s.name:<{width}}  {100 * s.rmse:<6.4f}  {_versus(s.rmse_vs_reference):<26}  "
                         f"{direction:<18}  {versus_up}")
        return "\n".join(line.rstrip() for line in lines)

    def verdict(self):
        """Computed sentences, per model: does it beat the reference (and always 'up') beyond noise?"""
        lines = []
        reference = f"'{self.reference}'"
        for s in self.scores:
            if _is_zero(s.rmse_vs_reference):
                continue
            lines += [f"{s.name}:", f"  errors {_compare(s.rmse_vs_reference, True, 'smaller', 'larger', reference)}"]
            if s.direction is not None and _is_zero(s.direction_vs_up):
                lines.append(f"  direction: the same calls as {UP}")
            elif s.direction is not None:
                lines.append(f"  direction {_compare(s.direction_vs_up, False, 'right more often', 'right less often', UP)}")
        return "\n".join(lines)

    def against(self, name, other):
        """(RMSE of `name` minus that of `other`, direction accuracy of `name` minus that of `other`
        or None when either calls no direction): Differences on the same test days."""
        for model in (name, other):
            self.score(model)
        actual = self.test.targets
        errors = rmse_difference(self.predictions[name], self.predictions[other], actual, self.seed)
        both_call = self.score(name).direction is not None and self.score(other).direction is not None
        direction = (direction_difference(self.predictions[name], self.predictions[other], actual, self.seed)
                     if both_call else None)
        return errors, direction

    def versus(self, name):
        """Computed sentences: `name` against every other model, beyond noise or not."""
        lines, beaten = [f"{name} against each other model, on the same test days:"], []
        for other in self.predictions:
            if other == name:
                continue
            errors, direction = self.against(name, other)
            lines.append(f"  errors {_compare(errors, True, 'smaller', 'larger', repr(other))}")
            if direction is not None and not _is_zero(direction):
                lines.append(f"  direction {_compare(direction, False, 'right more often', 'right less often', repr(other))}")
            if errors.high < 0:
                beaten.append(repr(other))
        lines.append(f"In short: on errors, {name} beats {_listed(beaten) or 'no other model'} beyond noise.")
        return "\n".join(lines)

    def calls(self, name):
        """How often `name` says 'up' and 'down' on the test days that moved, and how often each
        kind of call is right: what its direction accuracy is made of."""
        if not self.directions:
            raise ValueError("calls are for returns: these results score no direction")
        self.score(name)
        return _calls(name, self.predictions[name], self.test.targets)

    def movement(self):
        """How each model's predictions move over the test days: their mean and spread (standard
        deviation), their correlation with what happened, their RMSE, and the RMSE of a constant
        equal to their own mean (flattened). Flattening that barely changes the RMSE means the
        model's day-to-day moves added little beyond its level. (The flattened constant is a
        diagnostic, not a forecast: it is averaged over the test days.)"""
        actual = self.test.targets
        width = max(16, *(len(name) for name in self.predictions))
        lines = [f"the {len(actual)} test days: actual mean {100 * actual.mean():.2f}%, "
                 f"spread {100 * actual.std():.2f} points",
                 f"{'model':<{width}}  {'mean':>6}  {'spread':>6}  {'correlation':>11}  {'RMSE':>6}  flattened",
                 f"{'':<{width}}  {'(%)':>6}  {'(pts)':>6}  {'with actual':>11}  {'(%)':>6}  to its mean"]
        for name, predicted in self.predictions.items():
            flat = np.full_like(actual, predicted.mean())
            moves = np.ptp(predicted) > 1e-12 * max(1.0, np.abs(predicted).max())
            correlation = f"{np.corrcoef(predicted, actual)[0, 1]:+.3f}" if moves else "(constant)"
            lines.append(f"{name:<{width}}  {100 * predicted.mean():>6.2f}  {100 * predicted.std():>6.2f}  "
                         f"{correlation:>11}  {100 * rmse(predicted, actual):>6.4f}  {100 * rmse(flat, actual):.4f}")
        return "\n".join(lines)


def _calls(name, predicted, actual):
    """Three lines: how often `predicted` says up and down on the days that moved, and how often
    each kind of call is right, with its 95% Wilson interval."""
    moved = actual != 0
    predicted, went_up = predicted[moved], actual[moved] > 0
    up, down = predicted > 0, predicted < 0
    none = int(np.count_nonzero(predicted == 0))

    def right(said, correct, word):
        hits, n = int(correct[said].sum()), int(said.sum())
        return f"  '{word}' calls right on {hits} of {n}: {_share(Proportion(hits, n))}" if n else f"  no '{word}' calls"

    return "\n".join([f"{name} on the {int(moved.sum())} test days that moved: says 'up' on {int(up.sum())} "
                      f"({up.mean():.1%}), 'down' on {int(down.sum())}" + (f", neither on {none}" if none else ""),
                      right(up, went_up, "up"), right(down, ~went_up, "down")])


ZERO, UP = "'tomorrow = today'", "always saying 'up'"


def _listed(items):
    """'a', 'a and b', 'a, b and c'; '' for none."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def _is_zero(difference):
    return difference.low == difference.high == 0


def _versus(difference):
    return "(this is it)" if _is_zero(difference) else _points(difference)


def _points(difference, factor=100, decimals=4):
    """'+0.0143 [-0.0118, +0.0397]': a difference and its interval, times factor."""
    d = [factor * v for v in (difference.estimate, difference.low, difference.high)]
    return f"{d[0]:+.{decimals}f} [{d[1]:+.{decimals}f}, {d[2]:+.{decimals}f}]"


def _share(proportion):
    """'50.7% [46.4, 54.9]': a proportion and its Wilson interval, in %."""
    low, high = proportion.interval
    return f"{proportion.value:.1%} [{100 * low:.1f}, {100 * high:.1f}]"


def _compare(difference, lower_is_better, better, worse, reference):
    """'smaller than X, beyond noise' or 'no different from X beyond noise' for a Difference."""
    if not difference.beyond_noise:
        return f"no different from {reference} beyond noise (95% interval includes 0)"
    is_better = difference.high < 0 if lower_is_better else difference.low > 0
    return f"{better if is_better else worse} than {reference}, beyond noise (95% interval excludes 0)"


def evaluate(models, split, seed=0, reference=None, progress=None):
    """Fit each model on split.train (with split.validation for early stopping), score it on split.test.

    models maps a name to a function that makes a fresh, unfitted model (a class works).
    progress: None, or a function progress(done, total, text) called before each model is
    fitted and once at the end (notebook 07 passes a ProgressBar).
    reference=None is for returns: every RMSE is compared with "tomorrow = today" (a return of
    0) and every direction with always saying "up". For a target without a direction, such as
    the size of a move, name one of the models as the reference: every RMSE is compared with
    its RMSE, and no direction is scored.
    """
    models = _models(models)
    if not isinstance(split, Split):
        raise TypeError(f"split must be the result of lh.time_split, got {describe(split)}")
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    progress = function(progress, "progress", allow_none=True)
    if reference is not None and reference not in models:
        raise ValueError(f"reference must be None (compare with 'tomorrow = today') or one of the models' names "
                         f"({', '.join(map(repr, models))}), got {describe(reference)}")
    actual = split.test.targets
    if reference is None and not np.any(actual != 0):
        raise ValueError("the test period has no day with a move")
    predictions, fitted = {}, {}
    for done, (name, make) in enumerate(models.items()):
        if progress is not None:
            progress(done, len(models), f"fitting {name!r}")
        fitted[name], predictions[name] = _fit_and_predict(name, make, split)
    if progress is not None:
        progress(len(models), len(models), "done")
    up = np.ones_like(actual)
    compared = np.zeros_like(actual) if reference is None else predictions[reference]
    scores = []
    for name, predicted in predictions.items():
        calls = reference is None and bool(np.any(predicted != 0))
        scores.append(Score(
            name, rmse(predicted, actual), rmse_difference(predicted, compared, actual, seed),
            direction_accuracy(predicted, actual) if calls else None,
            direction_difference(predicted, up, actual, seed) if calls else None))
    up_days = direction_accuracy(up, actual) if reference is None else None
    return Results(split.test, predictions, fitted, tuple(scores), up_days,
                   "tomorrow = today" if reference is None else reference, seed)


@dataclass(frozen=True, eq=False)
class WalkForward:
    """The same comparison over consecutive test years, each model refitted on everything before."""

    years: tuple
    results: tuple  # one Results per test year

    @property
    def reference(self):
        return self.results[0].reference

    def table(self):
        """Per test year: RMSE minus the reference's (% per day) and, for returns, direction right,
        with [low, high] 95% intervals."""
        names = [s.name for s in self.results[0].scores]
        width = max(16, *(len(n) for n in names))
        directions = self.results[0].directions
        versus = f"RMSE minus {self.reference}"
        lines = ["RMSE differences in points of % a day; [low, high]: 95% intervals",
                 f"{'year':<6}{'model':<{width}}  {versus:<27}  {'direction right' if directions else ''}"]
        for year, results in zip(self.years, self.results):
            for s in results.scores:
                direction = "" if not directions else "calls no direction" if s.direction is None else _share(s.direction)
                lines.append(f"{year:<6}{s.name:<{width}}  {_versus(s.rmse_vs_reference):<27}  {direction}")
            if directions:
                lines.append(f"{year:<6}{'(always up)':<{width}}  {'':<27}  {_share(results.up_days)}")
        return "\n".join(line.rstrip() for line in lines)

    def tally(self):
        """{model: (years it beat the reference beyond noise, years it lost beyond noise)}."""
        counts = {}
        for results in self.results:
            for s in results.scores:
                won, lost = counts.get(s.name, (0, 0))
                counts[s.name] = (won + (s.rmse_vs_reference.high < 0), lost + (s.rmse_vs_reference.low > 0))
        return counts

    def summary(self):
        """Per model, in how many test years it beat or lost to the reference beyond noise, and
        for returns, to always saying 'up' on direction."""
        n, reference = len(self.years), f"'{self.reference}'"
        lines = [f"Beyond noise, in how many of the {n} test years:"]
        for name, (won, lost) in self.tally().items():
            if name in self._references():
                continue
            lines.append(f"{name}: errors smaller than {reference} in {won}, larger in {lost}")
            versus_up = [r.score(name).direction_vs_up for r in self.results]
            if not self.results[0].directions or any(d is None for d in versus_up):
                continue
            if all(_is_zero(d) for d in versus_up):
                lines.append(f"  direction: the same calls as {UP} in every year")
            else:
                won, lost = sum(d.low > 0 for d in versus_up), sum(d.high < 0 for d in versus_up)
                lines.append(f"  direction right more often than {UP} in {won}, less often in {lost}")
        return "\n".join(lines)

    def versus(self, name):
        """Per other model, in how many test years `name` had smaller or larger errors beyond noise."""
        self.results[0].score(name)
        n = len(self.years)
        lines = [f"Beyond noise, in how many of the {n} test years:"]
        for other in self.results[0].predictions:
            if other == name:
                continue
            differences = [r.against(name, other)[0] for r in self.results]
            won, lost = sum(d.high < 0 for d in differences), sum(d.low > 0 for d in differences)
            lines.append(f"{name} against {other!r}: smaller errors in {won}, larger in {lost}")
        return "\n".join(lines)

    def direction_by_year(self, name):
        """Per test year: how often `name` says 'up' and 'down', how many of its 'down' calls are
        right, its direction accuracy, and that accuracy minus always saying 'up' with its 95%
        interval (points): the direction edge, year by year."""
        if not self.results[0].directions:
            raise ValueError("direction_by_year is for returns: these results score no direction")
        self.results[0].score(name)
        lines = [f"{name}, direction year by year (points; [low, high]: 95% intervals)",
                 f"{'year':<6}{'says up':>9}{'says down':>11}{'down right':>12}  {'right':>6}  "
                 f"{'always up':>9}  minus always up"]
        for year, results in zip(self.years, self.results):
            moved = results.test.targets != 0
            predicted, went_up = results.predictions[name][moved], results.test.targets[moved] > 0
            down = predicted < 0
            score = results.score(name)
            right = "-" if score.direction is None else f"{score.direction.value:.1%}"
            edge = "(no calls)" if score.direction_vs_up is None else (
                "(the same calls)" if _is_zero(score.direction_vs_up) else _points(score.direction_vs_up, 100, 1))
            lines.append(f"{year:<6}{int((predicted > 0).sum()):>9}{int(down.sum()):>11}"
                         f"{int((~went_up)[down].sum()):>12}  {right:>6}  {results.up_days.value:>9.1%}  {edge}")
        return "\n".join(lines)

    def _references(self):
        """Models that are the reference itself: every year's difference exactly 0."""
        names = [s.name for s in self.results[0].scores]
        return {n for n in names if all(_is_zero(r.score(n).rmse_vs_reference) for r in self.results)}


def walk_forward(dates, values, n_days, models, test_years, validation_years=1, seed=0, reference=None,
                 progress=None):
    """For each test year Y: train on everything before the validation years, validate on the
    validation_years just before Y, test on Y. Nothing after Y's end is used in that round.
    reference and progress as for evaluate (progress counts the models of every year).
    At most 50 test years and 50 validation years."""
    models = _models(models)
    validation_years = whole_number(validation_years, "validation_years", 1, 50)
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    progress = function(progress, "progress", allow_none=True)
    if isinstance(test_years, (str, bytes)) or not hasattr(test_years, "__iter__"):
        raise TypeError(f"test_years must be a list of years such as [2009, 2010], got {describe(test_years)}")
    years = tuple(whole_number(y, "test_years", 1900, 2200) for y in itertools.islice(test_years, 51))
    if not years:
        raise ValueError("test_years must hold at least one year")
    if len(years) > 50:
        raise ValueError("test_years must hold at most 50 years")
    values = _series(values, "values")
    dates = _dates(dates, "dates", len(values))
    covered = dates.astype("datetime64[Y]").astype(int) + 1970
    for year in years:
        if year not in covered:
            raise ValueError(f"test_years must be years inside the data ({covered[0]} to {covered[-1]}), got {year}")
    results = []
    for k, year in enumerate(years):
        split = time_split(dates, values, n_days, validation_start=f"{year - validation_years}-01-01",
                           test_start=f"{year}-01-01", test_end=f"{year + 1}-01-01")
        step = None if progress is None else (
            lambda done, total, text, k=k, year=year: progress(k * total + done, len(years) * total,
                                                               f"{year}: {text}"))
        results.append(evaluate(models, split, seed, reference, step))
    return WalkForward(years, tuple(results))


@dataclass(frozen=True)
class RandomSplitCheck:
    """One model scored on the same test days twice: trained after a random split of the windows,
    and trained on the windows before the test period only (a split by time)."""

    model: str
    test_start: np.datetime64
    n_test: int
    test_fraction: float
    random_rmse: float
    time_rmse: float
    difference: Difference  # random split's RMSE minus the split by time's: below 0, the leak flatters

    def __str__(self):
        d = self.difference
        verdict = ("no different beyond noise (95% interval includes 0)" if not d.beyond_noise
                   else "smaller after the random split, beyond noise: the leak flatters it" if d.high < 0
                   else "larger after the random split, beyond noise")
        random_rows = "the random split's other windows (all years, the test years' too):"
        time_rows = f"only the windows before {self.test_start} (a split by time):"
        width = max(len(random_rows), len(time_rows))
        return "\n".join([
            f"{self.model!r} on the same {self.n_test} test days: a random {self.test_fraction:.0%} of the windows, "
            "those", f"predicting a day from {self.test_start} on. Its RMSE (% a day), trained on",
            f"  {random_rows:<{width}} {100 * self.random_rmse:.4f}",
            f"  {time_rows:<{width}} {100 * self.time_rmse:.4f}",
            f"  random minus time split: {_points(d)} points",
            f"  -> {verdict}"])


def random_split_check(dates, values, n_days, make_model, test_start, test_fraction=0.2, seed=0):
    """Does a random split flatter this model? Deal the windows at random (lh.shuffled_split)
    and keep the test windows that predict a day from test_start on; then fit the model twice,
    on the random split's training windows (every year, the test years' included) and on the
    windows that predict a day before test_start only, and score both on those same test days.

    The model is fitted with fit(train) alone (no validation period); its training period's
    values are its training windows' targets. RMSEs are in the series' units (x 100 when shown).
    """
    values = _series(values, "values")
    dates = _dates(dates, "dates", len(values))
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    if not callable(make_model):
        raise TypeError(f"make_model must be a function that makes a model (a class works), got {describe(make_model)}")
    inputs, targets = make_windows(values, n_days)
    n_days = inputs.shape[1]
    target_dates = dates[n_days:]
    start = _date(test_start, "test_start")
    train_starts, test_starts = shuffled_split(len(targets), test_fraction, seed)
    tested = test_starts[target_dates[test_starts] >= start]
    before = np.flatnonzero(target_dates < start)
    if not len(tested) or not len(before):
        raise ValueError(f"test_start must leave windows before it and random test windows after it, got {start}")

    def period(rows):
        return Period("train", 0, target_dates[rows], targets[rows], inputs[rows], targets[rows], target_dates[rows])

    actual, predictions = targets[tested], []
    for rows in (train_starts, before):
        model = make_model().fit(period(rows))
        predictions.append(np.asarray(model.predict(inputs[tested]), dtype=float))
    name = getattr(make_model, "name", None) or getattr(make_model, "__name__", "model")
    return RandomSplitCheck(name, start, len(tested), float(test_fraction), rmse(predictions[0], actual),
                            rmse(predictions[1], actual), rmse_difference(predictions[0], predictions[1], actual))
