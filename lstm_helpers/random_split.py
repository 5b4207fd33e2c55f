"""Does a random split flatter a model? (notebook 07): the same test days scored after a random
split of the windows and after a split by time (random_split_check, RandomSplitCheck)."""

from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEED, date_array, date_value, describe, series_array, whole_number
from .forecasting import Period, make_windows, shuffled_split
from .metrics import Difference, rmse, rmse_difference
from .score_text import points_text


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
            f"  random minus time split: {points_text(d)} points",
            f"  -> {verdict}"])


def random_split_check(dates, values, n_days, make_model, test_start, test_fraction=0.2, seed=0):
    """Does a random split flatter this model? Deal the windows at random (lh.shuffled_split)
    and keep the test windows that predict a day from test_start on; then fit the model twice,
    on the random split's training windows (every year, the test years' included) and on the
    windows that predict a day before test_start only, and score both on those same test days.

    The model is fitted with fit(train) alone (no validation period); its training period's
    values are its training windows' targets. RMSEs are in the series' units (x 100 when shown).
    """
    values = series_array(values, "values")
    dates = date_array(dates, "dates", len(values))
    seed = whole_number(seed, "seed", 0, MAX_SEED)
    if not callable(make_model):
        raise TypeError(f"make_model must be a function that makes a model (a class works), got {describe(make_model)}")
    inputs, targets = make_windows(values, n_days)
    n_days = inputs.shape[1]
    target_dates = dates[n_days:]
    start = date_value(test_start, "test_start")
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
