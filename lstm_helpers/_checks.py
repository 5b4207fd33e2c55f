"""Input checks shared by every public function, dataclass and explorer.

Each check names the argument it looked at and says what was expected, so a
learner who passes a string or a NaN reads what went wrong instead of a
traceback from deep inside numpy.

What counts as a number, everywhere in lstm_helpers:

- a number is a real number: a Python int (of any size), float, fractions.Fraction
  or decimal.Decimal, or a numpy integer or floating-point scalar. bool is not a
  number (True is a yes, not a 1), nor is a complex number or a string;
- it must be finite and fit in a float (between about -1.8e308 and 1.8e308): it
  is used as a float, so 10**400 or Decimal("1e400") is refused with a ValueError
  rather than overflowing somewhere later;
- an array of numbers is a list or tuple (nested to any depth) of numbers, or a
  numpy array of integers or floats;
- a whole number (a count, an epoch, a day) is a Python or numpy int, not a float
  such as 3.0 or 2.5 and not a bool.

A wrong type is a TypeError, a wrong value (NaN, infinity, too large, out of
range) a ValueError; both name the argument and say what was expected.

One validator per kind of argument, used by every module: real_number, whole_number
(with bounds), seed, fraction (0 allowed or not), positive, function (a callback),
finite_array, one_of, in_range (a slider's value), sequence_of (a list of settings).
Sizes are capped (MAX_DAYS, MAX_UNITS, MAX_STEPS, MAX_SEQUENCES, MAX_NUMBERS; run_size
for a layer's run) far beyond the course's use, so that a typo such as 10**9 days is
refused at once, before anything large is allocated or a loop runs for hours.
"""

import math
import numbers
from decimal import Decimal

import numpy as np

NUMBER = "a real number (int, float, Fraction, Decimal or numpy number)"
# Size limits, each far beyond the course's use, so a typo (10**9 days) is refused at once
# instead of filling the memory or running for hours.
MAX_DAYS = 100_000  # days in a sequence (the course: at most 100)
MAX_UNITS = 512  # units of a layer (the course: at most 16)
MAX_STEPS = 100_000  # training steps or epochs of a sequence model (the course: at most 6,000)
MAX_SEQUENCES = 1_000_000  # sequences in one batch or data set (the course: at most 2,202)
MAX_NUMBERS = 20_000_000  # days x sequences x units in one run (160 MB of floats an array)
MAX_SEED = 2**63 - 1  # numpy's generators take any int; a seed is refused above this, to stay one kind of number
FLOAT_RANGE = "a finite number within a float's range (about -1.8e308 to 1.8e308)"


def describe(value):
    """A short, address-free description of a value for an error message."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return f"an int with {len(str(abs(value)))} digits"
    try:
        text = repr(value)
    except Exception:  # a value whose repr fails is still described by its type
        text = "?"
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(value).__name__} {text}"




def is_number(value):
    """True for a real number as the module docstring defines it (bool is not one)."""
    return isinstance(value, (numbers.Real, Decimal)) and not isinstance(value, (bool, np.bool_))


def _as_float(value):
    """float(value), or None when it does not fit in a float (too large, or NaN / infinite)."""
    try:
        result = float(value)
    except (OverflowError, ValueError):  # 10**400; Decimal("sNaN")
        return None
    return result if math.isfinite(result) else None


def real_number(value, name):
    """Return `value` as a float, or raise if it is not one finite real number."""
    if not is_number(value):
        raise TypeError(f"{name} must be {NUMBER}, got {describe(value)}")
    result = _as_float(value)
    if result is None:
        raise ValueError(f"{name} must be {FLOAT_RANGE}, got {describe(value)}")
    return result


def whole_number(value, name, low=None, high=None):
    """Return `value` as an int, or raise if it is not a whole number from low to high."""
    bounds = _bounds_text(low, high)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number{bounds}, got {describe(value)}")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError(f"{name} must be a whole number{bounds}, got {describe(value)}")
    return value


def seed(value, name="seed"):
    """Return `value` as an int: a random seed is a whole number from 0 to 2**63 - 1."""
    return whole_number(value, name, 0, MAX_SEED)


def sequence_of(value, name, what, most):
    """`value` as a list (a list, tuple, range or 1-D array of at most `most` items), else a named error."""
    if (isinstance(value, (str, bytes, dict, set)) or not hasattr(value, "__iter__")
            or (isinstance(value, np.ndarray) and value.ndim != 1)):
        raise TypeError(f"{name} must be a list of {what}, got {describe(value)}")
    items = []
    for item in value:
        items.append(item)
        if len(items) > most:
            raise ValueError(f"{name} must hold at most {most:,} {what}")
    return items


def fraction(value, name, allow_zero=False):
    """Return `value` as a float strictly between 0 and 1 (or from 0, with allow_zero): a share
    such as a test fraction or Adam's beta1."""
    number = real_number(value, name)
    if not (0 <= number < 1 if allow_zero else 0 < number < 1):
        low = "at least 0" if allow_zero else "above 0"
        raise ValueError(f"{name} must be a number {low} and below 1, got {describe(value)}")
    return number


