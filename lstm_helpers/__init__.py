"""lstm_helpers: the math, pictures and widgets behind the LSTM course."""

from . import origin as _origin
from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .baselines import (
    BASELINES, SIZE_BASELINES, LastValue, LinearWindow, TrainingMean, ValidationChoice, ValidationMean, WindowMean,
    ZeroReturn,
)
from .data import COMPANY_A, COMPANY_B
from .exercises import ____, exercises_for
from .evaluation import evaluate
from .forecasting import (
    autocorrelation, leaked_targets, log_returns, make_windows, noise_band, shuffled_split, time_split,
)
from .guessing import GuessResult, guess, two_values_data, two_values_experiment
from .latching import MemoryCheck, memory_check
from .layers import LayerGate, LSTMLayer, LSTMLayerRun, RNNLayer, RNNLayerRun, new_layer
from .long_lag import (
    GradientByLag, LongLagResult, experiment_settings, first_day_influence, forget_gate_product, gradient_by_lag,
    long_lag_data, long_lag_experiment, stretched_companies, untrained_readout_accuracy,
)
from .lstm import EXAMPLE_PARAMS, Gate, LSTMParams, LSTMStep, Unrolled, lstm_step, unroll
from .lstm_window import LSTMWindow, lstm_choices
from .metrics import direction_accuracy, r_squared, rmse, wilson_interval
from .prices import load_prices, price_source, price_tickers
from .random_split import random_split_check
from .rnn import BasicRNN, RNNRun, gradient_scale
from .scaler import Scaler
from .sequence_model import Adam, SequenceModel, SequenceTraining, new_sequence_model, train_sequence_model
from .setup_check import check_setup
from .success_table import LongLagTable, long_lag_table
from .training import UNTRAINED_PARAMS, TrainingRun, finite_difference_gradients, loss_and_gradients, train_lstm
from .walk_forward import walk_forward

__all__ = [
    "Adam",
    "BASELINES",
    "BasicRNN",
    "COMPANY_A",
    "COMPANY_B",
    "EXAMPLE_PARAMS",
    "Gate",
    "GradientByLag",
    "GuessResult",
    "LSTMLayer",
    "LSTMLayerRun",
    "LSTMParams",
    "LSTMStep",
    "LSTMWindow",
    "LastValue",
    "LayerGate",
    "LinearWindow",
    "LongLagResult",
    "LongLagTable",
    "MemoryCheck",
    "RNNLayer",
    "RNNLayerRun",
    "RNNRun",
    "SIZE_BASELINES",
    "Scaler",
    "SequenceModel",
    "SequenceTraining",
    "TrainingMean",
    "TrainingRun",
    "UNTRAINED_PARAMS",
    "Unrolled",
    "ValidationChoice",
    "ValidationMean",
    "WindowMean",
    "ZeroReturn",
    "____",
    "autocorrelation",
    "check_setup",
    "direction_accuracy",
    "evaluate",
    "exercises_for",
    "experiment_settings",
    "finite_difference_gradients",
    "first_day_influence",
    "forget_gate_product",
    "gradient_by_lag",
    "gradient_scale",
    "guess",
    "leaked_targets",
    "load_prices",
    "log_returns",
    "long_lag_data",
    "long_lag_experiment",
    "long_lag_table",
    "loss_and_gradients",
    "lstm_choices",
    "lstm_step",
    "make_windows",
    "memory_check",
    "new_layer",
    "new_sequence_model",
    "noise_band",
    "price_source",
    "price_tickers",
    "r_squared",
    "random_split_check",
    "rmse",
    "shuffled_split",
    "sigmoid",
    "sigmoid_derivative",
    "stretched_companies",
    "tanh",
    "tanh_derivative",
    "time_split",
    "train_lstm",
    "train_sequence_model",
    "two_values_data",
    "two_values_experiment",
    "unroll",
    "untrained_readout_accuracy",
    "walk_forward",
    "wilson_interval",
]

_origin.check_origin()  # warn if the notebooks came with a different copy of this package
