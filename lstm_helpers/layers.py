"""Layers: the course's unit widened to H units reading I inputs a day.

A layer does the unit's arithmetic with arrays. Each gate is a LayerGate: a
weight for every (unit, short-term memory) pair, a weight for every (unit,
input) pair and a bias per unit. A batch of sequences goes through at once:

    run = layer.unroll(values)        # values (days,), (days, batch) or (days, batch, I)
    run.short_memories                # (days, batch, H): the short-term memory after each day
    run.forget_gates                  # (days, batch, H): and every other gate, by name

`LSTMLayer.from_params(EXAMPLE_PARAMS)` is the course's unit as a 1x1 layer and
gives exactly `unroll`'s numbers. `RNNLayer` is the basic recurrent layer of
notebook 02 with tanh: it has only a short-term memory.

Each layer also walks backwards (`backward`): backpropagation through time,
one day at a time, every sequence of the batch at once.

Notebooks 06-07. A day is lstm_math.lstm_day, and every product is lstm_math.dot (no
BLAS): a run gives the same bits on every CPU, and starts no BLAS thread. The loops over
days are day_loops.py's, compiled with numba where it is installed (the same bits, faster).
"""

from dataclasses import dataclass, fields

import numpy as np

from ._checks import MAX_UNITS, describe, finite_array, real_number, run_gradient, run_size
from .day_loops import lstm_days, lstm_days_backward, rnn_days, rnn_days_backward
from .lstm import GATE_NAMES, check_params
from .layer_checks import check_cell, check_seed, count, sequence_values, starting_memory
from .lstm_math import split_gates, sum_of_outer_products


def _frozen_copy(array):
    array = np.array(array, dtype=float)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class LayerGate:
    """One stage of a layer: short_memory @ w_short.T + input @ w_input.T + bias, per unit.

    w_short (H, H): row k holds unit k's weights on the H short-term memories;
    w_input (H, I): row k holds unit k's weights on the I inputs; bias (H,).
    """

    w_short: np.ndarray
    w_input: np.ndarray
    bias: np.ndarray

    def __post_init__(self):
        for field in fields(self):
            object.__setattr__(self, field.name, _frozen_copy(finite_array(getattr(self, field.name),
                                                                              f"LayerGate.{field.name}")))
        w_short, w_input, bias = self.w_short, self.w_input, self.bias
        if bias.ndim != 1 or bias.size == 0:
            raise ValueError(f"LayerGate.bias must be a 1-D array with one bias per unit (H,), got shape {bias.shape}")
        units = bias.size
        if w_short.shape != (units, units):
            raise ValueError(f"LayerGate.w_short must have shape (H, H) = ({units}, {units}) for {units} units "
                             f"(the bias has {units}), got shape {w_short.shape}")
        if w_input.ndim != 2 or w_input.shape[0] != units or w_input.shape[1] == 0:
            raise ValueError(f"LayerGate.w_input must have shape (H, I) = ({units}, number of inputs) for {units} "
                             f"units, got shape {w_input.shape}")

    @property
    def n_units(self):
        return self.bias.size

    @property
    def n_inputs(self):
        return self.w_input.shape[1]

    def parameters(self):
        """(w_short, w_input, bias)."""
        return (self.w_short, self.w_input, self.bias)


def _check_gate(gate, name):
    if not isinstance(gate, LayerGate):
        raise TypeError(f"{name} must be a LayerGate(w_short, w_input, bias), got {describe(gate)}")
    return gate


def _stack(gates, part):
    """The gates' `part` side by side: w_short or w_input transposed to (H or I, n_gates * H), bias (n_gates * H,)."""
    arrays = [getattr(gate, part) for gate in gates]
    return np.concatenate(arrays) if part == "bias" else np.concatenate([a.T for a in arrays], axis=1)


