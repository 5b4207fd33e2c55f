"""Company A and B, and the unit unrolled over their days (notebook 04): the companies'
values and the day-by-day sensitivity as figures, the unrolled unit as SVG, and the
memories and gates as tables."""

from html import escape

import numpy as np

from .._checks import finite_array, real_number, whole_number
from ..data import COMPANY_A, COMPANY_B
from ..lstm import EXAMPLE_PARAMS, Unrolled, day_sensitivity
from .colours import (
    BLUE, GREEN_TEXT, GREY, INK, LONG_TERM_GREEN as GREEN, MUTED_TEXT, ORANGE, PINK_TEXT, SHORT_TERM_PINK as PINK,
    VERMILLION,
)
from .figure import described, new_figure
from .svg import SVGDiagram, path, svg_open, text
from .unit import fmt, group


def check_run(run, shown_days, target=None):
    """run must be one sequence's Unrolled; returns (days, shown days) after checking them and target."""
    if not isinstance(run, Unrolled):
        raise TypeError(f"run must be what lh.unroll returns (an Unrolled), got {type(run).__name__}")
    if np.ndim(run.prediction) != 0:
        raise ValueError("run must be one sequence (a 1-D unroll), not a batch; unroll each company on its own")
    days = len(run.steps)
    shown = days if shown_days is None else whole_number(shown_days, "shown_days", 0, days)
    if target is not None:
        real_number(target, "target")
    return days, shown


def plot_companies(company_a=COMPANY_A, company_b=COMPANY_B):
    """Both companies' five days: they overlap everywhere except day 1 and day 5."""
    company_a, company_b = finite_array(company_a, "company_a"), finite_array(company_b, "company_b")
    if company_a.ndim != 1 or company_a.shape != company_b.shape or company_a.size == 0:
        raise ValueError("company_a and company_b must be 1-D sequences of the same number of days; "
                         f"got shapes {company_a.shape} and {company_b.shape}")
    fig, ax = new_figure(8, 4)
    days = np.arange(1, len(company_a) + 1)
    ax.plot(days, company_a, "-o", color=BLUE, lw=2.5, ms=10, label="Company A")
    ax.plot(days, company_b, "--s", color=ORANGE, lw=2.5, ms=7, label="Company B")
    last = len(company_a)
    for day, (a, b) in enumerate(zip(company_a, company_b), start=1):
        if a != b:
            ax.axvspan(day - 0.3, day + 0.3, color=GREY, alpha=0.12)
            ax.text(day, 1.16, "to predict" if day == last else "differs", ha="center", fontsize=12, color=GREY)
    ax.set(xticks=days, xlabel="day", ylabel="stock value", ylim=(-0.15, 1.3),
           title="Two companies that differ only on day 1 and day 5")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    values = lambda series: ", ".join(f"{v:.2f}" for v in series)  # noqa: E731
    differ = [str(day) for day, (a, b) in enumerate(zip(company_a, company_b), start=1) if a != b]
    return described(fig, f"Two lines over days 1 to {last}. Company A: {values(company_a)}. Company B: "
                          f"{values(company_b)}. They differ only on day{'s' if len(differ) > 1 else ''} "
                          f"{' and '.join(differ) or 'none'}.")


