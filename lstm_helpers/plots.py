"""Pure plotting functions for notebooks 01 and 02: data in, Figure out.

The widgets call the same functions, so what a slider shows and what a
static cell shows are drawn by one piece of code.
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ._checks import _describe, finite_array, real_number, whole_number
from .activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .figures import BLUE, GREY, ORANGE, SHORT_TERM_PINK, VERMILLION, new_figure
from .data import COMPANY_A, COMPANY_B
from .diagrams import SVGDiagram
from .lstm import EXAMPLE_PARAMS, GATE_NAMES, PARTS, STAGE_LABELS, LSTMParams, check_params, day_sensitivity
from .rnn import BasicRNN
from .svgchart import Chart
from .training import _check_training_data, loss_and_gradients

CURVE_X = np.linspace(-6, 6, 241)
ACTIVATION_CURVES = (
    # name, function, slope, colour, line style, range it squashes into
    ("sigmoid", sigmoid, sigmoid_derivative, BLUE, "-", (0, 1)),
    ("tanh", tanh, tanh_derivative, VERMILLION, "--", (-1, 1)),
)


def plot_activations(x=None):
    """Sigmoid and tanh side by side; with x, a marker at x and the tangent (slope) there."""
    return activation_figure(x)[0]


def activation_figure(x=None):
    """(figure, move_to): move_to(new_x) moves the markers and returns the artists it moved,
    so the explorer can redraw just those (figures.LiveFigure)."""
    fig, axes = new_figure(11, 4.0, ncols=2)
    markers = []
    for ax, (name, f, slope, colour, style, (low, high)) in zip(axes, ACTIVATION_CURVES):
        ax.axhspan(low, high, color=colour, alpha=0.07)
        ax.axhline(low, color=GREY, lw=0.8, ls=":")
        ax.axhline(high, color=GREY, lw=0.8, ls=":")
        ax.plot(CURVE_X, f(CURVE_X), color=colour, ls=style, lw=2.5, label=f"{name}(x)")
        if x is not None:
            tangent, = ax.plot([], [], color="black", lw=1.5, label="slope at x")
            point, = ax.plot([], [], "o", color="black", ms=9)
            label = ax.text(0.03, 0.9, "", transform=ax.transAxes, fontsize=13)
            markers.append((name, f, slope, tangent, point, label))
        ax.set(xlim=(-6, 6), ylim=(-1.3, 1.3), xlabel="x (input)", ylabel=f"{name}(x) (output)",
               title=f"{name} squashes every x into ({low}, {high})")
        ax.legend(loc="lower right")

    def move_to(new_x):
        new_x = real_number(new_x, "x")
        for name, f, slope, tangent, point, label in markers:
            y, m = f(new_x), slope(new_x)
            near = np.array([new_x - 1.5, new_x + 1.5])
            tangent.set_data(near, y + m * (near - new_x))
            point.set_data([new_x], [y])
            label.set_text(f"{name}({new_x:.1f}) = {y:.3f}, slope {m:.3f}")
        return [artist for marker in markers for artist in marker[3:]]

    if x is not None:
        move_to(x)
    return fig, move_to


def plot_slopes():
    """The slopes of sigmoid and tanh: largest at 0, almost nothing far from it."""
    fig, ax = new_figure(8, 4)
    for name, _, slope, colour, style, _ in ACTIVATION_CURVES:
        ax.plot(CURVE_X, slope(CURVE_X), color=colour, ls=style, lw=2.5, label=f"slope of {name}")
    ax.set(xlabel="x (input)", ylabel="slope f'(x)", xlim=(-6, 6),
           title="Far from 0 both slopes are almost 0: saturation")
    ax.legend()
    return fig


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
    """The svgchart.Chart behind plot_gradient_contributions."""
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
    return chart


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
            ax.text(x0 + 2.3, 0.68, "x w_recurrent", ha="center", fontsize=11, color=VERMILLION)
    return fig


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
    return fig


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
    return fig


PART_LABELS = {"w_short": "weight on short-term memory", "w_input": "weight on input", "bias": "bias"}


def plot_loss_along(params, sequences, targets, choices=(("forget", "bias"), ("candidate", "w_input"),
                                                           ("output", "bias"), ("output", "w_short"))):
    """The total loss over both companies as one number at a time moves, the rest held:
    the slice of the loss that gradient descent sees for that number. All panels share one
    y-scale, and each draws and prints its slope (the gradient) at the current value."""
    numbers = check_params(params).to_list()
    _check_training_data(sequences, targets)
    for choice in choices:
        if not (isinstance(choice, tuple) and len(choice) == 2 and choice[0] in GATE_NAMES and choice[1] in PARTS):
            raise ValueError(f"choices must be (gate, part) pairs such as ('forget', 'bias'); got {_describe(choice)}")
    gradient = np.sum([loss_and_gradients(params, s, y)[1].to_list() for s, y in zip(sequences, targets)], axis=0)
    here_loss = sum(loss_and_gradients(params, s, y)[0] for s, y in zip(sequences, targets))
    fig, axes = new_figure(11, 6.6, nrows=2, ncols=2, sharey=True)
    for ax, (gate, part) in zip(np.ravel(axes), choices):
        index = 3 * GATE_NAMES.index(gate) + PARTS.index(part)
        here, slope = numbers[index], gradient[index]
        tried = np.linspace(here - 4, here + 4, 81)
        losses = []
        for value in tried:
            moved = list(numbers)
            moved[index] = value
            trial = LSTMParams.from_list(moved)
            losses.append(sum(loss_and_gradients(trial, s, y)[0] for s, y in zip(sequences, targets)))
        ax.plot(tried, losses, color=BLUE, lw=2.5, label="total loss")
        near = np.array([here - 1.0, here + 1.0])
        ax.plot(near, here_loss + slope * (near - here), color="black", lw=1.5, ls="--",
                label=f"slope here: {slope:+.3f}")
        ax.plot([here], [here_loss], "o", color=VERMILLION, ms=10, label=f"now: {here:.2f}")
        ax.set(title=f"{STAGE_LABELS[gate]}: {PART_LABELS[part]}", xlabel="value of this number",
               ylabel="total loss")
        ax.legend(fontsize=10, loc="upper right")
    return fig


def plot_loss_history(histories, title="Total loss over both companies, epoch by epoch"):
    """One loss curve per label on a log scale; a run that stopped early ends where it stopped.

    histories is {label: the loss after each epoch}; NaN marks epochs a diverged run never finished."""
    if not isinstance(histories, dict) or not histories:
        raise TypeError(f"histories must be a dict {{label: losses}}, got {_describe(histories)}")
    for label, history in histories.items():
        try:
            values = np.asarray(history, dtype=float)
        except (TypeError, ValueError):
            values = None
        if values is None or values.ndim != 1:
            raise TypeError(f"histories[{label!r}] must be a 1-D sequence of losses, got {_describe(history)}")
    fig, ax = new_figure(9, 4.2)
    styles = [("-", BLUE), ("--", ORANGE), (":", VERMILLION), ("-.", GREY), ("-", SHORT_TERM_PINK)]
    for (label, history), (line, colour) in zip(histories.items(), styles):
        history = np.asarray(history, dtype=float)
        shown = np.isfinite(history)
        epochs = np.arange(1, len(history) + 1)
        ax.plot(epochs[shown], np.clip(history[shown], 1e-12, None), ls=line, color=colour, lw=2.2, label=label)
    ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel="total loss (log scale)", title=title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig
