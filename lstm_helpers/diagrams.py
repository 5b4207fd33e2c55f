"""One LSTM unit drawn as SVG, in the layout of the source chapter.

The long-term memory (cell state) runs along the top in green, with a multiply
and an add on it and no weights; the short-term memory (hidden state) runs
along the bottom in pink, with the input below it; four blocks between them.
SVG is text, so drawing takes well under a millisecond and a slider can redraw
it on every move. Given an LSTMStep, every number on it is that step's value;
without one, it names the parts instead (the terminology diagram).
"""

import re
from html import escape, unescape

import numpy as np

from ._checks import _describe, real_number, whole_number
from .lstm import EXAMPLE_PARAMS, GATE_NAMES, LSTMStep, Unrolled, check_params

GREEN, PINK, INK, BLUE, VERMILLION, FADED = "#009E73", "#CC79A7", "#222222", "#0072B2", "#D55E00", 0.22
WIDTH, HEIGHT = 1000, 500
LONG_Y, SHORT_Y, INPUT_Y = 72, 402, 462
BLOCK_TOP, BLOCK_HEIGHT, BLOCK_WIDTH = 178, 164, 166
CENTRES = {"forget": 200, "input": 380, "candidate": 560, "output": 740}
PRODUCT, FORGET_NODE, OUTPUT_NODE, TANH_X = (470, 132), (200, LONG_Y), (908, 260), 908
LABEL_Y = LONG_Y - 26  # memory labels sit clear above the nodes on the line

# How each number of a step is written: gates (percentages) to 3 decimals, the rest to 2.
FORMATS = {name: ".3f" for name in ("forget_gate", "input_gate", "output_gate")}
STAGES = {
    None: set(GATE_NAMES) | {"tanh"},
    "forget": {"forget"},
    "long": {"input", "candidate"},
    "output": {"output", "tanh"},
}
TITLES = {"forget": ["Forget gate"], "input": ["Input gate"], "candidate": ["Potential", "long-term memory"],
          "output": ["Output gate"]}
TERMS = {
    "forget": ["% of long-term", "memory to", "remember"],
    "input": ["% of potential", "long-term memory", "to add"],
    "candidate": ["a value to add", "(other texts:", "candidate)"],
    "output": ["% of potential", "short-term memory", "to output"],
}
ACTIVATION = {"forget": "sigmoid", "input": "sigmoid", "candidate": "tanh", "output": "sigmoid"}


def fmt(name, value):
    """A step's value as the diagram and the table write it (never "-0.00")."""
    text = format(value, FORMATS.get(name, ".2f"))
    return text[1:] if text.startswith("-") and float(text) == 0 else text


class SVGDiagram:
    """SVG text that a notebook shows as a picture when it is a cell's value."""

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


def _text(x, y, text, size=15, anchor="middle", fill=INK, bold=False):
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
            f"{escape(str(text))}</text>")


# Markers scale with the line's width, so thick lines get a marker drawn at half the size.
DEFS = ('<defs>' + ''.join(
    f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="{size}" markerHeight="{size}" '
    'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>'
    for name, size in (("arrow", 6), ("arrowthick", 3))) + '</defs>')


def _svg_open(width, height, label):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
            f'style="max-width:{width}px;font-family:DejaVu Sans,Arial,sans-serif" role="img" '
            f'aria-label="{escape(label)}">{DEFS}<rect width="{width}" height="{height}" fill="white"/>')


def _path(points, colour, width=2.5, arrow=False):
    d = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(points))
    marker = f' marker-end="url(#{"arrowthick" if width >= 4 else "arrow"})"' if arrow else ""
    return f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{marker}/>'


def _node(x, y, symbol, colour=INK):
    return (f'<circle cx="{x}" cy="{y}" r="14" fill="white" stroke="{colour}" stroke-width="2.5"/>'
            + _text(x, y + 6, symbol, size=19, bold=True, fill=colour))