@dataclass(frozen=True, eq=False)
class LSTMLayerRun:
    """A layer run over a batch of sequences: every stage, per day, each (days, batch, H).

    starting_long_memory and starting_short_memory are (batch, H); values is (days, batch, I).
    """

    values: np.ndarray
    starting_long_memory: np.ndarray
    starting_short_memory: np.ndarray
    forget_gates: np.ndarray
    input_gates: np.ndarray
    candidates: np.ndarray
    output_gates: np.ndarray
    long_memories: np.ndarray
    potential_short_memories: np.ndarray
    short_memories: np.ndarray

    GATES = ("forget_gates", "input_gates", "candidates", "output_gates")

    def gates(self):
        """{name: (days, batch, H) array} for the four stages."""
        return {name: getattr(self, name) for name in self.GATES}

    @property
    def last_short_memory(self):
        """(batch, H): the short-term memory after the last day, the layer's output."""
        return self.short_memories[-1]


@dataclass(frozen=True, eq=False)
class LSTMLayer:
    """H LSTM units side by side reading I inputs a day: four LayerGates of the same shape.

    forget: % of each long-term memory to remember (sigmoid)
    input: % of each potential long-term memory to add (sigmoid)
    candidate: the potential long-term memories (tanh)
    output: % of each potential short-term memory to output (sigmoid)
    """

    forget: LayerGate
    input: LayerGate
    candidate: LayerGate
    output: LayerGate

    cell = "lstm"

    def __post_init__(self):
        gates = [_check_gate(getattr(self, name), f"LSTMLayer.{name}") for name in GATE_NAMES]
        shapes = {name: (g.n_units, g.n_inputs) for name, g in zip(GATE_NAMES, gates)}
        if len(set(shapes.values())) != 1:
            listed = ", ".join(f"{name} {h} units x {i} inputs" for name, (h, i) in shapes.items())
            raise ValueError(f"the four gates of an LSTMLayer must have the same shape; got {listed}")
        # all four stages in one matrix product a day
        object.__setattr__(self, "_w_short", _stack(gates, "w_short"))
        object.__setattr__(self, "_w_input", _stack(gates, "w_input"))
        object.__setattr__(self, "_bias", _stack(gates, "bias"))

    @property
    def n_units(self):
        return self.forget.n_units

    @property
    def n_inputs(self):
        return self.forget.n_inputs

    @classmethod
    def from_params(cls, params):
        """The course's unit (an LSTMParams, e.g. EXAMPLE_PARAMS) as a layer of 1 unit reading 1 input."""
        params = check_params(params)
        return cls(*(LayerGate([[g.w_short]], [[g.w_input]], [g.bias]) for g in (getattr(params, n) for n in GATE_NAMES)))

    def stacked(self):
        """(w_short (H, 4H), w_input (I, 4H), bias (4H,)): the four gates side by side, as a day uses them."""
        return self._w_short, self._w_input, self._bias

    def parameters(self):
        """The 12 arrays in order: forget, input, candidate, output; each w_short, w_input, bias."""
        return tuple(array for name in GATE_NAMES for array in getattr(self, name).parameters())

    @classmethod
    def from_parameters(cls, arrays):
        """The inverse of parameters()."""
        arrays = list(arrays)
        if len(arrays) != 12:
            raise ValueError(f"an LSTMLayer has 12 arrays (4 gates x 3), got {len(arrays)}")
        return cls(*(LayerGate(*arrays[3 * k: 3 * k + 3]) for k in range(4)))

    def with_parameters(self, arrays):
        """A layer of the same kind holding `arrays` (in parameters() order)."""
        return self.from_parameters(arrays)

    def unroll(self, values, long_memory=None, short_memory=None):
        """Run the layer over every day of `values`, passing both memories on; an LSTMLayerRun.

        values: (days,), (days, batch) or (days, batch, I). Memories: (batch, H), zeros when None.
        Limits: at most 100,000 days, and days x batch x H at most 20,000,000.
        """
        run_size(values, self.n_units, "values")
        x = sequence_values(values, self.n_inputs)
        days, batch, _ = x.shape
        units = self.n_units
        long = starting_memory(long_memory, "long_memory", batch, units)
        short = starting_memory(short_memory, "short_memory", batch, units)
        start_long, start_short = long, short
        gates = np.empty((days, batch, 4 * units))
        longs, potentials, shorts = (np.empty((days, batch, units)) for _ in range(3))
        lstm_days(x, self.stacked(), long, short, (gates, longs, potentials, shorts))
        return LSTMLayerRun(x, start_long, start_short, *split_gates(gates), longs, potentials, shorts)

    def backward(self, run, d_short_memories):
        """Backpropagation through time.

        d_short_memories (days, batch, H): the loss's gradient with respect to each day's
        short-term memory, as the loss sees it (usually 0 except on the last day).
        Returns (gradients as an LSTMLayer, d_values (days, batch, I),
        d_starting_long_memory (batch, H), d_starting_short_memory (batch, H)).
        """
        d_short_memories = run_gradient(run, LSTMLayerRun, d_short_memories, self.n_units, "an LSTMLayerRun")
        days, batch, units = run.short_memories.shape
        d_short_memories = np.broadcast_to(d_short_memories, (days, batch, units))
        d_sums, d_values, d_long, d_short = lstm_days_backward(run, d_short_memories, self.stacked())
        gradients = _stacked_gradients(run, d_sums, GATE_NAMES)
        return LSTMLayer(*gradients), d_values, d_long, d_short


