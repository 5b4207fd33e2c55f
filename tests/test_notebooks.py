"""The course's notebooks: committed executed in order, in sync with their sources, on template."""

import json
import re
from pathlib import Path

import pytest
from jupytext.config import find_jupytext_configuration_file, load_jupytext_config
from jupytext.paired_paths import paired_paths

from tools.build_notebooks import SOURCES, read_cells

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def load(path):
    return json.loads(path.read_text())


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def test_there_are_notebooks_and_each_has_a_source():
    assert NOTEBOOKS, "no notebooks found"
    assert [p.stem for p in NOTEBOOKS] == sorted(p.stem for p in SOURCES.glob("*.py"))


def test_each_source_is_paired_with_its_notebook_only_from_the_sources_folder():
    """A contributor who opens a source in JupyterLab saves both files; a learner's saves touch only the notebook."""
    config = load_jupytext_config(str(SOURCES))
    for source in SOURCES.glob("*.py"):
        pairs = paired_paths(str(source), "py:percent", config.default_formats(str(source)))
        assert ROOT / "notebooks" / f"{source.stem}.ipynb" in [Path(p).resolve() for p, _ in pairs]
    found = find_jupytext_configuration_file(str(ROOT / "notebooks"))
    assert found is None or ROOT not in Path(found).resolve().parents, f"{found} would pair the learners' notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_named_nn_snake_case(path):
    assert re.fullmatch(r"\d\d_[a-z0-9_]+", path.stem)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executed_in_order_from_a_fresh_kernel_without_errors(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    counts = [c["execution_count"] for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), f"run `make notebooks`: execution counts {counts}"
    for cell in code_cells(nb):
        assert all(o["output_type"] != "error" for o in cell["outputs"]), "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_matches_its_source(path):
    nb = load(path)
    built = [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]
    assert built == read_cells(SOURCES / f"{path.stem}.py"), "run `make notebooks` after editing notebook_sources"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_output_ignored_only_where_a_widget_is_shown(path):
    for cell in code_cells(load(path)):
        ignored = "NBVAL_IGNORE_OUTPUT" in "".join(cell["source"])
        shows_widget = any(WIDGET in o.get("data", {}) for o in cell["outputs"])
        assert ignored == shows_widget, "".join(cell["source"])[:80]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_follows_the_template(path):
    nb = load(path)
    markdown = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    text = "\n".join(markdown)
    assert markdown[0].startswith(f"# {path.stem[:2]} · "), "first cell: the title"
    assert "**Learning objectives.**" in text and re.search(r"\*\*Time:\*\* about \d+ minutes", text)
    assert "## Key points" in text
    later = [p for p in NOTEBOOKS if p.stem > path.stem]
    if later:
        assert f"({later[0].name})" in markdown[-1], "the last cell links to the next notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_links_to_notebooks_point_at_ones_that_exist(path):
    for cell in load(path)["cells"]:
        for target in re.findall(r"\]\(([^)#:]+\.ipynb)", "".join(cell["source"])):  # Colab's (https:) in test_publish
            assert (path.parent / target).exists(), f"{path.name} links to missing {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_setup_cell_imports_the_course(path):
    sources = ["".join(c["source"]) for c in code_cells(load(path))]
    importing = [s for s in sources if re.search(r"^import |^from ", s, re.M)]
    assert len(importing) == 1 and "import lstm_helpers as lh" in importing[0]
