"""Notebook 02 (RNN gradient problems): w^n, which weight explodes, and why a basic RNN cannot
learn from day 1, first as a choice, then in the learner's own words."""

from ..rnn import gradient_scale
from .engine import ChoiceExercise, ExerciseSet, ExplanationExercise, NumberExercise

DAYS, W = 21, 0.9  # q1's sequence length and recurrent weight, as notebook 02 asks


def q1():
    return NumberExercise(
        expected=gradient_scale(W, DAYS - 1),
        decimals=3,
        mistakes=[
            (gradient_scale(W, DAYS), f"that is {W}^{DAYS}: {DAYS} days have {DAYS - 1} links between them."),
            (W * (DAYS - 1), f"that is {W} x {DAYS - 1}; the weight is multiplied once per link, "
             "so it is a power."),
        ],
        hints=[f"Day 1's input crosses one link per later day: {DAYS - 1} links.",
               f"`answer = {W} ** {DAYS - 1}`"],
        solution=f"{W}^{DAYS - 1} = {gradient_scale(W, DAYS - 1):.4f}: after only {DAYS} days, day 1 "
        f"counts about {gradient_scale(W, DAYS - 1):.0%} as much as the last day.",
    )


def q2():
    return ChoiceExercise(
        options=(0.5, -0.9, 1.0, -1.2),
        answer=-1.2,
        reasons={
            -1.2: "|-1.2| > 1, so (-1.2)^99 is huge; the sign just alternates from day to day.",
            0.5: "0.5^99 is about 1e-30: day 1 vanishes.",
            -0.9: "|-0.9| < 1: (-0.9)^99 is tiny. A negative weight flips the sign; its size decides.",
            1.0: "1^99 = 1: neither vanishes nor explodes (but nothing in training holds w at exactly 1).",
        },
        hints=["What matters is the size of w, |w|, compared with 1.",
               "Set the slider to each weight with 100 days."],
        solution="-1.2: any |w| > 1 explodes as |w|^99, whatever the sign.",
    )


def q3():
    return NumberExercise(
        expected=20,
        tolerance=0,
        mistakes=[
            (19, f"2^19 = {gradient_scale(2, 19):,.0f}, still below a million."),
            (6, "a million has six zeros, but w = 2 doubles, it does not multiply by 10."),
            (gradient_scale(2, 20), "that is 2^20, the influence after 20 links; the question asks for the "
             "number of links."),
        ],
        hints=["Each link doubles the influence: 2, 4, 8, ...",
               "Try `[2 ** n for n in range(15, 25)]`."],
        solution=f"20: 2^19 = {gradient_scale(2, 19):,.0f} and 2^20 = {gradient_scale(2, 20):,.0f}.",
    )


def q4():
    tiny = f"{gradient_scale(0.5, 99):.0e}"  # 0.5^99
    return ChoiceExercise(
        options=("a", "b", "c", "d"),  # the sentences are in notebook 02, after "Your turn (q4)"
        answer="c",
        reasons={
            "a": f"multiplying by a w with |w| < 1 makes a number smaller each time: 0.5^99 is about "
            f"{tiny}. It explodes only when |w| > 1.",
            "b": "day 1 is connected to the last output, through every later day's copy of w; the connection "
            "is just very weak.",
            "c": f"day 1's effect on the last output is w^99 ({tiny} for w = 0.5), so "
            "the gradient that would tell training how day 1 should change the weights is almost 0.",
            "d": "a bigger input is still multiplied by w^99: ten times day 1 moves the last output by ten "
            "times almost nothing. The weakness is the repeated w, not the input.",
        },
        hints=["How many times is day 1's input multiplied by w on its way to the last output?",
               "What is 0.5 multiplied by itself 99 times? Is that big or small?"],
        solution=f"(c). Day 1's input reaches the last output only after being multiplied by the same w once "
        f"per later day: w^99. With |w| < 1 that is tiny ({tiny} for w = 0.5), "
        "so the gradient from day 1 vanishes and training cannot tell how day 1 should change the weights.",
    )


def q5():
    return ExplanationExercise(
        model_answer="Day 1's input reaches the last output only through the same weight w, once per later "
        f"day, so its effect and its gradient scale as w^99. With |w| < 1 that is almost 0 "
        f"({gradient_scale(0.5, 99):.0e} for w = 0.5): training gets no signal about day 1.",
        points=["the same weight w multiplies day 1's signal once per later day (w^99 here);",
                "with |w| < 1 that product shrinks towards 0: the gradient vanishes (it does not explode);",
                "so training cannot learn how day 1 should change the weights."],
        hints=["Use the words 'multiplied', 'w^99' and 'gradient'.",
               "Compare with (c) in q4."],
    )


def exercises():
    return ExerciseSet("02_rnn_gradient_problems", q1=q1(), q2=q2(), q3=q3(), q4=q4(), q5=q5())
