"""The course's exercises, notebook by notebook. Answers are computed, never typed in.

Exercises are numbered in the order a learner meets them. A question about why
something happens is asked twice: first as a choice among the explanations
learners actually give (graded), then in the learner's own words (compared with a
model answer by the learner, never graded by the program).
"""

import math

import numpy as np

from .activations import sigmoid, tanh
from .exercises import (ChoiceExercise, ExerciseSet, ExplanationExercise, FunctionExercise, NumberExercise,
                        code_block)
from .data import COMPANY_A, COMPANY_B
from .lstm import EXAMPLE_PARAMS, day_sensitivity, lstm_step, unroll
from .rnn import gradient_scale
from .training import UNTRAINED_PARAMS, loss_and_gradients, train_lstm


def lettered(question, options):
    """A choice question's prompt: the question, then each option on its own line as (a) ..."""
    return question + "".join(f"\n({letter}) {text}" for letter, text in options.items())


def _start_here():
    gate, memory = 0.25, 2.0
    return ExerciseSet(
        "00_start_here",
        q1=NumberExercise(
            prompt=f"A gate outputs {gate}. How much of a long-term memory of {memory} gets through?",
            expected=gate * memory,
            mistakes=[
                (memory - gate * memory, "that is the part the gate lets go; a gate says how much to keep."),
                (memory / gate, "a gate multiplies the memory; it does not divide it."),
            ],
            hints=[
                "A gate is a percentage: 0.25 means 25%.",
                f"Multiply the memory by the gate: {memory} x {gate}.",
            ],
            solution=f"The gate keeps {gate:.0%} of the memory: {memory} x {gate} = {gate * memory}.",
        ),
    )


def _activation_functions():
    x_where = math.log(9)  # sigmoid(x) = 0.9  <=>  e^x = 9
    return ExerciseSet(
        "01_activation_functions",
        q1=NumberExercise(
            prompt="Compute sigmoid(-5) by hand with math.exp, using f(x) = e^x / (e^x + 1).",
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
        ),
        q2=FunctionExercise(
            prompt="Write my_tanh(x) from the formula (e^x - e^-x) / (e^x + e^-x), with math.exp.",
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
        ),
        q3=NumberExercise(
            prompt="Find the x where sigmoid(x) = 0.9 (two decimals are enough).",
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
        ),
        q4=ChoiceExercise(
            prompt="A gate decides what fraction of a memory to keep. Which activation suits it: "
            "'sigmoid', 'tanh' or 'identity'?",
            options=("sigmoid", "tanh", "identity"),
            answer="sigmoid",
            reasons={
                "sigmoid": "sigmoid's output is always between 0 and 1: a percentage of the memory to keep.",
                "tanh": "tanh can be negative, and a negative fraction of a memory would flip its sign.",
                "identity": "the identity is not bounded: it could keep 300% of a memory, or -50%.",
            },
            hints=["A fraction to keep lies between 0 (keep nothing) and 1 (keep everything).",
                   "Which function squashes every input into (0, 1)?"],
            solution="sigmoid: its output lies between 0 and 1, so it reads as the percentage to keep. "
            "tanh, between -1 and 1, suits a value that can be negative, like a potential memory.",
        ),
    )


def _rnn_gradient_problems():
    days, w = 21, 0.9
    return ExerciseSet(
        "02_rnn_gradient_problems",
        q1=NumberExercise(
            prompt=f"An identity RNN with w_input = 1 and recurrent weight w = {w} runs over {days} days. "
            "How much does the first day's input move the last output (three decimals)?",
            expected=gradient_scale(w, days - 1),
            tolerance=0.0005,
            mistakes=[
                (gradient_scale(w, days), f"that is {w}^{days}: {days} days have {days - 1} links between them."),
                (w * (days - 1), f"that is {w} x {days - 1}; the weight is multiplied once per link, "
                 "so it is a power."),
            ],
            hints=[f"Day 1's input crosses one link per later day: {days - 1} links.",
                   f"`answer = {w} ** {days - 1}`"],
            solution=f"{w}^{days - 1} = {gradient_scale(w, days - 1):.4f}: after only {days} days, day 1 "
            f"counts about {gradient_scale(w, days - 1):.0%} as much as the last day.",
        ),
        q2=ChoiceExercise(
            prompt="Which recurrent weight makes the first of 100 days explode: 0.5, -0.9, 1.0 or -1.2?",
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
        ),
        q3=NumberExercise(
            prompt="With w = 2, how many links must day 1 cross before its influence passes 1,000,000?",
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
        ),
        q4=ChoiceExercise(
            prompt=lettered("Why can a basic RNN with |w| < 1 not learn from day 1 of a 100-day sequence?", RNN_WHY),
            options=tuple(RNN_WHY),
            answer="c",
            reasons={
                "a": f"multiplying by a w with |w| < 1 makes a number smaller each time: 0.5^99 is about "
                f"{gradient_scale(0.5, 99):.0e}. It explodes only when |w| > 1.",
                "b": "day 1 is connected to the last output, through every later day's copy of w; the connection "
                "is just very weak.",
                "c": f"day 1's effect on the last output is w^99 ({gradient_scale(0.5, 99):.0e} for w = 0.5), so "
                "the gradient that would tell training how day 1 should change the weights is almost 0.",
                "d": "a bigger input is still multiplied by w^99: ten times day 1 moves the last output by ten "
                "times almost nothing. The weakness is the repeated w, not the input.",
            },
            hints=["How many times is day 1's input multiplied by w on its way to the last output?",
                   "What is 0.5 multiplied by itself 99 times? Is that big or small?"],
            solution=f"(c). Day 1's input reaches the last output only after being multiplied by the same w once "
            f"per later day: w^99. With |w| < 1 that is tiny ({gradient_scale(0.5, 99):.0e} for w = 0.5), "
            "so the gradient from day 1 vanishes and training cannot tell how day 1 should change the weights.",
        ),
        q5=ExplanationExercise(
            prompt="In your own words, in a sentence or two: why can a basic RNN with |w| < 1 not learn from "
            "day 1 of a 100-day sequence?",
            model_answer="Day 1's input reaches the last output only through the same weight w, once per later "
            f"day, so its effect and its gradient scale as w^99. With |w| < 1 that is almost 0 "
            f"({gradient_scale(0.5, 99):.0e} for w = 0.5): training gets no signal about day 1.",
            points=["the same weight w multiplies day 1's signal once per later day (w^99 here);",
                    "with |w| < 1 that product shrinks towards 0: the gradient vanishes (it does not explode);",
                    "so training cannot learn how day 1 should change the weights."],
            hints=["Use the words 'multiplied', 'w^99' and 'gradient'.",
                   "Compare with (c) in q4."],
        ),
    )


