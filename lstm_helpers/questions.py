"""The course's exercises, notebook by notebook. Answers are computed, never typed in."""

import math

from .activations import sigmoid, tanh
from .exercises import ChoiceExercise, ExerciseSet, ExplanationExercise, FunctionExercise, NumberExercise
from .data import COMPANY_A, COMPANY_B
from .lstm import EXAMPLE_PARAMS, day_sensitivity, lstm_step, unroll
from .rnn import gradient_scale
from .training import UNTRAINED_PARAMS


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
                "math.exp(-5) is e to the power -5, a small number.",
                "answer = math.exp(-5) / (math.exp(-5) + 1)",
            ],
            solution=f"math.exp(-5) / (math.exp(-5) + 1) = {sigmoid(-5):.5f}: almost 0, "
            "just as sigmoid(5) is almost 1.",
        ),
        q2=FunctionExercise(
            prompt="Write my_tanh(x) from the formula (e^x - e^-x) / (e^x + e^-x), with math.exp.",
            reference=tanh,
            inputs=(0.0, 1.0, -2.0, 0.5, 5.0, -5.0, 20.0, -20.0),
            mistakes=[
                (sigmoid, "that is sigmoid; tanh uses e^-x as well as e^x."),
                (lambda x: (math.exp(x) - math.exp(-x)) / 2, "that is only the top of the fraction over 2; "
                 "divide by (e^x + e^-x)."),
            ],
            hints=[
                "math.exp(x) is e^x and math.exp(-x) is e^-x.",
                "return (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))",
            ],
            solution="def my_tanh(x):\n    return (math.exp(x) - math.exp(-x)) / (math.exp(x) + math.exp(-x))\n"
            "# Beyond x = 710 math.exp overflows; lh.tanh uses numpy's tanh, which never does.",
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
                "answer = math.log(9)",
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
            "How much does the first day's input move the last output?",
            expected=gradient_scale(w, days - 1),
            tolerance=0.0005,
            mistakes=[
                (gradient_scale(w, days), f"that is {w}^{days}: {days} days have {days - 1} links between them."),
                (w * (days - 1), f"that is {w} x {days - 1}; the weight is multiplied once per link, "
                 "so it is a power."),
            ],
            hints=[f"Day 1's input crosses one link per later day: {days - 1} links.",
                   f"answer = {w} ** {days - 1}"],
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
                1.0: "1^99 = 1: neither vanishes nor explodes (but an RNN cannot keep w at exactly 1).",
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
            ],
            hints=["Each link doubles the influence: 2, 4, 8, ...",
                   "Try [2 ** n for n in range(15, 25)]."],
            solution=f"20: 2^19 = {gradient_scale(2, 19):,.0f} and 2^20 = {gradient_scale(2, 20):,.0f}.",
        ),
        q4=ExplanationExercise(
            prompt="In a sentence or two: why can a basic RNN with |w| < 1 not learn from day 1 of a "
            "100-day sequence?",
            key_ideas=[
                ("that the same weight multiplies it once per day",
                 ("multipl", "times", "power", "w^", "**", "again and again", "repeated")),
                ("that its influence (the gradient) becomes almost 0",
                 ("vanish", "shrink", "tiny", "almost 0", "almost zero", "close to 0", "close to zero",
                  "nearly 0", "nearly zero", "disappear")),
            ],
            hints=["How many times is day 1's input multiplied by w on its way to the last output?",
                   "What happens to 0.5 multiplied by itself 99 times?"],
            solution="Day 1's input reaches the last output only after being multiplied by the same w once "
            f"per later day: w^99. With |w| < 1 that is tiny ({gradient_scale(0.5, 99):.0e} for w = 0.5), "
            "so the gradient from day 1 vanishes and training cannot tell how day 1 should change the weights.",
        ),
    )


