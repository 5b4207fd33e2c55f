"""Write the answers to every exercise into INSTRUCTORS.md, from lstm_helpers itself.

The answers sit between two markers; everything else in the file is written by hand.
`make notebooks` runs this; a test checks the file is up to date.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lstm_helpers.questions import all_exercise_sets  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "INSTRUCTORS.md"
START, END = "<!-- answers:start (tools/build_instructors.py) -->", "<!-- answers:end -->"


def answers_markdown():
    lines = []
    for exercise_set in all_exercise_sets():
        lines += ["", f"### {exercise_set.notebook}", ""]
        for name, q in exercise_set.items():
            solution = q.solution_text.replace("\n", "\n    ")
            lines += [f"- **{name}** ({type(q).__name__.removesuffix('Exercise').lower()}). {q.prompt}",
                      f"  - Answer: {solution}" if "\n" not in q.solution_text else
                      f"  - Answer:\n\n    ```python\n    {solution}\n    ```\n"]
    return "\n".join(lines) + "\n"


def updated(text):
    before, _, rest = text.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{answers_markdown()}{END}{after}"


if __name__ == "__main__":
    GUIDE.write_text(updated(GUIDE.read_text()))
    print(f"answers written to {GUIDE.relative_to(ROOT)}")
