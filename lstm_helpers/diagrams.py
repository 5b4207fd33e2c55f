"""One LSTM unit drawn as SVG, in the layout of the source chapter.

The long-term memory (cell state) runs along the top in green, with a multiply
and an add on it and no weights; the short-term memory (hidden state) runs
along the bottom in pink, with the input below it; four blocks between them.
SVG is text, so drawing takes well under a millisecond and a slider can redraw
it on every move. Given an LSTMStep, every number on it is that step's value;
without one, it names the parts instead (the terminology diagram).
"""

from html import escape

import numpy as np

from .lstm import EXAMPLE_PARAMS, GATE_NAMES, check_params

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
TITLES = {"forget": "Forget gate", "input": "Input gate", "candidate": "Potential long-term", "output": "Output gate"}
TERMS = {
    "forget": ["% of long-term", "memory to", "remember"],
    "input": ["% of potential", "long-term memory", "to remember"],
    "candidate": ["memory", "= candidate"],
    "output": ["% of potential", "short-term memory", "to output"],
}
ACTIVATION = {"forget": "sigmoid", "input": "sigmoid", "candidate": "tanh", "output": "sigmoid"}


def fmt(name, value):
    """A step's value as the diagram and the table write it."""
    return format(value, FORMATS.get(name, ".2f"))


class SVGDiagram:
    """SVG text that a notebook shows as a picture when it is a cell's value."""

    def __init__(self, svg):
        self.svg = svg

    def _repr_svg_(self):
        return self.svg

    def __str__(self):
        return self.svg


def _text(x, y, text, size=15, anchor="middle", fill=INK, bold=False):
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="{fill}"{weight}>'
            f"{escape(str(text))}</text>")


def _path(points, colour, width=2.5, arrow=False):
    d = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(points))
    marker = ' marker-end="url(#arrow)"' if arrow else ""
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
             f'rx="8" fill="{fill}" stroke="{colour}" stroke-width="{4 if highlighted else 2.5}"/>',
             _text(cx, BLOCK_TOP + 22, TITLES[gate], size=14.5, bold=True, fill=colour)]
    for k, (line, bold) in enumerate(lines):
        parts.append(_text(cx, BLOCK_TOP + 48 + 22 * k, line, size=15, bold=bold))
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
        _check_params_made_step(step, params)
    active = STAGES[stage]
    lit = stage is not None
    named = step is None
    v = (lambda name: fmt(name, getattr(step, name))) if step is not None else (lambda name: "")

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'style="max-width:{WIDTH}px;font-family:DejaVu Sans,Arial,sans-serif" role="img" '
        f'aria-label="One LSTM unit{"" if named else ", with the values of this step"}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
    ]
    # the two memories and the input, always shown
    long_label = "Long-term memory = cell state" if named else f"previous long-term memory {v('previous_long_memory')}"
    short_label = "Short-term memory = hidden state" if named else f"previous short-term memory {v('previous_short_memory')}"
    parts += [
        _path([(10, LONG_Y), (WIDTH - 10, LONG_Y)], GREEN, width=6, arrow=True),
        _text(12, LABEL_Y, long_label, anchor="start", fill=GREEN, bold=True, size=16),
        _text(WIDTH - 12, LABEL_Y, "new long-term memory" if named else f"new long-term memory {v('long_memory')}",
              anchor="end", fill=GREEN, bold=True, size=16),
        _path([(10, SHORT_Y), (CENTRES["output"] - 28, SHORT_Y)], PINK, width=6),
        _text(12, SHORT_Y + 24, short_label, anchor="start", fill=PINK, bold=True, size=16),
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
            _node(ox, oy, "×", PINK), _path([(ox, oy + 14), (ox, SHORT_Y), (WIDTH - 10, SHORT_Y)], PINK, width=6, arrow=True),
            _text(WIDTH - 12, SHORT_Y + 24, "new short-term memory" if named else f"new short-term memory {v('short_memory')}",
                  anchor="end", fill=PINK, bold=True, size=16)]
    if named:
        out.append(_text(WIDTH - 12, SHORT_Y + 46, "= the output", anchor="end", fill=PINK, size=15))
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
    "input_gate": "input gate (% to remember)",
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
