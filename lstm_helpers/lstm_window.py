"""The course's LSTM layer as a forecasting model: it reads a window day by day and predicts
the next day, with the same fit(train, validation) and predict(inputs) as the baselines.

    make_lstm = lambda: lh.LSTMWindow(n_units=8, seed=0)
    results = lh.evaluate({**lh.BASELINES, "LSTM": make_lstm}, split)

Training is notebook 06's: backpropagation through time and Adam, in numpy
(train_sequence_model). Inputs and targets are scaled with a Scaler fitted on the training
period alone; the validation period serves only to pick the step to keep (early stopping);
the test period is never shown to fit. The same seed gives the same model, so a fit is
remembered: fitting the same settings on the same data again (notebook 07 does, to compare
scalers, and its exercises check against the notebook's own models) reuses the first fit.
"""

import functools
import hashlib
from collections import OrderedDict

import numpy as np

from ._checks import MAX_SEED, MAX_SEQUENCES, MAX_STEPS, MAX_UNITS, describe, real_number, whole_number
from .baselines import checked_inputs, checked_period
from .scaler import Scaler
from .sequence_model import new_sequence_model, train_sequence_model

_FITS = OrderedDict()  # (settings, data digest) -> (scaler, train_mean, n_windows, training); the latest 64
_FITS_KEPT = 64


