"""Pictures for notebook 07 (real prices): data in, Figure out.

Stocks are drawn in blue, vermillion, orange and black (Okabe-Ito), never in the course's
memory colours (green long-term, pink short-term), and each line also has its own style
and a label, so colour is never the only way to tell them apart.
"""

import numpy as np
from matplotlib.dates import YearLocator
from matplotlib.ticker import FuncFormatter

from .._checks import MAX_DAYS, positive, whole_number
from ..baselines import ValidationChoice
from ..evaluation import Results
from ..forecasting import Period, Split, autocorrelation, noise_band
from ..walk_forward import WalkForward
from ..lstm_window import LSTMWindow
from ..prices import load_prices, price_tickers
from .colours import BLACK, BLUE, GREY, ORANGE, SKY_BLUE, VERMILLION
from .figure import described, new_figure, styled

LIGHT_GREY = "#A0A0A0"
STOCK_STYLES = [(BLUE, "-"), (VERMILLION, "--"), (ORANGE, "-."), (BLACK, ":")]
PERIOD_SHADES = {"train": "#E8E8E8", "validation": "#C8DDF0", "test": "#F6D9C4"}


@styled
def plot_prices(names=None):
    """Every shipped stock's adjusted close, on a log scale so equal % moves look equal."""
    names = price_tickers() if names is None else tuple(names)
    fig, ax = new_figure(10, 4.8)
    for name, (colour, style) in zip(names, STOCK_STYLES * 2):
        dates, closes = load_prices(name)
        ax.plot(dates, closes, color=colour, ls=style, lw=1.6, label=name)
        ax.annotate(name, (dates[-1], closes[-1]), xytext=(6, 0), textcoords="offset points",
                    color=colour, va="center", fontweight="bold")
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"${value:g}"))  # $1, $10, $100
    ax.set(xlabel="date (trading days)", ylabel="adjusted close (US$, log scale)",
           title=f"Daily adjusted closing prices of {len(names)} US stocks")
    ax.xaxis.set_major_locator(YearLocator(2))
    ax.legend(loc="upper left", ncols=len(names))
    words = []
    for name in names:
        dates, closes = load_prices(name)
        words.append(f"{name} from ${closes[0]:.2f} on {dates[0]} to ${closes[-1]:.2f} on {dates[-1]}")
    return described(fig, f"Adjusted closing prices of {len(names)} US stocks, log scale: " + "; ".join(words) + ".")


def _shade_periods(ax, split, label_y):
    for period in split.periods:
        start, end = period.dates[0], period.dates[-1]
        ax.axvspan(start, end, color=PERIOD_SHADES[period.name], zorder=0)
        ax.text(start + (end - start) / 2, label_y, period.name, ha="center", va="top", fontsize=12,
                transform=ax.get_xaxis_transform())


@styled
def plot_returns(split, ticker="", limit=20.0):
    """A split series of daily returns (in %), with the train, validation and test periods shaded.

    Days beyond +-limit % are drawn at the edge and labelled with their date, their % change
    and their log return, so one crash does not squash every other day into a flat line. (For
    a move that large the two differ: a fall of 52% is a log return of -73%.)
    """
    if not isinstance(split, Split):
        raise TypeError("split must be the result of lh.time_split")
    limit = positive(limit, "limit")
    fig, ax = new_figure(10, 4.2)
    _shade_periods(ax, split, 0.98)
    for period in split.periods:
        percent = 100 * period.values
        ax.plot(period.dates, np.clip(percent, -limit, limit), color=BLUE, lw=0.7)
        for day in np.flatnonzero(np.abs(percent) > limit):
            edge = np.sign(percent[day]) * limit
            change = 100 * np.expm1(period.values[day])
            ax.annotate(f"{period.dates[day]}: {change:+.0f}% (log return {percent[day]:+.0f}%), off the scale",
                        (period.dates[day], edge),
                        xytext=(8, -4 if edge < 0 else 4), textcoords="offset points", fontsize=11,
                        va="bottom" if edge < 0 else "top")
    ax.axhline(0, color=GREY, lw=0.8)
    ax.set_ylim(-1.08 * limit, 1.18 * limit)
    ax.set(xlabel="date", ylabel="daily log return (%)",
           title=f"{ticker} daily returns: calm and stormy stretches, centred on 0".strip())
    ax.xaxis.set_major_locator(YearLocator(2))
    periods = "; ".join(f"{p.name} {p.dates[0]} to {p.dates[-1]}: typical move {100 * np.std(p.values):.2f}%, "
                        f"largest {100 * np.max(np.abs(p.values)):.0f}%" for p in split.periods)
    return described(fig, f"{ticker} daily log returns in %, centred on 0, drawn within +-{limit:g}%. ".lstrip()
                          + periods + ".")


