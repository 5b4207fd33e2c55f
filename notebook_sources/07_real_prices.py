# %% [markdown]
# # 07 · Real prices, honestly
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/07_real_prices.ipynb)
#
# Company A and Company B were four made-up days. Here you take real daily prices of real
# stocks and ask the question that matters in forecasting: does a model really predict
# anything, or does it only look as if it does? You will build the honest yardsticks first
# (simple baselines, a split by time, errors with their uncertainty), then train the LSTM
# layer of notebook 06 and hold it to them. Finally you will see what an LSTM can learn from
# prices, measured just as honestly.
#
# **Learning objectives.** By the end of this notebook you can:
# - load real daily prices with no network, and say where they come from and what "adjusted" means;
# - explain why a model of raw prices mostly learns "tomorrow is like today", and turn prices
#   into daily returns;
# - cut a series into windows of the last few days, split it by time, and show why a random
#   split leaks the future;
# - score baselines and an LSTM on the test period with the RMSE and the direction accuracy,
#   each with its 95% interval, and say whether a difference is beyond noise;
# - repeat the comparison year by year (walk-forward) before believing any single result;
# - measure what an LSTM learns about the size of tomorrow's move (not its direction), how
#   much of it is the level and how much following the storms, and whether a simpler rule does
#   as well.
#
# **Time:** about 65 minutes (40 reading and exploring, 25 exercises).

# %%
# Run this cell first. Where the course's helpers are missing (Colab, Kaggle,
# VS Code), it installs them without changing any package you already have.
try:
    import lstm_helpers.setup_check
except ModuleNotFoundError:
    print("This copy of the course does not say where to install its helpers from: run "
          "%pip install /path/to/the/course (the folder with pyproject.toml) in a cell.")

# %% [markdown]
# ## Setup

# %%
import numpy as np

import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.pictures.prices import (
    plot_copies_yesterday, plot_lstm_training, plot_memory, plot_prices, plot_returns,
    plot_size_predictions, plot_test_predictions, plot_walk_forward,
)
from lstm_helpers.explorers.prices import ProgressBar

ex = lh.exercises_for("07")
TICKER, N_DAYS = "AAPL", 20  # the stock we model, and how many past days a window holds
VALIDATION_START, TEST_START = "2009-01-01", "2011-01-01"

# %% [markdown]
# ## 1. Real prices
#
# The course ships the daily closing prices of four US stocks, so nothing here needs the
# network. They come from the public-domain Quandl WIKI prices, as packaged by the Bokeh
# project; the file's header records exactly where:

# %%
print(lh.price_source())

# %%
dates, prices = lh.load_prices(TICKER)
print(f"{TICKER}: {len(prices)} trading days, {dates[0]} to {dates[-1]}")
print(f"adjusted close on the first day ${prices[0]:.2f}, on the last ${prices[-1]:.2f}")
plot_prices()

# %% [markdown]
# The scale on the left is logarithmic: each step up multiplies the price by 10, so a rise
# of 10% looks the same size wherever it happens.
#
# **Adjusted** closes. When a company splits its shares (each share becomes two, say) the
# price per share halves overnight, although no owner lost anything. Adjusted closes divide
# every earlier price by the split, and take out dividends the same way, so that the change
# from one day to the next is what an owner really gained or lost. They are rescaled for every
# split and dividend up to the day the source was archived, later ones included (Apple split
# its shares again in 2014), so an adjusted close is not the price people traded at on that
# day: only the changes from day to day are real. Apple split each share into two on
# 2000-06-21 and on 2005-02-28; in the adjusted prices those days show no halving, only that
# day's real move:

# %%
returns = lh.log_returns(prices)  # one per day after the first, dated dates[1:]
for day in ("2000-06-21", "2005-02-28"):
    i = np.flatnonzero(dates[1:] == np.datetime64(day))[0]
    print(f"{day}: the adjusted close moved {100 * (np.exp(returns[i]) - 1):+.1f}%")
