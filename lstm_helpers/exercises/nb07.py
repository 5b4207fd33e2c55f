"""Notebook 07 (real prices): spotting the leak, an RMSE by hand, and what a scaler fitted on all
the data does to the linear model and to the LSTM. AAPL's daily log returns, windows of 20
days, validation from 2009, test from 2011, as notebook 07's setup cell sets them.

Every answer that needs a model fitted (q1, q3, q4) is a MeasuredChoice: measured when the
learner first checks it (q4 from the LSTM notebook 07 chose), never at import or setup."""

import math
from dataclasses import dataclass

import numpy as np

from ..forecasting import log_returns, time_split
from ..metrics import rmse
from ..prices import load_prices
from .engine import SAME, ExerciseSet, MeasuredChoice, NumberExercise
from .nb07_measures import leak_measured, linear_measured, split_measured

TICKER, N_DAYS = "AAPL", 20
VALIDATION_START, TEST_START = "2009-01-01", "2011-01-01"


@dataclass(frozen=True)
class Data:
    """What notebook 07's setup cell and section 3 compute: the dates, the returns and their split."""

    dates: np.ndarray
    returns: np.ndarray
    split: object

    @classmethod
    def load(cls):
        dates, prices = load_prices(TICKER)
        returns = log_returns(prices)
        split = time_split(dates[1:], returns, N_DAYS, validation_start=VALIDATION_START, test_start=TEST_START)
        return cls(dates, returns, split)


def q1(data):
    return MeasuredChoice(
        options=("A", "B", "C"),
        measure=lambda: split_measured(data.dates, data.returns, N_DAYS, TEST_START),
        hints=["A window holds 20 days in a row. Which of these splits could put a test day inside a training "
               "window?",
               "lh.shuffled_split and lh.leaked_targets count it for you; and ask which split trains on "
               "days that come after the ones it predicts."],
    )


def q2(data):
    five = [round(100 * v, 2) for v in data.split.test.targets[:5]]  # rounded as the notebook prints them
    by_hand = math.sqrt(sum(v * v for v in five) / 5)
    mean = sum(five) / 5
    return NumberExercise(
        expected=by_hand,
        decimals=2,
        mistakes=[
            (by_hand / 100, "that is the RMSE as a fraction; the returns are given in %, and so is the answer: "
             "multiply by 100."),
            (math.sqrt(sum(v * v for v in five) / 4), "that divides the sum of squares by 4; there are five "
             "days, so average over 5."),
            (sum(v * v for v in five) / 5, "that is the mean squared error; take its square root."),
            (sum(abs(v) for v in five) / 5, "that is the mean absolute error; square the misses, average, "
             "then take the square root."),
            (abs(mean), "that is the size of the average miss; positive and negative misses cancel in it, "
             "so square each miss first."),
            (math.sqrt(sum((v - mean) ** 2 for v in five) / 5), "that measures the misses around their "
             "average; the RMSE uses the misses themselves (prediction 0, so each miss is the return)."),
        ],
        hints=["Each day's miss is the actual return minus the prediction, and the prediction is 0.",
               "Square each of the five misses, average the squares, take the square root.",
               f"answer = math.sqrt(sum(v ** 2 for v in [{', '.join(f'{v:.2f}' for v in five)}]) / 5)"],
        solution=f"The misses are the returns themselves ({', '.join(f'{v:+.2f}' for v in five)}). Squared and "
        f"averaged: {sum(v * v for v in five) / 5:.4f}; its square root is {by_hand:.2f}%. Over the whole test "
        f"period lh.evaluate finds {100 * rmse(np.zeros(len(data.split.test)), data.split.test.targets):.2f}%.",
    )


def q3(data):
    return MeasuredChoice(
        options=("better", "worse", "the same"),
        synonyms=SAME,
        measure=lambda: linear_measured(data.split, data.returns),
        hints=["Run it: fit lh.LinearWindow(scaler=split.scaler()) and lh.LinearWindow(scaler=lh.Scaler.fit("
               "returns)) on split.train and compare lh.rmse of their predictions on split.test.",
               "A scaler subtracts one number and divides by another. Could a linear model with a bias undo that?"],
    )


def q4(data):
    return MeasuredChoice(
        options=("a", "b", "c", "d"),  # the sentences are in notebook 07, after "Your turn (q4)"
        measure=lambda lstm=None: leak_measured(data.split, data.returns, lstm),
        hints=["A linear model undoes a shift and a stretch. Can a model whose units pass their sums through "
               "sigmoid and tanh do the same?",
               "Fit lh.LSTMWindow(n_units=lstm.n_units, seed=0, scaler=lh.Scaler.fit(returns)) on split.train "
               "and split.validation, then compare its test predictions and its RMSE with those of `lstm`."],
    )


def exercises():
    data = Data.load()
    return ExerciseSet("07_real_prices", q1=q1(data), q2=q2(data), q3=q3(data), q4=q4(data))
