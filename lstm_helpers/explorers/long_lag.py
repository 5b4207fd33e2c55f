"""Notebook 06's live pieces: the forget-bias slider and the training runs with progress bars."""

import re

import ipywidgets as w

from .._checks import in_range, one_of, seed as seed_check, sequence_of, whole_number
from ..long_lag import experiment_settings, long_lag_experiment
from ..pictures.colours import BLUE
from ..pictures.figure import LiveFigure
from ..pictures.long_lag import describe_gradient_by_lag, gradient_by_lag_figure
from .base import Explorer, Progress, live_slider, png_html, row, slider_value


class GradientByLagExplorer(Explorer):
    """Sliders for the LSTM's forget-gate and input-gate biases at the start of training; the
    LSTM's gradient-against-lag curve and its forget-gate product follow them live (notebook 06).

    Only the LSTM's lines are redrawn (LiveFigure), fast enough to follow a drag."""

    def __init__(self, forget_bias=5.0, input_bias=-3.0):
        forget_bias = in_range(forget_bias, "forget_bias", -2.0, 8.0, step=0.5)
        input_bias = in_range(input_bias, "input_bias", -6.0, 3.0, step=0.5)
        self.forget_bias = live_slider("forget-gate bias", -2.0, 8.0, forget_bias, step=0.5)
        self.input_bias = live_slider("input-gate bias", -6.0, 3.0, input_bias, step=0.5)
        fig, self._move_to = gradient_by_lag_figure(forget_bias, input_bias)
        self.rnn = fig.rnn
        moved, self.lstm = self._move_to(forget_bias, input_bias)
        self._live = LiveFigure(fig, moved)
        self.readout = w.HTML(layout=w.Layout(min_height="3em"))
        self.image = w.HTML(layout=w.Layout(width="100%"))
        self.readout.add_class("lstm-view")
        self.image.add_class("lstm-view")
        controls = [self.forget_bias, self.input_bias]
        for control in controls:
            control.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([row(controls), self.readout, self.image, self.make_status()])
        self.update()

    def update(self):
        # rounded to the sliders' steps: a slider's float steps would show "-8.88178e-16" for 0
        _, self.lstm = self._move_to(slider_value(self.forget_bias), slider_value(self.input_bias))
        self.png = self._live.png()  # everything is computed before anything on screen changes
        self.readout.value = readout_text(self.lstm, self.rnn)
        self.image.value = png_html(self.png, describe_gradient_by_lag(self.lstm, self.rnn))
        self.say(re.sub("<[^>]+>", "", self.readout.value))


def readout_text(lstm, rnn):
    """One line saying what the curves show at the longest lag, numbers computed."""
    last = len(lstm.lags)
    return (f"<b>Forget bias {lstm.forget_bias:g}, input bias {lstm.input_bias:g}, at {last} days:</b> "
            f"|d prediction / d day 1| is {lstm.gradients[-1]:.2g} for the LSTM ({rnn.gradients[-1]:.2g} for the "
            f"RNN). Over days 2-{last} the forget gates keep {lstm.forget_products[-1]:.2g} of day 1's long-term "
            f"memory, and the largest long-term memory reaches {lstm.largest_long_memory:.2g} "
            "(medians over 20 untrained models).")


def long_lag_with_progress(n_days, seed=0, cells=("lstm", "rnn"), **overrides):
    """long_lag_experiment for each cell at n_days, one after the other, each with a progress bar
    and its validation accuracy as it goes (notebook 06). Shows the bars; returns {cell: LongLagResult}.
    Nothing shown depends on time, so a rebuilt notebook stores the same widgets."""
    cells = [one_of(c, "cells", ("lstm", "rnn")) for c in sequence_of(cells, "cells", "'lstm' or 'rnn'", 2)]
    for cell in cells:
        experiment_settings(cell, **overrides)  # wrong settings fail here, before any bar is drawn
    whole_number(n_days, "n_days", 1, 1000)
    seed_check(seed)
    from IPython.display import display

    bars = {cell: Progress(experiment_settings(cell, **overrides)["max_steps"], f"{cell.upper()} training", BLUE)
            for cell in cells}
    for cell, bar in bars.items():
        bar.show(0, words=f"{cell.upper()}: waiting")
    display(w.VBox([bar.widget for bar in bars.values()]))
    results = {}
    for cell, bar in bars.items():
        def progress(step, loss, validation_accuracy, bar=bar, cell=cell):
            bar.show(step, words=f"{cell.upper()}: step {step}, validation accuracy {validation_accuracy:.2f}")

        result = long_lag_experiment(cell, n_days, seed, callback=progress, **overrides)
        # a run that stopped early shows how far it got
        bar.show(result.steps, words=f"{cell.upper()}: {'solved' if result.solved else 'not solved'} after "
                                     f"{result.steps} steps, test accuracy {result.test_accuracy:.2f}")
        results[cell] = result
    return results
