"""The Colab-like environment: .venv-colab, Python 3.13 with the versions Colab ships
(colab-versions.txt), made by tools/ensure_colab_env.sh (make test runs it). Without it these
tests are skipped with a note, or fail when CI=true."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-colab"
VERSIONS = Path(__file__).resolve().parent / "colab-versions.txt"
PYTHON = VENV / "bin" / "python"
KERNEL = "colab-like"
HINT = "tools/ensure_colab_env.sh makes it (make test runs it); it needs a Python 3.13 (COLAB_PYTHON=...)"


def colab_versions():
    """{name: version} of Colab's packages, as colab-versions.txt lists them."""
    pins = {}
    for line in VERSIONS.read_text().splitlines():
        spec = line.split("#")[0].strip()
        if spec:
            name, _, version = spec.partition("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def installed(python=PYTHON):
    """{name: version} of every distribution installed in the environment of `python`."""
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
                            capture_output=True, text=True, check=True).stdout
    return {row["name"].lower().replace("_", "-"): row["version"] for row in json.loads(listed)}


def kernel_environment():
    """os.environ without what would let the kernel import the course without installing it."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{VENV / 'bin'}:{env.get('PATH', '')}"
    return env


@pytest.fixture(scope="session")
def colab_env():
    """The Colab-like environment's python, checked to hold exactly Colab's versions."""
    ready = VENV / ".installed"
    if not (PYTHON.exists() and ready.exists() and ready.read_text() == VERSIONS.read_text()):
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Colab-like environment in {VENV.name} and CI=true: {HINT}", pytrace=False)
        pytest.skip(f"no Colab-like environment in {VENV.name}: Colab tests skipped; {HINT}")
    have = installed()
    wrong = {name: have.get(name) for name, version in colab_versions().items() if have.get(name) != version}
    assert not wrong, f"{VENV.name} does not hold Colab's versions: {wrong}; delete it and run {HINT}"
    return PYTHON


@pytest.fixture(scope="session")
def course_checkout(tmp_path_factory):
    """A copy of what pip needs from this checkout to install the course (the working tree, not HEAD)."""
    folder = tmp_path_factory.mktemp("checkout") / "lstm-course"
    folder.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "lstm_helpers", folder / "lstm_helpers", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


@pytest.fixture(scope="session")
def colab_kernel(colab_env, tmp_path_factory, monkeypatch_session):
    """The name of a Jupyter kernel that runs in the Colab-like environment."""
    jupyter_path = tmp_path_factory.mktemp("jupyter")
    spec = jupyter_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(colab_env), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (Colab-like)", "language": "python"}))
    monkeypatch_session.setenv("JUPYTER_PATH", str(jupyter_path))
    return KERNEL


@pytest.fixture(scope="session")
def monkeypatch_session():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def uninstall_course(python=PYTHON):
    subprocess.run([str(python), "-m", "pip", "uninstall", "--yes", "--quiet", "lstm_helpers"],
                   capture_output=True, text=True)
    assert "lstm-helpers" not in installed(python)
