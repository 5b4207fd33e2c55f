"""A room of learners: each runs notebooks top to bottom in their own real kernel, all at once.

    python tools/room.py 06 07 --learners 4        (make benchmark-room)

Each learner is a process of its own that executes the notebooks in order with nbclient,
one fresh kernel per notebook, as "Restart Kernel and Run All" does. Prints every
learner's wall time and the CPU seconds their kernels used (user + system, all threads),
per notebook and in total. The kernels inherit this environment (set OPENBLAS_NUM_THREADS
and the like to compare) and import lstm_helpers from this repository. --cores 2 holds the
room to two CPUs, as on a small workshop server. run_room(setup_only=True) runs only each
notebook's setup cells and times them from the kernel ready (setup_cell_count says which).
tools/measure_timings.py uses run_room for INSTRUCTORS.md's timings table, and
benchmarks/targets.py for `make benchmark`'s setup cells, notebook 07 alone and the room.
Benchmarks print figures; tests check behaviour, never time.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CELL_SECONDS = 600  # one cell, however busy the machine
SLOW_CELL_SECONDS = 5  # a cell this slow shows a progress bar (issue 21): the room names them
# Run last in the notebook's kernel: the CPU seconds that kernel used, its threads included.
CPU_PROBE = "import os as _os\n_t = _os.times()\nprint('ROOM-CPU', _t.user + _t.system)"
SETUP_LINE = re.compile(r"^import lstm_helpers as lh\b", re.M)


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


def setup_cell_count(notebook):
    """How many cells a learner runs to set up a notebook: up to and including its setup cell,
    the one code cell with top-level imports (`import lstm_helpers as lh`, which
    tests/test_notebooks.py checks is the only one), the install check above it included."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and SETUP_LINE.search(cell.source):
            return index + 1
    raise ValueError("notebook has no setup cell: no code cell has the line 'import lstm_helpers as lh'")


