"""SVG building blocks shared by the diagrams (notebooks 03-04) and the charts (notebooks 02, 05).

SVG is text, so a picture is built in well under a millisecond and a slider can redraw
it on every move.
"""

import base64
import hashlib
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


def svg_open(width, height, label, defs=ARROW_DEFS, description=""):
    """The opening of a course picture: scaled to the width it is shown at, white, with a
    <title> (its name) and a <desc> (what it shows, with the numbers that matter)."""
    ident = "svg-" + hashlib.sha1(f"{label}|{description}".encode()).hexdigest()[:12]
    desc = f'<desc id="{ident}-desc">{escape(description)}</desc>' if description else ""
    described_by = f' aria-describedby="{ident}-desc"' if description else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
            f'style="max-width:{width}px;height:auto;font-family:{FONT}" role="img" '
            f'aria-labelledby="{ident}-title"{described_by}>'
            f'<title id="{ident}-title">{escape(label)}</title>{desc}<defs>{defs}</defs>'
            f'<rect width="{width}" height="{height}" fill="white"/>')


def svg_description(svg):
    """A picture's title and description, as one text (what a screen reader says for it)."""
    title = re.search(r"<title[^>]*>([^<]*)</title>", svg)
    desc = re.search(r"<desc[^>]*>([^<]*)</desc>", svg)
    return ": ".join(unescape(m.group(1)) for m in (title, desc) if m)


def path(points, colour, width=2.5, arrow=False):
    """A line through the points, with an arrowhead at the end if arrow."""
    d = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(points))
    marker = f' marker-end="url(#{"arrowthick" if width >= 4 else "arrow"})"' if arrow else ""
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{marker}/>'


def node(x, y, symbol, colour=INK, ink=None):
    """A round node with an operation's symbol (× or +) in it: [the circle, the symbol]; the
    symbol is written in ink (default: the circle's colour; give a text colour for a light one)."""
    return [f'<circle cx="{x}" cy="{y}" r="14" fill="white" stroke="{colour}" stroke-width="2.5"/>',
            text(x, y + 6, symbol, size=19, bold=True, fill=ink or colour)]


class SVGDiagram:
    """SVG text that a notebook shows as a picture when it is a cell's value (notebook 02 on).

    It is sent as HTML, an <img> whose alt is the SVG's title and description: as
    image/svg+xml, JupyterLab would wrap it in an <img> without alt; as inline SVG, it would
    vanish from a stored notebook opened untrusted (JupyterLab's sanitizer drops <svg>)."""

    def __init__(self, svg):
        self.svg = svg

    def _repr_html_(self):
        width = re.search(r'viewBox="0 0 ([\d.]+)', self.svg)
        data = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        return (f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(svg_description(self.svg))}" '
                f'style="width:100%;max-width:{width.group(1) if width else 1000}px;height:auto">')

    def __repr__(self):
        """The picture's description, for a text-only view (and no memory address)."""
        return f"[diagram: {svg_description(self.svg) or 'LSTM'}]"

    def __str__(self):
        return self.svg
