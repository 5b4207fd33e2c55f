"""Compute notebook 06's success table: every variant of long_lag.TABLE_VARIANTS (training) and
of guessing.GUESS_VARIANTS (guessing, and the two-values task) at each of its lags, for every
seed, and store it in lstm_helpers/results/long_lag_table.csv.

    python tools/long_lag_table.py             (or: make experiments; 20 to 30 minutes on one core)
    python tools/long_lag_table.py --jobs 2    (two processes)
    python tools/long_lag_table.py --only "RNN, guessing" --only "LSTM, guessing"
                                               (recompute these variants, keep the stored rest)

Each row is one call of success_table.table_row or guessing.guessing_row; tests/test_long_lag.py and
tests/test_guessing.py re-run rows and check they give the stored numbers. The seconds column is
this machine's wall-clock time.
"""

import argparse
import csv
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from lstm_helpers.guessing import GUESS_RANGE, GUESS_VARIANTS, guessing_row  # noqa: E402
from lstm_helpers.long_lag import DEFAULTS, LSTM_BIASES  # noqa: E402
from lstm_helpers.success_table import (  # noqa: E402
    TABLE_COLUMNS, TABLE_FILE, TABLE_SEEDS, TABLE_VARIANTS, long_lag_table, table_row,
)

TARGET = Path(__file__).resolve().parents[1] / "lstm_helpers" / "results" / TABLE_FILE
ORDER = (*TABLE_VARIANTS, *GUESS_VARIANTS)


def _row(job):
    return (table_row if job[0] in TABLE_VARIANTS else guessing_row)(*job)


def _lags(variant):
    return (TABLE_VARIANTS.get(variant) or GUESS_VARIANTS[variant])[-1]


def _kept_rows(path, recomputed):
    """The stored rows of the variants not being recomputed, as CSV fields."""
    if not path.exists():
        return []
    table = long_lag_table(path)
    return [tuple(row[name] for name in TABLE_COLUMNS) for row in table.rows
            if row["variant"] not in recomputed and row["variant"] in ORDER]


def _write(path, rows, jobs):
    rows = sorted(rows, key=lambda row: (ORDER.index(row[0]), row[2], row[3]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as handle:
        handle.write("# Notebook 06's success table, written by tools/long_lag_table.py (make experiments).\n")
        handle.write(f"# Defaults: {DEFAULTS}; the LSTM's biases: {LSTM_BIASES}.\n")
        for variant, (cell, overrides, lags) in TABLE_VARIANTS.items():
            handle.write(f"# {variant}: cell {cell!r}, changed settings {overrides or 'none'}, lags {lags}\n")
        for variant, (cell, task, how, lags) in GUESS_VARIANTS.items():
            what = (f"guessing (every number uniform in [-{GUESS_RANGE:g}, {GUESS_RANGE:g}], steps = tries)"
                    if how == "guess" else "training")
            handle.write(f"# {variant}: cell {cell!r}, task {task!r}, {what}, lags {lags}\n")
        handle.write(f"# seconds: wall-clock on {platform.machine()} {platform.processor() or ''}".rstrip()
                     + f", Python {platform.python_version()}, numpy {np.__version__}, {jobs} process(es); "
                     "a rough guide only, as other work on the machine slows it\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(TABLE_COLUMNS)
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1, help="processes to run at once (default 1)")
    parser.add_argument("--output", type=Path, default=TARGET, help=f"where to write (default {TARGET})")
    parser.add_argument("--only", action="append", choices=ORDER, metavar="VARIANT",
                        help="recompute only this variant (repeatable); the file's other rows are kept")
    args = parser.parse_args()
    chosen = args.only or ORDER
    jobs = [(variant, n_days, seed) for variant in chosen for n_days in _lags(variant) for seed in TABLE_SEEDS]
    # the longest runs first, so two processes finish together
    jobs.sort(key=lambda job: -job[1])
    start = time.perf_counter()
    rows = _kept_rows(args.output, set(chosen)) if args.only else []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for done, row in enumerate(pool.map(_row, jobs), 1):
            rows.append(row)
            print(f"{done:>3}/{len(jobs)}  {row[0]:<48} {row[2]:>3} days  seed {row[3]}  "
                  f"test accuracy {row[4]:.3f}  {row[5]:>4} steps  {row[6]:5.1f} s", flush=True)
    _write(args.output, rows, args.jobs)
    table = long_lag_table(args.output)
    print(f"\nwrote {len(jobs)} runs to {args.output} in {time.perf_counter() - start:.0f} s\n")
    for variant in table.variants:
        cells = [f"{n}: {'%d/%d' % table.solved(variant, n)}" for n in table.lags(variant)]
        print(f"{variant:<48} " + "   ".join(cells))


if __name__ == "__main__":
    main()
