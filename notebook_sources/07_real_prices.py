# %% [markdown]
# # 07 · Real prices, honestly
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
# - show what an LSTM does learn from prices (how large tomorrow's move will be, not which
#   way) and whether a simpler rule learns it as well.
#
# **Time:** about 65 minutes (40 reading and exploring, 25 exercises).

# %% [markdown]
# ## Setup

# %%
import numpy as np

import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.price_plots import (
    plot_copies_yesterday, plot_lstm_training, plot_memory, plot_prices, plot_returns,
    plot_size_predictions, plot_test_predictions, plot_walk_forward,
)

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
# from one day to the next is what an owner really gained or lost. Apple split each share
# into two on 2000-06-21 and on 2005-02-28; in the adjusted prices those days show no halving,
# only that day's real move:

# %%
returns = lh.log_returns(prices)  # one per day after the first, dated dates[1:]
for day in ("2000-06-21", "2005-02-28"):
    i = np.flatnonzero(dates[1:] == np.datetime64(day))[0]
    print(f"{day}: the adjusted close moved {100 * (np.exp(returns[i]) - 1):+.1f}%")
worst = returns.argmin()
print(f"largest one-day fall: {dates[1:][worst]}, "
      f"when the adjusted close fell {1 - np.exp(returns[worst]):.0%}")

# %% [markdown]
# The largest fall is real: a split would have been adjusted away.
#
# **Try it.** Load another stock, say `lh.load_prices("MSFT")`, and find its largest one-day
# fall the same way. `lh.price_tickers()` lists the four.
#
# ## 2. Why not predict the price itself?
#
# Let's try the obvious thing first: a linear model that predicts tomorrow's price from the
# last 20 prices, fitted by least squares on the years before 2009 and tested from 2011 on.

# %%
price_split = lh.time_split(dates, prices, N_DAYS, VALIDATION_START, TEST_START)
on_prices = lh.LinearWindow().fit(price_split.train)
print("its 20 weights, oldest day first:")
print(np.round(on_prices.weights, 2))
test = price_split.test
predicted, yesterday = on_prices.predict(test.inputs), test.inputs[:, -1]
print(f"R squared on the test period: the model {lh.r_squared(predicted, test.targets):.4f}, "
      f"just copying yesterday's price {lh.r_squared(yesterday, test.targets):.4f}")
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
# log(price today / price yesterday); for daily moves, 100 times it is almost exactly the
# percentage change, and unlike prices, returns from 2001 and 2012 look alike.
#
# **Try it.** Fit the model on another stock's prices (`lh.load_prices("IBM")`): is its last
# weight close to 1 too?
#
# ## 3. Windows, and a split by time
#
# A model sees a **window** of the last 20 daily returns and predicts the next day's. We cut
# the series by time: **train** on everything before 2009, **validation** (for choosing
# settings and stopping training) 2009-2010, and **test** from 2011, touched only once, at the
# end. Windows are made inside each period, so no window reaches across a boundary: the first
# 20 days of the validation and test periods serve only as inputs.

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
#
# **Why not a random split?** Neighbouring windows share all their days but one. Shuffle the
# windows and deal them into train and test, and the training windows just before and after
# a test window contain its days, the answer included. Count how many test days end up
# inside some training window:

# %%
train_starts, test_starts = lh.shuffled_split(len(returns) - N_DAYS, test_fraction=0.15, seed=0)
print(f"random split:  {lh.leaked_targets(train_starts, test_starts, N_DAYS)} of {len(test_starts)} "
      "test days are inside a training window")
print(f"split by time: {lh.leaked_targets(split.train.starts, split.test.starts, N_DAYS)} of {len(split.test)}")

# %% [markdown]
# A model tested after a random split is marked on answers it has already seen. And even
# without shared days, training on later years to predict earlier ones lets the model learn
# from the future.
#
# **Your turn (q1).** Spot the leak. Here are three ways to split the 20-day windows of
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
# - **linear**: a least-squares linear model on the same 20-day windows.
#
# We score each on the test period in two ways: the **RMSE** of its predicted returns (the
# typical size of a miss, in % per day) and how often it gets the **direction** (up or down)
# right. Each comes with a 95% interval, because a test period is one sample of a noisy
# world: the RMSE difference from "tomorrow = today" by a bootstrap over runs of 10 days, the
# direction accuracy by a binomial (Wilson) interval. A model that always says "up" is the
# yardstick for direction.

# %%
results = lh.evaluate(lh.BASELINES, split)
print(results.table())

# %% [markdown]
# Read a difference as real only when its whole interval is on one side of 0.
#
# **Your turn (q2).** Compute the RMSE of "tomorrow = today" by hand, over the first five
# days the test period predicts. Here are their returns, in %, rounded to two decimals; use
# these rounded numbers and give your answer in % too (two decimals):

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
print(f"fitted on the training period: mean {100 * scaler.mean:.3f}%, spread {100 * scaler.scale:.2f}% a day")
for period in split.periods:
    scaled = scaler.transform(period.values)
    print(f"{period.name:<10} after scaling: mean {scaled.mean():+.2f}, spread {scaled.std():.2f}")

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
for name, fitted in (("training period", split.scaler()), ("all data (a leak)", lh.Scaler.fit(returns))):
    predicted = lh.LinearWindow(scaler=fitted).fit(split.train).predict(split.test.inputs)
    print(f"scaler from {name + ':':<18} RMSE {100 * lh.rmse(predicted, split.test.targets):.4f}%, "
          f"direction right {lh.direction_accuracy(predicted, split.test.targets)}")