def _group(content, active):
    opacity = "" if active else f' opacity="{FADED}"'
    return f"<g{opacity}>{''.join(content)}</g>"


def _block(gate, lines, highlighted):
    cx = CENTRES[gate]
    colour = VERMILLION if ACTIVATION[gate] == "tanh" else BLUE
    fill = "#FFF6D5" if highlighted else "white"
    parts = [f'<rect x="{cx - BLOCK_WIDTH / 2}" y="{BLOCK_TOP}" width="{BLOCK_WIDTH}" height="{BLOCK_HEIGHT}" '
             f'rx="8" fill="{fill}" stroke="{colour}" stroke-width="{4 if highlighted else 2.5}"/>']
    parts += [_text(cx, BLOCK_TOP + 22 + 18 * k, title, size=14.5, bold=True, fill=colour)
              for k, title in enumerate(TITLES[gate])]
    top = BLOCK_TOP + 48 + 18 * (len(TITLES[gate]) - 1)
    spacing = 22 if len(lines) * 22 + top <= BLOCK_TOP + BLOCK_HEIGHT - 4 else 19
    for k, (line, bold) in enumerate(lines):
        parts.append(_text(cx, top + spacing * k, line, size=15, bold=bold))
    # the short-term memory and the input come up into every block
    parts.append(_path([(cx - 28, SHORT_Y), (cx - 28, BLOCK_TOP + BLOCK_HEIGHT + 8)], PINK, arrow=True))
    parts.append(_path([(cx + 28, INPUT_Y), (cx + 28, BLOCK_TOP + BLOCK_HEIGHT + 8)], INK, width=2, arrow=True))
    return parts


def _block_lines(gate, step, params):
    if step is None:
        return [(line, False) for line in TERMS[gate]] + [(f"({ACTIVATION[gate]})", False)]
    weights = getattr(params, gate)
    total = getattr(step, f"{gate}_sum")
    out_name = "candidate" if gate == "candidate" else f"{gate}_gate"
    return [
        (f"{weights.w_short:.2f} × short", False),
        (f"{weights.w_input:.2f} × input", False),
        (f"+ bias {weights.bias:.2f}", False),
        (f"sum {fmt(f'{gate}_sum', total)}", False),
        (f"{ACTIVATION[gate]} → {fmt(out_name, getattr(step, out_name))}", True),
    ]


def _check_step(step):
    """step must be what lh.lstm_step returns, for one unit (not a batch)."""
    if not isinstance(step, LSTMStep) or np.ndim(step.short_memory) != 0:
        raise TypeError(f"step must be one LSTMStep, as lh.lstm_step returns for single numbers; got {_describe(step)}")
    return step


def _check_run(run, shown_days, target=None):
    """run must be one sequence's Unrolled; returns (days, shown days) after checking them and target."""
    if not isinstance(run, Unrolled):
        raise TypeError(f"run must be what lh.unroll returns (an Unrolled), got {_describe(run)}")
    if np.ndim(run.prediction) != 0:
        raise ValueError("run must be one sequence (a 1-D unroll), not a batch; unroll each company on its own")
    days = len(run.steps)
    shown = days if shown_days is None else whole_number(shown_days, "shown_days", 0, days)
    if target is not None:
        real_number(target, "target")
    return days, shown


def _check_params_made_step(step, params):
    """The weights drawn must be the ones that made the sums drawn."""
    params = check_params(params)
    for gate in GATE_NAMES:
        expected = getattr(params, gate).weighted_sum(step.previous_short_memory, step.input_value)
        if not np.allclose(expected, getattr(step, f"{gate}_sum")):
            raise ValueError(f"params do not match step: the {gate} gate's weights give another sum; "
                             "pass the params the step was computed with")


