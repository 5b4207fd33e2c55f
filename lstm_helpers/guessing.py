"""Guessing: the baseline every long-lag task owes (notebook 06, section 4).

Hochreiter and Schmidhuber (1996, "LSTM can solve hard long time lag problems") found that
many long-lag benchmarks were solved faster by drawing random weights until one worked than
by training. So a success table measures learning only if guessing, given as many tries as
training gets steps and judged the same way, does worse.

    result = guess("rnn", 100, seed=0)                  # .test_accuracy, .tries, .solved
    values, targets = two_values_data(50, 64, seed=0)   # the harder task: day 1 XOR day 2
    result = two_values_experiment("lstm", 50, seed=0)  # train on it, as long_lag_experiment does
    guessing_row("RNN, guessing", 100, 0)               # one row of the stored table
"""

import time
from dataclasses import dataclass

import numpy as np

from ._checks import real_number
from .long_lag import SUCCESS, accuracy, experiment_settings, long_lag_data
from .sequence_model import new_sequence_model, train_sequence_model

GUESS_RANGE = 10.0  # every guessed number is drawn uniformly from -GUESS_RANGE to GUESS_RANGE
TASKS = ("one value", "two values")


def two_values_data(n_days, n_sequences, seed):
    """The harder task: (values (n_days, n_sequences), targets (n_sequences,)). Days 1 and 2
    are each 0 or 1 at random, days 3 on are random in [0, 1), and the target is 1 when days
    1 and 2 differ, else 0 (XOR): two remembered values, neither of which alone tells the target."""
    values, first = long_lag_data(n_days, n_sequences, seed)
    if n_days < 3:
        raise ValueError(f"n_days must be 3 or more for two remembered values and a lag, got {n_days}")
    values[1] = np.random.default_rng([seed, 11]).integers(0, 2, n_sequences)
    return values, (first != values[1]).astype(float)


def task_data(task, n_days, n_sequences, seed):
    """The data of `task`: "one value" (notebook 06's task, long_lag_data) or "two values"."""
    if task not in TASKS:
        raise ValueError(f"task must be one of {', '.join(map(repr, TASKS))}, got {task!r}")
    maker = long_lag_data if task == "one value" else two_values_data
    return maker(n_days, n_sequences, seed)


def _stream_seed(seed, stream):
    return int(np.random.default_rng([seed, stream]).integers(2**63))


def _held_out(task, n_days, seed, settings):
    """The validation and test sets of a run: the same streams long_lag_experiment uses."""
    return (task_data(task, n_days, settings["n_validation"], _stream_seed(seed, 3)),
            task_data(task, n_days, settings["n_test"], _stream_seed(seed, 4)))


@dataclass(frozen=True, eq=False)
class GuessResult:
    """One guessing run: tries (at most the training's max_steps), the test accuracy of the
    guess it kept, and whether that counts as solving (test accuracy >= 0.95)."""

    cell: str
    task: str
    n_days: int
    seed: int
    test_accuracy: float
    tries: int
    seconds: float
    model: object

    @property
    def solved(self):
        return self.test_accuracy >= SUCCESS


def _random_model(template, rng, weight_range):
    return template.with_parameters([rng.uniform(-weight_range, weight_range, np.shape(a))
                                     for a in template.parameters()])


def guess(cell, n_days, seed, task="one value", weight_range=GUESS_RANGE, **overrides):
    """Guess a model instead of training it: draw every number (the layer's and the read-out's)
    uniformly from -weight_range to weight_range, score the guess on a fresh batch (as a training
    step sees one) and, if its accuracy there reaches stop_accuracy, on the validation set; stop once
    the validation accuracy reaches stop_accuracy too, else after max_steps tries. The guess kept (the one that
    stopped, else the best scored) is measured on the test set. Settings as long_lag_experiment's."""
    settings = experiment_settings(cell, **overrides)
    weight_range = real_number(weight_range, "weight_range")
    if weight_range <= 0:
        raise ValueError(f"weight_range must be positive, got {weight_range}")
    validation, test = _held_out(task, n_days, seed, settings)
    template = new_sequence_model(cell, settings["n_units"], 1, seed)
    weights, batches = np.random.default_rng([seed, 6]), np.random.default_rng([seed, 2])
    start = time.perf_counter()
    best, best_score, tries = None, (-1.0, -1.0), 0
    for tries in range(1, settings["max_steps"] + 1):
        model = _random_model(template, weights, weight_range)
        values, targets = task_data(task, n_days, settings["batch_size"], int(batches.integers(2**63)))
        score = (-1.0, accuracy(model.predict(values), targets))
        if score[1] >= settings["stop_accuracy"]:
            score = (accuracy(model.predict(validation[0]), validation[1]), score[1])
        if score > best_score:
            best, best_score = model, score
        if score[0] >= settings["stop_accuracy"]:
            break
    test_accuracy = accuracy(best.predict(test[0]), test[1])
    return GuessResult(cell, task, n_days, seed, test_accuracy, tries, time.perf_counter() - start, best)


def two_values_experiment(cell, n_days, seed, **overrides):
    """Train a fresh model on the two-values task exactly as long_lag_experiment trains on the
    one-value task (same settings, starting weights, stopping rule); (test_accuracy, steps, seconds)."""
    settings = experiment_settings(cell, **overrides)
    biases = {name: settings[name] for name in ("forget_bias", "input_bias") if name in settings}
    model = new_sequence_model(cell, settings["n_units"], 1, seed, recurrent_std=settings["recurrent_std"], **biases)
    validation, test = _held_out("two values", n_days, seed, settings)
    batch_seeds = np.random.default_rng([seed, 2])

    def make_batch(rng, batch_size):
        return two_values_data(n_days, batch_size, int(batch_seeds.integers(2**63)))

    def stop_when(predictions, targets):
        return accuracy(predictions, targets) >= settings["stop_accuracy"]

    training = train_sequence_model(model, make_batch, validation, max_steps=settings["max_steps"],
                                    batch_size=settings["batch_size"], learning_rate=settings["learning_rate"],
                                    check_every=settings["check_every"], stop_when=stop_when, seed=seed)
    test_accuracy = accuracy(training.last_model.predict(test[0]), test[1])
    return test_accuracy, training.steps, training.seconds


# The stored table's extra rows (tools/long_lag_table.py): name: (cell, task, "guess" or "train", lags)
GUESS_VARIANTS = {
    "RNN, guessing": ("rnn", "one value", "guess", (20, 50, 100)),
    "LSTM, guessing": ("lstm", "one value", "guess", (20, 100)),
    "two values: LSTM": ("lstm", "two values", "train", (20,)),
    "two values: RNN": ("rnn", "two values", "train", (20,)),
    "two values: RNN, guessing": ("rnn", "two values", "guess", (20,)),
    "two values: LSTM, guessing": ("lstm", "two values", "guess", (20,)),
}


def guessing_row(variant, n_days, seed):
    """Run one guessing or two-values row: (variant, cell, n_days, seed, test_accuracy, steps or
    tries, seconds), the columns of long_lag.table_row."""
    if variant not in GUESS_VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(map(repr, GUESS_VARIANTS))}, got {variant!r}")
    cell, task, how, _ = GUESS_VARIANTS[variant]
    if how == "guess":
        result = guess(cell, n_days, seed, task=task)
        test_accuracy, steps, seconds = result.test_accuracy, result.tries, result.seconds
    else:
        test_accuracy, steps, seconds = two_values_experiment(cell, n_days, seed)
    return (variant, cell, n_days, seed, test_accuracy, steps, round(seconds, 2))