def _stacked_gradients(run, d_sums, names):
    """Each gate's (w_short, w_input, bias) gradients from the sums' gradients of every day."""
    days, batch, width = d_sums.shape
    units = width // len(names)
    previous_short = np.concatenate([run.starting_short_memory[None], run.short_memories[:-1]])
    d_w_short = sum_of_outer_products(previous_short, d_sums)  # (H, n_gates * H)
    d_w_input = sum_of_outer_products(run.values, d_sums)      # (I, n_gates * H)
    d_bias = d_sums.reshape(days * batch, width).sum(axis=0)
    return [LayerGate(d_w_short[:, k * units:(k + 1) * units].T, d_w_input[:, k * units:(k + 1) * units].T,
                      d_bias[k * units:(k + 1) * units]) for k in range(len(names))]


@dataclass(frozen=True, eq=False)
class RNNLayerRun:
    """A basic RNN layer run over a batch: its sums and short-term memories, each (days, batch, H)."""

    values: np.ndarray
    starting_short_memory: np.ndarray
    sums: np.ndarray
    short_memories: np.ndarray

    @property
    def last_short_memory(self):
        """(batch, H): the short-term memory after the last day, the layer's output."""
        return self.short_memories[-1]


@dataclass(frozen=True, eq=False)
class RNNLayer:
    """H basic recurrent units reading I inputs a day: one LayerGate with tanh.

    short = tanh(short @ w_short.T + input @ w_input.T + bias). The RNN has only a
    short-term memory: the same w_short multiplies it again every day (notebook 02).
    """

    state: LayerGate

    cell = "rnn"

    def __post_init__(self):
        gate = _check_gate(self.state, "RNNLayer.state")
        object.__setattr__(self, "_w_short", gate.w_short.T)
        object.__setattr__(self, "_w_input", gate.w_input.T)

    @property
    def n_units(self):
        return self.state.n_units

    @property
    def n_inputs(self):
        return self.state.n_inputs

    def parameters(self):
        """(w_short, w_input, bias)."""
        return self.state.parameters()

    def stacked(self):
        """(w_short (H, H), w_input (I, H), bias (H,)), transposed as a day uses them."""
        return self._w_short, self._w_input, self.state.bias

    @classmethod
    def from_parameters(cls, arrays):
        """The inverse of parameters()."""
        arrays = list(arrays)
        if len(arrays) != 3:
            raise ValueError(f"an RNNLayer has 3 arrays (w_short, w_input, bias), got {len(arrays)}")
        return cls(LayerGate(*arrays))

    def with_parameters(self, arrays):
        """A layer of the same kind holding `arrays` (in parameters() order)."""
        return self.from_parameters(arrays)

    def unroll(self, values, short_memory=None):
        """Run the layer over every day of `values`; an RNNLayerRun.

        values: (days,), (days, batch) or (days, batch, I). short_memory: (batch, H), zeros when None.
        Limits as for LSTMLayer.unroll.
        """
        run_size(values, self.n_units, "values")
        x = sequence_values(values, self.n_inputs)
        days, batch, _ = x.shape
        short = starting_memory(short_memory, "short_memory", batch, self.n_units)
        start = short
        sums = np.empty((days, batch, self.n_units))
        shorts = np.empty_like(sums)
        rnn_days(x, self.stacked(), short, sums, shorts)
        return RNNLayerRun(x, start, sums, shorts)

    def backward(self, run, d_short_memories):
        """Backpropagation through time: (gradients as an RNNLayer, d_values (days, batch, I),
        d_starting_short_memory (batch, H)). d_short_memories as for LSTMLayer.backward."""
        d_short_memories = run_gradient(run, RNNLayerRun, d_short_memories, self.n_units, "an RNNLayerRun")
        days, batch, units = run.short_memories.shape
        d_short_memories = np.broadcast_to(d_short_memories, (days, batch, units))
        d_sums, d_values, d_short = rnn_days_backward(run, d_short_memories, self.stacked())
        (gradients,) = _stacked_gradients(run, d_sums, ("state",))
        return RNNLayer(gradients), d_values, d_short