RNN_WHY = {
    "a": "The gradient from day 1 explodes, because it is multiplied 99 times.",
    "b": "Nothing connects day 1 to the last output.",
    "c": "Day 1's effect on the last output, and so its gradient, is multiplied by w once per later day: "
         "w^99 is almost 0.",
    "d": "Day 1's value is too small to matter; scaling the inputs up would fix it.",
}


def _forget_stage(input_value, long_memory, short_memory):
    """The reference for 03 q2: the part of the long-term memory the forget gate keeps."""
    return lstm_step(input_value, long_memory, short_memory).scaled_long_memory


def _lstm_step_memories(input_value, long_memory, short_memory):
    """The reference for 03 q3: (new long-term memory, new short-term memory)."""
    step = lstm_step(input_value, long_memory, short_memory)
    return step.long_memory, step.short_memory


# Memories and inputs a learner's unit is tried on: the example, zeros, signs and extremes.
STEP_INPUTS = ((1.0, 2.0, 1.0), (0.0, 0.0, 0.0), (-2.0, 5.0, -1.0), (2.0, -5.0, 1.0), (0.5, -3.0, 0.25),
               (0.3, 0.7, -0.4), (10.0, 100.0, -1.0), (-10.0, -100.0, 1.0))
STEP_ARGS = ("input_value", "long_memory", "short_memory")

LONG_MEMORY_WHY = {
    "a": "No weight touches it, so its gradient can never vanish, whatever the gates do.",
    "b": "tanh keeps it between -1 and 1, so it cannot blow up.",
    "c": "Each day it is only multiplied by the forget gate and added to, with no weight of its own; while "
         "the forget gate is held near 1, the memory and its gradient pass from day to day almost unchanged.",
    "d": "The output gate protects it from being changed.",
}


