"""lstm_helpers installs as a normal distribution: a wheel built from this checkout, with its data
files and without setuptools warnings, installed by pip (with its dependencies) into a new venv."""

import re
import subprocess
import sys
import venv
import zipfile

import pytest

from tests.colab.conftest import kernel_environment

pytestmark = pytest.mark.colab  # slow: pip resolves numpy, matplotlib and ipywidgets from the registry

WARNING = re.compile(r"\b\w*Warning: .*")  # SetuptoolsDeprecationWarning: ..., _Warning: Package ... absent


@pytest.fixture(scope="module")
def wheel(course_checkout, tmp_path_factory):
    """The wheel pip builds from the checkout (isolated build: the setuptools pyproject.toml asks for)."""
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--verbose", "--disable-pip-version-check",
                            "--wheel-dir", str(dist), str(course_checkout)], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    return next(dist.glob("lstm_helpers-*.whl")), built.stdout + built.stderr


def test_the_wheel_builds_without_setuptools_warnings(wheel):
    _, log = wheel
    assert "running bdist_wheel" in log  # the build's own output is in the log we search
    assert not WARNING.findall(log), WARNING.findall(log)


def test_the_wheel_holds_the_package_its_subpackages_and_data_and_nothing_else(wheel, course_checkout):
    names = zipfile.ZipFile(wheel[0]).namelist()
    assert "lstm_helpers/datasets/prices.csv" in names and "lstm_helpers/results/long_lag_table.csv" in names
    package = {p.relative_to(course_checkout).as_posix() for p in (course_checkout / "lstm_helpers").rglob("*.py")}
    assert package <= set(names), package - set(names)
    assert all(name.startswith(("lstm_helpers/", "lstm_helpers-")) for name in names), names


def test_pip_installs_the_wheel_and_its_data_loads(wheel, tmp_path):
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    env = kernel_environment()  # no PYTHONPATH: only the venv's own lstm_helpers can be imported
    pip = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel[0])],
                         capture_output=True, text=True, env=env)
    assert pip.returncode == 0, pip.stderr[-3000:]
    code = ("import lstm_helpers as lh\n"
            "dates, closes = lh.load_prices(lh.price_tickers()[0])\n"
            "table = lh.long_lag_table()\n"
            "print(lh.__file__, len(dates), len(closes), len(table.rows) > 0)\n")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    where, days, closes, rows = done.stdout.split()
    assert where.startswith(str(tmp_path / "venv")) and int(days) == int(closes) > 1000 and rows == "True"
