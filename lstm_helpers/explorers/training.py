"""Notebook 05's live pieces: training with a progress bar, and the learning-rate explorer."""

import re

import ipywidgets as w
import numpy as np

from .._checks import one_of, whole_number
from ..lstm import unroll
from ..pictures.chart import Chart
from ..pictures.colours import BLUE, ORANGE
from ..pictures.figure import figure_png, text_alternative
from ..pictures.training import plot_loss_history
from ..training import MAX_EPOCHS, train_lstm
from .base import Explorer, Progress, control_layout, png_html


def train_with_progress(sequences, targets, params, epochs, learning_rate=0.001, redraw_every=250, **options):
    """train_lstm with a progress bar and a loss curve redrawn as it learns (notebook 05); shows
    both and returns the TrainingRun."""
    from IPython.display import display

    epochs = whole_number(epochs, "epochs", 1, MAX_EPOCHS)
    redraw_every = whole_number(redraw_every, "redraw_every", 1)
    progress_bar = Progress(epochs, "training: epoch 0")
    curve = w.HTML(layout=w.Layout(width="100%"))
    display(w.VBox([progress_bar.widget, curve]))
    losses = []

    def progress(epoch, loss):
        losses.append((epoch, loss))
        redraw = epoch % redraw_every == 0 or epoch == epochs
        progress_bar.show(epoch, f"training: epoch {epoch}", f"epoch {epoch} of {epochs}, loss {loss:.3g}"
                          if redraw else None)
        if redraw:
            history = np.full(epoch, np.nan)
            for e, value in losses:
                history[e - 1] = value
            fig = plot_loss_history({f"learning rate {learning_rate}": history})
            curve.value = png_html(figure_png(fig), text_alternative(fig))

    return train_lstm(sequences, targets, params, epochs, learning_rate, callback=progress, callback_every=50,
                      **options)


class LearningRateExplorer(Explorer):
    """Train from the same start at each learning rate on the slider, and compare with the source's 0.001.

    Every rate is trained once, when the explorer is made (a second or two); moving the slider
    then only swaps in that rate's readout and chart, so it follows a drag."""

    RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
    MAX_EPOCHS = 5000  # eight rates are trained up front: 5000 epochs each take a few seconds in all

    def __init__(self, sequences, targets, params, epochs=1000, learning_rate=0.1):
        epochs = whole_number(epochs, "epochs", 1, self.MAX_EPOCHS)
        learning_rate = one_of(learning_rate, "learning_rate", self.RATES)
        self.data, self.start, self.epochs = (sequences, targets), params, epochs
        self.runs = {rate: train_lstm(sequences, targets, params, epochs, rate) for rate in self.RATES}
        self.baseline = self.runs[0.001].loss_history
        self._ylim = _loss_limits([run.loss_history for run in self.runs.values()])
        self.frames = {rate: (self._readout(rate), self._chart(rate)) for rate in self.RATES}
        self.rate = w.SelectionSlider(options=self.RATES, value=learning_rate, description="learning rate",
                                      continuous_update=True, style={"description_width": "initial"},
                                      layout=control_layout())
        self.view = w.HTML(layout=w.Layout(width="100%"))
        self.view.add_class("lstm-view")
        self.rate.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.rate, self.view, self.make_status()])
        self.update()

    def _readout(self, rate):
        run = self.runs[rate]
        history = run.loss_history
        finite = history[np.isfinite(history)]
        reached = np.flatnonzero(history < 0.01)
        when = (f"loss below 0.01 after {reached[0] + 1} epochs" if reached.size
                else f"loss never below 0.01 in {self.epochs} epochs")
        if run.diverged:
            return (f"<b>learning rate {rate:g}:</b> {when}; the numbers overflowed and training diverged "
                    f"at epoch {run.diverged_at}")
        predictions = [unroll(s, run.params).prediction for s in self.data[0]]
        return (f"<b>learning rate {rate:g}:</b> {when}; final loss {finite[-1]:.3g}; "
                "predictions " + ", ".join(f"{p:.2f}" for p in predictions))

    def _chart(self, rate):
        chart = Chart(title=f"{self.epochs} epochs of Adam from the same start", xlabel="epoch",
                      ylabel="total loss (log scale)", xlim=(0, self.epochs), ylim=self._ylim, ylog=True,
                      integer_x=True, legend_width=265)
        epochs = np.arange(1, self.epochs + 1)
        if rate != 0.001:
            chart.line(epochs, self.baseline, ORANGE, label="learning rate 0.001 (source)", dash="7,4")
        chart.line(epochs, self.runs[rate].loss_history, BLUE,
                   label=f"learning rate {rate:g}" + (" (source)" if rate == 0.001 else ""), width=2.6)
        final = self.baseline[np.isfinite(self.baseline)]
        chart.description = (f"Total loss per epoch, log scale, at learning rate {rate:g} beside the source's 0.001 "
                             f"(final loss {final[-1]:.3g}). " + re.sub("<[^>]+>", "", self._readout(rate)) + ".")
        return chart.svg()

    def update(self):
        text, svg = self.frames[self.rate.value]
        self.view.value = f'<div style="min-height:2.8em;font-size:14px">{text}</div>' + svg
        self.say(re.sub("<[^>]+>", "", text))



def _loss_limits(histories):
    """Log-axis limits (whole powers of ten) that hold every finite, positive loss of every run,
    so the axis stays put as the slider moves from one rate to another."""
    values = np.concatenate([np.asarray(h, float) for h in histories])
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return (1e-3, 1.0)
    low, high = np.log10(max(values.min(), 1e-12)), np.log10(values.max())
    return (10.0 ** np.floor(low), 10.0 ** max(np.ceil(high), np.floor(low) + 1))