def _one_lstm_unit():
    example = lstm_step(input_value=1, long_memory=2, short_memory=1)
    doubled = lstm_step(input_value=1, long_memory=4, short_memory=1)
    zeros = lstm_step(input_value=0, long_memory=0, short_memory=0)
    biases = (-10.0, -2.0, 0.0, 2.0)

    forget, candidate, input_gate = EXAMPLE_PARAMS.forget, EXAMPLE_PARAMS.candidate, EXAMPLE_PARAMS.input
    output = EXAMPLE_PARAMS.output
    weights_part = forget.w_short * 1 + forget.w_input * 1

    def forget_with_bias(bias):
        return sigmoid(weights_part + bias)

    def forget_sum(x, short, long_in_place_of_short=None):
        return forget.weighted_sum(short if long_in_place_of_short is None else long_in_place_of_short, x)

    return ExerciseSet(
        "03_one_lstm_unit",
        q1=NumberExercise(
            prompt="Same short-term memory (1) and input (1), but a previous long-term memory of 4 instead of 2. "
            "How much of it does the forget gate keep (the scaled long-term memory)?",
            expected=doubled.scaled_long_memory,
            mistakes=[
                (example.scaled_long_memory, "that is what it keeps of 2; the long-term memory is now 4."),
                (4.0, "the forget gate keeps a percentage of the memory, a little under all of it."),
                (example.forget_gate, "that is the forget gate, the share kept; multiply the memory of 4 by it."),
                (100 * example.forget_gate, "that is the share kept, in percent; multiply the memory of 4 by it."),
            ],
            hints=["Does the forget gate's sum use the long-term memory? Look at its two weights.",
                   "The gate is the same as before; only the memory it scales has doubled.",
                   "`answer = 4 * lh.lstm_step(1, 2, 1).forget_gate`"],
            solution=f"The forget gate looks only at the short-term memory and the input, so it is still "
            f"{example.forget_gate:.3f}; it keeps {example.forget_gate:.1%} of 4, that is "
            f"{doubled.scaled_long_memory:.2f}.",
        ),
        q2=FunctionExercise(
            prompt="Write forget_stage(input_value, long_memory, short_memory): the part of the long-term memory "
            "the forget gate keeps, from the example unit's forget-gate numbers (f = lh.EXAMPLE_PARAMS.forget).",
            reference=_forget_stage,
            inputs=STEP_INPUTS,
            arg_names=STEP_ARGS,
            library=(lstm_step, unroll),
            library_calls=("lstm_step", "unroll"),
            write_yourself="the stage's arithmetic",
            mistakes=[
                (lambda x, long, short: long * sigmoid(forget.w_short * long + forget.w_input * x + forget.bias),
                 "the forget gate's sum uses the short-term memory, not the long-term memory."),
                (lambda x, long, short: long * sigmoid(forget.w_short * short + forget.w_input * x),
                 f"every block adds its bias: here + {forget.bias:.2f}."),
                (lambda x, long, short: sigmoid(forget.weighted_sum(short, x)),
                 "that is the forget gate itself; multiply the long-term memory by it."),
                (lambda x, long, short: long * sigmoid(forget.w_short * x + forget.w_input * short + forget.bias),
                 "the weights are swapped: w_short multiplies the short-term memory, w_input the input."),
                (lambda x, long, short: long * tanh(forget.weighted_sum(short, x)),
                 "a gate is a percentage: use sigmoid, not tanh."),
            ],
            hints=["The sum is `f.w_short * short_memory + f.w_input * input_value + f.bias`.",
                   "The gate is `lh.sigmoid` of that sum; the stage returns the long-term memory times the gate.",
                   "Two lines: `forget_gate = lh.sigmoid(f.w_short * short_memory + f.w_input * input_value + f.bias)` "
                   "then `return long_memory * forget_gate`."],
            solution=code_block(
                "f = lh.EXAMPLE_PARAMS.forget\n\n"
                "def forget_stage(input_value, long_memory, short_memory):\n"
                "    forget_gate = lh.sigmoid(f.w_short * short_memory + f.w_input * input_value + f.bias)\n"
                "    return long_memory * forget_gate")
            + "The gate looks at the short-term memory and the input; only the result touches the long-term memory.",
        ),
        q3=FunctionExercise(
            prompt="Write my_lstm_step(input_value, long_memory, short_memory) for the example unit "
            "(p = lh.EXAMPLE_PARAMS), returning the new long-term memory and the new short-term memory, "
            "in that order.",
            reference=_lstm_step_memories,
            inputs=STEP_INPUTS,
            arg_names=STEP_ARGS,
            library=(lstm_step, unroll),
            library_calls=("lstm_step", "unroll"),
            write_yourself="the four stages' arithmetic",
            mistakes=[
                (lambda x, long, short: _lstm_step_memories(x, long, short)[::-1],
                 "the two are swapped: return the long-term memory first, then the short-term memory."),
                (lambda x, long, short: (lambda s: (s.added_long_memory,
                                                    s.output_gate * tanh(s.added_long_memory)))(lstm_step(x, long, short)),
                 "the new long-term memory is what the forget gate kept PLUS what the input gate adds."),
                (lambda x, long, short: (lambda s: (s.long_memory, s.output_gate * s.candidate))(lstm_step(x, long, short)),
                 "the potential short-term memory is tanh of the NEW long-term memory, not the potential "
                 "long-term memory."),
                (lambda x, long, short: (lambda s: (s.long_memory, s.output_gate * s.long_memory))(lstm_step(x, long, short)),
                 "put the new long-term memory through tanh before the output gate scales it."),
            ],
            hints=["Four sums, each `g.w_short * short_memory + g.w_input * input_value + g.bias`, for g in "
                   "`p.forget`, `p.input`, `p.candidate`, `p.output`.",
                   "Gates use `lh.sigmoid`; the potential long-term memory and the potential short-term memory use "
                   "`lh.tanh`.",
                   "`new_long = forget_gate * long_memory + input_gate * potential_long` and "
                   "`new_short = output_gate * lh.tanh(new_long)`."],
            solution=code_block(
                "p = lh.EXAMPLE_PARAMS\n\n"
                "def my_lstm_step(input_value, long_memory, short_memory):\n"
                "    def weighted(g):\n"
                "        return g.w_short * short_memory + g.w_input * input_value + g.bias\n"
                "    forget_gate = lh.sigmoid(weighted(p.forget))\n"
                "    input_gate = lh.sigmoid(weighted(p.input))\n"
                "    potential_long = lh.tanh(weighted(p.candidate))\n"
                "    output_gate = lh.sigmoid(weighted(p.output))\n"
                "    new_long = forget_gate * long_memory + input_gate * potential_long\n"
                "    new_short = output_gate * lh.tanh(new_long)\n"
                "    return new_long, new_short")
            + "Ten lines are the whole unit. `p.candidate` is the potential long-term memory: "
            "\"candidate\" is the name other texts and libraries use.",
        ),
        q4=NumberExercise(
            prompt="Before moving any slider: with long-term memory 0, short-term memory 0 and input 0, what is "
            "the new long-term memory (two decimals)?",
            expected=zeros.long_memory,
            mistakes=[
                (0.0, "the old memory is 0, but the input gate still adds some of the potential memory: "
                 "each block has a bias."),
                (zeros.candidate, "that is the potential long-term memory; the input gate keeps only part of it."),
                (zeros.input_gate, "that is the input gate; multiply it by the potential long-term memory."),
            ],
            hints=["With every input 0, each block's sum is just its bias.",
                   f"New long-term memory = forget gate x 0 + sigmoid({input_gate.bias:.2f}) x "
                   f"tanh({candidate.bias:.2f}).",
                   f"`answer = lh.sigmoid({input_gate.bias:.2f}) * lh.tanh({candidate.bias:.2f})`"],
            solution=f"The kept part is 0; the input gate sigmoid({input_gate.bias:.2f}) = {zeros.input_gate:.3f} "
            f"times the potential memory tanh({candidate.bias:.2f}) = {zeros.candidate:.3f} gives "
            f"{zeros.long_memory:.2f}. Notebook 04 meets this number again: it is Company A's long-term memory "
            "after day 1.",
        ),
        q5=ChoiceExercise(
            prompt="At the example values, which forget-gate bias makes the unit forget almost all of its "
            "long-term memory: -10, -2, 0 or 2?",
            options=biases,
            answer=-10.0,
            reasons={b: f"with bias {b:g} the forget gate is {forget_with_bias(b):.3f}, so the unit keeps "
                     f"{forget_with_bias(b):.1%} of the long-term memory." for b in biases},
            hints=["Forgetting almost everything means a forget gate close to 0.",
                   f"sigmoid is close to 0 only for sums well below 0; the weights add "
                   f"{forget.w_short:.2f} + {forget.w_input:.2f} first.",
                   "Open the weights panel and try each bias."],
            solution=f"-10: the sum is {forget.w_short:.2f} + {forget.w_input:.2f} - 10 = {weights_part - 10:.2f}, "
            f"and sigmoid of that is {forget_with_bias(-10):.4f}, so almost nothing is kept.",
        ),
        q6=ChoiceExercise(
            prompt=lettered("What lets the long-term memory carry something from day 1 to a much later day?",
                            LONG_MEMORY_WHY),
            options=tuple(LONG_MEMORY_WHY),
            answer="c",
            reasons={
                "a": "each day the long-term memory, and its gradient, is multiplied by the forget gate. A gate of "
                f"0.5 every day fades it like 0.5^n (0.5^20 = {0.5 ** 20:.0e}), weight or no weight.",
                "b": f"tanh squashes the potential memories and the output, not the long-term memory itself: in "
                f"the example it is already {example.long_memory:.2f}.",
                "c": f"the forget gate is computed afresh each day, so a trained unit can hold it near 1 (it is "
                f"{example.forget_gate:.3f} in the example) for as long as a memory is worth keeping.",
                "d": "the output gate only decides how much of tanh(long-term memory) becomes the short-term "
                "memory; it never changes the long-term memory.",
            },
            hints=["Follow the green line through one unit: what is done to it?",
                   "What would happen to the long-term memory if the forget gate were 0.5 every day?"],
            solution="(c). The green line has no weight of its own: each day it is multiplied by the forget gate "
            "and has the input gate's share of the potential memory added. A gate held near 1 passes the memory, "
            "and the gradient, on almost unchanged; a gate near 0.5 would fade it just as w^n fades a basic "
            "RNN's. Notebook 06 measures both.",
        ),
        q7=ExplanationExercise(
            prompt="In your own words: why can an LSTM's long-term memory carry a memory across many days when "
            "a basic RNN's signal fades?",
            model_answer="A basic RNN multiplies day 1's signal by the same weight every day, so it scales as w^n. "
            "The long-term memory has no weight of its own: each day it is only multiplied by the forget gate and "
            "added to. The forget gate is worked out afresh each day, so a trained unit can hold it near 1 while a "
            "memory is worth keeping; then the memory and its gradient cross many days. With a forget gate well "
            "below 1 it would fade too.",
            points=["the RNN's signal is multiplied by the same weight every day (w^n);",
                    "the long-term memory is only scaled by the forget gate and added to, with no weight of its own;",
                    "it survives only while the forget gate is held near 1 (a gate of 0.5 would fade it too)."],
            hints=["What multiplies the long-term memory each day?",
                   "Compare with q6's right answer, and with notebook 02's w^n."],
        ),
    )


