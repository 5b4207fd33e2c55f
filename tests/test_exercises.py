import copy
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.exercises import (
    ChoiceExercise, ExplanationExercise, Feedback, FunctionExercise, NumberExercise, all_exercise_sets, normalised,
)
from tools.build_instructors import prompts

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = [(s.notebook, name, q) for s in all_exercise_sets() for name, q in s.items()]
IDS = [f"{nb[:2]}-{name}" for nb, name, _ in EXERCISES]
WRONG_TYPES = [None, "abc", "", [1, 2], {}, object(), float("nan"), float("inf"), 1e308, -1e308, True, lambda: 1, print]


GRADED = [(nb, name, q) for nb, name, q in EXERCISES if not isinstance(q, ExplanationExercise)]
EXPLANATIONS = [(nb, name, q) for nb, name, q in EXERCISES if isinstance(q, ExplanationExercise)]


@pytest.mark.parametrize("notebook, name, q", GRADED, ids=[f"{nb[:2]}-{n}" for nb, n, _ in GRADED])
def test_model_answer_is_correct(notebook, name, q):
    assert q.assess(q.model_answer).correct


@pytest.mark.parametrize("notebook, name, q", EXERCISES, ids=IDS)
def test_placeholder_is_not_attempted(notebook, name, q):
    assert q.assess(lh.____).kind == "unattempted"
    if isinstance(q, FunctionExercise):
        assert q.assess(lambda *args: lh.____).kind == "unattempted"


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
        # The listed mistakes are written with the course's own functions (a learner's would not be):
        # hide them from the copy detection, which test_lstm_code_exercises_* checks on its own.
        q = copy.copy(q)
        q.library = q.library_calls = ()
        for wrong, reason in q.mistakes:
            assert q.assess(wrong).message.endswith(reason)
    elif isinstance(q, ChoiceExercise):
        for option in q.options:
            feedback = q.assess(option)
            assert feedback.correct == (option == q.answer)
            assert q.reasons[option] in feedback.message
    elif isinstance(q, ExplanationExercise):
        shown = q.assess("I do not really know the answer here")
        assert shown.kind == "self-assessment" and all(point in shown.message for point in q.points)


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
    q = NumberExercise(expected=0.75, hints=["a", "b"], solution="s", tolerance=0.005)
    assert q.assess(0.752).correct
    assert "wrong sign" in q.assess(-0.75).message
    assert "round too early" in q.assess(0.78).message
    assert "Try .hint()" in q.assess(3).message
    assert "without quotes" in q.assess("0.75").message
    assert "should be one number" in q.assess([0.75]).message


def test_function_exercise_reports_the_failing_input():
    q = lh.exercises_for("01").q2
    assert "raised ZeroDivisionError" in q.assess(lambda x: 1 / x).message
    assert "for x = 1 your function returns 2, expected 0.761594" in q.assess(lambda x: x if x == 0 else 2 * x).message
    assert "function itself" in q.assess(0.5).message


def my_tanh_by_library(x):
    return math.tanh(x)


def my_tanh_by_formula(x):
    return (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))


def test_a_function_exercise_is_not_fooled_by_the_library():
    q = lh.exercises_for("01").q2
    for library in (math.tanh, np.tanh, lh.tanh):
        feedback = q.assess(library)
        assert not feedback.correct and "library's own" in feedback.message
    feedback = q.assess(my_tanh_by_library)
    assert not feedback.correct and "uses `tanh`" in feedback.message
    assert q.assess(my_tanh_by_formula).correct


def test_lstm_code_exercises_take_the_learners_own_arithmetic():
    p = lh.EXAMPLE_PARAMS

    def my_lstm_step(input_value, long_memory, short_memory):
        def s(g):
            return g.w_short * short_memory + g.w_input * input_value + g.bias
        long = lh.sigmoid(s(p.forget)) * long_memory + lh.sigmoid(s(p.input)) * lh.tanh(s(p.candidate))
        return long, lh.sigmoid(s(p.output)) * lh.tanh(long)

    def copied(input_value, long_memory, short_memory):
        step = lh.lstm_step(input_value, long_memory, short_memory)
        return step.long_memory, step.short_memory

    def forgot_the_bias(input_value, long_memory, short_memory):
        long, short = my_lstm_step(input_value, long_memory, short_memory)
        return long, short + 0.1

    q = lh.exercises_for("03").q3
    assert q.assess(my_lstm_step).correct
    assert "uses `lstm_step`" in q.assess(copied).message

    step_fn = lh.lstm_step  # another name for it, and a helper that calls it: both are seen

    def aliased(input_value, long_memory, short_memory):
        step = step_fn(input_value, long_memory, short_memory)
        return step.long_memory, step.short_memory

    def helper(input_value, long_memory, short_memory):
        return copied(input_value, long_memory, short_memory)

    for sneaky in (aliased, helper):
        feedback = q.assess(sneaky)
        assert not feedback.correct and "uses `lstm_step`" in feedback.message
    wrong = q.assess(forgot_the_bias)
    assert not wrong.correct and "input_value = 1, long_memory = 2, short_memory = 1" in wrong.message
    assert "returns (2.94757, 1.08623), expected (2.94757, 0.986229)" in wrong.message
    assert not q.assess(lambda x, long, short: 2.95).correct, "one number where two are asked for"

    def my_unroll(values):
        long = short = 0.0
        for value in values:
            long, short = my_lstm_step(value, long, short)
        return short

    assert lh.exercises_for("04").q1.assess(my_unroll).correct
    assert not lh.exercises_for("04").q1.assess(lambda values: lh.unroll(values).prediction).correct


