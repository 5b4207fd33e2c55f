"""Every odd input issue 12 found, each answered with a clear error naming the argument, or
with the right answer and no warning; and one rule for what a number is, everywhere."""

import math
import re
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.lstm import weighted_sum

P = lh.EXAMPLE_PARAMS
SEQUENCES = [lh.COMPANY_A[:4], lh.COMPANY_B[:4]]
TARGETS = [lh.COMPANY_A[4], lh.COMPANY_B[4]]
HUGE = 10**400


pytestmark = pytest.mark.usefixtures("warnings_are_errors")


def train(**changes):
    arguments = dict(sequences=SEQUENCES, targets=TARGETS, params=lh.UNTRAINED_PARAMS, epochs=10)
    arguments.update(changes)
    return lh.train_lstm(**arguments)


# -- one rule for what a number is -------------------------------------------------------

NUMBERS = [0.25, 1, np.float64(0.25), np.float32(0.25), np.int64(1), np.uint8(1), Fraction(1, 4), Decimal("0.25"),
           10**20]
NOT_NUMBERS = ["0.25", None, True, np.bool_(False), 1 + 2j, b"1", object()]


def uses_of_one_number():
    """Every public place that takes one number, as (name in the message, function of the number)."""
    return [
        ("x", lh.sigmoid), ("x", lh.tanh), ("x", lh.sigmoid_derivative), ("x", lh.tanh_derivative),
        ("Gate.w_short", lambda v: lh.Gate(v, 0, 0)),
        ("Gate.bias", lambda v: lh.Gate(0, 0, v)),
        ("input_value", lambda v: lh.lstm_step(v, 0, 0)),
        ("long_memory", lambda v: lh.lstm_step(0, v, 0)),
        ("short_memory", lambda v: lh.unroll([0, 1], short_memory=v)),
        ("values", lambda v: lh.unroll([0, v])),
        ("BasicRNN.w_recurrent", lambda v: lh.BasicRNN(w_recurrent=v)),
        ("BasicRNN.w_input", lambda v: lh.BasicRNN(w_input=v)),
        ("initial_output", lambda v: lh.BasicRNN().unroll([1.0], initial_output=v)),
        ("w_recurrent", lambda v: lh.gradient_scale(v, 3)),
        ("target", lambda v: lh.loss_and_gradients(P, [0, 0.5], v)),
        ("target", lambda v: lh.finite_difference_gradients(P, [0, 0.5], v)),
        ("sequence", lambda v: lh.loss_and_gradients(P, [v, 0.5], 0)),
        ("targets", lambda v: train(targets=[v, 1.0], epochs=1)),
        ("learning_rate", lambda v: train(learning_rate=v, epochs=1)),
        ("numbers[0]", lambda v: lh.LSTMParams.from_list([v] + [0] * 11)),
    ]


