"""Layers of H units reading I inputs, the sequence model on top, its gradients and training."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_helpers as lh
from lstm_helpers.layers import LSTMLayerRun

A, B = lh.COMPANY_A[:4], lh.COMPANY_B[:4]
STEP_FIELDS = {"forget_gates": "forget_gate", "input_gates": "input_gate", "candidates": "candidate",
               "output_gates": "output_gate", "long_memories": "long_memory",
               "potential_short_memories": "potential_short_memory", "short_memories": "short_memory"}


def random_model(cell, n_units, n_inputs, seed):
    """A model with every number random (biases and read-out too), so no gradient is trivially 0."""
    model = lh.new_sequence_model(cell, n_units, n_inputs, seed)
    rng = np.random.default_rng(seed + 1000)
    return model.with_parameters([a + 0.5 * rng.normal(size=np.shape(a)) for a in model.parameters()])


def relative_error(got, want):
    got = np.concatenate([np.ravel(a) for a in got.parameters()])
    want = np.concatenate([np.ravel(a) for a in want.parameters()])
    return np.max(np.abs(got - want)) / max(np.max(np.abs(want)), 1e-12)


# --- the course's unit as a 1x1 layer ------------------------------------------------------

def test_from_params_is_the_example_unit_as_a_1x1_layer():
    layer = lh.LSTMLayer.from_params(lh.EXAMPLE_PARAMS)
    assert (layer.n_units, layer.n_inputs) == (1, 1)
    assert [float(a[()] if a.ndim == 0 else a.ravel()[0]) for a in layer.parameters()] == lh.EXAMPLE_PARAMS.to_list()


def test_1x1_layer_reproduces_notebook_03s_step_exactly():
    run = lh.LSTMLayer.from_params(lh.EXAMPLE_PARAMS).unroll([1.0], long_memory=2.0, short_memory=1.0)
    step = lh.lstm_step(1.0, 2.0, 1.0)
    for plural, singular in STEP_FIELDS.items():
        assert getattr(run, plural).shape == (1, 1, 1)
        assert getattr(run, plural).item() == getattr(step, singular), plural  # exactly, not approximately
    assert round(run.long_memories.item(), 2) == 2.95 and round(run.short_memories.item(), 2) == 0.99


def test_1x1_layer_reproduces_notebook_04s_companies_exactly():
    layer = lh.LSTMLayer.from_params(lh.EXAMPLE_PARAMS)
    both = np.array([A, B]).T  # (days, batch)
    run, unrolled = layer.unroll(both), lh.unroll(both)
    for plural, singular in STEP_FIELDS.items():
        want = np.array([getattr(step, singular) for step in unrolled.steps])
        assert np.array_equal(getattr(run, plural)[:, :, 0], want), plural
    for values in (A, B):  # one company at a time, as notebook 04 runs them
        assert np.array_equal(layer.unroll(values).short_memories[:, 0, 0], lh.unroll(values).short_memories)
    assert [round(v, 1) for v in run.last_short_memory[:, 0]] == [0.0, 1.0]  # the source rounds to one decimal
    assert round(run.last_short_memory[1, 0], 2) == 0.97
    assert (round(run.long_memories[0, 0, 0], 2), round(run.short_memories[0, 0, 0], 2)) == (-0.2, -0.13)


def test_1x1_layer_gradients_equal_loss_and_gradients():
    for params in (lh.UNTRAINED_PARAMS, lh.EXAMPLE_PARAMS):
        layer = lh.LSTMLayer.from_params(params)
        model = lh.SequenceModel(layer, [1.0], 0.0)  # prediction = last short-term memory
        for values, target in ((A, lh.COMPANY_A[4]), (B, lh.COMPANY_B[4])):
            loss, grads = model.loss_and_gradients(values, [target])
            want_loss, want = lh.loss_and_gradients(params, values, target)
            assert loss == pytest.approx(want_loss, rel=1e-12)
            got = [float(np.ravel(a)[0]) for a in grads.layer.parameters()]
            assert got == pytest.approx(want.to_list(), rel=1e-9, abs=1e-14)


def test_adam_on_the_layer_retraces_notebook_05s_training():
    """Adam on the 1x1 layer, one company per step, follows train_lstm step for step."""
    layer = lh.LSTMLayer.from_params(lh.UNTRAINED_PARAMS)
    adam = lh.Adam(learning_rate=0.001)
    for _ in range(1000):
        for values, target in ((A, lh.COMPANY_A[4]), (B, lh.COMPANY_B[4])):
            run = layer.unroll(values)
            d_short = np.zeros_like(run.short_memories)
            d_short[-1] = 2.0 * (run.last_short_memory - target)
            layer = adam.step(layer, layer.backward(run, d_short)[0])
    want = lh.train_lstm([A, B], [lh.COMPANY_A[4], lh.COMPANY_B[4]], lh.UNTRAINED_PARAMS, 1000).params
    got = [float(np.ravel(a)[0]) for a in layer.parameters()]
    assert got == pytest.approx(want.to_list(), abs=1e-9)
    assert adam.steps_taken == 2000


def test_1x1_rnn_layer_is_notebook_02s_tanh_unit():
    unit = lh.BasicRNN(w_input=0.8, w_recurrent=-1.3, bias=0.2, activation="tanh")
    layer = lh.RNNLayer(lh.LayerGate([[-1.3]], [[0.8]], [0.2]))
    values = [0.3, -1.0, 0.5, 2.0, 0.1]
    assert np.allclose(layer.unroll(values).short_memories[:, 0, 0], unit.unroll(values).outputs, rtol=1e-14)
    model = lh.SequenceModel(layer, [1.0], 0.0)
    assert np.allclose(model.input_gradients(values)[:, 0, 0], unit.input_gradients(values), rtol=1e-12)


# --- shapes and memories --------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["lstm", "rnn"])
def test_unroll_shapes(cell):
    layer = lh.new_layer(cell, n_units=3, n_inputs=2, seed=0)
    run = layer.unroll(np.zeros((5, 4, 2)))
    assert run.short_memories.shape == (5, 4, 3) and run.last_short_memory.shape == (4, 3)
    one_input = lh.new_layer(cell, n_units=3, seed=0)
    assert one_input.unroll(np.zeros(5)).short_memories.shape == (5, 1, 3)      # (days,)
    assert one_input.unroll(np.zeros((5, 4))).short_memories.shape == (5, 4, 3)  # (days, batch)
    if cell == "lstm":
        assert set(run.gates()) == {"forget_gates", "input_gates", "candidates", "output_gates"}
        assert all(g.shape == (5, 4, 3) for g in run.gates().values())
        assert run.long_memories.shape == (5, 4, 3)


@pytest.mark.parametrize("cell", ["lstm", "rnn"])
def test_a_batch_is_the_same_as_its_sequences_one_at_a_time(cell):
    layer = lh.new_layer(cell, n_units=4, n_inputs=2, seed=1)
    values = np.random.default_rng(0).normal(size=(6, 3, 2))
    together = layer.unroll(values).short_memories
    for k in range(3):
        assert np.allclose(layer.unroll(values[:, k:k + 1]).short_memories[:, 0], together[:, k], rtol=1e-13)


def test_starting_memories_are_used_and_default_to_zeros():
    layer = lh.new_layer("lstm", n_units=2, seed=0)
    values = np.zeros((3, 2))
    default, zeros = layer.unroll(values), layer.unroll(values, np.zeros((2, 2)), np.zeros((2, 2)))
    assert np.array_equal(default.short_memories, zeros.short_memories)
    long = np.array([[1.0, -1.0], [0.5, 2.0]])
    moved = layer.unroll(values, long_memory=long)
    assert np.array_equal(moved.starting_long_memory, long)
    assert not np.allclose(moved.short_memories, default.short_memories)
    # day 1's long-term memory is the forget gate times the starting one plus what is added
    assert np.allclose(moved.long_memories[0], long * moved.forget_gates[0] + moved.input_gates[0] * moved.candidates[0])


def test_layer_arrays_are_read_only_copies():
    w_short = np.eye(2)
    gate = lh.LayerGate(w_short, np.ones((2, 1)), np.zeros(2))
    w_short[0, 0] = 99.0
    assert gate.w_short[0, 0] == 1.0
    with pytest.raises(ValueError):
        gate.bias[0] = 1.0


# --- gradients --------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["lstm", "rnn"])
@pytest.mark.parametrize("n_units, n_inputs, seed", [(1, 1, 0), (2, 3, 1), (5, 2, 2), (8, 3, 3), (8, 1, 4)])
def test_gradients_agree_with_finite_differences(cell, n_units, n_inputs, seed):
    model = random_model(cell, n_units, n_inputs, seed)
    rng = np.random.default_rng(seed)
    values, targets = rng.normal(size=(5, 3, n_inputs)), rng.normal(size=3)
    loss, grads = model.loss_and_gradients(values, targets)
    assert loss == pytest.approx(model.loss(values, targets), rel=1e-14)
    assert relative_error(grads, model.finite_difference_gradients(values, targets, step=1e-5)) < 1e-7


@settings(max_examples=25, deadline=None)
@given(cell=st.sampled_from(["lstm", "rnn"]), n_units=st.integers(1, 8), n_inputs=st.integers(1, 3),
       days=st.integers(1, 6), batch=st.integers(1, 4), seed=st.integers(0, 10_000))
def test_input_gradients_agree_with_finite_differences(cell, n_units, n_inputs, days, batch, seed):
    model = random_model(cell, n_units, n_inputs, seed)
    values = np.random.default_rng(seed).normal(size=(days, batch, n_inputs))
    got = model.input_gradients(values)
    assert got.shape == (days, batch, n_inputs)
    step = 1e-6
    for index in [(0, 0, 0), (days - 1, batch - 1, n_inputs - 1), (days // 2, 0, n_inputs // 2)]:
        up, down = values.copy(), values.copy()
        up[index] += step
        down[index] -= step
        numeric = (model.predict(up) - model.predict(down))[index[1]] / (2 * step)
        assert got[index] == pytest.approx(numeric, abs=1e-7)


@pytest.mark.parametrize("cell", ["lstm", "rnn"])
def test_each_sequences_input_gradient_moves_only_its_own_prediction(cell):
    model = random_model(cell, 3, 1, 7)
    values = np.random.default_rng(1).normal(size=(4, 2, 1))
    nudged = values.copy()
    nudged[0, 0, 0] += 1e-3
    change = model.predict(nudged) - model.predict(values)
    assert change[1] == 0.0 and change[0] != 0.0


def test_gradient_is_the_mean_over_the_batch():
    model = random_model("lstm", 2, 1, 3)
    values, targets = np.random.default_rng(2).normal(size=(3, 4, 1)), np.arange(4.0)
    _, together = model.loss_and_gradients(values, targets)
    parts = [model.loss_and_gradients(values[:, k:k + 1], targets[k:k + 1])[1].parameters() for k in range(4)]
    mean = [np.mean([p[j] for p in parts], axis=0) for j in range(len(parts[0]))]
    assert all(np.allclose(a, m, rtol=1e-12, atol=1e-15) for a, m in zip(together.parameters(), mean))


# --- initialisation ---------------------------------------------------------------------------

def test_new_layer_draws_the_documented_distributions():
    layer = lh.new_layer("lstm", n_units=200, n_inputs=3, seed=5, forget_bias=5.0, input_bias=-3.0)
    assert np.std(layer.forget.w_input) == pytest.approx(1.0, rel=0.05)
    assert np.std(layer.output.w_short) == pytest.approx(1.0 / np.sqrt(200), rel=0.05)
    assert np.all(layer.forget.bias == 5.0) and np.all(layer.input.bias == -3.0)
    assert np.all(layer.candidate.bias == 0.0) and np.all(layer.output.bias == 0.0)
    rnn = lh.new_layer("rnn", n_units=3, seed=5)
    assert np.all(rnn.state.bias == 0.0)


def test_new_sequence_model_is_seeded():
    one, same, other = (lh.new_sequence_model("lstm", 4, seed=s) for s in (1, 1, 2))
    assert all(np.array_equal(a, b) for a, b in zip(one.parameters(), same.parameters()))
    assert not np.array_equal(one.readout_weights, other.readout_weights)
    assert np.any(one.readout_weights != 0), "a zero read-out would pass no gradient to the layer"


# --- Adam and the training loop ---------------------------------------------------------------

def test_adam_first_step_moves_each_number_by_the_learning_rate():
    """Adam's bias correction makes the first step exactly lr * sign(gradient) (up to eps)."""
    model = random_model("rnn", 2, 1, 0)
    values, targets = np.ones((3, 2)), np.array([0.5, -0.5])
    _, grads = model.loss_and_gradients(values, targets)
    stepped = lh.Adam(learning_rate=0.01).step(model, grads)
    for before, after, g in zip(model.parameters(), stepped.parameters(), grads.parameters()):
        assert np.allclose(after - before, -0.01 * np.sign(g), atol=1e-8)