def _one_lstm_unit():
    example = lstm_step(input_value=1, long_memory=2, short_memory=1)
    doubled = lstm_step(input_value=1, long_memory=4, short_memory=1)
    zeros = lstm_step(input_value=0, long_memory=0, short_memory=0)
    biases = (-10.0, -2.0, 0.0, 2.0)

    forget, candidate, input_gate = EXAMPLE_PARAMS.forget, EXAMPLE_PARAMS.candidate, EXAMPLE_PARAMS.input
    weights_part = forget.w_short * 1 + forget.w_input * 1

    def forget_with_bias(bias):
        return sigmoid(weights_part + bias)

    return ExerciseSet(
        "03_one_lstm_unit",
        q1=NumberExercise(
            prompt="Same short-term memory (1) and input (1), but a previous long-term memory of 4 instead of 2. "
            "How much of it does the forget gate keep (the scaled long-term memory)?",
            expected=doubled.scaled_long_memory,
            mistakes=[
                (example.scaled_long_memory, "that is what it keeps of 2; the long-term memory is now 4."),
                (4.0, "the forget gate keeps a percentage of the memory, a little under all of it."),
            ],
            hints=["Does the forget gate's sum use the long-term memory? Look at its two weights.",
                   "The gate is the same as before; only the memory it scales has doubled.",
                   "answer = 4 * lh.lstm_step(1, 2, 1).forget_gate"],
            solution=f"The forget gate looks only at the short-term memory and the input, so it is still "
            f"{example.forget_gate:.3f}; it keeps {example.forget_gate:.1%} of 4, that is "
            f"{doubled.scaled_long_memory:.2f}.",
        ),
        q2=ChoiceExercise(
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
            solution=f"-10: the sum is {forget.w_short:.2f} + {forget.w_input:.2f} - 10 = {weights_part - 10:.2f}, and "
            f"sigmoid of that is {forget_with_bias(-10):.4f}, so almost nothing is kept.",
        ),
        q3=NumberExercise(
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
                   f"answer = lh.sigmoid({input_gate.bias:.2f}) * lh.tanh({candidate.bias:.2f})"],
            solution=f"The kept part is 0; the input gate sigmoid({input_gate.bias:.2f}) = {zeros.input_gate:.3f} "
            f"times the potential memory tanh({candidate.bias:.2f}) = {zeros.candidate:.3f} gives {zeros.long_memory:.2f}. Notebook 04 meets this "
            "number again: it is Company A's long-term memory after day 1.",
        ),
        q4=ExplanationExercise(
            prompt="Why can the long-term memory pass through many unrolled units without its gradient "
            "vanishing or exploding?",
            key_ideas=[
                ("that no weight sits on the long-term memory's path",
                 ("no weight", "without weight", "without a weight", "without any weight", "not multiplied by a weight",
                  "no weights", "unweighted", "not weighted", "never weighted", "no direct weight")),
                ("that it is only scaled by a gate and added to",
                 ("gate", "percentage", "add", "sum")),
            ],
            hints=["Look at the green line: what touches it between the left and the right?",
                   "Compare with notebook 02: there one weight multiplied every day's signal."],
            solution="Along the green line the long-term memory is only multiplied by the forget gate and added to; "
            "no weight is applied to it directly, so no single weight multiplies it once per day as in a basic RNN. "
            "A trained unit can hold its forget gate near 1 while a memory is worth keeping.",
        ),
    )