def positive(value, name):
    """Return `value` as a float above 0 (a learning rate, a z value, a step)."""
    number = real_number(value, name)
    if number <= 0:
        raise ValueError(f"{name} must be a number above 0, got {describe(value)}")
    return number


def function(value, name, allow_none=False):
    """Return `value` if it can be called (or is None, with allow_none), else a TypeError:
    checked before any training starts, not at the first call."""
    if (value is None and allow_none) or callable(value):
        return value
    expected = "None or a function" if allow_none else "a function"
    raise TypeError(f"{name} must be {expected}, got {describe(value)}")


def _bounds_text(low, high):
    if low is not None and high is not None:
        return f" from {low:,} to {high:,}"
    if low is not None:
        return f" {low:,} or more"
    if high is not None:
        return f" {high:,} or less"
    return ""


def finite_array(value, name):
    """Return `value` as a float array (0-d for a scalar), checked to be finite numbers.

    Accepts a number, or a list, tuple or numpy array of them (see the module docstring).
    """
    if is_number(value):
        return np.asarray(real_number(value, name))
    expected = f"{name} must be {NUMBER} or a list, tuple or numpy array of them"
    if isinstance(value, np.ndarray):
        array = value
    elif isinstance(value, (list, tuple, range)):
        try:
            array = np.array(value, dtype=object)
        except (TypeError, ValueError) as error:
            raise TypeError(f"{expected}, got {describe(value)}") from error
    elif hasattr(value, "__array__") and not isinstance(value, (str, bytes)):  # a pandas Series, say
        array = np.asarray(value)
    else:
        raise TypeError(f"{expected}; got {describe(value)}")
    kind = array.dtype.kind
    if kind in "iu":
        return array.astype(float)
    if kind == "f":
        if array.dtype == np.float64:
            array = array.astype(float)  # a copy, as for every other kind
        else:
            with np.errstate(over="ignore"):  # a longdouble beyond a float's range becomes inf, refused below
                array = array.astype(float)
        if not np.isfinite(array).all():
            raise ValueError(f"{name} must hold only finite numbers, got {describe(value)}")
        return array
    if kind != "O":
        raise TypeError(f"{name} must hold real numbers, got an array of {array.dtype} from {describe(value)}")
    return _object_array_as_floats(array, name, value)


def _object_array_as_floats(array, name, value):
    """A list's items (or an object array's), each checked to be a number, as a float array."""
    floats = np.empty(array.shape)
    for index, item in np.ndenumerate(array):
        if not is_number(item):
            where = f" at {list(index)}" if array.ndim else ""
            raise TypeError(f"{name} must hold real numbers; {describe(item)}{where} is not one "
                            f"(in {describe(value)})")
        result = _as_float(item)
        if result is None:
            raise ValueError(f"{name} must hold only finite numbers within a float's range "
                             f"(about -1.8e308 to 1.8e308), got {describe(item)} in {describe(value)}")
        floats[index] = result
    return floats


def in_range(value, name, low, high, step=None):
    """Return `value` as a float if it is a number from low to high (on the step's grid, if given):
    a slider's starting value, which the slider would otherwise clamp or snap silently."""
    number = real_number(value, name)
    grid = f" in steps of {step:g}" if step else ""
    if not low <= number <= high or (step and abs(number / step - round(number / step)) > 1e-6):
        raise ValueError(f"{name} must be from {low:g} to {high:g}{grid} (the slider's range), "
                         f"got {describe(value)}")
    return number


