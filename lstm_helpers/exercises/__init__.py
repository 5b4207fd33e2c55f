"""The course's exercises: the checking engine and one module per notebook, as Kaggle's learntools
lays them out (learntools/core for the engine, learntools/python/ex1.py ... for the notebooks).

    engine.py      Exercise and its kinds: NumberExercise, ChoiceExercise, MeasuredChoice,
                   ExplanationExercise, ExerciseSet (functions.py: FunctionExercise)
    feedback.py    the placeholder ____, Feedback and how it is shown
    nb00.py ...    one module per notebook: its exercises, numbered in the order a learner meets
    nb07.py        them; long solutions and measurements apart (nb03_solutions, nb07_measures)

Answers are computed by the package, never typed in, and nothing is trained at import: an answer
that needs a model fitted is measured when the learner first checks it (MeasuredChoice). The
question itself is written once, in the notebook ("**Your turn (q1).** ..."); the instructors'
guide reads it from there (tools/build_instructors.py).

A question about why something happens is asked twice: first as a choice among the explanations
learners actually give (graded), then in the learner's own words (compared with a model answer by
the learner, never graded by the program).
"""

from . import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07
from .engine import (
    SAME, ChoiceExercise, Exercise, ExerciseSet, ExplanationExercise, MeasuredChoice, NumberExercise, normalised,
)
from .feedback import Feedback, ____, code_block, message_html
from .functions import FunctionExercise, solution_function

NOTEBOOKS = {
    "00_start_here": nb00,
    "01_activation_functions": nb01,
    "02_rnn_gradient_problems": nb02,
    "03_one_lstm_unit": nb03,
    "04_company_a_and_b": nb04,
    "05_training": nb05,
    "06_long_memories": nb06,
    "07_real_prices": nb07,
}


def exercises_for(notebook):
    """The ExerciseSet of a notebook, by its number ("01") or full name (notebook 00 introduces it)."""
    key = str(notebook)
    matches = [name for name in NOTEBOOKS if name == key or name.split("_")[0] == key]
    if not matches:
        known = ", ".join(name.split("_")[0] for name in NOTEBOOKS)
        raise ValueError(f"notebook must be one of {known} (or its full name), got {notebook!r}")
    return NOTEBOOKS[matches[0]].exercises()


def all_exercise_sets():
    """Every notebook's ExerciseSet, in course order."""
    return [module.exercises() for module in NOTEBOOKS.values()]


__all__ = [
    "NOTEBOOKS", "SAME", "ChoiceExercise", "Exercise", "ExerciseSet", "ExplanationExercise", "Feedback",
    "FunctionExercise", "MeasuredChoice", "NumberExercise", "____", "all_exercise_sets", "code_block",
    "exercises_for", "message_html", "normalised", "solution_function",
]
