"""Exercises answered with a function the learner writes (notebooks 01, 03 and 04): compared with
the course's own on many inputs, and told apart from a copy of the library's function."""

import ast
import inspect
import math
import re
import sys

import lstm_helpers  # the package itself, loading when this is imported; solutions call it as lh

from .engine import Exercise
from .feedback import FENCE, Feedback, cut, is_placeholder, numbers_of, shown


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

    def __init__(self, reference, inputs, hints, solution, tolerance=1e-6, mistakes=(),
                 arg_names=("x",), library=(), library_calls=(), write_yourself="the arithmetic"):
        super().__init__(hints, solution)
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
        return ", ".join(f"{name} = {shown(value)}" for name, value in zip(self.arg_names, args))

    def _agrees(self, got, want):
        """True when `got` (the learner's result) matches `want` (the reference's) within tolerance."""
        got_values, want_values = numbers_of(got), numbers_of(want)
        if got_values is None or len(got_values) != len(want_values):
            return False
        return all(math.isfinite(g) and abs(g - v) <= self.tolerance * max(1.0, abs(v))
                   for g, v in zip(got_values, want_values))

    @staticmethod
    def _same_as(got, want):
        got_values, want_values = numbers_of(got), numbers_of(want)
        return (got_values is not None and len(got_values) == len(want_values)
                and all(abs(g - v) <= 1e-9 * max(1.0, abs(v)) for g, v in zip(got_values, want_values)))

    def _assess(self, function):
        if not callable(function):
            return Feedback("incorrect", f"pass the function itself (its name, no brackets); got {shown(function)}.")
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
                return Feedback("incorrect", f"your function raised {type(error).__name__} ({cut(error)}) "
                                f"for {self._where(args)}.")
            if used:
                return self._copied(used[0])
            if is_placeholder(got) or (isinstance(got, tuple) and any(is_placeholder(g) for g in got)):
                return Feedback("unattempted", "your function still returns ____; replace it with your formula.")
            want = self.reference(*args)
            if not self._agrees(got, want):
                return self._disagrees(args, got, want)
        return Feedback("correct", f"it agrees with the course's own on all {len(self.inputs)} test inputs.")

    def _disagrees(self, args, got, want):
        """Why the learner's `got` differs from `want` at `args`: a listed mistake's reason, or the numbers."""
        for wrong, reason in self.mistakes:
            try:
                if self._same_as(got, wrong(*args)):
                    return Feedback("incorrect", f"for {self._where(args)} it returns {shown(got)}: {reason}")
            except Exception:
                continue
        return Feedback("incorrect", f"for {self._where(args)} your function returns {shown(got)}, "
                        f"expected {shown(want)}.")

    def _copied(self, name):
        return Feedback("incorrect", f"your function uses `{name}`, which does the whole job for you; "
                        f"write {self.write_yourself} yourself, as the exercise asks.")


def solution_function(solution):
    """The last function defined in a solution's first code block, defined by running that block
    with `math` and `lh` (lstm_helpers) available, as they are in the notebooks."""
    match = FENCE.search(solution)
    if match is None:
        raise ValueError("this solution shows no code block to run")
    code = match.group(1)
    names = [node.name for node in ast.parse(code).body if isinstance(node, ast.FunctionDef)]
    if not names:
        raise ValueError("this solution's code block defines no function")
    namespace = {"math": math, "lh": lstm_helpers}
    exec(compile(code, "<solution>", "exec"), namespace)
    return namespace[names[-1]]
