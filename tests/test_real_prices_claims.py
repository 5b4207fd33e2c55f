"""Notebook 07's prose states conclusions that its computed outputs must bear out.

The notebook is seeded and nbval checks that its stored outputs are what it computes; these
tests check that the stored outputs say what the markdown around them claims. If a change to
the package flips a verdict, a test here fails, and the prose must be rewritten to match.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "07_real_prices.ipynb"


@pytest.fixture(scope="module")
def outputs():
    """{a code cell's source: all its text output}."""
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    found = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            text = "".join("".join(o.get("text", "")) for o in cell["outputs"])
            found["".join(cell["source"])] = text
    return found


def output_of(outputs, start):
    matches = [text for source, text in outputs.items() if source.startswith(start)]
    assert len(matches) == 1, f"one code cell should start with {start!r}"
    return matches[0]


def test_the_scaler_leak_changes_nothing_for_the_linear_model(outputs):
    lines = output_of(outputs, "for name, fitted in").splitlines()
    assert len(lines) == 2 and lines[0].split(":", 1)[1].strip() == lines[1].split(":", 1)[1].strip()


def test_the_lstm_fits_the_training_period_and_not_the_later_ones(outputs):
    r2 = {m[0]: float(m[1]) for m in re.findall(r"(\w+)\s+R squared of the LSTM: ([+-][\d.]+)", output_of(
        outputs, "for period in split.periods"))}
    assert r2["train"] > 0.01  # "a little above 0"
    assert abs(r2["validation"]) < r2["train"] / 2 and abs(r2["test"]) < r2["train"] / 2  # "about 0"


def test_the_lstm_verdict_on_returns_is_what_the_prose_says(outputs):
    text = output_of(outputs, "print(results.verdict())\nprint()\nprint(results.versus(")
    lstm = text.split("LSTM:\n")[1]
    assert lstm.startswith("  errors no different from 'tomorrow = today' beyond noise")
    assert "  direction right more often than always saying 'up', beyond noise" in lstm
    assert "In short: on errors, LSTM beats no other model beyond noise." in text


def test_year_by_year_the_lstm_has_no_steady_edge(outputs):
    text = output_of(outputs, "print(results.verdict())\nprint()\nprint(walk.summary())")
    lstm = text.split("\nLSTM: ")[1]
    assert lstm.startswith("smaller errors than 'tomorrow = today' in 0 of 4 years")  # "never beat"
    won = int(re.search(r"direction right more often than always saying 'up' in (\d) of 4 years", lstm)[1])
    assert 1 <= won < 4  # "appears in only some of the years"


def test_the_leak_moves_the_lstm_predictions(outputs):
    text = output_of(outputs, "# the leak: ")
    assert float(re.search(r"largest change in a predicted return: ([\d.]+)%", text)[1]) > 0


def test_returns_forget_and_sizes_remember(outputs):
    text = output_of(outputs, "band = lh.noise_band")
    (returns, n), (sizes, m) = re.findall(r"lags beyond the noise band: (\d+) of (\d+)", text)
    assert int(returns) < int(n) / 2 and int(sizes) == int(m)  # "barely remember" / "do"


def test_the_size_verdict_is_what_the_prose_says(outputs):
    text = output_of(outputs, "size_walk = ")
    assert "LSTM against \"yesterday's size\": smaller errors in 4 of 4 years" in text
    assert "LSTM against 'training mean size': smaller errors in 4 of 4 years" in text
    lost = re.search(r"LSTM against 'recent average size': smaller errors in 0 of 4 years, larger in (\d+)", text)
    assert lost and int(lost[1]) >= 1  # "does not beat it in any year; in some it loses beyond noise"