worst = returns.argmin()
print(f"largest one-day fall: {dates[1:][worst]}: the adjusted close fell "
      f"{-np.expm1(returns[worst]):.0%}, a log return of {returns[worst]:+.2f}")

# %% [markdown]
# The largest fall is real: a split would have been adjusted away. That day Apple's shares lost
# about half their value, after the company had warned, the evening before, that its quarter's
# profits would fall well short of what was expected. (The log return printed beside the % is
# the quantity the rest of this notebook works with; section 2 says why the two differ.)
#
# **Try it.** Load another stock, say `lh.load_prices("MSFT")`, and find its largest one-day
# fall the same way. `lh.price_tickers()` lists the four.
#
# ## 2. Why not predict the price itself?
#
# Let's try the obvious thing first: a linear model that predicts tomorrow's price from a
# window of the last `N_DAYS` prices (set in the setup cell), fitted by least squares on the
# training years and tested on the test years (the dates, too, are set in the setup cell).

# %%
price_split = lh.time_split(dates, prices, N_DAYS, VALIDATION_START, TEST_START)
on_prices = lh.LinearWindow().fit(price_split.train)
print(f"its {N_DAYS} weights, oldest day first:")
print(np.round(on_prices.weights, 2))
test = price_split.test
predicted, yesterday = on_prices.predict(test.inputs), test.inputs[:, -1]
r2_model = lh.r_squared(predicted, test.targets)
r2_yesterday = lh.r_squared(yesterday, test.targets)
print(f"R squared on the test period: the model {r2_model:.4f},"
      f" yesterday's price {r2_yesterday:.4f}")
print(f"typical miss (RMSE): the model ${lh.rmse(predicted, test.targets):.2f}, "
      f"yesterday's price ${lh.rmse(yesterday, test.targets):.2f}")
called = lh.direction_accuracy(predicted - yesterday, test.targets - yesterday)
print(f"did it call the day's move up or down? right on {called} of days")

# %%
plot_copies_yesterday(test.target_dates, test.targets, predicted, yesterday, days=30)

# %% [markdown]
# An R squared near 1 looks superb, but look at the weights and the picture: almost all the
# weight is on the last day, and the prediction trails the real price by a day. Tomorrow's
# price is close to today's, so a model of prices learns "tomorrow is like today", scores
# well, and tells you nothing about where the price goes next: whether it gets the day's
# direction right is the number to look at.
#
# So we model what changes: the **daily return**. We use the log return,
# log(price today / price yesterday), and show it times 100, "in %". Is that the percentage
# change? For small moves, almost exactly; for large ones, not at all:

# %%
for change in (0.01, -0.01, 0.05, -0.05, 0.2, -0.2, -0.52):
    print(f"a change of {change:+4.0%} is a log return of {np.log1p(change):+.3f}")

# %% [markdown]
# So "100 times the log return is the % change" holds for everyday moves of a few %, and
# breaks down for large ones: falls look larger as log returns, rises smaller. That is why
# Apple's worst day is a fall of about half but a log return far beyond -0.5.
#
# Returns are also on a comparable scale in every year: a share of the price, not dollars.
# Comparable is not alike, though:

# %%
years = dates[1:].astype("datetime64[Y]").astype(int) + 1970  # the year of each return
for year in (2001, 2012):
    moves, in_year = np.diff(prices)[years == year], returns[years == year]
    print(f"{year}: a typical day's move (spread) ${moves.std():.2f} in dollars, "
          f"{100 * in_year.std():.1f}% as a return")

