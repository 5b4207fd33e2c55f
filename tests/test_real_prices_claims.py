"""Notebook 07's prose states conclusions that its computed outputs must bear out.

The notebook is seeded and nbval checks that its stored outputs are what it computes; these
tests check that the stored outputs say what the markdown around them claims. If a change to
the package flips a verdict, a test here fails, and the prose must be rewritten to match.
Each test names the sentence it guards.
"""

import re
from pathlib import Path

import pytest

from tests.claims import notebook_fixtures, lines_too_wide, notebook_cells, number, output_of

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "07_real_prices.ipynb"


read, outputs, prose = notebook_fixtures(NOTEBOOK)


def interval(text):
    """(estimate, low, high) of '+0.0143 [-0.0118, +0.0397]'."""
    found = re.search(r"([+-][\d.]+) \[([+-][\d.]+), ([+-][\d.]+)\]", text)
    assert found, text
    return tuple(float(v) for v in found.groups())


# --- sections 1 to 3 ---------------------------------------------------------------------------

def test_the_worst_day_fell_about_half_with_a_log_return_far_beyond_minus_a_half(outputs, prose):
    text = output_of(outputs, "returns = lh.log_returns(prices)")
    fell = number(r"2000-09-29: the adjusted close fell (\d+)%", text)
    log_return = number(r"a log return of ([+-][\d.]+)", text)
    assert 40 <= fell <= 60 and log_return < -0.6  # "about half", "far beyond -0.5"
    assert "about half their value" in prose


def test_log_returns_match_percent_changes_only_for_small_moves(outputs):
    rows = re.findall(r"a change of\s+([+-]\d+)% is a log return of ([+-][\d.]+)",
                      output_of(outputs, "for change in"))
    assert len(rows) == 7
    for change, log_return in ((float(c), 100 * float(r)) for c, r in rows):
        if abs(change) <= 5:  # "holds for everyday moves of a few %"
            assert abs(log_return - change) < 0.15
        else:  # "breaks down for large ones: falls look larger as log returns, rises smaller"
            assert abs(log_return - change) > 1.5
            assert log_return < change  # a fall is further from 0 as a log return, a rise closer


def test_returns_are_on_one_scale_but_the_early_years_were_stormier(outputs):
    text = output_of(outputs, "years = dates[1:]")
    (d2001, r2001), (d2012, r2012) = [(float(d), float(r)) for d, r in re.findall(
        r"\$([\d.]+) in dollars, ([\d.]+)% as a return", text)]
    assert d2012 / d2001 > 5  # "in dollars the two years differ many times over"
    assert 1.5 < r2001 / r2012 < 5  # "on the same scale", "the early years were far stormier"


def test_only_the_random_split_puts_test_days_in_training_windows(outputs):
    text = output_of(outputs, "n_windows = len(returns) - N_DAYS")
    leaked, tested = (int(v) for v in re.search(r"random split:\s+(\d+) of (\d+)", text).groups())
    assert leaked > 0.9 * tested
    assert "split by time: 0 of" in text


def test_a_random_split_flatters_the_mean_of_the_sizes_and_not_of_the_returns(outputs):
    text = output_of(outputs, "for name, values in ((\"returns\"")
    returns, sizes = text.split("'training mean' on")[1:]
    assert text.startswith("returns:\n") and "\nsizes of the moves:\n" in returns
    assert "-> no different beyond noise" in returns
    assert "-> smaller after the random split, beyond noise: the leak flatters it" in sizes


def test_the_scaler_leak_changes_nothing_for_the_linear_model(outputs):
    lines = output_of(outputs, "scalers = {").splitlines()
    assert len(lines) == 2 and lines[0].split(":", 1)[1].strip() == lines[1].split(":", 1)[1].strip()


# --- section 6: the LSTM on returns ------------------------------------------------------------

def test_the_validation_period_chose_the_lstm_that_the_notebook_then_uses(outputs):
    text = output_of(outputs, 'chosen = results.models["LSTM"]')
    scores = {int(n): float(v) for n, v in re.findall(r"(\d+) units\s+([\d.]+)", text)}
    assert sorted(scores) == [4, 8]  # "two LSTMs are trained, with 4 and 8 units"
    kept = int(re.search(r"(\d+) units\s+[\d.]+  <- kept", text)[1])
    assert scores[kept] == min(scores.values())
    assert f"LSTMWindow(n_units={kept}, learning_rate=0.01, seed=0" in text  # the defaults, seed 0


