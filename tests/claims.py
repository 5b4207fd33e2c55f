"""Reading a built notebook for the claims tests (test_*_claims.py): its code cells' text
outputs, keyed by source, and its prose."""

import json
import re

import pytest


def notebook_cells(path):
    return json.loads(path.read_text())["cells"]


def notebook_outputs(path):
    """({a code cell's source: all its text output}, all markdown joined)."""
    cells = notebook_cells(path)
    outputs = {"".join(c["source"]): "".join("".join(o.get("text", "")) for o in c["outputs"])
               for c in cells if c["cell_type"] == "code"}
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return outputs, prose


def output_of(outputs, start):
    matches = [text for source, text in outputs.items() if source.startswith(start)]
    assert len(matches) == 1, f"one code cell should start with {start!r}"
    return matches[0]


def number(pattern, text):
    found = re.search(pattern, text)
    assert found, pattern
    return float(found[1])


def lines_too_wide(cells, code=90, output=91):
    """The code and printed lines wider than a notebook shows at 1280 px with the file browser
    open (about 90 characters)."""
    wide = []
    for cell in (c for c in cells if c["cell_type"] == "code"):
        wide += [line for line in "".join(cell["source"]).splitlines() if len(line) > code]
        for out in cell["outputs"]:
            wide += [line for line in "".join(out.get("text", "")).splitlines() if len(line) > output]
    return wide


def notebook_fixtures(path):
    """Module-scoped fixtures (read, outputs, prose) of a built notebook, for a claims test module:
    outputs is {a code cell's source: all its text output}, prose its markdown."""
    @pytest.fixture(scope="module")
    def read():
        return notebook_outputs(path)

    @pytest.fixture(scope="module")
    def outputs(read):
        return read[0]

    @pytest.fixture(scope="module")
    def prose(read):
        return read[1]

    return read, outputs, prose