def _my_unroll_reference(values):
    return unroll(values).prediction


def _unroll_without_passing_memories(values):
    return lstm_step(values[-1], 0.0, 0.0).short_memory


def _unroll_with_memories_swapped(values):
    long = short = 0.0
    for x in values:
        step = lstm_step(x, short, long)
        long, short = step.long_memory, step.short_memory
    return short


def _company_a_and_b():
    new_company = (0.5, 0.25, 0.25, 1.0)
    new_days = ", ".join(f"{v:g}" for v in new_company)
    new_run = unroll(new_company)
    a_run, b_run = unroll(COMPANY_A[:4]), unroll(COMPANY_B[:4])
    gap = float(b_run.long_memories[-1] - a_run.long_memories[-1])
    b_vs_a = "higher" if gap > 0.05 else "lower" if gap < -0.05 else "the same"
    _, predictions = day_sensitivity()
    reach = {day + 1: float(predictions[day].max() - predictions[day].min()) for day in range(4)}
    most = max(reach, key=reach.get)
    return ExerciseSet(
        "04_company_a_and_b",
        q1=FunctionExercise(
            prompt="Write my_unroll(values): start both memories at 0, run lh.lstm_step once per day, handing "
            "both memories on, and return the prediction (the last short-term memory).",
            reference=_my_unroll_reference,
            inputs=([0.0, 0.5, 0.25, 1.0], [1.0, 0.5, 0.25, 1.0], [0.7], [0.5, 0.25, 0.25, 1.0],
                    [2.0, -1.0, 0.0, 0.3, 0.9, -2.0], [0.1] * 20),
            arg_names=("values",),
            library=(unroll,),
            library_calls=("unroll",),
            write_yourself="the loop (calling lh.lstm_step inside it is fine)",
            mistakes=[
                (lambda values: float(unroll(values).long_memories[-1]),
                 "that is the last long-term memory; the prediction is the last short-term memory."),
                (_unroll_without_passing_memories,
                 "each day must start from the memories the day before left, not from 0."),
                (_unroll_with_memories_swapped,
                 "the two memories are swapped: the long-term memory goes in as long_memory (the second "
                 "argument), the short-term memory as short_memory (the third)."),
            ],
            hints=["Before the loop: `long_memory = short_memory = 0.0`.",
                   "Inside `for value in values:` call `step = lh.lstm_step(value, long_memory, short_memory)`, then "
                   "hand on `step.long_memory` and `step.short_memory`.",
                   "After the loop, `return short_memory`."],
            solution=code_block(
                "def my_unroll(values):\n"
                "    long_memory = short_memory = 0.0\n"
                "    for value in values:\n"
                "        step = lh.lstm_step(value, long_memory, short_memory)\n"
                "        long_memory, short_memory = step.long_memory, step.short_memory\n"
                "    return short_memory")
            + "The same unit, with the same 12 numbers, runs once per day; only the memories change.",
        ),
        q2=ChoiceExercise(
            prompt="Company B's days 2-4 are Company A's; only day 1 differs (1 instead of 0). Before running it: "
            "will B's long-term memory after day 4 be 'higher' than A's, 'lower', or 'the same'?",
            options=("higher", "lower", "the same"),
            answer=b_vs_a,
            reasons={
                "higher": f"B ends at {b_run.long_memories[-1]:.2f}, A at {a_run.long_memories[-1]:.2f}: day 1's 1 "
                "starts B off positive, and every later day adds more.",
                "lower": f"B ends at {b_run.long_memories[-1]:.2f}, A at {a_run.long_memories[-1]:.2f}.",
                "the same": "days 2-4 are the same, but the memories they start from are not: after day 1 the two "
                f"long-term memories are already {a_run.long_memories[0]:.2f} (A) and {b_run.long_memories[0]:.2f} (B).",
            },
            hints=["Does the unit start day 2 from the same memories for both companies?",
                   "Run `lh.unroll(lh.COMPANY_B[:4]).long_memories` and compare with A's."],
            solution=f"{b_vs_a.capitalize()}: B's long-term memory ends at {b_run.long_memories[-1]:.2f}, A's at "
            f"{a_run.long_memories[-1]:.2f}. Same days 2-4, different memories going into them.",
        ),
        q3=NumberExercise(
            prompt=f"A new company's days 1-4 are {new_days}. What does the unit predict for its day 5 "
            "(two decimals)?",
            expected=new_run.prediction,
            mistakes=[
                (float(new_run.long_memories[-1]), "that is the final long-term memory; the prediction is the "
                 "final short-term memory."),
                (unroll(new_company[1:]).prediction, "that run starts at day 2; give the unit all four days."),
                (unroll((*new_company, 0.0)).prediction, "that run has a fifth day; the unit sees days 1 to 4."),
            ],
            hints=["`lh.unroll` takes the days as a list and returns the run; `.prediction` is the last "
                   "short-term memory.",
                   f"`answer = lh.unroll([{new_days}]).prediction`"],
            solution=f"`lh.unroll([{new_days}]).prediction` = {new_run.prediction:.2f}.",
        ),
        q4=ChoiceExercise(
            prompt="Starting from Company A's four days and changing one day at a time, which day's value moves "
            "the prediction the most: 1, 2, 3 or 4?",
            options=(1, 2, 3, 4),
            answer=most,
            reasons={day: f"changing only day {day} from 0 to 1 moves the prediction across {reach[day]:.2f}."
                     for day in reach},
            hints=["Look at the plot: which line spans the most of the y-axis?",
                   "The first day is the one the two companies differ on."],
            solution=f"Day {most}: it moves the prediction across {reach[most]:.2f}, against "
            + ", ".join(f"day {d}: {r:.2f}" for d, r in reach.items() if d != most)
            + ". A change on day 1 changes the short-term memory, which shifts every later day's gates and what "
            "they add to the long-term memory, so its effect builds up over three more days.",
        ),
    )


