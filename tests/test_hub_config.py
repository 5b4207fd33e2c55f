"""The hub's files, without a hub: the link printer, the two configurations, the safety net.

tests/hub starts a real JupyterHub; these check what that cannot: every argument check
of the link printer, that TLJH's and Zero to JupyterHub's settings agree, and the
socket-path arithmetic for the longest user names TLJH makes.
"""

import os
import subprocess
import sys
import uuid
import warnings
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from traitlets.config import Config

from lstm_helpers import origin
from tools.hub_link import COURSE_FOLDER, hub_link, main

ROOT = Path(__file__).resolve().parents[1]
HUB = ROOT / "hub"


# -- the link ---------------------------------------------------------------------

def test_the_link_pulls_the_branch_into_the_course_folder_and_opens_notebook_00():
    link = hub_link("https://hub.example.org/", "https://github.com/owner/repo", branch="spring-2026")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "hub.example.org", "/hub/user-redirect/git-pull")
    assert parse_qs(parts.query) == {
        "repo": ["https://github.com/owner/repo"],
        "branch": ["spring-2026"],
        "targetpath": [COURSE_FOLDER],
        "urlpath": [f"lab/tree/{COURSE_FOLDER}/notebooks/00_start_here.ipynb"],
    }


def test_the_link_keeps_a_hub_under_a_path_and_escapes_the_repository():
    link = hub_link("https://uni.example.org/jupyter", "https://git.example.org/a b?.git")
    assert link.startswith("https://uni.example.org/jupyter/hub/user-redirect/git-pull?repo=https%3A%2F%2F")
    assert parse_qs(urlsplit(link).query)["repo"] == ["https://git.example.org/a b?.git"]


@pytest.mark.parametrize("kwargs, words", [
    ({"hub_url": "hub.example.org"}, "hub_url must start with https://"),
    ({"hub_url": "ftp://hub.example.org"}, "hub_url must start with https://"),
    ({"hub_url": "https://"}, "name a host"),
    ({"hub_url": "https://hub.example.org/?next=x"}, "without ?"),
    ({"hub_url": None}, "hub_url must be a non-empty string"),
    ({"repo": ""}, "repo must be a non-empty string"),
    ({"branch": " "}, "branch must be a non-empty string"),
    ({"targetpath": "../elsewhere"}, "targetpath must be a path inside the learner's home"),
    ({"targetpath": "/tmp/course"}, "targetpath must be a path inside the learner's home"),
    ({"notebook": "../x.ipynb"}, "notebook must be a path inside the learner's home"),
])
def test_bad_link_arguments_are_named(kwargs, words):
    arguments = {"hub_url": "https://hub.example.org", "repo": "https://github.com/o/r", **kwargs}
    with pytest.raises(ValueError, match=words.replace("?", r"\?")):
        hub_link(**arguments)


def test_the_link_printer_prints_one_line_and_refuses_bad_input(capsys):
    main(["https://hub.example.org", "https://github.com/o/r"])
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and out.startswith("https://hub.example.org/hub/user-redirect/git-pull?")
    with pytest.raises(SystemExit) as stop:
        main(["hub.example.org", "https://github.com/o/r"])
    assert stop.value.code == 2
    assert "hub_url must start with https://" in capsys.readouterr().err


