"""Interactive explorers: sliders, a figure and a readout of the numbers.

Each explorer keeps its controls as attributes and does its work in
`update()`, so tests can set a slider to any value and read what changed.
Leave an explorer as a cell's value to show it.
"""

import ipywidgets as w

from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .figures import figure_png
from .plots import gradient_contributions, plot_activations, plot_gradient_contributions, verdict


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
    """One x moves a marker along sigmoid and tanh and shows both values and slopes."""

    def __init__(self, x=0.0):
        self.x = _slider(w.FloatSlider, "x", min=-6.0, max=6.0, step=0.1, value=x)
        super().__init__([self.x])

    def compute(self):
        x = self.x.value
        text = (
            f"<b>x = {x:.1f}</b> &nbsp; sigmoid(x) = {sigmoid(x):.3f}, slope {sigmoid_derivative(x):.3f}"
            f" &nbsp;|&nbsp; tanh(x) = {tanh(x):.3f}, slope {tanh_derivative(x):.3f}"
        )
        return text, plot_activations(x)


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
