"""Build notebooks/*.ipynb from notebook_sources/*.py and execute each from a fresh kernel.

Sources are jupytext "percent" scripts: `# %%` starts a code cell, `# %% [markdown]`
a markdown cell whose lines start with `# `. jupytext reads them (the same reader
JupyterLab uses when a contributor opens a source as a notebook; see
notebook_sources/jupytext.toml). The executed .ipynb files are what learners open.

A rebuild with no change to the package or the sources writes byte-identical files:
cell ids come from cell positions, stream outputs are merged, no execution timestamps
are recorded, widget model ids are renumbered in the order the widgets were made, and
only the metadata a learner's JupyterLab needs is kept.

    python tools/build_notebooks.py            # every notebook
    python tools/build_notebooks.py 03 04      # those whose name starts so
"""

import json
import re
import sys
import uuid
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = ROOT / "notebook_sources"
WIDGET = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def read_notebook(path):
    """The unexecuted notebook a percent-format source describes."""
    return jupytext.read(path, fmt="py:percent")


def read_cells(path):
    """[(kind, source)] for each cell of a percent-format file."""
    return [(cell.cell_type, cell.source) for cell in read_notebook(path).cells]


def to_notebook(source):
    """The source as a notebook with stable ids and no jupytext bookkeeping."""
    nb = read_notebook(source)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"  # by position: the same on every rebuild, and short diffs
        cell.metadata = {}  # jupytext's blank-line counts mean nothing in a notebook
    return nb


def execute(nb):
    """Run every cell from a fresh kernel; merge each cell's stream outputs; no timings."""
    client = NotebookClient(nb, timeout=900, kernel_name=KERNELSPEC["name"], record_timing=False,
                            coalesce_streams=True, resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return nb


def stable_metadata(nb, name):
    """Drop what changes between identical runs: the Python patch version, random widget ids."""
    nb.metadata.language_info.pop("version", None)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    shown = [output.data[WIDGET]["model_id"] for cell in nb.cells for output in cell.get("outputs", [])
             if WIDGET in output.get("data", {})]
    ids = list(dict.fromkeys([*state, *shown]))
    if not ids:
        return nb
    # The kernel names each widget with a random uuid; number them in the order they were
    # made (a run makes them in the same order every time), keeping the uuid shape.
    renames = {old: uuid.uuid5(uuid.NAMESPACE_URL, f"lstm-course/{name}/widget/{k}").hex
               for k, old in enumerate(ids)}
    pattern = re.compile("|".join(map(re.escape, renames)))
    text = pattern.sub(lambda match: renames[match.group(0)], json.dumps(nb))
    return nbformat.from_dict(json.loads(text))


def build(source):
    target = NOTEBOOKS / (source.stem + ".ipynb")
    nb = stable_metadata(execute(to_notebook(source)), source.stem)
    nbformat.validate(nb)
    nbformat.write(nb, target)
    print(f"built {target.relative_to(ROOT)}")


def main(prefixes):
    sources = sorted(SOURCES.glob("*.py"))
    chosen = [s for s in sources if not prefixes or s.name.startswith(tuple(prefixes))]
    if not chosen:
        sys.exit(f"no notebook source in {SOURCES} starts with {prefixes}")
    for source in chosen:
        build(source)


if __name__ == "__main__":
    main(sys.argv[1:])
