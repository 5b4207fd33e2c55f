"""Sigmoid and tanh as figures (notebook 01): data in, Figure out.

The explorer calls the same functions, so what a slider shows and what a
static cell shows are drawn by one piece of code.
"""

import numpy as np

from .._checks import real_number
from ..activations import sigmoid, sigmoid_derivative, tanh, tanh_derivative
from .colours import BLUE, GREY, VERMILLION
from .figure import described, new_figure

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
    so the explorer can redraw just those (figure.LiveFigure)."""
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
    described(fig, describe_activations(x))
    return fig, move_to


def describe_activations(x=None):
    """The activations figure in words, with its numbers: its text alternative (and the explorer's)."""
    words = ("Two plots, x from -6 to 6: sigmoid squashes every x into (0, 1) and tanh every x into (-1, 1); "
             "both are steep near 0 and flat far from it.")
    if x is None:
        return words
    x = real_number(x, "x")
    return words + f" At x = {x:.1f}: " + "; ".join(f"{name} is {f(x):.3f}, slope {slope(x):.3f}"
                                                for name, f, slope, *_ in ACTIVATION_CURVES) + "."


def plot_slopes():
    """The slopes of sigmoid and tanh: largest at 0, almost nothing far from it."""
    fig, ax = new_figure(8, 4)
    for name, _, slope, colour, style, _ in ACTIVATION_CURVES:
        ax.plot(CURVE_X, slope(CURVE_X), color=colour, ls=style, lw=2.5, label=f"slope of {name}")
    ax.set(xlabel="x (input)", ylabel="slope f'(x)", xlim=(-6, 6),
           title="Far from 0 both slopes are almost 0: saturation")
    ax.legend()
    peaks = "; ".join(f"{name}'s slope is {slope(0.0):.2f} at x = 0 and {slope(4.0):.4f} at x = 4"
                      for name, _, slope, *_ in ACTIVATION_CURVES)
    return described(fig, f"The slopes of sigmoid and tanh from x = -6 to 6: {peaks}. Far from 0 both are "
                          "almost 0 (saturation).")
