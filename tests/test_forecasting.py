"""Returns, windows and the split by time (forecasting.py), the scaler (scaler.py), baselines
(baselines.py); scores (metrics.py, evaluation.py) and walk-forward (walk_forward.py)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_helpers as lh
from lstm_helpers.metrics import Proportion, block_bootstrap_indices, direction_difference, rmse_difference


def days(n, start="2020-01-01"):
    return np.datetime64(start, "D") + np.arange(n)


def hand_split():
    """12 days: train 1..6 (rising by 1 a day), validation three 0s, test 10, 20, 0, -5; windows of 1 day."""
    values = np.array([1, 2, 3, 4, 5, 6, 0, 0, 0, 10, 20, 0, -5], dtype=float)
    return lh.time_split(days(13), values, 1, validation_start="2020-01-07", test_start="2020-01-10")


# --- returns and windows ----------------------------------------------------------------------

def test_log_returns_by_hand():
    np.testing.assert_allclose(lh.log_returns([1.0, 2.0, 4.0, 2.0]), [math.log(2), math.log(2), -math.log(2)])


@pytest.mark.parametrize("bad, error, words", [
    ([1.0], ValueError, "at least 2"), ([1.0, 0.0], ValueError, "above 0"), ([1.0, -2.0], ValueError, "above 0"),
    ("abc", TypeError, "prices"), ([[1.0, 2.0]], ValueError, "one-dimensional"), ([1.0, np.nan], ValueError, "finite"),
])
def test_log_returns_rejects_bad_prices_naming_them(bad, error, words):
    with pytest.raises(error, match=words):
        lh.log_returns(bad)


def test_windows_by_hand():
    inputs, targets = lh.make_windows(np.arange(6.0), 2)
    np.testing.assert_array_equal(inputs, [[0, 1], [1, 2], [2, 3], [3, 4]])
    np.testing.assert_array_equal(targets, [2, 3, 4, 5])


@pytest.mark.parametrize("n_days, error", [(0, ValueError), (2.5, TypeError), (True, TypeError), (6, ValueError)])
def test_windows_reject_a_bad_n_days(n_days, error):
    with pytest.raises(error, match="n_days"):
        lh.make_windows(np.arange(6.0), n_days)


# --- the split by time ----------------------------------------------------------------------------

def assert_windows_stay_inside(split):
    """values[i] == i, so each window's contents say which days it used."""
    for period in split.periods:
        first, stop = period.first_index, period.first_index + len(period.values)
        used = np.concatenate([period.inputs.ravel(), period.targets])
        assert used.min() >= first and used.max() < stop, period.name
        np.testing.assert_array_equal(period.targets, period.inputs[:, -1] + 1)  # the very next day
        np.testing.assert_array_equal(period.starts, period.inputs[:, 0])
        np.testing.assert_array_equal(period.target_dates, period.dates[period.n_days:])
    train, validation, test = split.periods
    assert train.dates[-1] < validation.dates[0] and validation.dates[-1] < test.dates[0]
    assert train.first_index + len(train.values) == validation.first_index
    assert validation.first_index + len(validation.values) == test.first_index


@settings(max_examples=80, deadline=None)
@given(st.integers(30, 200), st.integers(1, 8), st.floats(0.2, 0.5), st.floats(0.55, 0.8), st.booleans())
def test_windows_never_cross_a_boundary(n, n_days, a, b, weekends):
    dates = np.busday_offset("2020-01-01", np.arange(n), roll="forward") if weekends else days(n)
    values = np.arange(n, dtype=float)
    cut1, cut2 = dates[int(a * n)], dates[int(b * n)]
    try:
        split = lh.time_split(dates, values, n_days, cut1, cut2)
    except ValueError as error:
        assert "too few" in str(error)
        return
    assert_windows_stay_inside(split)
    assert np.all(split.train.dates < cut1) and np.all(split.test.dates >= cut2)
    assert np.all((split.validation.dates >= cut1) & (split.validation.dates < cut2))


def test_real_split_of_aapl():
    dates, prices = lh.load_prices("AAPL")
    returns = lh.log_returns(prices)
    split = lh.time_split(dates[1:], returns, 20, "2009-01-01", "2011-01-01")
    assert [len(p.values) for p in split.periods] == [2222, 504, 543]
    assert [len(p) for p in split.periods] == [2202, 484, 523]
    assert str(split.test.target_dates[0]) == "2011-02-01"
    assert_windows_stay_inside(lh.time_split(dates[1:], np.arange(len(returns), dtype=float), 20,
                                             "2009-01-01", "2011-01-01"))