# %% [markdown]
# In dollars the two years differ many times over, because the price did; as returns they
# are on the same scale, and the remaining difference is real: the early years were far
# stormier. Keep that in mind when a model trained on the early years meets the later ones.
#
# **Try it.** Fit the model on another stock's prices (`lh.load_prices("IBM")`): is its last
# weight close to 1 too?
#
# ## 3. Windows, and a split by time
#
# A model sees a **window** of the last `N_DAYS` daily returns and predicts the next day's.
# We cut the series by time: **train** on everything before `VALIDATION_START`,
# **validation** (for choosing settings and stopping training) until `TEST_START`, and
# **test** from then on. The test period is never used to fit or to choose anything. This
# notebook looks at its scores several times, to teach; a real study would look once, at the
# very end, since every look that changes a decision makes it a little less of a test.
#
# The rule that matters: no training window may hold a day of a later period. A test window
# may reach back into the validation days for its inputs (they are past when the prediction
# is made), but here windows are made inside each period, the conservative choice: each
# period is scored on its own days alone, and the first `N_DAYS` days of the validation and
# test periods serve only as inputs.

# %%
split = lh.time_split(dates[1:], returns, N_DAYS, VALIDATION_START, TEST_START)
print(split)
print("the first training window (%):")
print(np.round(100 * split.train.inputs[0], 2))
print(f"and the day it predicts: {100 * split.train.targets[0]:.2f}%")
plot_returns(split, TICKER)

# %% [markdown]
# Returns hover around 0, with calm stretches and stormy ones; storms tend to last
# (volatility clusters), which is why the test years can look very unlike the training years.
# The one day off the scale is Apple's worst day, labelled with both its % change and its log
# return.
#
# **Why not a random split?** Neighbouring windows share all their days but one. Shuffle the
# windows and deal them into train and test, and the training windows just after a test
# window hold the very day it predicts. Count how many test days end up inside some training
# window:

# %%
n_windows = len(returns) - N_DAYS
train_starts, test_starts = lh.shuffled_split(n_windows, test_fraction=0.2, seed=0)
leaked = lh.leaked_targets(train_starts, test_starts, N_DAYS)
print(f"random split:  {leaked} of {len(test_starts)} test days are in a training window")
leaked = lh.leaked_targets(split.train.starts, split.test.starts, N_DAYS)
print(f"split by time: {leaked} of {len(split.test)}")

# %% [markdown]
# A random split also trains on every year, the test years included: the model learns from
# the future. Does that flatter its score? Measure it on the same test days: take the random
# split's test windows that fall in the test years, and fit a model twice, on the random
# split's training windows and on the windows before `TEST_START` only. Here the model is the
# training mean, on the returns and on the size of each day's move (how far the price moved,
# up or down: |return|, which section 9 models):

# %%
for name, values in (("returns", returns), ("sizes of the moves", np.abs(returns))):
    print(f"{name}:")
    print(lh.random_split_check(dates[1:], values, N_DAYS, lh.TrainingMean, TEST_START))

# %% [markdown]
# Whether a leak shows in the score depends on the model and the data. For the returns, the
# random split's score is no different beyond noise. For the sizes of the moves it is smaller,
# beyond noise: averaging over every year, the calm test years included, told the mean how
# calm those years would be, which no forecaster could have known. You cannot know in advance
# which case you are in, so a split by time is the only honest test.
#
# **Your turn (q1).** Spot the leak. Here are three ways to split the `N_DAYS`-day windows of
# this stock's returns, each window dated by the day it predicts:
#
# - **A**: in time order: train on windows predicting days before 2009, validate on
#   2009-2010, test on 2011 onwards;
# - **B**: shuffle all the windows (seed 0), test on a random 20% of them, train on the rest;
# - **C**: in time order, but test first: test on windows predicting 2000-2001, train on
#   2002 onwards.
#
# Which one is honest, with no tested day seen in training and no learning from the future?
# Answer `"A"`, `"B"` or `"C"`.

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ## 4. Baselines first
#
# Before any clever model, three simple ones, each fitted on the training period only:
#
# - **tomorrow = today**: the price does not move, a return of 0;
# - **training mean**: tomorrow's return is the average daily return of the training years
#   (a small rise each day, if the stock went up over them);
# - **linear**: a least-squares linear model on the same windows.
#
# We score each on the test period in two ways: the **RMSE** of its predicted returns (the
# typical size of a miss, in % a day) and how often it gets the **direction** (up or down)
# right. Each comes with a 95% interval, because a test period is one sample of a noisy
# world: the RMSE difference from "tomorrow = today" by a bootstrap over runs of 10 days, the
# direction accuracy by a binomial (Wilson) interval. A model that always says "up" is the
# yardstick for direction. A difference between two RMSEs is in points (percentage points).

