"""Binder's postBuild installs lstm_helpers with no network, from the setuptools in the image.

The "image" here is a fresh virtual environment that sees this Python's packages (its
pip and the pinned setuptools, as environment.yml gives Binder) but not its lstm_helpers;
pip is told there is no package index at all.
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _copy_of_the_repository(target):
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           check=True, capture_output=True, text=True, timeout=60).stdout.split("\0")
    for name in filter(None, names):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())
            (target / name).chmod(source.stat().st_mode)
    return target


def test_postbuild_installs_the_package_offline(tmp_path):
    repo = _copy_of_the_repository(tmp_path / "repo")
    image = tmp_path / "image"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(image)], check=True, timeout=120)
    python = image / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True, timeout=60).stdout.strip()
    # pip and setuptools from this Python; .pth files in that folder (our own editable
    # lstm_helpers among them) are not read from a path added this way.
    Path(site, "image_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = dict(os.environ, PATH=f"{image / 'bin'}{os.pathsep}{os.environ['PATH']}", PIP_NO_INDEX="1",
               PIP_FIND_LINKS="", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    done = subprocess.run(["bash", "postBuild"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Installing build dependencies" not in done.stdout, "postBuild fell back to fetching a build backend"
    found = subprocess.run([str(python), "-c", "import lstm_helpers; print(lstm_helpers.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()) == repo / "lstm_helpers" / "__init__.py"


def test_postbuild_falls_back_to_a_normal_install_only_when_the_offline_one_fails():
    script = (ROOT / "postBuild").read_text()
    assert "pip install --no-deps --no-build-isolation -e . \\\n  || python -m pip install --no-deps -e ." in script
    assert os.access(ROOT / "postBuild", os.X_OK)