@styled
def plot_copies_yesterday(dates, actual, predicted, yesterday, days=30, title_model="linear model on prices"):
    """A stretch of the test period: a price model's predictions beside yesterday's price."""
    days = whole_number(days, "days", 1, MAX_DAYS)
    dates, actual = np.asarray(dates)[:days], np.asarray(actual)[:days]
    predicted, yesterday = np.asarray(predicted)[:days], np.asarray(yesterday)[:days]
    fig, ax = new_figure(10, 4.5)
    ax.plot(dates, actual, color=BLACK, lw=2, marker="o", ms=4, label="actual price")
    ax.plot(dates, predicted, color=VERMILLION, lw=2, ls="--", marker="s", ms=4, label=f"predicted ({title_model})")
    ax.plot(dates, yesterday, color=SKY_BLUE, lw=1.5, ls=":", marker="^", ms=5, label="yesterday's price")
    ax.set(xlabel="date", ylabel="adjusted close (US$)",
           title="The prediction trails the price by a day: it is mostly yesterday's price")
    _legend_below(fig, ax, ncols=3)
    fig.autofmt_xdate()
    rms = lambda a, b: float(np.sqrt(np.mean((np.asarray(a, float) - np.asarray(b, float)) ** 2)))  # noqa: E731
    return described(fig, f"{len(dates)} test days from {dates[0]} to {dates[-1]}: the actual price, the "
                          f"{title_model}'s prediction and yesterday's price. The prediction is on average "
                          f"${rms(predicted, yesterday):.2f} from yesterday's price and ${rms(predicted, actual):.2f} "
                          "from the actual price: it trails the price by a day.")


@styled
def plot_test_predictions(results, days=60):
    """Actual daily returns against each model's predictions, over the first `days` of the test."""
    if not isinstance(results, Results):
        raise TypeError("results must be the result of lh.evaluate")
    days = whole_number(days, "days", 1, MAX_DAYS)
    dates = results.test.target_dates[:days]
    fig, ax = new_figure(10, 4.5)
    ax.bar(dates, 100 * results.test.targets[:days], color=GREY, alpha=0.6, label="actual return")
    styles = ["-", "--", "-.", ":"] * len(results.predictions)
    for (name, predicted), colour, style in zip(results.predictions.items(), _model_colours(results.predictions),
                                                styles):
        ax.plot(dates, 100 * predicted[:days], color=colour, ls=style, lw=2.2, label=name)
    ax.axhline(0, color=GREY, lw=0.8)
    ax.set(xlabel="date", ylabel="daily log return (%)",
           title=f"Predictions against reality, first {len(dates)} days of the test period")
    _legend_below(fig, ax, ncols=5)
    fig.autofmt_xdate()
    sizes = "; ".join(f"{name} {100 * np.mean(np.abs(predicted[:days])):.2f}%"
                      for name, predicted in results.predictions.items())
    return described(fig, f"Daily returns over the first {len(dates)} test days, {dates[0]} to {dates[-1]}: the "
                          f"actual ones as bars, a typical size {100 * np.mean(np.abs(results.test.targets[:days])):.2f}%, "
                          f"and each model's predictions as a line, of typical size: {sizes}.")


def _legend_below(fig, ax, ncols):
    """The axes' legend under the figure, outside the axes, so it hides no data."""
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=ncols, fontsize=11)


MODEL_COLOURS = {"tomorrow = today": BLUE, "training mean": VERMILLION, "linear": ORANGE, "LSTM": BLACK,
                 "training mean size": BLUE, "yesterday's size": GREY, "recent average size": SKY_BLUE,
                 "validation mean size": VERMILLION}
# The same model has the same marker in every figure (the LSTM always a black diamond).
MODEL_MARKERS = {"training mean": "o", "linear": "s", "LSTM": "D", "yesterday's size": "o",
                 "recent average size": "^", "validation mean size": "v"}


def _model_colours(names):
    """One colour per model, the same in every figure (the LSTM always black); others in turn."""
    spare = iter([SKY_BLUE, VERMILLION, ORANGE, GREY] * len(names))
    return [MODEL_COLOURS.get(name) or next(spare) for name in names]


