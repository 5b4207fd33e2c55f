"""Build notebooks/*.ipynb from notebooks/src/*.py and execute each from a fresh kernel.

Sources are in the "percent" format (as jupytext and VS Code read them):
a line `# %%` starts a code cell, `# %% [markdown]` a markdown cell whose
lines start with `# `. The executed .ipynb files are what learners open.

    python tools/build_notebooks.py            # every notebook
    python tools/build_notebooks.py 03 04      # those whose name starts so
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"


def read_cells(path):
    """[(kind, source)] for each cell of a percent-format file."""
    cells, kind, lines = [], None, []
    for line in path.read_text().splitlines() + ["# %%"]:
        if line.startswith("# %%"):
            if kind is not None:
                text = "\n".join(lines).strip("\n")
                if text:
                    cells.append((kind, text))
            kind = "markdown" if "[markdown]" in line else "code"
            lines = []
        elif kind == "markdown":
            lines.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        elif kind is not None:
            lines.append(line)
    return cells


def to_notebook(cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
    }
    make = {"markdown": nbformat.v4.new_markdown_cell, "code": nbformat.v4.new_code_cell}
    nb.cells = [make[kind](text) for kind, text in cells]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:02d}"  # stable ids keep diffs small
    return nb


def build(source):
    target = NOTEBOOKS / (source.stem + ".ipynb")
    nb = to_notebook(read_cells(source))
    NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
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
