"""A workshop on a real JupyterHub: a room of simulated learners follows the course link.

Each learner logs in at the same moment, follows the nbgitpuller link (tools/hub_link.py)
to a local copy of the repository, and runs notebooks 03 and 04 top to bottom in their
own kernels. The test asserts every learner got a server, a pulled course and an
error-free run, with lstm_helpers imported from their own pulled copy; it prints time to
ready, memory and CPU per learner (INSTRUCTORS.md's sizing table comes from these).

HUB_LEARNERS (default 5) and HUB_NOTEBOOKS (default "03,04"; "all" for every notebook)
change the room for a measurement.
"""

import json
import os
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tools.hub_link import COURSE_FOLDER, hub_link

from .conftest import ROOT, git
from .learner import Learner, LearnerError

LEARNERS = int(os.environ.get("HUB_LEARNERS", "5"))
ROOM_SECONDS = 600  # the whole room must be done by then, however slow the machine
FIGURES = []  # lines printed at the end of the test run


def _notebooks():
    wanted = os.environ.get("HUB_NOTEBOOKS", "03,04")
    names = sorted(path.name for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    if wanted != "all":
        names = [name for name in names if name[:2] in wanted.split(",")]
    assert names, f"HUB_NOTEBOOKS={wanted!r} matches no notebook"
    return [f"{COURSE_FOLDER}/notebooks/{name}" for name in names]


def _attend(learner, link, notebooks):
    page = learner.log_in_and_follow(link)
    learner.pull(page)
    for notebook in notebooks:
        learner.run_notebook(notebook)
    return learner.report


def _processes_of(marker, user):
    """Every process started for this learner in this run: their server and its kernels."""
    import psutil

    found = []
    for process in psutil.process_iter():
        try:
            env = process.environ()
        except (psutil.Error, OSError):
            continue
        if env.get("LSTM_HUB_TEST") == marker and env.get("JUPYTERHUB_USER") == user:
            found.append(process)
    return found


def _usage(processes):
    """(RSS, PSS in MB, CPU seconds) summed over processes, with their finished children."""
    rss = pss = cpu = 0.0
    for process in processes:
        try:
            memory, times = process.memory_full_info(), process.cpu_times()
        except Exception:  # noqa: BLE001 (a process may end while we look)
            continue
        rss += memory.rss / 2**20
        pss += getattr(memory, "pss", memory.rss) / 2**20
        cpu += times.user + times.system + times.children_user + times.children_system
    return rss, pss, cpu


def _hub_overhead(marker):
    """Memory of the hub itself and its proxy (the processes no learner owns)."""
    import psutil

    processes = []
    for process in psutil.process_iter():
        try:
            env = process.environ()
        except (psutil.Error, OSError):
            continue
        if env.get("LSTM_HUB_TEST") == marker and "JUPYTERHUB_USER" not in env:
            processes.append(process)
    return _usage(processes)


def test_a_room_of_learners_follows_the_link_and_runs_the_notebooks(hub, course_repo):
    notebooks = _notebooks()
    link = hub_link(hub["url"], f"file://{course_repo}", branch="main")
    deadline = time.monotonic() + ROOM_SECONDS
    learners = [Learner(hub["url"], f"learner{i:02d}", hub["password"], deadline) for i in range(LEARNERS)]
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=LEARNERS) as room:
        futures = [room.submit(_attend, learner, link, notebooks) for learner in learners]
        outcomes = []
        for future in futures:
            try:
                outcomes.append(future.result(timeout=ROOM_SECONDS + 60))
            except Exception as error:  # noqa: BLE001 (report every learner's failure at once)
                outcomes.append(error)
    room_seconds = time.monotonic() - start
    failures = [str(outcome) if isinstance(outcome, LearnerError) else f"{learner.name}: {outcome!r}"
                for learner, outcome in zip(learners, outcomes) if isinstance(outcome, BaseException)]
    assert not failures, f"{len(failures)} of {LEARNERS} learners failed:\n" + "\n\n".join(failures)

    usage = {}
    for learner in learners:
        report = learner.report
        home = hub["homes"] / learner.name
        course = home / COURSE_FOLDER
        assert (course / "notebooks" / "00_start_here.ipynb").is_file(), f"{learner.name}: no pulled course"
        assert (course / ".git").is_dir(), f"{learner.name}: the course was not pulled with git"
        assert report.landed.endswith(f"/lab/tree/{COURSE_FOLDER}/notebooks/00_start_here.ipynb"), report.landed
        for notebook in notebooks:
            origin = Path(report.helpers_file[notebook]).resolve()
            assert origin == (course / "lstm_helpers" / "__init__.py").resolve(), (
                f"{learner.name}: {notebook} imported lstm_helpers from {origin}, not from their pulled copy")
        usage[learner.name] = _usage(_processes_of(hub["marker"], learner.name))
        assert usage[learner.name][0] > 0, f"{learner.name}: found none of their processes to measure"

    hub_rss, hub_pss, hub_cpu = _hub_overhead(hub["marker"])
    ready = [learner.report.seconds_to_server for learner in learners]
    pulled = [learner.report.seconds_to_pull for learner in learners]
    runs = {nb: [learner.report.seconds_to_run[nb] for learner in learners] for nb in notebooks}
    rss = [u[0] for u in usage.values()]
    pss = [u[1] for u in usage.values()]
    cpu = [u[2] for u in usage.values()]
    short = ", ".join(Path(nb).stem[:2] for nb in notebooks)
    FIGURES.extend([
        f"{LEARNERS} learners, notebooks {short}, {os.cpu_count()} CPUs: whole room done in {room_seconds:.0f} s",
        f"login to running server: median {statistics.median(ready):.1f} s, max {max(ready):.1f} s",
        f"pull of the course:      median {statistics.median(pulled):.1f} s, max {max(pulled):.1f} s",
        *(f"run {Path(nb).name}: median {statistics.median(t):.1f} s, max {max(t):.1f} s" for nb, t in runs.items()),
        f"memory per learner (server + {len(notebooks)} kernels): RSS median {statistics.median(rss):.0f} MB, "
        f"max {max(rss):.0f} MB; PSS median {statistics.median(pss):.0f} MB, max {max(pss):.0f} MB",
        f"CPU per learner (start, pull, run): median {statistics.median(cpu):.1f} s, max {max(cpu):.1f} s",
        f"hub + proxy: RSS {hub_rss:.0f} MB, PSS {hub_pss:.0f} MB, CPU {hub_cpu:.1f} s",
    ])
    for learner in learners:
        learner.shut_down_kernels()


