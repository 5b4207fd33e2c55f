"""Line and marker charts drawn as SVG text, fast enough to redraw on every slider move.

A matplotlib redraw takes 0.2-0.4 s on the course's two-core machine, too slow to follow
a slider; building the same chart as SVG text takes a millisecond or two, and the browser
draws it crisply at any size. This does only what the explorers need: lines, markers,
horizontal reference lines, a linear or log y axis, a title, axis labels and a legend, in
the course's colours (colours.py) and font sizes.
"""

import math
from html import escape

import numpy as np

from .colours import INK
from .svg import svg_open, text

GRID = "#DDDDDD"


def _fmt(value):
    """A coordinate, to one decimal: short SVG text."""
    return f"{value:.1f}"



def _power_of_ten(exponent):
    """10 with a raised exponent, as SVG text (a minus sign, not a hyphen)."""
    sign = "\u2212" if exponent < 0 else ""
    return f'10<tspan dy="-7" font-size="11">{sign}{abs(exponent)}</tspan>'


def nice_ticks(low, high, most=8):
    """Round tick values from low to high: steps of 1, 2 or 5 times a power of ten."""
    span = high - low
    if not span > 0:
        return [low]
    raw = span / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    count = int(math.floor((high - first) / step + 1e-9)) + 1
    return [round(first + k * step, 12) for k in range(count)]


def _tick_label(value):
    """A linear tick's label: whole numbers without a decimal point, a minus sign for negatives."""
    text = f"{value:g}"
    return text.replace("-", "\u2212")


def _wrap(text, width):
    """Words of `text` in lines of at most `width` characters (a longer word gets a line of its own)."""
    lines = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


MARKERS = {
    # shape: SVG path drawn around (0, 0) for a marker of half-size s
    "circle": lambda s: f"M{-s},0a{s},{s} 0 1,0 {2 * s},0a{s},{s} 0 1,0 {-2 * s},0z",
    "triangle": lambda s: f"M{-s},{-s * 0.8}L{s},{-s * 0.8}L0,{s * 1.1}z",  # pointing down
    "square": lambda s: f"M{-s * 0.85},{-s * 0.85}h{s * 1.7}v{s * 1.7}h{-s * 1.7}z",
    "cross": lambda s: f"M{-s},{-s}L{s},{s}M{-s},{s}L{s},{-s}",
}


