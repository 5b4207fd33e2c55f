"""Input checks shared by the math modules.

Each check names the argument it looked at and says what was expected, so a
learner who passes a string or a NaN reads what went wrong instead of a
traceback from deep inside numpy.
"""

import numbers

import numpy as np


def _describe(value):
    """A short, address-free description of a value for an error message."""
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"


def real_number(value, name):
    """Return `value` as a float, or raise if it is not one finite real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {_describe(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def finite_array(value, name):
    """Return `value` as a float array (0-d for a scalar), checked to be finite numbers.

    Accepts a Python or numpy number, or a list, tuple or numpy array of them.
    """
    if value is None or isinstance(value, (str, bytes, bool, np.bool_)):
        raise TypeError(
            f"{name} must be a number or an array of numbers, got {_describe(value)}"
        )
    try:
        array = np.asarray(value)
    except (TypeError, ValueError) as error:
        raise TypeError(
            f"{name} must be a number or an array of numbers, got {_describe(value)}"
        ) from error
    if array.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must hold real numbers, got an array of {array.dtype} "
            f"from {_describe(value)}"
        )
    array = array.astype(float)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold only finite numbers, got {_describe(value)}")
    return array


def broadcast_shape(named_arrays):
    """The shape that the given {name: array} broadcast to, or a ValueError naming them."""
    try:
        return np.broadcast_shapes(*(a.shape for a in named_arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{n} {a.shape}" for n, a in named_arrays.items())
        raise ValueError(
            f"{' and '.join(named_arrays)} must have shapes that broadcast together; "
            f"got {shapes}"
        ) from None


def plain(array):
    """A 0-d array as a Python float; anything else unchanged."""
    return float(array) if np.ndim(array) == 0 else array
