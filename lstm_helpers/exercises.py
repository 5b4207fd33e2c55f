"""Exercises that answer back: check, graded hints, and a worked solution.

    ex = lh.exercises_for("01")        # the exercises of notebook 01
    ex.q1.check(answer)           # correct / incorrect, with why / not attempted yet
    ex.q1.hint()                  # the next hint; ex.q1.hint(2) asks for the second
    ex.q1.solution()              # the worked answer

A check never raises for a wrong answer of any type. Starter code holds the
placeholder ____, so an untouched exercise says "not attempted yet".
"""

import math
import numbers
import re
from dataclasses import dataclass
from html import escape


class _Placeholder:
    """The blank a learner replaces with an answer."""

    def __repr__(self):
        return "____"


____ = _Placeholder()

# Okabe-Ito colours, always with a word, so colour is never the only signal.
_STYLES = {
    "correct": ("Correct", "#009E73"),
    "incorrect": ("Not yet", "#D55E00"),
    "unattempted": ("Not attempted yet", "#777777"),
    "hint": ("Hint", "#0072B2"),
    "solution": ("Solution", "#CC79A7"),
}


@dataclass(frozen=True)
class Feedback:
    """What a check, hint or solution says: plain text in a stored output, coloured in JupyterLab."""

    kind: str
    message: str

    @property
    def correct(self):
        return self.kind == "correct"

    def __repr__(self):
        return f"{_STYLES[self.kind][0]}: {self.message}"

    def _repr_html_(self):
        label, colour = _STYLES[self.kind]
        body = escape(self.message).replace("\n", "<br>")
        body = re.sub(r"`([^`]+)`", r"<code>\1</code>", body)
        return (
            f'<div style="border-left:6px solid {colour};padding:4px 10px;margin:2px 0">'
            f'<b style="color:{colour}">{label}:</b> {body}</div>'
        )


def _show(feedback):
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python: print the text
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(feedback)
    else:
        print(repr(feedback))


def _is_placeholder(value):
    return value is ____ or value is Ellipsis


class Exercise:
    """One question: subclasses say how an answer is assessed."""

    def __init__(self, prompt, hints, solution):
        self.prompt = prompt
        self.hints = tuple(hints)
        self._solution = solution
        self._hints_shown = 0

    def assess(self, answer):
        """The Feedback for `answer`, without showing it; never raises."""
        if _is_placeholder(answer):
            return Feedback("unattempted", "replace ____ with your answer, then run the cell again.")
        try:
            return self._assess(answer)
        except Exception as error:  # a check must never crash on a learner's answer
            return Feedback("incorrect", f"the check could not use this answer ({type(error).__name__}: {error}).")

    def check(self, answer=____):
        """Show whether `answer` is right, and why not when it is not."""
        _show(self.assess(answer))

    def hint(self, level=None):
        """Show the next hint, or hint number `level` (1 is the gentlest)."""
        _show(self.hint_feedback(level))

    def hint_feedback(self, level=None):
        if level is None:
            level = min(self._hints_shown + 1, len(self.hints))
        if not isinstance(level, int) or not 1 <= level <= len(self.hints):
            return Feedback("hint", f"this exercise has hints 1 to {len(self.hints)}; try .hint(1).")
        self._hints_shown = max(self._hints_shown, level)
        more = " (more: .hint() again)" if level < len(self.hints) else " (that was the last hint)"
        return Feedback("hint", f"{level}/{len(self.hints)}: {self.hints[level - 1]}{more}")

    def solution(self):
        """Show the worked answer."""
        _show(Feedback("solution", self._solution))

    @property
    def solution_text(self):
        return self._solution


def _as_float(answer):
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    return float(answer)


class NumberExercise(Exercise):
    """A number, right within `tolerance`; `mistakes` map likely wrong numbers to a reason."""

    def __init__(self, prompt, expected, hints, solution, tolerance=0.005, mistakes=()):
        super().__init__(prompt, hints, solution)
        self.expected = float(expected)
        self.tolerance = tolerance
        self.mistakes = tuple(mistakes)  # (wrong value, why someone gets it)
        for wrong, _ in self.mistakes:
            if abs(wrong - self.expected) <= tolerance:
                raise ValueError(f"mistake {wrong} is within the tolerance of the answer {expected}")

    @property
    def model_answer(self):
        return self.expected

    def _assess(self, answer):
        value = _as_float(answer)
        if value is None:
            return Feedback("incorrect", f"the answer should be a number, like 0.5; got {type(answer).__name__} {answer!r}.")
        if not math.isfinite(value):
            return Feedback("incorrect", f"the answer should be a finite number, got {value}.")
        if abs(value - self.expected) <= self.tolerance:
            return Feedback("correct", f"{value:g} is right.")
        for wrong, reason in self.mistakes:
            if abs(value - wrong) <= self.tolerance:
                return Feedback("incorrect", f"{value:g}: {reason}")
        if self.expected and abs(value + self.expected) <= self.tolerance:
            return Feedback("incorrect", f"{value:g} has the right size but the wrong sign.")
        if abs(value - self.expected) <= 10 * self.tolerance:
            return Feedback("incorrect", f"{value:g} is close: did you round too early? Keep every decimal until the end.")
        return Feedback("incorrect", f"{value:g} is not it. Try .hint().")


