"""What every explorer shares (notebooks 01-06): how it is shown, and its sliders.

Each explorer keeps its controls as attributes and does its work in `update()`, so
tests can set a slider to any value and read what changed. Leave an explorer as a
cell's value to show it.
"""

import ipywidgets as w


class Explorer:
    """An explorer is shown as its `widget` (a box of controls and views)."""

    widget = None

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def compact(html):
    """HTML in a widget at the line spacing of ordinary text (a widget's HTML gets a 28 px line
    height, meant for one line beside a control, which spreads a paragraph or a table out)."""
    return f'<div style="line-height:1.4">{html}</div>'


def live_slider(description, low, high, value, step=0.05, width="420px"):
    """A slider that updates while it is dragged: the SVG diagram redraws in well under a millisecond.

    The browser snaps a slider's value to its step, so every starting value must be a
    multiple of it (1.63 with a step of 0.05 would silently become 1.65).
    """
    return w.FloatSlider(description=description, min=low, max=high, step=step, value=value, readout_format=".2f",
                         continuous_update=True, style={"description_width": "initial"}, layout=w.Layout(width=width))