# %%
results = lh.evaluate(lh.BASELINES, split)
print(results.table())

# %% [markdown]
# Read a difference as real only when its whole interval is on one side of 0.
#
# **Your turn (q2).** Compute the RMSE of "tomorrow = today" by hand, over the first five
# days the test period predicts. Here are their returns, in %, rounded to two decimals; use
# these rounded numbers and give your answer in % too, to two decimals:

# %%
print(np.round(100 * split.test.targets[:5], 2))

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# Here are the predictions against what happened, over the first days of the test period.
# The predicted returns are tiny next to the real ones: none of these models expects to know
# much about any single day.

# %%
plot_test_predictions(results, days=60)

# %%
print(results.verdict())

# %% [markdown]
# ## 5. Scaling, fitted on the training period only
#
# Daily returns are small numbers, and an LSTM's sigmoid and tanh work best on inputs of
# about size 1. So before an LSTM sees them, returns are scaled: shifted by their mean and
# divided by their spread (standard deviation). Those two numbers must come from the
# training period only, because in real use the future has not happened yet.

# %%
scaler = split.scaler()
print(f"fitted on the training period: mean {100 * scaler.mean:.3f}%,"
      f" spread {100 * scaler.scale:.2f}% a day")
for period in split.periods:
    scaled = scaler.transform(period.values)
    print(f"{period.name:<10} after scaling: mean {scaled.mean():+.2f},"
          f" spread {scaled.std():.2f}")

# %% [markdown]
# The training period comes out at mean 0 and spread 1, as it must; the later periods need
# not, because their storms differ from the training years'. A scaler fitted on all the data
# would hide that, by borrowing the test years' spread.
#
# **Your turn (q3).** Predict first. Suppose the scaler were fitted on *all* the data, test
# years included, and the linear model were fitted on the scaled training windows
# (`lh.LinearWindow(scaler=...)`). On the test period, would it look `"better"`, `"worse"`
# or `"the same"`?

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# Now check:

# %%
scalers = {"training period": split.scaler(), "all data (a leak)": lh.Scaler.fit(returns)}
for name, fitted in scalers.items():
    linear = lh.LinearWindow(scaler=fitted).fit(split.train)
    predicted, actual = linear.predict(split.test.inputs), split.test.targets
    print(f"scaler from {name + ':':<18} RMSE {100 * lh.rmse(predicted, actual):.4f}%,"
          f" direction right {lh.direction_accuracy(predicted, actual)}")

# %% [markdown]
# The two lines agree: the leak changed nothing here, because a linear model with a bias
# undoes any shift and stretch of its inputs (q3's answer explains). A model whose units pass
# their sums through sigmoid and tanh cannot undo it, so the check must be run again for the
# LSTM, in the next section.
#
# ## 6. The LSTM
#
# Now the model the course is about. `lh.LSTMWindow` is the LSTM layer of
# [notebook 06](06_long_memories.ipynb) with a read-out: its units read a window's scaled
# returns one day at a time, passing their long-term and short-term memories along, and a
# weighted sum of their last short-term memories is the prediction for tomorrow. It trains as
# in notebook 06, by backpropagation through time and Adam, in numpy, on batches of training
# windows. Every few steps it measures its loss on the validation period and keeps the weights
# with the lowest; when several checks in a row bring no new lowest, it stops (**early
# stopping**). Its scaler is fitted on the training period alone.
#
# **How its settings are chosen.** Choosing settings by their test score would quietly turn
# the test period into training data, so here the validation period chooses. It chooses the
# size of the layer: two LSTMs are trained, with 4 and 8 units, and the one whose
# predictions of the validation period have the lowest RMSE is kept (`lh.ValidationChoice`).
# Every other setting (learning rate, batch size, patience) is `lh.LSTMWindow`'s default, with
# seed 0: this notebook tries no other value of them. The window length `N_DAYS` and the
# dates are set once, in the setup cell, and not tuned either. Nothing here is chosen by a
# test score.
#
# It joins the three baselines in `lh.evaluate`: every model is fitted on the training period
# (and chosen on validation), then scored on the test period.

