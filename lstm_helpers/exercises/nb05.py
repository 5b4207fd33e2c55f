"""Notebook 05 (training): the loss by hand, why a learning rate of 1.0 gets stuck (as a choice,
then in the learner's own words), and how many numbers torch.nn.LSTM trains."""

from ..data import COMPANY_A, COMPANY_B
from ..lstm import unroll
from ..training import UNTRAINED_PARAMS, loss_and_gradients, train_lstm
from .engine import ChoiceExercise, ExerciseSet, ExplanationExercise, MeasuredChoice, NumberExercise

SEQUENCES, TARGETS = [COMPANY_A[:4], COMPANY_B[:4]], [COMPANY_A[4], COMPANY_B[4]]


def q1():
    before_a = unroll(COMPANY_A[:4], UNTRAINED_PARAMS).prediction
    before_b = unroll(COMPANY_B[:4], UNTRAINED_PARAMS).prediction
    loss_a, loss_b = (before_a - COMPANY_A[4]) ** 2, (before_b - COMPANY_B[4]) ** 2
    return NumberExercise(
        expected=loss_a,
        decimals=5,
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
    )


def _stuck_measured():
    """q2's answer, reasons and solution, from training the unit at 1.0 and at 0.001 (5000 epochs each):
    run when the learner first checks, never at import."""
    stuck = train_lstm(SEQUENCES, TARGETS, UNTRAINED_PARAMS, 5000, learning_rate=1.0)
    good = train_lstm(SEQUENCES, TARGETS, UNTRAINED_PARAMS, 5000, learning_rate=0.001)
    stuck_gradient = max(abs(sum(g)) for g in zip(*(loss_and_gradients(stuck.params, s, y)[1].to_list()
                                                    for s, y in zip(SEQUENCES, TARGETS))))
    largest = max(abs(v) for v in stuck.params.to_list())
    gradient_text = "exactly 0" if stuck_gradient == 0 else f"{stuck_gradient:.0e}"
    reasons = {
        "a": f"nothing became infinite: the largest weight ends at {largest:.1f}, and the gradient is "
        f"{gradient_text}, the opposite of exploding.",
        "b": f"it had 5000 epochs and the loss sat at {stuck.loss_history[-1]:.2f} for most of them; more "
        "steps with a gradient of 0 go nowhere.",
        "c": f"the weights end as large as {largest:.1f}, where sigmoid and tanh are flat, and the largest "
        f"gradient is {gradient_text}: nothing moves them any more.",
        "d": f"at a learning rate of 0.001 the same unit reaches {good.loss_history[-1]:.4f}.",
    }
    solution = (f"(c). With steps that large the weights land far out (the largest at {largest:.1f}); every "
                f"sum is then deep in the flat part of sigmoid or tanh, the largest gradient is {gradient_text}, "
                "and the weights stop moving with the loss stuck.")
    return "c", reasons, solution


def q2():
    return MeasuredChoice(
        options=("a", "b", "c", "d"),  # the sentences are in notebook 05, after "Your turn (q2)"
        measure=_stuck_measured,
        hints=["Look at the 12 numbers after training with 1.0: how large are they?",
               "Notebook 01: what is the slope of sigmoid at x = 20?"],
    )


def q3():
    return ExplanationExercise(
        model_answer="Each step is so large that the weights jump to big values, where every sum lands in the "
        "flat (saturated) part of sigmoid or tanh. There the slopes are almost 0, so the gradients vanish and "
        "Adam has nothing to follow: the weights, and the loss, stop moving. Smaller steps keep the sums where "
        "the curves still slope.",
        points=["the steps are too large, so the weights become large;",
                "large sums land where sigmoid and tanh are flat (saturated), with slopes near 0;",
                "so the gradients vanish (they do not explode) and training stalls."],
        hints=["What do large weights do to the sums that go into sigmoid and tanh?",
               "Compare with q2's right answer and with notebook 01's saturation."],
    )


def q4():
    return ChoiceExercise(
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
    )


def exercises():
    return ExerciseSet("05_training", q1=q1(), q2=q2(), q3=q3(), q4=q4())
