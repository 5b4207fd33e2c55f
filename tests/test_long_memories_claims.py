"""Notebook 06's prose states conclusions that its computed outputs must bear out.

As tests/test_real_prices_claims.py does for 07: nbval checks that the stored outputs are what
the notebook computes; these tests check that they say what the markdown around them claims.
If a recomputed success table (make experiments) flips a verdict, a test here fails and the
prose must be rewritten to match. Each test names the sentence it guards.
"""

import re
from pathlib import Path


from lstm_helpers.guessing import GUESS_VARIANTS
from lstm_helpers.success_table import TABLE_VARIANTS
from tests.claims import notebook_fixtures, lines_too_wide, notebook_cells, number, output_of

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "06_long_memories.ipynb"
FLOAT64_RESOLUTION = 2.2e-16  # notebook 02: the smallest change float64 can add to a number near 1


read, outputs, prose = notebook_fixtures(NOTEBOOK)


def gradients(outputs):
    """{row name: [|d prediction / d day 1| at 5, 20, 50, 100 days]} of section 2's table."""
    text = output_of(outputs, "by_lag = {")
    rows = re.findall(r"^(RNN|LSTM, [^\n]*?)\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)\s+([\d.e+-]+)$", text, re.M)
    return {name.strip(): [float(v) for v in values] for name, *values in rows}


def counts(text):
    """{variant: {n_days: solved}} of lines "variant: 20 days 3/10, 50 days 0/10"."""
    found = {}
    for line in text.splitlines():
        name, _, rest = line.rpartition(":")  # a variant's name may hold a colon ("two values: LSTM")
        cells = re.findall(r"(\d+) days (\d+)/(\d+)", rest)
        if cells:
            found[name.strip()] = {int(n): int(solved) for n, solved, _ in cells}
    return found


# --- section 2 ---------------------------------------------------------------------------------

def test_forget_bias_1_is_far_above_bias_0_and_millions_of_times_below_5_and_minus_3(outputs, prose):
    rows = gradients(outputs)
    default, zero = rows["LSTM, forget bias 1, input bias 0"][-1], rows["LSTM, forget bias 0, input bias 0"][-1]
    chosen = rows["LSTM, forget bias 5, input bias -3"][-1]
    assert default > 1e3 * zero and chosen > 1e6 * default
    kept = number(r"forget gates of days 2-100 multiply to ([\d.e+-]+)", output_of(outputs, "by_lag = {"))
    assert kept < 1e-10  # "next to nothing"
    assert "millions of times below that of a" in prose


def test_the_rnns_day_1_share_at_100_days_is_below_float64s_resolution(outputs, prose):
    assert gradients(outputs)["RNN"][-1] < FLOAT64_RESOLUTION
    assert "far below the 2.2e-16" in prose and '"no slope left to follow"' in prose


# --- section 3 ---------------------------------------------------------------------------------

def test_each_other_row_changes_one_or_two_settings(prose):
    assert all(len(overrides) <= 2 for _, overrides, _ in TABLE_VARIANTS.values())
    assert any(len(overrides) == 2 for _, overrides, _ in TABLE_VARIANTS.values())
    assert "changes the settings its name says (one or two)" in prose and "one setting each" not in prose


# --- section 4 ---------------------------------------------------------------------------------

def test_the_rescued_rnn_latches_while_its_slope_stays_tiny(outputs, prose):
    text = output_of(outputs, 'print(f"seed {seed}, 100 days')
    assert number(r"test accuracy ([\d.]+)", text) >= 0.95
    line = r"{}: stretch ([\d.]+), slope ([\d.e+-]+), flipping day 1 moves the prediction by ([\d.]+)"
    before, after = (re.search(r"^\s*" + line.format(name), text, re.M) for name in ("untrained", "trained"))
    (s0, slope0, flip0), (s1, slope1, flip1) = (map(float, m.groups()) for m in (before, after))
    assert s0 < 1 < s1  # "its weights now stretch every memory"
    assert slope1 < slope0 / 1000  # "smaller than before training"
    assert flip0 < 0.01 and 0.5 < flip1 < 1.5  # "moves the prediction by about 1, where before ... nothing"
    assert "Yet day 1's slope is smaller than before training" in prose


def test_the_larger_budget_rescues_the_rnn_sometimes(outputs):
    found = counts(output_of(outputs, 'budget = "RNN, learning rate'))
    assert found["RNN, learning rate 0.03, 6000 steps"][100] > found["RNN"][100]


def test_forget_bias_1_does_not_solve_the_long_lags(outputs, prose):
    found = counts(output_of(outputs, 'default = "LSTM, forget bias 1'))
    default, chosen = found["LSTM, forget bias 1, input bias 0"], found["LSTM"]
    assert max(default) == 100  # the table's longest lag is there
    for n_days in (n for n in default if n >= 50):
        assert default[n_days] <= 2 and default[n_days] < chosen[n_days]
    assert "**That default does not solve this task's long lags.**" in prose


def test_the_lstm_has_about_three_and_a_half_times_the_numbers(outputs, prose):
    ratio = number(r"the LSTM has ([\d.]+) times as many", output_of(outputs, "numbers = {}"))
    assert 3.3 <= ratio <= 3.7
    assert "three and a half times as many numbers" in prose and "four times" not in prose.replace(
        "four times the steps", "")


def test_guessing_solves_the_one_value_task(outputs, prose):
    found = counts(output_of(outputs, 'for variant in ("RNN", "RNN, guessing"'))
    assert all(solved >= 9 for solved in found["RNN, guessing"].values())  # "at every lag"
    assert found["LSTM, guessing"][20] >= 8  # "at the shorter lags"
    assert "Guessing solves this task for the RNN at every lag" in prose


def test_guessing_rarely_solves_the_two_values_task_and_training_does(outputs, prose):
    found = counts(output_of(outputs, "for variant in two_values"))
    assert set(found) == {v for v in GUESS_VARIANTS if v.startswith("two values")}
    for variant, solved in found.items():
        if "guessing" in variant:
            assert all(n <= 2 for n in solved.values())  # "few runs or none at every lag"
    trained = found["two values: LSTM"][20]
    assert trained > max(solved[20] for variant, solved in found.items() if "guessing" in variant)
    assert "guessing solves few runs or none at every lag" in prose


def test_code_and_printed_lines_fit_the_notebook_width():
    assert lines_too_wide(notebook_cells(NOTEBOOK)) == []
