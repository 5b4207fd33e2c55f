"""Walk-forward (notebook 07): the same comparison over consecutive test years, each model
refitted on everything before its year (walk_forward, WalkForward).

    walk = lh.walk_forward(dates[1:], returns, 20, lh.BASELINES, test_years=[2009, 2010])
    print(walk.table()); print(walk.summary())
"""

import itertools
from dataclasses import dataclass

from ._checks import MAX_SEED, date_array, describe, function, series_array, whole_number
from .evaluation import checked_models, evaluate
from .forecasting import time_split
from .score_text import UP, is_zero, points_text, share_text, versus_text


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
                direction = ("" if not directions else "calls no direction" if s.direction is None
                             else share_text(s.direction))
                lines.append(f"{year:<6}{s.name:<{width}}  {versus_text(s.rmse_vs_reference):<27}  {direction}")
            if directions:
                lines.append(f"{year:<6}{'(always up)':<{width}}  {'':<27}  {share_text(results.up_days)}")
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
            if all(is_zero(d) for d in versus_up):
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
                "(the same calls)" if is_zero(score.direction_vs_up) else points_text(score.direction_vs_up, 100, 1))
            lines.append(f"{year:<6}{int((predicted > 0).sum()):>9}{int(down.sum()):>11}"
                         f"{int((~went_up)[down].sum()):>12}  {right:>6}  {results.up_days.value:>9.1%}  {edge}")
        return "\n".join(lines)

    def _references(self):
        """Models that are the reference itself: every year's difference exactly 0."""
        names = [s.name for s in self.results[0].scores]
        return {n for n in names if all(is_zero(r.score(n).rmse_vs_reference) for r in self.results)}


def walk_forward(dates, values, n_days, models, test_years, validation_years=1, seed=0, reference=None,
                 progress=None):
    """For each test year Y: train on everything before the validation years, validate on the
    validation_years just before Y, test on Y. Nothing after Y's end is used in that round.
    reference and progress as for evaluate (progress counts the models of every year).
    At most 50 test years and 50 validation years."""
    models = checked_models(models)
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
    values = series_array(values, "values")
    dates = date_array(dates, "dates", len(values))
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