def one_of(value, name, choices):
    """Return the choice `value` equals (numbers compare as numbers, strings as strings),
    else a ValueError listing the choices."""
    for choice in choices:
        if isinstance(choice, str) and isinstance(value, str) and value == choice:
            return choice
        if is_number(choice) and is_number(value) and _as_float(value) == float(choice):
            return choice
    same_kind = any((isinstance(c, str) and isinstance(value, str)) or (is_number(c) and is_number(value))
                    for c in choices)
    error = ValueError if same_kind else TypeError
    raise error(f"{name} must be one of {', '.join(map(repr, choices))}; got {describe(value)}")


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


def run_size(values, n_units, name="values"):
    """Refuse, before anything is allocated, a sequence too long or a run too large for a layer of
    n_units: at most MAX_DAYS days and MAX_NUMBERS numbers (days x batch x units) per array."""
    try:
        shape = values.shape if isinstance(values, np.ndarray) else np.shape(values)
    except ValueError:  # a ragged list: the full check says what is wrong
        return
    if len(shape) >= 1 and (shape[0] == 0 or (len(shape) >= 2 and shape[1] == 0)):
        raise ValueError(f"{name} must hold at least one day and one sequence, got shape {tuple(shape)}")
    days = shape[0] if shape else 1
    batch = shape[1] if len(shape) >= 2 else 1
    if days > MAX_DAYS:
        raise ValueError(f"{name} must hold at most {MAX_DAYS:,} days, got {days:,}")
    if days * batch * n_units > MAX_NUMBERS:
        raise ValueError(f"{name} must make at most {MAX_NUMBERS:,} numbers per array (days x batch x units), "
                         f"got {days:,} x {batch:,} x {n_units:,}")


def run_gradient(run, run_type, gradient, n_units, what, name="d_short_memories"):
    """Check a backward pass's arguments: `run` is a run of the layer's kind and `gradient`
    broadcasts to its (days, batch, H) short-term memories. Returns the gradient as an array."""
    if not isinstance(run, run_type):
        raise TypeError(f"run must be {what} (what unroll returns), got {describe(run)}")
    shape = run.short_memories.shape
    if shape[2] != n_units:
        raise ValueError(f"run must come from a layer of {n_units} units, got one of {shape[2]}")
    array = finite_array(gradient, name)
    try:
        np.broadcast_shapes(array.shape, shape)
    except ValueError:
        raise ValueError(f"{name} must have the run's shape (days, batch, H) = {shape} (or broadcast to it), "
                         f"got shape {array.shape}") from None
    if np.broadcast_shapes(array.shape, shape) != shape:
        raise ValueError(f"{name} must have the run's shape (days, batch, H) = {shape}, got shape {array.shape}")
    return array


# --- a daily series and its dates (notebook 07) ----------------------------------------------

def series_array(values, name, min_length=1):
    array = finite_array(values, name)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional (one value per day), got shape {array.shape}")
    if len(array) < min_length:
        raise ValueError(f"{name} must hold at least {min_length} values, got {len(array)}")
    return array


def date_value(value, name):
    if isinstance(value, (bool, numbers.Number)) or value is None:
        raise TypeError(f"{name} must be a date such as '2011-01-01', got {describe(value)}")
    try:
        return np.datetime64(value, "D")
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a date such as '2011-01-01', got {describe(value)}") from None


def date_array(dates, name, length):
    wrong = TypeError(f"{name} must be an array of dates (numpy datetime64 or strings such as '2011-01-03'), "
                      f"got {describe(dates)}")
    if np.asarray(dates).dtype.kind not in "MUO":  # numbers would silently become days since 1970
        raise wrong
    try:
        array = np.asarray(dates, dtype="datetime64[D]")
    except (TypeError, ValueError):
        raise wrong from None
    if array.ndim != 1 or len(array) != length:
        raise ValueError(f"{name} must hold one date per value ({length}), got shape {array.shape}")
    if np.isnat(array).any() or not np.all(np.diff(array) > np.timedelta64(0, "D")):
        raise ValueError(f"{name} must be strictly increasing dates, oldest first")
    return array
