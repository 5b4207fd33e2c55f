"""The stored success table of the long-lag task (notebook 06): which settings, lags and seeds
tools/long_lag_table.py runs (TABLE_*), one row of it (table_row), and the table read back
from lstm_helpers/results/long_lag_table.csv (long_lag_table, LongLagTable).

    table = long_lag_table()             # make experiments computes the file
    table.counts("LSTM")                 # "<lag> days <solved>/<runs>, ..." for every lag
"""

import csv
from dataclasses import dataclass

from .long_lag import SUCCESS, long_lag_experiment

# The stored success table: which settings, lags and seeds tools/long_lag_table.py runs.
# name: (cell, settings that differ from the defaults, lags)
TABLE_VARIANTS = {
    "LSTM": ("lstm", {}, (5, 10, 20, 50, 100)),
    "RNN": ("rnn", {}, (5, 10, 20, 50, 100)),
    "LSTM, forget bias 0, input bias 0": ("lstm", {"forget_bias": 0.0, "input_bias": 0.0}, (20, 50, 100)),
    "LSTM, input bias 0": ("lstm", {"input_bias": 0.0}, (20, 50, 100)),
    "LSTM, forget bias 1, input bias 0": ("lstm", {"forget_bias": 1.0, "input_bias": 0.0}, (20, 100)),
    "RNN, learning rate 0.03, 6000 steps": ("rnn", {"learning_rate": 0.03, "max_steps": 6000}, (20, 50, 100)),
    "RNN, weights on the short-term memory N(0, 1)": ("rnn", {"recurrent_std": 1.0}, (20, 50, 100)),
}
TABLE_SEEDS = tuple(range(10))
TABLE_COLUMNS = ("variant", "cell", "n_days", "seed", "test_accuracy", "steps", "seconds")
TABLE_FILE = "long_lag_table.csv"


def table_row(variant, n_days, seed):
    """Run one row of the stored table: (variant, cell, n_days, seed, test_accuracy, steps, seconds)."""
    if variant not in TABLE_VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(map(repr, TABLE_VARIANTS))}, got {variant!r}")
    cell, overrides, _ = TABLE_VARIANTS[variant]
    result = long_lag_experiment(cell, n_days, seed, **overrides)
    return (variant, cell, n_days, seed, result.test_accuracy, result.steps, round(result.seconds, 2))


@dataclass(frozen=True)
class LongLagTable:
    """The stored success table: one row per (variant, n_days, seed), as dicts."""

    rows: tuple

    @property
    def variants(self):
        return tuple(dict.fromkeys(row["variant"] for row in self.rows))

    def lags(self, variant):
        return tuple(sorted({row["n_days"] for row in self.rows if row["variant"] == variant}))

    def runs(self, variant, n_days):
        """The rows of one (variant, n_days), seed by seed."""
        chosen = [row for row in self.rows if row["variant"] == variant and row["n_days"] == n_days]
        if not chosen:
            raise ValueError(f"the table has no runs of {variant!r} at {n_days} days")
        return sorted(chosen, key=lambda row: row["seed"])

    def solved(self, variant, n_days):
        """(how many runs reached test accuracy 0.95, how many runs)."""
        runs = self.runs(variant, n_days)
        return sum(row["test_accuracy"] >= SUCCESS for row in runs), len(runs)

    def counts(self, variant, shortest=1):
        """One row as text: "20 days 3/10, 50 days 0/10, ..." for every lag of at least `shortest` days."""
        return ", ".join(f"{n} days {'%d/%d' % self.solved(variant, n)}" for n in self.lags(variant) if n >= shortest)


def long_lag_table(path=None):
    """The success table computed by tools/long_lag_table.py (make experiments), read from
    the file shipped with the package (or from `path`)."""
    if path is None:
        from importlib.resources import files
        text = files("lstm_helpers").joinpath("results").joinpath(TABLE_FILE).read_text()
    else:
        with open(path) as handle:
            text = handle.read()
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines:
        raise ValueError(f"the table file {path or TABLE_FILE!r} is empty: it must start with the header "
                         f"{','.join(TABLE_COLUMNS)}")
    header = next(csv.reader(lines[:1]))
    if tuple(header) != TABLE_COLUMNS:
        raise ValueError(f"the table's columns must be {', '.join(TABLE_COLUMNS)}, got {', '.join(header)}")
    kinds = (str, str, int, int, float, int, float)
    rows = tuple({name: kind(value) for name, kind, value in zip(TABLE_COLUMNS, kinds, fields)}
                 for fields in csv.reader(lines[1:]))
    return LongLagTable(rows)
