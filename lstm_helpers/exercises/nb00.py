"""Notebook 00 (Start here): one exercise to practise checks, hints and the solution on."""

from .engine import ExerciseSet, NumberExercise

GATE, MEMORY = 0.25, 2.0  # the numbers notebook 00's question gives


def q1():
    return NumberExercise(
        expected=GATE * MEMORY,
        mistakes=[
            (MEMORY - GATE * MEMORY, "that is the part the gate lets go; a gate says how much to keep."),
            (MEMORY / GATE, "a gate multiplies the memory; it does not divide it."),
        ],
        hints=[
            "A gate is a fraction between 0 and 1: 0.25 lets 25% through.",
            f"Multiply the memory by the gate: {MEMORY} x {GATE}.",
        ],
        solution=f"The gate keeps {GATE:.0%} of the memory: {MEMORY} x {GATE} = {GATE * MEMORY}.",
    )


def exercises():
    return ExerciseSet("00_start_here", q1=q1())
