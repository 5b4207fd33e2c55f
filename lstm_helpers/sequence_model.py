"""A trainable sequence model: a layer, then one number per sequence.

    model = new_sequence_model("lstm", n_units=4, seed=0, forget_bias=5.0, input_bias=-3.0)
    model.predict(values)                      # (batch,): one prediction per sequence
    loss, gradients = model.loss_and_gradients(values, targets)   # mean squared error
    run = train_sequence_model(model, (values, targets), (val_values, val_targets),
                               max_steps=2000, learning_rate=0.01, patience=10)
    run.model                                  # the model with the lowest validation loss

The prediction is a linear read-out of the last short-term memory:
prediction = last_short_memory @ readout_weights + readout_bias. The layer (an
LSTMLayer or an RNNLayer) does the rest, and its `backward` carries the loss's
gradient back through every day (backpropagation through time, the whole batch at once).
"""

import time
from dataclasses import dataclass

import numpy as np

from ._checks import MAX_SEQUENCES, MAX_STEPS, describe, finite_array, fraction, function, real_number
from .layer_checks import check_seed, count, sequence_values
from .layers import LSTMLayer, RNNLayer, new_layer
from .lstm_math import dot


@dataclass(frozen=True, eq=False)
class SequenceModel:
    """A layer (LSTMLayer or RNNLayer) with a linear read-out of its last short-term memory.

    readout_weights (H,), readout_bias (a number): prediction = last short-term memory
    @ readout_weights + readout_bias, one number per sequence.
    """

    layer: object
    readout_weights: np.ndarray
    readout_bias: float

    def __post_init__(self):
        if not isinstance(self.layer, (LSTMLayer, RNNLayer)):
            raise TypeError(f"SequenceModel.layer must be an LSTMLayer or an RNNLayer, got {describe(self.layer)}")
        weights = finite_array(self.readout_weights, "SequenceModel.readout_weights")
        if weights.shape != (self.layer.n_units,):
            raise ValueError(f"SequenceModel.readout_weights must have shape (H,) = ({self.layer.n_units},), "
                             f"one weight per unit of the layer; got shape {weights.shape}")
        weights.setflags(write=False)
        object.__setattr__(self, "readout_weights", weights)
        bias = self.readout_bias
        if isinstance(bias, np.ndarray) and bias.shape == ():
            bias = bias.item()
        object.__setattr__(self, "readout_bias", real_number(bias, "SequenceModel.readout_bias"))

    @property
    def cell(self):
        """"lstm" or "rnn"."""
        return self.layer.cell

    @property
    def n_units(self):
        return self.layer.n_units

    @property
    def n_inputs(self):
        return self.layer.n_inputs

    def parameters(self):
        """Every trainable array: the layer's, then readout_weights, then readout_bias (0-d)."""
        return (*self.layer.parameters(), self.readout_weights, np.array(self.readout_bias))

    def with_parameters(self, arrays):
        """A model like this one holding `arrays` (in parameters() order)."""
        arrays = list(arrays)
        layer = type(self.layer).from_parameters(arrays[:-2])
        return SequenceModel(layer, arrays[-2], float(arrays[-1]))

    def run(self, values):
        """(the layer's run, predictions (batch,)) for values (days,), (days, batch) or (days, batch, I)."""
        layer_run = self.layer.unroll(values)
        return layer_run, dot(layer_run.last_short_memory, self.readout_weights[:, None])[:, 0] + self.readout_bias

    def predict(self, values):
        """One prediction per sequence: (batch,)."""
        return self.run(values)[1]

    def loss(self, values, targets):
        """The mean over the batch of (prediction - target) squared."""
        predictions = self.predict(values)
        return float(np.mean((predictions - _targets(targets, predictions.size)) ** 2))

    def loss_and_gradients(self, values, targets):
        """(mean squared error, its gradient with respect to every number, as a SequenceModel)."""
        layer_run, predictions = self.run(values)
        residuals = predictions - _targets(targets, predictions.size)
        d_predictions = 2.0 * residuals / residuals.size
        gradients = self._backward(layer_run, d_predictions)[0]
        return float(np.mean(residuals ** 2)), gradients

    def input_gradients(self, values):
        """d(prediction) / d(each day's input): (days, batch, I). How much each day, and each
        input of it, moves its own sequence's prediction."""
        layer_run, predictions = self.run(values)
        return self._backward(layer_run, np.ones_like(predictions))[1]

    def _backward(self, layer_run, d_predictions):
        last = layer_run.last_short_memory
        d_short = np.zeros_like(layer_run.short_memories)
        d_short[-1] = d_predictions[:, None] * self.readout_weights
        layer_gradients, d_values = self.layer.backward(layer_run, d_short)[:2]
        d_weights = dot(d_predictions, last)  # sum over the batch of d_prediction * last short-term memory
        gradients = SequenceModel(layer_gradients, d_weights, float(d_predictions.sum()))
        return gradients, d_values

    def finite_difference_gradients(self, values, targets, step=1e-6):
        """The same gradient estimated by nudging each number up and down: a check on
        loss_and_gradients that uses no calculus (slow: two runs per number)."""
        step = real_number(step, "step")
        arrays = [np.array(a, dtype=float) for a in self.parameters()]
        estimates = []
        for array in arrays:
            estimate = np.empty_like(array)
            for index in np.ndindex(array.shape):
                kept = array[index]
                array[index] = kept + step
                up = self.with_parameters(arrays).loss(values, targets)
                array[index] = kept - step
                down = self.with_parameters(arrays).loss(values, targets)
                array[index] = kept
                estimate[index] = (up - down) / (2 * step)
            estimates.append(estimate)
        return self.with_parameters(estimates)