class Chart:
    """A chart: add lines, markers and reference lines, then call svg().

    x runs over xlim; y over ylim, on a log scale when ylog. Points outside the limits,
    or not finite, or not positive on a log scale, are left out (lines break there).
    """

    def __init__(self, title, xlabel, ylabel, xlim, ylim, ylog=False, width=840, height=380,
                 legend_width=215, integer_x=False):
        self.title, self.xlabel, self.ylabel = title, xlabel, ylabel
        self.xlim, self.ylim, self.ylog, self.integer_x = xlim, ylim, ylog, integer_x
        self.width, self.height = width, height
        self.left, self.top = 86, 40
        self.right = width - legend_width - 12
        self.bottom = height - 58
        self.legend_chars = max(10, int((legend_width - 56) / 6.9))  # characters of 13 px text per legend line
        self.items = []  # SVG text of the data, in drawing order
        self.description = ""  # what the chart shows, with its numbers: set by whoever draws it
        self.legend = []  # (kind, colour, dash or marker shape, label)

    # -- coordinates ----------------------------------------------------------
    def _y_value(self, y):
        return np.log10(y) if self.ylog else y

    def px(self, x):
        low, high = self.xlim
        return self.left + (np.asarray(x, float) - low) / (high - low) * (self.right - self.left)

    def py(self, y):
        low, high = (self._y_value(v) for v in self.ylim)
        with np.errstate(divide="ignore", invalid="ignore"):
            value = self._y_value(np.asarray(y, float))
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    def _visible(self, x, y):
        x, y = np.asarray(x, float), np.asarray(y, float)
        ok = np.isfinite(x) & np.isfinite(y) & (x >= self.xlim[0]) & (x <= self.xlim[1])
        ok &= (y >= self.ylim[0]) & (y <= self.ylim[1])
        if self.ylog:
            ok &= y > 0
        return ok

    # -- what a chart holds ------------------------------------------------------
    def line(self, x, y, colour, label=None, dash=None, width=2.2):
        """A line through the points, broken wherever a point cannot be drawn."""
        x, y = np.asarray(x, float), np.asarray(y, float)
        ok = self._visible(x, y)
        xs, ys = self.px(np.where(ok, x, self.xlim[0])), self.py(np.where(ok, y, self.ylim[0]))
        parts, pen_down = [], False
        for k in range(len(x)):
            if ok[k]:
                parts.append(f"{'L' if pen_down else 'M'}{_fmt(xs[k])},{_fmt(ys[k])}")
            pen_down = bool(ok[k])
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        if parts:
            self.items.append(f'<path d="{"".join(parts)}" fill="none" stroke="{colour}" stroke-width="{width}"'
                              f'{dashes} stroke-linejoin="round"/>')
        if label:
            self.legend.append(("line", colour, dash, label))

    def markers(self, x, y, shape, colour, label=None, size=6):
        """One marker per point: shape is circle, triangle (pointing down), square or cross."""
        ok = self._visible(x, y)
        xs, ys = self.px(np.asarray(x, float)[ok]), self.py(np.asarray(y, float)[ok])
        path = MARKERS[shape](size)
        style = (f'fill="none" stroke="{colour}" stroke-width="2.2"' if shape == "cross"
                 else f'fill="{colour}" stroke="white" stroke-width="0.8"')
        self.items.append(f"<g {style}>" + "".join(
            f'<path transform="translate({_fmt(a)},{_fmt(b)})" d="{path}"/>' for a, b in zip(xs, ys)) + "</g>")
        if label:
            self.legend.append(("marker", colour, shape, label))

    def hline(self, y, colour, label=None, dash=None, width=1.4):
        """A horizontal reference line across the plot (if y is within the limits)."""
        if self._visible([self.xlim[0]], [y])[0]:
            dashes = f' stroke-dasharray="{dash}"' if dash else ""
            yy = _fmt(float(self.py(y)))
            self.items.append(f'<line x1="{_fmt(self.left)}" x2="{_fmt(self.right)}" y1="{yy}" y2="{yy}" '
                              f'stroke="{colour}" stroke-width="{width}"{dashes}/>')
        if label:
            self.legend.append(("line", colour, dash, label))

    # -- drawing ---------------------------------------------------------------
    def _y_ticks(self):
        if not self.ylog:
            return [(v, _tick_label(v)) for v in nice_ticks(*self.ylim, most=6)]
        low, high = (math.log10(v) for v in self.ylim)
        first, last = math.ceil(low - 1e-9), math.floor(high + 1e-9)
        stride = max(1, math.ceil((last - first + 1) / 7))
        first = math.ceil(first / stride) * stride  # ticks at multiples of the stride: 10^0 is always one
        return [(10.0**e, _power_of_ten(e)) for e in range(first, last + 1, stride)]

    def _x_ticks(self):
        ticks = nice_ticks(*self.xlim, most=10)
        if self.integer_x:
            ticks = [t for t in ticks if float(t).is_integer()]
        return [(t, _tick_label(t)) for t in ticks]

    def _axes(self):
        parts = []
        for value, label in self._y_ticks():
            y = _fmt(float(self.py(value)))
            parts.append(f'<line x1="{_fmt(self.left)}" x2="{_fmt(self.right)}" y1="{y}" y2="{y}" '
                         f'stroke="{GRID}" stroke-width="1"/>')
            parts.append(text(self.left - 8, float(y) + 5, label, size=13, anchor="end", markup=True))
        for value, label in self._x_ticks():
            x = _fmt(float(self.px(value)))
            parts.append(f'<line x1="{x}" x2="{x}" y1="{_fmt(self.bottom)}" y2="{_fmt(self.bottom + 5)}" '
                         f'stroke="{INK}" stroke-width="1.2"/>')
            parts.append(text(float(x), self.bottom + 21, label, size=13, markup=True))
        parts.append(f'<path d="M{_fmt(self.left)},{_fmt(self.top)}V{_fmt(self.bottom)}H{_fmt(self.right)}" '
                     f'fill="none" stroke="{INK}" stroke-width="1.2"/>')
        parts.append(text((self.left + self.right) / 2, self.height - 12, self.xlabel, size=14))
        middle = (self.top + self.bottom) / 2
        parts.append(text(18, middle, self.ylabel, size=14, extra=f' transform="rotate(-90 18 {_fmt(middle)})"'))
        parts.append(text((self.left + self.right) / 2, 24, self.title, size=16, bold=True))
        return parts

    def _legend(self):
        parts, x, y = [], self.right + 18, self.top + 8
        markers_first = sorted(self.legend, key=lambda entry: entry[0] != "marker")
        for kind, colour, style, label in markers_first:
            if kind == "line":
                dashes = f' stroke-dasharray="{style}"' if style else ""
                parts.append(f'<line x1="{x}" x2="{x + 30}" y1="{y}" y2="{y}" stroke="{colour}" '
                             f'stroke-width="2.2"{dashes}/>')
            else:
                fill = (f'fill="none" stroke="{colour}" stroke-width="2.2"' if style == "cross"
                        else f'fill="{colour}"')
                parts.append(f'<path transform="translate({x + 15},{y})" d="{MARKERS[style](6)}" {fill}/>')
            lines = _wrap(label, self.legend_chars)
            parts.append(text(x + 38, y + 5, "".join(
                f'<tspan x="{x + 38}" dy="{0 if k == 0 else 16}">{escape(line)}</tspan>' for k, line in enumerate(lines)),
                size=13, anchor="start", markup=True))
            y += 24 + 16 * (len(lines) - 1)
        return parts

    def svg(self):
        """The chart as SVG text, scaled to the width it is shown at."""
        # the id names the plot area's geometry: two charts on one page that share an id share the area too
        area = f"plot-{self.left}-{self.top}-{self.right}-{self.bottom}"
        clip = (f'<clipPath id="{area}"><rect x="{_fmt(self.left)}" y="{_fmt(self.top - 8)}" '
                f'width="{_fmt(self.right - self.left + 8)}" height="{_fmt(self.bottom - self.top + 16)}"/></clipPath>')
        return (svg_open(self.width, self.height, self.title, defs=clip, description=self.description) + "".join(self._axes())
                + f'<g clip-path="url(#{area})">' + "".join(self.items) + "</g>"
                + "".join(self._legend()) + "</svg>")
