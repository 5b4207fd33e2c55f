"""The exercises' layout: a question is written once (in its notebook), and nothing trains when
the exercise modules are imported or a notebook's exercises are set up."""

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lstm_helpers as lh
from lstm_helpers.exercises import NOTEBOOKS, MeasuredChoice
from tools.build_instructors import prompts

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lstm_helpers"


def _plain(text):
    """Text as words only: no markdown marks, quotes or spacing, lower case."""
    return " ".join(re.findall(r"[a-z0-9^|<>=.,;:()\-+%]+", re.sub(r"[*`\"']", "", text.lower())))


def _sentences(markdown):
    """A question's sentences and option lines, of five words or more."""
    parts = re.split(r"(?<=[.?!:;])\s+|\n\s*\n|\n- |\n\(?[a-z]\) ", markdown)
    return [s for s in (_plain(p).strip(" .") for p in parts) if len(s.split()) >= 5]


def _package_strings():
    """Every string written in the package's source (f-strings' fixed parts included), joined."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append(node.value)
    return " | ".join(_plain(text) for text in found)


def test_every_question_is_written_once_in_its_notebook_not_in_the_package():
    sentences = [(notebook, name, sentence) for notebook in NOTEBOOKS
                 for name, markdown in prompts(notebook).items() for sentence in _sentences(markdown)]
    assert len(sentences) > 60, "the notebooks' questions were not found"
    package = _package_strings()
    twice = [f"{notebook} {name}: {sentence!r}" for notebook, name, sentence in sentences if sentence in package]
    assert not twice, "written in the notebook and again in lstm_helpers:\n" + "\n".join(twice)


def test_the_check_for_a_question_written_twice_can_fail():
    sentence = _sentences(prompts("06_long_memories")["q4"])[-1]
    assert sentence in _plain("(c) An LSTM learns any long lag, whatever its starting biases.")
    assert not any(hasattr(q, "prompt") for s in lh.exercises.all_exercise_sets() for _, q in s.items())


# Training entry points, by file and qualified name: none may run while exercises are imported or set up.
TRAINING = {("training.py", "train_lstm"), ("sequence_model.py", "train_sequence_model"),
            ("lstm_window.py", "LSTMWindow.fit"), ("baselines.py", "LinearWindow.fit"),
            ("baselines.py", "ValidationChoice.fit"), ("baselines.py", "TrainingMean.fit"),
            ("long_lag.py", "long_lag_experiment"), ("evaluation.py", "evaluate"),
            ("random_split.py", "random_split_check"), ("walk_forward.py", "walk_forward")}

WATCH = """
import json, sys, time
training = {tuple(pair) for pair in json.loads(sys.argv[1])}
called = []
def watch(frame, event, arg):
    if event == "call" and (frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_qualname) in training:
        called.append(frame.f_code.co_qualname)
start = time.perf_counter()
sys.setprofile(watch)
import lstm_helpers as lh
from lstm_helpers.exercises import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07
sets = [lh.exercises_for(n) for n in ("00", "01", "02", "03", "04", "05", "06", "07")]
for s in sets:
    for name, q in s.items():
        q.assess(lh.____)
        q.hint_feedback(1)
sys.setprofile(None)
print(json.dumps({"called": called, "seconds": time.perf_counter() - start, "sets": len(sets)}))
"""


def test_importing_and_setting_up_every_notebooks_exercises_trains_nothing():
    out = subprocess.run([sys.executable, "-c", WATCH, json.dumps(sorted(TRAINING))], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    report = json.loads(out.stdout)
    assert report["sets"] == 8 and report["called"] == [], report  # behaviour, not time (issue 21)


def test_the_watch_sees_training_when_there_is_some():
    code = WATCH.replace("sys.setprofile(None)", "lh.exercises_for('05').q2.answer\nsys.setprofile(None)")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(sorted(TRAINING))], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    assert "train_lstm" in json.loads(out.stdout)["called"]


def test_a_measured_answer_is_measured_once_on_first_need_and_kept():
    runs = []

    def measure(**results):
        runs.append(results)
        return "a", {"a": "right", "b": "wrong"}, "(a)."

    q = MeasuredChoice(options=("a", "b"), measure=measure, hints=["h1", "h2"])
    q.check()  # the placeholder: nothing measured
    assert runs == [] and q.hint_feedback(1).message.startswith("1/2")
    q.check("b", model="the notebook's")
    assert runs == [{"model": "the notebook's"}] and not q.assess("b").correct and q.assess("a").correct
    assert q.solution_text == "(a)." and len(runs) == 1


@pytest.mark.parametrize("wrong", [object(), "lstm", 8, lh.LSTMWindow(4)])
def test_07_q4_names_the_lstm_it_needs(wrong):
    q = lh.exercises_for("07").q4
    with pytest.raises(TypeError, match="lstm must be the fitted LSTMWindow"):
        q.check("b", lstm=wrong)
