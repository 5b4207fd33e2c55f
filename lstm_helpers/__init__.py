"""lstm_helpers: the math, pictures and widgets behind the LSTM course."""

from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .data import COMPANY_A, COMPANY_B
from .exercises import ____
from .lstm import EXAMPLE_PARAMS, Gate, LSTMParams, LSTMStep, Unrolled, lstm_step, unroll
from .questions import exercises_for
from .rnn import BasicRNN, RNNRun, gradient_scale
from .setup_check import check_setup
from .training import UNTRAINED_PARAMS, TrainingRun, finite_difference_gradients, loss_and_gradients, train_lstm

__all__ = [
    "BasicRNN",
    "COMPANY_A",
    "COMPANY_B",
    "EXAMPLE_PARAMS",
    "Gate",
    "LSTMParams",
    "LSTMStep",
    "RNNRun",
    "TrainingRun",
    "UNTRAINED_PARAMS",
    "Unrolled",
    "____",
    "check_setup",
    "exercises_for",
    "finite_difference_gradients",
    "gradient_scale",
    "loss_and_gradients",
    "lstm_step",
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
    "train_lstm",
    "unroll",
]
