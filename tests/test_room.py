"""tools/room.py, the room benchmark's runner, and tools/measure_timings.py, which writes INSTRUCTORS.md's timings.

Behaviour only (a learner's run is reported, bad arguments are named); the figures
themselves are measured by `make benchmark`, `make benchmark-room` and `make timings`, never by a test.
"""

import json

import pytest

from tools.measure_timings import END, GUIDE, RESULTS, START, table, updated
from tools.room import notebook_paths, run_notebook, run_room


def test_a_learner_runs_a_notebook_in_a_real_kernel_and_reports_wall_and_cpu():
    (learner,) = run_room(["00"], learners=1, seconds=300)
    figures = learner["00_start_here.ipynb"]
    assert set(learner) == {"00_start_here.ipynb"}
    assert figures["wall"] > 0 and figures["cpu"] > 0 and 0 < figures["setup"] <= figures["wall"]


def test_a_notebook_that_raises_is_reported_not_timed(tmp_path):
    broken = tmp_path / "99_broken.ipynb"
    broken.write_text(json.dumps({"cells": [{"cell_type": "code", "execution_count": None, "id": "x", "metadata": {},
                                             "outputs": [], "source": "raise RuntimeError('broken notebook')"}],
                                  "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    from nbclient.exceptions import CellExecutionError

    with pytest.raises(CellExecutionError, match="broken notebook"):
        run_notebook(broken)


@pytest.mark.parametrize("prefixes, learners, message", [
    (["99"], 1, "notebook prefix '99'"), (["6"], 1, "notebook prefix '6'"),
    (["06"], 0, "learners must be a positive int"), (["06"], 2.5, "learners must be a positive int"),
])
def test_bad_room_arguments_are_named(prefixes, learners, message):
    with pytest.raises(ValueError, match=message):
        run_room(prefixes, learners=learners)


def test_notebook_prefixes_keep_their_order_and_all_means_every_notebook():
    assert [p.name[:2] for p in notebook_paths(["07", "06"])] == ["07", "06"]
    assert len(notebook_paths(["all"])) == len(list(GUIDE.parent.glob("notebooks/[0-9][0-9]_*.ipynb")))


def test_instructors_timings_are_the_measured_ones():
    """The table between the markers is what the script writes from its results file: never typed."""
    results = json.loads(RESULTS.read_text())
    text = GUIDE.read_text()
    assert START in text and END in text
    assert text == updated(text, results), "run `make timings` (or tools/measure_timings.py --write-only)"
    every = {path.name for path in notebook_paths(["all"])}
    assert set(results["alone"]["notebooks"]) == every, "a notebook was added or renamed: run `make timings`"
    assert set(results.get("room", {}).get("notebooks", every)) == every


def test_the_table_has_a_row_per_notebook_and_says_what_was_not_measured():
    results = {"alone": {"machine": {"date": "2026-01-01", "cpu": "a CPU", "python": "3.11.7", "load_start": 0.5},
                         "cores": 2, "notebooks": {"06_x.ipynb": {"wall": 9.55, "cpu": 8.0},
                                                   "07_y.ipynb": {"wall": 51.2, "cpu": 49.4}}}}
    rows = [line for line in table(results).splitlines() if line.startswith("| 0")]
    assert rows == ["| 06_x | 9.6 s | 8.0 s | not measured | not measured |",
                    "| 07_y | 51 s | 49 s | not measured | not measured |"]
    with pytest.raises(ValueError, match="no <!-- timings:start"):
        updated("no markers here", results)
