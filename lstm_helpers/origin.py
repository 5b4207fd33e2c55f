"""Is this lstm_helpers the copy that came with the notebooks being run?

A notebook's kernel starts in the notebook's folder, so the course's own copy of the
package is at ../lstm_helpers. If Python imported lstm_helpers from somewhere else (a
hub environment built from an older version, say), the notebook and the package can
disagree: the learner is told what happened and what to do, once, at import.
"""

import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


class CourseCopyWarning(UserWarning):
    """lstm_helpers was imported from a different copy than the one beside the notebooks."""


def copy_beside_notebooks(folder=None):
    """The lstm_helpers folder of the course the notebooks in `folder` (default: cwd) belong to, or None."""
    try:
        folder = Path.cwd() if folder is None else Path(folder)
    except OSError:  # the working folder was deleted
        return None
    if folder.name != "notebooks":
        return None
    candidate = folder.parent / "lstm_helpers"
    return candidate.resolve() if (candidate / "__init__.py").is_file() else None


def check_origin(folder=None):
    """Warn if the notebooks in `folder` came with a different lstm_helpers than this one."""
    beside = copy_beside_notebooks(folder)
    if beside is None or beside == HERE:
        return
    warnings.warn(
        f"This notebook's course has its own lstm_helpers in {beside}, but Python imported the one in "
        f"{HERE}. They may be different versions, so numbers and exercises may not match the notebook. "
        f"On a JupyterHub, tell your instructor (the hub should put {beside.parent} on PYTHONPATH: see "
        f"INSTRUCTORS.md). On your own machine, run `pip install -e {beside.parent}` in the Python "
        "this notebook uses, then Kernel → Restart Kernel.",
        CourseCopyWarning,
        stacklevel=2,
    )