@pytest.mark.parametrize("name, use", uses_of_one_number(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_kind_of_number_is_accepted_everywhere(name, use):
    for number in NUMBERS:
        if name == "learning_rate" and number == 10**20:
            continue  # a learning rate of 1e20 is a number, but not a run worth waiting for
        use(number)


@pytest.mark.parametrize("name, use", uses_of_one_number(), ids=lambda x: x if isinstance(x, str) else "")
def test_anything_else_is_a_type_error_naming_the_argument(name, use):
    for thing in NOT_NUMBERS:
        with pytest.raises(TypeError, match=rf"^{re.escape(name)} .*real number"):
            use(thing)


@pytest.mark.parametrize("name, use", uses_of_one_number(), ids=lambda x: x if isinstance(x, str) else "")
def test_a_number_too_large_for_a_float_is_a_value_error_naming_the_argument(name, use):
    for huge in (HUGE, -HUGE, Fraction(HUGE, 3), Decimal("1e400"), float("nan"), float("inf"), Decimal("NaN")):
        with pytest.raises(ValueError, match=rf"^{re.escape(name)} .*(finite|float.s range)"):
            use(huge)


def test_a_huge_int_is_described_by_its_size_not_printed():
    with pytest.raises(ValueError) as error:
        lh.Gate(HUGE, 0, 0)
    assert "401 digits" in str(error.value) and len(str(error.value)) < 200


def test_every_kind_of_number_gives_the_same_answer():
    assert lh.sigmoid(10**20) == 1.0 and lh.sigmoid(-(10**20)) == 0.0
    assert lh.sigmoid(Fraction(1, 3)) == lh.sigmoid(1 / 3) == lh.sigmoid(Decimal(1) / Decimal(3))
    assert lh.Gate(Fraction(1, 3), 0, 0) == lh.Gate(1 / 3, 0, 0)
    assert lh.tanh([Fraction(1, 2), Decimal("0.5"), np.float32(0.5)]).tolist() == [math.tanh(0.5)] * 3
    assert lh.unroll([0, 10**20]).prediction == lh.unroll([0.0, 1e20]).prediction


def test_arrays_of_numbers_follow_the_same_rule():
    with pytest.raises(TypeError, match=r"x must hold real numbers; bool True at \[1\]"):
        lh.sigmoid([0.5, True])
    with pytest.raises(TypeError, match=r"x must hold real numbers, got an array of bool"):
        lh.sigmoid(np.array([True, False]))
    with pytest.raises(ValueError, match=r"values must hold only finite numbers.*401 digits"):
        lh.unroll([0, HUGE])
    with pytest.raises(TypeError, match=r"x must hold real numbers, got an array of complex"):
        lh.tanh(np.array([1j]))
    with pytest.raises(TypeError, match=r"x must be a real number .* or a list, tuple or numpy array"):
        lh.sigmoid({1, 2})


# -- the issue's list, one by one ------------------------------------------------------------

@pytest.mark.parametrize(
    "call, error, name",
    [
        (lambda: lh.Gate(HUGE, 0, 0), ValueError, "Gate.w_short"),
        (lambda: lh.BasicRNN(HUGE), ValueError, "BasicRNN.w_input"),
        (lambda: lh.gradient_scale(HUGE, 3), ValueError, "w_recurrent"),
        (lambda: lh.loss_and_gradients(P, [0, 0.5], HUGE), ValueError, "target"),
        (lambda: train(targets=[HUGE, 1]), ValueError, "targets"),
        (lambda: train(learning_rate=HUGE), ValueError, "learning_rate"),
        (lambda: lh.loss_and_gradients(P, [0, 0.5], 1e308), ValueError, "target must be between -1e"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1e200), ValueError, "target must be between -1e"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1, step=0), ValueError, "step must be a small positive"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1, step=-1e-6), ValueError, "step must be a small"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1, step=2.0), ValueError, "step must be a small"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1, step="a"), TypeError, "step must be a real number"),
        (lambda: lh.finite_difference_gradients(P, [0, 0.5], 1, step=None), TypeError, "step must be a real number"),
        (lambda: train(snapshot_epochs=5), TypeError, "snapshot_epochs must be None or a list"),
        (lambda: train(snapshot_epochs="12"), TypeError, "snapshot_epochs must be None or a list"),
        (lambda: train(snapshot_epochs=[2.7]), TypeError, "snapshot_epochs .* got float 2.7"),
        (lambda: train(snapshot_epochs=[float("inf")]), TypeError, "snapshot_epochs .* got float inf"),
        (lambda: train(snapshot_epochs=[True]), TypeError, "snapshot_epochs .* got bool True"),
        (lambda: train(snapshot_epochs=[0]), ValueError, r"snapshot_epochs .* from 1 to epochs \(10\)"),
        (lambda: train(snapshot_epochs=np.zeros((2, 2), int)), TypeError, "snapshot_epochs must be None"),
        (lambda: train(callback_every=0), ValueError, "callback_every must be a whole number 1 or more"),
        (lambda: train(callback_every=2.5), TypeError, "callback_every must be a whole number"),
        (lambda: train(callback=print, callback_every=None), TypeError, "callback_every must be a whole number"),
        (lambda: train(callback="print"), TypeError, "callback must be a function"),
        (lambda: train(optimizer=np.array(["adam", "sgd"])), TypeError, "optimizer must be one of 'adam', 'sgd'"),
        (lambda: train(optimizer="Adam"), ValueError, "optimizer must be one of 'adam', 'sgd'"),
        (lambda: train(optimizer=None), TypeError, "optimizer must be one of"),
        (lambda: train(epochs=10**12), ValueError, "epochs must be a whole number from 1 to 1,000,000"),
        (lambda: train(epochs=5.0), TypeError, "epochs must be a whole number"),
        (lambda: train(epochs=np.int64(0)), ValueError, "epochs must be a whole number"),
        (lambda: lh.LSTMParams.from_list(None), TypeError, "numbers must be a list of 12 numbers"),
        (lambda: lh.LSTMParams.from_list("123456789012"), TypeError, "numbers must be a list of 12 numbers"),
        (lambda: lh.LSTMParams.from_list([1] * 11 + ["a"]), TypeError, r"numbers\[11\] \(output gate bias\)"),
        (lambda: lh.BasicRNN(activation=[]), TypeError, "BasicRNN.activation must be one of 'identity'"),
        (lambda: lh.BasicRNN(activation="sigmoid"), ValueError, "BasicRNN.activation must be one of 'identity'"),
        (lambda: lh.BasicRNN().finite_difference([1.0, 2.0], 1.0), TypeError, "day must be a whole number"),
        (lambda: lh.gradient_scale(2, True), TypeError, "n_days must be a whole number"),
    ],
)
def test_each_bad_input_is_named(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_snapshot_epochs_none_means_no_snapshots():
    assert train(snapshot_epochs=None).snapshots == {}
    assert sorted(train(snapshot_epochs=np.array([3, 7])).snapshots) == [3, 7]
    assert sorted(train(snapshot_epochs=range(2, 11, 4)).snapshots) == [2, 6, 10]


def test_callback_every_counts_in_whole_epochs():
    seen = []
    train(epochs=7, callback=lambda epoch, loss: seen.append(epoch), callback_every=np.int64(3))
    assert seen == [3, 6, 7]


def test_gradient_scale_at_huge_n_days_is_still_a_float():
    assert lh.gradient_scale(-0.5, HUGE) == 0.0
    assert lh.gradient_scale(-2, HUGE + 1) == -math.inf and lh.gradient_scale(-1, HUGE + 1) == -1.0
    assert lh.gradient_scale(1, HUGE) == 1.0 and lh.gradient_scale(0.9, 20) == 0.9**20


# -- extreme finite inputs: computed without warnings and without NaN ---------------------------

def exact(w_short, short, w_input, x, bias):
    """(the weighted sum in exact rational arithmetic, the size of its largest term), as floats."""
    terms = [Fraction(w_short) * Fraction(short), Fraction(w_input) * Fraction(x), Fraction(bias)]
    return _float(sum(terms)), _float(max(abs(t) for t in terms))


def _float(fraction):
    try:
        return float(fraction)
    except OverflowError:
        return math.inf if fraction > 0 else -math.inf


def same(computed, expected):
    """Right to float accuracy: within a few units in the last place of the largest term, as
    any float arithmetic is (each product is rounded before the sum); inf when beyond a float."""
    value, largest = expected
    if math.isinf(value):
        return computed == value
    return abs(computed - value) <= 4e-16 * largest + 1e-300


EXTREMES = [0.0, 5e-324, -1e-300, 1.0, -2.7, 1e154, -1e200, 4.1e307, -1.5e308, 1e308, 1.7976931348623157e308]


def test_weighted_sums_are_right_at_any_finite_inputs():
    rng = np.random.default_rng(0)
    for _ in range(3000):
        numbers = [float(v) for v in rng.choice(EXTREMES, 5) * rng.choice([1, -1, 0.37], 5)]
        assert same(float(weighted_sum(*numbers)), exact(*numbers)), numbers


def test_lstm_step_at_the_issues_inputs():
    step = lh.lstm_step(-1.5e308, 0, 1e308)
    values = step.as_dict()
    assert not any(np.isnan(v) for v in values.values())
    assert same(step.forget_sum, exact(2.70, 1e308, 1.63, -1.5e308, 1.62))  # 2.55e307: the terms cancel
    assert step.forget_gate == 1.0 and step.input_gate == 0.0 and step.output_gate == 1.0
    step = lh.lstm_step(0, 0, 4.1e307)
    assert same(step.output_sum, exact(4.38, 4.1e307, -0.19, 0, 0.59)) and step.short_memory == pytest.approx(math.tanh(1))


@pytest.mark.parametrize("weight", [1e308, -1e308, 1.7976931348623157e308, 1e-320])
def test_lstm_step_with_extreme_weights_saturates_without_nan(weight):
    params = lh.LSTMParams.from_list([weight, -weight, weight] * 4)
    for x, long, short in [(1e308, -1e308, 1e308), (-1e308, 1e308, -1e308), (1.0, 2.0, 1.0), (0.0, 0.0, 0.0)]:
        step = lh.lstm_step(x, long, short, params)
        for name, value in step.as_dict().items():
            assert not math.isnan(value), name
        for gate in (step.forget_gate, step.input_gate, step.output_gate):
            assert 0.0 <= gate <= 1.0
        assert math.isfinite(step.long_memory) and -1.0 <= step.short_memory <= 1.0


def test_unroll_and_training_at_extreme_values_stay_finite():
    run = lh.unroll([1e308, -1e308, 1.7e308], lh.LSTMParams.from_list([1e308, -1e308, 1e308] * 4))
    assert np.all(np.isfinite(run.long_memories)) and np.all(np.isfinite(run.short_memories))
    loss, gradients = lh.loss_and_gradients(P, [1e308, -1.5e308, 1e308], 1e150)
    assert math.isfinite(loss) and all(map(math.isfinite, gradients.to_list()))


def test_a_gradient_beyond_a_float_is_refused_by_name():
    # day 1 leaves both memories at exactly 0, so day 2's gates are not saturated, and its
    # gradient reaches day 1 multiplied by w_short = 1e200 on top of 2 * 1e150: beyond a float
    params = lh.LSTMParams.from_list([1e200, 1.0, 0.0] * 4)
    with pytest.raises(ValueError, match=r"the gradient for every one of the 12 numbers is too large for a float"):
        lh.loss_and_gradients(params, [0.0, 0.5], 1e150)



def test_basic_rnn_at_extreme_values_gives_inf_or_zero_never_nan():
    for w_input, w_recurrent in [(0.0, 1e200), (1e-300, 1e308), (1e308, -1e308), (1.0, 0.0)]:
        for activation in ("identity", "relu", "tanh"):
            rnn = lh.BasicRNN(w_input, w_recurrent, activation=activation)
            run, gradients = rnn.unroll([1.0] * 6), rnn.input_gradients([1.0] * 6)
            assert not np.isnan(run.outputs).any() and not np.isnan(gradients).any()
    assert lh.BasicRNN(0.0, 1e200).input_gradients([1.0] * 5)[0] == 0.0  # w_input 0: no influence at all


def test_basic_rnn_refuses_a_sum_it_cannot_compute():
    rnn = lh.BasicRNN(1e200, 1e-300)
    with pytest.raises(ValueError, match="beyond a float's range.*w_input, w_recurrent"):
        rnn.unroll([1e308, -1e308, 1e308])


# -- divergence: reported one way ------------------------------------------------------------

def test_divergence_is_reported_one_way():
    run = lh.train_lstm(SEQUENCES, [100.0, -100.0], lh.UNTRAINED_PARAMS, 5, learning_rate=1e308, optimizer="sgd",
                        snapshot_epochs=[1, 5])
    assert run.diverged and run.diverged_at == 1
    assert run.params == lh.UNTRAINED_PARAMS, "params after the last finite epoch: here, the start"
    assert np.isnan(run.loss_history).all() and run.loss_history.shape == (5,)
    assert run.snapshots == {}
    healthy = train()
    assert not healthy.diverged and healthy.diverged_at is None and np.isfinite(healthy.loss_history).all()


def test_divergence_later_in_a_run_keeps_what_came_before(monkeypatch):
    from lstm_helpers import training

    calls = []
    backward = training._backward

    def overflowing_from_the_third_step(p, tape, d_short):
        calls.append(1)
        g = backward(p, tape, d_short)
        return [math.inf] * 12 if len(calls) >= 3 else g  # two sequences per epoch: epoch 2 overflows

    monkeypatch.setattr(training, "_backward", overflowing_from_the_third_step)
    seen = []
    run = train(epochs=4, snapshot_epochs=[1, 3], callback=lambda e, loss: seen.append(e), callback_every=1)
    monkeypatch.undo()
    after_one = train(epochs=1)
    assert run.diverged_at == 2 and run.params == after_one.params
    assert np.isfinite(run.loss_history[0]) and np.isnan(run.loss_history[1:]).all()
    assert sorted(run.snapshots) == [1] and seen == [1]


# -- explorers: starting values and choices ------------------------------------------------------

@pytest.mark.parametrize(
    "make, error, words",
    [
        (lambda w: w.ActivationExplorer(x=7), ValueError, r"x must be from -6 to 6 in steps of 0.1 .* got int 7"),
        (lambda w: w.ActivationExplorer(x=0.05), ValueError, r"x must be from -6 to 6 in steps of 0.1"),
        (lambda w: w.ActivationExplorer(x="1"), TypeError, r"x must be a real number"),
        (lambda w: w.GradientExplorer(w_recurrent=3), ValueError, r"w_recurrent must be from -2.5 to 2.5"),
        (lambda w: w.GradientExplorer(n_days=0), ValueError, r"n_days must be a whole number from 1 to 100"),
        (lambda w: w.GradientExplorer(n_days=101), ValueError, r"n_days must be a whole number from 1 to 100"),
        (lambda w: w.UnrolledExplorer(company="Company C"), ValueError,
         r"company must be one of 'Company A', 'Company B', 'your own'"),
        (lambda w: w.UnrolledExplorer(company=1), TypeError, r"company must be one of"),
        (lambda w: w.UnrolledExplorer(params=None), TypeError, r"params must be an LSTMParams"),
        (lambda w: w.LSTMUnitExplorer(params=lh.LSTMParams.from_list([7.0] + [0.0] * 11)), ValueError,
         r"params.forget.w_short must be from -6 to 6 in steps of 0.01"),
        (lambda w: w.LSTMUnitExplorer(params=lh.UNTRAINED_PARAMS), ValueError,
         r"params.forget.w_short must be from -6 to 6 in steps of 0.01"),
        (lambda w: w.LearningRateExplorer(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 10, learning_rate=0.2),
         ValueError, r"learning_rate must be one of 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0"),
        (lambda w: w.LearningRateExplorer(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 10, learning_rate="0.1"),
         TypeError, r"learning_rate must be one of"),
        (lambda w: w.LearningRateExplorer(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, epochs=10**6), ValueError,
         r"epochs must be a whole number from 1 to 5,000"),
        (lambda w: w.train_with_progress(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, epochs="9"), TypeError,
         r"epochs must be a whole number"),
        (lambda w: w.train_with_progress(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 9, redraw_every=0), ValueError,
         r"redraw_every must be a whole number 1 or more"),
    ],
)
def test_explorer_arguments_are_named_never_clamped(make, error, words):
    widgets = _explorers()

    with pytest.raises(error, match=words):
        make(widgets)


def _explorers():
    """Every explorer of notebooks 01-05 in one namespace."""
    from lstm_helpers.explorers import activations, companies, rnn, training, unit

    return SimpleNamespace(**{name: getattr(module, name) for module in (activations, companies, rnn, training, unit)
                              for name in dir(module) if name.endswith("Explorer") or name == "train_with_progress"})


def test_explorers_accept_every_value_their_sliders_can_show():
    widgets = _explorers()

    assert widgets.ActivationExplorer(x=-6).x.value == -6.0
    assert widgets.ActivationExplorer(x=Fraction(3, 10)).x.value == pytest.approx(0.3)
    assert widgets.GradientExplorer(w_recurrent=2.5, n_days=np.int64(100)).n_days.value == 100
    assert widgets.UnrolledExplorer(company="your own").company.value == "your own"
    explorer = widgets.LearningRateExplorer(SEQUENCES, TARGETS, lh.UNTRAINED_PARAMS, 5, learning_rate=1)
    assert explorer.rate.value == 1.0


# -- the drawing helpers the notebooks call ------------------------------------------------------

@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda d, p: d.draw_unrolled(lh.unroll([0, 1]), shown_days="a"), TypeError, "shown_days must be a whole"),
        (lambda d, p: d.draw_unrolled(lh.unroll([0, 1]), shown_days=3), ValueError, "shown_days must be a whole number from 0 to 2"),
        (lambda d, p: d.draw_unrolled(lh.unroll([0, 1]), target="1"), TypeError, "target must be a real number"),
        (lambda d, p: d.draw_unrolled(None), TypeError, "run must be what lh.unroll returns"),
        (lambda d, p: d.DaysTable(lh.unroll([0, 1]), shown_days=1.5), TypeError, "shown_days must be a whole number"),
        (lambda d, p: d.draw_lstm_unit("step"), TypeError, "step must be one LSTMStep"),
        (lambda d, p: d.draw_lstm_unit(lh.lstm_step([1, 2], 1, 1)), TypeError, "step must be one LSTMStep"),
        (lambda d, p: d.step_table_html(None), TypeError, "step must be one LSTMStep"),
        (lambda d, p: d.stage_explanation(lh.lstm_step(1, 2, 1), "input"), ValueError, "stage must be one of"),
        (lambda d, p: p.draw_unrolled_rnn(0), ValueError, "n_days must be a whole number from 1 to 8"),
        (lambda d, p: p.plot_companies([0, 1], [1]), ValueError, "company_a and company_b must be 1-D"),
        (lambda d, p: p.plot_companies("ab"), TypeError, "company_a must be a real number"),
        (lambda d, p: p.plot_day_sensitivity(None), TypeError, "base must be a real number"),
        (lambda d, p: p.plot_day_sensitivity([0, 1], None), TypeError, "params must be an LSTMParams"),
        (lambda d, p: p.plot_loss_along(None, SEQUENCES, TARGETS), TypeError, "params must be an LSTMParams"),
        (lambda d, p: p.plot_loss_along(P, SEQUENCES, TARGETS, choices=[("forget", "w")]), ValueError, "choices must be"),
        (lambda d, p: p.plot_loss_history(None), TypeError, "histories must be a dict"),
        (lambda d, p: p.plot_loss_history({"a": "x"}), TypeError, r"histories\['a'\] must be a 1-D sequence"),
        (lambda d, p: p.plot_activations("a"), TypeError, "x must be a real number"),
        (lambda d, p: p.plot_gradient_contributions(0.5, 0), ValueError, "n_days must be a whole number 1 or more"),
    ],
)
def test_drawing_helpers_name_their_bad_arguments(call, error, words):
    from lstm_helpers.pictures import activations, companies, rnn, training, unit

    diagrams = SimpleNamespace(**vars(unit), **{k: v for k, v in vars(companies).items() if k not in vars(unit)})
    plots = SimpleNamespace(**{k: v for m in (activations, rnn, training, companies) for k, v in vars(m).items()})

    with pytest.raises(error, match=words):
        call(diagrams, plots)


