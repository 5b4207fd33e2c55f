"""Interactive explorers: sliders, a figure and a readout of the numbers.

Each explorer keeps its controls as attributes and does its work in
`update()`, so tests can set a slider to any value and read what changed.
Leave an explorer as a cell's value to show it.
"""

import ipywidgets as w
import numpy as np

from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .data import COMPANY_A, COMPANY_B
from .diagrams import DaysTable, lstm_unit_svg, stage_explanation, step_table_html, unrolled_svg
from .figures import LiveFigure, figure_png
from .lstm import EXAMPLE_PARAMS, GATE_NAMES, Gate, LSTMParams, lstm_step, unroll
from .plots import activation_figure, gradient_contributions, plot_gradient_contributions, plot_loss_history, verdict
from .training import train_lstm


class Explorer:
    """Controls on top, the readout, then the figure; update() redraws after any change."""

    def __init__(self, controls):
        self.controls = controls
        self.readout = w.HTML(layout=w.Layout(min_height="3em"))
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        for control in controls:
            control.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([w.HBox(controls), self.readout, self.image])
        self.update()

    def update(self):
        text, fig = self.compute()
        self.readout.value = text
        self.image.value = figure_png(fig)

    def compute(self):
        """(readout html, figure) for the current control values."""
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _slider(kind, description, **kwargs):
    """A wide slider that redraws when released or moved by a key: a matplotlib redraw
    takes a few tenths of a second, so redrawing during a drag would queue up."""
    style = {"description_width": "initial"}
    return kind(description=description, style=style, layout=w.Layout(width="420px"),
                continuous_update=False, **kwargs)


class ActivationExplorer(Explorer):
    """One x moves a marker along sigmoid and tanh and shows both values and slopes.

    Only the markers are redrawn (LiveFigure), fast enough to follow a drag."""

    def __init__(self, x=0.0):
        self.x = _live_slider("x", -6.0, 6.0, x, step=0.1)
        fig, self._move_to = activation_figure(x)
        self._live = LiveFigure(fig, self._move_to(x))
        super().__init__([self.x])

    def update(self):
        x = self.x.value
        self._move_to(x)
        self.readout.value = (
            f"<b>x = {x:.1f}</b> &nbsp; sigmoid(x) = {sigmoid(x):.3f}, slope {sigmoid_derivative(x):.3f}"
            f" &nbsp;|&nbsp; tanh(x) = {tanh(x):.3f}, slope {tanh_derivative(x):.3f}"
        )
        self.image.value = self._live.png()


class GradientExplorer(Explorer):
    """The recurrent weight and the number of days set how much each old day still counts."""

    def __init__(self, w_recurrent=0.5, n_days=50):
        self.w_recurrent = _slider(w.FloatSlider, "recurrent weight w", min=-2.5, max=2.5, step=0.05,
                                   value=w_recurrent, readout_format=".2f")
        self.n_days = _slider(w.IntSlider, "days unrolled", min=1, max=100, value=n_days)
        super().__init__([self.w_recurrent, self.n_days])

    def compute(self):
        weight, days = self.w_recurrent.value, self.n_days.value
        first = gradient_contributions(weight, days)[0]
        if days == 1:
            text = f"<b>w = {weight:.2f}, 1 day:</b> no links to cross yet; add days to see w at work"
        else:
            text = (
                f"<b>w = {weight:.2f}, {days} days:</b> day 1 crosses {days - 1} links, so its influence "
                f"on the last output is w<sup>{days - 1}</sup> = {first:.3g}: {verdict(weight)}"
            )
        return text, plot_gradient_contributions(weight, days)


