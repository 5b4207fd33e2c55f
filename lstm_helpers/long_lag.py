"""The long-lag task: can a model carry day 1 across many days of noise?

Each sequence starts with 0 (a Company A) or 1 (a Company B); every later day is a
random price in [0, 1), the same kind of noise for both. The target is day 1's value,
so a model must keep one number for n_days - 1 days while ignoring everything else.

    values, targets = long_lag_data(n_days=50, n_sequences=64, seed=0)
    result = long_lag_experiment("lstm", 50, seed=0)     # train one model; .test_accuracy, .steps, .seconds
    by_lag = gradient_by_lag("rnn", 100)                 # |d prediction / d day 1| against the lag, untrained

The stored success table is in success_table.py.
"""

import functools
from dataclasses import dataclass

import numpy as np

from ._checks import (
    MAX_DAYS, MAX_NUMBERS, MAX_SEQUENCES, MAX_STEPS, MAX_UNITS, describe, finite_array, function, one_of, real_number,
    run_size, seed as seed_check, sequence_of, whole_number,
)
from .activations import tanh_values
from .layer_checks import check_cell, check_seed, count
from .layers import LSTMLayer
from .lstm_math import dot, lstm_day, split_gates
from .threads import one_blas_thread
from .sequence_model import SequenceModel, new_sequence_model, train_sequence_model

# The settings of the experiment (see long_lag_experiment); forget and input biases are the LSTM's.
DEFAULTS = {"n_units": 4, "learning_rate": 0.01, "batch_size": 64, "max_steps": 1500, "n_test": 500,
            "n_validation": 500, "check_every": 25, "stop_accuracy": 0.99, "recurrent_std": None}
LSTM_BIASES = {"forget_bias": 5.0, "input_bias": -3.0}
SUCCESS = 0.95  # test accuracy at or above which a run counts as solving the task


def long_lag_data(n_days, n_sequences, seed):
    """(values (n_days, n_sequences), targets (n_sequences,)): day 1 is 0 or 1 at random,
    days 2 to n_days are random in [0, 1), and each target is its sequence's day 1.
    Limits: n_days at most 100,000, n_sequences at most 1,000,000, their product at most 20,000,000."""
    n_days, n_sequences = count(n_days, "n_days", 1, MAX_DAYS), count(n_sequences, "n_sequences", 1, MAX_SEQUENCES)
    if n_days * n_sequences > MAX_NUMBERS:
        raise ValueError(f"n_days x n_sequences must be at most {MAX_NUMBERS:,}, got {n_days:,} x {n_sequences:,}")
    rng = np.random.default_rng(check_seed(seed))
    values = rng.random((n_days, n_sequences))
    values[0] = rng.integers(0, 2, n_sequences)
    return values, values[0].copy()


def accuracy(predictions, targets):
    """The fraction of sequences whose prediction is on the right side of 0.5."""
    return float(np.mean((np.asarray(predictions) >= 0.5) == (np.asarray(targets) >= 0.5)))


@dataclass(frozen=True, eq=False)
class LongLagResult:
    """One trained run: its settings, how it ended and what it learned.

    test_accuracy is measured on n_test sequences never used for training or stopping;
    solved is test_accuracy >= 0.95. steps: Adam steps taken (training stops once the
    validation accuracy reaches stop_accuracy). training_losses: every step's batch loss;
    check_steps, validation_accuracies: at each check. model: the trained SequenceModel.
    """

    cell: str
    n_days: int
    seed: int
    settings: dict
    test_accuracy: float
    steps: int
    seconds: float
    training_losses: np.ndarray
    check_steps: np.ndarray
    validation_accuracies: np.ndarray
    model: object

    @property
    def solved(self):
        return self.test_accuracy >= SUCCESS


def experiment_settings(cell, **overrides):
    """The full settings long_lag_experiment uses for `cell`, with any overrides; checked.
    Limits: n_units 512, max_steps 100,000, n_test and n_validation 100,000; stop_accuracy above 0, at most 1."""
    cell = check_cell(cell)
    limits = {"n_units": MAX_UNITS, "max_steps": MAX_STEPS, "n_test": 100_000, "n_validation": 100_000,
              "batch_size": 100_000, "check_every": MAX_STEPS}
    for name, most in limits.items():
        if name in overrides:
            count(overrides[name], name, 1, most)
    if "stop_accuracy" in overrides:
        stop = real_number(overrides["stop_accuracy"], "stop_accuracy")
        if not 0 < stop <= 1:
            raise ValueError(f"stop_accuracy must be above 0 and at most 1 (an accuracy), got {stop!r}")
    settings = {**DEFAULTS, **(LSTM_BIASES if cell == "lstm" else {})}
    unknown = sorted(set(overrides) - set(settings))
    if unknown:
        why = " (forget_bias and input_bias belong to an LSTM's gates)" if cell == "rnn" and set(unknown) & set(LSTM_BIASES) else ""
        raise TypeError(f"long_lag_experiment got unknown setting(s) {', '.join(unknown)} for cell {cell!r}{why}; "
                        f"known: {', '.join(settings)}")
    settings.update(overrides)
    for name in ("n_units", "batch_size", "max_steps", "n_test", "n_validation", "check_every"):
        settings[name] = count(settings[name], name)
    for name in ("learning_rate", "stop_accuracy", "recurrent_std", *LSTM_BIASES):
        if settings.get(name) is not None:
            settings[name] = real_number(settings[name], name)
    return settings


