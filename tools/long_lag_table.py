"""Compute notebook 06's success table: every variant of long_lag.TABLE_VARIANTS at each of its
lags, for every seed, and store it in lstm_helpers/results/long_lag_table.csv.

    python tools/long_lag_table.py             (or: make experiments; 10 to 15 minutes on one core)
    python tools/long_lag_table.py --jobs 2    (two processes)

Each row is one call of lh.long_lag_experiment; tests/test_long_lag.py re-runs one row and
checks it gives the stored numbers. The seconds column is this machine's wall-clock time.
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

from lstm_helpers.long_lag import (  # noqa: E402
    DEFAULTS, LSTM_BIASES, TABLE_COLUMNS, TABLE_FILE, TABLE_SEEDS, TABLE_VARIANTS, long_lag_table, table_row,
)

TARGET = Path(__file__).resolve().parents[1] / "lstm_helpers" / "results" / TABLE_FILE


def _row(job):
    return table_row(*job)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1, help="processes to run at once (default 1)")
    parser.add_argument("--output", type=Path, default=TARGET, help=f"where to write (default {TARGET})")
    args = parser.parse_args()
    jobs = [(variant, n_days, seed) for variant, (_, _, lags) in TABLE_VARIANTS.items()
            for n_days in lags for seed in TABLE_SEEDS]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        rows = []
        for row in pool.map(_row, jobs):
            rows.append(row)
            print(f"{len(rows):>3}/{len(jobs)}  {row[0]:<48} {row[2]:>3} days  seed {row[3]}  "
                  f"test accuracy {row[4]:.3f}  {row[5]:>4} steps  {row[6]:5.1f} s", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", newline="") as handle:
        handle.write("# Notebook 06's success table, written by tools/long_lag_table.py (make experiments).\n")
        handle.write(f"# Defaults: {DEFAULTS}; the LSTM's biases: {LSTM_BIASES}.\n")
        for variant, (cell, overrides, lags) in TABLE_VARIANTS.items():
            handle.write(f"# {variant}: cell {cell!r}, changed settings {overrides or 'none'}, lags {lags}\n")
        handle.write(f"# seconds: wall-clock on {platform.machine()} {platform.processor() or ''}".rstrip()
                     + f", Python {platform.python_version()}, numpy {np.__version__}, {args.jobs} process(es); "
                     "a rough guide only, as other work on the machine slows it\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(TABLE_COLUMNS)
        writer.writerows(rows)
    table = long_lag_table(args.output)
    print(f"\nwrote {len(rows)} runs to {args.output} in {time.perf_counter() - start:.0f} s\n")
    for variant in table.variants:
        cells = [f"{n}: {'%d/%d' % table.solved(variant, n)}" for n in table.lags(variant)]
        print(f"{variant:<48} " + "   ".join(cells))


if __name__ == "__main__":
    main()
