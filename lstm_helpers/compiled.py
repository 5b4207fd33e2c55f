"""The layers' day loops compiled with numba: the same arithmetic, many times faster.

The numpy layers (layers.py, lstm_math.py, activations.py) are the course's reference: what
a learner reads. Each day there costs about 70 passes of numpy over small arrays, most of
them inside the exact exp; on a hub full of learners that is most of notebooks 06 and 07.
The functions here do each day's arithmetic element by element, in the same operations and
the same order (each sum from 0 in numpy's order, the exp's steps one by one, no fused
multiply-add, no fast-math), so they give the same bits: tests/test_compiled.py compares
every array of both on ordinary and extreme numbers.

They run when numba imports (it is compiled once per machine, then read from numba's cache);
without numba, inside `numpy_only()`, or with LSTM_HELPERS_NUMPY_ONLY=1 in the environment,
the layers run their numpy loops (day_loops.py chooses).
"""

import functools
import os
from contextlib import contextmanager

_SWITCH = {"on": os.environ.get("LSTM_HELPERS_NUMPY_ONLY", "") in ("", "0")}


@contextmanager
def numpy_only():
    """Run the body of a `with` on the numpy loops (tests and benchmarks compare the two)."""
    before = _SWITCH["on"]
    _SWITCH["on"] = False
    try:
        yield
    finally:
        _SWITCH["on"] = before


def kernels():
    """The compiled kernels (the module numba_kernels), or None when numba is absent or switched off."""
    return _compiled() if _SWITCH["on"] else None


@functools.cache
def _compiled():
    try:
        from . import numba_kernels
    except ImportError:  # no numba here: the numpy loops
        return None
    return numba_kernels
