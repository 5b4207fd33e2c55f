"""A quick look at whether this Python has what the course needs.

Versions are read from package metadata, so nothing heavy is imported, and
printed as major.minor so a notebook's stored output stays the same across
patch releases.
"""

import sys
from importlib.metadata import PackageNotFoundError, version

NEEDED = {  # package: the oldest major.minor the course is known to work with
    "numpy": (2, 0),
    "matplotlib": (3, 8),
    "ipywidgets": (8, 0),
    "jupyterlab": (4, 0),
}


def _major_minor(text):
    parts = (text.split(".") + ["0"])[:2]
    return tuple(int("".join(c for c in p if c.isdigit()) or 0) for p in parts)


def setup_report():
    """[(name, installed major.minor or None, ok)] for Python and each needed package."""
    rows = [("python", f"{sys.version_info.major}.{sys.version_info.minor}", sys.version_info >= (3, 11))]
    for name, oldest in NEEDED.items():
        try:
            found = _major_minor(version(name))
        except PackageNotFoundError:
            rows.append((name, None, False))
            continue
        rows.append((name, f"{found[0]}.{found[1]}", found >= oldest))
    return rows


def check_setup():
    """Print one line per package and a verdict (setup_report gives the same as data)."""
    rows = setup_report()
    for name, found, ok in rows:
        mark = "ok     " if ok else "PROBLEM"
        print(f"{mark} {name:<11} {found or 'not installed'}")
    if all(ok for _, _, ok in rows):
        print("Your setup is ready for the course.")
    else:
        print("Something is missing or too old: see Troubleshooting in the README.")