# %%
# NBVAL_IGNORE_OUTPUT
# (a progress bar: what this cell computes is printed in the next one)
choices = lh.lstm_choices(n_units=(4, 8))  # seed 0 and the defaults
make_lstm = lambda: lh.ValidationChoice(choices)  # fresh and unfitted at each call
models = {**lh.BASELINES, "LSTM": make_lstm}
progress = ProgressBar("two LSTMs and the baselines", "a second or two")
results = lh.evaluate(models, split, progress=progress)

# %%
chosen = results.models["LSTM"]
print(chosen.summary())
lstm = chosen.model  # the LSTMWindow the validation period chose
print(lstm)
print(lstm.summary())

# %% [markdown]
# Here is its training. Each loss is divided by the loss of always predicting the training
# mean on the same period, so 1 means "no better than knowing nothing" and below 1 means better.

# %%
plot_lstm_training(lstm, split.train, split.validation)

# %% [markdown]
# The training loss keeps falling below 1: the LSTM is fitting the training years. The
# validation loss only wobbles around 1: what it learned from the training years hardly
# carries over to the next two, and the lowest wobble, early on, is the step it kept. R squared
# (1 is perfect, 0 no better than the period's own average) of the LSTM kept, period by period:

# %%
for period in split.periods:
    r2 = lh.r_squared(lstm.predict(period.inputs), period.targets)
    print(f"{period.name:<10} R squared of the LSTM: {r2:+.3f}")

# %% [markdown]
# About 0 on every period, the training period included: the validation period kept an LSTM
# from early in its training, before it had fitted much. The steps after it fitted the
# training years better and the validation years no better. A model that fits the training
# period has not necessarily learned anything that lasts. Now the results table on the test
# period, the LSTM included:

# %%
print(results.table())

# %%
plot_test_predictions(results, days=60)

# %% [markdown]
# And the verdict, computed: first each model against the naive strategies, then the LSTM
# against each of the other models on the same test days. Its direction score is made of
# "up" and "down" calls, so the last lines count them.

# %%
print(results.verdict())
print()
print(results.versus("LSTM"))
print()
print(results.calls("LSTM"))

# %% [markdown]
# The LSTM's errors are no smaller than those of "tomorrow = today", or of any baseline, beyond
# noise. Its direction, though, is right more often than always saying "up", beyond noise.
# The last lines show what that is made of: it says "up" on nearly every day, so it mostly
# plays the always-up rule, and its edge comes from a handful of "down" calls, most of them
# right. Skill, or luck? The validation period chose this LSTM by its errors, not its
# direction; a handful of calls is a small sample; and the intervals are 95% ones, so among the
# many comparisons this notebook makes, some will come out "beyond noise" by luck alone. One
# test period is one draw; section 7 asks whether the edge comes back year after year.
#
# **Your turn (q4).** In q3, fitting the scaler on all the data changed nothing for the linear
# model. Predict what it does to the LSTM (the same number of units and seed, scaler fitted on
# every day, test years included):
#
# (a) exactly the same predictions, as for the linear model
#
# (b) different predictions, but its test errors change by less than the noise
#
# (c) different predictions, and clearly smaller test errors (beyond noise): the leak flatters it
#
# (d) different predictions, and clearly larger test errors (beyond noise)
#
# Answer with a letter, as a string (`"a"`).

# %%
answer = ____
ex.q4.check(answer, lstm=lstm)  # the check measures the leak on the LSTM chosen above

# %% [markdown]
# Now check: the chosen LSTM trained twice, once with each scaler.