def lstm_unit_svg(step=None, params=EXAMPLE_PARAMS, stage=None):
    """The unit as SVG text: live values from `step`, or the parts' names when step is None.

    stage is None (everything), "forget", "long" or "output": that stage stands out
    and the rest is faded.
    """
    if stage not in STAGES:
        raise ValueError(f"stage must be one of None, 'forget', 'long', 'output'; got {stage!r}")
    if step is not None:
        _check_step(step)
        _check_params_made_step(step, params)
    active = STAGES[stage]
    lit = stage is not None
    named = step is None
    v = (lambda name: fmt(name, getattr(step, name))) if step is not None else (lambda name: "")

    parts = [_svg_open(WIDTH, HEIGHT, "One LSTM unit" + ("" if named else ", with the values of this step"))]
    # the two memories and the input, always shown
    long_label = "Long-term memory = cell state" if named else f"previous long-term memory {v('previous_long_memory')}"
    # two lines, so the label fits left of the first block's input arrow
    short_label = (["Short-term memory", "= hidden state"] if named
                   else ["previous short-term", f"memory {v('previous_short_memory')}"])
    parts += [
        _path([(10, LONG_Y), (WIDTH - 10, LONG_Y)], GREEN, width=6, arrow=True),
        _text(12, LABEL_Y, long_label, anchor="start", fill=GREEN, bold=True, size=16),
        _text(WIDTH - 12, LABEL_Y, "new long-term memory" if named else f"new long-term memory {v('long_memory')}",
              anchor="end", fill=GREEN, bold=True, size=16),
        _path([(10, SHORT_Y), (CENTRES["output"] - 28, SHORT_Y)], PINK, width=6),
        *(_text(12, SHORT_Y + 22 + 19 * k, line, anchor="start", fill=PINK, bold=True, size=15)
          for k, line in enumerate(short_label)),
        _path([(10, INPUT_Y), (CENTRES["output"] + 28, INPUT_Y)], INK, width=2.5),
        _text(12, INPUT_Y + 26, "input" if named else f"input {v('input_value')}", anchor="start", bold=True, size=16),
    ]
    # stage 1: the forget gate scales the long-term memory
    fx, fy = FORGET_NODE
    forget = _block("forget", _block_lines("forget", step, params), lit and "forget" in active)
    forget += [_path([(fx, BLOCK_TOP), (fx, fy + 16)], BLUE, arrow=True), _node(fx, fy, "×", GREEN)]
    if not named:
        forget.append(_text((fx + PRODUCT[0]) / 2, LONG_Y + 28, f"kept {v('scaled_long_memory')}", fill=GREEN, bold=True))
    parts.append(_group(forget, "forget" in active))
    # stage 2: input gate x potential long-term memory is added to it
    px, py = PRODUCT
    ix, cx = CENTRES["input"], CENTRES["candidate"]
    added = _block("input", _block_lines("input", step, params), lit and "input" in active)
    added += _block("candidate", _block_lines("candidate", step, params), lit and "candidate" in active)
    added += [_path([(ix, BLOCK_TOP), (ix, py), (px - 16, py)], BLUE, arrow=True),
              _path([(cx, BLOCK_TOP), (cx, py), (px + 16, py)], VERMILLION, arrow=True),
              _node(px, py, "×"), _path([(px, py - 14), (px, LONG_Y + 16)], INK, arrow=True), _node(px, LONG_Y, "+", GREEN)]
    if not named:
        added.append(_text(px + 22, (LONG_Y + py) / 2 + 6, f"adds {v('added_long_memory')}", anchor="start", bold=True))
    parts.append(_group(added, "input" in active))
    # stage 3: the output gate scales tanh(new long-term memory) into the new short-term memory
    ox, oy = OUTPUT_NODE
    out = _block("output", _block_lines("output", step, params), lit and "output" in active)
    tanh_lines = ["potential", "short-term", "(tanh)"] if named else ["tanh →", v("potential_short_memory")]
    box_height = 22 * len(tanh_lines) + 12
    out += [_path([(TANH_X, LONG_Y), (TANH_X, LONG_Y + 42)], GREEN, width=3, arrow=True),
            f'<rect x="{TANH_X - 50}" y="{LONG_Y + 44}" width="100" height="{box_height}" rx="6" fill="white" '
            f'stroke="{VERMILLION}" stroke-width="2.5"/>']
    out += [_text(TANH_X, LONG_Y + 66 + 22 * k, line, bold=(k == len(tanh_lines) - 1) and not named) for k, line in enumerate(tanh_lines)]
    out += [_path([(TANH_X, LONG_Y + 44 + box_height), (TANH_X, oy - 16)], VERMILLION, arrow=True),
            _path([(CENTRES["output"] + BLOCK_WIDTH / 2, oy), (ox - 16, oy)], BLUE, arrow=True),
            _node(ox, oy, "×", PINK), _path([(ox, oy + 14), (ox, SHORT_Y), (WIDTH - 10, SHORT_Y)], PINK, width=6, arrow=True)]
    # right of the output block's input arrow, in two lines
    new_short = ["new short-term", "memory = the output"] if named else ["new short-term", f"memory {v('short_memory')}"]
    out += [_text(WIDTH - 12, SHORT_Y + 22 + 19 * k, line, anchor="end", fill=PINK, bold=True, size=15)
            for k, line in enumerate(new_short)]
    parts.append(_group(out, "output" in active))
    parts.append("</svg>")
    return "".join(parts)


