"""One word for one idea across the notebooks: a gate is a fraction between 0 and 1 (issue 23).

"Percentage" appears only where the source's own word is quoted, as a reading aid."""

from pathlib import Path

import pytest

from tests.claims import notebook_outputs

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.mark.parametrize("name", ["00_start_here", "02_rnn_gradient_problems", "03_one_lstm_unit"])
def test_a_gate_is_called_a_fraction(name):
    prose = notebook_outputs(NOTEBOOKS / f"{name}.ipynb")[1].lower()
    quoted = prose.count('the source\nsays "percentage"') + prose.count('the source says "percentage"')
    assert prose.count("percentage") == quoted
    assert "fraction" in prose
