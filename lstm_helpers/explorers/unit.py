"""Notebook 03's explorer: one LSTM unit, live."""

import ipywidgets as w

from .._checks import in_range
from ..lstm import EXAMPLE_PARAMS, GATE_NAMES, STAGE_LABELS, Gate, LSTMParams, check_params, lstm_step
from ..pictures.unit import lstm_unit_svg, stage_explanation, step_table_html
from .base import Explorer, compact, live_slider


class LSTMUnitExplorer(Explorer):
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
        self.long_memory = live_slider("previous long-term memory", -5.0, 5.0, self.EXAMPLE["long_memory"])
        self.short_memory = live_slider("previous short-term memory", -1.0, 1.0, self.EXAMPLE["short_memory"])
        self.input_value = live_slider("input", -2.0, 2.0, self.EXAMPLE["input_value"], width="230px")
        self.reset = w.Button(description="Reset to the example", icon="undo", layout=w.Layout(width="190px"),
                              tooltip="Back to long-term 2, short-term 1, input 1 and the example's 12 numbers")
        self.stage = w.ToggleButtons(options=self.STAGE_OPTIONS, value="all", style={"button_width": "auto"})
        self.explanation = w.HTML(layout=w.Layout(width="420px"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        self.weights = {
            (gate, part): live_slider(part, low, high, getattr(getattr(params, gate), part), step=step, width="195px")
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
        self.diagram.value, self.table.value, self.explanation.value = diagram, table, compact(explanation)
        return step

    def reset_inputs(self):
        for name, value in self.EXAMPLE.items():
            getattr(self, name).value = value

    def reset_params(self):
        for (gate, part), slider in self.weights.items():
            slider.value = getattr(getattr(self.example_params, gate), part)