class LSTMUnitExplorer:
    """One LSTM unit, live: sliders for its two memories and input, a stage walk-through,
    the diagram, a table of every number, and (folded away) all 12 weights and biases."""

    EXAMPLE = {"long_memory": 2.0, "short_memory": 1.0, "input_value": 1.0}
    # "all" rather than None: a RadioButtons with value None shows no choice selected
    STAGE_OPTIONS = [("the whole unit", "all"), ("1 · forget gate", "forget"),
                     ("2 · new long-term memory", "long"), ("3 · output gate", "output")]

    def __init__(self, params=EXAMPLE_PARAMS):
        self.long_memory = _live_slider("previous long-term memory", -5.0, 5.0, self.EXAMPLE["long_memory"])
        self.short_memory = _live_slider("previous short-term memory", -1.0, 1.0, self.EXAMPLE["short_memory"])
        self.input_value = _live_slider("input", -2.0, 2.0, self.EXAMPLE["input_value"])
        self.reset = w.Button(description="Reset to the example", icon="undo", layout=w.Layout(width="220px"))
        self.stage = w.RadioButtons(options=self.STAGE_OPTIONS, value="all", description="Show:",
                                    layout=w.Layout(width="auto"))
        self.explanation = w.HTML(layout=w.Layout(width="430px", min_height="6em"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        self.weights = {
            (gate, part): _live_slider(f"{gate} {part}", -6.0, 6.0, getattr(getattr(params, gate), part),
                                       step=0.01, width="300px")
            for gate in GATE_NAMES for part in ("w_short", "w_input", "bias")
        }
        self.example_params = params
        self.reset_weights = w.Button(description="Reset weights", icon="undo", layout=w.Layout(width="220px"))
        weight_rows = [w.HBox([self.weights[(gate, part)] for part in ("w_short", "w_input", "bias")]) for gate in GATE_NAMES]
        self.weights_panel = w.Accordion(children=[w.VBox(weight_rows + [self.reset_weights])],
                                         titles=("Weights and biases (12 numbers)",), selected_index=None)
        for control in [self.long_memory, self.short_memory, self.input_value, self.stage, *self.weights.values()]:
            control.observe(lambda change: self.update(), names="value")
        self.reset.on_click(lambda button: self.reset_inputs())
        self.reset_weights.on_click(lambda button: self.reset_params())
        controls = w.VBox([self.long_memory, self.short_memory, self.input_value, self.reset, self.stage,
                           self.explanation], layout=w.Layout(width="450px"))
        self.widget = w.VBox([w.HBox([controls, self.table]), self.diagram, self.weights_panel])
        self.update()

    @property
    def params(self):
        """The 12 numbers as the weight sliders set them."""
        return LSTMParams(*(Gate(*(self.weights[(gate, part)].value for part in ("w_short", "w_input", "bias")))
                            for gate in GATE_NAMES))

    @property
    def current_stage(self):
        """The stage the diagram stands out: None for the whole unit."""
        return None if self.stage.value == "all" else self.stage.value

    def current_step(self):
        return lstm_step(self.input_value.value, self.long_memory.value, self.short_memory.value, self.params)

    def update(self):
        step, params = self.current_step(), self.params
        self.diagram.value = lstm_unit_svg(step, params, self.current_stage)
        self.table.value = step_table_html(step)
        self.explanation.value = stage_explanation(step, self.current_stage)
        return step

    def reset_inputs(self):
        for name, value in self.EXAMPLE.items():
            getattr(self, name).value = value

    def reset_params(self):
        for (gate, part), slider in self.weights.items():
            slider.value = getattr(getattr(self.example_params, gate), part)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _live_slider(description, low, high, value, step=0.05, width="420px"):
    """A slider that updates while it is dragged: the SVG diagram redraws in well under a millisecond.

    The browser snaps a slider's value to its step, so every starting value must be a
    multiple of it (1.63 with a step of 0.05 would silently become 1.65).
    """
    return w.FloatSlider(description=description, min=low, max=high, step=step, value=value, readout_format=".2f",
                         continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width=width))


class UnrolledExplorer:
    """The unit unrolled over four days: pick Company A, Company B or your own four values,
    and step through the days one at a time."""

    COMPANIES = {"Company A": COMPANY_A, "Company B": COMPANY_B}

    def __init__(self, company="Company A", params=EXAMPLE_PARAMS):
        self.params = params
        self.company = w.ToggleButtons(options=[*self.COMPANIES, "your own"], value=company)
        start = self.COMPANIES.get(company, COMPANY_A)
        self.days = [_live_slider(f"day {k + 1}", 0.0, 1.0, start[k], width="300px") for k in range(4)]
        self.shown = w.IntSlider(description="days run", min=0, max=4, value=4, style={"description_width": "initial"},
                                 layout=w.Layout(width="300px"))
        self.play = w.Play(min=0, max=4, value=4, interval=900, description="play the days")
        w.jslink((self.play, "value"), (self.shown, "value"))
        self.readout = w.HTML(layout=w.Layout(min_height="2.5em"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        self._choosing = False
        self.company.observe(lambda change: self.choose(change["new"]), names="value")
        for slider in self.days:
            slider.observe(lambda change: self._own_values(), names="value")
        self.shown.observe(lambda change: self.update(), names="value")
        sliders = w.VBox([w.HBox(self.days[:2]), w.HBox(self.days[2:]), w.HBox([self.play, self.shown])])
        self.widget = w.VBox([self.company, w.HBox([sliders, self.table]), self.readout, self.diagram])
        self.update()

    def values(self):
        return [slider.value for slider in self.days]

    def choose(self, company):
        """Put a company's four days on the sliders (your own keeps what is there)."""
        if company in self.COMPANIES:
            self._choosing = True
            try:
                for slider, value in zip(self.days, self.COMPANIES[company][:4]):
                    slider.value = value
            finally:
                self._choosing = False
        self.update()

    def _own_values(self):
        if self._choosing:
            return
        if self.company.value in self.COMPANIES and self.values() != list(self.COMPANIES[self.company.value][:4]):
            self._choosing = True  # moving a day makes the values your own
            self.company.value = "your own"
            self._choosing = False
        self.update()

    def update(self):
        run = unroll(self.values(), self.params)
        target = self.COMPANIES[self.company.value][4] if self.company.value in self.COMPANIES else None
        shown = self.shown.value
        self.diagram.value = unrolled_svg(run, shown_days=shown, target=target)
        self.table.value = DaysTable(run)._repr_html_()
        if shown < 4:
            text = (f"<b>After day {shown}</b> the unit hands on long-term memory "
                    f"{run.long_memories[shown - 1]:.2f} and short-term memory {run.short_memories[shown - 1]:.2f}."
                    if shown else "<b>Before day 1</b> both memories start at 0.")
        else:
            text = f"<b>Prediction for day 5: {run.prediction:.2f}</b>"
            if target is not None:
                text += f" ({self.company.value}'s actual day 5: {target:.2f})"
        self.readout.value = text + " The same 12 weights and biases are used on every day."
        return run

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def train_with_progress(sequences, targets, params, epochs, learning_rate=0.001, redraw_every=250, **options):
    """train_lstm with a progress bar and a loss curve redrawn as it learns; shows both and
    returns the TrainingRun."""
    from IPython.display import display

    bar = w.IntProgress(min=0, max=epochs, description="epoch 0", style={"description_width": "initial"},
                        layout=w.Layout(width="600px"))
    curve = w.Image(format="png", layout=w.Layout(max_width="100%"))
    display(w.VBox([bar, curve]))
    losses = []

    def progress(epoch, loss):
        bar.value, bar.description = epoch, f"epoch {epoch}"
        losses.append((epoch, loss))
        if epoch % redraw_every == 0 or epoch == epochs:
            history = np.full(epoch, np.nan)
            for e, value in losses:
                history[e - 1] = value
            curve.value = figure_png(plot_loss_history({f"learning rate {learning_rate}": history}))

    return train_lstm(sequences, targets, params, epochs, learning_rate, callback=progress, callback_every=50,
                      **options)


class LearningRateExplorer(Explorer):
    """Train from the same start with a chosen learning rate and compare with the source's 0.001."""

    RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)

    def __init__(self, sequences, targets, params, epochs=1000, learning_rate=0.1):
        self.data, self.start, self.epochs = (sequences, targets), params, epochs
        self.baseline = train_lstm(sequences, targets, params, epochs, 0.001).loss_history
        self.rate = w.SelectionSlider(options=self.RATES, value=learning_rate, description="learning rate",
                                      continuous_update=False, style={"description_width": "initial"},
                                      layout=w.Layout(width="420px"))
        super().__init__([self.rate])

    def compute(self):
        rate = self.rate.value
        run = train_lstm(*self.data, self.start, self.epochs, rate)
        history = run.loss_history
        reached = np.flatnonzero(history < 0.01)
        when = f"loss below 0.01 after {reached[0] + 1} epochs" if reached.size else f"loss never below 0.01 in {self.epochs} epochs"
        if run.params is None:
            outcome = "the numbers overflowed"
        else:
            predictions = [unroll(s, run.params).prediction for s in self.data[0]]
            outcome = "predictions " + ", ".join(f"{p:.2f}" for p in predictions)
        text = f"<b>learning rate {rate:g}:</b> {when}; final loss {history[-1]:.3g}; {outcome}"
        return text, plot_loss_history({f"learning rate {rate:g}": history, "learning rate 0.001 (the source)": self.baseline},
                                       title=f"{self.epochs} epochs of Adam from the same start")