NEGATIONS = (("cannot", "can"), ("vanishes", "explodes"), ("no weight", "a weight"), ("near 1", "near 0"),
             ("almost 0", "huge"), ("large", "small"), ("flat", "steep"), ("only", "never"))


def _negated(text):
    for word, opposite in NEGATIONS:
        text = text.replace(word, opposite)
    return "It is not true that " + text


@pytest.mark.parametrize("notebook, name, q", EXPLANATIONS, ids=[f"{nb[:2]}-{n}" for nb, n, _ in EXPLANATIONS])
def test_an_explanation_is_never_graded_correct(notebook, name, q):
    words = re.findall(r"[a-z^0-9]+", " ".join(q.points).lower())
    salad = " ".join(words[::2] * 3)
    for text in (q.model_answer, _negated(q.model_answer), salad, "vanish vanish no weight gate gate",
                 "the learning rate is too large so the gradient explodes"):
        feedback = q.assess(text)
        assert feedback.kind == "self-assessment", feedback
        assert not feedback.correct and "Correct" not in repr(feedback)
        assert text[:50] in feedback.message and q.model_answer in feedback.message
    assert "a few words are not enough" in q.assess("vanishes").message
    assert q.assess("x " * 10**6).message.count("x") < 1000, "a huge answer is not echoed whole"


def test_choice_ignores_case_and_spaces():
    assert lh.exercises_for("01").q4.assess("  Sigmoid ").correct


def test_feedback_is_plain_text_and_coloured_html():
    feedback = Feedback("incorrect", "try `math.exp` & <b>")
    assert repr(feedback) == "Not yet: try `math.exp` & <b>"
    html = feedback._repr_html_()
    # the darker vermillion that reads at 4.5:1 on white (issue 22), not Okabe-Ito's #D55E00 at 3.87
    assert "<code>math.exp</code>" in html and "&amp; &lt;b&gt;" in html and "#B34700" in html


@pytest.mark.parametrize("notebook, name, q", [e for e in EXERCISES if isinstance(e[2], FunctionExercise)],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_code_in_a_solution_is_shown_as_code_with_its_indentation(notebook, name, q):
    feedback = Feedback("solution", q.solution_text)
    text, html = repr(feedback), feedback._repr_html_()
    body = re.search(r"```python\n(.*?)\n```", text, re.S).group(1)
    assert "\n    return " in body, "plain text keeps the indentation"
    compile(body, "<solution>", "exec")  # and it pastes into a cell as it is
    pre = re.search(r"<pre[^>]*white-space:pre[^>]*><code>(.*?)</code></pre>", html, re.S)
    assert pre and "\n    return " in pre.group(1) and "<br>" not in pre.group(1)


def test_messages_about_odd_answers_are_written_for_a_learner():
    q = lh.exercises_for("01").q2
    message = q.assess(lambda x: np.float64(0.25)).message
    assert "returns 0.25, expected" in message and "np.float64(" not in message
    assert "got bool True" in q.hint_feedback(True).message and "True/" not in q.hint_feedback(True).message
    number = lh.exercises_for("00").q1
    assert "too large" in number.assess(10**400).message
    assert len(number.assess("x" * 10**6).message) < 200
    assert "rounded to one decimal" in lh.exercises_for("04").q3.assess(0.4).message
    bias = lh.exercises_for("03").q5
    assert "without quotes" in bias.assess("-10").message and bias.assess(-10).correct
    assert bias.assess(-2).message.startswith("-2: "), "options read as the question writes them"
    choice = lh.exercises_for("01").q4
    for odd in (np.array(["sigmoid"]), 10**400, np.array([1.0, 2.0])):
        message = choice.assess(odd).message
        assert message.startswith("choose one of") and "could not" not in message


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
        NumberExercise(expected=1.0, hints=["a", "b"], solution="s", tolerance=0.01, mistakes=[(1.005, "x")])


def _cells(name):
    return [(c["cell_type"], "".join(c["source"]), c.get("outputs", [])) for c in _notebook(name)["cells"]]


def _output_text(outputs):
    return "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")) for o in outputs)