TRAINING_STUCK_WHY = {
    "a": "The gradients explode to infinity.",
    "b": "Training needs more epochs at this rate.",
    "c": "The steps are so large that the weights jump to values where sigmoid and tanh are flat; there the "
         "slopes, and so the gradients, are almost 0, and the weights stop moving.",
    "d": "A total loss of 1 is the lowest this unit can reach on these two companies.",
}


def _training():
    before_a = unroll(COMPANY_A[:4], UNTRAINED_PARAMS).prediction
    before_b = unroll(COMPANY_B[:4], UNTRAINED_PARAMS).prediction
    loss_a, loss_b = (before_a - COMPANY_A[4]) ** 2, (before_b - COMPANY_B[4]) ** 2
    sequences, targets = [COMPANY_A[:4], COMPANY_B[:4]], [COMPANY_A[4], COMPANY_B[4]]
    stuck = train_lstm(sequences, targets, UNTRAINED_PARAMS, 5000, learning_rate=1.0)
    good = train_lstm(sequences, targets, UNTRAINED_PARAMS, 5000, learning_rate=0.001)
    stuck_gradient = max(abs(sum(g)) for g in zip(*(loss_and_gradients(stuck.params, s, y)[1].to_list()
                                                    for s, y in zip(sequences, targets))))
    largest = max(abs(v) for v in stuck.params.to_list())
    gradient_text = "exactly 0" if stuck_gradient == 0 else f"{stuck_gradient:.0e}"
    return ExerciseSet(
        "05_training",
        q1=NumberExercise(
            prompt="Before training, what is the loss (the squared residual) for Company A? Five decimals.",
            expected=loss_a,
            tolerance=0.000005,
            mistakes=[
                (before_a, "that is the prediction itself; the loss is (prediction - target) squared."),
                (abs(before_a), "that is the size of the residual; square it."),
                (before_b ** 2, "that is Company B's prediction squared; the question is about Company A."),
                (loss_a + loss_b, "that is the total over both companies; the question asks for Company A alone."),
                (loss_b, "that is Company B's loss; the question is about Company A."),
            ],
            hints=["The target for Company A is its day 5 value, `lh.COMPANY_A[4]`.",
                   "`prediction = lh.unroll(lh.COMPANY_A[:4], lh.UNTRAINED_PARAMS).prediction`",
                   "`answer = (prediction - lh.COMPANY_A[4]) ** 2`"],
            solution=f"The untrained unit predicts {before_a:.4f} for Company A, whose day 5 is "
            f"{COMPANY_A[4]:g}: the loss is ({before_a:.4f} - {COMPANY_A[4]:g})^2 = {loss_a:.5f}.",
        ),
        q2=ChoiceExercise(
            prompt=lettered("With Adam and a learning rate of 1.0, the total loss stops at 1 and stays there. Why?",
                            TRAINING_STUCK_WHY),
            options=tuple(TRAINING_STUCK_WHY),
            answer="c",
            reasons={
                "a": f"nothing became infinite: the largest weight ends at {largest:.1f}, and the gradient is "
                f"{gradient_text}, the opposite of exploding.",
                "b": f"it had 5000 epochs and the loss sat at {stuck.loss_history[-1]:.2f} for most of them; more "
                "steps with a gradient of 0 go nowhere.",
                "c": f"the weights end as large as {largest:.1f}, where sigmoid and tanh are flat, and the largest "
                f"gradient is {gradient_text}: nothing moves them any more.",
                "d": f"at a learning rate of 0.001 the same unit reaches {good.loss_history[-1]:.4f}.",
            },
            hints=["Look at the 12 numbers after training with 1.0: how large are they?",
                   "Notebook 01: what is the slope of sigmoid at x = 20?"],
            solution=f"(c). With steps that large the weights land far out (the largest at {largest:.1f}); every "
            f"sum is then deep in the flat part of sigmoid or tanh, the largest gradient is {gradient_text}, and "
            "the weights stop moving with the loss stuck.",
        ),
        q3=ExplanationExercise(
            prompt="In your own words: why does a learning rate of 1.0 leave the loss stuck, when 0.1 trains well?",
            model_answer="Each step is so large that the weights jump to big values, where every sum lands in the "
            "flat (saturated) part of sigmoid or tanh. There the slopes are almost 0, so the gradients vanish and "
            "Adam has nothing to follow: the weights, and the loss, stop moving. Smaller steps keep the sums where "
            "the curves still slope.",
            points=["the steps are too large, so the weights become large;",
                    "large sums land where sigmoid and tanh are flat (saturated), with slopes near 0;",
                    "so the gradients vanish (they do not explode) and training stalls."],
            hints=["What do large weights do to the sums that go into sigmoid and tanh?",
                   "Compare with q2's right answer and with notebook 01's saturation."],
        ),
        q4=ChoiceExercise(
            prompt="How many numbers does torch.nn.LSTM(input_size=1, hidden_size=1) train for a unit like ours: "
            "8, 12 or 16?",
            options=(8, 12, 16),
            answer=16,
            reasons={
                16: "16: four gates, each with a weight on the input, a weight on the short-term memory and two "
                "biases (bias_ih and bias_hh), which only ever act through their sum.",
                12: "12 is our unit: PyTorch keeps two bias vectors, so each gate has one bias more.",
                8: "8 counts only the weights; every gate has biases too.",
            },
            hints=["Count the weights first: two per gate.", "PyTorch has `bias_ih_l0` and `bias_hh_l0`."],
            solution="16 = 4 gates x (1 input weight + 1 hidden weight + 2 biases). The two biases of a gate are "
            "always added together, so our single bias per gate can do the same job with 12 numbers.",
        ),
    )


def _lstm_scaler_check(split, returns, _done={}):
    """Notebook 07's LSTM, its size chosen by the validation period among lstm_choices() (seed 0),
    fitted with the training period's scaler and, with the same settings, with one fitted on all
    the data: (n_units, honest, leaky) test predictions. Computed once per session, always for
    notebook 07's AAPL split."""
    from .forecasting import Scaler, ValidationChoice
    from .lstm_window import LSTMWindow, lstm_choices

    if "predictions" not in _done:
        honest = ValidationChoice(lstm_choices()).fit(split.train, split.validation)
        n_units = honest.model.n_units
        leaky = LSTMWindow(n_units=n_units, seed=0, scaler=Scaler.fit(returns)).fit(split.train, split.validation)
        _done["predictions"] = (n_units, honest.predict(split.test.inputs), leaky.predict(split.test.inputs))
    return _done["predictions"]


