"""requirements.txt is the one place packages are pinned; environment.yml must agree. The supported
Pythons, Binder's postBuild and the Makefile's choices are checked here too."""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest

from lstm_helpers import setup_check

ROOT = Path(__file__).resolve().parents[1]


def pip_pins():
    pins, pip_only = {}, set()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        spec = line.split("#")[0].strip()
        if not spec:
            continue
        name, _, version = spec.partition("==")
        assert version, f"requirements.txt: {spec!r} is not pinned exactly (name==version)"
        pins[name.lower()] = version
        if "not in environment.yml" in line:
            pip_only.add(name.lower())
    return pins, pip_only


def conda_pins():
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.-]+)\s*(?:=\s*([^\s#]+))?\s*(#.*)?", line)
        if match and match.group(1) not in ("conda-forge",):
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_environment_yml_agrees_with_requirements():
    pins, pip_only = pip_pins()
    conda = conda_pins()
    assert "pip" in conda
    for name, version in pins.items():
        if name in pip_only:
            assert name not in conda, f"{name} is marked pip-only but is in environment.yml"
        else:
            assert conda.get(name) == version, f"{name}: requirements.txt {version}, environment.yml {conda.get(name)}"
    extra = set(conda) - set(pins) - {"python", "pip"}
    assert not extra, f"environment.yml pins packages requirements.txt does not: {extra}"


def supported_pythons():
    """The Makefile's list of supported Pythons ("3.11", ...): the one place they are named."""
    match = re.search(r"^SUPPORTED_PYTHONS\s*:=\s*(.+)$", (ROOT / "Makefile").read_text(), re.M)
    return match.group(1).split()


def test_the_supported_pythons_are_3_11_to_3_14_everywhere():
    supported = supported_pythons()
    assert supported == ["3.11", "3.12", "3.13", "3.14"]
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in supported, "tests run on an unsupported Python"
    assert conda_pins()["python"] in supported, "environment.yml (Binder) pins a Python outside the supported range"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["project"]["requires-python"] == f">={supported[0]}"
    assert f"Python {supported[0]} to {supported[-1]}" in (ROOT / "README.md").read_text()


class _VersionInfo(tuple):
    """Enough of sys.version_info for the setup check: a tuple with .major and .minor."""

    def __new__(cls, major, minor):
        return super().__new__(cls, (major, minor, 0))

    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])


@pytest.mark.parametrize("version, ok", [((3, 10), False), ((3, 11), True), ((3, 14), True)])
def test_setup_check_accepts_the_oldest_supported_python(monkeypatch, version, ok):
    monkeypatch.setattr(setup_check, "sys", SimpleNamespace(version_info=_VersionInfo(*version), modules={}))
    name, found, fix = setup_check.setup_report()[0]
    assert (name, found, fix is None) == ("python", "{}.{}".format(*version), ok)


MAKE = shutil.which("make")


def make_finds(tmp_path, pythons, goal="show-python", *args):
    """Run the Makefile with only `pythons` ({name: target}) on PATH; (exit code, output)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, target in pythons.items():
        (folder / name).symlink_to(target)
    result = subprocess.run([MAKE, "-s", "-C", str(ROOT), "--eval", "show-python: ; $(info $(PYTHON))", goal, *args],
                            env={"PATH": str(folder)}, capture_output=True, text=True, timeout=60)
    return result.returncode, (result.stdout + result.stderr).strip(), folder


@pytest.fixture
def cannot_run(tmp_path):
    """A stand-in for a Python that fails to run (a pyenv shim of an inactive version, or a too-old one)."""
    script = tmp_path / "broken"
    script.write_text("#!/bin/sh\nexit 1\n")
    script.chmod(0o755)
    return script


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
@pytest.mark.parametrize("names, chosen", [
    (["python3.13", "python3"], "python3.13"),
    (["python3.14"], "python3.14"),
    (["python3.12", "python3.11", "python3.13"], "python3.11"),  # oldest first: what Binder runs
    (["python3"], "python3"),
])
def test_makefile_finds_any_supported_python_on_path(tmp_path, names, chosen):
    code, out, folder = make_finds(tmp_path, {name: sys.executable for name in names})
    assert code == 0 and out == str(folder / chosen)


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_makefile_skips_a_python_that_does_not_run(tmp_path, cannot_run):
    code, out, folder = make_finds(tmp_path, {"python3.11": cannot_run, "python3.13": sys.executable})
    assert code == 0 and out == str(folder / "python3.13")


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_makefile_says_what_to_do_when_no_supported_python_is_found(tmp_path, cannot_run):
    code, out, _ = make_finds(tmp_path, {"python3": cannot_run}, "setup", f"VENV={tmp_path / 'venv'}")
    assert code != 0
    assert "No Python 3.11 to 3.14 found on PATH" in out and "PYTHON=/path/to/python3.13" in out
    assert not (tmp_path / "venv").exists()


def test_binder_installs_the_package_in_postbuild_not_environment_yml():
    assert "-e ." not in (ROOT / "environment.yml").read_text()
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o100, "postBuild must be executable"
    assert "pip install" in post_build.read_text()


def course_config_files():
    return sorted(p.relative_to(ROOT / "jupyter_config") for p in (ROOT / "jupyter_config").rglob("*") if p.is_file())


def test_binder_postbuild_puts_the_quiet_jupyter_config_in_the_environment(tmp_path):
    """postBuild run as repo2docker runs it, with a stand-in `python` whose environment is tmp_path/env."""
    (tmp_path / "bin").mkdir()
    stand_in = tmp_path / "bin" / "python"
    stand_in.write_text(f'#!/bin/sh\n# -m pip ...: nothing to install here; -c ...: print sys.prefix\n'
                        f'[ "$1" = -c ] && echo "{tmp_path / "env"}"\nexit 0\n')
    stand_in.chmod(0o755)
    result = subprocess.run(["bash", str(ROOT / "postBuild")], cwd=ROOT, capture_output=True, text=True,
                            env={"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "env" / "etc" / "jupyter"
    assert [str(p) for p in course_config_files()] == ["jupyter_lab_config.json", "labconfig/page_config.d/lstm-course.json"]
    for name in course_config_files():
        assert (installed / name).read_bytes() == (ROOT / "jupyter_config" / name).read_bytes()


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_lab_puts_the_quiet_jupyter_config_on_the_config_path(tmp_path):
    ready = tmp_path / "installed"
    ready.touch()  # so the dry run shows only the lab command, not a setup
    result = subprocess.run([MAKE, "-n", "-s", "-C", str(ROOT), "lab", f"READY={ready}"],
                            capture_output=True, text=True, timeout=60)
    assert f'JUPYTER_CONFIG_PATH="{ROOT}/jupyter_config' in result.stdout
    assert "jupyter lab" in result.stdout and "notebooks/00_start_here.ipynb" in result.stdout
    settings = json.loads((ROOT / "jupyter_config" / "jupyter_lab_config.json").read_text())["LabApp"]
    assert settings == {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
                        "extension_manager": "readonly"}
