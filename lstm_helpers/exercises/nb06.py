"""Notebook 06 (long memories): what 50 forget gates leave, which starting biases carry day 1's
gradient, and what the success table does and does not say."""

from ..long_lag import gradient_by_lag
from ..success_table import long_lag_table
from .engine import ChoiceExercise, ExerciseSet, NumberExercise

KEPT, DAYS = 0.9, 50  # q1: the share each forget gate keeps, and how many gates
STARTS = {"forget 0, input 0": (0.0, 0.0), "forget 5, input 0": (5.0, 0.0),
          "forget 5, input -3": (5.0, -3.0), "forget -2, input 3": (-2.0, 3.0)}  # q2's options, as in 06


def q1():
    return NumberExercise(
        expected=KEPT ** DAYS,
        decimals=4,
        mistakes=[
            (KEPT * DAYS, f"that is {KEPT} x {DAYS}; the memory is multiplied by {KEPT} again every day."),
            (KEPT ** (DAYS - 1), f"that is {DAYS - 1} forget gates; the question has {DAYS}."),
            (KEPT ** (DAYS + 1), f"that is {DAYS + 1} forget gates; the question has {DAYS}."),
            (100 * KEPT ** DAYS, "that is the share in percent; give it as a fraction, like 0.5."),
            (1 - KEPT ** DAYS, "that is the share forgotten; the question asks what is left."),
        ],
        hints=[f"After one gate {KEPT} is left, after two {KEPT} x {KEPT} = {KEPT * KEPT:.2f}.",
               f"`answer = {KEPT} ** {DAYS}`"],
        solution=f"{KEPT}^{DAYS} = {KEPT ** DAYS:.4f}: even a gate that keeps 90% a day lets only about half a "
        "percent of day 1 through 50 days. The gradient along the long-term memory shrinks the same way.",
    )


def q2():
    runs = {name: gradient_by_lag("lstm", 100, forget_bias=f, input_bias=i) for name, (f, i) in STARTS.items()}
    best = max(runs, key=lambda name: runs[name].gradients[-1])
    return ChoiceExercise(
        options=tuple(STARTS),
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
    )


def q3(table):
    rnn_lags = table.lags("RNN")
    share = {n: table.solved("RNN", n)[0] / table.solved("RNN", n)[1] for n in rnn_lags}
    first_below = next(n for n in rnn_lags if share[n] < 0.5)
    first_missed = next((n for n in rnn_lags if share[n] < 1), None)
    first_none = next((n for n in rnn_lags if share[n] == 0), None)
    return NumberExercise(
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
    )


def q4(table):
    plain, plain_runs = table.solved("RNN", 100)
    longer, longer_runs = table.solved("RNN, learning rate 0.03, 6000 steps", 100)
    lstm, lstm_runs = table.solved("LSTM", 100)
    closed, closed_runs = table.solved("LSTM, forget bias 0, input bias 0", 100)
    return ChoiceExercise(
        options=("a", "b", "c"),  # the sentences are in notebook 06, after "Your turn (q4)"
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
    )


def exercises():
    table = long_lag_table()
    return ExerciseSet("06_long_memories", q1=q1(), q2=q2(), q3=q3(table), q4=q4(table))
