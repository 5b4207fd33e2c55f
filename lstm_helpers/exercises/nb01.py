"""Notebook 01 (activation functions): sigmoid by hand, tanh from its formula, inverting sigmoid,
and which activation suits a gate."""

import math

import numpy as np

from ..activations import sigmoid, tanh
from .engine import ChoiceExercise, ExerciseSet, NumberExercise
from .feedback import code_block
from .functions import FunctionExercise


def q1():
    return NumberExercise(
        expected=sigmoid(-5),
        tolerance=0.0005,
        mistakes=[
            (sigmoid(5), "that is sigmoid(5); the x here is -5, so use math.exp(-5)."),
            (tanh(-5), "that is tanh(-5); sigmoid's outputs are between 0 and 1."),
        ],
        hints=[
            "`math.exp(-5)` is e to the power -5, a small number.",
            "`answer = math.exp(-5) / (math.exp(-5) + 1)`",
        ],
        solution=f"`math.exp(-5) / (math.exp(-5) + 1)` = {sigmoid(-5):.5f}: almost 0, "
        "just as sigmoid(5) is almost 1.",
    )


def q2():
    return FunctionExercise(
        reference=tanh,
        inputs=(0.0, 1.0, -2.0, 0.5, 5.0, -5.0, 20.0, -20.0),
        library=(math.tanh, np.tanh, tanh),
        library_calls=("tanh",),
        write_yourself="tanh from its formula (with math.exp)",
        mistakes=[
            (sigmoid, "that is sigmoid; tanh uses e^-x as well as e^x."),
            (lambda x: (math.exp(x) - math.exp(-x)) / 2, "that is only the top of the fraction over 2; "
             "divide by (e^x + e^-x)."),
        ],
        hints=[
            "`math.exp(x)` is e^x and `math.exp(-x)` is e^-x.",
            "The body is one line: `return (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))`",
        ],
        solution=code_block("def my_tanh(x):\n    return (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))")
        + "Beyond x = 710, `math.exp` overflows; `lh.tanh` uses numpy's tanh, which never does.",
    )


def q3():
    x_where = math.log(9)  # sigmoid(x) = 0.9  <=>  e^x = 9
    return NumberExercise(
        expected=x_where,
        tolerance=0.01,
        mistakes=[
            (math.atanh(0.9), "that is where tanh reaches 0.9; this question is about sigmoid."),
            (0.9, "0.9 is the output we want; the question asks for the input x that gives it."),
            (sigmoid(0.9), "that is sigmoid(0.9); we want the x whose sigmoid is 0.9."),
        ],
        hints=[
            "Try a few values with lh.sigmoid(x): it passes 0.5 at x = 0 and rises from there.",
            "e^x / (e^x + 1) = 0.9 means e^x = 0.9 e^x + 0.9, so e^x = 9.",
            "`answer = math.log(9)`",
        ],
        solution=f"e^x / (e^x + 1) = 0.9 gives e^x = 9, so x = ln 9 = {x_where:.3f}. "
        f"Check: lh.sigmoid({x_where:.3f}) = {sigmoid(x_where):.3f}.",
    )


def q4():
    return ChoiceExercise(
        options=("sigmoid", "tanh", "identity"),
        answer="sigmoid",
        reasons={
            "sigmoid": "sigmoid's output is always between 0 and 1: the fraction of the memory to keep.",
            "tanh": "tanh can be negative, and a negative fraction of a memory would flip its sign.",
            "identity": "the identity is not bounded: it could keep 300% of a memory, or -50%.",
        },
        hints=["A fraction to keep lies between 0 (keep nothing) and 1 (keep everything).",
               "Which function squashes every input into (0, 1)?"],
        solution="sigmoid: its output lies between 0 and 1, so it reads as the fraction to keep. "
        "tanh, between -1 and 1, suits a value that can be negative, like a potential memory.",
    )


def exercises():
    return ExerciseSet("01_activation_functions", q1=q1(), q2=q2(), q3=q3(), q4=q4())
