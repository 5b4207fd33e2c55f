"""The course's LSTM layer beside torch.nn.LSTM on the CPU: forward, and forward + backward.

    python benchmarks/layer_vs_torch.py      (make benchmark runs it with $TORCH_PYTHON, if set)

Sizes: H = 4, 8, 16, 32 units, a batch of 64 sequences of 20 and 100 days, one input a day,
float64, one thread for both (the layer uses no BLAS at all; torch.set_num_threads(1)).
The layer runs its compiled day loops where numba is installed (lstm_helpers/compiled.py),
its numpy loops otherwise; the first line printed says which.
Each figure is the least CPU time of several repeats, so other work on the machine counts
little. Where torch does not import, the layer's own times are printed with a note.
torch is never a requirement of the course: install it in a separate environment to compare.
"""

import argparse
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lstm_helpers as lh  # noqa: E402
from lstm_helpers import compiled  # noqa: E402

UNITS = (4, 8, 16, 32)
DAYS = (20, 100)
BATCH = 64
TARGETS = {("forward", 8): 1.0, ("forward + backward", 16): 1.0}  # layer speed / torch speed, at least, every DAYS


def speed_verdict(ratio, target):
    """What is printed beside a speed (layer / torch) and its target: a lower speed misses it."""
    return "ok" if ratio >= target else "UNDER TARGET"


def least_cpu_ms(work, repeats=7):
    work()  # warm up
    times = []
    for _ in range(repeats):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return 1000 * min(times)


def layer_work(units, days):
    layer = lh.new_layer("lstm", units, 1, seed=0)
    values = np.random.default_rng(0).random((days, BATCH, 1))
    d_short = np.zeros((days, BATCH, units))
    d_short[-1] = 1.0

    def both():
        layer.backward(layer.unroll(values), d_short)

    return (lambda: layer.unroll(values)), both


def torch_work(torch, units, days):
    lstm = torch.nn.LSTM(1, units).double()
    values = torch.rand(days, BATCH, 1, dtype=torch.float64)

    def forward():
        with torch.no_grad():
            lstm(values)

    def both():
        lstm.zero_grad()
        out, _ = lstm(values)
        out[-1].sum().backward()

    return forward, both


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=Path, help="also write the targeted speeds here, as JSON "
                        "(benchmarks/targets.py reads them)")
    args = parser.parse_args(argv)
    try:
        import torch
    except ImportError:
        torch = None
        print("torch does not import here: the layer's own times only. To compare, run this script with a "
              "Python that has numpy and torch (a separate environment; torch is not a course requirement).\n")
    else:
        torch.set_num_threads(1)
        print(f"torch {torch.__version__}, one thread; numpy {np.__version__}\n")
    kernels = compiled.kernels()
    print("layer: " + (f"compiled day loops (numba {version('numba')})" if kernels is not None
                       else "numpy day loops (numba is not installed, or LSTM_HELPERS_NUMPY_ONLY is set)"))
    print(f"{'':<20}{'H':>4}{'days':>6}{'layer ms':>11}{'torch ms':>11}{'speed vs torch':>16}")
    targeted = []  # [name, units, days, speed vs torch, target]
    for units in UNITS:
        for days in DAYS:
            ours = [least_cpu_ms(work) for work in layer_work(units, days)]
            theirs = [least_cpu_ms(work) for work in torch_work(torch, units, days)] if torch else [None, None]
            for name, mine, other in zip(("forward", "forward + backward"), ours, theirs):
                ratio = other / mine if other else None
                target = TARGETS.get((name, units))
                mark = ("" if target is None or ratio is None
                        else f"  target >= {target}x  {speed_verdict(ratio, target)}")
                if target is not None and ratio is not None:
                    targeted.append([name, units, days, round(ratio, 3), target])
                print(f"{name:<20}{units:>4}{days:>6}{mine:>11.2f}"
                      + (f"{other:>11.2f}{ratio:>15.2f}x{mark}" if other else f"{'-':>11}{'-':>16}"))
    if torch:
        print("\ntargets: at least 1.0x torch at H = 8 forward and H = 16 forward + backward "
              f"({' and '.join(map(str, DAYS))} days)")
    if args.figures:
        args.figures.write_text(json.dumps(targeted))
    return 0 if all(ratio >= target for *_, ratio, target in targeted) else 1


if __name__ == "__main__":
    sys.exit(main())
