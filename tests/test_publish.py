"""publish.toml is the one place the course's address is written: the notebooks' first cells, their
"Open in Colab" badges and next links, the README's badges and make hub-link all agree with it."""

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tools import hub_link, publish
from tools.publish import colab_badge, colab_link, colab_url, first_cell, install_requirement, settings

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def cells(path):
    return [(c["cell_type"], "".join(c["source"])) for c in json.loads(path.read_text())["cells"]]


def test_sources_and_readme_agree_with_publish_toml():
    done = subprocess.run([sys.executable, "tools/publish.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_notebook_starts_with_its_colab_link_and_the_install_cell(path):
    config = settings()
    found = cells(path)
    code = [source for kind, source in found if kind == "code"]
    assert code[0] == first_cell(install_requirement(config)), "run python tools/publish.py, then make notebooks"
    assert found[0][0] == "markdown" and found[0][1].splitlines()[2] == colab_link(path.name, config)
    assert "colab-badge.svg" not in "".join(source for _, source in found)  # an image JupyterLab would fetch
    later = [p for p in NOTEBOOKS if p.stem > path.stem]
    if later:  # the link to the next notebook works in JupyterLab (relative) and in Colab (absolute)
        last = found[-1][1]
        assert f"]({later[0].name}) ([in Colab]({colab_url(later[0].name, config)}))" in last


def test_readme_has_a_colab_badge_for_every_notebook():
    readme = (ROOT / "README.md").read_text()
    for path in NOTEBOOKS:
        assert f"(notebooks/{path.name}) {colab_badge(path.name, settings())} |" in readme


def test_unpublished_the_first_cell_says_how_to_install_by_hand_and_badges_show_the_placeholder():
    config = {"github": "", "branch": "main"}
    assert install_requirement(config) is None
    cell = first_cell(None)
    assert "%pip install /path/to/the/course" in cell and "print(" in cell and "%pip install --quiet" not in cell
    assert "/github/OWNER/REPO/blob/main/notebooks/00_start_here.ipynb" in colab_url("00_start_here.ipynb", config)


def test_published_everything_points_at_the_address_and_the_notebooks_version(tmp_path, monkeypatch):
    toml = tmp_path / "publish.toml"
    toml.write_text('github = "someone/lstm-course"\nbranch = "spring"\n')
    monkeypatch.setattr(publish, "SETTINGS", toml)
    config = settings()
    requirement = f"lstm_helpers @ git+https://github.com/someone/lstm-course@v{VERSION}"
    assert install_requirement(config) == requirement
    source = (ROOT / "notebook_sources" / "03_one_lstm_unit.py").read_text()
    updated = publish.update_source(source, "03_one_lstm_unit.ipynb", config)
    assert publish.update_source(updated, "03_one_lstm_unit.ipynb", config) == updated  # idempotent
    assert f'"--no-deps",\n                    "{requirement}"], check=True)' in updated and "OWNER/REPO" not in updated
    assert "colab.research.google.com/github/someone/lstm-course/blob/spring/notebooks/03_one_lstm_unit.ipynb" in updated
    assert "/blob/spring/notebooks/04_company_a_and_b.ipynb" in updated
    assert updated.count("# %%") == source.count("# %%")  # the first cell replaced, not added again
    readme = publish.update_readme((ROOT / "README.md").read_text(), config)
    assert readme.count("colab.research.google.com/github/someone/lstm-course/blob/spring/") == len(NOTEBOOKS)
    assert publish.repository_url(config) == "https://github.com/someone/lstm-course"


def test_make_hub_link_takes_the_repository_from_publish_toml(tmp_path, monkeypatch, capsys):
    toml = tmp_path / "publish.toml"
    toml.write_text('github = "someone/lstm-course"\nbranch = "spring"\n')
    monkeypatch.setattr(publish, "SETTINGS", toml)
    hub_link.main(["https://hub.example.org"])
    assert capsys.readouterr().out.strip() == hub_link.hub_link(
        "https://hub.example.org", "https://github.com/someone/lstm-course", branch="spring")


def test_without_an_address_make_hub_link_asks_for_one(tmp_path, monkeypatch, capsys):
    toml = tmp_path / "publish.toml"
    toml.write_text('github = ""\n')
    monkeypatch.setattr(publish, "SETTINGS", toml)
    with pytest.raises(SystemExit) as stop:
        hub_link.main(["https://hub.example.org"])
    assert stop.value.code == 2 and "publish.toml" in capsys.readouterr().err


@pytest.mark.parametrize("github", ["someone", "https://github.com/a/b", "a/b/c", "a b/c"])
def test_a_malformed_address_is_refused(tmp_path, github):
    toml = tmp_path / "publish.toml"
    toml.write_text(f'github = "{github}"\n')
    with pytest.raises(ValueError, match="github must be OWNER/REPO"):
        settings(toml)