def draw_lstm_unit(step=None, params=EXAMPLE_PARAMS, stage=None):
    """The unit as a picture a notebook shows: see lstm_unit_svg."""
    return SVGDiagram(lstm_unit_svg(step, params, stage))


LABELS = {
    "input_value": "input",
    "previous_long_memory": "previous long-term memory",
    "previous_short_memory": "previous short-term memory",
    "forget_sum": "forget gate sum",
    "forget_gate": "forget gate (% to remember)",
    "scaled_long_memory": "long-term memory kept",
    "input_sum": "input gate sum",
    "input_gate": "input gate (% to add)",
    "candidate_sum": "potential long-term sum",
    "candidate": "potential long-term memory",
    "added_long_memory": "added to long-term memory",
    "long_memory": "new long-term memory",
    "output_sum": "output gate sum",
    "output_gate": "output gate (% to output)",
    "potential_short_memory": "potential short-term memory",
    "short_memory": "new short-term memory",
}


def step_table_html(step):
    """Every number of a step in an HTML table, rounded to 3 decimals, in computation order."""
    _check_step(step)
    rows = "".join(
        f'<tr><td style="text-align:left;padding:1px 8px">{LABELS[name]}</td>'
        f'<td style="text-align:right;padding:1px 8px;font-family:monospace">{value:.3f}</td></tr>'
        for name, value in step.as_dict().items()
    )
    return (f'<table style="border-collapse:collapse;font-size:13px" aria-label="every number of this step">'
            f'<tr><th style="text-align:left;padding:1px 8px">quantity</th><th style="padding:1px 8px">value</th></tr>'
            f"{rows}</table>")