def long_lag_experiment(cell, n_days, seed, callback=None, **overrides):
    """Train a fresh model on the long-lag task and measure it on a held-out test set.

    cell "lstm" or "rnn"; n_days the sequence length; seed fixes the starting weights, every
    training batch and the validation and test sets. Defaults (override by name): 4 units
    and a linear read-out; input weights N(0, 1), weights on the short-term memory N(0, 1/H),
    biases 0 except the LSTM's forget bias 5 and input bias -3; a fresh batch of 64
    sequences per Adam step at learning rate 0.01; at most 1500 steps, stopping once the
    accuracy on 500 validation sequences reaches 0.99; test accuracy on 500 more.
    callback(step, training_loss, validation_accuracy) is called every check.
    Limit: n_days at most 1,000 (the course: at most 100; 1,000 days take minutes a run).
    """
    one_of(cell, "cell", ("lstm", "rnn"))
    whole_number(n_days, "n_days", 1, 1000)
    seed_check(seed)
    function(callback, "callback", allow_none=True)
    settings = experiment_settings(cell, **overrides)
    n_days, seed = count(n_days, "n_days"), check_seed(seed)
    biases = {name: settings[name] for name in LSTM_BIASES if name in settings}
    model = new_sequence_model(cell, settings["n_units"], 1, seed, recurrent_std=settings["recurrent_std"], **biases)
    # separate, seeded streams: starting weights, training batches, validation set, test set
    batch_seeds = np.random.default_rng([seed, 2])
    validation = long_lag_data(n_days, settings["n_validation"], _derivedcheck_seed(seed, 3))
    test = long_lag_data(n_days, settings["n_test"], _derivedcheck_seed(seed, 4))

    def make_batch(rng, batch_size):
        return long_lag_data(n_days, batch_size, int(batch_seeds.integers(2**63)))

    accuracies, latest = [], {}

    def remember(step, loss, validation_loss):  # train_sequence_model calls this just before stop_when
        latest.update(step=step, loss=loss)

    def stop_when(predictions, targets):
        accuracies.append(accuracy(predictions, targets))
        if callback is not None:
            callback(latest["step"], latest["loss"], accuracies[-1])
        return accuracies[-1] >= settings["stop_accuracy"]

    training = train_sequence_model(model, make_batch, validation, max_steps=settings["max_steps"],
                                    batch_size=settings["batch_size"], learning_rate=settings["learning_rate"],
                                    check_every=settings["check_every"], stop_when=stop_when, seed=seed,
                                    callback=remember)
    trained = training.last_model
    test_accuracy = accuracy(trained.predict(test[0]), test[1])
    return LongLagResult(cell, n_days, seed, settings, test_accuracy, training.steps, training.seconds,
                         training.training_losses, training.check_steps, np.array(accuracies), trained)


def _derivedcheck_seed(seed, stream):
    return int(np.random.default_rng([seed, stream]).integers(2**63))


def first_day_influence(models, values, tanh_slopes=True):
    """d(prediction after day t) / d(day 1's first input) for every day t, by forward-mode
    differentiation: one pass gives the whole curve, so a 100-day run answers every lag 1-100.

    models: a list of SequenceModels of the same cell and shape, run together (stacked);
    values: (days, len(models), batch) or (days, len(models), batch, I), each model its own batch.
    Returns (days, len(models), batch). With tanh_slopes=False an RNN's tanh slopes are taken
    as 1, leaving only its weights: the w^n of notebook 02, with a matrix for w.
    """
    models = sequence_of(models, "models", "SequenceModels", MAX_SEQUENCES)
    for model in models:
        if not isinstance(model, SequenceModel):
            raise TypeError(f"models must hold SequenceModels (see new_sequence_model), got {describe(model)}")
    values = finite_array(values, "values")
    if models:
        run_size(values[:, 0] if values.ndim >= 2 else values, models[0].n_units * len(models), "values")
    if not isinstance(tanh_slopes, (bool, np.bool_)):
        raise TypeError(f"tanh_slopes must be True or False, got {describe(tanh_slopes)}")
    return _forward_influence(models, values, tanh_slopes)[0]