# %%
# the leak: a scaler fitted on every day, the test years included
leaky_scaler = lh.Scaler.fit(returns)
same_lstm = lambda: lh.LSTMWindow(n_units=lstm.n_units, seed=0)
leaky_lstm = lambda: lh.LSTMWindow(n_units=lstm.n_units, seed=0, scaler=leaky_scaler)
leak = lh.evaluate({"training scaler": same_lstm, "all-data scaler": leaky_lstm}, split)
honest, leaky = leak.predictions["training scaler"], leak.predictions["all-data scaler"]
print(f"largest change in a predicted return: {100 * np.abs(leaky - honest).max():.4f}%")
print(leak.table())
print(leak.versus("all-data scaler"))

# %% [markdown]
# The predictions move, because sigmoid and tanh answer to the size of their inputs: a
# different scaler trains a different LSTM. Whether the test score moves beyond noise is what
# the last lines say. Either way the rule stands: a leak makes the test measure something other
# than real use, so fit the scaler on the training period only.
#
# ## 7. Walk-forward: one test period is one draw
#
# A single test period can flatter or punish a model by luck. Walk-forward repeats the whole
# comparison for several test years in a row: for each year, every model is refitted on all
# the years before the validation year, validated on the year before (for the LSTM's early
# stopping), and tested on that year alone (whose first `N_DAYS` trading days serve only as
# inputs, as before). To keep it quick, the LSTM is not chosen among sizes again each year:
# it is one LSTM of 8 units with every other setting the default, fixed before any test year
# was looked at, so one fit a year.

# %%
# NBVAL_IGNORE_OUTPUT
# (a progress bar: what this cell computes is printed in the next one)
test_years = [2009, 2010, 2011, 2012]
walk_models = {**lh.BASELINES, "LSTM": lambda: lh.LSTMWindow(n_units=8, seed=0)}
walk = lh.walk_forward(dates[1:], returns, N_DAYS, walk_models, test_years,
                      progress=ProgressBar("4 years, an LSTM a year", "a few seconds"))

# %%
print(walk.table())

# %%
plot_walk_forward(walk)

# %% [markdown]
# In a year when the price rose a lot, the training mean can beat "tomorrow = today": that is
# the stock's drift showing up, not a forecast of any particular day. When the training mean
# is a rise, it says "up" every single day, so its direction score is the always-up marker's.
#
# The intervals on the right are each model's own. The verdicts below compare two models on
# the same days, which is more precise (the days both get right or both get wrong cancel out),
# so a difference can be beyond noise even where two of these intervals overlap.
#
# **Try it.** Walk forward over another stock: in a new cell, run
# `d, p = lh.load_prices("MSFT")` and then
# `print(lh.walk_forward(d[1:], lh.log_returns(p), N_DAYS, walk_models, test_years).summary())`.
# Does the verdict change?
#
# ## 8. The verdict on returns
#
# The verdict comes from the numbers, not from hope: the test period's sentences, the
# walk-forward tally over the years, the LSTM against each baseline year by year, and its
# direction calls year by year, beside always saying "up".

# %%
print(results.verdict())
print()
print(walk.summary())
print()
print(walk.versus("LSTM"))
print()
print(walk.direction_by_year("LSTM"))

# %% [markdown]
# Where a model is "no different beyond noise", the honest summary is that it did not beat
# the baselines, however good a single number looked. A real edge would show up year after
# year. Year by year, the LSTM's errors never beat "tomorrow = today" beyond noise. Its
# direction beats always saying "up" beyond noise in one of the four years, and in the other
# three it is no different from always "up" beyond noise. In every year it says "up" on most
# days. So the direction edge of the test period did not come back year after year: one year
# in four, among this many comparisons, is what luck alone can give, not the steady edge a
# real forecast would show.
#
# Why is this so hard? Prices already reflect what is known: if a pattern in past prices
# reliably predicted tomorrow, traders would buy and sell on it until it went away. What is left
# is mostly noise with a small drift, and a day's move is large next to any predictable part.
# A flexible model like the LSTM will still find patterns in the training years, as its falling
# training loss showed; but where returns are mostly noise, most such patterns are accidents of
# the training years, and nothing makes them come back.
#
# ## 9. What an LSTM can learn here: the size of the move
#
# Returns barely remember yesterday. The sizes of the moves do: a stormy day tends to be
# followed by stormy days and a calm one by calm ones (**volatility clustering**; you saw the
# storms in the picture of returns). Here is how strongly each day is correlated with the days
# after it, for the returns and for their sizes (|return|), on the training period:

# %%
band = lh.noise_band(len(split.train.values))
print(f"if the days were independent, about {0.05 * N_DAYS:.0f} of {N_DAYS} lags would"
      " fall beyond the band by chance")
train_returns = split.train.values
for name, series in (("returns", train_returns), ("sizes", np.abs(train_returns))):
    beyond = np.abs(lh.autocorrelation(series, N_DAYS)) > band
    print(f"{name:<15} lags beyond the noise band: {beyond.sum()} of {N_DAYS}")
plot_memory(train_returns, f"{TICKER}, training period:")

# %% [markdown]
# The sizes of the moves stand above the band at every lag shown: a clear, lasting memory. The
# returns cross it at a few lags, more than the one that chance alone would give. Don't read
# much into that: the band assumes that the days are independent, and volatility clustering
# makes them dependent (stormy days come together), so the returns' bars cross it by chance
# more often than 1 in 20. Whatever memory the returns have is small; the sizes' is not.
#
# So ask the LSTM a different question: **how large** will tomorrow's move be, whichever way
# it goes? The windows now hold the last sizes, the target is tomorrow's size, and the split by
# time is the same. The honest baselines for this target:
#
# - **yesterday's size**: tomorrow moves as much as today did;
# - **training mean size**: the typical size of the training years, which knows nothing about
#   recent days. Every RMSE is compared with this one;
# - **validation mean size**: the typical size of the validation years, the most recent ones
#   before the test. It is a single number, like the training mean size, but a recent one;
# - **recent average size**: the average size over the window, the classic quick measure of
#   how stormy the market is;
# - **linear**: a least-squares linear model on the window of sizes;
#
# and an LSTM chosen the same way (its size by the validation period), trained on the sizes.
# A size has no direction, so only the errors are scored.

# %%
# NBVAL_IGNORE_OUTPUT
# (a progress bar: what this cell computes is printed in the next one)
sizes = np.abs(returns)
size_split = lh.time_split(dates[1:], sizes, N_DAYS, VALIDATION_START, TEST_START)
size_models = {**lh.SIZE_BASELINES, "LSTM": make_lstm}
progress = ProgressBar("two LSTMs and the baselines", "a second or two")
size_results = lh.evaluate(size_models, size_split, reference="training mean size",
                           progress=progress)

# %%
print(size_results.table())
print("the LSTM chosen:", size_results.models["LSTM"].chosen)

# %%
print(size_results.verdict())
print()
print(size_results.versus("LSTM"))

# %% [markdown]
# On the test period every model but yesterday's size beats the training mean size beyond
# noise, the LSTM included, and the LSTM beats yesterday's size too. But its errors are larger
# than those of the validation mean size, a single number, beyond noise, and no different from
# those of the recent average or the linear model; the validation mean size has the lowest
# RMSE of them all.
#
# Does the LSTM follow the storms, or mostly sit at a better level? Here is how each model's
# predictions move over the test days: their mean, their spread (how far they move from day
# to day), their correlation with the actual sizes, and their RMSE beside the RMSE they would
# have scored had they predicted their own mean every day ("flattened": a diagnostic, not a
# forecast, since that mean is taken over the test days).

# %%
print(size_results.movement())

# %%
shown = ["LSTM", "recent average size", "validation mean size", "training mean size"]
plot_size_predictions(size_results, shown)

