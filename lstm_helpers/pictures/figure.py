"""The course's figure style, and figures as PNG for notebooks and explorers (notebook 01 on).

Figures are made without pyplot, so nothing is shown twice: a function returns
a Figure, a notebook shows it by leaving it as a cell's value, and a widget
shows it as HTML: an <img> whose alt is the text alternative its drawing function wrote.
"""

import base64
import io
from html import escape

import matplotlib
import numpy as np
from matplotlib.figure import Figure

STYLE = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.labelsize": 13,
    "legend.fontsize": 12,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}


def new_figure(width=9.0, height=4.5, **subplots):
    """A Figure in the course style, with its axes: (fig, axes)."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(**subplots)
    return fig, axes


def styled(function):
    """Run a drawing function with the course style in force (text made inside gets its fonts)."""

    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(STYLE):
            return function(*args, **kwargs)

    wrapper.__name__, wrapper.__doc__ = function.__name__, function.__doc__
    return wrapper


def described(fig, text_alternative):
    """Give a figure its text alternative (what it shows and the numbers that matter), written by
    the function that draws it from the same numbers; a notebook shows it as the image's alt."""
    if not (isinstance(text_alternative, str) and text_alternative.strip()):
        raise ValueError("text_alternative must be a non-empty string")
    fig.text_alternative = text_alternative
    return fig


def text_alternative(fig):
    """A figure's text alternative: the one its drawing function wrote, else its axes' titles."""
    written = getattr(fig, "text_alternative", "")
    if written:
        return written
    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    return "; ".join(titles) or "A figure"


def figure_html(fig):
    """The figure as an HTML <img> with its text alternative as alt, scaled to the notebook's
    width: JupyterLab shows a PNG output with no alt, so a screen reader would find nothing."""
    data = base64.b64encode(figure_png(fig)).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{escape(text_alternative(fig))}" '
            'style="max-width:100%;height:auto">')


def figure_png(fig, dpi=100):
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class LiveFigure:
    """A figure whose static parts are drawn once; each frame redraws only the moving artists.

    A full matplotlib redraw measured 0.2-0.4 s on the course's two-core machine, too slow
    to follow a slider; restoring the static background and drawing the few moving artists
    measured about 35 ms, PNG encoding included.
    """

    def __init__(self, fig, moving):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.fig, self.moving = fig, list(moving)
        self.canvas = FigureCanvasAgg(fig)
        for artist in self.moving:
            artist.set_animated(True)  # left out of the background
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(fig.bbox)

    def png(self):
        """The figure as PNG bytes, with the moving artists as they are now."""
        from PIL import Image

        self.canvas.restore_region(self.background)
        for artist in self.moving:
            artist.axes.draw_artist(artist)
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(self.canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def _show_figures_in_ipython():
    """Let IPython show a Figure left as a cell's value: as HTML, an <img> with alt text (and its
    text alternative as the plain-text view, for a text-only front end)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(Figure, figure_html)
        shell.display_formatter.formatters["text/plain"].for_type(
            Figure, lambda fig, printer, cycle: printer.text(f"[figure: {text_alternative(fig)}]"))


_show_figures_in_ipython()