def _company_a_and_b():
    new_company = (0.5, 0.25, 0.25, 1.0)
    new_run = unroll(new_company)
    b_run = unroll(COMPANY_B[:4])
    _, predictions = day_sensitivity()
    reach = {day + 1: float(predictions[day].max() - predictions[day].min()) for day in range(4)}
    most = max(reach, key=reach.get)
    return ExerciseSet(
        "04_company_a_and_b",
        q1=NumberExercise(
            prompt=f"A new company's days 1-4 are {', '.join(f'{v:g}' for v in new_company)}. What does the unit "
            "predict for its day 5 (two decimals)?",
            expected=new_run.prediction,
            mistakes=[
                (float(new_run.long_memories[-1]), "that is the final long-term memory; the prediction is the "
                 "final short-term memory."),
                (unroll(new_company[1:]).prediction, "that run starts at day 2; give the unit all four days."),
                (unroll((*new_company, 0.0)).prediction, "that run has a fifth day; the unit sees days 1 to 4."),
            ],
            hints=["lh.unroll takes the days as a list and returns the run; .prediction is the last short-term memory.",
                   f"answer = lh.unroll([{', '.join(f'{v:g}' for v in new_company)}]).prediction"],
            solution=f"lh.unroll([{', '.join(f'{v:g}' for v in new_company)}]).prediction = {new_run.prediction:.2f}.",
        ),
        q2=ChoiceExercise(
            prompt="Starting from Company A's four days and changing one day at a time, which day's value moves "
            "the prediction the most: 1, 2, 3 or 4?",
            options=(1, 2, 3, 4),
            answer=most,
            reasons={day: f"changing only day {day} from 0 to 1 moves the prediction across {reach[day]:.2f}."
                     for day in reach},
            hints=["Try the sliders, or look at the plot: which line spans the most of the y-axis?",
                   "The first day is the one the two companies differ on."],
            solution=f"Day {most}: it moves the prediction across {reach[most]:.2f}, against "
            + ", ".join(f"day {d}: {r:.2f}" for d, r in reach.items() if d != most)
            + ". The unit carries day 1 forward in its memories all the way to the prediction.",
        ),
        q3=NumberExercise(
            prompt="The source says the unit predicts 1.0 for Company B. What is the prediction to two decimals?",
            expected=b_run.prediction,
            mistakes=[(1.0, "that is the source's figure, rounded to one decimal; round to two.")],
            hints=["Unroll Company B's first four days.", "answer = lh.unroll(lh.COMPANY_B[:4]).prediction"],
            solution=f"{b_run.prediction:.2f}; the source rounds it to one decimal, {b_run.prediction:.1f}.",
        ),
    )


def _training():
    before_a = unroll(COMPANY_A[:4], UNTRAINED_PARAMS).prediction
    loss_a = (before_a - COMPANY_A[4]) ** 2
    return ExerciseSet(
        "05_training",
        q1=NumberExercise(
            prompt="Before training, what is the loss (the squared residual) for Company A? Four decimals.",
            expected=loss_a,
            tolerance=0.00005,
            mistakes=[
                (before_a, "that is the prediction itself; the loss is (prediction - target) squared."),
                (abs(before_a), "that is the size of the residual; square it."),
            ],
            hints=["The target for Company A is its day 5 value, lh.COMPANY_A[4].",
                   "prediction = lh.unroll(lh.COMPANY_A[:4], lh.UNTRAINED_PARAMS).prediction",
                   "answer = (prediction - lh.COMPANY_A[4]) ** 2"],
            solution=f"The untrained unit predicts {before_a:.4f} for Company A, whose day 5 is "
            f"{COMPANY_A[4]:g}: the loss is ({before_a:.4f} - {COMPANY_A[4]:g})^2 = {loss_a:.5f}.",
        ),
        q2=ChoiceExercise(
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
            hints=["Count the weights first: two per gate.", "PyTorch has bias_ih_l0 and bias_hh_l0."],
            solution="16 = 4 gates x (1 input weight + 1 hidden weight + 2 biases). The two biases of a gate are "
            "always added together, so our single bias per gate can do the same job with 12 numbers.",
        ),
        q3=ExplanationExercise(
            prompt="With Adam and a learning rate of 1.0, the loss gets stuck near 1. In a sentence or two: why?",
            key_ideas=[
                ("that the steps are too big", ("big", "large", "overshoot", "jump", "too far")),
                ("that the gates saturate, so the slopes (gradients) become almost 0",
                 ("saturat", "flat", "slope", "vanish", "almost 0", "almost zero", "gradient")),
            ],
            hints=["Look at the weights after training with 1.0: how large are they?",
                   "Notebook 01: what is the slope of sigmoid at x = 20?"],
            solution="Each step is so large that the weights jump to big values where sigmoid and tanh are flat "
            "(saturated). There the slopes are almost 0, so the gradients vanish and the weights stop moving: the "
            "loss stays stuck.",
        ),
    )


_BUILDERS = {
    "00_start_here": _start_here,
    "01_activation_functions": _activation_functions,
    "02_rnn_gradient_problems": _rnn_gradient_problems,
    "03_one_lstm_unit": _one_lstm_unit,
    "04_company_a_and_b": _company_a_and_b,
    "05_training": _training,
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
