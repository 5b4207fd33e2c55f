"""Pictures for notebook 06 (long memories): data in, Figure out.

Colours follow the course: long-term memory green, short-term memory pink; the LSTM's
gradient blue, the basic RNN's orange; every line also has a label.
"""

import numpy as np
from matplotlib.ticker import LogLocator

from .._checks import real_number
from ..long_lag import SUCCESS, forget_gate_product, gradient_by_lag, stretched_companies
from ..lstm import EXAMPLE_PARAMS
from ..training import UNTRAINED_PARAMS
from .colours import BLUE, GREY, LONG_TERM_GREEN, MUTED_TEXT, ORANGE, VERMILLION
from .figure import described, new_figure

FLOOR = 1e-35  # the bottom of the log-scale plots: a line that falls below it stops there


def _shown(values):
    """Values to draw on a log scale: those below FLOOR are left out (a line ends where it falls off
    the plot) rather than drawn along the bottom edge, which would look like a curve levelling off."""
    values = np.asarray(values, dtype=float)
    return np.where(values >= FLOOR, values, np.nan)


def plot_forget_products(n_days=50):
    """The product of the forget gates over Company A stretched to n_days, for the course's
    untrained start (notebook 05) and the trained unit of notebooks 03-04, on a log scale."""
    sequences, _ = stretched_companies(n_days)
    days = np.arange(1, n_days + 1)
    fig, ax = new_figure(10, 4.4)
    ax.set_yscale("log")
    words = []
    for params, colour, style, label in (
        (UNTRAINED_PARAMS, VERMILLION, "-", "the untrained start of notebook 05"),
        (EXAMPLE_PARAMS, BLUE, "--", "the trained unit of notebooks 03-04"),
    ):
        kept = forget_gate_product(params, np.array(sequences).T)[:, 0]  # Company A
        ax.plot(days, _shown(kept), color=colour, ls=style, lw=2.5, label=label)
        words.append(f"{label} keeps {kept[min(9, n_days - 1)]:.2g} by day {min(10, n_days)} and "
                     f"{kept[-1]:.2g} by day {n_days}")
    ax.axhline(1.0, color=GREY, lw=1, ls=":")
    ax.set(xlabel="day n", ylabel="share of day 1's long-term memory\nleft on day n (log scale)",
           xlim=(1, n_days), title="The forget gates, multiplied day after day (Company A, stretched)")
    ax.legend(loc="lower left")
    return described(fig, "The share of day 1's long-term memory left on day n, the forget gates multiplied "
                          f"(Company A stretched to {n_days} days, log scale): " + "; ".join(words) + ".")


def gradient_by_lag_figure(forget_bias=5.0, input_bias=-3.0, max_days=100):
    """(figure, move_to): |d prediction / d day 1| against the lag (left) and what multiplies
    day 1's signal on the way (right). move_to(forget_bias, input_bias) redraws the LSTM's two
    live lines and returns (the artists it moved, the GradientByLag it drew), so a slider can
    redraw just those (figure.LiveFigure)."""
    rnn = gradient_by_lag("rnn", max_days)
    closed = gradient_by_lag("lstm", max_days, forget_bias=0.0, input_bias=0.0)
    fig, (left, right) = new_figure(11, 5.6, ncols=2)
    for ax in (left, right):
        ax.set_yscale("log")
        ax.set(xlim=(1, max_days), ylim=(FLOOR, 10.0))
        ax.set_autoscale_on(False)
        ax.yaxis.set_major_locator(LogLocator(base=10.0, numticks=8))
    left.plot(rnn.lags, _shown(rnn.gradients), color=ORANGE, lw=2.5, label="RNN")
    left.plot(closed.lags, _shown(closed.gradients), color=GREY, ls="--", lw=2, label="LSTM, forget bias 0, input bias 0")
    live_gradient, = left.plot([], [], color=BLUE, lw=3, label="LSTM, the sliders' biases")
    left.set(xlabel="lag: days from day 1 to the prediction", ylabel="|d prediction / d day 1|",
             title="How much day 1 moves the prediction")
    # legends below the plots, so no line passes behind them
    left.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=11)

    right.plot(rnn.lags, _shown(rnn.weights_only), color=ORANGE, ls="--", lw=2.5,
               label="RNN: its weights alone (w^n)")
    right.plot(closed.lags, _shown(closed.forget_products), color=GREY, ls="--", lw=2,
               label="LSTM, forget bias 0: forget gates")
    live_product, = right.plot([], [], color=LONG_TERM_GREEN, lw=3, label="LSTM, the sliders' biases: forget gates")
    right.set(xlabel="day n", ylabel="factor after n days",
              title="What multiplies day 1's signal on the way")
    right.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=11)

    def move_to(new_forget_bias, new_input_bias):
        forget_bias = real_number(new_forget_bias, "forget_bias")
        input_bias = real_number(new_input_bias, "input_bias")
        lstm = gradient_by_lag("lstm", max_days, forget_bias=forget_bias, input_bias=input_bias)
        live_gradient.set_data(lstm.lags, _shown(lstm.gradients))
        live_product.set_data(lstm.lags, _shown(lstm.forget_products))
        return [live_gradient, live_product], lstm

    fig.rnn, fig.closed_lstm = rnn, closed  # what the static lines show, for a readout
    fig.lstm = move_to(forget_bias, input_bias)[1]
    described(fig, describe_gradient_by_lag(fig.lstm, rnn))
    return fig, move_to


