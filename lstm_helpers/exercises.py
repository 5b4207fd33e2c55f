"""Exercises that answer back: check, graded hints, and a worked solution.

    ex = lh.exercises_for("01")        # the exercises of notebook 01
    ex.q1.check(answer)           # correct / incorrect, with why / not attempted yet
    ex.q1.hint()                  # the next hint; ex.q1.hint(2) asks for the second
    ex.q1.solution()              # the worked answer

A check says Correct only when it can know: a number within a tolerance, one of
a list of options, or a function that agrees with the course's own on many
inputs. A sentence cannot be graded by a program, so an ExplanationExercise
never says Correct: it shows the learner's words beside a model answer and a
short list of points to compare against (a self-assessment).

A check never raises for a wrong answer of any type. Starter code holds the
placeholder ____, so an untouched exercise says "not attempted yet".
Messages are plain text in which `inline code` and fenced blocks (```) are
code: monospace, indentation kept, in HTML and in plain text alike.
"""

import inspect
import math
import numbers
import re
import sys
from dataclasses import dataclass
from html import escape

import numpy as np


class _Placeholder:
    """The blank a learner replaces with an answer."""

    def __repr__(self):
        return "____"


____ = _Placeholder()

# Okabe-Ito colours, always with a word, so colour is never the only signal.
_STYLES = {
    "correct": ("Correct", "#007A5A"),
    "incorrect": ("Not yet", "#B34700"),
    "unattempted": ("Not attempted yet", "#595959"),
    "self-assessment": ("Self-assessment", "#1A6A99"),
    "hint": ("Hint", "#0072B2"),
    "solution": ("Solution", "#A2447F"),
}

_FENCE = re.compile(r"```(?:python)?\n(.*?)\n?```", re.S)
_CODE_STYLE = "background:#f4f4f4;padding:6px 8px;margin:4px 0;white-space:pre;font-family:monospace"


def _inline_html(text):
    """Escaped text with `code` in <code> and line breaks kept."""
    body = escape(text).replace("\n", "<br>")
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", body)


def message_html(message):
    """A feedback message as HTML: fenced blocks become <pre> (indentation kept), `x` becomes <code>."""
    parts, last = [], 0
    for match in _FENCE.finditer(message):
        parts.append(_inline_html(message[last:match.start()].strip("\n")))
        parts.append(f'<pre style="{_CODE_STYLE}"><code>{escape(match.group(1))}</code></pre>')
        last = match.end()
    parts.append(_inline_html(message[last:].strip("\n")))
    return "".join(p for p in parts if p)


def code_block(code):
    """`code` as a fenced block inside a message: shown as code, indentation kept."""
    return f"\n```python\n{code.strip(chr(10))}\n```\n"


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
        return (
            f'<div style="border-left:6px solid {colour};padding:4px 10px;margin:2px 0">'
            f'<b style="color:{colour}">{label}:</b> {message_html(self.message)}</div>'
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


def _shown(value, limit=60):
    """A short, learner-readable description of any answer: numbers as numbers, long text cut."""
    number = _as_float(value)
    if number is not None:
        return f"{number:.6g}"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return "a number too large for a float"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if isinstance(value, (tuple, list)) and 0 < len(value) <= 6 and all(_as_float(v) is not None for v in value):
        inner = ", ".join(f"{_as_float(v):.6g}" for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    text = repr(value)
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)  # no memory addresses
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(value).__name__} {text}" if not isinstance(value, (str, tuple, list)) else text


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
            return Feedback("incorrect", f"this answer could not be checked ({type(error).__name__}); "
                            f"got {_shown(answer)}. Try .hint().")

    def check(self, answer=____):
        """Show whether `answer` is right, and why not when it is not."""
        _show(self.assess(answer))

    def hint(self, level=None):
        """Show the next hint, or hint number `level` (1 is the gentlest)."""
        _show(self.hint_feedback(level))

    def hint_feedback(self, level=None):
        if level is None:
            level = min(self._hints_shown + 1, len(self.hints))
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= len(self.hints):
            return Feedback("hint", f"this exercise has hints 1 to {len(self.hints)}; "
                            f"try .hint(1), or .hint() for the next one (got {_shown(level)}).")
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
    """A real number as a float; None for anything else (bools, text, arrays, overflowing ints)."""
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None
    try:
        return float(answer)
    except (OverflowError, ValueError, TypeError):
        return None