def _model_markers(names):
    """One marker per model, the same in every figure; others in turn."""
    spare = iter(["P", "X", "*", "<", ">", "h"] * len(names))
    return [MODEL_MARKERS.get(name) or next(spare) for name in names]


@styled
def plot_walk_forward(walk):
    """Per test year: each model's RMSE minus the reference's and, for returns, its direction
    accuracy beside always saying 'up', with 95% intervals."""
    if not isinstance(walk, WalkForward):
        raise TypeError("walk must be the result of lh.walk_forward")
    directions = walk.results[0].directions
    fig, axes = new_figure(11 if directions else 8, 4.5, ncols=2 if directions else 1)
    left, right = axes if directions else (axes, None)
    years = np.array(walk.years)
    names = [s.name for s in walk.results[0].scores]
    shown = [n for n in names if n not in walk._references()]
    offsets = np.linspace(-0.24, 0.24, len(shown) + 1)
    for k, (name, colour, marker) in enumerate(zip(shown, _model_colours(shown), _model_markers(shown))):
        d = [r.score(name).rmse_vs_reference for r in walk.results]
        est = np.array([100 * x.estimate for x in d])
        err = np.array([[100 * (x.estimate - x.low) for x in d], [100 * (x.high - x.estimate) for x in d]])
        left.errorbar(years + offsets[k], est, yerr=err, fmt=marker, color=colour, capsize=4, ms=7, label=name)
        calls = [r.score(name).direction for r in walk.results]
        if directions and all(c is not None for c in calls):
            est = np.array([100 * c.value for c in calls])
            err = np.array([[100 * (c.value - c.interval[0]) for c in calls],
                            [100 * (c.interval[1] - c.value) for c in calls]])
            right.errorbar(years + offsets[k], est, yerr=err, fmt=marker, color=colour, capsize=4, ms=7,
                           label=name)
    left.axhline(0, color=BLUE, lw=1.5, label=walk.reference)
    left.set(xlabel="test year", ylabel=f"RMSE minus '{walk.reference}'\n(points of % a day)",
             title=f"Below 0: smaller errors than '{walk.reference}'")
    if directions:
        up = np.array([100 * r.up_days.value for r in walk.results])
        right.plot(years + offsets[-1], up, "_", color=BLUE, ms=22, mew=3, label="always up")
        right.axhline(50, color=GREY, lw=0.8, ls=":")
        right.set(xlabel="test year", ylabel="direction right (% of days)", title="Direction, with 95% intervals")
    for ax in (left, right) if directions else (left,):
        ax.set_xticks(years)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=3, fontsize=10)  # below: no point hidden
    return described(fig, _describe_walk(walk, shown))


def _describe_walk(walk, shown):
    """The walk-forward figure in words: each model's RMSE against the reference, year by year."""
    years = []
    for year, result in zip(walk.years, walk.results):
        scores = ", ".join(f"{name} {100 * result.score(name).rmse_vs_reference.estimate:+.3f} "
                           f"[{100 * result.score(name).rmse_vs_reference.low:+.3f}, "
                           f"{100 * result.score(name).rmse_vs_reference.high:+.3f}]" for name in shown)
        years.append(f"{year}: {scores}")
    return (f"Per test year, each model's RMSE minus that of '{walk.reference}' in points of % a day, with 95% "
            "intervals (below 0: better). " + "; ".join(years) + ".")


@styled
def plot_memory(values, label="", max_lag=20):
    """How much a day's return, and a day's size of move, say about the days after: the
    autocorrelation of the returns and of their sizes at lags 1 .. max_lag, with the band
    inside which white noise mostly stays."""
    values = np.asarray(values, dtype=float)
    lags = np.arange(1, whole_number(max_lag, "max_lag", 1, 1000) + 1)
    fig, ax = new_figure(10, 4.5)
    band = noise_band(len(values))
    ax.axhspan(-band, band, color="#E8E8E8", zorder=0, label="where pure noise mostly falls (95%)")
    ax.bar(lags - 0.2, autocorrelation(values, len(lags)), width=0.4, color=BLUE, label="returns")
    ax.bar(lags + 0.2, autocorrelation(np.abs(values), len(lags)), width=0.4, color=ORANGE, hatch="//",
           edgecolor=BLACK, linewidth=0.5, label="sizes of the moves (|return|)")
    ax.axhline(0, color=GREY, lw=0.8)
    ax.set(xlabel="lag (trading days later)", ylabel="correlation with the day itself",
           title=f"{label} how much a day goes with the days after it".strip())
    ax.set_xticks(lags)
    _legend_below(fig, ax, ncols=3)
    returns, sizes = autocorrelation(values, len(lags)), autocorrelation(np.abs(values), len(lags))
    outside = [int(lag) for lag, value in zip(lags, sizes) if abs(value) > band]
    return described(fig, f"Autocorrelation at lags 1 to {len(lags)} trading days, with the band +-{band:.3f} where "
                          f"pure noise mostly falls. Returns: {returns[0]:+.3f} at lag 1, largest size "
                          f"{np.max(np.abs(returns)):.3f}. Sizes of the moves: {sizes[0]:+.3f} at lag 1, outside "
                          f"the band at {len(outside)} of {len(lags)} lags.")


