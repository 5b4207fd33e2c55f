"""Scoring forecasts honestly (notebook 07): evaluate fits every model on the training period
and scores it on the test period (Results). The scores themselves are in metrics.py,
walk-forward in walk_forward.py, the random split's leak in random_split.py.

    results = lh.evaluate(lh.BASELINES, split)    # every model fitted on train, scored on test
    print(results.table())                       # RMSE and direction, with 95% intervals
    print(results.verdict())                     # beyond noise, or not: computed, never typed
    print(results.versus("linear"))              # one model against each of the others

For a target with no direction (the size of tomorrow's move), pass reference="a model's
name": every RMSE is then compared with that model's, and no direction is scored.

Every model sees the test period only through predict, so nothing from the future reaches
its training. Intervals are seeded, so the same data gives the same numbers.
"""

from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, describe, function, whole_number
from .forecasting import Period, Split
from .metrics import Difference, Proportion, direction_accuracy, direction_difference, rmse, rmse_difference
from .score_text import UP, compare_text, is_zero, listed, points_text, share_text, versus_text


def checked_models(models):
    """models, if it is a dict of name -> a function making a model; a TypeError otherwise."""
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
            lines += [f"{s.name:<{width}}  {100 * s.rmse:<6.4f}  {versus_text(s.rmse_vs_reference)}"
                      for s in self.scores]
            return "\n".join(line.rstrip() for line in lines)
        lines = [f"{head}; up on {self.up_days.value:.1%} of the days that moved", units,
                 f"{'model':<{width}}  {'RMSE':<6}  {versus:<26}  {'direction right':<18}  minus always up"]
        for s in self.scores:
            if s.direction is None:
                direction, versus_up = "calls no direction", ""
            else:
                direction = share_text(s.direction)
                versus_up = "(the same calls)" if is_zero(s.direction_vs_up) else points_text(s.direction_vs_up, 100, 1)
            lines.append(f"{s.name:<{width}}  {100 * s.rmse:<6.4f}  {versus_text(s.rmse_vs_reference):<26}  "
                         f"{direction:<18}  {versus_up}")
        return "\n".join(line.rstrip() for line in lines)

    def verdict(self):
        """Computed sentences, per model: does it beat the reference (and always 'up') beyond noise?"""
        lines = []
        reference = f"'{self.reference}'"
        for s in self.scores:
            if is_zero(s.rmse_vs_reference):
                continue
            errors = compare_text(s.rmse_vs_reference, True, "smaller", "larger", reference)
            lines += [f"{s.name}:", f"  errors {errors}"]
            if s.direction is not None and is_zero(s.direction_vs_up):
                lines.append(f"  direction: the same calls as {UP}")
            elif s.direction is not None:
                direction = compare_text(s.direction_vs_up, False, "right more often", "right less often", UP)
                lines.append(f"  direction {direction}")
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
            lines.append(f"  errors {compare_text(errors, True, 'smaller', 'larger', repr(other))}")
            if direction is not None and not is_zero(direction):
                said = compare_text(direction, False, "right more often", "right less often", repr(other))
                lines.append(f"  direction {said}")
            if errors.high < 0:
                beaten.append(repr(other))
        lines.append(f"In short: on errors, {name} beats {listed(beaten) or 'no other model'} beyond noise.")
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
        if not n:
            return f"  no '{word}' calls"
        return f"  '{word}' calls right on {hits} of {n}: {share_text(Proportion(hits, n))}"

    return "\n".join([f"{name} on the {int(moved.sum())} test days that moved: says 'up' on {int(up.sum())} "
                      f"({up.mean():.1%}), 'down' on {int(down.sum())}" + (f", neither on {none}" if none else ""),
                      right(up, went_up, "up"), right(down, ~went_up, "down")])


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
    models = checked_models(models)
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
