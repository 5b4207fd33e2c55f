"""Trace what happens inside one long-lag training run, step by step (notebook 06, section 4).

    python tools/trace_long_lag.py                        # the RNN at learning rate 0.03, 100 days, seed 0
    python tools/trace_long_lag.py --seed 7 --every 5 --from-step 2900

Every `every` steps it prints lh.memory_check of the model: the stretch of the weights on the
short-term memory, the slope d prediction / d day 1 and the effect of flipping day 1, with the
accuracy on the check's sequences. It watches the run by wrapping Adam.step, so the run itself
is exactly lh.long_lag_experiment's (the same steps and result as the stored table's row).
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lstm_helpers as lh  # noqa: E402
from lstm_helpers.long_lag import accuracy  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cell", default="rnn")
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--learning-rate", type=float, default=0.03)
    parser.add_argument("--max-steps", type=int, default=6000)
    parser.add_argument("--every", type=int, default=100, help="print every this many steps (default 100)")
    parser.add_argument("--from-step", type=int, default=0, help="print nothing before this step")
    args = parser.parse_args()
    values, targets = lh.long_lag_data(args.days, 200, 12345)  # memory_check's sequences
    step = lh.Adam.step

    def watched(optimizer, model, gradients):
        new = step(optimizer, model, gradients)
        t = optimizer.steps_taken
        if t >= args.from_step and (t == 1 or t % args.every == 0):
            check = lh.memory_check(new, args.days)
            stretch = "" if check.stretch is None else f"stretch {check.stretch:5.2f}  "
            print(f"step {t:>5}  {stretch}d prediction / d day 1 {check.slope:8.1e}  "
                  f"flipping day 1 moves it {check.flip:5.3f}  accuracy {accuracy(new.predict(values), targets):.3f}",
                  flush=True)
        return new

    lh.Adam.step = watched
    try:
        result = lh.long_lag_experiment(args.cell, args.days, args.seed, learning_rate=args.learning_rate,
                                        max_steps=args.max_steps)
    finally:
        lh.Adam.step = step
    print(f"test accuracy {result.test_accuracy:.3f} after {result.steps} steps")


if __name__ == "__main__":
    main()
