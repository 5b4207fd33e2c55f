"""Notebook 00's first slider (x into sigmoid) and notebook 01's explorer (one x moves a marker
along sigmoid and tanh)."""

import ipywidgets as w

from .._checks import in_range
from ..activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from ..pictures.activations import activation_figure, describe_activations
from ..pictures.figure import LiveFigure
from .base import Explorer, live_slider, png_html, slider_value


class ActivationExplorer(Explorer):
    """One x moves a marker along sigmoid and tanh and shows both values and slopes (notebook 01).

    Only the markers are redrawn (LiveFigure), fast enough to follow a drag."""

    def __init__(self, x=0.0):
        x = in_range(x, "x", -6.0, 6.0, step=0.1)
        self.x = live_slider("x, the input to sigmoid and tanh", -6.0, 6.0, x, step=0.1)
        fig, self._move_to = activation_figure(x)
        self._live = LiveFigure(fig, self._move_to(x))
        self.readout = w.HTML(layout=w.Layout(min_height="3em"))
        self.image = w.HTML(layout=w.Layout(width="100%"))
        self.readout.add_class("lstm-view")
        self.image.add_class("lstm-view")
        self.x.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.x, self.readout, self.image, self.make_status()])
        self.update()

    def update(self):
        x = slider_value(self.x)
        self._move_to(x)
        self.png = self._live.png()  # everything is computed before anything on screen changes
        values = (f"sigmoid(x) = {sigmoid(x):.3f}, slope {sigmoid_derivative(x):.3f}; "
                  f"tanh(x) = {tanh(x):.3f}, slope {tanh_derivative(x):.3f}")
        self.readout.value = (f"<b>x = {x:.1f}</b> &nbsp; {values.replace('; ', ' &nbsp;|&nbsp; ')}")
        self.image.value = png_html(self.png, describe_activations(x))
        self.say(f"x = {x:.1f}: {values}")


class SigmoidExplorer(Explorer):
    """Notebook 00's first slider: x goes into sigmoid, and the value shown (and said) is always
    between 0 and 1. An explorer rather than a plain interact, so its slider is named and its
    result announced like every other."""

    def __init__(self, x=0.0):
        x = in_range(x, "x", -8.0, 8.0, step=0.5)
        self.x = live_slider("x, the number fed into sigmoid", -8.0, 8.0, x, step=0.5)
        self.readout = w.HTML(layout=w.Layout(min_height="2em"))
        self.readout.add_class("lstm-view")
        self.x.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([self.x, self.readout, self.make_status()])
        self.update()

    def update(self):
        x = slider_value(self.x)
        words = f"sigmoid({x:.1f}) = {sigmoid(x):.3f}"
        self.readout.value = f"<b>{words}</b>"
        self.say(words)
