"""A quick look at whether this Python has what the course needs (notebook 00 runs it).

It knows where it runs: Google Colab, Kaggle and VS Code bring their own front end and
their own packages, which are fine as they are; on a computer's own Jupyter (JupyterLab
or the classic Notebook) it also checks that the front end can show the course's widgets.
Versions are read from package metadata, so nothing heavy is imported, and printed as
major.minor so a notebook's stored output stays the same across patch releases.
"""

import os
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, requires, version

NEEDED = {  # package: the oldest major.minor the course works with (pyproject.toml's ranges)
    "numpy": (2, 0),
    "matplotlib": (3, 8),
    "ipywidgets": (7, 6),
}
OPTIONAL = {  # package: what happens without it (a note, not a problem)
    "numba": "notebooks 06-07 train 3 to 5 times slower, same numbers",
}
HOSTS = {"colab": "Google Colab", "kaggle": "Kaggle", "vscode": "VS Code", "jupyter": "Jupyter on this computer"}
README = "see Troubleshooting in the course's README"


def detect_host(environ=None, modules=None):
    """'colab', 'kaggle', 'vscode' or 'jupyter' (a computer's own JupyterLab or Notebook)."""
    environ = os.environ if environ is None else environ
    modules = sys.modules if modules is None else modules
    if "google.colab" in modules or "COLAB_RELEASE_TAG" in environ:
        return "colab"
    if "KAGGLE_KERNEL_RUN_TYPE" in environ or "KAGGLE_URL_BASE" in environ:
        return "kaggle"
    if "VSCODE_PID" in environ or "VSCODE_CWD" in environ:
        return "vscode"
    return "jupyter"


def _major_minor(text):
    parts = (text.split(".") + ["0"])[:2]
    return tuple(int("".join(c for c in p if c.isdigit()) or 0) for p in parts)


def _installed(name):
    try:
        return _major_minor(version(name))
    except PackageNotFoundError:
        return None


def _front_end_rows():
    """Rows for a computer's own Jupyter: the front end, and whether it can show these widgets."""
    widgets, lab, classic = _installed("ipywidgets"), _installed("jupyterlab"), _installed("notebook")
    if lab:  # JupyterLab 4 shows ipywidgets 8 only
        fix = None if lab >= (4, 0) and (widgets or (8,)) >= (8, 0) else "pip install 'jupyterlab>=4' 'ipywidgets>=8'"
        return [("jupyterlab", lab, fix)]
    if classic:  # the classic Notebook (6) needs the widgets' own extension, of the matching major
        if classic >= (7, 0):
            return [("notebook", classic, None if (widgets or (8,)) >= (8, 0) else "pip install 'ipywidgets>=8'")]
        needed = {7: 3, 8: 4}.get((widgets or (0,))[0])
        extension = _installed("widgetsnbextension")
        fix = None if extension and extension[0] == needed else f"pip install 'widgetsnbextension=={needed}.*'"
        return [("notebook", classic, None), ("widgetsnbextension", extension, fix if needed else None)]
    return [("jupyterlab", None, "pip install jupyterlab, or open the notebooks in VS Code")]


def setup_report():
    """[(name, installed major.minor or None, what to do or None)] for Python, each package, the front end."""
    found = sys.version_info.major, sys.version_info.minor
    rows = [("python", found, None if found >= (3, 11) else "use Python 3.11 or newer")]
    for name, oldest in NEEDED.items():
        have = _installed(name)
        rows.append((name, have, None if have and have >= oldest else f"pip install '{name}>={oldest[0]}.{oldest[1]}'"))
    rows += [(name, _installed(name), None) for name in OPTIONAL]
    if detect_host() == "jupyter":
        rows += _front_end_rows()
    return [(name, have and f"{have[0]}.{have[1]}", fix) for name, have, fix in rows]


def check_setup():
    """Print where the notebook runs, one line per package, and what, if anything, to do."""
    host = detect_host()
    own = "" if host == "jupyter" else ": its own packages and front end are fine for the course"
    print(f"Running in {HOSTS[host]}{own}.")
    rows = setup_report()
    width = max(11, *(len(name) for name, _, _ in rows))
    for name, found, fix in rows:
        missing_optional = name in OPTIONAL and not found
        mark = "PROBLEM" if fix else "note   " if missing_optional else "ok     "
        print(f"{mark} {name:<{width}} {found or 'not installed'}" + (f": {OPTIONAL[name]}" if missing_optional else ""))
    fixes = [fix for _, _, fix in rows if fix]
    if not fixes:
        print("Your setup is ready for the course.")
        return
    restart = "restart the runtime" if host in ("colab", "kaggle") else "restart the kernel"
    print(f"To fix: {'; '.join(fixes)} (in a cell, start it with %), then {restart}; {README}.")


def install_missing():
    """Install the course's dependencies that are not installed at all, never changing one that is.

    The first cell of every notebook installs lstm_helpers with --no-deps, then calls this:
    a host's own numpy, matplotlib and ipywidgets stay exactly as they are.
    """
    missing = []
    for spec in requires("lstm_helpers") or []:
        if not _applies(spec):  # an extra (such as "test"), or another Python's requirement
            continue
        name = spec.split(";")[0].split("[")[0]
        for sign in "<>=!~ ":
            name = name.split(sign)[0]
        if _installed(name) is None:
            missing.append(spec.split(";")[0].strip())
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing], check=True)
    return missing


def _applies(spec):
    """Whether a requirement's environment marker (after ";") holds here; True without one."""
    if ";" not in spec:
        return True
    marker = spec.split(";", 1)[1].strip()
    try:
        from packaging.markers import Marker  # matplotlib's and pip's dependency: almost always there
    except ImportError:
        return "extra" not in marker
    return Marker(marker).evaluate({"extra": ""})
