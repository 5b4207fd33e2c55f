"""Notebook 03's explorer: one LSTM unit, live."""

import re

import ipywidgets as w

from .._checks import in_range
from ..lstm import EXAMPLE_PARAMS, GATE_NAMES, PARTS, STAGE_LABELS, Gate, LSTMParams, check_params, lstm_step
from ..pictures.unit import PART_LABELS, fmt, lstm_unit_svg, stage_explanation, step_table_html
from .base import Explorer, compact, control_layout, fitted, label_above, live_slider, row, slider_value


class LSTMUnitExplorer(Explorer):
    """One LSTM unit, live (notebook 03): sliders for its two memories and input, what the chosen
    stage does, the diagram, and (shown on request) all 12 weights and biases and a table of
    every number. Every control is a native one a screen reader names and reads the state of:
    sliders named by what they move, a drop-down for the stage, check boxes to show the rest."""

    EXAMPLE = {"long_memory": 2.0, "short_memory": 1.0, "input_value": 1.0}
    # "all" rather than None: a selection widget with value None shows no choice selected
    STAGE_OPTIONS = [("the whole unit", "all"), ("1 · forget gate", "forget"),
                     ("2 · new long-term memory", "long"), ("3 · output gate", "output")]
    WEIGHT_RANGE = (-6.0, 6.0, 0.01)  # each weight slider's min, max and step

    def __init__(self, params=EXAMPLE_PARAMS):
        params = check_params(params)
        low, high, step = self.WEIGHT_RANGE
        for gate in GATE_NAMES:
            for part in PARTS:
                in_range(getattr(getattr(params, gate), part), f"params.{gate}.{part}", low, high, step)
        self.example_params = params
        self._make_controls(params)
        self.explanation = w.HTML(layout=control_layout("1 1 26em"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML()
        for view in (self.explanation, self.diagram, self.table):
            view.add_class("lstm-view")
        # one column per gate, left to right as in the diagram, its three numbers top to bottom as in its box
        columns = [w.VBox([w.HTML(compact(f"<b>{STAGE_LABELS[gate]}</b>"), layout=w.Layout(min_height="0"))]
                          + [label_above(self.weights[(gate, part)], PART_LABELS[part]) for part in PARTS])
                   for gate in GATE_NAMES]
        self.weights_panel = w.VBox([row(columns, grow="1 1 14em"), self.reset_weights],
                                    layout=w.Layout(display="none", width="100%"))
        self.table_panel = w.VBox([self.table], layout=w.Layout(display="none"))
        for control in [self.long_memory, self.short_memory, self.input_value, self.stage, *self.weights.values()]:
            control.observe(lambda change: self.update(), names="value")
        self.show_weights.observe(lambda change: self._show(self.weights_panel, change["new"]), names="value")
        self.show_table.observe(lambda change: self._show(self.table_panel, change["new"]), names="value")
        self.reset.on_click(lambda button: (self.reset_inputs(), self.reset_params()))  # all of the example
        self.reset_weights.on_click(lambda button: self.reset_params())
        sliders = w.VBox([self.long_memory, self.short_memory, row([self.input_value, self.reset])],
                         layout=control_layout("1 1 24em"))
        self.widget = w.VBox([row([sliders, self.explanation]), row([self.stage, self.show_weights]),
                              self.diagram, self.weights_panel, self.show_table, self.table_panel,
                              self.make_status()])
        self.update()

    def _make_controls(self, params):
        low, high, step = self.WEIGHT_RANGE
        self.long_memory = live_slider("previous long-term memory", -5.0, 5.0, self.EXAMPLE["long_memory"])
        self.short_memory = live_slider("previous short-term memory", -1.0, 1.0, self.EXAMPLE["short_memory"])
        self.input_value = live_slider("input", -2.0, 2.0, self.EXAMPLE["input_value"])
        self.reset = w.Button(description="Reset to the example", layout=fitted(),
                              tooltip="Back to long-term 2, short-term 1, input 1 and the example's 12 numbers")
        self.stage = w.Dropdown(options=self.STAGE_OPTIONS, value="all", description="Stage to highlight",
                                style={"description_width": "initial"}, layout=fitted())
        self.weights = {(gate, part): live_slider(f"{STAGE_LABELS[gate]}: {PART_LABELS[part]}", low, high,
                                                  getattr(getattr(params, gate), part), step=step)
                        for gate in GATE_NAMES for part in PARTS}
        self.reset_weights = w.Button(description="Reset the 12 weights and biases", layout=fitted())
        self.show_weights = w.Checkbox(value=False, description="Show the 12 weights and biases",
                                       indent=False, layout=fitted())
        self.show_table = w.Checkbox(value=False, description="Show every number of this step, as a table",
                                     indent=False, layout=fitted())
        self.show_weights.add_class("lstm-unfold")

    @staticmethod
    def _show(panel, shown):
        panel.layout.display = "flex" if shown else "none"

    @property
    def params(self):
        """The 12 numbers as the weight sliders set them."""
        return LSTMParams(*(Gate(*(slider_value(self.weights[(gate, part)]) for part in PARTS))
                            for gate in GATE_NAMES))

    @property
    def current_stage(self):
        """The stage the diagram stands out: None for the whole unit."""
        return None if self.stage.value == "all" else self.stage.value

    def current_step(self):
        return lstm_step(slider_value(self.input_value), slider_value(self.long_memory),
                         slider_value(self.short_memory), self.params)

    def update(self):
        step, params, stage = self.current_step(), self.params, self.current_stage
        # everything is computed before anything on screen changes, so the parts never disagree
        diagram, table, explanation = lstm_unit_svg(step, params, stage), step_table_html(step), \
            stage_explanation(step, stage)
        self.diagram.value, self.table.value, self.explanation.value = diagram, table, compact(explanation)
        self.say(f"New long-term memory {fmt('long_memory', step.long_memory)}, new short-term memory "
                 f"{fmt('short_memory', step.short_memory)}." if stage is None else re.sub("<[^>]+>", "", explanation))
        return step

    def reset_inputs(self):
        for name, value in self.EXAMPLE.items():
            getattr(self, name).value = value

    def reset_params(self):
        for (gate, part), slider in self.weights.items():
            slider.value = getattr(getattr(self.example_params, gate), part)