def test_test_end_leaves_later_days_out():
    split = lh.time_split(days(40), np.arange(40.0), 2, "2020-01-11", "2020-01-21", test_end="2020-01-31")
    assert str(split.test.dates[-1]) == "2020-01-30" and split.test.targets.max() == 29


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(values="abc"), TypeError, "values"),
    (dict(dates=np.arange(20.0)), TypeError, "dates must be an array of dates"),
    (dict(dates=["2020-01-01"] * 19 + ["soon"]), TypeError, "dates must be an array of dates"),
    (dict(dates=days(19)), ValueError, "dates must hold one date per value"),
    (dict(dates=days(20)[::-1]), ValueError, "increasing"),
    (dict(n_days=0), ValueError, "n_days"),
    (dict(validation_start=5), TypeError, "validation_start"),
    (dict(test_start="not a date"), ValueError, "test_start"),
    (dict(validation_start="2020-01-12", test_start="2020-01-08"), ValueError, "validation_start < test_start"),
    (dict(n_days=7), ValueError, "the train period has 7 days, too few for windows of n_days = 7"),
    (dict(n_days=6), ValueError, "the validation period has 6 days"),
])
def test_time_split_names_what_is_wrong(kwargs, error, words):
    args = dict(dates=days(20), values=np.arange(20.0), n_days=2, validation_start="2020-01-08",
                test_start="2020-01-14")
    args.update(kwargs)
    with pytest.raises(error, match=words):
        lh.time_split(**args)


# --- the scaler -----------------------------------------------------------------------------------

def test_scaler_is_fitted_on_the_training_period_only():
    rng = np.random.default_rng(0)
    values = np.concatenate([rng.normal(0, 1, 100), rng.normal(50, 10, 30), rng.normal(100, 20, 30)])
    split = lh.time_split(days(160), values, 5, days(160)[100], days(160)[130])
    scaler = split.scaler()
    assert scaler.mean == pytest.approx(values[:100].mean(), abs=1e-12)
    assert scaler.scale == pytest.approx(values[:100].std(), abs=1e-12)
    # fitted on everything it would sit near 30 with a spread near 40: it must not have seen those days
    assert abs(scaler.mean) < 0.5 and scaler.scale < 1.5


def test_scaler_round_trip_and_errors():
    scaler = lh.Scaler.fit([1.0, 2.0, 3.0, 4.0])
    assert scaler.mean == 2.5 and scaler.scale == pytest.approx(math.sqrt(1.25))
    np.testing.assert_allclose(scaler.inverse(scaler.transform([7.0, -1.0])), [7.0, -1.0])
    with pytest.raises(ValueError, match="no spread"):
        lh.Scaler.fit([3.0, 3.0])
    with pytest.raises(TypeError, match="values"):
        scaler.transform("x")


# --- baselines on a hand-made series ------------------------------------------------------------

def test_baselines_errors_by_hand():
    split = hand_split()
    np.testing.assert_array_equal(split.test.targets, [20, 0, -5])
    results = lh.evaluate(lh.BASELINES, split)
    # tomorrow = today predicts 0: misses 20, 0, -5
    assert results.score("tomorrow = today").rmse == pytest.approx(math.sqrt((400 + 0 + 25) / 3))
    # the training mean is (1 + ... + 6) / 6 = 3.5: misses 16.5, -3.5, -8.5
    np.testing.assert_allclose(results.predictions["training mean"], [3.5, 3.5, 3.5])
    assert results.score("training mean").rmse == pytest.approx(math.sqrt((16.5**2 + 3.5**2 + 8.5**2) / 3))
    # the linear model learns tomorrow = today + 1 from 1, 2, ..., 6 and predicts 11, 21, 1: misses 9, 21, 6
    linear = results.models["linear"]
    assert linear.weights == pytest.approx([1.0]) and linear.bias == pytest.approx(1.0)
    assert results.score("linear").rmse == pytest.approx(math.sqrt((81 + 441 + 36) / 3))
    # direction: the day with no move (0) is left out; both call "up" and are right 1 time of 2
    assert results.score("linear").direction == Proportion(1, 2)
    assert results.score("tomorrow = today").direction is None
    assert results.up_days == Proportion(1, 2)


