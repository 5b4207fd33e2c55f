"""Notebook 07's measured answers: q1 (which split leaks), q3 (a leaky scaler and the linear
model) and q4 (the same leak and the LSTM). Each fits models, so each runs when the learner
first checks its question, never at import; each returns (answer, reasons, solution)."""

import numpy as np

from ..baselines import LinearWindow, TrainingMean, ValidationChoice
from ..forecasting import leaked_targets, shuffled_split
from ..metrics import direction_accuracy, rmse, rmse_difference
from ..random_split import random_split_check
from ..scaler import Scaler
from ..lstm_window import LSTMWindow, lstm_choices


def _flattered(dates, returns, n_days, test_start):
    """Does a random split flatter the training mean, for the returns and for the sizes (section 3)?"""
    flattered = {}
    for label, series in (("returns", returns), ("sizes", np.abs(returns))):
        d = random_split_check(dates[1:], series, n_days, TrainingMean, test_start).difference
        flattered[label] = ("left the training mean's test RMSE no different beyond noise" if not d.beyond_noise
                            else f"{'lowered' if d.high < 0 else 'raised'} the training mean's test RMSE beyond "
                            "noise")
    return flattered


def split_measured(dates, returns, n_days, test_start):
    """q1: three splits of the windows of the whole series, each window dated by the day it predicts."""
    predicts = dates[1:][n_days:]
    starts = np.arange(len(predicts))
    in_order = (starts[predicts < np.datetime64("2009-01-01")], starts[predicts >= np.datetime64("2011-01-01")])
    shuffled = shuffled_split(len(starts), 0.2, seed=0)
    test_first = (starts[predicts >= np.datetime64("2002-01-01")], starts[predicts < np.datetime64("2002-01-01")])
    leaks = {name: leaked_targets(train, test, n_days)
             for name, (train, test) in (("A", in_order), ("B", shuffled), ("C", test_first))}
    tested = {"A": len(in_order[1]), "B": len(shuffled[1]), "C": len(test_first[1])}
    flattered = _flattered(dates, returns, n_days, test_start)
    reasons = {
        "A": f"A is honest: {leaks['A']} of its {tested['A']} test days appear in any training window, and "
        "every training window ends before the test period starts. Its first test windows reach back into "
        "2010 for their inputs, which is harmless: those days are already past when the prediction is "
        "made. The notebook keeps every window inside its own period all the same, the conservative "
        "choice: then each period is scored on its own days alone.",
        "B": f"B leaks: {leaks['B']} of its {tested['B']} test days sit inside some training window. "
        f"Neighbouring windows share {n_days - 1} days, so a random split leaves the windows just after a "
        "test window in training, and they hold the very day it predicts; and it trains on every year, "
        f"the test years included. Whether that flatters the score depends on the model and the data: in "
        f"section 3 the random split {flattered['returns']} for the returns, and {flattered['sizes']} for "
        "the sizes of the moves. You cannot know in advance, so a random split is never the honest test.",
        "C": f"C leaks: the model learns from 2002 onwards to predict 2000-2001, so it is trained on the "
        f"future of the days it predicts, and {leaks['C']} of its {tested['C']} test days are inputs of "
        "the first training windows.",
    }
    solution = (f"A. Shuffling (B) puts {leaks['B']} of {tested['B']} test days inside training windows; testing "
                f"on the past (C) trains on the future and still leaks {leaks['C']} days. Only A keeps every "
                "training day before every tested day.")
    return "A", reasons, solution


LINEAR_WHY = {
    "the same": " A linear model with a bias undoes any shift and stretch of its inputs and its target, so "
    "the scaler cannot change its predictions. The leak is still a leak: a model that is not linear, like the "
    "LSTM with its tanh and sigmoid, responds to the scale itself, so for it the check must be run again (q4).",
    "better": " The leaky scaler let the model see how large the test years' moves are: an advantage it "
    "would not have in real use.",
    "worse": " Here the leak happened to hurt; a leak can push the score either way, and either way the "
    "test no longer measures what real use would see.",
}
LINEAR_HAPPENED = {
    "the same": "the leak changed nothing: the linear model made the same predictions with either "
    "scaler, so its test score did not move",
    "better": "the leak made the linear model's test errors smaller",
    "worse": "the leak made the linear model's test errors larger",
}


