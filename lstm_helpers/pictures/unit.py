"""One LSTM unit drawn as SVG, in the layout of the source chapter (notebook 03).

The long-term memory (cell state) runs along the top in green, with a multiply
and an add on it and no weights; the short-term memory (hidden state) runs
along the bottom in pink, with the input below it; four blocks between them.
Given an LSTMStep, every number on it is that step's value; without one, it
names the parts instead (the terminology diagram).
"""

import re

import numpy as np

from ..lstm import EXAMPLE_PARAMS, GATE_NAMES, LSTMStep, check_params
from .colours import (
    BLUE, BLUE_TEXT, GREEN_TEXT, INK, LONG_TERM_GREEN as GREEN, MUTED_TEXT, PINK_TEXT, SHORT_TERM_PINK as PINK,
    VERMILLION, VERMILLION_TEXT,
)
from .svg import SVGDiagram, node, path, svg_open, text

FADED = 0.22
# What a learner reads for each of a gate's three numbers (notebooks 03 and 05)
PART_LABELS = {"w_short": "weight on short-term memory", "w_input": "weight on input", "bias": "bias"}

WIDTH, HEIGHT = 1000, 500
LONG_Y, SHORT_Y, INPUT_Y = 72, 402, 462
BLOCK_TOP, BLOCK_HEIGHT, BLOCK_WIDTH = 178, 164, 166
CENTRES = {"forget": 200, "input": 380, "candidate": 560, "output": 740}
PRODUCT, FORGET_NODE, OUTPUT_NODE, TANH_X = (470, 132), (200, LONG_Y), (908, 260), 908
LABEL_Y = LONG_Y - 26  # memory labels sit clear above the nodes on the line

# How each number of a step is written: gates (fractions) to 3 decimals, the rest to 2.
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



def group(content, active):
    """SVG parts as one group, faded unless active (the stage the diagram stands out). Faded
    text turns grey instead of transparent, so it still reads at 7:1 (WCAG AA needs 4.5)."""
    if active:
        return f"<g>{''.join(content)}</g>"
    texts = [re.sub(r'fill="[^"]*"', f'fill="{MUTED_TEXT}"', part, count=1) for part in content
             if part.startswith("<text")]
    shapes = [part for part in content if not part.startswith("<text")]
    return f'<g><g opacity="{FADED}">{"".join(shapes)}</g>{"".join(texts)}</g>'


def _block(gate, lines, highlighted):
    cx = CENTRES[gate]
    colour = VERMILLION if ACTIVATION[gate] == "tanh" else BLUE
    title_colour = VERMILLION_TEXT if ACTIVATION[gate] == "tanh" else BLUE_TEXT
    fill = "#FFF6D5" if highlighted else "white"
    parts = [f'<rect x="{cx - BLOCK_WIDTH / 2}" y="{BLOCK_TOP}" width="{BLOCK_WIDTH}" height="{BLOCK_HEIGHT}" '
             f'rx="8" fill="{fill}" stroke="{colour}" stroke-width="{4 if highlighted else 2.5}"/>']
    parts += [text(cx, BLOCK_TOP + 22 + 18 * k, title, size=14.5, bold=True, fill=title_colour)
              for k, title in enumerate(TITLES[gate])]
    top = BLOCK_TOP + 48 + 18 * (len(TITLES[gate]) - 1)
    spacing = 22 if len(lines) * 22 + top <= BLOCK_TOP + BLOCK_HEIGHT - 4 else 19
    for k, (line, bold) in enumerate(lines):
        parts.append(text(cx, top + spacing * k, line, size=15, bold=bold))
    # the short-term memory and the input come up into every block
    parts.append(path([(cx - 28, SHORT_Y), (cx - 28, BLOCK_TOP + BLOCK_HEIGHT + 8)], PINK, arrow=True))
    parts.append(path([(cx + 28, INPUT_Y), (cx + 28, BLOCK_TOP + BLOCK_HEIGHT + 8)], INK, width=2, arrow=True))
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