@pytest.mark.parametrize("exercise_set", all_exercise_sets(), ids=lambda s: s.notebook[:2])
def test_exercises_come_in_the_order_of_their_numbers(exercise_set):
    checks = [int(n) for kind, source, _ in _cells(exercise_set.notebook) if kind == "code"
              for n in re.findall(r"\bex\.q(\d+)\.check\(", source)]
    checks = list(dict.fromkeys(checks))  # notebook 00 checks q1 several times, to show how checks answer
    assert checks == list(range(1, len(checks) + 1)), f"{exercise_set.notebook}: checks in the order q{checks}"


@pytest.mark.parametrize("exercise_set", all_exercise_sets(), ids=lambda s: s.notebook[:2])
def test_no_number_answer_is_printed_above_its_question(exercise_set):
    cells = _cells(exercise_set.notebook)
    for name, q in exercise_set.items():
        if not isinstance(q, NumberExercise) or abs(q.expected) < 0.05:
            continue
        at = next(i for i, (kind, source, _) in enumerate(cells) if f"ex.{name}.check(" in source)
        above = "".join(_output_text(outputs) for _, _, outputs in cells[:at])
        for shown in {f"{q.expected:.2f}", f"{q.expected:.3f}", f"{q.expected:.4f}"}:
            assert not re.search(rf"(?<![\d.]){re.escape(shown)}(?!\d)", above), \
                f"{exercise_set.notebook} {name}: its answer {shown} is printed above it"


@pytest.mark.parametrize("exercise_set", all_exercise_sets(), ids=lambda s: s.notebook[:2])
def test_every_question_is_asked_in_its_notebook_with_its_options(exercise_set):
    asked = prompts(exercise_set.notebook)
    assert set(asked) == set(exercise_set.names()), f"{exercise_set.notebook}: no 'Your turn (qN)' for some"
    for name, q in exercise_set.items():
        lettered = [o for o in getattr(q, "options", ()) if isinstance(o, str) and re.fullmatch(r"[a-z]", o)]
        if lettered:
            assert re.findall(r"^\(([a-z])\) ", asked[name], re.M) == lettered, f"{exercise_set.notebook} {name}"


# Issue 23: every way of writing a right answer is accepted, never a wrong one.
RIGHT_06_Q2 = ["forget 5, input -3", "forget 5, input \u22123", "forget 5,input -3", "forget 5, input -3.0",
               "forget 5.0, input -3.0", "  Forget 5, Input -3. ", "'forget 5, input -3'"]
WRONG_06_Q2 = ["forget 5, input 3", "forget 5, input -3.5", "forget 5, input 0", "forget -5, input -3",
               "forget 5", "input -3", "forget 5, input -3, forget 0", "forget 50, input -3", "5, -3"]


def test_06_q2_accepts_the_right_biases_however_written():
    q = lh.exercises_for("06").q2
    assert q.answer == "forget 5, input -3"
    for right in RIGHT_06_Q2:
        assert q.assess(right).correct, right
    for wrong in WRONG_06_Q2:
        assert not q.assess(wrong).correct, wrong
    assert q.assess("forget 0.0,input 0").message.startswith("'forget 0, input 0': "), "a wrong option keeps its reason"


def test_the_same_is_accepted_in_other_words_and_nothing_else_is():
    q = lh.exercises_for("07").q3
    for right in ("the same", "same", "the same.", "unchanged", "The Same", "no change", "identical", "no different"):
        assert q.assess(right).correct, right
    for wrong in ("better", "worse", "not the same", "different", "changed", "same or better", "the", ""):
        assert not q.assess(wrong).correct, wrong
    assert lh.exercises_for("04").q2.assess("same").message.startswith("'the same': "), "04 q2's wrong option"


def test_06_q1_tolerance_follows_the_four_decimals_asked_for():
    q = lh.exercises_for("06").q1
    assert abs(q.expected - 0.9 ** 50) < 1e-15 and f"{q.expected:.6f}" == "0.005154"
    for right in (0.0052, 0.00515, 0.005154, 0.9 ** 50):
        assert q.assess(right).correct, right
    for wrong in (0.0051, 0.0053, 0.005, 0.01):
        assert not q.assess(wrong).correct, wrong
    assert "rounded to 4 decimals" in q.assess(0.0051).message


def test_every_number_asked_to_d_decimals_takes_exactly_the_rounded_answer():
    for exercise_set in all_exercise_sets():
        for name, q in exercise_set.items():
            if isinstance(q, NumberExercise) and q.decimals is not None:
                unit = 10.0 ** -q.decimals
                rounded = round(q.expected, q.decimals)
                assert q.assess(rounded).correct, (exercise_set.notebook, name)
                assert not q.assess(rounded + unit).correct and not q.assess(rounded - unit).correct, \
                    (exercise_set.notebook, name)


def test_choices_are_normalised_one_way():
    assert normalised("Forget 5.0,input \u22123.") == normalised("forget 5, input -3") == ("forget", "5", "input", "-3")
    assert normalised("(c)") == normalised(" C ") == ("c",)
    assert normalised("the same.") == ("the", "same") != normalised("not the same")
