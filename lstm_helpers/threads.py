"""One BLAS thread for the course's small math (notebooks 06-07).

The layers use no BLAS at all (lstm_math.dot), so they never start BLAS's threads. What
still calls BLAS or LAPACK, such as a least-squares fit, runs inside `one_blas_thread()`:
the course's matrices are tiny, and on a shared machine (a hub, a classroom server) extra
threads cost CPU for nothing. Only the code inside the `with` is limited: the learner's own
numpy calls keep whatever threads numpy would give them.

    with one_blas_thread():
        weights = np.linalg.lstsq(features, targets, rcond=None)[0]
"""

import functools
from contextlib import contextmanager


@functools.cache
def _controller():
    from threadpoolctl import ThreadpoolController  # looked up once: it scans the loaded libraries

    return ThreadpoolController()


@contextmanager
def one_blas_thread():
    """Run the body of a `with` with BLAS (OpenBLAS, MKL, BLIS) limited to one thread, then restore it."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