# -- issue 20: every bad input named -------------------------------------------------------------

from lstm_helpers import metrics as metrics_module  # noqa: E402
from lstm_helpers import long_lag as long_lag_module  # noqa: E402
from lstm_helpers import success_table as success_table_module  # noqa: E402
from lstm_helpers.layers import new_layer  # noqa: E402
from lstm_helpers.sequence_model import Adam, new_sequence_model, train_sequence_model  # noqa: E402

DATES, PRICES = lh.load_prices("AAPL")
RETURNS = lh.log_returns(PRICES)
SPLIT = lh.time_split(DATES[1:], RETURNS, 20, "2009-01-01", "2011-01-01")
TINY = (np.zeros((3, 4)), np.zeros(4))  # three days, four sequences


class PredictsNaN:
    name = "nan"

    def fit(self, train, validation=None):
        return self

    def predict(self, inputs):
        return np.full(len(inputs), np.nan)


def fitted_lstm_window():
    return lh.LSTMWindow(n_units=2, max_steps=2, check_every=1, patience=1).fit(SPLIT.train, SPLIT.validation)


def layer_run():
    layer = new_layer("lstm", 4)
    return layer, layer.unroll(np.zeros((5, 3)))


def model_and_other_gradients():
    model = new_sequence_model("lstm", 4)
    other = new_sequence_model("lstm", 3)
    return model, other.loss_and_gradients(np.zeros((3, 2)), np.zeros(2))[1]


