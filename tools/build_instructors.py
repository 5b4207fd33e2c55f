"""Write the answers to every exercise into INSTRUCTORS.md, from lstm_helpers itself.

The answers sit between two markers; everything else in the file is written by hand.
`make notebooks` runs this; a test checks the file is up to date.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lstm_helpers.exercises import ExplanationExercise  # noqa: E402
from lstm_helpers.questions import all_exercise_sets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "INSTRUCTORS.md"
START, END = "<!-- answers:start (tools/build_instructors.py) -->", "<!-- answers:end -->"


def _indented(text, spaces):
    """Text as markdown under a list item: every line indented, code fences kept."""
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip("\n").splitlines())


def answers_markdown():
    lines = []
    for exercise_set in all_exercise_sets():
        lines += ["", f"### {exercise_set.notebook}", ""]
        for name, q in exercise_set.items():
            kind = type(q).__name__.removesuffix("Exercise").lower()
            prompt, *options = q.prompt.split("\n")
            lines.append(f"- **{name}** ({kind}). {prompt}")
            lines += [f"  - {option}" for option in options]
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