LAYERS = {"lstm": LSTMLayer, "rnn": RNNLayer}


def new_layer(cell, n_units, n_inputs=1, seed=0, forget_bias=0.0, input_bias=0.0, recurrent_std=None):
    """A layer with seeded random weights: input weights N(0, 1), weights on the short-term
    memory N(0, 1/H) (standard deviation recurrent_std when given), biases 0, except the
    LSTM's forget- and input-gate biases.

    N(0, 1/H) keeps the recurrent weights' overall size near 1 whatever H is. A forget bias
    of a few units holds the forget gate near 1 at the start, so the long-term memory keeps
    what it holds; a negative input bias keeps the input gate mostly shut, so the memory
    is not flooded by every day's input. Limits: n_units at most 512, n_inputs at most 512.
    """
    cell = check_cell(cell)
    n_units, n_inputs = count(n_units, "n_units", 1, MAX_UNITS), count(n_inputs, "n_inputs", 1, MAX_UNITS)
    seed = check_seed(seed)
    forget_bias, input_bias = real_number(forget_bias, "forget_bias"), real_number(input_bias, "input_bias")
    if cell == "rnn" and (forget_bias or input_bias):
        raise ValueError("forget_bias and input_bias belong to an LSTM's gates; an RNN layer has neither")
    if recurrent_std is None:
        recurrent_std = 1.0 / np.sqrt(n_units)
    recurrent_std = real_number(recurrent_std, "recurrent_std")
    if recurrent_std < 0:
        raise ValueError(f"recurrent_std must be 0 or more, got {recurrent_std}")
    rng = np.random.default_rng(seed)
    n_gates = 4 if cell == "lstm" else 1
    gates = []
    for k in range(n_gates):
        w_input = rng.normal(0.0, 1.0, (n_units, n_inputs))
        w_short = rng.normal(0.0, recurrent_std, (n_units, n_units))
        bias = np.full(n_units, (forget_bias, input_bias, 0.0, 0.0)[k] if cell == "lstm" else 0.0)
        gates.append(LayerGate(w_short, w_input, bias))
    return LSTMLayer(*gates) if cell == "lstm" else RNNLayer(gates[0])