LEAK_EFFECTS = {
    "a": "exactly the same predictions, as for the linear model",
    "b": "different predictions, but its test errors change by less than the noise",
    "c": "different predictions, and clearly smaller test errors (beyond noise): the leak flatters it",
    "d": "different predictions, and clearly larger test errors (beyond noise)",
}


def _real_prices():
    """Notebook 07: AAPL's daily log returns, windows of 20 days, validation from 2009, test from 2011."""
    import numpy as np

    from .evaluation import direction_accuracy, random_split_check, rmse
    from .forecasting import (LinearWindow, Scaler, TrainingMean, leaked_targets, log_returns, shuffled_split,
                              time_split)
    from .prices import load_prices

    n_days, ticker = 20, "AAPL"
    dates, prices = load_prices(ticker)
    returns = log_returns(prices)
    split = time_split(dates[1:], returns, n_days, validation_start="2009-01-01", test_start="2011-01-01")

    # q1: three splits of the windows of the whole series, each window dated by the day it predicts
    predicts = dates[1:][n_days:]
    starts = np.arange(len(predicts))
    in_order = (starts[predicts < np.datetime64("2009-01-01")], starts[predicts >= np.datetime64("2011-01-01")])
    shuffled = shuffled_split(len(starts), 0.2, seed=0)
    test_first = (starts[predicts >= np.datetime64("2002-01-01")], starts[predicts < np.datetime64("2002-01-01")])
    leaks = {name: leaked_targets(train, test, n_days)
             for name, (train, test) in (("A", in_order), ("B", shuffled), ("C", test_first))}
    tested = {"A": len(in_order[1]), "B": len(shuffled[1]), "C": len(test_first[1])}
    flattered = {}  # does a random split flatter the training mean? (notebook 07, section 3)
    for label, series in (("returns", returns), ("sizes", np.abs(returns))):
        d = random_split_check(dates[1:], series, n_days, TrainingMean, "2011-01-01").difference
        flattered[label] = ("left the training mean's test RMSE no different beyond noise" if not d.beyond_noise
                            else f"{'lowered' if d.high < 0 else 'raised'} the training mean's test RMSE beyond "
                            "noise")

    # q2: five test days, rounded as the prompt shows them
    five = [round(100 * v, 2) for v in split.test.targets[:5]]
    by_hand = math.sqrt(sum(v * v for v in five) / 5)
    mean = sum(five) / 5

    # q3: the linear model with an honest scaler and with one that has seen the test years
    outcomes = {}
    for label, scaler in (("honest", split.scaler()), ("leaky", Scaler.fit(returns))):
        predicted = LinearWindow(scaler=scaler).fit(split.train).predict(split.test.inputs)
        outcomes[label] = (rmse(predicted, split.test.targets), direction_accuracy(predicted, split.test.targets))
    (honest_rmse, honest_dir), (leaky_rmse, leaky_dir) = outcomes["honest"], outcomes["leaky"]
    if abs(leaky_rmse - honest_rmse) <= 1e-9 * honest_rmse and leaky_dir == honest_dir:
        effect = "the same"
    else:
        effect = "better" if leaky_rmse < honest_rmse else "worse"
    measured = (f"with the scaler fitted on all the data the test RMSE is {100 * leaky_rmse:.4f}% a day and the "
                f"direction is right on {leaky_dir.value:.1%} of days; fitted on the training years only, "
                f"{100 * honest_rmse:.4f}% and {honest_dir.value:.1%}.")
    happened = {"the same": "the leak changed nothing: the linear model made the same predictions with either "
                "scaler, so its test score did not move",
                "better": "the leak made the linear model's test errors smaller",
                "worse": "the leak made the linear model's test errors larger"}[effect]
    why = {"the same": " A linear model with a bias undoes any shift and stretch of its inputs and its target, so "
           "the scaler cannot change its predictions. The leak is still a leak: a model that is not linear, like the "
           "LSTM with its tanh and sigmoid, responds to the scale itself, so for it the check must be run again "
           "(q4).",
           "better": " The leaky scaler let the model see how large the test years' moves are: an advantage it "
           "would not have in real use.",
           "worse": " Here the leak happened to hurt; a leak can push the score either way, and either way the "
           "test no longer measures what real use would see."}[effect]

    # q4: the same leak for the LSTM
    from .evaluation import rmse_difference

    n_units, honest, leaky = _lstm_scaler_check(split, returns)
    actual = split.test.targets
    change = rmse_difference(leaky, honest, actual)
    largest = float(np.max(np.abs(leaky - honest)))
    if largest == 0:
        leak = "a"
    elif not change.beyond_noise:
        leak = "b"
    else:
        leak = "c" if change.high < 0 else "d"
    lstm_measured = (f"the largest change in any predicted return is {100 * largest:.4f}%; the test RMSE goes from "
                     f"{100 * rmse(honest, actual):.4f}% a day (scaler from the training years) to "
                     f"{100 * rmse(leaky, actual):.4f}% (from all the data), a change of {100 * change.estimate:+.4f} "
                     f"points with a 95% interval of [{100 * change.low:+.4f}, {100 * change.high:+.4f}].")
    lstm_why = {"a": " The LSTM gave exactly the same numbers here.",
                "b": " The LSTM's sigmoid and tanh answer to the size of their inputs, so a different scaler trains a "
                "different model; on this test period the difference is lost in the noise. That is no excuse for the "
                "leak: the test would no longer measure what real use would see.",
                "c": " The leaky scaler told the LSTM how large the test years' moves are, and it used that: an "
                "advantage it would not have in real use.",
                "d": " Here the leak happened to hurt; a leak can push the score either way, and either way the test "
                "no longer measures what real use would see."}[leak]
    moved = ("the predictions did not change at all" if largest == 0
             else f"the predictions changed, by up to {100 * largest:.4f}% in a day's return")
    errors = (f"the test RMSE {'fell' if change.estimate < 0 else 'rose'} by {abs(100 * change.estimate):.4f} "
              f"points, and its 95% interval [{100 * change.low:+.4f}, {100 * change.high:+.4f}] "
              + ("excludes 0: beyond noise" if change.beyond_noise else "includes 0: within noise"))
    not_so = {"a": "the predictions did change", "b": "the change in the errors is beyond noise",
              "c": "the errors are not clearly smaller", "d": "the errors are not clearly larger"}

    return ExerciseSet(
        "07_real_prices",
        q1=ChoiceExercise(
            prompt=f"Three ways to split {ticker}'s {n_days}-day windows of daily returns (each window dated by the "
            "day it predicts). Which one is honest, with no tested day seen in training and no learning from the "
            "future? 'A': in time order: train on windows predicting days before 2009, validate on 2009-2010, test "
            "on 2011 onwards. 'B': shuffle all windows (seed 0) and test on a random 20% of them, train on the "
            "rest. 'C': in time order but test first: test on windows predicting 2000-2001, train on 2002 onwards.",
            options=("A", "B", "C"),
            answer="A",
            reasons={
                "A": f"A is honest: {leaks['A']} of its {tested['A']} test days appear in any training window, and "
                "every training window ends before the test period starts. Its first test windows reach back into "
                "2010 for their inputs, which is harmless: those days are already past when the prediction is "
                "made. The notebook keeps every window inside its own period all the same, the conservative "
                "choice: then each period is scored on its own days alone.",
                "B": f"B leaks: {leaks['B']} of its {tested['B']} test days sit inside some training window. "
                f"Neighbouring windows share {n_days - 1} days, so a random split leaves the windows just after a "
                "test window in training, and they hold the very day it predicts; and it trains on every year, "
                f"the test years included. Whether that flatters the score depends on the model and the data: in "
                f"section 3 the random split {flattered['returns']} for the returns, and {flattered['sizes']} for "
                "the sizes of the moves. You cannot know in advance, so a random split is never the honest test.",
                "C": f"C leaks: the model learns from 2002 onwards to predict 2000-2001, so it is trained on the "
                f"future of the days it predicts, and {leaks['C']} of its {tested['C']} test days are inputs of "
                "the first training windows.",
            },
            hints=["A window holds 20 days in a row. Which of these splits could put a test day inside a training "
                   "window?",
                   "lh.shuffled_split and lh.leaked_targets count it for you; and ask which split trains on "
                   "days that come after the ones it predicts."],
            solution=f"A. Shuffling (B) puts {leaks['B']} of {tested['B']} test days inside training windows; testing "
            f"on the past (C) trains on the future and still leaks {leaks['C']} days. Only A keeps every training day "
            "before every tested day.",
        ),
        q2=NumberExercise(
            prompt=f"On the first five days the test period predicts, {ticker}'s daily returns were "
            f"{', '.join(f'{v:+.2f}' for v in five)} (in %). 'Tomorrow = today' predicts 0 each day. What is its "
            "RMSE over these five days, in %? (Two decimals.)",
            expected=by_hand,
            tolerance=0.005,  # two decimals: any answer that rounds to the right one
            mistakes=[
                (by_hand / 100, "that is the RMSE as a fraction; the returns are given in %, and so is the answer: "
                 "multiply by 100."),
                (math.sqrt(sum(v * v for v in five) / 4), "that divides the sum of squares by 4; there are five "
                 "days, so average over 5."),
                (sum(v * v for v in five) / 5, "that is the mean squared error; take its square root."),
                (sum(abs(v) for v in five) / 5, "that is the mean absolute error; square the misses, average, "
                 "then take the square root."),
                (abs(mean), "that is the size of the average miss; positive and negative misses cancel in it, "
                 "so square each miss first."),
                (math.sqrt(sum((v - mean) ** 2 for v in five) / 5), "that measures the misses around their "
                 "average; the RMSE uses the misses themselves (prediction 0, so each miss is the return)."),
            ],
            hints=["Each day's miss is the actual return minus the prediction, and the prediction is 0.",
                   "Square each of the five misses, average the squares, take the square root.",
                   f"answer = math.sqrt(sum(v ** 2 for v in [{', '.join(f'{v:.2f}' for v in five)}]) / 5)"],
            solution=f"The misses are the returns themselves. Squared and averaged: "
            f"{sum(v * v for v in five) / 5:.4f}; its square root is {by_hand:.2f}%. Over the whole test period "
            f"lh.evaluate finds {100 * rmse(np.zeros(len(split.test)), split.test.targets):.2f}%.",
        ),
        q3=ChoiceExercise(
            prompt="Fit the scaler on all the data (the test years included) instead of the training period only, "
            "then fit the linear model lh.LinearWindow(scaler=...) on the same training windows. On the test "
            "period, does it look 'better', 'worse', or 'the same'?",
            options=("better", "worse", "the same"),
            answer=effect,
            reasons={option: measured[0].upper() + measured[1:] + why if option == effect
                     else f"{happened}. In numbers: {measured}"
                     for option in ("better", "worse", "the same")},
            hints=["Run it: fit lh.LinearWindow(scaler=split.scaler()) and lh.LinearWindow(scaler=lh.Scaler.fit("
                   "returns)) on split.train and compare lh.rmse of their predictions on split.test.",
                   "A scaler subtracts one number and divides by another. Could a linear model with a bias undo that?"],
            solution=f"{effect.capitalize()}: {measured}{why}",
        ),
        q4=ChoiceExercise(
            prompt=lettered(f"Now the LSTM ({n_units} units, as the validation period chose, seed 0). Fit its "
                            "scaler on all the data instead of the training period only, train it the same way, "
                            "and predict the test period. What happens?", LEAK_EFFECTS),
            options=tuple(LEAK_EFFECTS),
            answer=leak,
            reasons={option: (lstm_measured[0].upper() + lstm_measured[1:] + lstm_why if option == leak
                              else f"{not_so[option]}. {moved[0].upper() + moved[1:]}; {errors}.")
                     for option in LEAK_EFFECTS},
            hints=["A linear model undoes a shift and a stretch. Can a model whose units pass their sums through "
                   "sigmoid and tanh do the same?",
                   f"Fit lh.LSTMWindow(n_units={n_units}, seed=0, scaler=lh.Scaler.fit(returns)) on split.train "
                   "and split.validation, then compare its test predictions and its RMSE with the honest one's."],
            solution=f"({leak}) {LEAK_EFFECTS[leak]}: {lstm_measured}{lstm_why}",
        ),
    )