class NumberExercise(Exercise):
    """A number, right within `tolerance`; `mistakes` map likely wrong numbers to a reason."""

    def __init__(self, prompt, expected, hints, solution, tolerance=0.005, mistakes=()):
        super().__init__(prompt, hints, solution)
        self.expected = float(expected)
        self.tolerance = tolerance
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
        value = _as_float(answer)
        if value is None:
            if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
                return Feedback("incorrect", "that number is too large to be the answer. Try .hint().")
            if isinstance(answer, str) and _looks_like_a_number(answer):
                return Feedback("incorrect", f"that is text, {_shown(answer)}: write the number without quotes.")
            return Feedback("incorrect", f"the answer should be one number, like 0.5; got {_shown(answer)}.")
        if not math.isfinite(value):
            return Feedback("incorrect", f"the answer should be a finite number, got {value}.")
        if abs(value - self.expected) <= self.tolerance:
            return Feedback("correct", f"{value:g} is right.")
        for wrong, reason in self.mistakes:
            if abs(value - wrong) <= self._near(wrong):
                return Feedback("incorrect", f"{value:g}: {reason}")
        if self.expected and abs(value + self.expected) <= self.tolerance:
            return Feedback("incorrect", f"{value:g} has the right size but the wrong sign.")
        if value == round(self.expected, 1) != 0 and self.tolerance < 0.05:
            return Feedback("incorrect", f"{value:g} is the answer rounded to one decimal; give more decimals.")
        if abs(value - self.expected) <= 10 * self.tolerance:
            return Feedback("incorrect", f"{value:g} is close: did you round too early? Keep every decimal until the end.")
        return Feedback("incorrect", f"{value:g} is not it. Try .hint().")


def _looks_like_a_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def _calls(function, names):
    """Which of `names` the function's own source calls (empty when the source cannot be read)."""
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return []
    own = getattr(function, "__name__", "")
    body = source.split(":", 1)[1] if source.lstrip().startswith("def ") else source
    return [name for name in names if name != own and re.search(rf"(?<![\w]){re.escape(name)}\s*\(", body)]


def _run_watching(function, args, library):
    """(function(*args), names of `library` functions it called, however it reached them: by name,
    through another name for them, or through a helper). Python functions are recognised by their
    code, built-in ones (math.tanh) by identity; a numpy ufunc (np.tanh) is not seen here."""
    codes = {f.__code__: f.__name__ for f in library if hasattr(f, "__code__")}
    builtins = [f for f in library if inspect.isbuiltin(f)]
    used = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code in codes:
            used.append(codes[frame.f_code])
        elif event == "c_call" and any(arg is f for f in builtins):
            used.append(arg.__name__)

    previous = sys.getprofile()
    sys.setprofile(watch)
    try:
        result = function(*args)
    finally:
        sys.setprofile(previous)
    return result, used


class FunctionExercise(Exercise):
    """A function the learner writes, compared with `reference` on each of `inputs`.

    Each input is one argument, or a tuple of arguments named by `arg_names`; the
    reference returns one number or a tuple of numbers. `library` lists ready-made
    functions that do the job the exercise asks the learner to write by hand, and
    `library_calls` the names of such functions: a function that is one of them, calls
    one (seen in its source, or while it runs), is told so rather than praised, with
    `write_yourself` saying what the exercise asks for instead.
    """

    def __init__(self, prompt, reference, inputs, hints, solution, tolerance=1e-6, mistakes=(),
                 arg_names=("x",), library=(), library_calls=(), write_yourself="the arithmetic"):
        super().__init__(prompt, hints, solution)
        self.write_yourself = write_yourself
        self.reference = reference
        self.arg_names = tuple(arg_names)
        self.inputs = tuple(x if isinstance(x, tuple) else (x,) for x in inputs)
        self.tolerance = tolerance
        self.mistakes = tuple(mistakes)  # (a wrong function, why someone writes it)
        self.library = tuple(library)
        self.library_calls = tuple(library_calls)

    @property
    def model_answer(self):
        """The function the solution shows, run from its own code, so the solution is tested too."""
        return solution_function(self.solution_text)

    def _where(self, args):
        return ", ".join(f"{name} = {_shown(value)}" for name, value in zip(self.arg_names, args))

    def _agrees(self, got, want):
        """True when `got` (the learner's result) matches `want` (the reference's) within tolerance."""
        got_values, want_values = _numbers_of(got), _numbers_of(want)
        if got_values is None or len(got_values) != len(want_values):
            return False
        return all(math.isfinite(g) and abs(g - v) <= self.tolerance * max(1.0, abs(v))
                   for g, v in zip(got_values, want_values))

    def _same_as(self, got, want):
        got_values, want_values = _numbers_of(got), _numbers_of(want)
        return (got_values is not None and len(got_values) == len(want_values)
                and all(abs(g - v) <= 1e-9 * max(1.0, abs(v)) for g, v in zip(got_values, want_values)))

    def _assess(self, function):
        if not callable(function):
            return Feedback("incorrect", f"pass the function itself (its name, no brackets); got {_shown(function)}.")
        if any(function is f for f in self.library):
            return Feedback("incorrect", f"that is the library's own `{getattr(function, '__name__', 'function')}`; "
                            f"this exercise asks you to write {self.write_yourself} yourself.")
        called = _calls(function, self.library_calls)
        if called:
            return self._copied(called[0])
        for args in self.inputs:
            try:
                got, used = _run_watching(function, args, self.library)
            except Exception as error:
                return Feedback("incorrect", f"your function raised {type(error).__name__} ({_cut(error)}) "
                                f"for {self._where(args)}.")
            if used:
                return self._copied(used[0])
            if _is_placeholder(got) or (isinstance(got, tuple) and any(_is_placeholder(g) for g in got)):
                return Feedback("unattempted", "your function still returns ____; replace it with your formula.")
            want = self.reference(*args)
            if self._agrees(got, want):
                continue
            for wrong, reason in self.mistakes:
                try:
                    if self._same_as(got, wrong(*args)):
                        return Feedback("incorrect", f"for {self._where(args)} it returns {_shown(got)}: {reason}")
                except Exception:
                    continue
            return Feedback("incorrect", f"for {self._where(args)} your function returns {_shown(got)}, "
                            f"expected {_shown(want)}.")
        return Feedback("correct", f"it agrees with the course's own on all {len(self.inputs)} test inputs.")

    def _copied(self, name):
        return Feedback("incorrect", f"your function uses `{name}`, which does the whole job for you; "
                        f"write {self.write_yourself} yourself, as the exercise asks.")


