"""Measure how long each notebook takes, alone and in a room, and write it into INSTRUCTORS.md.

    python tools/measure_timings.py               (make timings: both parts, all notebooks)
    python tools/measure_timings.py --part alone  (only the learner alone; keeps the room's figures)
    python tools/measure_timings.py --write-only  (rewrite the table from benchmarks/timings.json)

Each notebook runs top to bottom in a fresh kernel (tools/room.py): once alone, then by a
room of 4 learners at once held to 2 cores (run_room's cores), as on a small workshop server.
The figures go to benchmarks/timings.json and, as a table between two markers, into
INSTRUCTORS.md; nobody types them. A test checks that the table is the one the file gives.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.room import notebook_paths, room_cpus, run_room  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "INSTRUCTORS.md"
RESULTS = ROOT / "benchmarks" / "timings.json"
START, END = "<!-- timings:start (tools/measure_timings.py) -->", "<!-- timings:end -->"
ROOM_LEARNERS, ROOM_CORES = 4, 2


def _machine():
    """What the figures were measured on, for the table's caption."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"date": time.strftime("%Y-%m-%d", time.gmtime()), "cpu": model,
            "python": platform.python_version(), "load_start": round(os.getloadavg()[0], 1)}


def _ended(machine):
    """The machine's record with the load average at the end added (the machine is often shared)."""
    return {**machine, "load_end": round(os.getloadavg()[0], 1)}


def measure_alone(paths):
    """Each notebook run by one learner with the machine's cores: {name: {"wall", "cpu"}} (or "error")."""
    machine, figures = _machine(), {}
    for path in paths:
        figures[path.name] = run_room([path.name[:2]], learners=1)[0][path.name]
        print(f"alone  {path.name}: {figures[path.name]}")
    return {"machine": _ended(machine), "cores": len(room_cpus()), "notebooks": figures}


def measure_room(paths, learners=ROOM_LEARNERS, cores=ROOM_CORES):
    """Each notebook run by `learners` at once on `cores` cores: wall median and max, CPU median."""
    machine, figures = _machine(), {}
    for path in paths:
        runs = [learner[path.name] for learner in run_room([path.name[:2]], learners=learners, cores=cores)]
        failed = [run for run in runs if "error" in run]
        if failed:
            figures[path.name] = {"error": failed[0]["error"], "failed": len(failed),
                                  "wall": max(run["wall"] for run in failed)}
        else:
            walls = [run["wall"] for run in runs]
            figures[path.name] = {"wall_median": statistics.median(walls), "wall_max": max(walls),
                                  "cpu_median": statistics.median(run["cpu"] for run in runs)}
        print(f"room   {path.name}: {figures[path.name]}")
    return {"machine": _ended(machine), "learners": learners, "cores": len(room_cpus(cores)), "notebooks": figures}


def _seconds(value):
    return "not measured" if value is None else f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"


def _failed(figures):
    """What the table says for a notebook that did not finish (a cell raised or ran over its limit)."""
    who = f"{figures['failed']} learners: " if "failed" in figures else ""
    return f"did not finish ({who}{figures['error'].split(':')[0]} after {_seconds(figures['wall'])})"


def table(results):
    """The markdown block between the markers, from the figures in benchmarks/timings.json."""
    alone, room = results.get("alone") or {}, results.get("room") or {}
    names = sorted(set(alone.get("notebooks", {})) | set(room.get("notebooks", {})))
    learners, cores = room.get("learners", ROOM_LEARNERS), room.get("cores", ROOM_CORES)
    lines = [START, "",
             "| notebook | alone: wall | alone: kernel CPU | "
             f"room of {learners} on {cores} cores: wall, median (slowest) | room: kernel CPU per learner |",
             "|---|---|---|---|---|"]
    for name in names:
        a, r = alone.get("notebooks", {}).get(name, {}), room.get("notebooks", {}).get(name, {})
        alone_cells = f"{_failed(a)} | none | " if "error" in a else f"{_seconds(a.get('wall'))} | {_seconds(a.get('cpu'))} | "
        room_cells = (f"{_failed(r)} | none |" if "error" in r else "not measured | not measured |" if not r else
                      f"{_seconds(r['wall_median'])} ({_seconds(r['wall_max'])}) | {_seconds(r['cpu_median'])} |")
        lines.append(f"| {name.removesuffix('.ipynb')} | {alone_cells}{room_cells}")
    lines.append("")
    for label, part in (("Alone", alone), (f"The room of {learners}", room)):
        if part:
            m = part["machine"]
            loads = [f"{m[key]} at the {when}" for key, when in (("load_start", "start"), ("load_end", "end"))
                     if key in m]
            lines.append(f"{label}: measured {m['date']} on {part['cores']} cores ({m['cpu']}), "
                         f"Python {m['python']}, load average {' and '.join(loads)}.")
    lines += ["", END]
    return "\n".join(lines)


def updated(text, results):
    """INSTRUCTORS.md with the table between the markers replaced (the markers must be there)."""
    before, found, rest = text.partition(START)
    _, found_end, after = rest.partition(END)
    if not (found and found_end):
        raise ValueError(f"{GUIDE.name} has no {START} ... {END} block to write the timings into")
    return f"{before}{table(results)}{after}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", default=["all"], help="two-digit prefixes (default: all)")
    parser.add_argument("--part", choices=["alone", "room", "both"], default="both")
    parser.add_argument("--write-only", action="store_true", help="only rewrite the table from the results file")
    args = parser.parse_args(argv)
    paths = [] if args.write_only else notebook_paths(args.notebooks)
    for part, measure in (("alone", measure_alone), ("room", measure_room)):
        if paths and args.part in (part, "both"):
            fresh = measure(paths)
            results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}  # read now: keep others' figures
            kept = (results.get(part) or {}).get("notebooks", {}) if args.notebooks != ["all"] else {}
            results[part] = {**fresh, "notebooks": {**kept, **fresh["notebooks"]}}
            RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    GUIDE.write_text(updated(GUIDE.read_text(), results))
    print(f"timings written to {GUIDE.relative_to(ROOT)} (figures in {RESULTS.relative_to(ROOT)})")


if __name__ == "__main__":
    main()
