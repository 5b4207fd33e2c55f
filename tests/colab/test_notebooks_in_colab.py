"""Every notebook in a Colab-like environment, as "Open in Colab" gives it: alone in an empty
folder, in a Python that has Colab's packages and not lstm_helpers. Its first cell installs the
course, from this checkout (publish.toml's address pointed here); then every cell runs without
error, every explorer's widget is shown, and every text output equals the stored one. Nothing
the first cell installs may change a package Colab already has.
"""

import configparser
import copy
import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.colab.conftest import colab_versions, installed, kernel_environment, uninstall_course
from tools.publish import first_cell, install_requirement, settings

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"
TEXT = ("text/plain", "text/html", "text/markdown", "text/latex")
HOST_HELD = ("numpy", "matplotlib", "ipywidgets", "ipykernel", "ipython")  # the "must not change"

pytestmark = pytest.mark.colab


def _substitutions():
    """The (regex, replacement) pairs of tests/nbval_sanitize.cfg: one list for nbval and this test."""
    config = configparser.ConfigParser(interpolation=None)
    config.read(Path(__file__).resolve().parents[1] / "nbval_sanitize.cfg")
    return [(re.compile(config[name]["regex"]), config[name]["replace"]) for name in config.sections()]


SUBSTITUTIONS = _substitutions()


def sanitize(text):
    """What tests/nbval_sanitize.cfg leaves out of nbval's comparison (addresses, PNG bytes, ...)."""
    text = "".join(text) if isinstance(text, list) else text
    for regex, replacement in SUBSTITUTIONS:
        text = regex.sub(replacement, text)
    return text


def texts(cell):
    """A code cell's text outputs, in order: streams by name, rich outputs by mime type."""
    found = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            found.append((output["name"], sanitize(output["text"])))
        elif output["output_type"] in ("execute_result", "display_data"):
            found += [(mime, sanitize(output["data"][mime])) for mime in TEXT if mime in output["data"]]
    return found


def widget_shown(cell):
    return any(WIDGET in output.get("data", {}) for output in cell.get("outputs", []))


def errors(nb):
    return [(i, "".join(cell.source)[:60], output.get("ename"), output.get("evalue"))
            for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
            for output in cell.get("outputs", []) if output["output_type"] == "error"]


def run(nb, folder, kernel, timeout=900):
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, allow_errors=True, record_timing=False,
                            coalesce_streams=True, resources={"metadata": {"path": str(folder)}})
    client.execute(env=kernel_environment())
    return nb


def first_code_cell(nb):
    return next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_notebook_opened_alone_installs_the_course_and_runs(path, colab_kernel, course_checkout, tmp_path):
    stored = nbformat.read(path, as_version=4)
    first = first_code_cell(stored)
    assert stored.cells[first].source == first_cell(install_requirement(settings())), \
        "the first cell disagrees with publish.toml: run python tools/publish.py and make notebooks"
    nb = copy.deepcopy(stored)
    for cell in nb.cells:
        cell.outputs = [] if cell.cell_type == "code" else cell.get("outputs")
    # publish.toml's address, pointed at this checkout: the same cell, another address
    nb.cells[first].source = first_cell(f"lstm_helpers @ {course_checkout.as_uri()}")
    folder = tmp_path / "colab"
    folder.mkdir()
    nbformat.write(nb, folder / path.name)  # alone in an empty folder, as Colab opens it

    uninstall_course()
    before = installed()
    run(nb, folder, colab_kernel)
    after = installed()

    assert after.get("lstm-helpers") == stored_version(), "the first cell did not install the course"
    changed = {name: (version, after.get(name)) for name, version in before.items() if after.get(name) != version}
    assert not changed, f"the first cell changed packages the host had: {changed}"
    assert all(after[name] == colab_versions()[name] for name in HOST_HELD)
    assert not errors(nb), f"{path.name} raised in the Colab-like environment: {errors(nb)}"

    for number, (old, new) in enumerate(zip(stored.cells, nb.cells)):
        if old.cell_type != "code" or number == first:
            continue
        if "check_setup()" in old.source:  # versions differ from the course's own: checked below
            report = "".join(text for _, text in texts(new))
            assert "PROBLEM" not in report and report.rstrip().endswith("Your setup is ready for the course.")
            continue
        if widget_shown(old):
            assert widget_shown(new), f"cell {number} shows no widget in the Colab-like environment:\n{old.source[:200]}"
        else:
            assert texts(new) == texts(old), f"cell {number} prints something else:\n{old.source[:200]}"


def stored_version():
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_until_the_address_is_set_the_first_cell_says_how_to_install_by_hand(colab_kernel, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(first_cell(None))])
    uninstall_course()
    run(nb, tmp_path, colab_kernel, timeout=120)
    assert not errors(nb)
    printed = [output["text"] for output in nb.cells[0].outputs if output["output_type"] == "stream"]
    assert len(printed) == 1 and printed[0].count(".") >= 1 and "%pip install" in printed[0]
    assert printed[0].strip().endswith("in a cell.") and printed[0].count("\n") == 1


@pytest.mark.parametrize("requirement", [None, "lstm_helpers @ git+https://github.com/o/r@v0.1.0"])
def test_the_first_cell_prints_nothing_where_the_course_is_installed(requirement):
    """In the course's own environment (this Python has lstm_helpers) the stored outputs stay clean."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(first_cell(requirement))])
    client = NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    assert nb.cells[0].outputs == []
