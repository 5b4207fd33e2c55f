"""A room of learners: each runs notebooks top to bottom in their own real kernel, all at once.

    python tools/room.py 06 07 --learners 4        (make benchmark-room)

Each learner is a process of its own that executes the notebooks in order with nbclient,
one fresh kernel per notebook, as "Restart Kernel and Run All" does. Prints every
learner's wall time and the CPU seconds their kernels used (user + system, all threads),
per notebook and in total. The kernels inherit this environment (set OPENBLAS_NUM_THREADS
and the like to compare) and import lstm_helpers from this repository.
tools/measure_timings.py uses run_room for INSTRUCTORS.md's timings table.
Benchmarks print figures; tests check behaviour, never time.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CELL_SECONDS = 600  # one cell, however busy the machine
# Run last in the notebook's kernel: the CPU seconds that kernel used, its threads included.
CPU_PROBE = "import os as _os\n_t = _os.times()\nprint('ROOM-CPU', _t.user + _t.system)"


def notebook_paths(prefixes):
    """notebooks/NN_*.ipynb for each two-digit prefix, in the order given; 'all' for every notebook."""
    every = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if list(prefixes) == ["all"]:
        return every
    paths = []
    for prefix in prefixes:
        found = [path for path in every if path.name[:2] == prefix]
        if len(found) != 1:
            raise ValueError(f"notebook prefix {prefix!r}: expected one of {[p.name[:2] for p in every]} or 'all'")
        paths.append(found[0])
    return paths


def run_notebook(path, cell_seconds=CELL_SECONDS):
    """Execute one notebook in a fresh kernel; (wall seconds, kernel CPU seconds)."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(CPU_PROBE))
    client = NotebookClient(notebook, timeout=cell_seconds, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    wall = time.perf_counter() - start
    text = "".join(output.get("text", "") for output in notebook.cells[-1].outputs)
    return round(wall, 2), round(float(text.split("ROOM-CPU", 1)[1]), 2)


def _learner(prefixes, cell_seconds):
    """One learner, in this process: run the notebooks in order, print the figures as JSON.

    A notebook that fails (a cell raises, or runs over cell_seconds) is reported as
    {"error": ...} and the learner stops there, as a learner would.
    """
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    figures = {}
    for path in notebook_paths(prefixes):
        start = time.perf_counter()
        try:
            wall, cpu = run_notebook(path, cell_seconds)
        except Exception as error:  # noqa: BLE001 (reported in the room's table)
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            figures[path.name] = {"error": f"{type(error).__name__}: {reason}",
                                  "wall": time.perf_counter() - start}
            break
        figures[path.name] = {"wall": wall, "cpu": cpu}
    print(json.dumps(figures))


def run_room(prefixes, learners=4, seconds=3600, cell_seconds=CELL_SECONDS):
    """Start `learners` learners at once, each running the notebooks in order.

    Returns one dict per learner: {notebook name: {"wall": s, "cpu": s}}, or {"error": ...,
    "wall": s} for a notebook that failed (the learner's later notebooks are then missing).
    Raises RuntimeError naming the learner if a learner crashes or the room takes over `seconds`.
    """
    notebook_paths(prefixes)  # a bad prefix fails here, not in every learner
    if not isinstance(learners, int) or learners < 1:
        raise ValueError(f"learners must be a positive int, got {learners!r}")
    command = [sys.executable, str(Path(__file__).resolve()), "--one-learner", "--cell-seconds",
               str(cell_seconds), *prefixes]
    room = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(learners)]
    deadline = time.monotonic() + seconds
    results = []
    try:
        for number, learner in enumerate(room, start=1):
            try:
                out, err = learner.communicate(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise RuntimeError(f"learner {number}: the room took more than {seconds} s") from None
            if learner.returncode != 0:
                raise RuntimeError(f"learner {number} failed (exit {learner.returncode}):\n{err[-3000:]}")
            results.append(json.loads(out.strip().splitlines()[-1]))
    finally:
        for learner in room:  # after a failure, stop the others and their kernels
            if learner.poll() is None:
                _kill_tree(learner)
    return results


def _kill_tree(process):
    """Kill a learner and the kernels it started (they run in sessions of their own)."""
    import psutil

    try:
        family = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    except psutil.Error:
        family = []
    for member in family:
        try:
            member.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(family, timeout=10)
    process.communicate()


def _cell(figures):
    if figures is None:
        return "not run"
    if "error" in figures:
        return f"failed after {figures['wall']:.0f} s"
    return f"{figures['wall']:9.1f} / {figures['cpu']:6.1f} s"


def print_room(results, names):
    """Each learner's wall and CPU seconds per notebook and in total, then the median over learners."""
    width = 24
    print(f"{len(results)} learners at once on {len(os.sched_getaffinity(0))} CPUs; wall / kernel CPU seconds")
    print(f"{'learner':<10}" + "".join(f"{name.removesuffix('.ipynb')[:width - 2]:>{width}}" for name in names)
          + f"{'total':>{width}}")
    for number, figures in enumerate(results, start=1):
        done = [f for f in figures.values() if "error" not in f]
        total = {"wall": sum(f["wall"] for f in figures.values()), "cpu": sum(f["cpu"] for f in done)}
        print(f"{number:<10}" + "".join(f"{_cell(figures.get(n)):>{width}}" for n in names)
              + f"{_cell(total) if len(done) == len(names) else 'incomplete':>{width}}")
    medians = []
    for name in names:
        runs = [r[name] for r in results if name in r and "error" not in r[name]]
        medians.append(_cell({"wall": statistics.median(r["wall"] for r in runs),
                              "cpu": statistics.median(r["cpu"] for r in runs)}) if runs else "none finished")
    print(f"{'median':<10}" + "".join(f"{c:>{width}}" for c in medians))
    for number, figures in enumerate(results, start=1):
        for name, f in figures.items():
            if "error" in f:
                print(f"learner {number}, {name}: {f['error']}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", default=["06", "07"], help="two-digit prefixes, or 'all'")
    parser.add_argument("--learners", type=int, default=4, help="learners at once (default 4)")
    parser.add_argument("--seconds", type=float, default=3600, help="bound on the whole room (default 3600)")
    parser.add_argument("--cell-seconds", type=float, default=CELL_SECONDS,
                        help=f"bound on one cell (default {CELL_SECONDS})")
    parser.add_argument("--one-learner", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_learner:
        _learner(args.notebooks, args.cell_seconds)
        return
    names = [path.name for path in notebook_paths(args.notebooks)]
    print_room(run_room(args.notebooks, args.learners, args.seconds, args.cell_seconds), names)


if __name__ == "__main__":
    main()
