"""Issue 21's targets for a crowded room, measured: every notebook's setup, notebook 07 alone
and with a room of 4 learners on 2 cores, and the LSTM layer beside torch.nn.LSTM.

benchmarks/run.py (make benchmark) calls measure_all() after its slider timings, then prints
summary(). The notebooks run in real kernels through tools/room.py, as a learner's do; the
layer comparison is benchmarks/layer_vs_torch.py, run by the Python named in TORCH_PYTHON
(or this one) when torch imports there. torch is never a requirement of the course.
Benchmarks print figures; tests check behaviour, never time.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.layer_vs_torch import BATCH, DAYS, TARGETS, speed_verdict  # noqa: E402
from tools.room import SLOW_CELL_SECONDS, notebook_paths, print_room, room_cpus, run_room, verdict  # noqa: E402

SETUP_SECONDS = 2.0  # every notebook's setup cells, from the kernel ready
NOTEBOOK = "07"  # the course's heaviest notebook
ALONE_CPU_SECONDS = 20.0
ROOM_LEARNERS, ROOM_CORES, ROOM_WALL_SECONDS = 4, 2, 60.0
LAYER_SCRIPT = Path(__file__).resolve().parent / "layer_vs_torch.py"
SKIPPED, NOT_FINISHED = "skipped", "DID NOT FINISH"


class Result(NamedTuple):
    """One line of the summary: the issue's target, what was measured, and the verdict."""
    target: str
    measured: str
    verdict: str


def section(title):
    print(f"\n== {title} ==", flush=True)


def setup_cells(prefixes=("all",)):
    """Each notebook's setup cells (tools.room.setup_cell_count) in a fresh kernel, one after another:
    wall seconds from the kernel ready to the setup cell done, each beside its target."""
    (learner,) = run_room(list(prefixes), learners=1, setup_only=True)
    for name, figures in learner.items():
        if "error" in figures:
            print(f"{name.removesuffix('.ipynb'):<34} did not finish: {figures['error']}")
        else:
            print(f"{name.removesuffix('.ipynb'):<34} {figures['setup']:6.2f} s   target < {SETUP_SECONDS:g} s   "
                  f"{verdict(figures['setup'] < SETUP_SECONDS)}")
    target = f"every setup cell under {SETUP_SECONDS:g} s (kernel ready to setup cell done)"
    failed = [name for name, figures in learner.items() if "error" in figures]
    if failed:
        return Result(target, f"{failed[0].removesuffix('.ipynb')} failed", NOT_FINISHED)
    slowest = max(learner, key=lambda name: learner[name]["setup"])
    seconds = learner[slowest]["setup"]
    return Result(target, f"slowest {seconds:.2f} s ({slowest.removesuffix('.ipynb')})",
                  verdict(seconds < SETUP_SECONDS))


def notebook_alone(prefix=NOTEBOOK):
    """One learner runs the notebook top to bottom with the machine's cores: kernel CPU and wall."""
    results = run_room([prefix], learners=1)
    print_room(results, list(results[0]), targets={"cpu": ALONE_CPU_SECONDS})
    target = f"notebook {prefix} under {ALONE_CPU_SECONDS:g} s of kernel CPU, alone"
    (figures,) = results[0].values()
    print_slow_cells(notebook_paths([prefix])[0], figures.get("slow_cells", []))
    if "error" in figures:
        return Result(target, f"failed after {figures['wall']:.0f} s: {figures['error']}", NOT_FINISHED)
    return Result(target, f"{figures['cpu']:.1f} s CPU ({figures['wall']:.1f} s wall)",
                  verdict(figures["cpu"] < ALONE_CPU_SECONDS))


def print_slow_cells(path, slow_cells):
    """Each cell that took SLOW_CELL_SECONDS or more (they should show a progress bar): its
    number as Jupyter shows it after Run All, its seconds and its first line of code."""
    import nbformat

    cells = nbformat.read(path, as_version=4).cells
    print(f"cells of {SLOW_CELL_SECONDS} s or more: {len(slow_cells) or 'none'}")
    for index, seconds in slow_cells:
        number = sum(cell.cell_type == "code" for cell in cells[:index + 1])
        lines = [line for line in cells[index].source.splitlines() if line.strip() and not line.startswith("#")]
        print(f"  [{number}] {seconds:6.1f} s   {(lines or [''])[0][:80]}")


