"""Exercises that answer back: check, graded hints, and a worked solution (notebook 00 introduces them).

    ex = lh.exercises_for("01")        # the exercises of notebook 01
    ex.q1.check(answer)           # correct / incorrect, with why / not attempted yet
    ex.q1.hint()                  # the next hint; ex.q1.hint(2) asks for the second
    ex.q1.solution()              # the worked answer

A check says Correct only when it can know: a number within the precision asked for, one of
a list of options, or a function that agrees with the course's own on many inputs
(functions.py). A sentence cannot be graded by a program, so an ExplanationExercise never
says Correct: it shows the learner's words beside a model answer and a short list of points
to compare against (a self-assessment).

A check never raises for a wrong answer of any type. Starter code holds the placeholder ____,
so an untouched exercise says "not attempted yet". The question itself is written once, in
the notebook ("**Your turn (q1).** ..."); an exercise holds only what checks the answer.
"""

import math
import numbers
import re

import numpy as np

from .feedback import Feedback, as_float, is_placeholder, looks_like_a_number, show, shown, ____


class Exercise:
    """One question: subclasses say how an answer is assessed."""

    def __init__(self, hints, solution):
        self.hints = tuple(hints)
        self._solution = solution
        self._hints_shown = 0

    def assess(self, answer):
        """The Feedback for `answer`, without showing it; never raises."""
        if is_placeholder(answer):
            return Feedback("unattempted", "replace ____ with your answer, then run the cell again.")
        try:
            return self._assess(answer)
        except Exception as error:  # a check must never crash on a learner's answer
            return Feedback("incorrect", f"this answer could not be checked ({type(error).__name__}); "
                            f"got {shown(answer)}. Try .hint().")

    def check(self, answer=____):
        """Show whether `answer` is right, and why not when it is not."""
        show(self.assess(answer))

    def hint(self, level=None):
        """Show the next hint, or hint number `level` (1 is the gentlest)."""
        show(self.hint_feedback(level))

    def hint_feedback(self, level=None):
        if level is None:
            level = min(self._hints_shown + 1, len(self.hints))
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(self.hints):
            return Feedback("hint", f"this exercise has hints 1 to {len(self.hints)}; "
                            f"try .hint(1), or .hint() for the next one (got {shown(level)}).")
        self._hints_shown = max(self._hints_shown, level)
        more = " (more: .hint() again)" if level < len(self.hints) else " (that was the last hint)"
        return Feedback("hint", f"{level}/{len(self.hints)}: {self.hints[level - 1]}{more}")

    def solution(self):
        """Show the worked answer."""
        show(Feedback("solution", self.solution_text))

    @property
    def solution_text(self):
        return self._solution


class NumberExercise(Exercise):
    """A number. `decimals` is the precision the question asks for: an answer is right when it is
    the expected number rounded to that many decimals, or closer (a tolerance of half a unit in
    the last decimal asked); without it, right within `tolerance`. `mistakes` map likely wrong
    numbers to a reason."""

    def __init__(self, expected, hints, solution, tolerance=0.005, mistakes=(), decimals=None):
        super().__init__(hints, solution)
        if decimals is not None:
            tolerance = 0.5 * 10.0 ** -decimals * (1 + 1e-9)  # the float of 0.0052 may sit a hair beyond
        self.expected = float(expected)
        self.tolerance = tolerance
        self.decimals = decimals
        self.mistakes = tuple(mistakes)  # (wrong value, why someone gets it)
        for wrong, _ in self.mistakes:
            if abs(wrong - self.expected) <= max(tolerance, self._near(wrong)):
                raise ValueError(f"mistake {wrong} is within the tolerance of the answer {expected}")

    def _near(self, wrong):
        """How close an answer must come to a listed mistake to be named as it: the tolerance, or
        0.05% of the mistake, whichever is larger (a mistake is often typed with fewer decimals)."""
        return max(self.tolerance, 5e-4 * abs(wrong))

    @property
    def model_answer(self):
        return self.expected

    def _assess(self, answer):
        value = as_float(answer)
        if value is None:
            if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
                return Feedback("incorrect", "that number is too large to be the answer. Try .hint().")
            if isinstance(answer, str) and looks_like_a_number(answer):
                return Feedback("incorrect", f"that is text, {shown(answer)}: write the number without quotes.")
            return Feedback("incorrect", f"the answer should be one number, like 0.5; got {shown(answer)}.")
        if not math.isfinite(value):
            return Feedback("incorrect", f"the answer should be a finite number, got {value}.")
        if abs(value - self.expected) <= self.tolerance:
            return Feedback("correct", f"{value:g} is right.")
        for wrong, reason in self.mistakes:
            if abs(value - wrong) <= self._near(wrong):
                return Feedback("incorrect", f"{value:g}: {reason}")
        return Feedback("incorrect", self._why_not(value))

    def _why_not(self, value):
        """The reason a number that is no listed mistake is wrong."""
        if self.expected and abs(value + self.expected) <= self.tolerance:
            return f"{value:g} has the right size but the wrong sign."
        if value == round(self.expected, 1) != 0 and self.tolerance < 0.05:
            return f"{value:g} is the answer rounded to one decimal; give more decimals."
        if self.decimals is not None and abs(value - self.expected) <= 1.5 * 10.0 ** -self.decimals:
            return (f"{value:g} is close, but not the answer rounded to {self.decimals} decimals: check the last "
                    "decimal (round to the nearest, do not cut off), and keep every decimal until the end.")
        if abs(value - self.expected) <= 10 * self.tolerance:
            return f"{value:g} is close: did you round too early? Keep every decimal until the end."
        return f"{value:g} is not it. Try .hint()."


