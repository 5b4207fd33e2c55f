"""The floating-point kernels the any-CPU tests run the course under, one list for both
test_any_cpu.py (notebook 06's comparison and table rows) and test_any_cpu_notebooks.py (every
notebook under nbval), and the environment a subprocess gets for each."""

import os
import platform
from pathlib import Path

from numpy._core._multiarray_umath import __cpu_features__

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = "this machine's defaults"
ENVIRONMENTS = {
    DEFAULTS: {},
    "OpenBLAS Haswell kernels": {"OPENBLAS_CORETYPE": "Haswell"},
    "OpenBLAS Sandybridge kernels": {"OPENBLAS_CORETYPE": "Sandybridge"},
    "OpenBLAS Prescott kernels": {"OPENBLAS_CORETYPE": "Prescott"},
    "numpy without its AVX2 paths": {"NPY_DISABLE_CPU_FEATURES": "X86_V3"},
}
OTHER_KERNELS = [name for name in ENVIRONMENTS if name != DEFAULTS]
# What the environments set; a learner's own setting of either is removed first.
VARIABLES = ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")


def environment(extra_env):
    """This process's environment with `extra_env` (one of ENVIRONMENTS) as its only kernel
    choice, one BLAS thread, and this checkout's lstm_helpers first on the path."""
    env = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    env.update(PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1", **extra_env)
    return env


def why_not_here():
    """Why this machine cannot run the other kernels (None when it can): OpenBLAS's Haswell
    kernels and numpy's X86_V3 paths need an x86-64 CPU with AVX2 and FMA."""
    machine = platform.machine()
    if machine.lower() not in ("x86_64", "amd64") or not __cpu_features__.get("X86_V3"):
        return f"the other kernels need an x86-64 CPU with AVX2 and FMA (this is {machine})"
    return None
