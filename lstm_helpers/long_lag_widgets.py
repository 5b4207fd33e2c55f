"""Notebook 06's live pieces: the forget-bias slider and the training runs with progress bars."""

import ipywidgets as w

from .figures import LiveFigure
from .long_lag import experiment_settings, long_lag_experiment
from .long_lag_plots import gradient_by_lag_figure
from ._checks import in_range, one_of, seed as seed_check, sequence_of, whole_number
from .widgets import _live_slider


class GradientByLagExplorer:
    """Sliders for the LSTM's forget-gate and input-gate biases at the start of training; the
    LSTM's gradient-against-lag curve and its forget-gate product follow them live.

    Only the LSTM's lines are redrawn (LiveFigure), fast enough to follow a drag."""

    def __init__(self, forget_bias=5.0, input_bias=-3.0):
        forget_bias = in_range(forget_bias, "forget_bias", -2.0, 8.0, step=0.5)
        input_bias = in_range(input_bias, "input_bias", -6.0, 3.0, step=0.5)
        self.forget_bias = _live_slider("forget-gate bias", -2.0, 8.0, forget_bias, step=0.5)
        self.input_bias = _live_slider("input-gate bias", -6.0, 3.0, input_bias, step=0.5)
        fig, self._move_to = gradient_by_lag_figure(forget_bias, input_bias)
        self.rnn = fig.rnn
        moved, self.lstm = self._move_to(forget_bias, input_bias)
        self._live = LiveFigure(fig, moved)
        self.readout = w.HTML(layout=w.Layout(min_height="3em"))
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.readout.add_class("lstm-view")
        self.image.add_class("lstm-view")
        controls = [self.forget_bias, self.input_bias]
        for control in controls:
            control.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([w.HBox(controls), self.readout, self.image])
        self.update()

    def update(self):
        _, self.lstm = self._move_to(self.forget_bias.value, self.input_bias.value)
        png = self._live.png()  # everything is computed before anything on screen changes
        self.readout.value = readout_text(self.lstm, self.rnn)
        self.image.value = png

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def readout_text(lstm, rnn):
    """One line saying what the curves show at the longest lag, numbers computed."""
    last = len(lstm.lags)
    return (f"<b>Forget bias {lstm.forget_bias:g}, input bias {lstm.input_bias:g}, at {last} days:</b> "
            f"|d prediction / d day 1| is {lstm.gradients[-1]:.2g} for the LSTM ({rnn.gradients[-1]:.2g} for the "
            f"RNN). Over days 2-{last} the forget gates keep {lstm.forget_products[-1]:.2g} of day 1's long-term "
            f"memory, and the largest long-term memory reaches {lstm.largest_long_memory:.2g} "
            "(medians over 20 untrained models).")


def train_with_progress(n_days, seed=0, cells=("lstm", "rnn"), **overrides):
    """long_lag_experiment for each cell at n_days, one after the other, each with a progress bar
    and its validation accuracy as it goes. Shows the bars; returns {cell: LongLagResult}.
    Nothing shown depends on time, so a rebuilt notebook stores the same widgets."""
    cells = [one_of(c, "cells", ("lstm", "rnn")) for c in sequence_of(cells, "cells", "'lstm' or 'rnn'", 2)]
    for cell in cells:
        experiment_settings(cell, **overrides)  # wrong settings fail here, before any bar is drawn
    whole_number(n_days, "n_days", 1, 1000)
    seed_check(seed)
    from IPython.display import display

    bars, labels = {}, {}
    for cell in cells:
        settings = experiment_settings(cell, **overrides)
        bars[cell] = w.IntProgress(min=0, max=settings["max_steps"], style={"bar_color": "#0072B2"},
                                   layout=w.Layout(width="320px"))
        labels[cell] = w.HTML(f"<b>{cell.upper()}</b>: waiting")
    display(w.VBox([w.HBox([bars[cell], labels[cell]]) for cell in cells]))
    results = {}
    for cell in cells:
        bar, label = bars[cell], labels[cell]

        def progress(step, loss, validation_accuracy, bar=bar, label=label, cell=cell):
            bar.value = step
            label.value = f"<b>{cell.upper()}</b>: step {step}, validation accuracy {validation_accuracy:.2f}"

        result = long_lag_experiment(cell, n_days, seed, callback=progress, **overrides)
        bar.value = result.steps  # a run that stopped early shows how far it got
        label.value = (f"<b>{cell.upper()}</b>: {'solved' if result.solved else 'not solved'} after {result.steps} "
                       f"steps, test accuracy {result.test_accuracy:.2f}")
        results[cell] = result
    return results