def _forward_influence(models, values, tanh_slopes=True):
    """(influence (days, S, batch), forget gates and long-term memories (days, S, batch, H) or None)."""
    models = list(models)
    if not models or len({(m.cell, m.n_units, m.n_inputs) for m in models}) != 1:
        raise ValueError("models must be a non-empty list of SequenceModels of the same cell and shape")
    x = np.asarray(values, dtype=float)
    if x.ndim == 3:
        x = x[..., None]
    if x.ndim != 4 or x.shape[1] != len(models) or x.shape[3] != models[0].n_inputs:
        raise ValueError(f"values must have shape (days, {len(models)} models, batch[, inputs]), got {np.shape(values)}")
    return _influence(_stacked_arrays(models), x, tanh_slopes)


def _stacked_arrays(models):
    """The models' numbers stacked along a first axis: (cell, w_short (S, 1, H, nH), w_input (S, 1, I, nH),
    bias (S, 1, nH), readout (S, 1, H, 1)), with the gates side by side as the layers keep them."""
    stacked = [m.layer.stacked() for m in models]
    w_short, w_input, bias = (np.stack([parts[k] for parts in stacked])[:, None] for k in range(3))
    return (models[0].cell, w_short, w_input, bias, np.stack([m.readout_weights for m in models])[:, None, :, None])


def _influence(arrays, x, tanh_slopes=True):
    """Forward-mode: the layers' own day (lstm_math.lstm_day), carrying d(everything) / d(day 1's first input)."""
    cell, w_short, w_input, bias, readout = arrays
    units = readout.shape[2]
    days, n_models, batch, _ = x.shape
    short = np.zeros((n_models, batch, units))
    long = np.zeros_like(short)
    d_short, d_long = np.zeros_like(short), np.zeros_like(short)
    influence = np.empty((days, n_models, batch))
    forgets = np.empty((days, n_models, batch, units)) if cell == "lstm" else None
    longs = np.empty_like(forgets) if cell == "lstm" else None
    from_inputs = dot(x, w_input) + bias
    for t in range(days):
        sums = dot(short, w_short) + from_inputs[t]
        d_sums = dot(d_short, w_short) + (w_input[:, :, 0] if t == 0 else 0.0)
        if cell == "rnn":
            short = tanh_values(sums)
            d_short = (1.0 - short * short) * d_sums if tanh_slopes else d_sums
        else:
            gates, new_long, potential, short = lstm_day(sums, long)
            f, i, g, o = split_gates(gates)
            d_gates = gates * (1.0 - gates) * d_sums  # sigmoid's slope (the candidate's is replaced below)
            d_f, d_i, _, d_o = split_gates(d_gates)
            d_g = (1.0 - g * g) * split_gates(d_sums)[2]
            d_long = d_long * f + long * d_f + d_i * g + i * d_g
            long = new_long
            d_short = d_o * potential + o * (1.0 - potential * potential) * d_long
            forgets[t], longs[t] = f, long
        influence[t] = dot(d_short, readout)[..., 0]
    return influence, forgets, longs


@functools.lru_cache(maxsize=16)
def _untrained(cell, n_units, seeds, recurrent_std, max_days):
    """The stacked numbers of the untrained models of `seeds` (all biases 0) and their sequences.
    The weights drawn do not depend on the biases, so a slider only has to change those."""
    models = [new_sequence_model(cell, n_units, 1, seed, recurrent_std=recurrent_std) for seed in seeds]
    values = np.stack([long_lag_data(max_days, 1, seed)[0] for seed in seeds], axis=1)[..., None]
    return _stacked_arrays(models), values


@dataclass(frozen=True, eq=False)
class GradientByLag:
    """How much day 1 still moves the prediction of an untrained model, lag by lag.

    lags: 1 to max_days; gradients: the median over seeds of |d prediction / d day 1| for a
    sequence of that many days. LSTM only (else None): forget_products, the median over seeds
    and units of the product of the forget gates of days 2 to lag (the share of day 1's
    long-term memory still there); largest_long_memory, the median over seeds of the largest
    |long-term memory| of any unit on any day. RNN only: weights_only, the same gradient with
    every tanh slope taken as 1 (the w^n of notebook 02). forget_bias, input_bias: the LSTM's
    starting biases it was computed with.
    """

    cell: str
    lags: np.ndarray
    gradients: np.ndarray
    forget_products: object = None
    largest_long_memory: object = None
    weights_only: object = None
    forget_bias: float = 0.0
    input_bias: float = 0.0