def plot_day_sensitivity(base=COMPANY_A[:4], params=EXAMPLE_PARAMS):
    """How far the prediction moves when one day's value is changed and the others are kept."""
    tried, predictions = day_sensitivity(base, params)
    fig, ax = new_figure(8, 4.2)
    styles = [("-", "o", BLUE), ("--", "s", ORANGE), (":", "^", VERMILLION), ("-.", "D", GREY)]
    for day, (line, marker, colour) in enumerate(styles[: len(predictions)]):
        ax.plot(tried, predictions[day], ls=line, marker=marker, markevery=5, color=colour, lw=2.2, ms=8,
                label=f"change only day {day + 1}")
    low, high = min(predictions.min(), 0.0) - 0.08, max(predictions.max(), 1.0) + 0.08
    ax.set(xlabel="the changed day's value", ylabel="prediction for day 5", ylim=(low, high),
           title="Which day's value moves the prediction?")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    spans = "; ".join(f"day {day + 1} moves it from {row.min():.2f} to {row.max():.2f}"
                      for day, row in enumerate(predictions))
    return described(fig, f"The prediction for day 5 as one day's value goes from {tried[0]:.1f} to {tried[-1]:.1f}, "
                          f"the other days kept: {spans}.")


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
    days, shown = check_run(run, shown_days, target)
    if days > MAX_DRAWN_DAYS:
        raise ValueError(f"run must have at most {MAX_DRAWN_DAYS} days to be drawn one copy per day, got {days}; "
                         "plot the memories of a longer run instead")
    width = _unrolled_width(days)
    parts = [
        svg_open(width, U_HEIGHT, f"The LSTM unit unrolled over {days} days",
                 description=describe_unrolled(run, shown, target)),
        text(12, U_LONG_Y - 12, f"long {fmt('long_memory', run.steps[0].previous_long_memory)}", anchor="start",
              fill=GREEN_TEXT, bold=True),
        text(12, U_SHORT_Y + 26, f"short {fmt('short_memory', run.steps[0].previous_short_memory)}",
              anchor="start", fill=PINK_TEXT, bold=True),
    ]
    previous_x = 12
    for day, step in enumerate(run.steps):
        x = _unit_x(day, days)
        lit = day < shown
        left, right = x - U_BOX_WIDTH / 2, x + U_BOX_WIDTH / 2
        copy = [
            path([(previous_x + (0 if day == 0 else U_BOX_WIDTH / 2), U_LONG_Y), (left - 2, U_LONG_Y)], GREEN, width=6, arrow=True),
            path([(previous_x + (0 if day == 0 else U_BOX_WIDTH / 2), U_SHORT_Y), (left - 2, U_SHORT_Y)], PINK, width=6, arrow=True),
            f'<rect x="{left}" y="{U_BOX_TOP}" width="{U_BOX_WIDTH}" height="{U_BOX_BOTTOM - U_BOX_TOP}" rx="10" '
            f'fill="{"#FFF6D5" if lit and day == shown - 1 and shown < days else "white"}" stroke="{INK}" stroke-width="2.5"/>',
            text(x, (U_LONG_Y + U_SHORT_Y) / 2 - 8, "LSTM", size=18, bold=True),
            text(x, (U_LONG_Y + U_SHORT_Y) / 2 + 16, f"day {day + 1}", size=15),
            text(x, (U_LONG_Y + U_SHORT_Y) / 2 + 38, "same weights", size=12, fill=MUTED_TEXT),
            path([(x, U_HEIGHT - 36), (x, U_BOX_BOTTOM + 4)], INK, width=2.5, arrow=True),
            text(x, U_HEIGHT - 12, f"input {fmt('input_value', step.input_value)}", bold=True),
        ]
        if lit:
            copy += [text(right + 36, U_LONG_Y - 12, fmt("long_memory", step.long_memory), fill=GREEN_TEXT, bold=True),
                     text(right + 36, U_SHORT_Y + 26, fmt("short_memory", step.short_memory), fill=PINK_TEXT, bold=True)]
        parts.append(group(copy, lit))
        previous_x = x
    last_right = _unit_x(days - 1, days) + U_BOX_WIDTH / 2
    if shown == days:
        parts += [path([(last_right, U_LONG_Y), (width - 10, U_LONG_Y)], GREEN, width=6, arrow=True),
                  path([(last_right, U_SHORT_Y), (width - 10, U_SHORT_Y)], PINK, width=6, arrow=True),
                  text(width - 12, U_SHORT_Y - 40, "prediction", anchor="end", fill=PINK_TEXT, bold=True, size=16),
                  text(width - 12, U_SHORT_Y - 18, f"for day {days + 1}: {fmt('short_memory', run.prediction)}",
                        anchor="end", fill=PINK_TEXT, bold=True, size=16)]
        if target is not None:
            parts.append(text(width - 12, U_SHORT_Y + 52, f"actual: {fmt('input_value', target)}", anchor="end", size=15))
    parts.append("</svg>")
    return "".join(parts)


