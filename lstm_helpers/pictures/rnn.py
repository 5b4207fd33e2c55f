"""The basic RNN's vanishing and exploding gradients (notebook 02): each day's influence
on the last output as an SVG chart, and the unrolled RNN as a figure."""

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .._checks import real_number, whole_number
from ..rnn import BasicRNN
from .chart import Chart
from .colours import BLUE, GREY, ORANGE, SHORT_TERM_PINK, VERMILLION, VERMILLION_TEXT
from .figure import described, new_figure
from .svg import SVGDiagram

CEILING = 1e250


def gradient_contributions(w_recurrent, n_days):
    """d(last output)/d(each day's input) of an identity RNN with w_input 1, first day first."""
    rnn = BasicRNN(w_input=1.0, w_recurrent=w_recurrent)
    return rnn.input_gradients(np.zeros(int(n_days)))


def plot_gradient_contributions(w_recurrent, n_days):
    """Each day's influence on the last output, on a log scale, for one recurrent weight,
    as an SVG chart (drawn in a millisecond or two, so the explorer can follow a slider).

    Never fails: exact zeros get their own marker along the bottom, overflow is
    drawn at the ceiling, and negative influences get a different marker.
    """
    return SVGDiagram(gradient_chart(w_recurrent, n_days).svg())


def gradient_chart(w_recurrent, n_days):
    """The chart.Chart behind plot_gradient_contributions."""
    w = real_number(w_recurrent, "w_recurrent")
    n_days = whole_number(n_days, "n_days", 1)
    grads = gradient_contributions(w, n_days)
    days = np.arange(1, len(grads) + 1)
    size = np.minimum(np.abs(grads), CEILING)
    nonzero = size > 0
    bottom = min(1e-20, size[nonzero].min() / 1e3) if nonzero.any() else 1e-20
    top = max(1e3, size.max() * 1e3)
    plural = "day" if len(grads) == 1 else "days"
    shown_w = f"{w:.2f}" if abs(w) < 1e4 else f"{w:.3g}"
    what = verdict(w) if len(grads) > 1 else "no links to cross yet"
    chart = Chart(title=f"w = {shown_w} over {len(grads)} {plural}: {what}",
                  xlabel="day (the last day is the prediction's own input)",
                  ylabel="|influence on last output| (log scale)",
                  xlim=(0.5, len(grads) + 0.5), ylim=(bottom, top), ylog=True, integer_x=True, legend_width=235)
    chart.line(days[nonzero], size[nonzero], GREY, width=1.2)
    chart.hline(1.0, "black", label="influence 1 (kept as is)", dash="6,4")
    eps = np.finfo(float).eps  # the smallest change to 1 that a float64 can record
    chart.hline(eps, SHORT_TERM_PINK, label=f"{eps:.1e}: below this, lost next to 1", dash="2,3", width=2)
    groups = (
        (nonzero & (grads > 0), "circle", BLUE, "positive influence"),
        (nonzero & (grads < 0), "triangle", ORANGE, "negative influence"),
        (~nonzero, "cross", GREY, "exactly 0: cut off"),
    )
    for chosen, marker, colour, label in groups:
        if chosen.any():
            shown = np.where(nonzero, size, bottom * 10)[chosen]
            chart.markers(days[chosen], shown, marker, colour, label=label, size=6 if len(grads) <= 60 else 4.5)
    chart.description = describe_gradients(grads, shown_w)
    return chart


def describe_gradients(grads, shown_w):
    """The influence chart in words, with its numbers (its text alternative)."""
    days = len(grads)
    if days == 1:
        return f"One day, w = {shown_w}: the last day's influence on the output is {grads[-1]:.3g}."
    middle = (days + 1) // 2
    return (f"Each day's influence on the last output, log scale, w = {shown_w} over {days} days: "
            f"day 1 {grads[0]:.3g}, day {middle} {grads[middle - 1]:.3g}, day {days} {grads[-1]:.3g}. "
            f"{verdict(float(shown_w)).capitalize()}.")


def verdict(w_recurrent):
    """What repeated multiplication by w does to old days' influence, in a few words."""
    w = abs(w_recurrent)
    if w == 0:
        return "every earlier day is cut off"
    if w < 1:
        return "older days vanish"
    if w == 1:
        return "every day counts the same"
    return "older days explode"


def draw_unrolled_rnn(n_days=4):
    """An unrolled basic RNN: one copy per day, the same two weights in each, one link to the next."""
    n_days = whole_number(n_days, "n_days", 1, 8)
    fig, ax = new_figure(2.6 * n_days + 0.6, 3.6)
    ax.set_axis_off()
    ax.set(xlim=(-0.3, 2.6 * n_days + 0.3), ylim=(-1.6, 2.0),
           title=f"A basic RNN unrolled over {n_days} days: the same weights in every copy")
    for day in range(n_days):
        x0 = 2.6 * day
        ax.add_patch(FancyBboxPatch((x0 + 0.3, 0), 1.4, 0.9, boxstyle="round,pad=0.05", fc="#EEF3FA", ec=BLUE, lw=2))
        ax.text(x0 + 1.0, 0.45, "activation", ha="center", va="center", fontsize=12)
        ax.add_patch(FancyArrowPatch((x0 + 1.0, -1.1), (x0 + 1.0, -0.05), arrowstyle="-|>", mutation_scale=16, lw=1.8))
        ax.text(x0 + 1.0, -1.35, f"input day {day + 1}", ha="center", fontsize=12)
        ax.text(x0 + 1.12, -0.6, "x w_input", fontsize=11, color=BLUE)
        ax.add_patch(FancyArrowPatch((x0 + 1.0, 0.95), (x0 + 1.0, 1.65), arrowstyle="-|>", mutation_scale=16, lw=1.8))
        ax.text(x0 + 1.0, 1.75, f"output {day + 1}", ha="center", fontsize=12)
        if day < n_days - 1:
            ax.add_patch(FancyArrowPatch((x0 + 1.75, 0.45), (x0 + 2.85, 0.45), arrowstyle="-|>",
                                         mutation_scale=16, lw=2.2, color=VERMILLION))
            ax.text(x0 + 2.3, 0.68, "x w_recurrent", ha="center", fontsize=11, color=VERMILLION_TEXT)
    return described(fig, f"A basic RNN unrolled over {n_days} days: {n_days} copies of one activation box. "
                          "Each day's input goes in times w_input, each copy gives that day's output, and an arrow "
                          "times w_recurrent carries it to the next day's copy: the same two weights in every copy.")
