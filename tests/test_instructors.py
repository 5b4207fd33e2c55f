import re
from pathlib import Path

from tools.build_instructors import GUIDE, updated

ROOT = Path(__file__).resolve().parents[1]


def test_answers_are_up_to_date_with_the_package():
    text = GUIDE.read_text()
    assert text == updated(text), "run `make notebooks` (or python tools/build_instructors.py)"


def test_every_notebook_has_a_section_with_minutes():
    text = GUIDE.read_text()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        section = re.search(rf"^## {path.stem[:2]} · .*?(?=^## )", text, re.S | re.M)
        assert section, f"INSTRUCTORS.md has no section for {path.stem}"
        for part in ("**Objectives:**", "**Minutes:**", "**Where learners go wrong:**", "**Ask the room:**"):
            assert part in section.group(0), f"{path.stem}: {part} missing"
        assert f"### {path.stem}" in text or "ex.q" not in path.read_text(), f"{path.stem}: answers missing"


def test_readme_links_the_guide():
    assert "(INSTRUCTORS.md)" in (ROOT / "README.md").read_text()