def gradient_by_lag(cell, max_days=100, seeds=range(20), n_units=4, forget_bias=0.0, input_bias=0.0,
                    recurrent_std=None):
    """|d prediction / d day 1| against the lag, for untrained models (one per seed, each on its
    own long-lag sequence), as a GradientByLag. Fast enough for a slider: all seeds run at once.
    Limits: max_days at most 1,000, at most 1,000 seeds, n_units at most 512."""
    cell, max_days = check_cell(cell), count(max_days, "max_days", 1, 1000)
    count(n_units, "n_units", 1, MAX_UNITS)
    seeds = [check_seed(s, "seeds") for s in sequence_of(seeds, "seeds", "seeds (whole numbers)", 1000)]
    if not seeds:
        raise ValueError("seeds must hold at least one seed")
    forget_bias, input_bias = real_number(forget_bias, "forget_bias"), real_number(input_bias, "input_bias")
    if recurrent_std is not None:
        recurrent_std = real_number(recurrent_std, "recurrent_std")
    arrays, values = _untrained(cell, count(n_units, "n_units"), tuple(seeds), recurrent_std, max_days)
    if cell == "lstm":
        bias = arrays[3].copy()
        bias[..., :n_units], bias[..., n_units:2 * n_units] = forget_bias, input_bias
        arrays = (*arrays[:3], bias, arrays[4])
    elif forget_bias or input_bias:
        raise ValueError("forget_bias and input_bias belong to an LSTM's gates; an RNN has neither")
    influence, forgets, longs = _influence(arrays, values)
    lags, gradients = np.arange(1, max_days + 1), np.median(np.abs(influence[:, :, 0]), axis=1)
    if cell == "rnn":
        weights_only = np.median(np.abs(_influence(arrays, values, tanh_slopes=False)[0][:, :, 0]), axis=1)
        return GradientByLag(cell, lags, gradients, weights_only=weights_only)
    kept = np.cumprod(np.concatenate([np.ones_like(forgets[:1]), forgets[1:]]), axis=0)  # (days, S, 1, H)
    largest = float(np.median(np.abs(longs).max(axis=(0, 2, 3))))
    return GradientByLag(cell, lags, gradients, np.median(kept, axis=(1, 2, 3)), largest,
                         forget_bias=forget_bias, input_bias=input_bias)


def stretched_companies(n_days):
    """Company A and B stretched to n_days: day 1 is 0 (A) or 1 (B), then days 2-4's values
    0.5, 0.25, 1 repeat for both. With n_days = 4 these are the course's days 1-4.
    Returns ([A's days, B's days], [A's target 0, B's target 1]). n_days: at most 100,000."""
    n_days = count(n_days, "n_days", 1, MAX_DAYS)
    middle = [(0.5, 0.25, 1.0)[k % 3] for k in range(n_days - 1)]
    return [[0.0, *middle], [1.0, *middle]], [0.0, 1.0]


def forget_gate_product(params, values):
    """The product of the forget gates of days 2 to n when the 1-unit LSTM `params` runs over
    `values` (days,) or (days, batch): the share of day 1's long-term memory that survives to
    day n, for every n. Same shape as values."""
    run = LSTMLayer.from_params(params).unroll(values)
    forget = run.forget_gates[:, :, 0]
    forget = np.concatenate([np.ones_like(forget[:1]), forget[1:]])
    kept = np.cumprod(forget, axis=0)
    return kept[:, 0] if np.ndim(values) == 1 else kept


def untrained_readout_accuracy(cell, n_days, seed, n_sequences=500, **settings):
    """Test accuracy of an untrained layer whose read-out alone is fitted (least squares) to
    n_sequences training sequences: how much of day 1 the random layer already carries to the
    last day. settings: recurrent_std, forget_bias, input_bias, n_units, as for the experiment.
    Limits as for long_lag_data; n_units at most 512."""
    count(n_sequences, "n_sequences", 1, MAX_SEQUENCES)
    if "n_units" in settings:
        count(settings["n_units"], "n_units", 1, MAX_UNITS)
    allowed = {"n_units", "recurrent_std", *(LSTM_BIASES if check_cell(cell) == "lstm" else ())}
    unknown = sorted(set(settings) - allowed)
    if unknown:
        raise TypeError(f"untrained_readout_accuracy got unknown setting(s) {', '.join(unknown)}; "
                        f"known: {', '.join(sorted(allowed))}")
    n_units = settings.pop("n_units", DEFAULTS["n_units"])
    model = new_sequence_model(cell, n_units, 1, check_seed(seed), **settings)
    n_sequences = count(n_sequences, "n_sequences")
    train = long_lag_data(n_days, n_sequences, _derivedcheck_seed(seed, 5))
    test = long_lag_data(n_days, n_sequences, _derivedcheck_seed(seed, 4))

    def features(values):
        last = model.layer.unroll(values).last_short_memory
        return np.column_stack([last, np.ones(len(last))])

    with one_blas_thread():  # least squares is LAPACK's: one thread, as the course's other small math
        weights = np.linalg.lstsq(features(train[0]), train[1], rcond=None)[0]
    return accuracy(dot(features(test[0]), weights[:, None])[:, 0], test[1])