def _targets(targets, batch):
    targets = finite_array(targets, "targets")
    if targets.shape != (batch,):
        raise ValueError(f"targets must hold one number per sequence, shape ({batch},), got shape {targets.shape}")
    return targets


def new_sequence_model(cell, n_units, n_inputs=1, seed=0, forget_bias=0.0, input_bias=0.0, recurrent_std=None):
    """A SequenceModel with seeded random numbers (see layers.new_layer): input weights N(0, 1),
    weights on the short-term memory N(0, 1/H) (or N(0, recurrent_std squared)), biases 0 (the
    LSTM's forget and input biases as given), and read-out weights N(0, 1/H) with read-out bias 0."""
    layer = new_layer(cell, n_units, n_inputs, seed, forget_bias, input_bias, recurrent_std)
    rng = np.random.default_rng([check_seed(seed), 1])  # a stream apart from the layer's
    return SequenceModel(layer, rng.normal(0.0, 1.0 / np.sqrt(n_units), n_units), 0.0)


def same_shapes(model, gradients):
    """Adam.step's check: gradients is a model of the same kind (a SequenceModel or a layer)
    whose arrays have the model's shapes."""
    for name, value in (("model", model), ("gradients", gradients)):
        if not callable(getattr(value, "parameters", None)) or not callable(getattr(value, "with_parameters", None)):
            raise TypeError(f"{name} must be a SequenceModel or a layer (with parameters()), got {describe(value)}")
    if type(gradients) is not type(model):
        raise TypeError(f"gradients must be a {type(model).__name__} like the model (from its backward pass), "
                        f"got {describe(gradients)}")
    shapes = [np.shape(a) for a in model.parameters()], [np.shape(a) for a in gradients.parameters()]
    if shapes[0] != shapes[1]:
        raise ValueError(f"gradients must have the model's shapes {shapes[0]}, got {shapes[1]}")


class Adam:
    """Adam, as PyTorch's torch.optim.Adam defines it (no weight decay, no amsgrad).

    Each number keeps a running mean m of its gradients and v of their squares; a step is
    learning_rate * m_hat / (sqrt(v_hat) + eps), with both means corrected for starting at 0.
    """

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        self.learning_rate = _positive(learning_rate, "learning_rate")
        self.beta1, self.beta2 = _fraction(beta1, "beta1"), _fraction(beta2, "beta2")
        self.eps = _positive(eps, "eps")
        self.steps_taken = 0
        self._m = self._v = None

    def step(self, model, gradients):
        """The model after one step downhill along `gradients` (a model of the same shape)."""
        same_shapes(model, gradients)
        params = [np.asarray(a, dtype=float) for a in model.parameters()]
        grads = [np.asarray(a, dtype=float) for a in gradients.parameters()]
        if self._m is None:
            self._m = [np.zeros_like(p) for p in params]
            self._v = [np.zeros_like(p) for p in params]
        self.steps_taken += 1
        t, b1, b2 = self.steps_taken, self.beta1, self.beta2
        step_size = self.learning_rate / (1.0 - b1 ** t)
        root_correction = np.sqrt(1.0 - b2 ** t)
        new = []
        for k, (p, g) in enumerate(zip(params, grads)):
            self._m[k] = b1 * self._m[k] + (1.0 - b1) * g
            self._v[k] = b2 * self._v[k] + (1.0 - b2) * g * g
            new.append(p - step_size * self._m[k] / (np.sqrt(self._v[k]) / root_correction + self.eps))
        return model.with_parameters(new)