def regression_data(n, seed):
    """Windows of 5 days of 2 inputs; the target is the mean of the last day's inputs."""
    rng = np.random.default_rng(seed)
    values = rng.uniform(-1, 1, size=(5, n, 2))
    return values, values[-1].mean(axis=1)


@pytest.mark.parametrize("cell", ["lstm", "rnn"])
def test_training_on_a_fixed_dataset_learns_and_keeps_the_best_validation_model(cell):
    model = lh.new_sequence_model(cell, 4, 2, seed=0)
    training, validation = regression_data(256, 1), regression_data(128, 2)
    before = model.loss(*validation)
    run = lh.train_sequence_model(model, training, validation, max_steps=600, batch_size=32, learning_rate=0.01,
                                  check_every=20, patience=5, seed=0)
    assert run.model.loss(*validation) < before / 20
    assert run.model.loss(*validation) == pytest.approx(min(run.validation_losses), rel=1e-12)
    assert run.best_step == run.check_steps[np.argmin(run.validation_losses)]
    assert run.steps == len(run.training_losses) and run.stopped_because in ("patience", "max_steps")
    assert run.seconds > 0
    again = lh.train_sequence_model(model, training, validation, max_steps=600, batch_size=32, learning_rate=0.01,
                                    check_every=20, patience=5, seed=0)
    assert np.array_equal(run.training_losses, again.training_losses), "seeded: the same run twice"


def test_patience_stops_when_validation_stops_improving():
    model = lh.new_sequence_model("rnn", 2, 2, seed=0)
    training, validation = regression_data(64, 1), regression_data(64, 2)
    # a learning rate so large that training cannot settle: validation stops improving
    run = lh.train_sequence_model(model, training, validation, max_steps=5000, learning_rate=1.0,
                                  check_every=10, patience=3)
    assert run.stopped_because == "patience" and run.steps < 5000
    best = int(np.argmin(run.validation_losses))
    assert len(run.validation_losses) == best + 1 + 3


def test_each_pass_over_a_dataset_uses_every_sequence_once():
    """With a learning rate too small to move anything, the mean of one pass's batch losses is
    the loss over the whole dataset only if every sequence was used exactly once."""
    values, targets = regression_data(10, 0)
    model = lh.new_sequence_model("rnn", 2, 2, seed=0)
    run = lh.train_sequence_model(model, (values, targets), max_steps=10, batch_size=2, learning_rate=1e-15)
    assert np.mean(run.training_losses[:5]) == pytest.approx(model.loss(values, targets), rel=1e-9)
    assert np.mean(run.training_losses[5:]) == pytest.approx(model.loss(values, targets), rel=1e-9)
    assert not np.allclose(run.training_losses[:5], run.training_losses[5:]), "reshuffled for the second pass"