def test_the_lstm_kept_early_is_about_0_on_every_period(outputs, prose):
    r2 = {m[0]: float(m[1]) for m in re.findall(r"(\w+)\s+R squared of the LSTM: ([+-][\d.]+)", output_of(
        outputs, "for period in split.periods"))}
    assert sorted(r2) == ["test", "train", "validation"]
    assert all(abs(v) < 0.02 for v in r2.values())  # "about 0 on every period, the training period included"
    text = output_of(outputs, 'chosen = results.models["LSTM"]')
    steps, kept = (int(v) for v in re.search(r"(\d+) Adam steps .*\nkept step (\d+)", text).groups())
    assert kept <= steps / 2  # "kept an LSTM from early in its training"
    assert "About 0 on every period, the training period included" in prose


def test_the_lstm_verdict_on_returns_is_what_the_prose_says(outputs):
    text = output_of(outputs, "print(results.verdict())\nprint()\nprint(results.versus(")
    lstm = text.split("LSTM:\n")[1]
    assert lstm.startswith("  errors no different from 'tomorrow = today' beyond noise")
    assert "  direction right more often than always saying 'up' beyond noise" in lstm
    assert "In short: on errors, LSTM beats no other model beyond noise." in text


def test_the_lstm_mostly_says_up_and_its_edge_is_a_handful_of_down_calls(outputs):
    text = output_of(outputs, "print(results.verdict())\nprint()\nprint(results.versus(")
    days, up, up_share, down = (float(v) for v in re.search(
        r"LSTM on the (\d+) test days that moved: says 'up' on (\d+) \(([\d.]+)%\), 'down' on (\d+)", text).groups())
    assert up_share > 85 and down < 0.1 * days  # "'up' on nearly every day", "only a few 'down' calls"
    right, calls, share, low = (float(v) for v in re.search(
        r"'down' calls right on (\d+) of (\d+): ([\d.]+)% \[([\d.]+),", text).groups())
    assert share > 50 and calls < 0.1 * days  # "a handful of 'down' calls, most of them right"


def test_the_leak_moves_the_lstm_predictions(outputs):
    text = output_of(outputs, "# the leak: ")
    assert number(r"largest change in a predicted return: ([\d.]+)%", text) > 0


# --- sections 7 and 8: year by year ----------------------------------------------------------------

def test_year_by_year_the_lstm_has_no_steady_edge(outputs):
    text = output_of(outputs, "print(results.verdict())\nprint()\nprint(walk.summary())")
    lstm = text.split("\nLSTM: ")[1]
    assert lstm.startswith("errors smaller than 'tomorrow = today' in 0, larger in 0")  # "never beat"
    assert "direction right more often than always saying 'up' in 1, less often in 0" in lstm  # "one of the four"
    rows = re.findall(r"^(\d{4})\s+(\d+)\s+(\d+)\s+\d+\s+[\d.]+%\s+[\d.]+%\s+(.*)$", text, re.M)
    assert len(rows) == 4
    edges = [interval(edge) for *_, edge in rows]
    assert sum(low > 0 for _, low, _ in edges) == 1  # beyond noise in one year
    assert all(low <= 0 <= high for _, low, high in edges if low <= 0)  # "no different ... in the other three"
    assert all(int(up) > int(down) for _, up, down, _ in rows)  # "says 'up' on most days"


def test_the_key_point_names_the_stock_and_years_it_rests_on(outputs, prose):
    assert "for AAPL's returns in the test years (2009 to early 2013)" in prose
    assert "test_years = [2009, 2010, 2011, 2012]" in "".join(outputs)
    assert "2011-02-01 to 2013-03-01" in output_of(outputs, "results = lh.evaluate(lh.BASELINES")


# --- section 9: the size of the move ----------------------------------------------------------------

def test_returns_forget_and_sizes_remember(outputs):
    text = output_of(outputs, "band = lh.noise_band")
    assert number(r"about (\d+) of \d+ lags would fall beyond the band by chance", text) == 1
    (returns, n), (sizes, m) = re.findall(r"lags beyond the noise band: (\d+) of (\d+)", text)
    assert 1 < int(returns) < int(n) / 2  # "a few, more than the one that chance alone would give"
    assert int(sizes) == int(m)  # "above the band at every lag shown"


