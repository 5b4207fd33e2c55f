"""The compiled day loops (lstm_helpers/compiled.py, numba_kernels.py) give the numpy loops' bits.

Every array a layer's run and backward pass produce is compared bit for bit (sign of zero
included) between the two, for LSTM and RNN layers of several sizes, on ordinary numbers and
on extreme ones (sums far past the exp's clamps, tiny and huge values, exact zeros), in
the shapes where numpy sums pairwise rather than in order, and through a whole training run. Without numba the module is skipped: the layers then run
the numpy loops, which the rest of the tests check.
"""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers import compiled
from lstm_helpers.compiled import numpy_only
from lstm_helpers.layers import LayerGate, LSTMLayer, RNNLayer
from lstm_helpers.lstm_math import sum_of_outer_products

pytestmark = pytest.mark.skipif(compiled.kernels() is None, reason="numba is not installed here: nothing to compare")


def same_bits(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))


def both(work):
    """work() compiled, then on the numpy loops."""
    first = work()
    with numpy_only():
        second = work()
    return first, second


def run_arrays(layer, values, d_short, **memories):
    run = layer.unroll(values, **memories)
    grads, d_values, *d_start = layer.backward(run, d_short)
    arrays = [getattr(run, name) for name in ("short_memories", "sums", "forget_gates", "input_gates",
                                                "candidates", "output_gates", "long_memories",
                                                "potential_short_memories") if hasattr(run, name)]
    return arrays + list(grads.parameters()) + [d_values, *d_start]


def scaled_layer(cell, units, inputs, seed, weight_scale):
    layer = lh.new_layer(cell, units, inputs, seed=seed, forget_bias=1.0 if cell == "lstm" else 0.0)
    rng = np.random.default_rng(seed + 100)
    arrays = [a * weight_scale + rng.normal(0, weight_scale, a.shape) for a in layer.parameters()]
    return layer.with_parameters(arrays)


CASES = [  # cell, units, inputs, days, batch, weight scale, value scale
    ("lstm", 1, 1, 4, 1, 1.0, 1.0),
    ("lstm", 3, 2, 7, 5, 1.0, 1.0),
    ("lstm", 8, 1, 20, 64, 1.0, 1.0),
    ("lstm", 16, 1, 30, 9, 0.5, 1.0),
    ("lstm", 5, 3, 6, 4, 300.0, 1.0),    # sums past 746 and 373: the exp's clamps
    ("lstm", 4, 1, 5, 3, 1.0, 1e-300),   # tiny values
    ("lstm", 4, 2, 5, 3, 1e150, 1e150),  # products that overflow to infinity, one sign per sum
    ("rnn", 1, 1, 4, 1, 1.0, 1.0),
    ("rnn", 8, 1, 20, 64, 1.0, 1.0),
    ("rnn", 6, 2, 9, 7, 300.0, 1.0),
    # where numpy sums pairwise (lstm_math.dot with M = 1): the kernels must too
    ("lstm", 40, 1, 3, 2, 1.0, 1.0),     # d_values: 160 products, pairwise in halves
    ("lstm", 3, 12, 4, 3, 1.0, 1.0),     # 12 inputs into 12 sums: in order
    ("rnn", 1, 9, 6, 5, 1.0, 1.0),       # one unit reading 9 inputs: pairwise
    ("rnn", 1, 1, 300, 7, 1.0, 1.0),     # one unit, one input: 2,100 outer products, pairwise
]


@pytest.mark.parametrize("cell, units, inputs, days, batch, weight_scale, value_scale", CASES)
def test_a_run_and_its_backward_pass_have_the_numpy_loops_bits(cell, units, inputs, days, batch,
                                                               weight_scale, value_scale):
    layer = scaled_layer(cell, units, inputs, seed=units + days, weight_scale=weight_scale)
    rng = np.random.default_rng(days)
    values = rng.normal(0, value_scale, (days, batch, inputs))
    values[0, 0] = 0.0  # exact zeros and a negative zero
    values[-1, -1, 0] = -0.0
    if cell == "lstm" and value_scale > 1e100:
        # one input each, so that no sum adds +inf to -inf
        layer = lh.new_layer("lstm", units, 1, seed=1).with_parameters(
            [a * 1e150 for a in lh.new_layer("lstm", units, 1, seed=1).parameters()])
        values = values[..., :1]
    d_short = rng.normal(size=(days, batch, units))
    memories = {"short_memory": rng.normal(size=(batch, units))}
    if cell == "lstm":
        memories["long_memory"] = rng.normal(0, 3, (batch, units))
    with np.errstate(over="ignore", invalid="ignore"):  # the gradients of the infinite case overflow
        fast, reference = both(lambda: run_arrays(layer, values, d_short, **memories))
    assert len(fast) == len(reference)
    for k, (a, b) in enumerate(zip(fast, reference)):
        assert same_bits(a, b), f"array {k} differs"


def test_a_training_run_has_the_numpy_loops_bits():
    rng = np.random.default_rng(0)
    data = (rng.normal(size=(12, 200)), rng.normal(size=200))
    validation = (rng.normal(size=(12, 60)), rng.normal(size=60))

    def train(cell):
        model = lh.new_sequence_model(cell, 4, seed=2)
        run = lh.train_sequence_model(model, data, validation, max_steps=60, batch_size=16, check_every=10,
                                      learning_rate=0.05, seed=3)
        return list(run.last_model.parameters()) + [run.training_losses, run.validation_losses]

    for cell in ("lstm", "rnn"):
        fast, reference = both(lambda: train(cell))
        assert all(same_bits(a, b) for a, b in zip(fast, reference)), cell


@pytest.mark.parametrize("rows, width_a, width_b", [(1, 1, 1), (37, 3, 5), (3000, 64, 64)])
def test_sums_of_outer_products_have_the_numpy_bits_in_every_chunk(rows, width_a, width_b):
    rng = np.random.default_rng(rows)
    a, b = rng.normal(size=(rows, width_a)), rng.normal(size=(rows, width_b))  # 3000 rows: 12 chunks
    fast, reference = both(lambda: sum_of_outer_products(a, b))
    assert same_bits(fast, reference)


def test_sums_that_are_not_numbers_are_named_on_both_paths():
    gate = LayerGate(np.zeros((2, 2)), [[1e300, -1e300], [1.0, 1.0]], np.zeros(2))
    values = np.full((3, 4, 2), 1e10)  # 1e310 - 1e310: inf - inf in the first unit's sums
    for layer in (LSTMLayer(gate, gate, gate, gate), RNNLayer(gate)):
        for path in ("compiled", "numpy"):
            with (numpy_only() if path == "numpy" else np.errstate()):
                with pytest.raises(ValueError, match="sums are not numbers"):
                    layer.unroll(values)


def test_importing_the_package_does_not_load_numba():
    """The setup cells stay quick: numba loads at the first layer run, not at import."""
    code = "import sys, lstm_helpers; print('numba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_switch_turns_the_compiled_loops_off_and_back_on():
    assert compiled.kernels() is not None
    with numpy_only():
        assert compiled.kernels() is None
    assert compiled.kernels() is not None


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc (Linux)")
def test_loading_and_running_the_compiled_loops_starts_no_thread():
    code = ("import os, numpy as np, lstm_helpers as lh; before = len(os.listdir('/proc/self/task')); "
            "m = lh.new_sequence_model('lstm', 8, seed=0); m.loss_and_gradients(np.zeros((20, 64)), np.zeros(64)); "
            "import sys; assert 'numba' in sys.modules; print(before, len(os.listdir('/proc/self/task')))")
    before, after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                   check=True).stdout.split()
    assert after == before
