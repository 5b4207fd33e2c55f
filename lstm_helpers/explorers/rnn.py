"""Notebook 02's explorer: the recurrent weight and the days unrolled set each old day's influence."""

import ipywidgets as w

from .._checks import in_range, whole_number
from ..pictures.rnn import gradient_chart, gradient_contributions, verdict
from .base import Explorer, control_layout, live_slider, row, slider_value


class GradientExplorer(Explorer):
    """The recurrent weight and the number of days set how much each old day still counts (notebook 02).

    The readout and the chart are one SVG-and-HTML view, redrawn in a millisecond or two, so
    they follow a drag and always show the same w and days as each other."""

    def __init__(self, w_recurrent=0.5, n_days=50):
        w_recurrent = in_range(w_recurrent, "w_recurrent", -2.5, 2.5, step=0.05)
        n_days = whole_number(n_days, "n_days", 1, 100)
        self.w_recurrent = live_slider("recurrent weight w", -2.5, 2.5, w_recurrent)
        self.n_days = w.IntSlider(description="days unrolled", min=1, max=100, value=n_days, continuous_update=True,
                                  style={"description_width": "initial"}, layout=control_layout())
        self.view = w.HTML(layout=w.Layout(width="100%"))
        self.view.add_class("lstm-view")
        for control in (self.w_recurrent, self.n_days):
            control.observe(lambda change: self.update(), names="value")
        self.widget = w.VBox([row([self.w_recurrent, self.n_days]), self.view, self.make_status()])
        self.update()

    @property
    def readout(self):
        """The text above the chart (the view holds both)."""
        return self.view.value.split("<svg", 1)[0]

    def update(self):
        weight, days = slider_value(self.w_recurrent), self.n_days.value
        first = gradient_contributions(weight, days)[0]
        if days == 1:
            text = f"w = {weight:.2f}, 1 day: no links to cross yet; add days to see w at work"
        else:
            text = (f"w = {weight:.2f}, {days} days: day 1 crosses {days - 1} links, so its influence "
                    f"on the last output is w to the power {days - 1} = {first:.3g}: {verdict(weight)}")
        shown = text.replace(f"w to the power {days - 1}", f"w<sup>{days - 1}</sup>").split(":", 1)
        self.view.value = (f'<div style="min-height:2.8em;font-size:14px"><b>{shown[0]}:</b>{shown[1]}</div>'
                           + gradient_chart(weight, days).svg())
        self.say(text)