# %% [markdown]
# Read the table with the picture. The two means are flat lines: the training mean size sits
# far above the actual mean, the validation mean size close to it. The LSTM's line
# does move, about as much as the recent average's (their spreads), and its moves go with the
# actual sizes a little, about as much as the recent average's do (their correlations, small
# and positive): that much of the storms it learned. But look at the last two columns:
# flattened to its own mean, the LSTM would have scored better than it did, so on this test
# period its day-to-day moves cost it more than they brought. What put it ahead of the
# training mean size is mostly its level: its mean is far closer to the actual mean. The same
# holds on this test period for every model here whose predictions move: with correlations
# this small, the level counts for more than the day-to-day moves.
#
# And year by year, as for the returns:

# %%
# NBVAL_IGNORE_OUTPUT
# (a progress bar: what this cell computes is printed in the next one)
size_walk_models = {**lh.SIZE_BASELINES, "LSTM": walk_models["LSTM"]}
progress = ProgressBar("4 years, an LSTM a year", "a few seconds")
size_walk = lh.walk_forward(dates[1:], sizes, N_DAYS, size_walk_models, test_years,
                            reference="training mean size", progress=progress)

# %%
print(size_walk.table())
print()
print(size_walk.summary())
print()
print(size_walk.versus("LSTM"))

# %%
plot_walk_forward(size_walk)

# %% [markdown]
# Year by year the picture holds. The LSTM beats the training mean size and yesterday's size
# every year. Against the validation mean size it wins in only one year and never loses; it
# never beats the recent average, and loses to it in one year. A single recent number can
# mislead too: the validation mean size lost to the training mean size in one year (2009, the
# year after the storms of 2008), while the recent average, which moves with the storms, beat
# it every year. The honest report: how large tomorrow's move will be is partly
# predictable from the recent past, and the LSTM learned a little of it; but most of its edge
# over the training years' mean is a better level, and simple rules do as well: the one-line
# recent average in every year, a single recent number in most. Before reaching for an LSTM,
# find the simplest baseline that knows what the LSTM would learn.
#
# **Try it.** Change the LSTM's settings for the sizes, say `lh.LSTMWindow(n_units=2, seed=1)`,
# or predict the squared return instead of its size (`returns ** 2`), and run the comparison
# again. Does the verdict against the simple baselines change? (Each new choice you try on the
# test period makes that period a little less of a test.)
#
# ## Key points
#
# - The prices are real (Quandl WIKI, public domain), adjusted for splits and dividends,
#   and shipped with the course. Adjusted prices are rescaled: only their day-to-day changes
#   are real.
# - A model of raw prices learns "tomorrow is like today": a high R squared that says nothing
#   about tomorrow's move. Model returns instead.
# - Split by time, train before validation before test, and let no training window hold a day
#   of a later period. A random split trains on days and years it is tested on; whether that
#   flatters the score depends on the model, so never use one.
# - Fit anything learned from data (a scaler, a mean, weights) on the training period only,
#   and choose settings on the validation period. A leaky scaler left the linear model's
#   predictions exactly as they were (its bias and weights undo any shift and stretch); it
#   changed the LSTM's predictions, though here not its test score beyond noise. Either way the
#   test no longer measures real use.
# - Compare with baselines ("tomorrow = today", the training mean, always up), give every
#   score its uncertainty, and repeat over several test years before believing a winner.
# - Here, for AAPL's returns in the test years (2009 to early 2013), the LSTM fitted the
#   training years, and its errors were no smaller than the baselines' in the test period or
#   in any test year. Its direction beat always saying "up" on the test period and in one
#   year of four: not year after year. Yesterday's prices left it little to predict. One
#   stock over four years is one example, not a law.
# - The size of tomorrow's move is partly predictable (volatility clustering), but here most
#   of the LSTM's edge over the training mean size was a better level, and simple rules (the
#   recent average, a single recent number) did as well or better: an honest result names the
#   simplest model that does as well.
#
# This is the last notebook of the course for now. Back to the start:
# [00 · Start here](00_start_here.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/00_start_here.ipynb)).