# %% [markdown]
# The two lines agree: the leak changed nothing here, because a linear model with a bias
# undoes any shift and stretch of its inputs (q3's answer explains). A model whose units pass
# their sums through sigmoid and tanh cannot undo it, so the check must be run again for the
# LSTM, in the next section.
#
# ## 6. The LSTM
#
# Now the model the course is about. `lh.LSTMWindow` is the LSTM layer of
# [notebook 06](06_long_memories.ipynb) with a read-out: its units read a window's scaled returns one day at a time, passing their
# long-term and short-term memories along, and a weighted sum of their last short-term
# memories is the prediction for tomorrow. It trains as in notebook 06, by backpropagation
# through time and Adam, in numpy, on batches of training windows. Every few steps it measures
# its loss on the validation period and keeps the weights with the lowest; when several checks
# in a row bring no new lowest, it stops (**early stopping**). Its scaler is fitted on the
# training period alone, and the test period is never shown to it. Its settings are printed
# below; choosing settings by their test score would quietly turn the test period into training
# data, so any tuning must look at the validation period only.
#
# It joins the three baselines in `lh.evaluate`: every model is fitted on the training period,
# then scored on the test period.

# %%
make_lstm = lambda: lh.LSTMWindow(n_units=8, seed=0)  # a fresh, unfitted LSTM at each call
print(make_lstm())
models = {**lh.BASELINES, "LSTM": make_lstm}
results = lh.evaluate(models, split)
lstm = results.models["LSTM"]
print(lstm.summary())

# %% [markdown]
# Here is its training. Each loss is divided by the loss of always predicting the training
# mean on the same period, so 1 means "no better than knowing nothing" and below 1 means better.

# %%
plot_lstm_training(lstm, split.train, split.validation)

# %% [markdown]
# The training loss keeps falling below 1: the LSTM is fitting the training years. The
# validation loss hovers around 1 and barely improves on it: what it learned from the training
# years does not carry over to the next two. R squared (1 is perfect, 0 no better than the
# period's own average) tells the same story, period by period:

# %%
for period in split.periods:
    r2 = lh.r_squared(lstm.predict(period.inputs), period.targets)
    print(f"{period.name:<10} R squared of the LSTM: {r2:+.3f}")

# %% [markdown]
# A little above 0 on the training period, about 0 on the two periods it did not train on. A
# model that fits the training period has not necessarily learned anything that lasts.
# Now the results table on the test period, the LSTM included:

# %%
print(results.table())

# %%
plot_test_predictions(results, days=60)

# %% [markdown]
# And the verdict, computed: first each model against the naive strategies, then the LSTM
# against each of the other models on the same test days.

# %%
print(results.verdict())
print()
print(results.versus("LSTM"))

# %% [markdown]
# The LSTM's errors are no smaller than those of "tomorrow = today", or of any baseline, beyond
# noise. One line does stand out: on this test period it called the direction right more often
# than always saying "up", beyond noise. Before believing it, weigh three things. Its errors
# did not shrink, so its calls come with no better sense of how far the price moves. We have
# now made many comparisons, and a 95% interval excludes 0 by luck alone now and then; the
# more comparisons, the more such lucky lines. And one test period is one draw: section 7
# asks whether it happens again, year after year.
#
# **Your turn (q4).** In q3, fitting the scaler on all the data changed nothing for the linear
# model. Predict what it does to the LSTM (same settings and seed, scaler fitted on every day,
# test years included):
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
ex.q4.check(answer)

# %% [markdown]
# Now check: the same LSTM trained twice, once with each scaler.

# %%
# the leak: a scaler fitted on every day, the test years included
leaky_lstm = lambda: lh.LSTMWindow(n_units=8, seed=0, scaler=lh.Scaler.fit(returns))
leak = lh.evaluate({"scaler from training": make_lstm, "scaler from all data": leaky_lstm}, split)
honest, leaky = leak.predictions["scaler from training"], leak.predictions["scaler from all data"]
change = np.abs(leaky - honest).max()
print(f"largest change in a predicted return: {100 * change:.4f}%")
print(leak.table())
print(leak.versus("scaler from all data"))

# %% [markdown]
# The predictions move, because sigmoid and tanh answer to the size of their inputs: a
# different scaler trains a different LSTM. Whether the test score moves beyond noise is what
# the last lines say. Either way the rule stands: a leak makes the test measure something other
# than real use, so fit the scaler on the training period only.
#
# ## 7. Walk-forward: one test period is one draw
#
# A single test period can flatter or punish a model by luck. Walk-forward repeats the whole
# comparison for several test years in a row: for each year, every model (the LSTM too) is
# refitted on all the years before the validation year, validated on the year before, and
# tested on that year alone (whose first 20 trading days serve only as inputs, as before).

