"""Notebook 03 (one LSTM unit): the forget gate's share, the unit written by hand stage by stage,
the biases' effect, and why the long-term memory carries a memory across many days."""

from ..activations import sigmoid
from ..lstm import EXAMPLE_PARAMS, lstm_step, unroll
from .engine import ChoiceExercise, ExerciseSet, ExplanationExercise, NumberExercise
from .functions import FunctionExercise
from .nb03_solutions import (FORGET_STAGE_SOLUTION, LSTM_STEP_SOLUTION, STEP_MISTAKES, forget_stage_mistakes,
                             lstm_step_memories)

# Memories and inputs a learner's unit is tried on: the example, zeros, signs and extremes.
STEP_INPUTS = ((1.0, 2.0, 1.0), (0.0, 0.0, 0.0), (-2.0, 5.0, -1.0), (2.0, -5.0, 1.0), (0.5, -3.0, 0.25),
               (0.3, 0.7, -0.4), (10.0, 100.0, -1.0), (-10.0, -100.0, 1.0))
STEP_ARGS = ("input_value", "long_memory", "short_memory")
EXAMPLE = lstm_step(input_value=1, long_memory=2, short_memory=1)  # the unit at notebook 03's example values
FORGET = EXAMPLE_PARAMS.forget


def _forget_stage(input_value, long_memory, short_memory):
    """The reference for q2: the part of the long-term memory the forget gate keeps."""
    return lstm_step(input_value, long_memory, short_memory).scaled_long_memory


def q1():
    doubled = lstm_step(input_value=1, long_memory=4, short_memory=1)
    return NumberExercise(
        expected=doubled.scaled_long_memory,
        decimals=2,
        mistakes=[
            (EXAMPLE.scaled_long_memory, "that is what it keeps of 2; the long-term memory is now 4."),
            (4.0, "the forget gate keeps a fraction of the memory, a little under all of it."),
            (EXAMPLE.forget_gate, "that is the forget gate, the share kept; multiply the memory of 4 by it."),
            (100 * EXAMPLE.forget_gate, "that is the share kept, in percent; multiply the memory of 4 by it."),
        ],
        hints=["Does the forget gate's sum use the long-term memory? Look at its two weights.",
               "The gate is the same as before; only the memory it scales has doubled.",
               "`answer = 4 * lh.lstm_step(1, 2, 1).forget_gate`"],
        solution=f"The forget gate looks only at the short-term memory and the input, so it is still "
        f"{EXAMPLE.forget_gate:.3f}; it keeps {EXAMPLE.forget_gate:.1%} of 4, that is "
        f"{doubled.scaled_long_memory:.2f}.",
    )


def _step_exercise(reference, write_yourself, **checks):
    """A function exercise on one step's inputs (long_memory, short_memory, input_value) that may not
    call the library's own step: q2 (the forget stage) and q3 (the whole step)."""
    return FunctionExercise(reference=reference, inputs=STEP_INPUTS, arg_names=STEP_ARGS,
                            library=(lstm_step, unroll), library_calls=("lstm_step", "unroll"),
                            write_yourself=write_yourself, **checks)


def q2():
    return _step_exercise(
        _forget_stage, "the stage's arithmetic",
        mistakes=forget_stage_mistakes(FORGET),
        hints=["The sum is `f.w_short * short_memory + f.w_input * input_value + f.bias`.",
               "The gate is `lh.sigmoid` of that sum; the stage returns the long-term memory times the gate.",
               "Two lines: `forget_gate = lh.sigmoid(f.w_short * short_memory + f.w_input * input_value + f.bias)` "
               "then `return long_memory * forget_gate`."],
        solution=FORGET_STAGE_SOLUTION,
    )


def q3():
    return _step_exercise(
        lstm_step_memories, "the four stages' arithmetic",
        mistakes=STEP_MISTAKES,
        hints=["Four sums, each `g.w_short * short_memory + g.w_input * input_value + g.bias`, for g in "
               "`p.forget`, `p.input`, `p.candidate`, `p.output`.",
               "Gates use `lh.sigmoid`; the potential long-term memory and the potential short-term memory use "
               "`lh.tanh`.",
               "`new_long = forget_gate * long_memory + input_gate * potential_long` and "
               "`new_short = output_gate * lh.tanh(new_long)`."],
        solution=LSTM_STEP_SOLUTION,
    )


def q4():
    zeros = lstm_step(input_value=0, long_memory=0, short_memory=0)
    input_gate, candidate = EXAMPLE_PARAMS.input, EXAMPLE_PARAMS.candidate
    return NumberExercise(
        expected=zeros.long_memory,
        decimals=2,
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
    )


def q5():
    biases = (-10.0, -2.0, 0.0, 2.0)
    weights_part = FORGET.w_short * 1 + FORGET.w_input * 1

    def forget_with_bias(bias):
        return sigmoid(weights_part + bias)

    return ChoiceExercise(
        options=biases,
        answer=-10.0,
        reasons={b: f"with bias {b:g} the forget gate is {forget_with_bias(b):.3f}, so the unit keeps "
                 f"{forget_with_bias(b):.1%} of the long-term memory." for b in biases},
        hints=["Forgetting almost everything means a forget gate close to 0.",
               f"sigmoid is close to 0 only for sums well below 0; the weights add "
               f"{FORGET.w_short:.2f} + {FORGET.w_input:.2f} first.",
               "Open the weights panel and try each bias."],
        solution=f"-10: the sum is {FORGET.w_short:.2f} + {FORGET.w_input:.2f} - 10 = {weights_part - 10:.2f}, "
        f"and sigmoid of that is {forget_with_bias(-10):.4f}, so almost nothing is kept.",
    )


def q6():
    return ChoiceExercise(
        options=("a", "b", "c", "d"),  # the sentences are in notebook 03, after "Your turn (q6)"
        answer="c",
        reasons={
            "a": "each day the long-term memory, and its gradient, is multiplied by the forget gate. A gate of "
            f"0.5 every day fades it like 0.5^n (0.5^20 = {0.5 ** 20:.0e}), weight or no weight.",
            "b": f"tanh squashes the potential memories and the output, not the long-term memory itself: in "
            f"the example it is already {EXAMPLE.long_memory:.2f}.",
            "c": f"the forget gate is computed afresh each day, so a trained unit can hold it near 1 (it is "
            f"{EXAMPLE.forget_gate:.3f} in the example) for as long as a memory is worth keeping.",
            "d": "the output gate only decides how much of tanh(long-term memory) becomes the short-term "
            "memory; it never changes the long-term memory.",
        },
        hints=["Follow the green line through one unit: what is done to it?",
               "What would happen to the long-term memory if the forget gate were 0.5 every day?"],
        solution="(c). The green line has no weight of its own: each day it is multiplied by the forget gate "
        "and has the input gate's share of the potential memory added. A gate held near 1 passes the memory, "
        "and the gradient, on almost unchanged; a gate near 0.5 would fade it just as w^n fades a basic "
        "RNN's. Notebook 06 measures both.",
    )


def q7():
    return ExplanationExercise(
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
    )


def exercises():
    return ExerciseSet("03_one_lstm_unit", q1=q1(), q2=q2(), q3=q3(), q4=q4(), q5=q5(), q6=q6(), q7=q7())
