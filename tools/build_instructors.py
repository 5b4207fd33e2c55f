"""Write every exercise's question and answer into INSTRUCTORS.md: the question as the notebook's
source words it ("**Your turn (q1).** ..."), the answer from lstm_helpers itself.

The answers sit between two markers; everything else in the file is written by hand.
`make notebooks` runs this; a test checks the file is up to date.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lstm_helpers.exercises import ExplanationExercise, all_exercise_sets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "INSTRUCTORS.md"
SOURCES = ROOT / "notebook_sources"
START, END = "<!-- answers:start (tools/build_instructors.py) -->", "<!-- answers:end -->"
YOUR_TURN = re.compile(r"\*\*Your turn \((q\d+)\)\.\*\*\s*")


def _markdown_cells(source):
    """The markdown cells of a jupytext percent source, each as text without its '# ' prefixes."""
    cells = re.split(r"^# %%.*$", source, flags=re.M)
    headers = re.findall(r"^# %%.*$", source, flags=re.M)
    return ["\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in body.strip("\n").splitlines())
            for header, body in zip(headers, cells[1:]) if "[markdown]" in header]


def prompts(notebook):
    """{"q1": the question's markdown, ...} for `notebook` ("03_one_lstm_unit"): everything from its
    "**Your turn (qN).**" to the end of that markdown cell, the label left out."""
    found = {}
    for cell in _markdown_cells((SOURCES / f"{notebook}.py").read_text()):
        for match in YOUR_TURN.finditer(cell):
            found[match.group(1)] = cell[match.end():].strip()
    return found


def _items(paragraph):
    """A markdown paragraph as one line, or a bulleted list as one line per item."""
    lines = paragraph.splitlines()
    if not lines[0].startswith("- "):
        return [" ".join(line.strip() for line in lines)]
    items = []
    for line in lines:
        if line.startswith("- "):
            items.append(line[2:].strip())
        else:
            items[-1] += " " + line.strip()
    return items


def prompt_lines(name, kind, markdown):
    """The question as markdown list lines: its first paragraph after the name, the rest beneath."""
    first, *rest = [item for paragraph in re.split(r"\n\s*\n", markdown) for item in _items(paragraph)]
    return [f"- **{name}** ({kind}). {first}"] + [f"  - {item}" for item in rest]


def _indented(text, spaces):
    """Text as markdown under a list item: every line indented, code fences kept."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip("\n").splitlines())


def answers_markdown():
    lines = []
    for exercise_set in all_exercise_sets():
        lines += ["", f"### {exercise_set.notebook}", ""]
        asked = prompts(exercise_set.notebook)
        for name, q in exercise_set.items():
            kind = type(q).__name__.removesuffix("Exercise").removeprefix("Measured").lower()
            lines += prompt_lines(name, kind, asked[name])
            if isinstance(q, ExplanationExercise):
                lines.append("  - Never graded: the learner compares with this model answer. " + q.solution_text)
                lines += [f"    - {point}" for point in q.points]
            elif "```" in q.solution_text:
                lines += ["  - Answer:", "", _indented(q.solution_text, 4), ""]
            else:
                lines.append(f"  - Answer: {q.solution_text}")
    return "\n".join(lines) + "\n"


def updated(text):
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{answers_markdown()}{END}{after}"


if __name__ == "__main__":
    GUIDE.write_text(updated(GUIDE.read_text()))
    print(f"answers written to {GUIDE.relative_to(ROOT)}")
