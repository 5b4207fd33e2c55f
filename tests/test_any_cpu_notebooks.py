"""Every notebook passes nbval under the other floating-point kernels (tests/kernels.py), not only
under this machine's defaults (the main run's nbval): what a learner reads holds on any CPU.

One `pytest --nbval` subprocess per kernel runs every notebook (plus a one-cell notebook that prints
what its kernel sees of the environment), so the cost is the notebooks themselves and one pytest
start per kernel; each (kernel, notebook) is its own test, read from the subprocess's junit XML.
Running a subset (`-k Haswell`, `-k 03_one`) runs only the kernels and notebooks it selects.
"""

import os
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from tests.kernels import ENVIRONMENTS, OTHER_KERNELS, ROOT, VARIABLES, environment, why_not_here

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
PROBE = "kernel_environment.ipynb"
SEEN = (*VARIABLES, "OPENBLAS_NUM_THREADS")
CASES = [(kernel, notebook) for kernel in OTHER_KERNELS for notebook in NOTEBOOKS]
LONGEST_REPORT = 6000  # characters of nbval's failure text shown per notebook

NOT_HERE = why_not_here()
pytestmark = pytest.mark.skipif(NOT_HERE is not None, reason=str(NOT_HERE))


def write_probe(folder, kernel):
    """A notebook whose one cell prints the kernel's OPENBLAS/NPY variables, stored with the values
    this test gives the subprocess: nbval fails it if the kernel it starts did not get them."""
    env = environment(ENVIRONMENTS[kernel])
    expected = {name: env.get(name) for name in SEEN}
    source = "import os\nprint({name: os.environ.get(name) for name in %r})" % (SEEN,)
    output = nbformat.v4.new_output("stream", name="stdout", text=f"{expected}\n")
    cell = nbformat.v4.new_code_cell(source, execution_count=1, outputs=[output])
    path = folder / PROBE
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    return path


def outcomes(xml_path):
    """{notebook file name: [(cell, "passed"/"failure"/"error"/"skipped", nbval's report)]} from
    junit XML in the xunit1 form (it names each test's file; xunit2's class name is empty for the
    probe, which lies outside the checkout)."""
    found = defaultdict(list)
    for case in ET.parse(xml_path).getroot().iter("testcase"):
        problem = next((c for c in case if c.tag in ("failure", "error", "skipped")), None)
        text = "" if problem is None else problem.text or problem.get("message", "")
        outcome = "passed" if problem is None else problem.tag
        found[Path(case.get("file", "")).name].append((case.get("name"), outcome, text))
    return found


class Runs:
    """The subprocesses, two at a time (as test_any_cpu runs its own), started when the module's
    first test asks; each test waits only for its own kernel's run."""

    def __init__(self, folder, wanted):
        self.folder, self.processes = folder, []
        self.pool = ThreadPoolExecutor(max_workers=2)
        self.futures = {kernel: self.pool.submit(self.run, kernel, notebooks)
                        for kernel, notebooks in wanted.items()}

    def run(self, kernel, notebooks):
        folder = self.folder / f"kernel{OTHER_KERNELS.index(kernel)}"
        folder.mkdir()
        xml = folder / "nbval.xml"
        # pyproject's addopts give the nbval options, the same as the main run's (named: the probe
        # lies outside the checkout, and pytest would otherwise look for its settings from there)
        command = [sys.executable, "-m", "pytest", "-c", "pyproject.toml", "--rootdir", ".",
                   "-p", "no:cacheprovider", "-v", "-rfE", "--color=no",  # -v: whole diffs
                   "-o", "junit_family=xunit1", f"--junitxml={xml}",
                   *map(str, notebooks), str(write_probe(folder, kernel))]
        # its own process group, so that stop() ends its notebooks' kernels too
        process = subprocess.Popen(command, cwd=ROOT, env=environment(ENVIRONMENTS[kernel]),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   start_new_session=True)
        self.processes.append(process)
        output, _ = process.communicate(timeout=1800)
        return (outcomes(xml) if xml.exists() else {}), output, process.returncode

    def stop(self):
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        self.pool.shutdown(wait=True)


def wanted_runs(session):
    """{kernel: [notebooks]} this session's selected tests of this module need."""
    wanted = defaultdict(list)
    for item in session.items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.path == Path(__file__) and "kernel" in params:
            notebook = params.get("notebook")
            wanted[params["kernel"]] += [notebook] if notebook else []
    return wanted


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory):
    started = Runs(tmp_path_factory.mktemp("kernels"), wanted_runs(request.session))
    yield started.futures
    started.stop()


def report(cells):
    text = "\n\n".join(f"{name} ({outcome}):\n{detail}" for name, outcome, detail in cells)
    return text if len(text) <= LONGEST_REPORT else text[:LONGEST_REPORT] + "\n[... cut]"


@pytest.mark.parametrize("kernel", OTHER_KERNELS)
def test_the_kernel_nbval_starts_gets_the_environment(runs, kernel):
    found, output, _ = runs[kernel].result()
    cells = found.get(PROBE)
    assert cells, f"the environment probe did not run; pytest printed:\n{output[-3000:]}"
    failed = [cell for cell in cells if cell[1] != "passed"]
    if failed:  # nbval's report alone: the list's repr would repeat it
        pytest.fail(f"{kernel}: the notebook's kernel saw another environment:\n{report(failed)}",
                    pytrace=False)


@pytest.mark.parametrize(("kernel", "notebook"), CASES, ids=[f"{k}-{nb.stem}" for k, nb in CASES])
def test_the_notebook_passes_nbval_under_the_kernel(runs, kernel, notebook):
    found, output, returncode = runs[kernel].result()
    cells = found.get(notebook.name)
    assert cells, f"nbval ran no cell of {notebook.name} (exit {returncode}):\n{output[-3000:]}"
    failed = [cell for cell in cells if cell[1] in ("failure", "error")]
    if failed:
        pytest.fail(f"{notebook.name} under {kernel}: nbval failed:\n{report(failed)}", pytrace=False)