@pytest.fixture(scope="module")
def sizes(outputs):
    table = output_of(outputs, "print(size_results.table())")
    rmse = {name.strip(): float(v) for name, v in re.findall(r"^(\D+?)\s+(\d\.\d{4})\s", table, re.M)}
    assert len(rmse) == 6, rmse
    verdict = output_of(outputs, "print(size_results.verdict())")
    movement = {}
    for row in output_of(outputs, "print(size_results.movement())").splitlines()[3:]:
        name, mean, spread, correlation, rmse_, flat = re.match(
            r"(.+?)\s+([\d.]+)\s+([\d.]+)\s+(\S+)\s+([\d.]+)\s+([\d.]+)$", row).groups()
        movement[name] = {"mean": float(mean), "spread": float(spread), "rmse": float(rmse_), "flat": float(flat),
                          "correlation": None if correlation == "(constant)" else float(correlation)}
    actual = number(r"actual mean ([\d.]+)%", output_of(outputs, "print(size_results.movement())"))
    return rmse, verdict, movement, actual


def test_on_the_test_period_a_single_recent_number_does_best(sizes):
    rmse, verdict, *_ = sizes
    for name in ("validation mean size", "recent average size", "linear", "LSTM"):  # "every model but"
        assert f"{name}:\n  errors smaller than 'training mean size' beyond noise" in verdict
    assert "yesterday's size:\n  errors no different from 'training mean size'" in verdict
    assert "  errors smaller than \"yesterday's size\" beyond noise" in verdict.split("LSTM against")[1]
    against = verdict.split("LSTM against")[1]
    assert "  errors larger than 'validation mean size' beyond noise" in against  # "larger ... beyond noise"
    for other in ("recent average size", "linear"):
        assert f"  errors no different from '{other}' beyond noise" in against
    assert min(rmse, key=rmse.get) == "validation mean size"  # "the lowest RMSE of them all"


def test_most_of_the_lstms_edge_is_its_level(sizes):
    _, _, movement, actual = sizes
    lstm, recent = movement["LSTM"], movement["recent average size"]
    assert movement["training mean size"]["mean"] > 1.5 * actual  # "far above the actual mean"
    assert abs(movement["validation mean size"]["mean"] - actual) < 0.1 * actual  # "close to the actual mean"
    assert 0.75 < lstm["spread"] / recent["spread"] < 1.33  # "about as much as the recent average's"
    assert 0 < lstm["correlation"] < 0.2 and 0 < recent["correlation"] < 0.2  # "small and positive"
    assert abs(lstm["correlation"] - recent["correlation"]) < 0.05  # "about as much"
    assert lstm["flat"] < lstm["rmse"]  # "flattened ... would have scored better than it did"
    training = movement["training mean size"]["mean"]
    assert abs(lstm["mean"] - actual) < abs(training - actual) / 2  # "its mean is far closer to the actual mean"
    for name, m in movement.items():  # "the same holds for every model here whose predictions move"
        assert m["correlation"] is None or m["flat"] < m["rmse"], name


def test_year_by_year_simple_rules_do_as_well_as_the_lstm_on_sizes(outputs):
    text = output_of(outputs, "print(size_walk.table())")
    assert "LSTM against \"yesterday's size\": smaller errors in 4, larger in 0" in text
    assert "LSTM against 'training mean size': smaller errors in 4, larger in 0" in text
    assert "LSTM against 'validation mean size': smaller errors in 1, larger in 0" in text  # "only one, never loses"
    assert "LSTM against 'recent average size': smaller errors in 0, larger in 1" in text  # "never beats, loses one"
    assert "validation mean size: errors smaller than 'training mean size' in 3, larger in 1" in text
    assert "recent average size: errors smaller than 'training mean size' in 4, larger in 0" in text
    row = re.search(r"^2009  validation mean size\s+(.*)$", text, re.M)[1]
    assert interval(row)[1] > 0  # "lost ... in one year (2009, the year after the storms of 2008)"


# --- what a learner sees at 1280 px with the file browser open -------------------------------------

def test_code_and_printed_lines_fit_the_notebook_width():
    assert lines_too_wide(notebook_cells(NOTEBOOK)) == []


def test_the_leaky_scaler_key_point_says_what_the_lstm_check_shows(outputs, prose):
    """Key points: the leak "changed the LSTM's predictions, though here not its test score beyond noise"."""
    text = output_of(outputs, "# the leak: ")
    assert number(r"largest change in a predicted return: ([\d.]+)%", text) > 0
    assert "errors no different from 'training scaler' beyond noise" in text
    assert "changed the LSTM's predictions, though here not its test score beyond noise" in prose
    assert "immune" not in prose