ISSUE_20 = [
    # silent wrong answers
    (lambda: lh.ValidationChoice({"nan": PredictsNaN, "linear": lh.LinearWindow}).fit(SPLIT.train, SPLIT.validation),
     ValueError, r"candidates\['nan'\] must predict 484 finite numbers"),
    (lambda: lh.wilson_interval(5, 10, z=float("nan")), ValueError, "z must be a finite number"),
    (lambda: lh.wilson_interval(5, 10, z=-1.96), ValueError, "z must be a number above 0"),
    (lambda: fitted_lstm_window().predict(np.zeros((3, 5))), ValueError, r"inputs must have shape \(windows, 20\)"),
    (lambda: lh.Scaler(0, 0), ValueError, "Scaler.scale must be above 0"),
    (lambda: lh.Scaler(float("nan"), 1), ValueError, "Scaler.mean must be a finite number"),
    (lambda: long_lag_module.long_lag_experiment("lstm", 5, 0, stop_accuracy=2), ValueError,
     "stop_accuracy must be above 0 and at most 1"),
    (lambda: lh.LinearWindow().fit(SPLIT.train, "v"), TypeError, "validation must be a Period"),
    (lambda: lh.TrainingMean().fit(SPLIT.train, "v"), TypeError, "validation must be a Period"),
    # raw errors from deep inside
    (lambda: lh.evaluate(lh.BASELINES, SPLIT, seed="a"), TypeError, "seed must be a whole number"),
    (lambda: lh.walk_forward(DATES[1:], RETURNS, 20, lh.BASELINES, [2010], seed=-1), ValueError, "seed must be"),
    (lambda: lh.random_split_check(DATES[1:], RETURNS, 20, lh.TrainingMean, "2011-01-01", seed=1.5), TypeError,
     "seed must be a whole number"),
    (lambda: lh.shuffled_split(100, 0.2, seed=None), TypeError, "seed must be a whole number"),
    (lambda: long_lag_module.first_day_influence("ab", "cd"), TypeError, "models must be a list of SequenceModels"),
    (lambda: long_lag_module.first_day_influence([new_sequence_model("lstm", 2)], np.full((4, 1, 2), np.nan)),
     ValueError, "values must hold only finite numbers"),
    (lambda: long_lag_module.first_day_influence([new_sequence_model("lstm", 2)], [["a"]]), TypeError,
     "values must hold real numbers"),
    (lambda: train_sequence_model(new_sequence_model("lstm", 2), TINY, TINY, callback="print"), TypeError,
     "callback must be None or a function"),
    (lambda: train_sequence_model(new_sequence_model("lstm", 2), TINY, TINY, stop_when=3), TypeError,
     "stop_when must be None or a function"),
    (lambda: long_lag_module.long_lag_experiment("lstm", 5, 0, callback=3), TypeError,
     "callback must be None or a function"),
    (lambda: long_lag_module.gradient_by_lag("lstm", seeds=5), TypeError, "seeds must be a list of seeds"),
    (lambda: long_lag_module.gradient_by_lag("lstm", seeds=[1.5]), TypeError, "seeds must be a whole number"),
    (lambda: new_layer(["lstm"], 4), TypeError, "cell must be one of 'lstm', 'rnn'"),
    (lambda: new_layer("lstm", 4).unroll(np.zeros((0, 3))), ValueError, "values must hold at least one day"),
    (lambda: new_layer("rnn", 4).unroll(np.zeros((2, 0))), ValueError, "values must hold at least one day"),
    (lambda: layer_run()[0].backward(layer_run()[1], np.zeros((5, 2, 4))), ValueError,
     r"d_short_memories must have the run's shape \(days, batch, H\) = \(5, 3, 4\)"),
    (lambda: layer_run()[0].backward("run", np.zeros((5, 3, 4))), TypeError, "run must be an LSTMLayerRun"),
    (lambda: new_layer("lstm", 3).backward(layer_run()[1], 0.0), ValueError, "run must come from a layer of 3"),
    (lambda: Adam().step(*model_and_other_gradients()), ValueError, "gradients must have the model's shapes"),
    (lambda: Adam().step(new_sequence_model("lstm", 2), "g"), TypeError, "gradients must be a SequenceModel or a layer"),
    (lambda: Adam().step(new_sequence_model("lstm", 2), new_layer("lstm", 2)), TypeError,
     "gradients must be a SequenceModel like the model"),
    (lambda: lh.walk_forward(DATES[1:], RETURNS, 20, lh.BASELINES, [2020]), ValueError,
     r"test_years must be years inside the data \(2000 to 2013\), got 2020"),
    (lambda: lh.rmse([1.7e308], [-1.7e308]), ValueError, "RMSE is beyond a float's range"),
]