def solution_function(solution):
    """The last function defined in a solution's first code block, defined by running that block
    with `math` and `lh` (lstm_helpers) available, as they are in the notebooks."""
    import ast

    import lstm_helpers

    match = _FENCE.search(solution)
    if match is None:
        raise ValueError("this solution shows no code block to run")
    code = match.group(1)
    names = [node.name for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)]
    if not names:
        raise ValueError("this solution's code block defines no function")
    namespace = {"math": math, "lh": lstm_helpers}
    exec(compile(code, "<solution>", "exec"), namespace)
    return namespace[names[-1]]


def _numbers_of(value):
    """One number or a tuple/list of numbers as a tuple of floats; None for anything else."""
    items = value if isinstance(value, (tuple, list)) else (value,)
    floats = tuple(_as_float(v if not isinstance(v, np.ndarray) or v.ndim else v.item()) for v in items)
    return None if any(f is None for f in floats) else floats


def _cut(error, limit=80):
    text = str(error)
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
        listed = ", ".join(f"{o:g}" if isinstance(o, float) else repr(o) for o in self.options)
        numeric = [o for o in self.options if not isinstance(o, str)]
        if isinstance(choice, str) and numeric and _looks_like_a_number(choice):
            return Feedback("incorrect", f"that is text, {_shown(choice)}: write the number without quotes.")
        if not isinstance(choice, (str, numbers.Real)) or isinstance(choice, (bool, np.bool_)):
            return Feedback("incorrect", f"choose one of {listed}; got {_shown(choice)}.")
        if isinstance(choice, str):
            key = choice.strip().strip("()").strip().lower()
            matches = [o for o in self.options if isinstance(o, str) and o.lower() == key]
        else:
            value = _as_float(choice)
            matches = [o for o in self.options if not isinstance(o, str) and value is not None and o == value]
        if not matches:
            return Feedback("incorrect", f"choose one of {listed}; got {_shown(choice)}.")
        if matches[0] == self.answer:
            return Feedback("correct", self.reasons.get(self.answer, f"{self.answer!r} is right."))
        shown = f"{matches[0]:g}" if isinstance(matches[0], float) else repr(matches[0])
        return Feedback("incorrect", f"{shown}: {self.reasons[matches[0]]}")


class ExplanationExercise(Exercise):
    """A sentence or two in the learner's own words. Never graded: a program cannot tell a right
    explanation from a wrong one that uses the same words. The check shows the learner's answer
    beside the model answer and the points a good answer makes, for the learner to compare."""

    def __init__(self, prompt, model_answer, points, hints):
        super().__init__(prompt, hints, model_answer)
        self.points = tuple(points)

    @property
    def model_answer(self):
        return self.solution_text

    def _assess(self, text):
        if not isinstance(text, str):
            return Feedback("incorrect", f"write your explanation as text in quotes; got {_shown(text)}.")
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