def describe_unrolled(run, shown, target=None):
    """The unrolled unit in words, with the memories of the days run (its text alternative)."""
    days = len(run.steps)
    inputs = ", ".join(fmt("input_value", s.input_value) for s in run.steps)
    handed = "; ".join(f"after day {k}: long-term {fmt('long_memory', s.long_memory)}, short-term "
                       f"{fmt('short_memory', s.short_memory)}" for k, s in enumerate(run.steps[:shown], start=1))
    words = f"One copy of the same unit per day, inputs {inputs}. " + (f"{handed.capitalize()}." if shown else
                                                                       "No day has run yet; both memories start at 0.")
    if shown == days:
        words += f" Prediction for day {days + 1}: {fmt('short_memory', run.prediction)}"
        words += f" (actual: {fmt('input_value', target)})." if target is not None else "."
    return words


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
        _, self.shown = check_run(run, shown_days)
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
            f"<tr><th scope=\"row\" {cell}>{day}</th><td {cell}>{x:.2f}</td>"
            f"<td {cell}><span style=\"color:{GREEN_TEXT}\">{long:.2f}</span></td>"
            f"<td {cell}><span style=\"color:{PINK_TEXT}\">{short:.2f}</span></td></tr>" if day <= self.shown else
            f"<tr style=\"color:{MUTED_TEXT}\"><th scope=\"row\" {cell}>{day}</th><td {cell}>{x:.2f}</td>"
            f"<td {cell}>not run</td><td {cell}>not run</td></tr>"
            for day, x, long, short in self.rows
        )
        head = "".join(f'<th scope="col" {cell}>{h}</th>' for h in ("day", "input", "long-term memory", "short-term memory"))
        name = f"{escape(self.name)}: " if self.name else ""
        caption = f'<caption style="text-align:left"><b>{name}memories after each day</b></caption>'
        return (f'<table style="border-collapse:collapse;font-size:13px;font-family:monospace">'
                f'{caption}<tr>{head}</tr>{rows}</table>'
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
ROW_COLOURS = {"long_memory": GREEN_TEXT, "short_memory": PINK_TEXT}


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
        head = "".join(f'<th scope="col" style="{cell}">day {d}</th>' for d in range(1, self.days + 1))
        formats = {field: spec for field, _, spec in GATE_ROWS}
        body, previous = [], None
        for label, name, field, values in self.rows():
            colour = ROW_COLOURS.get(field, INK)
            first = label != previous
            border = "border-top:1px solid #999;" if first else ""
            cells = "".join(f'<td style="{cell};{border}color:{colour}">{format(v, formats[field])}</td>' for v in values)
            # the quantity's name spans its runs' rows, so a screen reader names it for each of them
            quantity = (f'<th scope="rowgroup" rowspan="{len(self.runs)}" style="padding:1px 8px;{border}'
                        f'text-align:left;font-weight:normal;vertical-align:top">{escape(label)}</th>' if first else "")
            body.append(f'<tr>{quantity}<th scope="row" style="padding:1px 8px;{border}">{escape(name)}</th>'
                        f'{cells}</tr>')
            previous = label
        return (f'<table style="border-collapse:collapse;font-size:13px;font-family:monospace">'
                f'<caption style="text-align:left"><b>Every gate of every day, runs side by side</b></caption>'
                f'<tr><th scope="col" style="text-align:left">quantity</th><th scope="col">run</th>{head}</tr>'
                f'{"".join(body)}</table>')