@pytest.mark.parametrize("call, error, words", ISSUE_20, ids=[w[:40] for _, _, w in ISSUE_20])
def test_issue_20_each_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_an_empty_long_lag_table_file_is_named(tmp_path):
    empty = tmp_path / "table.csv"
    empty.write_text("# only a comment\n")
    with pytest.raises(ValueError, match="is empty: it must start with the header variant,cell"):
        success_table_module.long_lag_table(empty)


def test_train_with_progress_names_a_string_of_cells_before_drawing(monkeypatch):
    pytest.importorskip("ipywidgets")
    from lstm_helpers.explorers import long_lag as long_lag_widgets

    drawn = []
    monkeypatch.setattr("IPython.display.display", lambda *a, **k: drawn.append(a))
    with pytest.raises(TypeError, match="cells must be a list of 'lstm' or 'rnn'"):
        long_lag_widgets.long_lag_with_progress(5, cells="lstm")
    with pytest.raises(ValueError, match="cells must be one of 'lstm', 'rnn'"):
        long_lag_widgets.long_lag_with_progress(5, cells=["gru"])
    assert drawn == []


@pytest.mark.parametrize("call, error, words", [
    (lambda: __import__("lstm_helpers.pictures.prices").pictures.prices.plot_returns(SPLIT, limit=-5), ValueError,
     "limit must be a number above 0"),
    (lambda: __import__("lstm_helpers.pictures.prices").pictures.prices.plot_test_predictions(
        lh.evaluate(lh.BASELINES, SPLIT), days=-3), ValueError, "days must be a whole number from 1"),
    (lambda: __import__("lstm_helpers.pictures.prices").pictures.prices.plot_copies_yesterday(
        SPLIT.test.target_dates, SPLIT.test.targets, SPLIT.test.targets, SPLIT.test.targets, days=-1), ValueError,
     "days must be a whole number from 1"),
])
def test_price_plots_refuse_negative_days_and_limits(call, error, words):
    pytest.importorskip("matplotlib")
    with pytest.raises(error, match=words):
        call()