def test_rmse_and_r_squared_by_hand():
    assert lh.rmse([1.0, 2.0], [1.0, 4.0]) == pytest.approx(math.sqrt(2))
    assert lh.r_squared([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]) == 1.0
    assert lh.r_squared([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]) == 0.0
    with pytest.raises(ValueError, match="same length"):
        lh.rmse([1.0], [1.0, 2.0])


def test_linear_model_finds_an_exact_rule():
    values = np.zeros(300)
    rng = np.random.default_rng(1)
    values[:3] = rng.normal(size=3)
    for t in range(3, 300):
        values[t] = 0.5 * values[t - 1] - 0.2 * values[t - 3] + 0.01 + 0.001 * rng.normal()
    split = lh.time_split(days(300), values, 3, days(300)[200], days(300)[250])
    model = lh.LinearWindow().fit(split.train)
    np.testing.assert_allclose(model.weights, [-0.2, 0.0, 0.5], atol=0.01)
    assert lh.rmse(model.predict(split.test.inputs), split.test.targets) < 0.002


@settings(max_examples=30, deadline=None)
@given(st.floats(-5, 5), st.floats(0.01, 100), st.integers(0, 10_000))
def test_a_linear_model_gives_the_same_predictions_whatever_the_scaler(mean, scale, seed):
    values = np.random.default_rng(seed).normal(size=120)
    split = lh.time_split(days(120), values, 4, days(120)[80], days(120)[100])
    plain = lh.LinearWindow().fit(split.train).predict(split.test.inputs)
    scaled = lh.LinearWindow(scaler=lh.forecasting.Scaler(mean, scale)).fit(split.train).predict(split.test.inputs)
    np.testing.assert_allclose(scaled, plain, rtol=1e-6, atol=1e-9)


def test_models_refuse_to_predict_before_fit_and_name_bad_input():
    with pytest.raises(ValueError, match="fit the model"):
        lh.LinearWindow().predict(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="fit the model"):
        lh.TrainingMean().predict(np.zeros((2, 3)))
    with pytest.raises(TypeError, match="train must be a Period"):
        lh.LinearWindow().fit(np.zeros((5, 2)))
    with pytest.raises(TypeError, match="scaler"):
        lh.LinearWindow(scaler=3)
    model = lh.LinearWindow().fit(hand_split().train)
    with pytest.raises(ValueError, match=r"inputs must have shape \(windows, 1\)"):
        model.predict(np.zeros((2, 3)))


# --- scores with their uncertainty ----------------------------------------------------------------

def test_wilson_interval_known_values():
    low, high = lh.wilson_interval(50, 100)
    assert (round(low, 4), round(high, 4)) == (0.4038, 0.5962)
    low, high = lh.wilson_interval(0, 10)
    assert low == 0 and high == pytest.approx(1.959963984540054**2 / (10 + 1.959963984540054**2))
    with pytest.raises(ValueError, match="successes must be at most trials"):
        lh.wilson_interval(11, 10)
    with pytest.raises(ValueError, match="trials"):
        lh.wilson_interval(0, 0)


def test_direction_accuracy_skips_days_without_a_move_and_counts_no_call_as_a_miss():
    score = lh.direction_accuracy([1.0, -1.0, 0.0, 2.0, 5.0], [2.0, 1.0, -3.0, 0.0, 0.5])
    assert (score.successes, score.trials) == (2, 4)
    assert str(score) == "50.0% (15.0% to 85.0%)"
    with pytest.raises(ValueError, match="no day with a move"):
        lh.direction_accuracy([1.0], [0.0])


def test_bootstrap_blocks_are_runs_of_days_and_seeded():
    rows = block_bootstrap_indices(25, n_resamples=50, block_days=5, seed=3)
    assert rows.shape == (50, 25) and rows.min() >= 0 and rows.max() < 25
    assert np.all(np.diff(rows[:, :5], axis=1) == 1)
    np.testing.assert_array_equal(rows, block_bootstrap_indices(25, 50, 5, seed=3))


def test_differences_and_their_intervals():
    rng = np.random.default_rng(0)
    actual = rng.normal(size=400)
    same = rmse_difference(actual * 0, actual * 0, actual)
    assert same.estimate == 0 and same.low == 0 and same.high == 0 and not same.beyond_noise
    good = rmse_difference(actual + 0.1 * rng.normal(size=400), actual * 0, actual)
    assert good.high < 0 and good.beyond_noise and good.low <= good.estimate <= good.high
    coin = direction_difference(rng.normal(size=400), np.ones(400), actual)
    assert coin.low < 0 < coin.high and not coin.beyond_noise


