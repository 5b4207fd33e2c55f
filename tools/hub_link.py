"""Print the nbgitpuller link that gives each learner on a JupyterHub the course.

    python tools/hub_link.py https://hub.example.org https://github.com/OWNER/REPO
    make hub-link HUB=https://hub.example.org REPO=https://github.com/OWNER/REPO
    make hub-link HUB=https://hub.example.org      # the repository publish.toml names

A learner who follows the link logs in, and the hub pulls the repository's `branch`
into `lstm-course` in their home (a folder the hub configuration puts on the kernel's
path) and opens notebook 00 in JupyterLab. Following it again pulls the instructor's
latest changes and keeps the learner's own (INSTRUCTORS.md says what that means).
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.publish import repository_url, settings  # noqa: E402  (run as a script too)

COURSE_FOLDER = "lstm-course"  # hub/jupyterhub_config.py and z2jh-values.yaml use the same
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"


def hub_link(hub_url, repo, branch="main", targetpath=COURSE_FOLDER, notebook=FIRST_NOTEBOOK):
    """The nbgitpuller link for a hub at hub_url pulling repo's branch into targetpath."""
    for name, value in (("hub_url", hub_url), ("repo", repo), ("branch", branch),
                        ("targetpath", targetpath), ("notebook", notebook)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    parts = urlsplit(hub_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"hub_url must start with https:// (or http://) and name a host, got {hub_url!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"hub_url must be the hub's address alone, without ?... or #..., got {hub_url!r}")
    for name, path in (("targetpath", targetpath), ("notebook", notebook)):
        if path.startswith("/") or ".." in path.split("/"):
            raise ValueError(f"{name} must be a path inside the learner's home, without .. or a leading /, "
                             f"got {path!r}")
    query = urlencode({
        "repo": repo,
        "branch": branch,
        "targetpath": targetpath,
        "urlpath": f"lab/tree/{targetpath}/{notebook}",
    })
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hub_url", help="the hub's address, e.g. https://hub.example.org")
    parser.add_argument("repo", nargs="?", default=repository_url(settings()),
                        help="the course repository learners pull, e.g. https://github.com/OWNER/REPO "
                             "(default: the one publish.toml names)")
    parser.add_argument("--branch", default=settings()["branch"], help="the branch to pull (default: publish.toml's)")
    parser.add_argument("--targetpath", default=COURSE_FOLDER,
                        help=f"the folder in each learner's home (default: {COURSE_FOLDER}; the hub "
                             "configuration expects this one)")
    args = parser.parse_args(argv)
    if args.repo is None:
        parser.error("name the repository (REPO=https://github.com/OWNER/REPO), or set it once in publish.toml "
                     "(python tools/publish.py OWNER/REPO)")
    try:
        print(hub_link(args.hub_url, args.repo, branch=args.branch, targetpath=args.targetpath))
    except ValueError as error:
        parser.error(str(error))
    if args.targetpath != COURSE_FOLDER:
        print(f"note: the hub configuration puts ~/{COURSE_FOLDER} on the kernel's path; change "
              "COURSE_FOLDER in hub/ to match.", file=sys.stderr)


if __name__ == "__main__":
    main()
