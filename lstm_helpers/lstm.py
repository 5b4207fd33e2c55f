"""One LSTM unit, stage by stage, and the same unit unrolled over days.

The unit keeps two memories. The long-term memory (cell state) has no weight of
its own: each day it is only multiplied by the forget gate and added to. While
the forget gate is held near 1 it can carry a memory, and its gradient, across
many days, where a basic RNN's signal is multiplied by the same weight every day
(notebook 06 measures this). The short-term memory (hidden state) goes through
weights at every stage and is the unit's output.

Notebooks 03-04. The arithmetic of a day is lstm_math.lstm_day, the one every LSTM of
the course runs: the unit is a layer of 1 unit reading 1 input (layers.py, notebooks 06-07).
"""

from dataclasses import dataclass, fields
from functools import reduce

import numpy as np

from ._checks import broadcast_shape, describe, finite_array, plain, real_number, whole_number
from .data import COMPANY_A
from .lstm_math import lstm_day

GATE_NAMES = ("forget", "input", "candidate", "output")
PARTS = ("w_short", "w_input", "bias")
# What a learner reads for each stage: the course's words ("candidate" is the name other texts use
# for the potential long-term memory; it appears only as a field name in code).
STAGE_LABELS = {"forget": "forget gate", "input": "input gate",
                "candidate": "potential long-term memory", "output": "output gate"}
NUMBER_NAMES = tuple(f"{STAGE_LABELS[gate]} {part}" for gate in GATE_NAMES for part in PARTS)


@dataclass(frozen=True)
class Gate:
    """One stage's two weights and bias: w_short * short + w_input * input + bias."""

    w_short: float
    w_input: float
    bias: float

    def __post_init__(self):
        for field in fields(self):
            value = real_number(getattr(self, field.name), f"Gate.{field.name}")
            object.__setattr__(self, field.name, value)

    def weighted_sum(self, short_memory, input_value):
        """The number that goes into this stage's activation function.

        Computed without overflow warnings at any finite inputs: see weighted_sum below.
        """
        return weighted_sum(self.w_short, short_memory, self.w_input, input_value, self.bias)


