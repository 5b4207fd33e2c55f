# %% [markdown]
# # 07 · Real prices, honestly
#
# Company A and Company B were four made-up days. Here you take real daily prices of real
# stocks and ask the question that matters in forecasting: does a model really predict
# anything, or does it only look as if it does? You will build the honest yardsticks first
# (simple baselines, a split by time, errors with their uncertainty) so that when the LSTM
# arrives it has to beat something.
#
# **Learning objectives.** By the end of this notebook you can:
# - load real daily prices with no network, and say where they come from and what "adjusted" means;
# - explain why a model of raw prices mostly learns "tomorrow is like today", and turn prices
#   into daily returns;
# - cut a series into windows of the last few days, split it by time, and show why a random
#   split leaks the future;
# - score baselines on the test period with the RMSE and the direction accuracy, each with
#   its 95% interval, and say whether a difference is beyond noise;
# - repeat the comparison year by year (walk-forward) before believing any single result.
#
# **Time:** about 45 minutes (25 reading and exploring, 20 exercises).

# %% [markdown]
# ## Setup

# %%
import numpy as np

import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.price_plots import (
    plot_copies_yesterday, plot_prices, plot_returns, plot_test_predictions, plot_walk_forward,
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
print(f"largest one-day fall: {dates[1:][worst]}, when the adjusted close fell {1 - np.exp(returns[worst]):.0%}")

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
print(f"did it call the day's move up or down? right on {lh.direction_accuracy(predicted - yesterday, test.targets - yesterday)} of days")

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
# ## 6. The LSTM
#
# **[The LSTM section goes here, on top of notebook 06's layer.]** It trains the LSTM layer
# on the scaled training windows with the course's own backpropagation through time and Adam,
# stops early on the validation period, adds it to the results table and the predictions plot
# above (as one more entry in `lh.evaluate`'s models), repeats the scaler check of q3 for it,
# and joins the walk-forward below.
#
# ## 7. Walk-forward: one test period is one draw
#
# A single test period can flatter or punish a model by luck. Walk-forward repeats the whole
# comparison for several test years in a row: for each year, every model is refitted on all
# the years before the validation year, validated on the year before, and tested on that year
# alone (whose first 20 trading days serve only as inputs, as before).

# %%
walk = lh.walk_forward(dates[1:], returns, N_DAYS, lh.BASELINES, test_years=[2009, 2010, 2011, 2012])
print(walk.table())

# %%
plot_walk_forward(walk)

# %% [markdown]
# In a year when the price rose a lot, the training mean can beat "tomorrow = today": that is
# the stock's drift showing up, not a forecast of any particular day. When the training mean
# is a rise, it says "up" every single day, so its direction score is the always-up marker's.
#
# **Try it.** Walk forward over another stock: in a new cell, run
# `d, p = lh.load_prices("MSFT")` and then
# `print(lh.walk_forward(d[1:], lh.log_returns(p), N_DAYS, lh.BASELINES, [2009, 2010, 2011, 2012]).summary())`.
# Does the verdict change?
#
# ## 8. The verdict so far
#
# The verdict comes from the numbers, not from hope: the test period's sentences, then the
# walk-forward tally over the years.

# %%
print(results.verdict())
print()
print(walk.summary())

# %% [markdown]
# Where a model is "no different beyond noise", the honest summary is that it did not beat
# the baselines, however good a single number looked.
#
# Why is this so hard? Prices move on news nobody has yet; if a pattern in past prices
# reliably predicted tomorrow, traders would buy and sell on it until it went away. What
# is left is mostly noise with a small drift, and a day's move is large next to any
# predictable part. That is why the LSTM will be held to these baselines, with these
# intervals, over these years.
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
# - Compare with baselines ("tomorrow = today", the training mean, always up), give every
#   score its uncertainty, and repeat over several test years before believing a winner.
#
# This is the last notebook of the course for now. Back to the start:
# [00 · Start here](00_start_here.ipynb).
