"""Interactive explorers: sliders, a figure and a readout of the numbers.

Each explorer keeps its controls as attributes and does its work in
`update()`, so tests can set a slider to any value and read what changed.
Leave an explorer as a cell's value to show it.
"""

import ipywidgets as w
import numpy as np

from ._checks import in_range, one_of, whole_number
from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .data import COMPANY_A, COMPANY_B
from .diagrams import DaysTable, lstm_unit_svg, stage_explanation, step_table_html, unrolled_svg
from .figures import BLUE, ORANGE, LiveFigure, figure_png
from .lstm import EXAMPLE_PARAMS, GATE_NAMES, STAGE_LABELS, Gate, LSTMParams, check_params, lstm_step, unroll
from .plots import activation_figure, gradient_chart, gradient_contributions, plot_loss_history, verdict
from .svgchart import Chart
from .training import MAX_EPOCHS, train_lstm


class ActivationExplorer:
    """One x moves a marker along sigmoid and tanh and shows both values and slopes.

    Only the markers are redrawn (LiveFigure), fast enough to follow a drag."""

    def __init__(self, x=0.0):
        x = in_range(x, "x", -6.0, 6.0, step=0.1)
        self.x = _live_slider("x", -6.0, 6.0, x, step=0.1)
        fig, self._move_to = activation_figure(x)
        self._live = LiveFigure(fig, self._move_to(x))
        self.readout = w.HTML(layout=w.Layout(min_height="3em"))
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.readout.add_class("lstm-view")
        self.image.add_class("lstm-view")
        self.x.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.x, self.readout, self.image])
        self.update()

    def update(self):
        x = self.x.value
        self._move_to(x)
        png = self._live.png()  # everything is computed before anything on screen changes
        self.readout.value = (
            f"<b>x = {x:.1f}</b> &nbsp; sigmoid(x) = {sigmoid(x):.3f}, slope {sigmoid_derivative(x):.3f}"
            f" &nbsp;|&nbsp; tanh(x) = {tanh(x):.3f}, slope {tanh_derivative(x):.3f}"
        )
        self.image.value = png

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class GradientExplorer:
    """The recurrent weight and the number of days set how much each old day still counts.

    The readout and the chart are one SVG-and-HTML view, redrawn in a millisecond or two, so
    they follow a drag and always show the same w and days as each other."""

    def __init__(self, w_recurrent=0.5, n_days=50):
        w_recurrent = in_range(w_recurrent, "w_recurrent", -2.5, 2.5, step=0.05)
        n_days = whole_number(n_days, "n_days", 1, 100)
        self.w_recurrent = _live_slider("recurrent weight w", -2.5, 2.5, w_recurrent, width="400px")
        self.n_days = w.IntSlider(description="days unrolled", min=1, max=100, value=n_days, continuous_update=True,
                                  style={"description_width": "initial"}, layout=w.Layout(width="400px"))
        self.view = w.HTML(layout=w.Layout(width="100%"))
        self.view.add_class("lstm-view")
        for control in (self.w_recurrent, self.n_days):
            control.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([w.HBox([self.w_recurrent, self.n_days]), self.view])
        self.update()

    @property
    def readout(self):
        """The text above the chart (the view holds both)."""
        return self.view.value.split("<svg", 1)[0]

    def update(self):
        weight, days = self.w_recurrent.value, self.n_days.value
        first = gradient_contributions(weight, days)[0]
        if days == 1:
            text = f"<b>w = {weight:.2f}, 1 day:</b> no links to cross yet; add days to see w at work"
        else:
            text = (
                f"<b>w = {weight:.2f}, {days} days:</b> day 1 crosses {days - 1} links, so its influence "
                f"on the last output is w<sup>{days - 1}</sup> = {first:.3g}: {verdict(weight)}"
            )
        self.view.value = f'<div style="min-height:2.8em;font-size:14px">{text}</div>' + \
            gradient_chart(weight, days).svg()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class LSTMUnitExplorer:
    """One LSTM unit, live: sliders for its two memories and input, what the chosen stage does,
    the diagram, and (folded away) all 12 weights and biases and a table of every number.

    Laid out so the sliders, the explanation and the diagram fit on one 1280x720 screen."""

    EXAMPLE = {"long_memory": 2.0, "short_memory": 1.0, "input_value": 1.0}
    # "all" rather than None: a selection widget with value None shows no choice selected
    STAGE_OPTIONS = [("the whole unit", "all"), ("1 · forget gate", "forget"),
                     ("2 · new long-term memory", "long"), ("3 · output gate", "output")]
    WEIGHT_RANGE = (-6.0, 6.0, 0.01)  # each weight slider's min, max and step

    def __init__(self, params=EXAMPLE_PARAMS):
        params = check_params(params)
        low, high, step = self.WEIGHT_RANGE
        for gate in GATE_NAMES:
            for part in ("w_short", "w_input", "bias"):
                in_range(getattr(getattr(params, gate), part), f"params.{gate}.{part}", low, high, step)
        self.long_memory = _live_slider("previous long-term memory", -5.0, 5.0, self.EXAMPLE["long_memory"])
        self.short_memory = _live_slider("previous short-term memory", -1.0, 1.0, self.EXAMPLE["short_memory"])
        self.input_value = _live_slider("input", -2.0, 2.0, self.EXAMPLE["input_value"], width="230px")
        self.reset = w.Button(description="Reset to the example", icon="undo", layout=w.Layout(width="190px"),
                              tooltip="Back to long-term 2, short-term 1, input 1 and the example's 12 numbers")
        self.stage = w.ToggleButtons(options=self.STAGE_OPTIONS, value="all", style={"button_width": "auto"})
        self.explanation = w.HTML(layout=w.Layout(width="420px"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        self.weights = {
            (gate, part): _live_slider(part, low, high, getattr(getattr(params, gate), part), step=step, width="195px")
            for gate in GATE_NAMES for part in ("w_short", "w_input", "bias")
        }
        self.example_params = params
        self.reset_weights = w.Button(description="Reset weights", icon="undo", layout=w.Layout(width="130px"))
        weight_rows = [w.HBox([w.HTML(f'<div style="line-height:1.15;font-weight:bold">{STAGE_LABELS[gate]}</div>',
                                      layout=w.Layout(width="120px"))]
                              + [self.weights[(gate, part)] for part in ("w_short", "w_input", "bias")],
                              layout=w.Layout(align_items="center"))
                       for gate in GATE_NAMES]
        # a button, not an accordion, shows the weights: an accordion's header and padding would
        # push the last row of weights below a 1280x720 screen, away from the diagram they move
        self.show_weights = w.ToggleButton(description="Weights and biases", icon="sliders", value=False,
                                           tooltip="Show or hide the 12 weights and biases, under the diagram",
                                           layout=w.Layout(width="170px"))
        self.show_weights.add_class("lstm-unfold")
        self.weights_panel = w.HBox([w.VBox(weight_rows), self.reset_weights], layout=w.Layout(display="none"))
        self.table_panel = w.Accordion(children=[self.table], titles=("Every number of this step, as a table",),
                                       selected_index=None)
        for view in (self.explanation, self.diagram, self.table):
            view.add_class("lstm-view")
        for control in [self.long_memory, self.short_memory, self.input_value, self.stage, *self.weights.values()]:
            control.observe(lambda change: self.update(), names="value")
        self.show_weights.observe(lambda change: self._show_weights(change["new"]), names="value")
        self.reset.on_click(lambda button: (self.reset_inputs(), self.reset_params()))  # all of the example
        self.reset_weights.on_click(lambda button: self.reset_params())
        sliders = w.VBox([self.long_memory, self.short_memory, w.HBox([self.input_value, self.reset])],
                         layout=w.Layout(width="430px"))
        self.widget = w.VBox([w.HBox([sliders, self.explanation]),
                              w.HBox([w.Label("Show:"), self.stage, self.show_weights]),
                              self.diagram, self.weights_panel, self.table_panel])
        self.update()

    def _show_weights(self, shown):
        self.weights_panel.layout.display = "flex" if shown else "none"

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
        step, params, stage = self.current_step(), self.params, self.current_stage
        # everything is computed before anything on screen changes, so the parts never disagree
        diagram, table, explanation = lstm_unit_svg(step, params, stage), step_table_html(step), \
            stage_explanation(step, stage)
        self.diagram.value, self.table.value, self.explanation.value = diagram, table, _compact(explanation)
        return step

    def reset_inputs(self):
        for name, value in self.EXAMPLE.items():
            getattr(self, name).value = value

    def reset_params(self):
        for (gate, part), slider in self.weights.items():
            slider.value = getattr(getattr(self.example_params, gate), part)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _compact(html):
    """HTML in a widget at the line spacing of ordinary text (a widget's HTML gets a 28 px line
    height, meant for one line beside a control, which spreads a paragraph or a table out)."""
    return f'<div style="line-height:1.4">{html}</div>'


def _live_slider(description, low, high, value, step=0.05, width="420px"):
    """A slider that updates while it is dragged: the SVG diagram redraws in well under a millisecond.

    The browser snaps a slider's value to its step, so every starting value must be a
    multiple of it (1.63 with a step of 0.05 would silently become 1.65).
    """
    return w.FloatSlider(description=description, min=low, max=high, step=step, value=value, readout_format=".2f",
                         continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width=width))


class UnrolledExplorer:
    """The unit unrolled over four days: pick Company A, Company B or your own four values,
    and step through the days one at a time. Everything on screen (diagram, table, readout)
    shows only the days run so far."""

    COMPANIES = {"Company A": COMPANY_A, "Company B": COMPANY_B}
    CHOICES = (*COMPANIES, "your own")

    def __init__(self, company="Company A", params=EXAMPLE_PARAMS):
        company = one_of(company, "company", self.CHOICES)
        self.params = check_params(params)
        self.company = w.ToggleButtons(options=self.CHOICES, value=company)
        start = self.COMPANIES.get(company, COMPANY_A)
        self.days = [_live_slider(f"day {k + 1}", 0.0, 1.0, start[k], width="300px") for k in range(4)]
        self.shown = w.IntSlider(description="days run", min=0, max=4, value=4, style={"description_width": "initial"},
                                 layout=w.Layout(width="300px"))
        self.play = w.Play(min=0, max=4, value=4, interval=900, description="play the days")
        w.jslink((self.play, "value"), (self.shown, "value"))
        self.readout = w.HTML(layout=w.Layout(min_height="2.5em"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        for view in (self.readout, self.diagram, self.table):
            view.add_class("lstm-view")
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
        if shown < 4:
            text = (f"<b>After day {shown}</b> the unit hands on long-term memory "
                    f"{run.long_memories[shown - 1]:.2f} and short-term memory {run.short_memories[shown - 1]:.2f}."
                    if shown else "<b>Before day 1</b> both memories start at 0.")
        else:
            text = f"<b>Prediction for day 5: {run.prediction:.2f}</b>"
            if target is not None:
                text += f" ({self.company.value}'s actual day 5: {target:.2f})"
        diagram = unrolled_svg(run, shown_days=shown, target=target)
        table = DaysTable(run, shown_days=shown)._repr_html_()
        self.diagram.value, self.table.value = diagram, _compact(table)
        self.readout.value = _compact(text + " The same 12 weights and biases are used on every day.")
        return run

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def train_with_progress(sequences, targets, params, epochs, learning_rate=0.001, redraw_every=250, **options):
    """train_lstm with a progress bar and a loss curve redrawn as it learns; shows both and
    returns the TrainingRun."""
    from IPython.display import display

    epochs = whole_number(epochs, "epochs", 1, MAX_EPOCHS)
    redraw_every = whole_number(redraw_every, "redraw_every", 1)
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


class LearningRateExplorer:
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
                                      layout=w.Layout(width="420px"))
        self.view = w.HTML(layout=w.Layout(width="100%"))
        self.view.add_class("lstm-view")
        self.rate.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.rate, self.view])
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
        return chart.svg()

    def update(self):
        text, svg = self.frames[self.rate.value]
        self.view.value = f'<div style="min-height:2.8em;font-size:14px">{text}</div>' + svg

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def _loss_limits(histories):
    """Log-axis limits (whole powers of ten) that hold every finite, positive loss of every run,
    so the axis stays put as the slider moves from one rate to another."""
    values = np.concatenate([np.asarray(h, float) for h in histories])
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return (1e-3, 1.0)
    low, high = np.log10(max(values.min(), 1e-12)), np.log10(values.max())
    return (10.0 ** np.floor(low), 10.0 ** max(np.ceil(high), np.floor(low) + 1))