def describe_gradient_by_lag(lstm, rnn):
    """The gradient-against-lag figure in words, at the longest lag (its text alternative)."""
    last = len(lstm.lags)
    return (f"Two log-scale plots over lags 1 to {last} days. How much day 1 moves the prediction at {last} days: "
            f"{lstm.gradients[-1]:.2g} for the LSTM with forget bias {lstm.forget_bias:g} and input bias "
            f"{lstm.input_bias:g}, {rnn.gradients[-1]:.2g} for the RNN. What multiplies day 1's signal: the LSTM's "
            f"forget gates keep {lstm.forget_products[-1]:.2g}, the RNN's weights alone {rnn.weights_only[-1]:.2g}.")


def plot_gradient_by_lag(forget_bias=5.0, input_bias=-3.0, max_days=100):
    """The gradient-against-lag figure for one choice of the LSTM's biases."""
    return gradient_by_lag_figure(forget_bias, input_bias, max_days)[0]


def plot_long_lag_runs(results):
    """Validation accuracy at each check of one or more LongLagResults (e.g. an LSTM and an RNN)."""
    fig, ax = new_figure(11, 4.2)
    styles = {"lstm": (BLUE, "-"), "rnn": (ORANGE, "--")}
    for result in results:
        colour, style = styles[result.cell]
        ax.plot(result.check_steps, result.validation_accuracies, color=colour, ls=style, lw=2.5,
                label=f"{result.cell.upper()} (at the end, on the test set: {result.test_accuracy:.2f})")
    ax.axhline(SUCCESS, color=LONG_TERM_GREEN, lw=1.5, ls=":",
               label=f"{SUCCESS:.2f}: solved, if the test set reaches it")
    ax.axhline(0.5, color=GREY, lw=1.5, ls="-.", label="guessing: 0.50")
    days = sorted({r.n_days for r in results})
    ax.set(ylim=(0.3, 1.03), xlabel="Adam steps", ylabel="accuracy on the validation set",
           title=f"Learning to remember day 1 over {', '.join(map(str, days))} days")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=11)
    runs = "; ".join(f"{r.cell.upper()} over {r.n_days} days: {'solved' if r.solved else 'not solved'}, validation "
                     f"accuracy {r.validation_accuracies[-1]:.2f} at step {r.check_steps[-1]}, test accuracy "
                     f"{r.test_accuracy:.2f}" for r in results)
    return described(fig, f"Validation accuracy while training (solved: test accuracy at least {SUCCESS:.2f}). "
                          + runs + ".")


def plot_success_table(table, variants=None, task="the long-lag task"):
    """The stored success table as a grid: one row per variant (all, or those named), one
    column per lag, each square saying how many seeds solved `task` (test accuracy >= 0.95)."""
    variants = table.variants if variants is None else tuple(variants)
    lags = sorted({n for v in variants for n in table.lags(v)})
    fig, ax = new_figure(11, 0.62 * len(variants) + 1.6)
    for row, variant in enumerate(variants):
        for col, n_days in enumerate(lags):
            if n_days not in table.lags(variant):
                ax.text(col, row, "not run", ha="center", va="center", color=MUTED_TEXT, fontsize=11)
                continue
            solved, runs = table.solved(variant, n_days)
            share = solved / runs
            ax.add_patch(_square(col, row, share))
            ax.text(col, row, f"{solved}/{runs}", ha="center", va="center", fontsize=14,
                    color="white" if share > 0.55 else "black", fontweight="bold")
    ax.set(xlim=(-0.5, len(lags) - 0.5), ylim=(len(variants) - 0.5, -0.5),
           xticks=range(len(lags)), xticklabels=[f"{n} days" for n in lags],
           yticks=range(len(variants)), yticklabels=variants, xlabel="days in each sequence (the lag)",
           title=f"Seeds that solved {task} (test accuracy at least {SUCCESS:.2f})")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    rows = "; ".join(f"{variant}: " + ", ".join(
        "{}/{} at {} days".format(*table.solved(variant, n), n) for n in lags if n in table.lags(variant))
        for variant in variants)
    return described(fig, f"Seeds that solved the long-lag task (test accuracy at least {SUCCESS:.2f}), "
                          f"by variant and lag. {rows}.")


def _square(col, row, share):
    from matplotlib.patches import Rectangle

    # light to dark blue with the share of seeds solved (the number is written on it too)
    light, dark = np.array([0.93, 0.95, 0.98]), np.array([0.0, 0.27, 0.55])
    return Rectangle((col - 0.48, row - 0.46), 0.96, 0.92, color=light + share * (dark - light), lw=0)
