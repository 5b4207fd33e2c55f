"""Notebook 04 (Company A and B): unrolling the unit by hand, what day 1 changes, a prediction,
and which day moves the prediction most."""

from ..data import COMPANY_A, COMPANY_B
from ..lstm import day_sensitivity, lstm_step, unroll
from .engine import SAME, ChoiceExercise, ExerciseSet, NumberExercise
from .feedback import code_block
from .functions import FunctionExercise

NEW_COMPANY = (0.5, 0.25, 0.25, 1.0)  # q3's new company, as notebook 04 gives it
NEW_DAYS = ", ".join(f"{v:g}" for v in NEW_COMPANY)


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


def q1():
    return FunctionExercise(
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
    )


def q2():
    a_run, b_run = unroll(COMPANY_A[:4]), unroll(COMPANY_B[:4])
    a_end, b_end = a_run.long_memories[-1], b_run.long_memories[-1]
    gap = float(b_end - a_end)
    b_vs_a = "higher" if gap > 0.05 else "lower" if gap < -0.05 else "the same"
    return ChoiceExercise(
        options=("higher", "lower", "the same"),
        answer=b_vs_a,
        synonyms=SAME,
        reasons={
            "higher": f"B ends at {b_end:.2f}, A at {a_end:.2f}: day 1's 1 "
            "starts B off positive, and every later day adds more.",
            "lower": f"B ends at {b_end:.2f}, A at {a_end:.2f}.",
            "the same": "days 2-4 are the same, but the memories they start from are not: after day 1 the two "
            f"long-term memories are already {a_run.long_memories[0]:.2f} (A) and {b_run.long_memories[0]:.2f} (B).",
        },
        hints=["Does the unit start day 2 from the same memories for both companies?",
               "Run `lh.unroll(lh.COMPANY_B[:4]).long_memories` and compare with A's."],
        solution=f"{b_vs_a.capitalize()}: B's long-term memory ends at {b_end:.2f}, A's at "
        f"{a_end:.2f}. Same days 2-4, different memories going into them.",
    )


def q3():
    new_run = unroll(NEW_COMPANY)
    return NumberExercise(
        expected=new_run.prediction,
        decimals=2,
        mistakes=[
            (float(new_run.long_memories[-1]), "that is the final long-term memory; the prediction is the "
             "final short-term memory."),
            (unroll(NEW_COMPANY[1:]).prediction, "that run starts at day 2; give the unit all four days."),
            (unroll((*NEW_COMPANY, 0.0)).prediction, "that run has a fifth day; the unit sees days 1 to 4."),
        ],
        hints=["`lh.unroll` takes the days as a list and returns the run; `.prediction` is the last "
               "short-term memory.",
               f"`answer = lh.unroll([{NEW_DAYS}]).prediction`"],
        solution=f"`lh.unroll([{NEW_DAYS}]).prediction` = {new_run.prediction:.2f}.",
    )


def q4():
    _, predictions = day_sensitivity()
    reach = {day + 1: float(predictions[day].max() - predictions[day].min()) for day in range(4)}
    most = max(reach, key=reach.get)
    return ChoiceExercise(
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
    )


def exercises():
    return ExerciseSet("04_company_a_and_b", q1=q1(), q2=q2(), q3=q3(), q4=q4())