def weighted_sum(w_short, short_memory, w_input, input_value, bias):
    """w_short * short_memory + w_input * input_value + bias, right at any finite inputs.

    Multiplied out directly, two huge terms can overflow to inf and -inf and leave NaN
    (2.7 * 1e308 - 1.63 * 1.5e308). Where that happens the sum is worked out again with each
    term split into mantissa and power of two (numpy's frexp), so the terms cancel as they
    should; a sum truly beyond a float's range comes out as inf or -inf, with its sign, and
    the gate it feeds saturates at exactly 0 or 1, as sigmoid and tanh do at such sums.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        total = w_short * short_memory + (w_input * input_value + bias)  # the layers' order (lstm_math)
    finite = np.isfinite(total)
    if np.all(finite):
        return total
    wide = _wide_sum(((w_short, short_memory), (w_input, input_value), (bias, 1.0)))
    return np.where(finite, total, wide)


def _wide_sum(pairs):
    """Sum of a * b over `pairs` (arrays that broadcast), with exponents kept apart until the end."""
    terms = []
    for a, b in pairs:
        (ma, ea), (mb, eb) = np.frexp(a), np.frexp(b)
        terms.append((ma * mb, ea.astype(np.int64) + eb))  # a * b = ma * mb * 2**(ea + eb), |ma * mb| < 1
    top = reduce(np.maximum, [np.where(m != 0, e, -1100) for m, e in terms])  # all terms 0: any will do
    with np.errstate(over="ignore", under="ignore"):
        scaled = sum(np.ldexp(m, np.maximum(e - top, -1100).astype(np.int32)) for m, e in terms)
        return np.ldexp(scaled, top.astype(np.int32))


@dataclass(frozen=True)
class LSTMParams:
    """The 12 numbers of one unit, as four Gates.

    forget: forget gate, % of the long-term memory to remember (sigmoid)
    input: input gate, % of the potential long-term memory to add (sigmoid)
    candidate: the potential long-term memory (tanh); "candidate" in other texts
    output: output gate, % of the potential short-term memory to output (sigmoid)
    """

    forget: Gate
    input: Gate
    candidate: Gate
    output: Gate
    NAMES = NUMBER_NAMES  # the 12 numbers' names, in to_list order (a class constant, not a field)

    def __post_init__(self):
        for name in GATE_NAMES:
            gate = getattr(self, name)
            if not isinstance(gate, Gate):
                raise TypeError(
                    f"LSTMParams.{name} must be a Gate(w_short, w_input, bias), "
                    f"got {type(gate).__name__}"
                )

    def describe(self, beside=None, beside_title="the example unit"):
        """The 12 numbers as an aligned table, one row per stage; with `beside`, another LSTMParams next to them."""
        rows = [self]
        header = f"{'':<27}{'w_short':>8}{'w_input':>8}{'bias':>8}"
        if beside is not None:
            rows.append(check_params(beside))
            header = f"{'':<27}{'these':^24}   {beside_title}\n{header}   {'w_short':>8}{'w_input':>8}{'bias':>8}"
        lines = [header]
        for gate in GATE_NAMES:
            cells = "   ".join("".join(f"{v:8.2f}" for v in _gate_values(getattr(p, gate))) for p in rows)
            lines.append(f"{STAGE_LABELS[gate]:<27}{cells}")
        return "\n".join(lines)

    def to_list(self):
        """The 12 numbers in order: forget, input, candidate, output; each w_short, w_input, bias."""
        return [value for name in GATE_NAMES for value in _gate_values(getattr(self, name))]

    @classmethod
    def from_list(cls, numbers):
        """The inverse of to_list: 12 numbers in, LSTMParams out."""
        if isinstance(numbers, (str, bytes)) or not hasattr(numbers, "__len__"):
            raise TypeError(f"numbers must be a list of 12 numbers (4 gates x 3), got {describe(numbers)}")
        if len(numbers) != 12:
            raise ValueError(f"numbers must hold 12 values (4 gates x 3), got {len(numbers)}")
        values = [real_number(value, f"numbers[{k}] ({NUMBER_NAMES[k]})") for k, value in enumerate(numbers)]
        return cls(*(Gate(*values[3 * i : 3 * i + 3]) for i in range(4)))


def _gate_values(gate):
    return (gate.w_short, gate.w_input, gate.bias)


EXAMPLE_PARAMS = LSTMParams(
    forget=Gate(2.70, 1.63, 1.62),
    input=Gate(2.00, 1.65, 0.62),
    candidate=Gate(1.41, 0.94, -0.32),
    output=Gate(4.38, -0.19, 0.59),
)


def check_params(params):
    """Return params if it is an LSTMParams with four Gates, else raise a TypeError saying what is missing."""
    if isinstance(params, LSTMParams):
        return params
    missing = [name for name in GATE_NAMES if not isinstance(getattr(params, name, None), Gate)]
    detail = f"; it has no Gate for {', '.join(missing)}" if missing else ""
    raise TypeError(
        "params must be an LSTMParams with forget, input, candidate and output Gates, "
        f"got {type(params).__name__}{detail}"
    )


@dataclass(frozen=True)
class LSTMStep:
    """Every number one step of the unit computes, in the order it computes them."""

    input_value: object
    previous_long_memory: object
    previous_short_memory: object
    forget_sum: object
    forget_gate: object
    scaled_long_memory: object
    input_sum: object
    input_gate: object
    candidate_sum: object
    candidate: object
    added_long_memory: object
    long_memory: object
    output_sum: object
    output_gate: object
    potential_short_memory: object
    short_memory: object

    def as_dict(self):
        """{name: value} for every field, in computation order."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


