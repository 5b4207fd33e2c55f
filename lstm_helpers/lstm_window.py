"""The course's LSTM layer as a forecasting model: it reads a window day by day and predicts
the next day, with the same fit(train, validation) and predict(inputs) as the baselines.

    make_lstm = lambda: lh.LSTMWindow(n_units=8, seed=0)
    results = lh.evaluate({**lh.BASELINES, "LSTM": make_lstm}, split)

Training is notebook 06's: backpropagation through time and Adam, in numpy
(train_sequence_model). Inputs and targets are scaled with a Scaler fitted on the training
period alone; the validation period serves only to pick the step to keep (early stopping);
the test period is never shown to fit. The same seed gives the same model.
"""

import functools

import numpy as np

from ._checks import _describe, real_number, whole_number
from .forecasting import Period, Scaler, _inputs, _period
from .sequence_model import new_sequence_model, train_sequence_model


class LSTMWindow:
    """An LSTM layer of n_units reading each window's days in order, then a linear read-out of
    its last short-term memory: tomorrow's value.

    scaler: None fits one on the training period's values (honest); pass one to see what a
    different scaler does. Training: Adam on mean squared error, batch_size windows a step,
    at most max_steps steps; every check_every steps the validation loss is measured, the
    weights with the lowest one are kept, and training stops after `patience` checks without
    a new lowest. After fit: .training (the SequenceTraining, with every loss) and .scaler.
    """

    name = "LSTM"

    def __init__(self, n_units=8, *, scaler=None, max_steps=2000, batch_size=64, learning_rate=0.005,
                 check_every=25, patience=10, seed=0):
        if scaler is not None and not isinstance(scaler, Scaler):
            raise TypeError(f"scaler must be None or a Scaler (such as split.scaler()), got {_describe(scaler)}")
        self.n_units = whole_number(n_units, "n_units", 1)
        self.max_steps = whole_number(max_steps, "max_steps", 1)
        self.batch_size = whole_number(batch_size, "batch_size", 1)
        self.check_every = whole_number(check_every, "check_every", 1)
        self.patience = whole_number(patience, "patience", 1)
        self.learning_rate = real_number(learning_rate, "learning_rate")
        if self.learning_rate <= 0:
            raise ValueError(f"learning_rate must be above 0, got {self.learning_rate}")
        self.seed = whole_number(seed, "seed", 0)
        self._given_scaler = scaler
        self.scaler = scaler
        self.train_mean = None
        self.training = None

    def _sequences(self, inputs):
        """(days, windows) scaled values: the layer reads day by day, every window at once."""
        return self.scaler.transform(inputs).T

    def fit(self, train, validation=None):
        """Train on train's windows; validation (a Period or None) only chooses the step to keep."""
        train = _period(train, "train")
        if validation is not None:
            validation = _period(validation, "validation")
        self.scaler = self._given_scaler if self._given_scaler is not None else Scaler.fit(train.values)
        self.train_mean = float(np.mean(train.values))
        training_data = (self._sequences(train.inputs), self.scaler.transform(train.targets))
        self._n_windows = len(train)
        validation_data = None
        if validation is not None:
            validation_data = (self._sequences(validation.inputs), self.scaler.transform(validation.targets))
        model = new_sequence_model("lstm", self.n_units, seed=self.seed)
        self.training = train_sequence_model(
            model, training_data, validation_data, max_steps=self.max_steps, batch_size=self.batch_size,
            learning_rate=self.learning_rate, check_every=self.check_every,
            patience=self.patience if validation is not None else None, seed=self.seed)
        return self

    def predict(self, inputs):
        """One prediction per window (rows of inputs), in the series' own units."""
        if self.training is None:
            raise ValueError("fit the model on a training period before predict")
        scaled = self.training.model.predict(self._sequences(_inputs(inputs)))
        return self.scaler.inverse(scaled)

    def flat_loss(self, period):
        """The loss (in scaled units, as in .training) of always predicting the training mean on
        `period`'s windows: the level of a model that learned nothing about the days."""
        if self.training is None:
            raise ValueError("fit the model on a training period before flat_loss")
        period = _period(period, "period")
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


def lstm_choices(n_units=(4, 8, 16), **settings):
    """{"4 units": ..., "8 units": ..., "16 units": ...}: functions making LSTMWindows that differ
    only in n_units (every other setting as given, or LSTMWindow's default), for
    lh.ValidationChoice to choose among by the validation period."""
    if isinstance(n_units, (str, bytes)) or not hasattr(n_units, "__iter__"):
        raise TypeError(f"n_units must be a list of layer sizes such as (4, 8, 16), got {_describe(n_units)}")
    sizes = [whole_number(n, "n_units", 1) for n in n_units]
    if not sizes:
        raise ValueError("n_units must hold at least one layer size")
    LSTMWindow(**settings)  # wrong settings fail here, named, not later inside a fit
    return {f"{n} units": functools.partial(LSTMWindow, n, **settings) for n in sizes}