def room(prefix=NOTEBOOK, learners=ROOM_LEARNERS, cores=ROOM_CORES):
    """`learners` run the notebook at once, held to `cores` CPUs: each learner's wall and CPU."""
    results = run_room([prefix], learners=learners, cores=cores)
    name = next(iter(results[0]))
    print_room(results, [name], cores, targets={"wall": ROOM_WALL_SECONDS})
    target = (f"{learners} learners running notebook {prefix} at once on {len(room_cpus(cores))} cores, "
              f"each under {ROOM_WALL_SECONDS:g} s wall")
    runs = [learner[name] for learner in results]
    failed = [run for run in runs if "error" in run]
    if failed:
        return Result(target, f"{len(failed)} of {learners} failed: {failed[0]['error']}", NOT_FINISHED)
    walls, cpus = sorted(run["wall"] for run in runs), sorted(run["cpu"] for run in runs)
    return Result(target, f"slowest {walls[-1]:.1f} s wall (fastest {walls[0]:.1f} s); "
                          f"CPU {cpus[0]:.1f}-{cpus[-1]:.1f} s each", verdict(walls[-1] < ROOM_WALL_SECONDS))


def torch_python():
    """The Python to compare the layer with torch in: $TORCH_PYTHON, else this one; None without torch."""
    python = os.environ.get("TORCH_PYTHON") or sys.executable
    try:
        found = subprocess.run([python, "-c", "import torch"], capture_output=True, timeout=300).returncode == 0
    except OSError:
        found = False
    return python if found else None


def layer_vs_torch():
    """benchmarks/layer_vs_torch.py's table, and its targeted speeds as summary lines (skipped without torch)."""
    targets = [f"the layer at least {target:.1f}x torch.nn.LSTM's speed, {name} at H = {units} "
               f"(batch {BATCH}, {' and '.join(map(str, DAYS))} days)" for (name, units), target in TARGETS.items()]
    python = torch_python()
    if python is None:
        print(f"torch does not import in {os.environ.get('TORCH_PYTHON') or sys.executable}: layer vs torch "
              "skipped (set TORCH_PYTHON to a Python with numpy and torch; torch is not a course requirement)")
        return [Result(target, "torch not importable", SKIPPED) for target in targets]
    with tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "speeds.json"
        subprocess.run([python, str(LAYER_SCRIPT), "--figures", str(figures)], check=False)
        speeds = json.loads(figures.read_text()) if figures.exists() else []
    results = []
    for target, ((name, units), least) in zip(targets, TARGETS.items()):
        mine = [(days, ratio) for row_name, row_units, days, ratio, _ in speeds
                if (row_name, row_units) == (name, units)]
        measured = ", ".join(f"{ratio:.2f}x ({days} days)" for days, ratio in mine)
        slowest = min((ratio for _, ratio in mine), default=None)
        results.append(Result(target, measured or "not measured (the script failed)",
                              NOT_FINISHED if slowest is None else speed_verdict(slowest, least)))
    return results


def measure_all():
    """Every part of issue 21's benchmark, each printed under its own heading; their summary lines."""
    parts = [
        ("Setup cells: each notebook's cells up to its setup cell, in a fresh kernel", setup_cells),
        (f"Notebook {NOTEBOOK} run alone, top to bottom", notebook_alone),
        (f"A room: {ROOM_LEARNERS} learners run notebook {NOTEBOOK} at once on {ROOM_CORES} cores", room),
        ("The LSTM layer beside torch.nn.LSTM (CPU, one thread, float64)", layer_vs_torch),
    ]
    results = []
    for title, measure in parts:
        section(title)
        found = measure()
        results += found if isinstance(found, list) else [found]
    return results


def passed(results):
    """Whether every target was met (a part skipped for want of torch counts as met)."""
    return all(result.verdict in ("ok", SKIPPED) for result in results)


def summary(results, seconds, loads):
    """The summary block: each target's verdict, the target and what was measured; then how long
    it all took and the load average at the start and the end (the machine may be shared)."""
    width = max(len(result.verdict) for result in results) + 3
    lines = ["", "== Summary: issue 21's targets ==", f"{'verdict':<{width}}target: measured"]
    lines += [f"{r.verdict:<{width}}{r.target}: {r.measured}" for r in results]
    counts = {word: sum(r.verdict == word for r in results) for word in ("ok", SKIPPED)}
    missed = len(results) - counts["ok"] - counts[SKIPPED]
    lines.append(f"{counts['ok']} met, {missed} missed, {counts[SKIPPED]} skipped. Took {seconds / 60:.0f} min on "
                 f"{len(room_cpus())} CPUs, load average {loads[0]:.1f} at the start and {loads[1]:.1f} at the end.")
    return "\n".join(lines)