def test_verdict_says_beyond_noise_only_when_it_is():
    rng = np.random.default_rng(2)
    values = np.zeros(1200)
    for t in range(1, 1200):  # tomorrow depends on today: a linear model can predict it
        values[t] = 0.6 * values[t - 1] + rng.normal()
    split = lh.time_split(days(1200), values, 5, days(1200)[800], days(1200)[1000])
    results = lh.evaluate(lh.BASELINES, split, seed=0)
    verdict = results.verdict().splitlines()
    assert verdict[3:] == ["linear:", "  errors smaller than 'tomorrow = today' beyond noise (95% interval excludes 0)",
                           "  direction right more often than always saying 'up' beyond noise (95% interval "
                           "excludes 0)"]
    noise = lh.time_split(days(1200), rng.normal(size=1200), 5, days(1200)[800], days(1200)[1000])
    text = lh.evaluate({"linear": lh.LinearWindow}, noise).verdict()
    assert "no different from 'tomorrow = today' beyond noise" in text
    table = results.table()
    assert "(this is it)" in table and "calls no direction" in table and "linear" in table


def test_evaluate_names_bad_models():
    split = hand_split()
    with pytest.raises(TypeError, match="models must be a dict"):
        lh.evaluate([lh.ZeroReturn], split)
    with pytest.raises(TypeError, match="split must be"):
        lh.evaluate(lh.BASELINES, "split")

    class Wrong:
        def fit(self, train, validation):
            return self

        def predict(self, inputs):
            return np.zeros(len(inputs) + 1)

    with pytest.raises(ValueError, match=r"models\['wrong'\] must predict 3 finite numbers"):
        lh.evaluate({"wrong": Wrong}, split)
    with pytest.raises(TypeError, match=r"models\['none'\]\(\) must make an object with fit"):
        lh.evaluate({"none": lambda: None}, split)


# --- walk-forward and leaks -----------------------------------------------------------------------

class Spy:
    """A model that records everything it is shown."""

    seen = []

    def fit(self, train, validation):
        Spy.seen.append(("fit", train.values.copy(), validation.values.copy(), train.dates[-1], validation.dates[0]))
        return self

    def predict(self, inputs):
        Spy.seen.append(("predict", np.asarray(inputs).copy()))
        return np.full(len(inputs), 0.5)  # the values rise by 1 a day: a little better than 0


def test_walk_forward_fits_only_on_the_past_of_each_test_year():
    dates = np.arange(np.datetime64("2001-01-01"), np.datetime64("2006-01-01"))
    values = np.arange(len(dates), dtype=float)  # a value is its own day number
    index_of = {str(d): i for i, d in enumerate(dates)}
    Spy.seen = []
    walk = lh.walk_forward(dates, values, 10, {"spy": Spy, "zero": lh.ZeroReturn}, [2004, 2005], validation_years=2)
    fits = [s for s in Spy.seen if s[0] == "fit"]
    predicts = [s for s in Spy.seen if s[0] == "predict"]
    assert len(fits) == len(predicts) == 2
    for year, (_, train, validation, train_end, validation_start), (_, inputs) in zip((2004, 2005), fits, predicts):
        first_validation, first_test = index_of[f"{year - 2}-01-01"], index_of[f"{year}-01-01"]
        assert train.max() < first_validation and str(train_end) == f"{year - 3}-12-31"
        assert validation.min() == first_validation and validation.max() < first_test
        assert inputs.min() >= first_test  # test windows start inside the test year
    assert walk.years == (2004, 2005)
    assert [str(r.test.target_dates[-1]) for r in walk.results] == ["2004-12-31", "2005-12-31"]
    assert walk.tally() == {"spy": (2, 0), "zero": (0, 0)}
    # "zero" is 'tomorrow = today' itself, so the summary leaves it out
    assert walk.summary() == ("Beyond noise, in how many of the 2 test years:\n"
                              "spy: errors smaller than 'tomorrow = today' in 2, larger in 0\n"
                              "  direction: the same calls as always saying 'up' in every year")


def test_walk_forward_names_bad_years():
    dates, values = days(400), np.zeros(400)
    with pytest.raises(TypeError, match="test_years"):
        lh.walk_forward(dates, values, 5, lh.BASELINES, "2020")
    with pytest.raises(ValueError, match="test_years must hold"):
        lh.walk_forward(dates, values, 5, lh.BASELINES, [])
    with pytest.raises(ValueError, match="validation_years"):
        lh.walk_forward(dates, values, 5, lh.BASELINES, [2020], validation_years=0)