def _positive(value, name):
    value = real_number(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be positive, got {value}")
    return value


def _fraction(value, name):
    return fraction(value, name, allow_zero=True)  # Adam's betas may be 0


@dataclass(frozen=True, eq=False)
class SequenceTraining:
    """What train_sequence_model returns.

    model: the model with the lowest validation loss (the last one without validation data);
    last_model: the model after the last step; steps: Adam steps taken;
    training_losses: each step's batch loss; check_steps, validation_losses: at each check;
    best_step: the step of `model`; stopped_because: "stop_when", "patience", "max_steps"
    or "diverged"; seconds: wall-clock time.
    """

    model: SequenceModel
    last_model: SequenceModel
    steps: int
    training_losses: np.ndarray
    check_steps: np.ndarray
    validation_losses: np.ndarray
    best_step: int
    stopped_because: str
    seconds: float


def _dataset(data, name, n_inputs):
    if callable(data):
        return data
    if not isinstance(data, (tuple, list)) or len(data) != 2:
        raise TypeError(f"{name} must be a pair (values, targets) or a function of (rng, batch_size), "
                        f"got {describe(data)}")
    values = sequence_values(data[0], n_inputs)
    return values, _targets(data[1], values.shape[1])


def _check_training(model, training_data, validation_data, patience, stop_when):
    """(training data or make_batch, validation pair or None), checked."""
    if not isinstance(model, SequenceModel):
        raise TypeError(f"model must be a SequenceModel (see new_sequence_model), got {describe(model)}")
    training = _dataset(training_data, "training_data", model.n_inputs)
    validation = None if validation_data is None else _dataset(validation_data, "validation_data", model.n_inputs)
    if callable(validation):
        raise TypeError("validation_data must be a pair (values, targets): it is scored the same way each check")
    if (patience is not None or stop_when is not None) and validation is None:
        raise ValueError("patience and stop_when look at the validation data: pass validation_data too")
    return training, validation


def _batches(training, batch_size, rng):
    """Endless (values, targets) batches: make_batch(rng, batch_size) if training is a function, else
    batch_size sequences at a time, in an order shuffled afresh (by rng) every pass."""
    order, used = np.empty(0, dtype=int), 0
    while True:
        if callable(training):
            yield training(rng, batch_size)
            continue
        if used + batch_size > order.size:
            order, used = rng.permutation(training[0].shape[1]), 0
        chosen = order[used: used + batch_size]
        used += batch_size
        yield training[0][:, chosen], training[1][chosen]


def train_sequence_model(model, training_data, validation_data=None, *, max_steps=1000, batch_size=64,
                         learning_rate=0.01, check_every=25, patience=None, stop_when=None, seed=0,
                         callback=None):
    """Train `model` with Adam on mean squared error, a batch of sequences per step.

    training_data: (values (days, n) or (days, n, I), targets (n,)), from which each step
      takes batch_size sequences, shuffled afresh every pass (seeded); or a function
      make_batch(rng, batch_size) -> (values, targets) that draws a fresh batch.
    validation_data: (values, targets), scored every check_every steps. Training stops early
      when stop_when(predictions, targets) says True, or after `patience` checks without a
      lower validation loss; otherwise after max_steps.
    callback(step, training_loss, validation_loss), if given, is called at every check.
    Limit: max_steps at most 100,000.
    """
    function(stop_when, "stop_when", allow_none=True)
    function(callback, "callback", allow_none=True)
    training, validation = _check_training(model, training_data, validation_data, patience, stop_when)
    max_steps = count(max_steps, "max_steps", 1, MAX_STEPS)
    batch_size = count(batch_size, "batch_size", 1, MAX_SEQUENCES)
    check_every = count(check_every, "check_every")
    patience = None if patience is None else count(patience, "patience")
    batches = _batches(training, batch_size, np.random.default_rng(check_seed(seed)))
    optimizer = Adam(learning_rate)
    start = time.perf_counter()
    losses, check_steps, validation_losses = [], [], []
    best, best_loss, best_step, since_best = model, np.inf, 0, 0
    stopped = "max_steps"
    for step in range(1, max_steps + 1):
        values, targets = next(batches)
        loss, gradients = model.loss_and_gradients(values, targets)
        losses.append(loss)
        if not np.isfinite(loss):
            stopped = "diverged"
            break
        model = optimizer.step(model, gradients)
        if step % check_every and step != max_steps:
            continue
        validation_loss = None
        if validation is not None:
            predictions = model.predict(validation[0])
            validation_loss = float(np.mean((predictions - validation[1]) ** 2))
            check_steps.append(step)
            validation_losses.append(validation_loss)
            if validation_loss < best_loss:
                best, best_loss, best_step, since_best = model, validation_loss, step, 0
            else:
                since_best += 1
        if callback is not None:
            callback(step, loss, validation_loss)
        if stop_when is not None and stop_when(predictions, validation[1]):
            stopped = "stop_when"
            break
        if patience is not None and since_best >= patience:
            stopped = "patience"
            break
    if validation is None:
        best, best_step = model, len(losses)
    return SequenceTraining(best, model, len(losses), np.array(losses), np.array(check_steps, dtype=int),
                            np.array(validation_losses), best_step, stopped, time.perf_counter() - start)