def run_notebook(path, cell_seconds=CELL_SECONDS, setup_only=False):
    """Execute one notebook in a fresh kernel, all of it or (setup_only) its setup cells only.

    Returns {"wall": seconds from starting the kernel to the last cell done, "cpu": the CPU
    seconds the kernel used, "slow_cells": [[cell index, wall seconds], ...] for each cell that took
    SLOW_CELL_SECONDS or more, "setup": seconds from the kernel ready to its setup cell done}
    ("setup" only for a notebook with a setup cell, setup_cell_count).
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    try:
        setup = setup_cell_count(notebook)
    except ValueError:
        if setup_only:
            raise
        setup = None  # not one of the course's notebooks: no setup figure
    notebook.cells = [*notebook.cells[:setup if setup_only else None], nbformat.v4.new_code_cell(CPU_PROBE)]
    # A kernel's start has the same bound as a cell: nbclient's 60 s was too short for 4 learners
    # at once on 2 busy cores (one learner's kernel did not answer in a room of notebook 07).
    client = NotebookClient(notebook, timeout=cell_seconds, startup_timeout=cell_seconds, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        client.wait_for_reply(client.kc.kernel_info())  # the kernel is ready: it answers
        ready = setup_done = time.perf_counter()
        slow = []
        for index, cell in enumerate(notebook.cells[:-1]):
            began = time.perf_counter()
            client.execute_cell(cell, index)
            if time.perf_counter() - began >= SLOW_CELL_SECONDS:
                slow.append([index, round(time.perf_counter() - began, 1)])
            if setup and index == setup - 1:
                setup_done = time.perf_counter()
        wall = time.perf_counter() - start
        client.execute_cell(notebook.cells[-1], len(notebook.cells) - 1)
    text = "".join(output.get("text", "") for output in notebook.cells[-1].outputs)
    figures = {"wall": round(wall, 2), "cpu": round(float(text.split("ROOM-CPU", 1)[1]), 2), "slow_cells": slow}
    return {**figures, "setup": round(setup_done - ready, 3)} if setup else figures


def _learner(prefixes, cell_seconds, setup_only=False, cpus=None):
    """One learner, in this process: run the notebooks in order, print the figures as JSON.

    A notebook that fails (a cell raises, or runs over cell_seconds) is reported as
    {"error": ...} and the learner stops there, as a learner would. `cpus`: the CPUs this
    learner and its kernels may use (they inherit it).
    """
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    if cpus:
        os.sched_setaffinity(0, cpus)
    figures = {}
    for path in notebook_paths(prefixes):
        start = time.perf_counter()
        try:
            figures[path.name] = run_notebook(path, cell_seconds, setup_only)
        except Exception as error:  # noqa: BLE001 (reported in the room's table)
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            figures[path.name] = {"error": f"{type(error).__name__}: {reason}",
                                  "wall": time.perf_counter() - start}
            break
    print(json.dumps(figures))


def room_cpus(cores=None):
    """The CPUs a room runs on: the first `cores` this process may use (all of them for None),
    as on a small workshop server."""
    if cores is not None and (not isinstance(cores, int) or isinstance(cores, bool) or cores < 1):
        raise ValueError(f"cores must be a positive int or None, got {cores!r}")
    return sorted(os.sched_getaffinity(0))[:cores]


def run_room(prefixes, learners=4, seconds=3600, cell_seconds=CELL_SECONDS, setup_only=False, cores=None):
    """Start `learners` learners at once, each running the notebooks in order (setup_only: only
    each notebook's setup cells, tools.room.setup_cell_count), all held to `cores` CPUs (room_cpus).

    Returns one dict per learner: {notebook name: run_notebook's figures ("wall", "cpu", ...)},
    or {"error": ..., "wall": s} for a notebook that failed (the learner's later notebooks are then
    missing). Raises RuntimeError naming the learner if a learner crashes or the room takes over `seconds`.
    """
    notebook_paths(prefixes)  # a bad prefix fails here, not in every learner
    if not isinstance(learners, int) or learners < 1:
        raise ValueError(f"learners must be a positive int, got {learners!r}")
    command = [sys.executable, str(Path(__file__).resolve()), "--one-learner", "--cell-seconds",
               str(cell_seconds), "--cpus", ",".join(map(str, room_cpus(cores))),
               *(["--setup-only"] if setup_only else []), *prefixes]
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


def verdict(passed):
    """What a benchmark prints beside a figure and its target."""
    return "ok" if passed else "OVER TARGET"


def _held_to(total, targets):
    """A learner's total beside each target ({"wall": s, "cpu": s}): under it is ok."""
    return "   ".join(f"{key} < {limit:g} s {verdict(total[key] < limit)}" for key, limit in targets.items())


def print_room(results, names, cores=None, targets=None):
    """Each learner's wall and CPU seconds per notebook and in total, then the median over learners.

    `cores`: what run_room was given (the header says how many CPUs that is); `targets`:
    {"wall": s, "cpu": s}, each learner's total printed beside them (ok / OVER TARGET).
    """
    width = 24
    print(f"{len(results)} learners at once on {len(room_cpus(cores))} CPUs; wall / kernel CPU seconds")
    print(f"{'learner':<10}" + "".join(f"{name.removesuffix('.ipynb')[:width - 2]:>{width}}" for name in names)
          + f"{'total':>{width}}")
    for number, figures in enumerate(results, start=1):
        done = [f for f in figures.values() if "error" not in f]
        total = {"wall": sum(f["wall"] for f in figures.values()), "cpu": sum(f["cpu"] for f in done)}
        finished = len(done) == len(names)
        held = f"   {_held_to(total, targets) if finished else 'did not finish: OVER TARGET'}" if targets else ""
        print(f"{number:<10}" + "".join(f"{_cell(figures.get(n)):>{width}}" for n in names)
              + f"{_cell(total) if finished else 'incomplete':>{width}}{held}")
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
    parser.add_argument("--cores", type=int, default=None, help="hold the room to this many CPUs (default: all)")
    parser.add_argument("--one-learner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--setup-only", action="store_true", help=argparse.SUPPRESS)  # benchmarks/targets.py
    parser.add_argument("--cpus", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_learner:
        _learner(args.notebooks, args.cell_seconds, args.setup_only, [int(c) for c in args.cpus.split(",") if c])
        return
    names = [path.name for path in notebook_paths(args.notebooks)]
    print_room(run_room(args.notebooks, args.learners, args.seconds, args.cell_seconds, cores=args.cores),
               names, args.cores)


if __name__ == "__main__":
    main()