def stage_explanation(step, stage):
    """One or two sentences on what the chosen stage does, with this step's numbers."""
    _check_step(step)
    if stage not in STAGES:
        raise ValueError(f"stage must be one of None, 'forget', 'long', 'output'; got {stage!r}")
    f = {name: fmt(name, value) for name, value in step.as_dict().items()}
    if stage is None:
        return ("<b>The whole unit.</b> Long-term memory flows along the green line, short-term memory along "
                f"the pink one. From long-term {f['previous_long_memory']}, short-term {f['previous_short_memory']} "
                f"and input {f['input_value']}, the unit makes a new long-term memory {f['long_memory']} "
                f"and a new short-term memory {f['short_memory']}.")
    if stage == "forget":
        return (f"<b>1 · Forget gate.</b> Its sum {f['forget_sum']} goes through sigmoid to give {f['forget_gate']}: "
                f"the unit keeps {step.forget_gate:.1%} of the long-term memory, so {f['previous_long_memory']} "
                f"becomes {f['scaled_long_memory']}. It decides how much is <i>remembered</i>, yet it is "
                "called the forget gate.")
    if stage == "long":
        return (f"<b>2 · New long-term memory.</b> The potential long-term memory is tanh({f['candidate_sum']}) = "
                f"{f['candidate']}; the input gate keeps {step.input_gate:.1%} of it, adding {f['added_long_memory']} "
                f"to the {f['scaled_long_memory']} kept: the new long-term memory is {f['long_memory']}. "
                "No weight touches the green line itself.")
    return (f"<b>3 · Output gate.</b> The potential short-term memory is tanh({f['long_memory']}) = "
            f"{f['potential_short_memory']}; the output gate lets {step.output_gate:.1%} of it out, so the new "
            f"short-term memory, the unit's output, is {f['short_memory']}. Here the name says what it does.")


U_HEIGHT = 370
U_LONG_Y, U_SHORT_Y, U_BOX_TOP, U_BOX_BOTTOM = 92, 262, 62, 292
U_BOX_WIDTH = 118
MAX_DRAWN_DAYS = 8  # beyond this the picture, scaled to the page, gets too small to read
U_SPACING = 190  # between copies; the picture widens with the days (4 days: 1000 px)


def _unrolled_width(days):
    return 190 + U_SPACING * (max(days, 4) - 1) + 240


def _unit_x(day, days):
    """Centre of the copy for `day` (0-based): up to 4 days share 1000 px, more widen the picture."""
    left, right = 190, _unrolled_width(days) - 240
    return left + (right - left) * (day / max(days - 1, 1))


def unrolled_svg(run, shown_days=None, target=None):
    """The unit unrolled, one compact copy per day, as SVG: the memories each copy hands on,
    its input, and the last short-term memory as the prediction.

    run is an Unrolled for one sequence; shown_days (default all) lights that many days
    and fades the rest; target, if given, is the true next value to compare with.
    """
    days, shown = _check_run(run, shown_days, target)
    if days > MAX_DRAWN_DAYS:
        raise ValueError(f"run must have at most {MAX_DRAWN_DAYS} days to be drawn one copy per day, got {days}; "
                         "plot the memories of a longer run instead")
    width = _unrolled_width(days)
    parts = [
        _svg_open(width, U_HEIGHT, f"The LSTM unit unrolled over {days} days"),
        _text(12, U_LONG_Y - 12, f"long {fmt('long_memory', run.steps[0].previous_long_memory)}", anchor="start",
              fill=GREEN, bold=True),
        _text(12, U_SHORT_Y + 26, f"short {fmt('short_memory', run.steps[0].previous_short_memory)}",
              anchor="start", fill=PINK, bold=True),
    ]
    previous_x = 12
    for day, step in enumerate(run.steps):
        x = _unit_x(day, days)
        lit = day < shown
        left, right = x - U_BOX_WIDTH / 2, x + U_BOX_WIDTH / 2
        copy = [
            _path([(previous_x + (0 if day == 0 else U_BOX_WIDTH / 2), U_LONG_Y), (left - 2, U_LONG_Y)], GREEN, width=6, arrow=True),
            _path([(previous_x + (0 if day == 0 else U_BOX_WIDTH / 2), U_SHORT_Y), (left - 2, U_SHORT_Y)], PINK, width=6, arrow=True),
            f'<rect x="{left}" y="{U_BOX_TOP}" width="{U_BOX_WIDTH}" height="{U_BOX_BOTTOM - U_BOX_TOP}" rx="10" '
            f'fill="{"#FFF6D5" if lit and day == shown - 1 and shown < days else "white"}" stroke="{INK}" stroke-width="2.5"/>',
            _text(x, (U_LONG_Y + U_SHORT_Y) / 2 - 8, "LSTM", size=18, bold=True),
            _text(x, (U_LONG_Y + U_SHORT_Y) / 2 + 16, f"day {day + 1}", size=15),
            _text(x, (U_LONG_Y + U_SHORT_Y) / 2 + 38, "same weights", size=12, fill="#555555"),
            _path([(x, U_HEIGHT - 36), (x, U_BOX_BOTTOM + 4)], INK, width=2.5, arrow=True),
            _text(x, U_HEIGHT - 12, f"input {fmt('input_value', step.input_value)}", bold=True),
        ]
        if lit:
            copy += [_text(right + 36, U_LONG_Y - 12, fmt("long_memory", step.long_memory), fill=GREEN, bold=True),
                     _text(right + 36, U_SHORT_Y + 26, fmt("short_memory", step.short_memory), fill=PINK, bold=True)]
        parts.append(_group(copy, lit))
        previous_x = x
    last_right = _unit_x(days - 1, days) + U_BOX_WIDTH / 2
    if shown == days:
        parts += [_path([(last_right, U_LONG_Y), (width - 10, U_LONG_Y)], GREEN, width=6, arrow=True),
                  _path([(last_right, U_SHORT_Y), (width - 10, U_SHORT_Y)], PINK, width=6, arrow=True),
                  _text(width - 12, U_SHORT_Y - 40, "prediction", anchor="end", fill=PINK, bold=True, size=16),
                  _text(width - 12, U_SHORT_Y - 18, f"for day {days + 1}: {fmt('short_memory', run.prediction)}",
                        anchor="end", fill=PINK, bold=True, size=16)]
        if target is not None:
            parts.append(_text(width - 12, U_SHORT_Y + 52, f"actual: {fmt('input_value', target)}", anchor="end", size=15))
    parts.append("</svg>")
    return "".join(parts)