def test_make_hub_link_prints_the_link_and_says_how_when_arguments_are_missing():
    done = subprocess.run(["make", "-s", "hub-link", "HUB=https://hub.example.org", "REPO=https://github.com/o/r"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hub_link("https://hub.example.org", "https://github.com/o/r")
    missing = subprocess.run(["make", "-s", "hub-link"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert missing.returncode != 0 and "usage: make hub-link HUB=" in missing.stderr


# -- the two hub configurations agree ---------------------------------------------

def tljh_config():
    config = Config()
    code = compile((HUB / "jupyterhub_config.py").read_text(), "jupyterhub_config.py", "exec")
    namespace = {"get_config": lambda: config}
    exec(code, namespace)  # noqa: S102 (our own file, as JupyterHub loads it)
    return config, namespace


def z2jh_values():
    return yaml.safe_load((HUB / "z2jh-values.yaml").read_text())


def test_tljh_and_zero_to_jupyterhub_use_the_same_measured_numbers():
    config, namespace = tljh_config()
    spawner, values = config.Spawner, z2jh_values()
    single = values["singleuser"]
    assert spawner.start_timeout == single["startTimeout"] == 300
    assert spawner.http_timeout == values["hub"]["config"]["KubeSpawner"]["http_timeout"] == 300
    assert spawner.mem_guarantee == single["memory"]["guarantee"]
    assert spawner.mem_limit == single["memory"]["limit"]
    assert spawner.cpu_limit == single["cpu"]["limit"]
    assert spawner.cpu_guarantee == single["cpu"]["guarantee"]
    assert spawner.default_url == single["defaultUrl"] == "/lab"
    tljh_args = spawner.args.get_value([])
    z2jh_args = values["hub"]["config"]["KubeSpawner"]["args"]
    assert [a for a in tljh_args if "MappingKernelManager" in a] == z2jh_args
    assert "--KernelManager.transport=ipc" in tljh_args
    assert namespace["COURSE_FOLDER"] == COURSE_FOLDER
    assert single["extraEnv"]["PYTHONPATH"] == f"/home/jovyan/{COURSE_FOLDER}"


def test_every_kernel_finds_the_learners_pulled_copy_first(monkeypatch):
    config, namespace = tljh_config()
    environment = config.Spawner.environment.get_value({})
    user = SimpleNamespace(name="ada")
    # SimpleLocalProcessSpawner (tests/hub): its home_dir
    simple = SimpleNamespace(user=user, home_dir="/tmp/homes/ada")
    assert environment["PYTHONPATH"](simple) == f"/tmp/homes/ada/{COURSE_FOLDER}"
    # TLJH's SystemdSpawner: the system user it sets in username_template
    homes = {"jupyter-ada": "/home/jupyter-ada", "ada": "/home/ada"}
    monkeypatch.setattr(namespace["pwd"], "getpwnam", lambda name: SimpleNamespace(pw_dir=homes[name]))
    assert environment["PYTHONPATH"](SimpleNamespace(user=user, username_template="jupyter-ada")) == \
        f"/home/jupyter-ada/{COURSE_FOLDER}"
    assert environment["PYTHONPATH"](SimpleNamespace(user=user, username_template="jupyter-{USERNAME}")) == \
        f"/home/jupyter-ada/{COURSE_FOLDER}"
    # LocalProcessSpawner: the hub user's own system account
    assert environment["PYTHONPATH"](SimpleNamespace(user=user)) == f"/home/ada/{COURSE_FOLDER}"


def test_kernel_socket_paths_fit_linux_for_the_longest_names_tljh_makes(monkeypatch):
    """TLJH names system users 'jupyter-<name>', cut to 32 characters; a socket path has at most 107."""
    config, namespace = tljh_config()
    runtime = config.Spawner.environment.get_value({})["JUPYTER_RUNTIME_DIR"]
    longest = "jupyter-" + "x" * 18 + "-abcde"
    assert len(longest) == 32
    monkeypatch.setattr(namespace["pwd"], "getpwnam", lambda name: SimpleNamespace(pw_dir=f"/home/{name}"))
    folder = runtime(SimpleNamespace(user=SimpleNamespace(name="x"), username_template=longest))
    socket_path = f"{folder}/kernel-{uuid.uuid4()}-ipc-12"
    assert len(socket_path) <= 107, socket_path
    default_folder = f"/home/{longest}/.local/share/jupyter/runtime"
    assert len(f"{default_folder}/kernel-{uuid.uuid4()}-ipc-1") > 107  # why the runtime folder moved


def test_the_quiet_lab_settings_reach_every_hub():
    shipped = sorted(p.relative_to(HUB.parent / "jupyter_config") for p in (HUB.parent / "jupyter_config").rglob("*.json"))
    assert shipped, "jupyter_config/ holds the quiet JupyterLab settings"
    assert "COPY jupyter_config/ /usr/local/etc/jupyter/" in (HUB / "Dockerfile").read_text()
    guide = (HUB.parent / "INSTRUCTORS.md").read_text()
    assert "cp -r /opt/lstm-course/jupyter_config/. /opt/tljh/user/etc/jupyter/" in guide
    assert "jupyter_config/" in (HUB.parent / "postBuild").read_text()


def test_the_image_installs_what_the_hub_test_installs():
    dockerfile = (HUB / "Dockerfile").read_text()
    assert "-r /tmp/course/requirements.txt -r /tmp/course/hub/requirements.txt" in dockerfile
    pins = (HUB / "requirements.txt").read_text()
    for package in ("jupyterhub==", "nbgitpuller=="):
        assert package in pins


# -- the safety net: a package from another copy says so ---------------------------

def _course(folder):
    (folder / "notebooks").mkdir(parents=True)
    (folder / "lstm_helpers").mkdir()
    (folder / "lstm_helpers" / "__init__.py").write_text("")
    return folder


def test_no_warning_beside_the_package_that_was_imported():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        origin.check_origin(ROOT / "notebooks")  # this repository's notebooks and package
        origin.check_origin(ROOT)  # not a notebooks folder


def test_a_package_from_another_copy_warns_and_says_what_to_do(tmp_path):
    course = _course(tmp_path / "lstm-course")
    with pytest.warns(origin.CourseCopyWarning) as caught:
        origin.check_origin(course / "notebooks")
    message = str(caught[0].message)
    assert str(course / "lstm_helpers") in message and str(origin.HERE) in message
    assert "PYTHONPATH" in message and f"pip install -e {course}" in message


def test_importing_from_a_foreign_notebooks_folder_warns_once_at_import(tmp_path):
    course = _course(tmp_path / "lstm-course")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    foreign = subprocess.run([sys.executable, "-c", "import lstm_helpers"], cwd=course / "notebooks", env=env,
                             capture_output=True, text=True, timeout=120)
    assert foreign.returncode == 0, foreign.stderr
    assert foreign.stderr.count("CourseCopyWarning") == 1
    own = subprocess.run([sys.executable, "-c", "import lstm_helpers"], cwd=ROOT / "notebooks", env=env,
                         capture_output=True, text=True, timeout=120)
    assert own.returncode == 0 and "CourseCopyWarning" not in own.stderr
