"""lstm_helpers: the math, pictures and widgets behind the LSTM course."""

from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .data import COMPANY_A, COMPANY_B
from .exercises import ____
from .layers import LayerGate, LSTMLayer, LSTMLayerRun, RNNLayer, RNNLayerRun, new_layer
from .lstm import EXAMPLE_PARAMS, Gate, LSTMParams, LSTMStep, Unrolled, lstm_step, unroll
from .prices import load_prices, price_source, price_tickers
from .questions import exercises_for
from .rnn import BasicRNN, RNNRun, gradient_scale
from .sequence_model import Adam, SequenceModel, SequenceTraining, new_sequence_model, train_sequence_model
from .setup_check import check_setup
from .training import UNTRAINED_PARAMS, TrainingRun, finite_difference_gradients, loss_and_gradients, train_lstm

__all__ = [
    "Adam",
    "BasicRNN",
    "COMPANY_A",
    "COMPANY_B",
    "EXAMPLE_PARAMS",
    "Gate",
    "LSTMLayer",
    "LSTMLayerRun",
    "LSTMParams",
    "LSTMStep",
    "LayerGate",
    "RNNLayer",
    "RNNLayerRun",
    "RNNRun",
    "SequenceModel",
    "SequenceTraining",
    "TrainingRun",
    "UNTRAINED_PARAMS",
    "Unrolled",
    "____",
    "check_setup",
    "exercises_for",
    "finite_difference_gradients",
    "gradient_scale",
    "load_prices",
    "loss_and_gradients",
    "lstm_step",
    "new_layer",
    "new_sequence_model",
    "price_source",
    "price_tickers",
    "sigmoid",
    "sigmoid_derivative",
    "tanh",
    "tanh_derivative",
    "train_lstm",
    "train_sequence_model",
    "unroll",
]
