"""Notebook 00's setup check: it knows Colab, Kaggle, VS Code and a computer's own Jupyter, takes
each host's own packages as they are, and says what to do when something is missing or too old."""

import pytest

import lstm_helpers as lh
from lstm_helpers import setup_check

COLAB = {"numpy": (2, 1), "matplotlib": (3, 10), "ipywidgets": (7, 7), "widgetsnbextension": (3, 6),
         "notebook": (6, 5)}  # Colab's own packages (2026-08); it has no JupyterLab
HOST_ENVIRONMENTS = {
    "colab": {"COLAB_RELEASE_TAG": "release-colab_20260801"},
    "kaggle": {"KAGGLE_KERNEL_RUN_TYPE": "Interactive"},
    "vscode": {"VSCODE_PID": "4242"},
}


@pytest.fixture
def host(monkeypatch):
    """Pretend to run on a host with these packages: host(name, {package: (major, minor)})."""
    def pretend(name, packages):
        for variable in ("COLAB_RELEASE_TAG", "KAGGLE_KERNEL_RUN_TYPE", "KAGGLE_URL_BASE", "VSCODE_PID", "VSCODE_CWD"):
            monkeypatch.delenv(variable, raising=False)
        for variable, value in HOST_ENVIRONMENTS.get(name, {}).items():
            monkeypatch.setenv(variable, value)
        monkeypatch.setattr(setup_check, "_installed", packages.get)
    return pretend


def test_in_the_course_environment_everything_is_ok(capsys):
    rows = setup_check.setup_report()
    assert [name for name, _, _ in rows] == ["python", "numpy", "matplotlib", "ipywidgets", "numba", "jupyterlab"]
    assert all(fix is None for _, _, fix in rows)
    assert lh.check_setup() is None
    out = capsys.readouterr().out
    assert out.startswith("Running in Jupyter on this computer.\n")
    assert out.endswith("Your setup is ready for the course.\n") and "PROBLEM" not in out


@pytest.mark.parametrize("name, shown", [("colab", "Google Colab"), ("kaggle", "Kaggle"), ("vscode", "VS Code")])
def test_a_hosts_own_packages_are_fine(host, capsys, name, shown):
    host(name, COLAB)
    lh.check_setup()
    out = capsys.readouterr().out
    assert out.startswith(f"Running in {shown}: its own packages and front end are fine for the course.\n")
    assert "ok      ipywidgets  7.7" in out and "PROBLEM" not in out and "jupyterlab" not in out
    assert out.endswith("Your setup is ready for the course.\n")


def test_the_classic_notebook_with_matching_widget_extension_is_fine(host, capsys):
    host("jupyter", COLAB)
    lh.check_setup()
    out = capsys.readouterr().out
    assert "ok      notebook           6.5\n" in out and "ok      widgetsnbextension 3.6\n" in out
    assert "PROBLEM" not in out


@pytest.mark.parametrize("packages, problem, fix", [
    ({**COLAB, "widgetsnbextension": (4, 0)}, "PROBLEM widgetsnbextension 4.0", "pip install 'widgetsnbextension==3.*'"),
    ({**COLAB, "notebook": None, "jupyterlab": (4, 6)}, "PROBLEM jupyterlab  4.6", "pip install 'jupyterlab>=4' 'ipywidgets>=8'"),
    ({"numpy": (2, 4), "matplotlib": (3, 11), "ipywidgets": (8, 1)}, "PROBLEM jupyterlab  not installed", "pip install jupyterlab"),
    ({**COLAB, "numpy": (1, 26)}, "PROBLEM numpy       1.26", "pip install 'numpy>=2.0'"),
    ({**COLAB, "matplotlib": None}, "PROBLEM matplotlib  not installed", "pip install 'matplotlib>=3.8'"),
])
def test_a_problem_says_what_to_do(host, capsys, packages, problem, fix):
    host("jupyter", packages)
    lh.check_setup()
    lines = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]  # columns aside
    assert " ".join(problem.split()) in lines
    assert lines[-1].startswith("To fix: ") and fix in lines[-1] and "restart the kernel" in lines[-1]
    assert "Troubleshooting in the course's README" in lines[-1]


def test_on_colab_a_too_old_package_means_restarting_the_runtime(host, capsys):
    host("colab", {**COLAB, "numpy": (1, 26)})
    lh.check_setup()
    out = capsys.readouterr().out
    assert "PROBLEM numpy       1.26\n" in out and "then restart the runtime" in out


@pytest.mark.parametrize("environ, modules, expected", [
    ({}, {"google.colab": object()}, "colab"),
    ({"COLAB_RELEASE_TAG": "x"}, {}, "colab"),
    ({"KAGGLE_URL_BASE": "https://www.kaggle.com"}, {}, "kaggle"),
    ({"VSCODE_CWD": "/home/me"}, {}, "vscode"),
    ({"HOME": "/home/me"}, {}, "jupyter"),
])
def test_detect_host(environ, modules, expected):
    assert setup_check.detect_host(environ, modules) == expected


def test_install_missing_installs_only_what_is_not_there(monkeypatch):
    calls = []
    monkeypatch.setattr(setup_check, "requires", lambda name: [
        "numpy>=2.0", "matplotlib>=3.8", "ipywidgets>=7.6", 'jupyterlab; extra == "course"'])
    monkeypatch.setattr(setup_check, "_installed", {"numpy": (1, 26), "matplotlib": (3, 10)}.get)
    monkeypatch.setattr(setup_check.subprocess, "run", lambda command, check: calls.append(command))
    assert setup_check.install_missing() == ["ipywidgets>=7.6"]
    assert len(calls) == 1 and calls[0][-1] == "ipywidgets>=7.6" and "--upgrade" not in calls[0]


def test_without_numba_the_check_notes_it_and_says_the_setup_is_ready(host, capsys):
    host("jupyter", {"numpy": (2, 4), "matplotlib": (3, 11), "ipywidgets": (8, 1), "jupyterlab": (4, 6)})
    lh.check_setup()
    out = capsys.readouterr().out
    assert "note    numba       not installed: notebooks 06-07 train 3 to 5 times slower, same numbers\n" in out
    assert "PROBLEM" not in out and out.endswith("Your setup is ready for the course.\n")


def test_install_missing_skips_extras_and_other_pythons_requirements(monkeypatch):
    calls = []
    monkeypatch.setattr(setup_check, "requires", lambda name: [
        "numba>=0.60; python_version < '3.0'", "numba2>=1; python_version >= '3.0'", 'pytest; extra == "test"'])
    monkeypatch.setattr(setup_check, "_installed", {}.get)
    monkeypatch.setattr(setup_check.subprocess, "run", lambda command, check: calls.append(command))
    assert setup_check.install_missing() == ["numba2>=1"]
    assert calls[0][-1] == "numba2>=1"


def test_install_missing_does_nothing_when_everything_is_there(monkeypatch):
    monkeypatch.setattr(setup_check.subprocess, "run", lambda *a, **k: pytest.fail("pip ran"))
    assert setup_check.install_missing() == []