def draw_unrolled(run, shown_days=None, target=None):
    """The unrolled unit as a picture a notebook shows: see unrolled_svg."""
    return SVGDiagram(unrolled_svg(run, shown_days, target))


class DaysTable:
    """Day, input, long-term and short-term memory after each day, and the prediction:
    an HTML table in JupyterLab, aligned plain text in a stored output.

    shown_days (default all) is how many days have run: later days show their input
    only, and the prediction appears once every day has run (as unrolled_svg draws it).
    """

    def __init__(self, run, name="", shown_days=None):
        _, self.shown = _check_run(run, shown_days)
        self.run, self.name = run, str(name)
        self.rows = [(day, s.input_value, s.long_memory, s.short_memory) for day, s in enumerate(run.steps, start=1)]

    def _prediction_text(self, bold=lambda text: text):
        days = len(self.rows)
        if self.shown < days:
            return f"prediction for day {days + 1}: after day {days} has run"
        return f"prediction for day {days + 1}: {bold(f'{self.run.prediction:.2f}')}"

    def __repr__(self):
        lines = [f"{self.name}{': ' if self.name else ''}day   input   long-term   short-term"]
        indent = " " * (len(self.name) + 2 if self.name else 0)
        lines += [f"{indent}{day:>3}   {x:5.2f}   {long:9.2f}   {short:10.2f}" if day <= self.shown
                  else f"{indent}{day:>3}   {x:5.2f}   {'-':>9}   {'-':>10}" for day, x, long, short in self.rows]
        lines.append(f"{indent}{self._prediction_text()}")
        return "\n".join(lines)

    def _repr_html_(self):
        cell = 'style="padding:1px 10px;text-align:right"'
        rows = "".join(
            f"<tr><td {cell}>{day}</td><td {cell}>{x:.2f}</td><td {cell}><span style=\"color:{GREEN}\">{long:.2f}</span></td>"
            f"<td {cell}><span style=\"color:#A2447F\">{short:.2f}</span></td></tr>" if day <= self.shown else
            f"<tr style=\"color:#767676\"><td {cell}>{day}</td><td {cell}>{x:.2f}</td>"
            f"<td {cell}>not run</td><td {cell}>not run</td></tr>"
            for day, x, long, short in self.rows
        )
        head = "".join(f"<th {cell}>{h}</th>" for h in ("day", "input", "long-term memory", "short-term memory"))
        caption = f"<caption style=\"text-align:left\"><b>{escape(self.name)}</b></caption>" if self.name else ""
        return (f'<table style="border-collapse:collapse;font-size:13px;font-family:monospace" '
                f'aria-label="memories after each day">{caption}<tr>{head}</tr>{rows}</table>'
                f"<p>{self._prediction_text(lambda text: f'<b>{text}</b>')}</p>")