def check_step(step):
    """step must be what lh.lstm_step returns, for one unit (not a batch)."""
    if not isinstance(step, LSTMStep) or np.ndim(step.short_memory) != 0:
        raise TypeError("step must be one LSTMStep, as lh.lstm_step returns for single numbers; "
                        f"got {type(step).__name__}")
    return step



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
        check_step(step)
        _check_params_made_step(step, params)
    active = STAGES[stage]
    lit = {gate: stage is not None and gate in active for gate in GATE_NAMES}
    v = (lambda name: fmt(name, getattr(step, name))) if step is not None else None
    blocks = {gate: _block(gate, _block_lines(gate, step, params), lit[gate]) for gate in GATE_NAMES}
    named = step is None
    title = "One LSTM unit" + ("" if named else ", with the values of this step")
    return "".join([svg_open(WIDTH, HEIGHT, title, description=describe_unit(step, stage)),
                    *_memory_lines(v), group(blocks["forget"] + _forget_stage(v), "forget" in active),
                    group(blocks["input"] + blocks["candidate"] + _long_stage(v), "input" in active),
                    group(blocks["output"] + _output_stage(v), "output" in active), "</svg>"])


STAGE_WORDS = {"forget": "stage 1, the forget gate", "long": "stage 2, the new long-term memory",
               "output": "stage 3, the output gate"}


def describe_unit(step=None, stage=None):
    """The unit diagram in words, with this step's numbers (its text alternative)."""
    shown = f" It highlights {STAGE_WORDS[stage]}; the rest is faded." if stage else ""
    if step is None:
        return ("The long-term memory (cell state) runs along the top, the short-term memory (hidden state) "
                "along the bottom, the input below it. Four blocks take the short-term memory and the input: "
                "the forget gate (% of long-term memory to remember), the input gate (% of potential long-term "
                "memory to add), the potential long-term memory (tanh) and the output gate (% of potential "
                "short-term memory to output). The new short-term memory is the output." + shown)
    f = {name: fmt(name, value) for name, value in step.as_dict().items()}
    return (f"From long-term memory {f['previous_long_memory']}, short-term memory {f['previous_short_memory']} "
            f"and input {f['input_value']}: the forget gate is {f['forget_gate']}, so {f['scaled_long_memory']} "
            f"is kept; the input gate {f['input_gate']} times the potential long-term memory {f['candidate']} "
            f"adds {f['added_long_memory']}, giving new long-term memory {f['long_memory']}; the output gate "
            f"{f['output_gate']} times tanh of it, {f['potential_short_memory']}, gives new short-term memory "
            f"{f['short_memory']}." + shown)


def _memory_lines(v):
    """The two memories and the input, always shown; v(name) gives a step's value (None: name the parts)."""
    named = v is None
    long_label = "Long-term memory = cell state" if named else f"previous long-term memory {v('previous_long_memory')}"
    # two lines, so the label fits left of the first block's input arrow
    short_label = (["Short-term memory", "= hidden state"] if named
                   else ["previous short-term", f"memory {v('previous_short_memory')}"])
    return [
        path([(10, LONG_Y), (WIDTH - 10, LONG_Y)], GREEN, width=6, arrow=True),
        text(12, LABEL_Y, long_label, anchor="start", fill=GREEN_TEXT, bold=True, size=16),
        text(WIDTH - 12, LABEL_Y, "new long-term memory" if named else f"new long-term memory {v('long_memory')}",
             anchor="end", fill=GREEN_TEXT, bold=True, size=16),
        path([(10, SHORT_Y), (CENTRES["output"] - 28, SHORT_Y)], PINK, width=6),
        *(text(12, SHORT_Y + 22 + 19 * k, line, anchor="start", fill=PINK_TEXT, bold=True, size=15)
          for k, line in enumerate(short_label)),
        path([(10, INPUT_Y), (CENTRES["output"] + 28, INPUT_Y)], INK, width=2.5),
        text(12, INPUT_Y + 26, "input" if named else f"input {v('input_value')}", anchor="start", bold=True, size=16),
    ]