# %%
walk = lh.walk_forward(dates[1:], returns, N_DAYS, models, test_years=[2009, 2010, 2011, 2012])
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
# `print(lh.walk_forward(d[1:], lh.log_returns(p), N_DAYS, models, [2009, 2010, 2011, 2012]).summary())`.
# Does the verdict change?
#
# ## 8. The verdict on returns
#
# The verdict comes from the numbers, not from hope: the test period's sentences, the
# walk-forward tally over the years, and the LSTM against each baseline year by year.

# %%
print(results.verdict())
print()
print(walk.summary())
print()
print(walk.versus("LSTM"))

# %% [markdown]
# Where a model is "no different beyond noise", the honest summary is that it did not beat
# the baselines, however good a single number looked. A real edge would show up year after
# year. Year by year, the LSTM's errors never beat "tomorrow = today" beyond noise, and its
# edge on direction from section 6 appears in only some of the years: not the steady edge a
# real forecast would give.
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
for name, series in (("returns", split.train.values), ("sizes of moves", np.abs(split.train.values))):
    beyond = np.abs(lh.autocorrelation(series, N_DAYS)) > band
    print(f"{name:<15} lags beyond the noise band: {beyond.sum()} of {N_DAYS}")
plot_memory(split.train.values, f"{TICKER}, training period:")

# %% [markdown]
# So ask the LSTM a different question: **how large** will tomorrow's move be, whichever way
# it goes? The windows now hold the last sizes, the target is tomorrow's size, and the split by
# time is the same. The honest baselines for this target:
#
# - **yesterday's size**: tomorrow moves as much as today did;
# - **training mean size**: the typical size of the training years, which knows nothing about
#   recent days. Every RMSE is compared with this one;
# - **recent average size**: the average size over the window, the classic quick measure of
#   how stormy the market is;
# - **linear**: a least-squares linear model on the window of sizes;
#
# and a fresh LSTM with the same settings, trained on the sizes. A size has no direction, so
# only the errors are scored.

# %%
sizes = np.abs(returns)
size_split = lh.time_split(dates[1:], sizes, N_DAYS, VALIDATION_START, TEST_START)
size_models = {**lh.SIZE_BASELINES, "LSTM": make_lstm}
size_results = lh.evaluate(size_models, size_split, reference="training mean size")
print(size_results.table())

# %%
plot_size_predictions(size_results, ["LSTM", "recent average size", "training mean size"])

# %%
print(size_results.verdict())
print()
print(size_results.versus("LSTM"))

# %% [markdown]
# And year by year, as for the returns:

# %%
size_walk = lh.walk_forward(dates[1:], sizes, N_DAYS, size_models, test_years=[2009, 2010, 2011, 2012],
                            reference="training mean size")
print(size_walk.summary())
print()
print(size_walk.versus("LSTM"))

# %%
plot_walk_forward(size_walk)

# %% [markdown]
# Here the LSTM did learn something real: beyond noise, in every test year, its errors are
# smaller than those of the training mean size, which ignores recent days, and of yesterday's
# size. It learned volatility clustering from the data. Now look at the recent average size:
# a one-line rule, the average of the last sizes, learns the same storms, and the LSTM does
# not beat it in any year; in some it loses beyond noise. The honest report: an LSTM can learn
# real structure in prices (how stormy tomorrow will be, not which way it goes), and here a
# simpler model learns it at least as well. Before reaching for an LSTM, find the simplest
# baseline that knows what the LSTM would learn.
#
# **Try it.** Change the LSTM's settings for the sizes, say `lh.LSTMWindow(n_units=2, seed=1)`,
# or predict the squared return instead of its size (`returns ** 2`), and run the comparison
# again. Does the verdict against the recent average change? (Each new choice you try on the
# test period makes that period a little less of a test.)
#
# ## Key points
#
# - The prices are real (Quandl WIKI, public domain), adjusted for splits and dividends,
#   and shipped with the course.
# - A model of raw prices learns "tomorrow is like today": a high R squared that says nothing
#   about tomorrow's move. Model returns instead.
# - Split by time, train before validation before test, with windows inside their period. A
#   random split puts test days inside training windows: it leaks the answers.
# - Fit anything learned from data (a scaler, a mean, weights) on the training period only.
#   A linear model happens to be immune to a leaky scaler; an LSTM is not.
# - Compare with baselines ("tomorrow = today", the training mean, always up), give every
#   score its uncertainty, and repeat over several test years before believing a winner.
# - An LSTM fits the training years' returns and still predicts the next years' no better
#   than the baselines: markets leave little to predict in yesterday's prices.
# - What it can learn is how large the moves will be (volatility clustering), and a simple
#   recent average learns that too: an honest result names the simplest model that does as well.
#
# This is the last notebook of the course for now. Back to the start:
# [00 · Start here](00_start_here.ipynb).