def _edit_markdown_line(path, old, new):
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        for i, line in enumerate(cell["source"]):
            if old in line:
                cell["source"][i] = line.replace(old, new)
                path.write_text(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
                return
    raise AssertionError(f"{old!r} not found in {path}")


def _sources(notebook):
    return "\n".join("".join(cell["source"]) for cell in notebook["cells"])


def test_a_re_pull_keeps_the_learners_edits_and_brings_the_package_fix(hub, course_repo, tmp_path):
    """What INSTRUCTORS.md promises about re-pulling, checked on the hub.

    A learner edits a line; the instructor then fixes that same line and another one in
    the same notebook, and fixes the package. On re-pull the learner keeps their line
    (the instructor's fix to it is dropped without a word), gets the other fix, and a
    new kernel uses the fixed package. Renaming the notebook and pulling again brings
    back a fresh copy with every fix.
    """
    remote = tmp_path / "lstm-course.git"
    shutil.copytree(course_repo, remote)
    link = hub_link(hub["url"], f"file://{remote}", branch="main")
    learner = Learner(hub["url"], "returner", hub["password"], time.monotonic() + 300)
    learner.pull(learner.log_in_and_follow(link))
    notebook_path = f"{COURSE_FOLDER}/notebooks/03_one_lstm_unit.ipynb"

    title, later_line = "# 03 · One LSTM unit", "## Key points"
    mine = learner.read_notebook(notebook_path)
    for cell in mine["cells"]:
        if cell["source"].startswith(title):
            cell["source"] = cell["source"].replace(title, "# 03 · One LSTM unit (my notes)", 1)
    learner.save_notebook(notebook_path, mine)

    # The instructor fixes the title line, a later line and the package, and pushes.
    _edit_markdown_line(remote / "notebooks" / "03_one_lstm_unit.ipynb", title, "# 03 · One LSTM unit (fixed)")
    _edit_markdown_line(remote / "notebooks" / "03_one_lstm_unit.ipynb", later_line, "## Key points (fixed)")
    with open(remote / "lstm_helpers" / "data.py", "a") as module:
        module.write('\nINSTRUCTOR_FIX = "pulled"\n')
    git("commit", "-q", "-am", "Fix during the workshop", cwd=remote)

    learner.pull(learner._get(link))
    merged = _sources(learner.read_notebook(notebook_path))
    assert "(my notes)" in merged, "the learner's edit was lost"
    assert "One LSTM unit (fixed)" not in merged, "expected the instructor's fix to the learner's line to be dropped"
    assert "## Key points (fixed)" in merged, "the instructor's fix to another line did not arrive"

    probe = f"{COURSE_FOLDER}/probe.ipynb"
    learner.save_notebook(probe, {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {},
                                              "outputs": [], "source": "import lstm_helpers.data as d\n"
                                                                       "assert d.INSTRUCTOR_FIX == 'pulled'"}],
                                  "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    learner.run_notebook(probe)  # raises if the kernel's package is not the re-pulled one

    # A fresh copy: rename theirs, follow the link again.
    learner.rename(notebook_path, f"{COURSE_FOLDER}/notebooks/03_mine.ipynb")
    learner.pull(learner._get(link))
    fresh = _sources(learner.read_notebook(notebook_path))
    assert "One LSTM unit (fixed)" in fresh and "(my notes)" not in fresh
    assert "(my notes)" in _sources(learner.read_notebook(f"{COURSE_FOLDER}/notebooks/03_mine.ipynb"))
    learner.shut_down_kernels()


def test_a_notebook_that_raises_fails_the_room(hub, course_repo, tmp_path):
    """The room test can fail: a course whose notebook raises is reported, cell and all."""
    remote = tmp_path / "broken.git"
    shutil.copytree(course_repo, remote)
    path = remote / "notebooks" / "04_company_a_and_b.ipynb"
    notebook = json.loads(path.read_text())
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "id": "broken", "metadata": {},
                              "outputs": [], "source": ["raise RuntimeError('a broken notebook')"]})
    path.write_text(json.dumps(notebook, indent=1))
    git("commit", "-q", "-am", "Break notebook 04", cwd=remote)
    learner = Learner(hub["url"], "unlucky", hub["password"], time.monotonic() + 300)
    learner.pull(learner.log_in_and_follow(hub_link(hub["url"], f"file://{remote}", branch="main")))
    with pytest.raises(LearnerError, match="RuntimeError: a broken notebook"):
        learner.run_notebook(f"{COURSE_FOLDER}/notebooks/04_company_a_and_b.ipynb")
    learner.shut_down_kernels()