class FunctionExercise(Exercise):
    """A function the learner writes, compared with `reference` on each of `inputs`."""

    def __init__(self, prompt, reference, inputs, hints, solution, tolerance=1e-6, mistakes=()):
        super().__init__(prompt, hints, solution)
        self.reference = reference
        self.inputs = tuple(inputs)
        self.tolerance = tolerance
        self.mistakes = tuple(mistakes)  # (a wrong function, why someone writes it)

    @property
    def model_answer(self):
        return self.reference

    def _assess(self, function):
        if not callable(function):
            return Feedback("incorrect", f"pass the function itself (its name, no brackets); got {type(function).__name__}.")
        for x in self.inputs:
            try:
                got = function(x)
            except Exception as error:
                return Feedback("incorrect", f"your function raised {type(error).__name__} ({error}) for x = {x}.")
            if _is_placeholder(got):
                return Feedback("unattempted", "your function still returns ____; replace it with your formula.")
            value, want = _as_float(got), self.reference(x)
            if value is not None and math.isfinite(value) and abs(value - want) <= self.tolerance * max(1.0, abs(want)):
                continue
            for wrong, reason in self.mistakes:
                if value is not None and abs(value - wrong(x)) <= 1e-9 * max(1.0, abs(want)):
                    return Feedback("incorrect", f"for x = {x} it returns {value:.4g}: {reason}")
            return Feedback("incorrect", f"for x = {x} your function returns {got!r:.12}, expected {want:.4g}.")
        return Feedback("correct", f"it agrees on all {len(self.inputs)} test inputs, extremes included.")


class ChoiceExercise(Exercise):
    """One of `options` is right; every wrong option has its own reason."""

    def __init__(self, prompt, options, answer, reasons, hints, solution):
        super().__init__(prompt, hints, solution)
        self.options = tuple(options)
        self.answer = answer
        self.reasons = dict(reasons)

    @property
    def model_answer(self):
        return self.answer

    def _assess(self, choice):
        key = choice.strip().lower() if isinstance(choice, str) else choice
        matches = [o for o in self.options
                   if (o.lower() if isinstance(o, str) else o) == key
                   and isinstance(o, bool) == isinstance(choice, bool)]  # True == 1 in Python
        if not matches:
            listed = ", ".join(repr(o) for o in self.options)
            return Feedback("incorrect", f"choose one of {listed}; got {choice!r}.")
        if matches[0] == self.answer:
            return Feedback("correct", self.reasons.get(self.answer, f"{self.answer!r} is right."))
        return Feedback("incorrect", f"{matches[0]!r}: {self.reasons[matches[0]]}")


class ExplanationExercise(Exercise):
    """A sentence or two; checked for the key ideas of a model answer, then shown the model."""

    def __init__(self, prompt, key_ideas, hints, solution):
        super().__init__(prompt, hints, solution)
        self.key_ideas = tuple(key_ideas)  # (idea, words any of which shows it)

    @property
    def model_answer(self):
        return self.solution_text

    def _assess(self, text):
        if not isinstance(text, str):
            return Feedback("incorrect", f"write your explanation as a string in quotes; got {type(text).__name__}.")
        if len(text.split()) < 4:
            return Feedback("incorrect", "write a sentence or two: a few words are not enough to check.")
        lower = text.lower()
        missing = [idea for idea, words in self.key_ideas if not any(w in lower for w in words)]
        if missing:
            return Feedback("incorrect", "your explanation does not yet mention " + "; ".join(missing) + ".")
        return Feedback("correct", "it names every key idea. Compare it with the model answer in .solution().")


class ExerciseSet:
    """A notebook's exercises by name: ex.q1, ex.q2, ..."""

    def __init__(self, notebook, **exercises):
        self.notebook = notebook
        self._exercises = exercises
        for name, exercise in exercises.items():
            setattr(self, name, exercise)

    def names(self):
        return list(self._exercises)

    def items(self):
        return self._exercises.items()

    def __repr__(self):
        return f"<exercises of notebook {self.notebook}: {', '.join(self._exercises)}>"