def _forget_stage(v):
    """Stage 1: the forget gate scales the long-term memory."""
    fx, fy = FORGET_NODE
    parts = [path([(fx, BLOCK_TOP), (fx, fy + 16)], BLUE, arrow=True), *node(fx, fy, "×", GREEN, GREEN_TEXT)]
    if v is not None:
        parts.append(text((fx + PRODUCT[0]) / 2, LONG_Y + 28, f"kept {v('scaled_long_memory')}", fill=GREEN_TEXT, bold=True))
    return parts


def _long_stage(v):
    """Stage 2: input gate x potential long-term memory is added to the long-term memory."""
    px, py = PRODUCT
    ix, cx = CENTRES["input"], CENTRES["candidate"]
    parts = [path([(ix, BLOCK_TOP), (ix, py), (px - 16, py)], BLUE, arrow=True),
             path([(cx, BLOCK_TOP), (cx, py), (px + 16, py)], VERMILLION, arrow=True),
             *node(px, py, "×"), path([(px, py - 14), (px, LONG_Y + 16)], INK, arrow=True), *node(px, LONG_Y, "+", GREEN, GREEN_TEXT)]
    if v is not None:
        parts.append(text(px + 22, (LONG_Y + py) / 2 + 6, f"adds {v('added_long_memory')}", anchor="start", bold=True))
    return parts


def _output_stage(v):
    """Stage 3: the output gate scales tanh(new long-term memory) into the new short-term memory."""
    named = v is None
    ox, oy = OUTPUT_NODE
    tanh_lines = ["potential", "short-term", "(tanh)"] if named else ["tanh →", v("potential_short_memory")]
    box_height = 22 * len(tanh_lines) + 12
    parts = [path([(TANH_X, LONG_Y), (TANH_X, LONG_Y + 42)], GREEN, width=3, arrow=True),
             f'<rect x="{TANH_X - 50}" y="{LONG_Y + 44}" width="100" height="{box_height}" rx="6" fill="white" '
             f'stroke="{VERMILLION}" stroke-width="2.5"/>']
    parts += [text(TANH_X, LONG_Y + 66 + 22 * k, line, bold=(k == len(tanh_lines) - 1) and not named)
              for k, line in enumerate(tanh_lines)]
    parts += [path([(TANH_X, LONG_Y + 44 + box_height), (TANH_X, oy - 16)], VERMILLION, arrow=True),
              path([(CENTRES["output"] + BLOCK_WIDTH / 2, oy), (ox - 16, oy)], BLUE, arrow=True),
              *node(ox, oy, "×", PINK, PINK_TEXT),
              path([(ox, oy + 14), (ox, SHORT_Y), (WIDTH - 10, SHORT_Y)], PINK, width=6, arrow=True)]
    # right of the output block's input arrow, in two lines
    new_short = ["new short-term", "memory = the output"] if named else ["new short-term", f"memory {v('short_memory')}"]
    parts += [text(WIDTH - 12, SHORT_Y + 22 + 19 * k, line, anchor="end", fill=PINK_TEXT, bold=True, size=15)
              for k, line in enumerate(new_short)]
    return parts


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
    check_step(step)
    cell = "padding:1px 8px"
    rows = "".join(
        f'<tr><th scope="row" style="text-align:left;font-weight:normal;{cell}">{LABELS[name]}</th>'
        f'<td style="text-align:right;{cell};font-family:monospace">{value:.3f}</td></tr>'
        for name, value in step.as_dict().items()
    )
    return (f'<table style="border-collapse:collapse;font-size:13px">'
            f'<caption style="text-align:left;font-weight:bold">Every number of this step, in computation order'
            f'</caption><tr><th scope="col" style="text-align:left;{cell}">quantity</th>'
            f'<th scope="col" style="{cell}">value</th></tr>{rows}</table>')


def stage_explanation(step, stage):
    """One or two sentences on what the chosen stage does, with this step's numbers."""
    check_step(step)
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