def test_leaked_targets_by_hand():
    # a training window starting on day 0 holds days 0, 1 (inputs) and 2 (target), for n_days = 2
    assert lh.leaked_targets([0], [0], 2) == 1  # the test target, day 2, is in it
    assert lh.leaked_targets([0], [1], 2) == 0  # day 3 is not
    assert lh.leaked_targets([2], [1], 2) == 1  # day 3 is an input of the later window: 2, 3 and 4
    assert lh.leaked_targets([5], [1], 2) == 0  # that window holds 5, 6 and 7
    with pytest.raises(ValueError, match="train_starts"):
        lh.leaked_targets([-1], [0], 2)


def test_a_time_split_leaks_nothing_and_a_shuffled_one_leaks_almost_everything():
    split = lh.time_split(days(500), np.zeros(500), 20, days(500)[300], days(500)[400])
    assert lh.leaked_targets(split.train.starts, split.test.starts, 20) == 0
    assert lh.leaked_targets(split.train.starts, split.validation.starts, 20) == 0
    train, test = lh.shuffled_split(480, 0.2, seed=0)
    assert len(test) == 96 and len(np.intersect1d(train, test)) == 0
    assert lh.leaked_targets(train, test, 20) >= 0.95 * len(test)
    with pytest.raises(ValueError, match="test_fraction"):
        lh.shuffled_split(480, 1.5)


# --- sizes of moves: baselines, a reference model, one model against the others ----------------------

def test_size_baselines_by_hand():
    split = hand_split()  # windows of 1 day: test inputs 10, 20, 0 and targets 20, 0, -5
    np.testing.assert_array_equal(lh.LastValue().fit(split.train).predict(split.test.inputs), [10, 20, 0])
    np.testing.assert_array_equal(lh.WindowMean().fit(split.train).predict([[1.0, 2.0, 6.0], [0.0, 0.0, 3.0]]), [3, 1])
    assert set(lh.SIZE_BASELINES) == {"yesterday's size", "training mean size", "validation mean size",
                                      "recent average size", "linear"}
    with pytest.raises(ValueError, match="inputs must have shape"):
        lh.WindowMean().predict(np.zeros(3))


def test_evaluate_against_a_reference_model_scores_no_direction():
    split = hand_split()
    results = lh.evaluate({"mean": lh.TrainingMean, "last": lh.LastValue}, split, reference="mean")
    # the mean misses 16.5, -3.5, -8.5; the last value (10, 20, 0) misses -10, 20, 5
    last, mean = math.sqrt((100 + 400 + 25) / 3), math.sqrt((16.5**2 + 3.5**2 + 8.5**2) / 3)
    assert results.score("last").rmse_vs_reference.estimate == pytest.approx(last - mean)
    assert results.score("mean").rmse_vs_reference.low == results.score("mean").rmse_vs_reference.high == 0
    assert results.up_days is None and all(s.direction is None for s in results.scores)
    table = results.table()
    assert "minus mean" in table and "direction" not in table and "(this is it)" in table
    assert results.verdict().startswith("last:\n  errors ") and "'mean'" in results.verdict()
    with pytest.raises(ValueError, match="reference must be None .* or one of the models' names"):
        lh.evaluate({"mean": lh.TrainingMean}, split, reference="median")


def test_versus_compares_one_model_with_each_other_on_the_same_days():
    rng = np.random.default_rng(2)
    values = np.zeros(1200)
    for t in range(1, 1200):
        values[t] = 0.6 * values[t - 1] + rng.normal()
    split = lh.time_split(days(1200), values, 5, days(1200)[800], days(1200)[1000])
    results = lh.evaluate(lh.BASELINES, split)
    errors, direction = results.against("linear", "training mean")
    assert errors == rmse_difference(results.predictions["linear"], results.predictions["training mean"],
                                     split.test.targets)
    assert errors.high < 0 and direction.low > 0
    assert results.against("linear", "tomorrow = today")[1] is None  # 'tomorrow = today' calls no direction
    text = results.versus("linear").splitlines()
    assert text[0] == "linear against each other model, on the same test days:"
    assert text[1] == "  errors smaller than 'tomorrow = today' beyond noise (95% interval excludes 0)"
    assert text[-1] == "In short: on errors, linear beats 'tomorrow = today' and 'training mean' beyond noise."
    noise = lh.time_split(days(1200), rng.normal(size=1200), 5, days(1200)[800], days(1200)[1000])
    assert lh.evaluate(lh.BASELINES, noise).versus("linear").endswith("linear beats no other model beyond noise.")
    with pytest.raises(ValueError, match="name must be one of the models scored"):
        results.versus("LSTM")