TABLE_SUPPORTS = {
    "a": "RNNs cannot learn a 100-day lag.",
    "b": "With these settings and this budget, the LSTM learned the 100-day lag and the RNN did not.",
    "c": "An LSTM learns any long lag, whatever its starting biases.",
}


def _long_memories():
    from .long_lag import gradient_by_lag, long_lag_table

    kept, days = 0.9, 50
    starts = {"forget 0, input 0": (0.0, 0.0), "forget 5, input 0": (5.0, 0.0),
              "forget 5, input -3": (5.0, -3.0), "forget -2, input 3": (-2.0, 3.0)}
    runs = {name: gradient_by_lag("lstm", 100, forget_bias=f, input_bias=i) for name, (f, i) in starts.items()}
    best = max(runs, key=lambda name: runs[name].gradients[-1])
    table = long_lag_table()
    rnn_lags = table.lags("RNN")
    share = {n: table.solved("RNN", n)[0] / table.solved("RNN", n)[1] for n in rnn_lags}
    first_below = next(n for n in rnn_lags if share[n] < 0.5)
    first_missed = next((n for n in rnn_lags if share[n] < 1), None)
    first_none = next((n for n in rnn_lags if share[n] == 0), None)
    plain, plain_runs = table.solved("RNN", 100)
    longer, longer_runs = table.solved("RNN, learning rate 0.03, 6000 steps", 100)
    lstm, lstm_runs = table.solved("LSTM", 100)
    closed, closed_runs = table.solved("LSTM, forget bias 0, input bias 0", 100)
    return ExerciseSet(
        "06_long_memories",
        q1=NumberExercise(
            prompt=f"Every day the forget gate keeps {kept} of the long-term memory. What share of day 1's memory "
            f"is left after {days} forget gates? Four decimals.",
            expected=kept ** days,
            tolerance=0.0001,
            mistakes=[
                (kept * days, f"that is {kept} x {days}; the memory is multiplied by {kept} again every day."),
                (kept ** (days - 1), f"that is {days - 1} forget gates; the question has {days}."),
                (kept ** (days + 1), f"that is {days + 1} forget gates; the question has {days}."),
                (100 * kept ** days, "that is the share in percent; give it as a fraction, like 0.5."),
                (1 - kept ** days, "that is the share forgotten; the question asks what is left."),
            ],
            hints=[f"After one gate {kept} is left, after two {kept} x {kept} = {kept * kept:.2f}.",
                   f"`answer = {kept} ** {days}`"],
            solution=f"{kept}^{days} = {kept ** days:.4f}: even a gate that keeps 90% a day lets only about half a "
            "percent of day 1 through 50 days. The gradient along the long-term memory shrinks the same way.",
        ),
        q2=ChoiceExercise(
            prompt="Which starting biases of the forget and input gates give day 1 the largest gradient at 100 days: "
            + ", ".join(f"'{name}'" for name in starts) + "?",
            options=tuple(starts),
            answer=best,
            reasons={name: f"with '{name}' day 1's gradient at 100 days is {run.gradients[-1]:.1e}; the forget gates "
                     f"keep {run.forget_products[-1]:.2g} of day 1's memory and the largest long-term memory reaches "
                     f"{run.largest_long_memory:.1f}." for name, run in runs.items()},
            hints=["Set the two sliders to each pair and read the blue line at 100 days.",
                   "The forget gate must stay open; the input gate must not flood the memory, or tanh saturates."],
            solution=f"'{best}': a large forget bias holds every forget gate near 1, so day 1's memory survives "
            f"(the gates keep {runs[best].forget_products[-1]:.2f} of it over 99 days), and a negative input bias "
            "keeps the input gate mostly shut, so the noise of the later days does not pile up in the memory: "
            f"its largest value is {runs[best].largest_long_memory:.1f} (median of 20 models), against "
            f"{runs['forget 5, input 0'].largest_long_memory:.0f} with 'forget 5, input 0', where tanh is flat and "
            "passes almost no gradient.",
        ),
        q3=NumberExercise(
            prompt="In the success table's RNN row: at how many days does the RNN first solve the task for fewer "
            "than half of its seeds?",
            expected=first_below,
            tolerance=0.05,  # a number of days from the table's columns: only the exact one is right
            mistakes=[(wrong, why) for wrong, why in (
                (first_missed, f"at {first_missed} days the RNN already misses some seeds, but it still solves "
                 f"{'%d of %d' % table.solved('RNN', first_missed)}: at least half."),
                (first_none, f"at {first_none} days it solves none at all; fewer than half happens sooner."),
            ) if wrong is not None and wrong != first_below],
            hints=["Read the RNN row from left to right and compare each count with half of the seeds.",
                   "The answer is the first column whose count is below half, e.g. below 5/10."],
            solution=f"{first_below} days: the RNN row reads "
            + ", ".join(f"{n} days {'%d/%d' % table.solved('RNN', n)}" for n in rnn_lags)
            + f". Day 1's gradient shrinks as the lag grows (section 2), and by {first_below} days most seeds "
            "never find the memory within the budget.",
        ),
        q4=ChoiceExercise(
            prompt=lettered("Which sentence does the success table support?", TABLE_SUPPORTS),
            options=tuple(TABLE_SUPPORTS),
            answer="b",
            reasons={
                "a": f"the row 'RNN, learning rate 0.03, 6000 steps' solved {longer} of {longer_runs} at 100 days: "
                "with a larger learning rate and four times the steps the RNN sometimes gets there.",
                "b": f"at 100 days the LSTM solved {lstm} of {lstm_runs} and the RNN {plain} of {plain_runs}, with the "
                "same data, learning rate and step limit (only the LSTM's starting biases differ); that is all the "
                "main rows say.",
                "c": f"the row 'LSTM, forget bias 0, input bias 0' says otherwise: started with its forget gates "
                f"half shut, the LSTM solved {closed} of {closed_runs} at 100 days, like the RNN.",
            },
            hints=["Read the caveat rows too, not just the first two.",
                   "A table of runs can support 'under these conditions'; can it support 'never'?"],
            solution="(b). The table compares the two models under one set of conditions. The caveat rows show that "
            "a bigger budget sometimes rescues the RNN, and that the LSTM's advantage depends on starting with its "
            "forget gates open.",
        ),
    )


_BUILDERS = {
    "00_start_here": _start_here,
    "01_activation_functions": _activation_functions,
    "02_rnn_gradient_problems": _rnn_gradient_problems,
    "03_one_lstm_unit": _one_lstm_unit,
    "04_company_a_and_b": _company_a_and_b,
    "05_training": _training,
    "06_long_memories": _long_memories,
    "07_real_prices": _real_prices,
}


def exercises_for(notebook):
    """The ExerciseSet of a notebook, by its number ("01") or full name."""
    key = str(notebook)
    matches = [name for name in _BUILDERS if name == key or name.split("_")[0] == key]
    if not matches:
        known = ", ".join(name.split("_")[0] for name in _BUILDERS)
        raise ValueError(f"notebook must be one of {known} (or its full name), got {notebook!r}")
    return _BUILDERS[matches[0]]()


def all_exercise_sets():
    """Every notebook's ExerciseSet, in course order."""
    return [build() for build in _BUILDERS.values()]
