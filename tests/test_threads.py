"""One BLAS thread inside the course's calls, and the learner's own numpy left as it was (issue: a crowded room)."""

import ast
from pathlib import Path

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

import lstm_helpers as lh
from lstm_helpers.threads import one_blas_thread


def blas_threads():
    return {pool["internal_api"]: pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}


@pytest.fixture
def two_threads():
    """BLAS with two threads, as numpy gives a learner on a 2-core machine."""
    with threadpool_limits(limits=2, user_api="blas"):
        yield


def test_one_thread_inside_and_the_learners_setting_after(two_threads):
    assert blas_threads() and all(n == 2 for n in blas_threads().values())
    with one_blas_thread():
        assert all(n == 1 for n in blas_threads().values())
    assert all(n == 2 for n in blas_threads().values())


def test_the_read_out_fit_of_notebook_06_uses_one_thread(two_threads, monkeypatch):
    seen = []
    real = np.linalg.lstsq

    def watched(*args, **kwargs):
        seen.append(blas_threads())
        return real(*args, **kwargs)

    monkeypatch.setattr(np.linalg, "lstsq", watched)
    accuracy = lh.untrained_readout_accuracy("rnn", 10, 0, n_sequences=50)
    assert 0.0 <= accuracy <= 1.0
    assert seen and all(n == 1 for threads in seen for n in threads.values())
    assert all(n == 2 for n in blas_threads().values())


BLAS_CALLS = {"matmul", "dot", "inner", "vdot", "einsum", "tensordot", "outer", "lstsq", "solve", "inv"}


@pytest.mark.parametrize("module", ["lstm_math", "activations", "lstm", "layers", "sequence_model", "long_lag"])
def test_the_lstm_arithmetic_never_calls_blas(module):
    """Every LSTM and RNN layer multiplies with lstm_math.dot, so no BLAS kernel (CPU-dependent bits)
    and no BLAS thread: no `@` and no numpy product in these modules, except inside one_blas_thread."""
    source = (Path(lh.__file__).parent / f"{module}.py").read_text()
    tree = ast.parse(source)
    limited = {id(node) for block in ast.walk(tree) if isinstance(block, ast.With)
               and "one_blas_thread" in ast.unparse(block.items[0]) for node in ast.walk(block)}
    found = [ast.unparse(node) for node in ast.walk(tree) if id(node) not in limited and (
        (isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult))
        or (isinstance(node, ast.Attribute) and node.attr in BLAS_CALLS and ast.unparse(node.value) in ("np", "np.linalg")))]
    assert not found, f"{module}.py uses BLAS: {found}"