def test_walk_forward_with_a_reference_and_one_model_against_the_others():
    dates = np.arange(np.datetime64("2001-01-01"), np.datetime64("2006-01-01"))
    rng = np.random.default_rng(4)
    sizes = np.abs(rng.normal(size=len(dates)) * np.where(np.arange(len(dates)) // 60 % 2, 3.0, 0.5))
    walk = lh.walk_forward(dates, sizes, 10, lh.SIZE_BASELINES, [2004, 2005], reference="training mean size")
    assert walk.reference == "training mean size"
    assert [line.split(":")[0] for line in walk.summary().splitlines()[1:]] == [
        "yesterday's size", "validation mean size", "recent average size", "linear"]  # the reference is left out
    assert "direction" not in walk.table() and "direction" not in walk.summary()
    lines = walk.versus("recent average size").splitlines()
    assert lines[0] == "Beyond noise, in how many of the 2 test years:" and len(lines) == 5
    assert lines[1].startswith("recent average size against \"yesterday's size\": smaller errors in")
    won = sum(r.against("recent average size", "training mean size")[0].high < 0 for r in walk.results)
    assert f"against 'training mean size': smaller errors in {won}," in walk.versus("recent average size")
    assert won == 2  # calm and stormy stretches of 60 days: the recent average knows which one it is in


def _walk_over_an_ar1_series():
    """Walk-forward of 'zero' and 'linear' over five years of an AR(1) series (tomorrow = -0.5 today + noise)."""
    dates = np.arange(np.datetime64("2001-01-01"), np.datetime64("2006-01-01"))
    values = np.zeros(len(dates))
    rng = np.random.default_rng(3)
    for t in range(1, len(values)):
        values[t] = -0.5 * values[t - 1] + rng.normal()
    return lh.walk_forward(dates, values, 5, {"zero": lh.ZeroReturn, "linear": lh.LinearWindow}, [2004, 2005])


def test_walk_forward_summary_counts_direction_years():
    walk = _walk_over_an_ar1_series()
    assert walk.summary().splitlines() == [
        "Beyond noise, in how many of the 2 test years:",
        "linear: errors smaller than 'tomorrow = today' in 2, larger in 0",
        "  direction right more often than always saying 'up' in 2, less often in 0"]


def test_autocorrelation_by_hand_and_its_noise_band():
    np.testing.assert_allclose(lh.autocorrelation([1.0, -1.0, 1.0, -1.0], 2), [-0.75, 0.5])
    noise = np.random.default_rng(0).normal(size=4000)
    inside = np.abs(lh.autocorrelation(noise, 40)) < lh.noise_band(4000)
    assert inside.mean() > 0.85
    assert lh.noise_band(100) == pytest.approx(0.196, abs=1e-3)
    with pytest.raises(ValueError, match="max_lag must be below"):
        lh.autocorrelation([1.0, 2.0, 3.0], 2)
    with pytest.raises(ValueError, match="no correlation"):
        lh.autocorrelation([2.0, 2.0, 2.0, 2.0], 1)


# --- settings chosen by validation, a recent level, and what a random split does ----------------------

def recent_split(test=(10.0, 20.0, 0.0, -5.0)):
    """Train 1..6, validation 3, 6, 9 (mean 6), then the test days; windows of 1 day."""
    values = np.array([1, 2, 3, 4, 5, 6, 3, 6, 9, *test], dtype=float)
    return lh.time_split(days(len(values)), values, 1, validation_start="2020-01-07", test_start="2020-01-10")


def test_validation_mean_is_the_validation_periods_average():
    split = recent_split()
    model = lh.ValidationMean().fit(split.train, split.validation)
    assert model.mean == 6.0
    np.testing.assert_array_equal(model.predict(split.test.inputs), [6, 6, 6])
    with pytest.raises(ValueError, match="validation must be a Period"):
        lh.ValidationMean().fit(split.train)
    with pytest.raises(ValueError, match="fit the model"):
        lh.ValidationMean().predict([[1.0]])


def test_validation_choice_keeps_the_candidate_best_on_validation_by_hand():
    split = recent_split()  # validation windows: 3 -> 6 and 6 -> 9
    candidates = {"zero": lh.ZeroReturn, "training mean": lh.TrainingMean, "validation mean": lh.ValidationMean}
    choice = lh.ValidationChoice(candidates).fit(split.train, split.validation)
    assert choice.validation_rmse == pytest.approx({"zero": math.sqrt((36 + 81) / 2),
                                                    "training mean": math.sqrt((2.5**2 + 5.5**2) / 2),
                                                    "validation mean": math.sqrt((0 + 9) / 2)})
    assert choice.chosen == "validation mean" and isinstance(choice.model, lh.ValidationMean)
    np.testing.assert_array_equal(choice.predict(split.test.inputs), [6, 6, 6])
    assert choice.summary().splitlines() == ["RMSE on the validation period (x 100):",
                                             f"  zero             {100 * math.sqrt(58.5):.4f}",
                                             f"  training mean    {100 * math.sqrt(18.25):.4f}",
                                             f"  validation mean  {100 * math.sqrt(4.5):.4f}  <- kept"]


def test_validation_choice_never_looks_at_the_test_period():
    """The same training and validation days with different test days: the same choice."""
    candidates = {"zero": lh.ZeroReturn, "training mean": lh.TrainingMean, "validation mean": lh.ValidationMean}
    chosen = [lh.ValidationChoice(candidates).fit(s.train, s.validation)
              for s in (recent_split(), recent_split(test=(0.0, 0.0, 0.0, 0.0)), recent_split(test=(1.0, 1.0, 1.0, 1.0)))]
    assert {c.chosen for c in chosen} == {"validation mean"}
    assert all(c.validation_rmse == chosen[0].validation_rmse for c in chosen)


def test_validation_choice_names_bad_input():
    split = recent_split()
    with pytest.raises(TypeError, match="candidates must be a dict"):
        lh.ValidationChoice([lh.ZeroReturn])
    with pytest.raises(TypeError, match="candidates must be a dict"):
        lh.ValidationChoice({})
    with pytest.raises(ValueError, match="validation must be a Period"):
        lh.ValidationChoice({"zero": lh.ZeroReturn}).fit(split.train)
    with pytest.raises(ValueError, match="fit the model"):
        lh.ValidationChoice({"zero": lh.ZeroReturn}).predict([[1.0]])


def test_lstm_choices_differ_only_in_size():
    choices = lh.lstm_choices(n_units=(2, 3), seed=4, max_steps=10)
    assert list(choices) == ["2 units", "3 units"]
    made = [make() for make in choices.values()]
    assert [m.n_units for m in made] == [2, 3] and {(m.seed, m.max_steps) for m in made} == {(4, 10)}
    assert made[0] is not choices["2 units"]()  # a fresh model at each call
    with pytest.raises(TypeError, match="n_units must be a list"):
        lh.lstm_choices(n_units="8")
    with pytest.raises(ValueError, match="n_units must hold"):
        lh.lstm_choices(n_units=())
    with pytest.raises(ValueError, match="n_units"):
        lh.lstm_choices(n_units=(0,))
    with pytest.raises(ValueError, match="learning_rate"):
        lh.lstm_choices(learning_rate=0)


def level_shift(n=1000, shift_at=600, seed=1):
    """Calm (noise around 1) until shift_at, then a stormier level (noise around 4)."""
    rng = np.random.default_rng(seed)
    return np.where(np.arange(n) < shift_at, 1.0, 4.0) + 0.3 * rng.normal(size=n)


def test_random_split_check_by_hand_and_where_the_leak_flatters():
    dates, values = days(1000), level_shift()
    check = lh.random_split_check(dates, values, 5, lh.TrainingMean, dates[600])
    inputs, targets = lh.make_windows(values, 5)
    train, test = lh.shuffled_split(len(targets), 0.2, seed=0)
    tested = test[test + 5 >= 600]  # windows predicting a day from day 600 on
    before = np.arange(len(targets))[np.arange(len(targets)) + 5 < 600]
    assert check.n_test == len(tested)
    assert check.random_rmse == pytest.approx(lh.rmse(np.full(len(tested), targets[train].mean()), targets[tested]))
    assert check.time_rmse == pytest.approx(lh.rmse(np.full(len(tested), targets[before].mean()), targets[tested]))
    # the random split's mean has seen the stormy later days: it is flattered, beyond noise
    assert check.difference.high < 0 and "the leak flatters it" in str(check)
    # a model that uses only the window's own days cannot be flattered by the training windows
    window = lh.random_split_check(dates, values, 5, lh.WindowMean, dates[600])
    assert window.random_rmse == window.time_rmse and "no different beyond noise" in str(window)
    assert all(len(line) <= 90 for line in str(check).splitlines())


def test_random_split_check_names_bad_input():
    dates, values = days(300), level_shift(300, 200)
    with pytest.raises(TypeError, match="make_model"):
        lh.random_split_check(dates, values, 5, "mean", dates[200])
    with pytest.raises(ValueError, match="test_start must leave"):
        lh.random_split_check(dates, values, 5, lh.TrainingMean, "2030-01-01")
    with pytest.raises(TypeError, match="test_start"):
        lh.random_split_check(dates, values, 5, lh.TrainingMean, 2020)


class Fixed:
    """A model that predicts given numbers on the test period, whatever it is shown."""

    def __init__(self, numbers):
        self.numbers = np.asarray(numbers, dtype=float)

    def fit(self, train, validation=None):
        return self

    def predict(self, inputs):
        return self.numbers[:len(inputs)]


def test_calls_count_up_and_down_calls_and_how_often_each_is_right():
    split = hand_split()  # test targets 20, 0, -5: two days moved, one up and one down
    results = lh.evaluate({"mixed": lambda: Fixed([1.0, 1.0, -2.0]), "up": lambda: Fixed([1.0, 1.0, 1.0])}, split)
    assert results.calls("mixed").splitlines() == [
        "mixed on the 2 test days that moved: says 'up' on 1 (50.0%), 'down' on 1",
        f"  'up' calls right on 1 of 1: 100.0% [{100 * lh.wilson_interval(1, 1)[0]:.1f}, 100.0]",
        f"  'down' calls right on 1 of 1: 100.0% [{100 * lh.wilson_interval(1, 1)[0]:.1f}, 100.0]"]
    assert results.calls("up").splitlines()[2] == "  no 'down' calls"
    sizes = lh.evaluate({"mean": lh.TrainingMean}, split, reference="mean")
    with pytest.raises(ValueError, match="calls are for returns"):
        sizes.calls("mean")


def test_movement_by_hand():
    split = hand_split()  # test targets 20, 0, -5
    results = lh.evaluate({"flat": lambda: Fixed([2.0, 2.0, 2.0]), "moving": lambda: Fixed([10.0, 0.0, -5.0])},
                          split, reference="flat")
    lines = results.movement().splitlines()
    actual = np.array([20.0, 0.0, -5.0])
    assert lines[0] == f"the 3 test days: actual mean {100 * actual.mean():.2f}%, spread {100 * actual.std():.2f} points"
    flat, moving = lines[3].split(), lines[4].split()
    assert flat[1:4] == ["200.00", "0.00", "(constant)"] and flat[4] == flat[5]
    correlation = np.corrcoef([10.0, 0.0, -5.0], actual)[0, 1]
    assert moving[1:4] == [f"{100 * 5 / 3:.2f}", f"{100 * np.std([10.0, 0.0, -5.0]):.2f}", f"{correlation:+.3f}"]
    assert float(moving[4]) == pytest.approx(100 * lh.rmse([10.0, 0.0, -5.0], actual), abs=1e-4)
    assert float(moving[5]) == pytest.approx(100 * lh.rmse(np.full(3, 5 / 3), actual), abs=1e-4)


def test_direction_by_year_counts_each_years_calls():
    walk = _walk_over_an_ar1_series()
    lines = walk.direction_by_year("linear").splitlines()
    assert len(lines) == 4 and all(len(line) <= 90 for line in lines)
    for line, results in zip(lines[2:], walk.results):
        year, up, down, down_right, right, always_up, *edge = line.split()
        moved = results.test.targets != 0
        predicted, actual = results.predictions["linear"][moved], results.test.targets[moved]
        assert int(year) == results.test.target_dates[0].astype(object).year
        assert (int(up), int(down)) == ((predicted > 0).sum(), (predicted < 0).sum())
        assert int(down_right) == ((predicted < 0) & (actual < 0)).sum()
        assert right == f"{results.score('linear').direction.value:.1%}"
        assert edge[0] == f"{100 * results.score('linear').direction_vs_up.estimate:+.1f}"
    with pytest.raises(ValueError, match="name must be one of"):
        walk.direction_by_year("LSTM")


def test_results_tables_say_their_units():
    results = lh.evaluate(lh.BASELINES, hand_split())
    assert "RMSE in % a day; differences in points of %" in results.table().splitlines()[1]