def _digest(*arrays):
    """A fingerprint of the arrays' shapes and every bit of their values."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array, dtype=float)
        digest.update(repr(array.shape).encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


class LSTMWindow:
    """An LSTM layer of n_units reading each window's days in order, then a linear read-out of
    its last short-term memory: tomorrow's value.

    scaler: None fits one on the training period's values (honest); pass one to see what a
    different scaler does. Training: Adam on mean squared error, batch_size windows a step,
    at most max_steps steps; every check_every steps the validation loss is measured, the
    weights with the lowest one are kept, and training stops after `patience` checks without
    a new lowest. After fit: .training (the SequenceTraining, with every loss) and .scaler.
    The defaults (learning rate 0.01, patience 5 checks of 25 steps) keep a fit to a few
    hundred steps: notebook 07 fits about a dozen of them, on shared cores in a workshop.
    Limits: n_units at most 512, max_steps at most 100,000.
    """

    name = "LSTM"

    def __init__(self, n_units=8, *, scaler=None, max_steps=2000, batch_size=64, learning_rate=0.01,
                 check_every=25, patience=5, seed=0):
        if scaler is not None and not isinstance(scaler, Scaler):
            raise TypeError(f"scaler must be None or a Scaler (such as split.scaler()), got {describe(scaler)}")
        self.n_units = whole_number(n_units, "n_units", 1, MAX_UNITS)
        self.max_steps = whole_number(max_steps, "max_steps", 1, MAX_STEPS)
        self.batch_size = whole_number(batch_size, "batch_size", 1, MAX_SEQUENCES)
        self.check_every = whole_number(check_every, "check_every", 1)
        self.patience = whole_number(patience, "patience", 1)
        self.learning_rate = real_number(learning_rate, "learning_rate")
        if self.learning_rate <= 0:
            raise ValueError(f"learning_rate must be above 0, got {self.learning_rate}")
        self.seed = whole_number(seed, "seed", 0, MAX_SEED)
        self._given_scaler = scaler
        self.scaler = scaler
        self.train_mean = None
        self.training = None

    def _sequences(self, inputs):
        """(days, windows) scaled values: the layer reads day by day, every window at once."""
        return self.scaler.transform(inputs).T

    def fit(self, train, validation=None):
        """Train on train's windows; validation (a Period or None) only chooses the step to keep.

        Training is deterministic, so the same settings on the same data reuse an earlier fit."""
        train = checked_period(train, "train")
        if validation is not None:
            validation = checked_period(validation, "validation")
        key = self._fit_key(train, validation)
        if key not in _FITS:
            _FITS[key] = self._train(train, validation)
            while len(_FITS) > _FITS_KEPT:
                _FITS.popitem(last=False)
        _FITS.move_to_end(key)
        self.scaler, self.train_mean, self._n_windows, self.training = _FITS[key]
        self._n_days = train.n_days
        return self

    def _fit_key(self, train, validation):
        given = None if self._given_scaler is None else (self._given_scaler.mean, self._given_scaler.scale)
        settings = (self.n_units, self.max_steps, self.batch_size, self.learning_rate, self.check_every,
                    self.patience, self.seed, given)
        periods = [train] if validation is None else [train, validation]
        return settings, len(periods), _digest(*(a for p in periods for a in (p.values, p.inputs, p.targets)))

    def _train(self, train, validation):
        scaler = self._given_scaler if self._given_scaler is not None else Scaler.fit(train.values)
        sequences = lambda inputs: scaler.transform(inputs).T  # (days, windows): the layer reads day by day
        training_data = (sequences(train.inputs), scaler.transform(train.targets))
        validation_data = None
        if validation is not None:
            validation_data = (sequences(validation.inputs), scaler.transform(validation.targets))
        model = new_sequence_model("lstm", self.n_units, seed=self.seed)
        training = train_sequence_model(
            model, training_data, validation_data, max_steps=self.max_steps, batch_size=self.batch_size,
            learning_rate=self.learning_rate, check_every=self.check_every,
            patience=self.patience if validation is not None else None, seed=self.seed)
        return scaler, float(np.mean(train.values)), len(train), training

    def predict(self, inputs):
        """One prediction per window (rows of inputs, each as many days as the training windows),
        in the series' own units."""
        if self.training is None:
            raise ValueError("fit the model on a training period before predict")
        scaled = self.training.model.predict(self._sequences(checked_inputs(inputs, self._n_days)))
        return self.scaler.inverse(scaled)

    def flat_loss(self, period):
        """The loss (in scaled units, as in .training) of always predicting the training mean on
        `period`'s windows: the level of a model that learned nothing about the days."""
        if self.training is None:
            raise ValueError("fit the model on a training period before flat_loss")
        period = checked_period(period, "period")
        missed = self.scaler.transform(period.targets) - self.scaler.transform(self.train_mean)
        return float(np.mean(missed ** 2))

    def summary(self):
        """What training did, in words: steps, passes over the windows, the step kept and why it stopped."""
        if self.training is None:
            raise ValueError("fit the model on a training period before summary")
        t = self.training
        n_windows = self._n_windows
        why = {"patience": f"{self.patience} checks in a row without a lower validation loss",
               "max_steps": f"the cap of {self.max_steps} steps", "diverged": "the loss became infinite or not a number",
               "stop_when": "its stopping rule"}[t.stopped_because]
        kept = ("the last step (no validation period)" if not len(t.check_steps)
                else f"step {t.best_step}, the lowest validation loss")
        return (f"{t.steps} Adam steps of {self.batch_size} windows (about {t.steps * self.batch_size / n_windows:.0f} "
                f"passes over the {n_windows} training windows)\nkept {kept}\nstopped after {why}")

    def __repr__(self):
        """Two lines of at most about 90 characters, so a notebook shows them whole."""
        state = "unfitted" if self.training is None else f"fitted, kept step {self.training.best_step}"
        return (f"LSTMWindow(n_units={self.n_units}, learning_rate={self.learning_rate:g}, seed={self.seed}, "
                f"batch_size={self.batch_size},\n           max_steps={self.max_steps}, "
                f"check_every={self.check_every}, patience={self.patience}): {state}")


def lstm_choices(n_units=(4, 8), **settings):
    """{"4 units": ..., "8 units": ...}: functions making LSTMWindows that differ
    only in n_units (every other setting as given, or LSTMWindow's default), for
    lh.ValidationChoice to choose among by the validation period."""
    if isinstance(n_units, (str, bytes)) or not hasattr(n_units, "__iter__"):
        raise TypeError(f"n_units must be a list of layer sizes such as (4, 8), got {describe(n_units)}")
    sizes = [whole_number(n, "n_units", 1) for n in n_units]
    if not sizes:
        raise ValueError("n_units must hold at least one layer size")
    LSTMWindow(**settings)  # wrong settings fail here, named, not later inside a fit
    return {f"{n} units": functools.partial(LSTMWindow, n, **settings) for n in sizes}