def test_fresh_batches_and_stop_when():
    def make_batch(rng, batch_size):
        values = rng.uniform(-1, 1, size=(3, batch_size))
        return values, values[0]

    model = lh.new_sequence_model("lstm", 4, seed=0, forget_bias=1.0)
    validation = make_batch(np.random.default_rng(99), 200)
    calls = []
    run = lh.train_sequence_model(model, make_batch, validation, max_steps=3000, learning_rate=0.01,
                                  check_every=10, stop_when=lambda p, t: np.mean((p - t) ** 2) < 0.001,
                                  callback=lambda *a: calls.append(a))
    assert run.stopped_because == "stop_when" and run.steps < 3000
    assert run.last_model.loss(*validation) < 0.001
    assert [c[0] for c in calls] == list(run.check_steps)


# --- errors -------------------------------------------------------------------------------------

LAYER = lh.new_layer("lstm", n_units=2, seed=0)
MODEL = lh.new_sequence_model("lstm", 2, seed=0)


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.LayerGate(np.eye(2), np.ones((2, 1)), np.zeros(3)), ValueError, "w_short"),
        (lambda: lh.LayerGate(np.eye(2), np.ones((3, 1)), np.zeros(2)), ValueError, "w_input"),
        (lambda: lh.LayerGate(np.eye(2), np.ones((2, 1)), np.zeros((2, 1))), ValueError, "bias"),
        (lambda: lh.LayerGate("eye", np.ones((2, 1)), np.zeros(2)), TypeError, "w_short"),
        (lambda: lh.LayerGate(np.eye(2), [[1.0], [np.nan]], np.zeros(2)), ValueError, "w_input"),
        (lambda: lh.LSTMLayer(LAYER.forget, LAYER.input, LAYER.candidate, "output"), TypeError, "LSTMLayer.output"),
        (lambda: lh.LSTMLayer(LAYER.forget, LAYER.input, LAYER.candidate,
                              lh.new_layer("lstm", 3, seed=0).output), ValueError, "same shape"),
        (lambda: lh.LSTMLayer.from_params("params"), TypeError, "params"),
        (lambda: LAYER.unroll("1, 2, 3"), TypeError, "values"),
        (lambda: LAYER.unroll([1.0, np.nan]), ValueError, "values"),
        (lambda: LAYER.unroll([1.0, np.inf]), ValueError, "values"),
        (lambda: LAYER.unroll([]), ValueError, "values"),
        (lambda: LAYER.unroll(np.zeros((3, 2, 2))), ValueError, "input"),
        (lambda: lh.new_layer("lstm", 2, n_inputs=2).unroll(np.zeros((3, 2))), ValueError, "(days, batch, 2)"),
        (lambda: LAYER.unroll(np.zeros((3, 2)), long_memory=np.zeros((3, 2))), ValueError, "long_memory"),
        (lambda: LAYER.unroll(np.zeros((3, 2)), short_memory="zeros"), TypeError, "short_memory"),
        (lambda: lh.new_layer("gru", 2), ValueError, "cell"),
        (lambda: lh.new_layer("lstm", 0), ValueError, "n_units"),
        (lambda: lh.new_layer("lstm", 2.5), TypeError, "n_units"),
        (lambda: lh.new_layer("lstm", 2, seed=-1), ValueError, "seed"),
        (lambda: lh.new_layer("rnn", 2, forget_bias=1.0), ValueError, "forget_bias"),
        (lambda: lh.new_layer("lstm", 2, forget_bias="5"), TypeError, "forget_bias"),
        (lambda: lh.SequenceModel(LAYER, [1.0], 0.0), ValueError, "readout_weights"),
        (lambda: lh.SequenceModel("layer", [1.0], 0.0), TypeError, "layer"),
        (lambda: lh.SequenceModel(LAYER, [1.0, 2.0], float("nan")), ValueError, "readout_bias"),
        (lambda: MODEL.loss(np.zeros((3, 2)), [1.0]), ValueError, "targets"),
        (lambda: MODEL.loss(np.zeros((3, 2)), ["a", "b"]), TypeError, "targets"),
        (lambda: lh.Adam(learning_rate=0), ValueError, "learning_rate"),
        (lambda: lh.Adam(beta1=1.0), ValueError, "beta1"),
        (lambda: lh.train_sequence_model("model", (np.zeros((3, 2)), [0, 1])), TypeError, "model"),
        (lambda: lh.train_sequence_model(MODEL, np.zeros((3, 2))), TypeError, "training_data"),
        (lambda: lh.train_sequence_model(MODEL, (np.zeros((3, 2)), [0, 1, 2])), ValueError, "targets"),
        (lambda: lh.train_sequence_model(MODEL, (np.zeros((3, 2)), [0, 1]), patience=3), ValueError, "validation"),
        (lambda: lh.train_sequence_model(MODEL, (np.zeros((3, 2)), [0, 1]), max_steps=0), ValueError, "max_steps"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error, match=None) as caught:
        call()
    assert words in str(caught.value)


def test_a_run_is_a_layer_run():
    assert isinstance(LAYER.unroll([0.5]), LSTMLayerRun)
