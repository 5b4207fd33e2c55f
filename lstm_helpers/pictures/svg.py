"""SVG building blocks shared by the diagrams (notebooks 03-04) and the charts (notebooks 02, 05).

SVG is text, so a picture is built in well under a millisecond and a slider can redraw
it on every move.
"""

import re
from html import escape, unescape

from .colours import INK

FONT = "DejaVu Sans,Arial,sans-serif"


def coordinate(value):
    """A coordinate as SVG text: whole numbers as they are, others to one decimal."""
    return str(value) if isinstance(value, (int, str)) else f"{value:.1f}"


def text(x, y, content, size=15, anchor="middle", fill=INK, bold=False, extra="", markup=False):
    """A <text> element; content is escaped unless markup (already SVG, e.g. <tspan>s)."""
    weight = ' font-weight="bold"' if bold else ""
    body = content if markup else escape(str(content))
    return (f'<text x="{coordinate(x)}" y="{coordinate(y)}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}"{weight}{extra}>{body}</text>')


# Markers scale with the line's width, so thick lines get a marker drawn at half the size.
ARROW_DEFS = ''.join(
    f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="{size}" markerHeight="{size}" '
    'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>'
    for name, size in (("arrow", 6), ("arrowthick", 3)))


def svg_open(width, height, label, defs=ARROW_DEFS):
    """The opening of a course picture: scaled to the width it is shown at, white, titled."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
            f'style="max-width:{width}px;font-family:{FONT}" role="img" aria-label="{escape(label)}">'
            f'<title>{escape(label)}</title><defs>{defs}</defs><rect width="{width}" height="{height}" fill="white"/>')


def path(points, colour, width=2.5, arrow=False):
    """A line through the points, with an arrowhead at the end if arrow."""
    d = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(points))
    marker = f' marker-end="url(#{"arrowthick" if width >= 4 else "arrow"})"' if arrow else ""
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{marker}/>'


def node(x, y, symbol, colour=INK):
    """A round node with an operation's symbol (× or +) in it."""
    return (f'<circle cx="{x}" cy="{y}" r="14" fill="white" stroke="{colour}" stroke-width="2.5"/>'
            + text(x, y + 6, symbol, size=19, bold=True, fill=colour))


class SVGDiagram:
    """SVG text that a notebook shows as a picture when it is a cell's value (notebook 02 on)."""

    def __init__(self, svg):
        self.svg = svg

    def _repr_svg_(self):
        return self.svg

    def __repr__(self):
        """The picture's description, for a text-only view (and no memory address)."""
        label = re.search(r'aria-label="([^"]*)"', self.svg)
        return f"[diagram: {unescape(label.group(1)) if label else 'LSTM'}]"

    def __str__(self):
        return self.svg
