"""What every explorer shares (notebooks 01-07): how it is shown, its controls and its
live region.

Each explorer keeps its controls as attributes and does its work in `update()`, so
tests can set a slider to any value and read what changed. Leave an explorer as a
cell's value to show it; it displays under ipywidgets 7 (Colab) and 8 alike.

Accessibility (WCAG 2.1 AA): every control is named by what it moves; pictures are
HTML (an <img> with alt text, or inline SVG with <title> and <desc>) so a screen reader
reaches their text alternative; each slider's handle is tied to its label (slider_names.py);
each explorer has one polite live region that says the
new result in words; widths are relative to the notebook, so a layout wraps at 200% zoom.
"""

import base64
from html import escape

import ipywidgets as w

from .slider_names import slider_names_output

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# the live region repeats what the readout shows, so only screen readers get it (the usual sr-only style)
VISUALLY_HIDDEN = ('style="position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;'
                   'clip:rect(0,0,0,0);white-space:nowrap;border:0"')


def widget_bundle(widget):
    """The MIME bundle that shows `widget`, under ipywidgets 8 (which has _repr_mimebundle_)
    and 7 (which has only _ipython_display_, so the bundle is built here as 7 builds it)."""
    if hasattr(widget, "_repr_mimebundle_"):
        return widget._repr_mimebundle_()
    plain = repr(widget)
    bundle = {"text/plain": plain if len(plain) <= 110 else plain[:110] + "…"}
    if getattr(widget, "_view_name", None) is not None:
        bundle[WIDGET_VIEW] = {"version_major": 2, "version_minor": 0, "model_id": widget.model_id}
    widget._handle_displayed()
    return bundle


class Explorer:
    """An explorer is shown as its `widget` (a box of controls and views), in every front end:
    IPython asks for `_repr_mimebundle_` under ipywidgets 7 and 8 alike."""

    widget = None

    def _repr_mimebundle_(self, include=None, exclude=None):
        return widget_bundle(self.widget)

    def __repr__(self):
        return f"<{type(self).__name__}: {self.status_text or 'an interactive explorer'}>"

    status_text = ""

    def make_status(self):
        """The explorer's one live region (role=status, polite): say() puts a result in it; shown
        with the invisible script that names its sliders for screen readers (slider_names.py;
        none under ipywidgets 7)."""
        self.status = w.HTML(layout=w.Layout(width="100%"))
        names = slider_names_output()
        return w.VBox([self.status] + ([names] if names else []), layout=w.Layout(width="100%"))

    def say(self, words):
        """Announce the new result in words (screen readers read a polite status when idle)."""
        self.status_text = words
        self.status.value = (f'<div role="status" aria-live="polite" aria-atomic="true" {VISUALLY_HIDDEN}>'
                             f"{escape(words)}</div>")


class Progress:
    """A progress bar named in words, with a live region that says how far it got (notebooks 05-07):
    the one piece every training-with-progress function shows."""

    def __init__(self, steps, description, colour=None):
        style = {"description_width": "initial", **({"bar_color": colour} if colour else {})}
        self.bar = w.IntProgress(min=0, max=steps, description=description, style=style, layout=control_layout())
        self.label = w.HTML(layout=control_layout("1 1 16em"))
        self.status = w.HTML()
        self.widget = w.VBox([row([self.bar, self.label]), self.status])

    def show(self, step, description=None, words=None, steps=None):
        """Move the bar to step (of a new number of steps, if given); a new description names it;
        words (if any) are said and shown."""
        if steps is not None:
            self.bar.max = steps
        self.bar.value = step
        if description is not None:
            self.bar.description = description
        if words is not None:
            self.label.value = escape(words)
            self.status.value = f'<div role="status" aria-live="polite" {VISUALLY_HIDDEN}>{escape(words)}</div>'


def live_slider(description, low, high, value, step=0.05):
    """A slider named by what it moves, updating while it is dragged, as wide as its row allows.

    The browser snaps a slider's value to its step, so every starting value must be a
    multiple of it (1.63 with a step of 0.05 would silently become 1.65).
    """
    decimals = decimals_of(step)
    return w.FloatSlider(description=description, min=low, max=high, step=step, value=value,
                         readout_format=f".{decimals}f", continuous_update=True,
                         style={"description_width": "initial"}, layout=control_layout())


def label_above(slider, words=None):
    """`slider` with words (its description, or a shorter part of it) shown on a line of their own
    above the track, where they may wrap (notebook 03's weights): beside the track, a 55-letter
    name left the track 37 px wide at 200% zoom. The description stays the slider's name (its
    label, now 0 wide, is what screen readers read); the words shown are part of it, hidden from
    screen readers so they are not read twice."""
    slider.style.description_width = "0"
    slider.layout.margin = "0 2px 2px 2px"  # the words and their track close together
    shown = w.HTML(f'<div aria-hidden="true" style="line-height:1.2">{escape(words or slider.description)}</div>',
                   layout=w.Layout(width="100%", height="auto", min_height="0", margin="0 2px"))
    return w.VBox([shown, slider], layout=control_layout())


def control_layout(grow=None):
    """A control's layout: as wide as the notebook allows up to 40em, never under 12em (no fixed
    pixel width). grow (a CSS flex such as "1 1 22em") is its share of a row; row() sets one."""
    return w.Layout(width="100%", min_width="12em", max_width="40em", **({"flex": grow} if grow else {}))


def fitted():
    """The layout of a button or a check box: as wide as its words, in a row or a column."""
    return w.Layout(width="auto", flex="0 1 auto")


def row(children, grow="1 1 20em", **layout):
    """Controls side by side, each growing from `grow`'s basis, that wrap onto the next line when
    the notebook is narrow (a 200% zoom). A child that has its own flex keeps it."""
    for child in children:
        if not child.layout.flex:
            child.layout.flex = grow
    return w.Box(list(children), layout=w.Layout(display="flex", flex_flow="row wrap", align_items="center",
                                                 width="100%", **layout))


def decimals_of(step):
    """How many decimals a slider's step has (0.05: 2), to read its value as the step means it."""
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def slider_value(slider):
    """A float slider's value rounded to its step's decimals: 0 rather than -8.88e-16."""
    return round(slider.value, decimals_of(slider.step)) + 0.0


def png_html(png, alt):
    """PNG bytes as an HTML <img> with a text alternative, scaled to the notebook's width."""
    data = base64.b64encode(bytes(png)).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}" '
            'style="max-width:100%;height:auto">')


def compact(html):
    """HTML in a widget at the line spacing of ordinary text (a widget's HTML gets a 28 px line
    height, meant for one line beside a control, which spreads a paragraph or a table out)."""
    return f'<div style="line-height:1.4">{html}</div>'
