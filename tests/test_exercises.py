import json
import math
import re
from pathlib import Path

import pytest

import lstm_helpers as lh
from lstm_helpers.exercises import ChoiceExercise, ExplanationExercise, Feedback, FunctionExercise, NumberExercise
from lstm_helpers.questions import all_exercise_sets

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = [(s.notebook, name, q) for s in all_exercise_sets() for name, q in s.items()]
IDS = [f"{nb[:2]}-{name}" for nb, name, _ in EXERCISES]
WRONG_TYPES = [None, "abc", "", [1, 2], {}, object(), float("nan"), float("inf"), 1e308, -1e308, True, lambda: 1, print]


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_model_answer_is_correct(notebook, name, q):
    assert q.assess(q.model_answer).correct


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_placeholder_is_not_attempted(notebook, name, q):
    assert q.assess(lh.____).kind == "unattempted"
    if isinstance(q, FunctionExercise):
        assert q.assess(lambda x: lh.____).kind == "unattempted"


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_wrong_types_fail_politely(notebook, name, q):
    for wrong in WRONG_TYPES:
        feedback = q.assess(wrong)
        assert feedback.kind == "incorrect", (wrong, feedback)
        assert feedback.message and "Traceback" not in feedback.message


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_each_likely_mistake_gets_its_own_reason(notebook, name, q):
    if isinstance(q, NumberExercise):
        for wrong, reason in q.mistakes:
            assert q.assess(wrong).message.endswith(reason)
    elif isinstance(q, FunctionExercise):
        for wrong, reason in q.mistakes:
            assert q.assess(wrong).message.endswith(reason)
    elif isinstance(q, ChoiceExercise):
        for option in q.options:
            feedback = q.assess(option)
            assert feedback.correct == (option == q.answer)
            assert q.reasons[option] in feedback.message
    elif isinstance(q, ExplanationExercise):
        missing = q.assess("I do not really know the answer here")
        assert not missing.correct and all(idea in missing.message for idea, _ in q.key_ideas)


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_hints_are_graded_and_bounded(notebook, name, q):
    assert len(q.hints) >= 2
    first, second = q.hint_feedback(1), q.hint_feedback(2)
    assert first.message.startswith(f"1/{len(q.hints)}") and second.message.startswith(f"2/{len(q.hints)}")
    assert "hints 1 to" in q.hint_feedback(len(q.hints) + 1).message
    assert "hints 1 to" in q.hint_feedback("2").message


def test_hint_without_a_number_gives_the_next_one():
    q = lh.exercises_for("01").q3
    messages = [q.hint_feedback().message for _ in range(len(q.hints) + 1)]
    assert [m.split(":")[0] for m in messages] == ["1/3", "2/3", "3/3", "3/3"]
    assert messages[-1].endswith("(that was the last hint)")


def test_number_exercise_generic_reasons():
    q = NumberExercise("?", expected=0.75, hints=["a", "b"], solution="s", tolerance=0.005)
    assert q.assess(0.752).correct
    assert "wrong sign" in q.assess(-0.75).message
    assert "round too early" in q.assess(0.78).message
    assert "Try .hint()" in q.assess(3).message
    assert "should be a number" in q.assess("0.75").message


def test_function_exercise_reports_the_failing_input():
    q = lh.exercises_for("01").q2
    assert "raised ZeroDivisionError" in q.assess(lambda x: 1 / x).message
    assert "for x = 1.0 your function returns" in q.assess(lambda x: x if x == 0 else 2 * x).message
    assert "function itself" in q.assess(0.5).message
    assert q.assess(math.tanh).correct


def test_explanation_needs_a_sentence():
    q = lh.exercises_for("02").q4
    assert "a few words are not enough" in q.assess("vanishes").message
    assert q.assess("w is multiplied again and again, so the gradient becomes tiny").correct


def test_choice_ignores_case_and_spaces():
    assert lh.exercises_for("01").q4.assess("  Sigmoid ").correct


def test_feedback_is_plain_text_and_coloured_html():
    feedback = Feedback("incorrect", "try `math.exp` & <b>")
    assert repr(feedback) == "Not yet: try `math.exp` & <b>"
    html = feedback._repr_html_()
    assert "<code>math.exp</code>" in html and "&amp; &lt;b&gt;" in html and "#D55E00" in html


def test_check_hint_and_solution_print_outside_ipython(capsys):
    q = lh.exercises_for("00").q1
    q.check()
    q.check(q.model_answer)
    q.hint(1)
    q.solution()
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Not attempted yet", "Correct", "Hint", "Solution"]


def test_exercises_for_names_what_it_knows():
    assert lh.exercises_for("01_activation_functions").notebook == "01_activation_functions"
    with pytest.raises(ValueError, match="notebook must be one of 00, 01, 02"):
        lh.exercises_for("99")


def _notebook(name):
    return json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text())


def test_every_exercise_is_used_in_its_notebook_and_no_other_exists():
    for exercise_set in all_exercise_sets():
        nb = _notebook(exercise_set.notebook)
        source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        assert f'lh.exercises_for("{exercise_set.notebook[:2]}")' in source
        used = set(re.findall(r"\bex\.(q\d+)\.check\(", source))
        assert used == set(exercise_set.names()), exercise_set.notebook
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        if "ex.q" in path.read_text():
            assert path.stem in [s.notebook for s in all_exercise_sets()]


def test_stored_outputs_hold_no_solution_text():
    for exercise_set in all_exercise_sets():
        if exercise_set.notebook == "00_start_here":
            continue  # 00 shows one solution on purpose, to show what solution() looks like
        nb = _notebook(exercise_set.notebook)
        outputs = json.dumps([c.get("outputs", []) for c in nb["cells"]])
        assert "Solution:" not in outputs
        for _, q in exercise_set.items():
            assert q.solution_text[:40] not in outputs
            for hint in q.hints:
                assert hint[:40] not in outputs


def test_a_mistake_that_would_count_as_correct_is_refused():
    with pytest.raises(ValueError, match="within the tolerance"):
        NumberExercise("?", expected=1.0, hints=["a", "b"], solution="s", tolerance=0.01, mistakes=[(1.005, "x")])
