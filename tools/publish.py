"""Write the course's published address (publish.toml) everywhere it is used.

    python tools/publish.py OWNER/REPO    # set publish.toml's address, then update everything
    python tools/publish.py               # update everything from publish.toml as it is
    python tools/publish.py --check       # exit 1 if anything disagrees with publish.toml

publish.toml is the one place the address is written. From it come: the first cell of every
notebook source (it installs lstm_helpers where it is missing, at the version the notebook
was built with, from git tag v<version>), the "Open in Colab" badge at the top of each notebook
(a link) and on its link to the next, the README's badges, and `make hub-link`'s repository.
Rebuild the notebooks afterwards (make notebooks). tests/test_publish.py checks agreement.
"""

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "publish.toml"
SOURCES = ROOT / "notebook_sources"
README = ROOT / "README.md"
PLACEHOLDER = "OWNER/REPO"  # what badges show until the address is set
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"
FIRST_LINE = "# Run this cell first."
INTRO = (f"{FIRST_LINE} Where the course's helpers are missing (Colab, Kaggle,\n"
         "# VS Code), it installs them without changing any package you already have.\n")
GITHUB_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+")
NOTEBOOK_LINK = re.compile(r"\[([^\]]+)\]\((\d\d_\w+\.ipynb)\)(?: \(\[in Colab\]\([^)]*\)\))?")


def settings(path=None):
    """publish.toml as {'github': 'OWNER/REPO' or '', 'branch': ...}, checked."""
    path = path or SETTINGS
    values = tomllib.loads(path.read_text())
    github, branch = values.get("github", ""), values.get("branch", "main")
    if github and not GITHUB_NAME.fullmatch(github):
        raise ValueError(f"{path.name}: github must be OWNER/REPO or empty, got {github!r}")
    if not isinstance(branch, str) or not branch.strip():
        raise ValueError(f"{path.name}: branch must be a non-empty string, got {branch!r}")
    return {"github": github, "branch": branch}


def course_version():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def install_requirement(config):
    """What pip installs in the first cell: the tag of the version the notebooks are built with."""
    if not config["github"]:
        return None
    return f"lstm_helpers @ git+https://github.com/{config['github']}@v{course_version()}"


def repository_url(config):
    """The repository's address, for make hub-link; None until it is set."""
    return f"https://github.com/{config['github']}" if config["github"] else None


def colab_url(notebook, config):
    github = config["github"] or PLACEHOLDER
    return f"https://colab.research.google.com/github/{github}/blob/{config['branch']}/notebooks/{notebook}"


def colab_badge(notebook, config):
    """The README's badge (GitHub shows its image)."""
    return f"[![Open In Colab]({BADGE_IMAGE})]({colab_url(notebook, config)})"


def colab_link(notebook, config):
    """A notebook's own badge: a link without the badge's image, which JupyterLab would fetch from
    Google on every opening (the course fetches nothing from outside; tests/browser/test_quiet_lab.py)."""
    return f"[Open in Colab]({colab_url(notebook, config)})"


def first_cell(requirement):
    """The source of every notebook's first code cell (as a notebook shows it), for a pip requirement or None."""
    if requirement is None:
        action = ('    print("This copy of the course does not say where to install its helpers from: run "\n'
                  '          "%pip install /path/to/the/course (the folder with pyproject.toml) in a cell.")')
    else:
        action = ("    import importlib, subprocess, sys\n"
                  '    sys.modules.pop("lstm_helpers", None)  # an empty folder left by an uninstall\n'
                  '    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",\n'
                  f'                    "{requirement}"], check=True)\n'
                  "    importlib.invalidate_caches()\n"
                  "    from lstm_helpers.setup_check import install_missing\n"
                  "    install_missing()")
    # a module of it, not the package alone: a folder left behind by an uninstall (numba's cache
    # stays) imports as an empty package, which must not stay in sys.modules after the install
    return f"{INTRO}try:\n    import lstm_helpers.setup_check\nexcept ModuleNotFoundError:\n{action}"


def _as_source(cell):
    """A code cell as jupytext's percent format writes it: magics commented out."""
    return "# %%\n" + re.sub(r"(?m)^(\s*)%", r"\1# %", cell) + "\n"


def _with_colab_links(markdown, config):
    """The last link to another notebook gets an 'in Colab' link beside it (relative links fail in Colab)."""
    links = list(NOTEBOOK_LINK.finditer(markdown))
    if not links:
        return markdown
    last = links[-1]
    text, target = last.group(1), last.group(2)
    return (markdown[:last.start()] + f"[{text}]({target}) ([in Colab]({colab_url(target, config)}))"
            + markdown[last.end():])


def update_source(text, notebook, config):
    """A notebook source with its badge, its first cell and its next link as publish.toml says."""
    cells = [cell for cell in re.split(r"(?m)^(?=# %%)", text) if cell]
    lines = cells[0].splitlines(keepends=True)  # "# %% [markdown]", "# # NN · title", then the link
    if lines[3].startswith("# [Open in Colab]("):
        del lines[2:4]
    lines[2:2] = ["#\n", f"# {colab_link(notebook, config)}\n"]
    cells[0] = "".join(lines)
    install = _as_source(first_cell(install_requirement(config)))
    if cells[1].startswith(f"# %%\n{FIRST_LINE}"):
        cells[1] = install + "\n"
    else:
        cells.insert(1, install + "\n")
    cells[-1] = _with_colab_links(cells[-1], config)
    return "".join(cells)


def update_readme(text, config):
    """README's notebook table with an 'Open in Colab' badge in each row."""
    def row(match):
        notebook = match.group(2)
        return f"{match.group(1)} {colab_badge(notebook, config)} |"
    return re.sub(r"(?m)^(\| \d\d \| \[[^\]]+\]\(notebooks/(\d\d_\w+\.ipynb)\))"
                  r"(?: \[!\[Open In Colab\]\([^)]*\)\]\([^)]*\))? \|", row, text)


def _targets(config):
    for source in sorted(SOURCES.glob("[0-9][0-9]_*.py")):
        yield source, update_source(source.read_text(), source.stem + ".ipynb", config)
    yield README, update_readme(README.read_text(), config)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("github", nargs="?", help="the course's repository on GitHub, OWNER/REPO")
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if anything disagrees")
    args = parser.parse_args(argv)
    if args.github is not None:
        if not GITHUB_NAME.fullmatch(args.github):
            parser.error(f"github must be OWNER/REPO, got {args.github!r}")
        SETTINGS.write_text(re.sub(r'(?m)^github = ".*"$', f'github = "{args.github}"', SETTINGS.read_text()))
    config = settings()
    stale = [path for path, text in _targets(config) if path.read_text() != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} disagrees with publish.toml: run python tools/publish.py", file=sys.stderr)
        sys.exit(1 if stale else 0)
    for path, text in _targets(config):
        path.write_text(text)
    for path in stale:
        print(f"updated {path.relative_to(ROOT)}")
    if any(path != README for path in stale):
        print("Now rebuild the notebooks (make notebooks) and commit; tag the release "
              f"v{course_version()} and push the tag, which the first cells install from.")


if __name__ == "__main__":
    main()