def test_rmse_is_right_at_extreme_finite_inputs():
    assert lh.rmse([1e200], [-1e200]) == 2e200
    assert lh.rmse([1e300, -1e300], [0.0, 0.0]) == pytest.approx(1e300, rel=1e-15)
    assert lh.rmse([0.1, 0.3], [0.0, 0.0]) == math.sqrt((0.01 + 0.09) / 2)  # the ordinary path, unchanged


def test_a_scaler_fitted_near_1e154_predicts_finite_numbers():
    values = np.random.default_rng(0).normal(1e154, 1e152, 300)
    scaler = lh.Scaler.fit(values)
    assert scaler.mean == pytest.approx(values.mean(), rel=1e-12)
    assert scaler.scale == pytest.approx(np.std(values / 1e154) * 1e154, rel=1e-12)
    split = lh.time_split(DATES[1:301], values, 20, "2000-09-01", "2000-12-01")
    predicted = lh.LinearWindow(scaler=split.scaler()).fit(split.train).predict(split.test.inputs)
    assert np.all(np.isfinite(predicted)) and np.all(np.abs(predicted / 1e154 - 1) < 0.1)


def test_one_validator_per_kind():
    import lstm_helpers.evaluation as evaluation
    import lstm_helpers.forecasting as forecasting
    from lstm_helpers import _checks

    assert not hasattr(forecasting, "_whole_number") and not hasattr(forecasting, "_fraction")
    assert evaluation.whole_number is forecasting.whole_number is _checks.whole_number
    assert _checks.fraction(0, "beta1", allow_zero=True) == 0.0
    with pytest.raises(ValueError, match="test_fraction must be a number above 0 and below 1"):
        lh.shuffled_split(10, 0)
    with pytest.raises(ValueError, match="beta1 must be a number at least 0 and below 1"):
        Adam(beta1=1.0)
    assert Adam(beta1=0).beta1 == 0.0