_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-", "\uff0d": "-"})
_WORD_OR_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)|[^\W\d_]+")


def normalised(text):
    """A choice written as text, reduced to what it says: its words in lower case and its numbers
    as numbers, so that spacing, punctuation, quotes, brackets, a typographic minus (U+2212) and
    trailing zeros do not matter: "Forget 5.0,input \u22123." and "forget 5, input -3" give the same."""
    tokens = _WORD_OR_NUMBER.findall(text.translate(_MINUS).lower())
    return tuple(f"{float(t):g}" if t[-1].isdigit() or t[-1] == "." else t for t in tokens)


# Other ways learners say the option "the same", for ChoiceExercise(synonyms=SAME).
SAME = {"the same": ("same", "unchanged", "identical", "no change", "no different", "not different",
                     "it stays the same", "stays the same", "does not change", "doesn't change")}


class ChoiceExercise(Exercise):
    """One of `options` is right; every wrong option has its own reason. A text option may be written
    in any way normalised() reduces to the same words and numbers, or as one of its `synonyms`
    ({option: (other ways to say it, ...)})."""

    def __init__(self, options, answer, reasons, hints, solution, synonyms=None):
        super().__init__(hints, solution)
        self.options = tuple(options)
        self.answer = answer
        self.reasons = dict(reasons)
        self.synonyms = dict(synonyms or {})

    @property
    def model_answer(self):
        return self.answer

    def _matching(self, choice):
        """The options `choice` names: by the same words and numbers for text, by value for numbers."""
        if isinstance(choice, str):
            key = normalised(choice)
            return [o for o in self.options if isinstance(o, str) and key and (
                key == normalised(o) or any(key == normalised(s) for s in self.synonyms.get(o, ())))]
        value = as_float(choice)
        return [o for o in self.options if not isinstance(o, str) and value is not None and o == value]

    def _assess(self, choice):
        listed = ", ".join(f"{o:g}" if isinstance(o, float) else repr(o) for o in self.options)
        numeric = [o for o in self.options if not isinstance(o, str)]
        if isinstance(choice, str) and numeric and looks_like_a_number(choice):
            return Feedback("incorrect", f"that is text, {shown(choice)}: write the number without quotes.")
        if not isinstance(choice, (str, numbers.Real)) or isinstance(choice, (bool, np.bool_)):
            return Feedback("incorrect", f"choose one of {listed}; got {shown(choice)}.")
        matches = self._matching(choice)
        if not matches:
            return Feedback("incorrect", f"choose one of {listed}; got {shown(choice)}.")
        if matches[0] == self.answer:
            return Feedback("correct", self.reasons.get(self.answer, f"{self.answer!r} is right."))
        named = f"{matches[0]:g}" if isinstance(matches[0], float) else repr(matches[0])
        return Feedback("incorrect", f"{named}: {self.reasons[matches[0]]}")


class MeasuredChoice(ChoiceExercise):
    """A choice whose right answer depends on a measurement too slow for import (a model to train,
    notebooks 05 and 07). `measure(**results)` returns (answer, reasons, solution); it runs when a
    check, the solution or the answer first needs it, and its result is kept on the exercise.
    `results` are objects the notebook already computed, passed to check() by name
    (ex.q4.check(answer, lstm=lstm)), so the measurement reuses them instead of computing them again."""

    def __init__(self, options, measure, hints, synonyms=None):
        Exercise.__init__(self, hints, solution=None)
        self.options = tuple(options)
        self.synonyms = dict(synonyms or {})
        self._measure = measure
        self._measured = None

    def measured(self, **results):
        """(answer, reasons, solution), measured on first use with the notebook's `results`, then kept."""
        if self._measured is None:
            self._measured = self._measure(**results)
        return self._measured

    @property
    def answer(self):
        return self.measured()[0]

    @property
    def reasons(self):
        return self.measured()[1]

    @property
    def solution_text(self):
        return self.measured()[2]

    def check(self, answer=____, **results):
        """Show whether `answer` is right; `results` are the notebook's own objects the answer is measured from."""
        if not is_placeholder(answer):
            self.measured(**results)  # outside assess(): a wrong result passed in is an error, not a wrong answer
        show(self.assess(answer))


class ExplanationExercise(Exercise):
    """A sentence or two in the learner's own words. Never graded: a program cannot tell a right
    explanation from a wrong one that uses the same words. The check shows the learner's answer
    beside the model answer and the points a good answer makes, for the learner to compare."""

    def __init__(self, model_answer, points, hints):
        super().__init__(hints, model_answer)
        self.points = tuple(points)

    @property
    def model_answer(self):
        return self.solution_text

    def _assess(self, text):
        if not isinstance(text, str):
            return Feedback("incorrect", f"write your explanation as text in quotes; got {shown(text)}.")
        words = text.split()
        if len(words) < 4:
            return Feedback("incorrect", "write a sentence or two: a few words are not enough to compare.")
        yours = text.strip() if len(text) <= 600 else text.strip()[:597] + "..."
        points = "\n".join(f"  - {point}" for point in self.points)
        return Feedback(
            "self-assessment",
            f"nobody can grade a sentence automatically, so compare yours with the model answer yourself.\n"
            f"Yours: {yours}\nModel answer: {self.solution_text}\nA good answer says:\n{points}\n"
            "If yours misses a point, or says the opposite of one, rewrite it and check again.",
        )


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