GATE_ROWS = (  # (field of a step, what a learner reads, format)
    ("input_value", "input", ".2f"),
    ("forget_gate", "forget gate (% of long-term memory to remember)", ".3f"),
    ("input_gate", "input gate (% of potential long-term memory to add)", ".3f"),
    ("candidate", "potential long-term memory", ".2f"),
    ("added_long_memory", "added to long-term memory", ".2f"),
    ("long_memory", "long-term memory after the day", ".2f"),
    ("short_memory", "short-term memory after the day", ".2f"),
)
ROW_COLOURS = {"long_memory": GREEN, "short_memory": "#A2447F"}


class GatesTable:
    """Every gate of every day for several runs, one row per quantity and run, days across:
    the runs side by side, so a learner sees which gate carries what. HTML in JupyterLab,
    aligned plain text in a stored output."""

    def __init__(self, runs):
        if not isinstance(runs, dict) or not runs:
            raise TypeError(f"runs must be a dict of name: lh.unroll(...) result, got {type(runs).__name__}")
        days = {len(run.steps) for run in runs.values()}
        if len(days) != 1 or any(np.ndim(run.prediction) != 0 for run in runs.values()):
            raise ValueError("runs must each be one sequence (a 1-D unroll), all of the same number of days")
        self.runs, self.days = runs, days.pop()

    def rows(self):
        """[(quantity label, run name, field, [value per day])] in display order."""
        return [(label, name, field, [getattr(step, field) for step in run.steps])
                for field, label, _ in GATE_ROWS for name, run in self.runs.items()]

    def __repr__(self):
        width = max(len(label) for _, label, _ in GATE_ROWS) + 2 + max(len(n) for n in self.runs)
        lines = [" " * width + "".join(f"{f'day {d}':>8}" for d in range(1, self.days + 1))]
        formats = {field: spec for field, _, spec in GATE_ROWS}
        previous = None
        for label, name, field, values in self.rows():
            shown = label if label != previous else ""
            lines.append(f"{shown:<{width - len(name)}}{name}" + "".join(f"{format(v, formats[field]):>8}" for v in values))
            previous = label
        return "\n".join(lines)

    def _repr_html_(self):
        cell = "padding:1px 8px;text-align:right"
        head = "".join(f'<th style="{cell}">day {d}</th>' for d in range(1, self.days + 1))
        formats = {field: spec for field, _, spec in GATE_ROWS}
        body, previous = [], None
        for label, name, field, values in self.rows():
            colour = ROW_COLOURS.get(field, INK)
            first = label != previous
            border = "border-top:1px solid #999;" if first else ""
            cells = "".join(f'<td style="{cell};{border}color:{colour}">{format(v, formats[field])}</td>' for v in values)
            body.append(f'<tr><td style="padding:1px 8px;{border}text-align:left">{escape(label) if first else ""}</td>'
                        f'<td style="padding:1px 8px;{border}"><b>{escape(name)}</b></td>{cells}</tr>')
            previous = label
        return (f'<table style="border-collapse:collapse;font-size:13px;font-family:monospace" '
                f'aria-label="every gate of every day, runs side by side"><tr><th></th><th></th>{head}</tr>'
                f'{"".join(body)}</table>')
