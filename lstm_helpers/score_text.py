"""How notebook 07's results are written: a Difference as "+0.0143 [-0.0118, +0.0397]", a
Proportion as "50.7% [46.4, 54.9]", and the computed sentences "no different from ... beyond
noise" that evaluation.py, walk_forward.py and random_split.py print."""

ZERO, UP = "'tomorrow = today'", "always saying 'up'"


def listed(items):
    """'a', 'a and b', 'a, b and c'; '' for none."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def is_zero(difference):
    return difference.low == difference.high == 0


def versus_text(difference):
    return "(this is it)" if is_zero(difference) else points_text(difference)


def points_text(difference, factor=100, decimals=4):
    """'+0.0143 [-0.0118, +0.0397]': a difference and its interval, times factor."""
    d = [factor * v for v in (difference.estimate, difference.low, difference.high)]
    return f"{d[0]:+.{decimals}f} [{d[1]:+.{decimals}f}, {d[2]:+.{decimals}f}]"


def share_text(proportion):
    """'50.7% [46.4, 54.9]': a proportion and its Wilson interval, in %."""
    low, high = proportion.interval
    return f"{proportion.value:.1%} [{100 * low:.1f}, {100 * high:.1f}]"


def compare_text(difference, lower_is_better, better, worse, reference):
    """'smaller than X beyond noise' or 'no different from X beyond noise' for a Difference."""
    if not difference.beyond_noise:
        return f"no different from {reference} beyond noise (95% interval includes 0)"
    is_better = difference.high < 0 if lower_is_better else difference.low > 0
    return f"{better if is_better else worse} than {reference} beyond noise (95% interval excludes 0)"
