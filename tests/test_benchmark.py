"""`make benchmark`'s pieces run and say what they measured (benchmarks/targets.py, tools/room.py).

Behaviour only: the setup-cell timer returns a time, the summary names every target and
its verdict, the layer comparison is skipped without torch. The long parts (notebook 07
alone and in a room, the whole comparison with torch) run in `make benchmark`, never here.
"""

import sys

import nbformat
import pytest

from benchmarks import targets
from benchmarks.targets import SKIPPED, Result, passed, summary
from tools.room import notebook_paths, print_room, room_cpus, run_room, setup_cell_count


def test_the_setup_timer_times_notebook_00s_setup_cells_in_a_fresh_kernel_held_to_one_cpu():
    (learner,) = run_room(["00"], learners=1, setup_only=True, cores=1)
    figures = learner["00_start_here.ipynb"]
    assert 0 < figures["setup"] <= figures["wall"] and figures["cpu"] > 0 and isinstance(figures["slow_cells"], list)


@pytest.mark.parametrize("path", notebook_paths(["all"]), ids=lambda p: p.stem)
def test_the_setup_cells_end_with_the_cell_that_imports_the_course(path):
    notebook = nbformat.read(path, as_version=4)
    cells = notebook.cells[:setup_cell_count(notebook)]
    assert "import lstm_helpers as lh" in cells[-1].source and cells[-1].cell_type == "code"
    assert sum(cell.cell_type == "code" for cell in cells) == 2, "the install check, then the setup cell"


def test_a_notebook_without_a_setup_cell_is_named():
    install_check = "try:\n    import lstm_helpers\nexcept ModuleNotFoundError:\n    pass"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(install_check)])
    with pytest.raises(ValueError, match="no setup cell"):
        setup_cell_count(notebook)


def test_a_room_is_held_to_the_first_cores_and_bad_cores_are_named():
    assert room_cpus(1) == room_cpus()[:1] and room_cpus(None) == room_cpus()
    for bad in (0, 1.5, True, "2"):
        with pytest.raises(ValueError, match="cores must be a positive int"):
            room_cpus(bad)


def test_each_learners_total_is_printed_beside_its_target(capsys):
    results = [{"07_x.ipynb": {"wall": 45.0, "cpu": 19.0}}, {"07_x.ipynb": {"wall": 75.0, "cpu": 21.0}},
               {"07_x.ipynb": {"error": "CellTimeoutError: slow", "wall": 600.0}}]
    print_room(results, ["07_x.ipynb"], targets={"wall": 60})
    rows = capsys.readouterr().out.splitlines()[2:5]
    assert rows[0].endswith("wall < 60 s ok") and rows[1].endswith("wall < 60 s OVER TARGET")
    assert rows[2].endswith("did not finish: OVER TARGET")


def test_the_summary_lists_every_target_with_its_measure_and_verdict():
    results = [Result("every setup cell under 2 s", "slowest 1.20 s (07_real_prices)", "ok"),
               Result("notebook 07 under 20 s of kernel CPU, alone", "31.0 s CPU (40.0 s wall)", "OVER TARGET"),
               Result("the layer at least 1.0x torch", "torch not importable", SKIPPED)]
    lines = summary(results, 600, (2.0, 3.5)).splitlines()
    assert lines[3] == "ok            every setup cell under 2 s: slowest 1.20 s (07_real_prices)"
    assert lines[4].startswith("OVER TARGET   notebook 07 under 20 s") and lines[5].startswith("skipped ")
    assert lines[6].startswith("1 met, 1 missed, 1 skipped. Took 10 min") and "2.0 at the start and 3.5" in lines[6]
    assert not passed(results) and passed([results[0], results[2]])


def test_the_layer_comparison_is_skipped_in_one_line_without_torch(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("TORCH_PYTHON", str(tmp_path / "no-such-python"))
    results = targets.layer_vs_torch()
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and "layer vs torch skipped" in out and "TORCH_PYTHON" in out
    assert [r.verdict for r in results] == [SKIPPED, SKIPPED] and passed(results)


def test_the_layer_comparisons_speeds_become_summary_lines(monkeypatch, tmp_path):
    """layer_vs_torch.py --figures FILE writes [name, H, days, speed, target] rows; a stand-in writes some."""
    script = tmp_path / "speeds.py"
    script.write_text("import json, sys\njson.dump([['forward', 8, 20, 1.2, 1.0], ['forward', 8, 100, 0.9, 1.0],"
                      " ['forward + backward', 16, 20, 1.5, 1.0], ['forward + backward', 16, 100, 1.1, 1.0]],"
                      " open(sys.argv[2], 'w'))\n")
    monkeypatch.setattr(targets, "LAYER_SCRIPT", script)
    monkeypatch.setattr(targets, "torch_python", lambda: sys.executable)
    forward, both = targets.layer_vs_torch()
    assert forward.measured == "1.20x (20 days), 0.90x (100 days)" and forward.verdict == "UNDER TARGET"
    assert both.measured == "1.50x (20 days), 1.10x (100 days)" and both.verdict == "ok"
    assert "forward at H = 8" in forward.target and "forward + backward at H = 16" in both.target


def test_slow_cells_are_named_by_their_run_all_number_and_first_line_of_code(capsys):
    path = notebook_paths(["00"])[0]
    setup = setup_cell_count(nbformat.read(path, as_version=4)) - 1
    targets.print_slow_cells(path, [[setup, 6.04]])
    assert capsys.readouterr().out.splitlines() == ["cells of 5 s or more: 1",
                                                    "  [2]    6.0 s   import lstm_helpers as lh"]
