"""The models of notebook 07 that are not LSTMs: the baselines (ZeroReturn, TrainingMean,
LinearWindow, LastValue, WindowMean, ValidationMean), ValidationChoice, and the checks every
model's fit(train, validation) and predict(inputs) share (checked_period, checked_inputs).
"""

import numpy as np

from ._checks import describe, finite_array
from .forecasting import Period
from .scaler import Scaler


# --- models: fit(train, validation) and predict(inputs) --------------------------------------------

def checked_period(value, name):
    """value, if it is a Period; a TypeError naming the argument otherwise."""
    if not isinstance(value, Period):
        raise TypeError(f"{name} must be a Period (split.train, split.validation or split.test), "
                        f"got {describe(value)}")
    return value


def _validation(value):
    """None or a Period: a baseline ignores the validation period, but not a wrong argument."""
    return None if value is None else checked_period(value, "validation")


def checked_inputs(inputs, n_days=None):
    """inputs as a finite (windows, n_days) array; a ValueError naming the shape otherwise."""
    array = finite_array(inputs, "inputs")
    if array.ndim != 2 or (n_days is not None and array.shape[1] != n_days):
        wanted = f"(windows, {n_days})" if n_days is not None else "(windows, days)"
        raise ValueError(f"inputs must have shape {wanted}, got {array.shape}")
    return array


class ZeroReturn:
    """'Tomorrow = today': the price does not move, so tomorrow's return is 0."""

    name = "tomorrow = today"

    def fit(self, train, validation=None):
        checked_period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return np.zeros(len(checked_inputs(inputs)))


class TrainingMean:
    """Tomorrow's return is the average daily return of the training period."""

    name = "training mean"
    mean = None

    def fit(self, train, validation=None):
        self.mean = float(np.mean(checked_period(train, "train").values))
        _validation(validation)
        return self

    def predict(self, inputs):
        if self.mean is None:
            raise ValueError("fit the model on a training period before predict")
        return np.full(len(checked_inputs(inputs)), self.mean)


class LinearWindow:
    """Tomorrow = weights . (the window's days) + bias, by least squares on the training windows.

    With a Scaler, the model is fitted and predicts in scaled units, and its predictions are
    turned back into the series' own units.
    """

    name = "linear"
    weights = None
    bias = None

    def __init__(self, scaler=None):
        if scaler is not None and not isinstance(scaler, Scaler):
            raise TypeError(f"scaler must be None or a Scaler (such as split.scaler()), got {describe(scaler)}")
        self.scaler = scaler

    def _scaled(self, values):
        return values if self.scaler is None else self.scaler.transform(values)

    def fit(self, train, validation=None):
        train = checked_period(train, "train")
        _validation(validation)
        design = np.column_stack([self._scaled(train.inputs), np.ones(len(train))])
        solution = np.linalg.lstsq(design, self._scaled(train.targets), rcond=None)[0]
        self.weights, self.bias = solution[:-1], float(solution[-1])
        return self

    def predict(self, inputs):
        if self.weights is None:
            raise ValueError("fit the model on a training period before predict")
        predicted = self._scaled(checked_inputs(inputs, len(self.weights))) @ self.weights + self.bias
        return predicted if self.scaler is None else self.scaler.inverse(predicted)


class LastValue:
    """Tomorrow = the window's last day: for the size of a move, 'as large as yesterday's'."""

    name = "last value"

    def fit(self, train, validation=None):
        checked_period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return checked_inputs(inputs)[:, -1].copy()


class WindowMean:
    """Tomorrow = the average of the window's days: for the size of a move, the recent
    typical size (how stormy the last few weeks were)."""

    name = "window mean"

    def fit(self, train, validation=None):
        checked_period(train, "train")
        _validation(validation)
        return self

    def predict(self, inputs):
        return checked_inputs(inputs).mean(axis=1)


class ValidationMean:
    """Tomorrow = the average of the validation period: the most recent days before the test,
    which a model trained on the training period alone knows nothing about."""

    name = "validation mean"
    mean = None

    def fit(self, train, validation=None):
        checked_period(train, "train")
        if validation is None:
            raise ValueError("validation must be a Period: this model is the validation period's average")
        self.mean = float(np.mean(checked_period(validation, "validation").values))
        return self

    def predict(self, inputs):
        if self.mean is None:
            raise ValueError("fit the model on a training and a validation period before predict")
        return np.full(len(checked_inputs(inputs)), self.mean)


class ValidationChoice:
    """Settings chosen by the validation period, never by the test period: fit every candidate
    on the training period and keep the one whose predictions of the validation period have
    the lowest RMSE.

        make = lambda: lh.ValidationChoice(lh.lstm_choices(n_units=(4, 8)))

    candidates maps a name to a function that makes a fresh, unfitted model. After fit:
    .chosen (the name kept), .model (that fitted model), .validation_rmse ({name: RMSE}).
    """

    name = "chosen by validation"

    def __init__(self, candidates):
        if not isinstance(candidates, dict) or not candidates or not all(
                isinstance(name, str) and callable(make) for name, make in candidates.items()):
            raise TypeError("candidates must be a dict of name -> a function making a model (such as "
                            f"lh.lstm_choices()), got {describe(candidates)}")
        self.candidates = dict(candidates)
        self.chosen = self.model = None
        self.validation_rmse = {}

    def fit(self, train, validation=None):
        train = checked_period(train, "train")
        if validation is None:
            raise ValueError("validation must be a Period: it is what chooses among the candidates")
        validation = checked_period(validation, "validation")
        fitted = {}
        for name, make in self.candidates.items():
            fitted[name] = make().fit(train, validation)
            predicted = np.asarray(fitted[name].predict(validation.inputs), dtype=float)
            if predicted.shape != validation.targets.shape or not np.all(np.isfinite(predicted)):
                raise ValueError(f"candidates[{name!r}] must predict {len(validation)} finite numbers for the "
                                 f"validation period, one per window; got {describe(predicted)}")
            missed = predicted - validation.targets
            self.validation_rmse[name] = float(np.sqrt(np.mean(missed ** 2)))
        self.chosen = min(self.validation_rmse, key=self.validation_rmse.get)  # the first, on a tie
        self.model = fitted[self.chosen]
        return self

    def predict(self, inputs):
        if self.model is None:
            raise ValueError("fit the model on a training and a validation period before predict")
        return self.model.predict(inputs)

    def summary(self):
        """Each candidate's RMSE on the validation period (x 100: % for returns), and the one kept."""
        if self.model is None:
            raise ValueError("fit the model before summary")
        width = max(len(name) for name in self.validation_rmse)
        lines = ["RMSE on the validation period (x 100):"]
        lines += [f"  {name:<{width}}  {100 * value:.4f}{'  <- kept' if name == self.chosen else ''}"
                  for name, value in self.validation_rmse.items()]
        return "\n".join(lines)


BASELINES = {"tomorrow = today": ZeroReturn, "training mean": TrainingMean, "linear": LinearWindow}

# For the size of tomorrow's move (the absolute return), which has no direction and is never below 0.
SIZE_BASELINES = {"yesterday's size": LastValue, "training mean size": TrainingMean,
                  "validation mean size": ValidationMean, "recent average size": WindowMean,
                  "linear": LinearWindow}