@styled
def plot_lstm_training(lstm, train, validation):
    """An LSTMWindow's training, each loss divided by that of always predicting the training mean
    on the same period (1: no better than knowing nothing; below 1: better): the training loss
    averaged over each pass through the training windows, the validation loss at each check,
    and the step it kept."""
    if isinstance(lstm, ValidationChoice) and isinstance(lstm.model, LSTMWindow):
        lstm = lstm.model  # the LSTM the validation period chose
    if not isinstance(lstm, LSTMWindow) or lstm.training is None:
        raise TypeError("lstm must be a fitted lh.LSTMWindow (or a ValidationChoice that chose one)")
    if not isinstance(train, Period) or not isinstance(validation, Period):
        raise TypeError("train and validation must be Periods (split.train, split.validation)")
    t = lstm.training
    fig, ax = new_figure(10, 4.5)
    per_pass = max(1, len(train) // lstm.batch_size)
    passes = len(t.training_losses) // per_pass
    if passes:
        means = t.training_losses[:passes * per_pass].reshape(passes, per_pass).mean(axis=1)
        ax.plot(per_pass * np.arange(1, passes + 1), means / lstm.flat_loss(train), color=BLUE, lw=2, marker="s",
                ms=5, label="training period (average over each pass)")
    ax.plot(t.check_steps, t.validation_losses / lstm.flat_loss(validation), color=VERMILLION, ls="--", marker="o",
            ms=4, lw=1.5, label="validation period (every check)")
    ax.axhline(1, color=GREY, ls=":", lw=1.5, label="always the training mean")
    ax.axvline(t.best_step, color=BLACK, ls="-.", lw=1.2, label=f"kept: step {t.best_step}")
    ax.set(xlabel="Adam step", ylabel="loss / loss of the training mean",
           title="The LSTM's loss while it trains, relative to always predicting the training mean")
    ax.legend(loc="lower left", fontsize=10)
    best = t.validation_losses[list(t.check_steps).index(t.best_step)] / lstm.flat_loss(validation) \
        if t.best_step in list(t.check_steps) else float("nan")
    return described(fig, "The LSTM's loss while it trains, divided by that of always predicting the training mean "
                          f"(1: no better). Validation: {t.validation_losses[0] / lstm.flat_loss(validation):.3f} at "
                          f"the first check, {best:.3f} at step {t.best_step}, the step it kept, of "
                          f"{t.check_steps[-1]} steps.")


@styled
def plot_size_predictions(results, names=None):
    """The actual size of each test day's move against some models' predicted sizes."""
    if not isinstance(results, Results):
        raise TypeError("results must be the result of lh.evaluate")
    names = list(results.predictions) if names is None else list(names)
    for name in names:
        results.score(name)
    dates = results.test.target_dates
    fig, ax = new_figure(10, 5.2)
    ax.plot(dates, 100 * results.test.targets, color=LIGHT_GREY, lw=0.8, label="actual size of the move")
    styles = ["-", "--", ":", "-."] * len(names)
    for name, colour, style in zip(names, _model_colours(names), styles):
        ax.plot(dates, 100 * results.predictions[name], color=colour, ls=style, lw=2.2, label=f"predicted: {name}")
    ax.set(xlabel="date", ylabel="size of the daily move,\n|log return| (%)",
           title="The size of each test day's move, actual and predicted")
    _legend_below(fig, ax, ncols=3)
    fig.autofmt_xdate()
    means = "; ".join(f"{name} {100 * np.mean(results.predictions[name]):.2f}%" for name in names)
    return described(fig, f"The size of each test day's move, {dates[0]} to {dates[-1]}: actual, on average "
                          f"{100 * np.mean(results.test.targets):.2f}%, and predicted, on average: {means}.")