def linear_measured(split, returns):
    """q3: the linear model with an honest scaler and with one that has seen the test years."""
    outcomes = {}
    for label, scaler in (("honest", split.scaler()), ("leaky", Scaler.fit(returns))):
        predicted = LinearWindow(scaler=scaler).fit(split.train).predict(split.test.inputs)
        outcomes[label] = (rmse(predicted, split.test.targets), direction_accuracy(predicted, split.test.targets))
    (honest_rmse, honest_dir), (leaky_rmse, leaky_dir) = outcomes["honest"], outcomes["leaky"]
    if abs(leaky_rmse - honest_rmse) <= 1e-9 * honest_rmse and leaky_dir == honest_dir:
        effect = "the same"
    else:
        effect = "better" if leaky_rmse < honest_rmse else "worse"
    measured = (f"with the scaler fitted on all the data the test RMSE is {100 * leaky_rmse:.4f}% a day and the "
                f"direction is right on {leaky_dir.value:.1%} of days; fitted on the training years only, "
                f"{100 * honest_rmse:.4f}% and {honest_dir.value:.1%}.")
    why = LINEAR_WHY[effect]
    reasons = {option: measured[0].upper() + measured[1:] + why if option == effect
               else f"{LINEAR_HAPPENED[effect]}. In numbers: {measured}"
               for option in ("better", "worse", "the same")}
    return effect, reasons, f"{effect.capitalize()}: {measured}{why}"


LSTM_WHY = {
    "a": " The LSTM gave exactly the same numbers here.",
    "b": " The LSTM's sigmoid and tanh answer to the size of their inputs, so a different scaler trains a "
    "different model; on this test period the difference is lost in the noise. That is no excuse for the "
    "leak: the test would no longer measure what real use would see.",
    "c": " The leaky scaler told the LSTM how large the test years' moves are, and it used that: an "
    "advantage it would not have in real use.",
    "d": " Here the leak happened to hurt; a leak can push the score either way, and either way the test "
    "no longer measures what real use would see.",
}
NOT_SO = {"a": "the predictions did change", "b": "the change in the errors is beyond noise",
          "c": "the errors are not clearly smaller", "d": "the errors are not clearly larger"}


def _honest_lstm(split, lstm):
    """The LSTM the validation period chose: the notebook's own `lstm` when given, else chosen here as
    notebook 07 chooses it (among lstm_choices(), seed 0)."""
    if lstm is None:
        return ValidationChoice(lstm_choices()).fit(split.train, split.validation).model
    if not isinstance(lstm, LSTMWindow) or lstm.training is None:
        raise TypeError("lstm must be the fitted LSTMWindow the validation period chose (lstm = chosen.model "
                        f"in section 6), got {type(lstm).__name__}")
    return lstm


def _same_settings(lstm, scaler):
    """A fresh LSTMWindow with every setting of `lstm` but the scaler."""
    return LSTMWindow(n_units=lstm.n_units, scaler=scaler, max_steps=lstm.max_steps, batch_size=lstm.batch_size,
                      learning_rate=lstm.learning_rate, check_every=lstm.check_every, patience=lstm.patience,
                      seed=lstm.seed)


def leak_measured(split, returns, lstm=None):
    """q4: the chosen LSTM's test predictions, and those of the same LSTM trained with a scaler fitted
    on all the data. `lstm` is notebook 07's chosen LSTMWindow; without it, it is chosen again here."""
    chosen = _honest_lstm(split, lstm)
    actual = split.test.targets
    honest = chosen.predict(split.test.inputs)
    leaky = _same_settings(chosen, Scaler.fit(returns)).fit(split.train, split.validation).predict(split.test.inputs)
    change = rmse_difference(leaky, honest, actual)
    largest = float(np.max(np.abs(leaky - honest)))
    leak = "a" if largest == 0 else "b" if not change.beyond_noise else "c" if change.high < 0 else "d"
    measured = (f"the largest change in any predicted return is {100 * largest:.4f}%; the test RMSE goes from "
                f"{100 * rmse(honest, actual):.4f}% a day (scaler from the training years) to "
                f"{100 * rmse(leaky, actual):.4f}% (from all the data), a change of {100 * change.estimate:+.4f} "
                f"points with a 95% interval of [{100 * change.low:+.4f}, {100 * change.high:+.4f}].")
    moved = ("the predictions did not change at all" if largest == 0
             else f"the predictions changed, by up to {100 * largest:.4f}% in a day's return")
    errors = (f"the test RMSE {'fell' if change.estimate < 0 else 'rose'} by {abs(100 * change.estimate):.4f} "
              f"points, and its 95% interval [{100 * change.low:+.4f}, {100 * change.high:+.4f}] "
              + ("excludes 0: beyond noise" if change.beyond_noise else "includes 0: within noise"))
    reasons = {option: (measured[0].upper() + measured[1:] + LSTM_WHY[leak] if option == leak
                        else f"{NOT_SO[option]}. {moved[0].upper() + moved[1:]}; {errors}.")
               for option in LSTM_WHY}
    return leak, reasons, f"({leak}): {measured}{LSTM_WHY[leak]}"
