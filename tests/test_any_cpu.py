"""The same results on any CPU: notebook 06's live LSTM-vs-RNN comparison and two rows of the stored
long-lag table, run in subprocesses under other OpenBLAS kernels and with numpy's AVX2 paths off.

numpy's matrix products (OpenBLAS picks a kernel per CPU) and its exp and tanh (numpy picks a SIMD
path per CPU) differ in the last bits between machines, and hundreds of training steps turn such
bits into other accuracies and step counts. The course's layers use neither (lstm_math.dot and
activations' own exp), so every run below must give the very same numbers, bit for bit.
"""

import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import lstm_helpers as lh
from tests.kernels import DEFAULTS, ENVIRONMENTS, OTHER_KERNELS, environment

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "notebook_sources" / "06_long_memories.py"
NOTEBOOK = ROOT / "notebooks" / "06_long_memories.ipynb"
TABLE_ROWS = [("LSTM", 20, 0), ("RNN", 20, 4)]
# What one subprocess runs: the notebook's comparison (the cell that prints each run's verdict), the
# table rows, a fingerprint of every training loss, and which numpy SIMD paths were on.
SCRIPT = """
import hashlib, json, sys
import numpy as np
from numpy._core._multiarray_umath import __cpu_features__
import lstm_helpers as lh
from lstm_helpers.success_table import table_row

n_days, rows = json.loads(sys.argv[1])
lines, losses = [], hashlib.sha256()
for cell in ("lstm", "rnn"):
    result = lh.long_lag_experiment(cell, n_days, seed=0)
    verdict = "solved" if result.solved else "not solved"
    lines.append(f"{result.cell.upper()}: test accuracy {result.test_accuracy:.3f} "
                 f"after {result.steps} steps: {verdict}")
    losses.update(result.training_losses.tobytes())
table = [list(table_row(*row)[:6]) for row in rows]
print(json.dumps({"lines": lines, "table": table, "losses": losses.hexdigest(),
                  "x86_v3": bool(__cpu_features__.get("X86_V3"))}))
"""


def notebook_days():
    """The number of days notebook 06's live comparison uses (its `n_days = ...` line)."""
    return int(re.search(r"^n_days = (\d+)", SOURCE.read_text(), re.MULTILINE).group(1))


def stored_notebook_lines():
    """The verdict lines notebook 06 stores under the cell that prints them."""
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    cell = next(c for c in cells if c["cell_type"] == "code" and "for result in runs.values():" in "".join(c["source"]))
    text = "".join("".join(out.get("text", "")) for out in cell["outputs"] if out.get("output_type") == "stream")
    return [line for line in text.splitlines() if line.startswith(("LSTM:", "RNN:"))]


def run_in(extra_env):
    done = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps([notebook_days(), TABLE_ROWS])],
                          env=environment(extra_env), capture_output=True, text=True, timeout=1800, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def results():
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(ENVIRONMENTS, pool.map(run_in, ENVIRONMENTS.values())))


def test_numpy_accepts_turning_its_avx2_paths_off(results):
    assert results["numpy without its AVX2 paths"]["x86_v3"] is False


@pytest.mark.parametrize("name", OTHER_KERNELS)
def test_every_kernel_gives_the_same_training_bit_for_bit(results, name):
    default = results[DEFAULTS]
    assert results[name]["losses"] == default["losses"], f"{name}: other training losses"
    assert results[name]["lines"] == default["lines"] and results[name]["table"] == default["table"]


def test_the_notebook_prints_what_any_cpu_computes(results):
    assert results[DEFAULTS]["lines"] == stored_notebook_lines()


def test_the_stored_table_rows_are_what_any_cpu_computes(results):
    table = lh.long_lag_table()
    for variant, n_days, seed in TABLE_ROWS:
        stored = next(row for row in table.runs(variant, n_days) if row["seed"] == seed)
        computed = next(row for row in results[DEFAULTS]["table"] if row[:4][0] == variant
                        and row[2] == n_days and row[3] == seed)
        assert (computed[4], computed[5]) == (stored["test_accuracy"], stored["steps"])