# -- size limits: refused at once, before anything large is allocated -----------------------------

HUGE_CALLS = [
    ("LSTMLayer.unroll days", lambda: new_layer("lstm", 4).unroll(np.broadcast_to(0.0, (10**7,))), "at most 100,000 days"),
    ("RNNLayer.unroll size", lambda: new_layer("rnn", 4).unroll(np.broadcast_to(0.0, (1000, 10**5))),
     "at most 20,000,000 numbers"),
    ("stretched_companies", lambda: long_lag_module.stretched_companies(10**9), "n_days must be a whole number from 1 to 100,000"),
    ("new_layer units", lambda: new_layer("lstm", 8000), "n_units must be a whole number from 1 to 512"),
    ("train_sequence_model steps", lambda: train_sequence_model(new_sequence_model("lstm", 2), TINY, max_steps=10**9),
     "max_steps must be a whole number from 1 to 100,000"),
    ("LSTMWindow steps", lambda: lh.LSTMWindow(max_steps=10**9), "max_steps must be a whole number from 1 to 100,000"),
    ("LSTMWindow units", lambda: lh.LSTMWindow(n_units=10**6), "n_units must be a whole number from 1 to 512"),
    ("long_lag_experiment days", lambda: long_lag_module.long_lag_experiment("lstm", 5000, 0),
     "n_days must be a whole number from 1 to 1,000"),
    ("long_lag_experiment steps", lambda: long_lag_module.long_lag_experiment("lstm", 5, 0, max_steps=10**9),
     "max_steps must be a whole number from 1 to 100,000"),
    ("long_lag_data", lambda: long_lag_module.long_lag_data(10**5, 10**6, 0), "n_days x n_sequences must be at most"),
    ("gradient_by_lag days", lambda: long_lag_module.gradient_by_lag("lstm", max_days=10**6), "max_days must be"),
    ("gradient_by_lag seeds", lambda: long_lag_module.gradient_by_lag("lstm", seeds=range(10**9)),
     "seeds must hold at most 1,000 seeds"),
    ("make_windows days", lambda: lh.make_windows(RETURNS, 10**6), "n_days must be a whole number from 1 to 1,000"),
    ("make_windows numbers", lambda: lh.make_windows(np.broadcast_to(0.0, (10**6,)), 1000), "at most 20,000,000"),
    ("autocorrelation", lambda: lh.autocorrelation(RETURNS, 10**6), "max_lag must be a whole number from 1 to 1,000"),
    ("shuffled_split", lambda: lh.shuffled_split(10**12, 0.2), "n_windows must be a whole number from 2"),
    ("leaked_targets", lambda: lh.leaked_targets(np.array([10**12]), np.array([0]), 20), "train_starts must be"),
    ("bootstrap", lambda: metrics_module.block_bootstrap_indices(10**6, 10**6), "n x n_resamples must be at most"),
    ("walk_forward years", lambda: lh.walk_forward(DATES[1:], RETURNS, 20, lh.BASELINES, range(1900, 10**9)),
     "test_years must hold at most 50 years"),
    ("time_split days", lambda: lh.time_split(DATES[1:], RETURNS, 10**6, "2009-01-01", "2011-01-01"),
     "n_days must be a whole number from 1 to 1,000"),
    ("untrained_readout_accuracy", lambda: long_lag_module.untrained_readout_accuracy("lstm", 5, 0, n_sequences=10**9),
     "n_sequences must be a whole number from 1 to 1,000,000"),
]


@pytest.mark.parametrize("call, words", [c[1:] for c in HUGE_CALLS], ids=[c[0] for c in HUGE_CALLS])
def test_a_call_past_a_size_limit_fails_at_once_without_allocating(call, words):
    import time
    import tracemalloc

    tracemalloc.start()
    start = time.process_time()
    try:
        with pytest.raises(ValueError, match=words):
            call()
        elapsed = time.process_time() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 2_000_000, f"{peak:,} bytes allocated before the refusal"
