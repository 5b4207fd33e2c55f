"""requirements.txt is the one place packages are pinned; environment.yml must agree."""

import re
import sys
from pathlib import Path

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


def test_python_minor_version_matches_the_one_tests_run_on():
    assert conda_pins()["python"] == f"{sys.version_info.major}.{sys.version_info.minor}"


def test_binder_installs_the_package_in_postbuild_not_environment_yml():
    assert "-e ." not in (ROOT / "environment.yml").read_text()
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o100, "postBuild must be executable"
    assert "pip install" in post_build.read_text()