def _step(x, long, short, p):
    """The unit's arithmetic on checked float arrays, as lstm_math.lstm_day (a layer of 1 unit
    reading 1 input); returns an LSTMStep of arrays."""
    sums = np.stack(np.broadcast_arrays(*(getattr(p, gate).weighted_sum(short, x) for gate in GATE_NAMES)),
                    axis=-1)
    gates, long_memory, potential, short_memory = lstm_day(sums, np.asarray(long, dtype=float)[..., None])
    forget_gate, input_gate, candidate, output_gate = np.moveaxis(gates, -1, 0)
    return LSTMStep(
        x, long, short,
        sums[..., 0], forget_gate, long * forget_gate,
        sums[..., 1], input_gate, sums[..., 2], candidate, input_gate * candidate, long_memory[..., 0],
        sums[..., 3], output_gate, potential[..., 0], short_memory[..., 0],
    )  # fmt: skip


def _plain_step(step):
    """The same step with every 0-d array turned into a float."""
    return LSTMStep(**{name: plain(np.asarray(v)) for name, v in step.as_dict().items()})


def lstm_step(input_value, long_memory, short_memory, params=EXAMPLE_PARAMS):
    """Run one step of the unit and return every intermediate, named.

    Scalars in give floats out; arrays that broadcast together give arrays out,
    so a batch of companies can go through at once.
    """
    params = check_params(params)
    named = {
        "input_value": finite_array(input_value, "input_value"),
        "long_memory": finite_array(long_memory, "long_memory"),
        "short_memory": finite_array(short_memory, "short_memory"),
    }
    broadcast_shape(named)
    return _plain_step(_step(*named.values(), params))


@dataclass(frozen=True)
class Unrolled:
    """The unit run over a sequence: one LSTMStep per day and the memories after each."""

    steps: tuple
    long_memories: np.ndarray
    short_memories: np.ndarray

    @property
    def prediction(self):
        """The last short-term memory: the unrolled unit's output."""
        return plain(self.short_memories[-1])


def unroll(values, params=EXAMPLE_PARAMS, long_memory=0.0, short_memory=0.0):
    """Run the same unit over each day of `values`, passing both memories on.

    values is a sequence of days; a 2-D array is (days, batch), so several
    companies go through at once. Both memories start at the given values.
    """
    params = check_params(params)
    days = finite_array(values, "values")
    if days.ndim not in (1, 2) or days.shape[0] == 0:
        raise ValueError(
            "values must be a sequence of at least one day, as a 1-D array (days,) "
            f"or a 2-D array (days, batch); got shape {days.shape}"
        )
    long = finite_array(long_memory, "long_memory")
    short = finite_array(short_memory, "short_memory")
    broadcast_shape({"one day of values": days[0], "long_memory": long, "short_memory": short})

    steps = []
    for x in days:
        step = _step(x, long, short, params)
        long, short = step.long_memory, step.short_memory
        steps.append(step)
    return Unrolled(
        steps=tuple(_plain_step(s) for s in steps),
        long_memories=np.array([s.long_memory for s in steps]),
        short_memories=np.array([s.short_memory for s in steps]),
    )


def day_sensitivity(base=COMPANY_A[:4], params=EXAMPLE_PARAMS, points=21):
    """(values tried, predictions[day, value]): the prediction when one day's value is varied, the rest as base."""
    base = finite_array(base, "base")
    if base.ndim != 1 or base.size == 0:
        raise ValueError(f"base must be a 1-D sequence of at least one day, got shape {base.shape}")
    params = check_params(params)
    points = whole_number(points, "points", 2, 1001)
    tried = np.linspace(0, 1, points)
    predictions = np.empty((len(base), points))
    for day in range(len(base)):
        batch = np.repeat(base[:, None], points, axis=1)
        batch[day] = tried
        predictions[day] = unroll(batch, params).prediction
    return tried, predictions
