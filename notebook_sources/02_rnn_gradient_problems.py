# %% [markdown]
# # 02 · Why basic RNNs forget: vanishing and exploding gradients
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/02_rnn_gradient_problems.ipynb)
#
# A basic recurrent neural network (RNN) can read a sequence of any length with the same
# few weights, by unrolling: one copy of the network per day. That same trick is its
# weakness. Here you will see why, with numbers and a slider.
#
# **Learning objectives.** By the end of this notebook you can:
# - unroll a basic RNN and say which weights are shared between the days;
# - show that the first day's effect on the last output scales as w^n;
# - use a slider to show when it vanishes (|w| < 1) and when it explodes (|w| > 1);
# - say what the LSTM's long-term memory changes about this, and what it does not.
#
# **Time:** about 30 minutes (15 reading, 15 exercises).

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
from lstm_helpers.explorers.rnn import GradientExplorer
from lstm_helpers.pictures.rnn import draw_unrolled_rnn, plot_gradient_contributions

ex = lh.exercises_for("02")

# %% [markdown]
# ## 1. A basic RNN, unrolled
#
# Each day the unit takes that day's input times `w_input`, adds the previous day's output
# times `w_recurrent` and a bias, and passes the sum through an activation function.
# Unrolled over four days it looks like this: four copies, **the same two weights in every
# copy**, each handing its output to the next.

# %%
draw_unrolled_rnn(n_days=4)

# %% [markdown]
# Let's run one. To keep the arithmetic visible we use the identity activation (the
# output is just the sum) and no bias:

# %%
rnn = lh.BasicRNN(w_input=1.0, w_recurrent=0.5, activation="identity")
run = rnn.unroll([1.0, 0.0, 0.0, 0.0])
for day, output in enumerate(run.outputs, start=1):
    print(f"day {day}: output {output:.4f}")

# %% [markdown]
# Day 1's input of 1 is halved at every link to the next day. By day 4 what is left of it
# has been multiplied by `w_recurrent` three times.
#
# **Try it.** Change `w_recurrent` above to 2.0 and run the cell again. Then set it back
# to 0.5.

# %% [markdown]
# ## 2. The gradient scales as w^n
#
# To learn from day 1, training needs the gradient of the last output with respect to
# day 1's input. By the chain rule, each link multiplies it by `w_recurrent` once more
# (with the identity activation, nothing else changes it). A first day that is followed by
# n more days is multiplied by w^n.
#
# Take 51 days, so day 1 crosses 50 links. We compute its gradient three ways that must
# agree: the formula w^50, the chain rule as `lh.BasicRNN.input_gradients` applies it, and
# a finite difference (nudge day 1's input up and down and watch the last output).

# %%
pulse = np.zeros(51)
pulse[0] = 1.0  # something happens on day 1, nothing afterwards

for w in (0.5, 2.0):
    rnn = lh.BasicRNN(w_input=1.0, w_recurrent=w)
    print(f"w = {w}")
    print(f"  formula          w^50 = {lh.gradient_scale(w, 50):.3g}")
    print(f"  chain rule            = {rnn.input_gradients(pulse)[0]:.3g}")
    print(f"  finite difference     = {rnn.finite_difference(pulse, day=0, step=0.5):.3g}")

# %% [markdown]
# Look at the exponents. With w = 2 day 1's gradient is enormous: day 1 has **exploded**, and a
# gradient step of that size would throw the weights far off (unless the gradient is cut down
# to size first, *clipped*, a common remedy for exploding gradients). With w = 0.5 it is tiny:
# read its exponent. An ordinary floating-point number (float64) keeps about 16 significant digits, so next to a
# gradient of size 1, from the last day, day 1's share sits in the last digit or two, and a
# few days more push it below what a float64 can record at all:
#
# %%
eps = np.finfo(float).eps  # the smallest change to 1 that a float64 can record
print(f"float64 records changes to 1 down to {eps:.1e}")
for links in (50, 55):
    share = lh.gradient_scale(0.5, links)
    print(f"0.5^{links} = {share:.1e}: does 1 + 0.5^{links} differ from 1? {1.0 + share != 1.0}")

# %% [markdown]
# Long before it disappears from the arithmetic, day 1's share is far too small to move a
# weight: it has **vanished**. A vanished gradient carries no signal about day 1 to learn
# from; an exploded one carries a signal far too large to follow as it is.
#
# **Your turn (q1).** An identity RNN with recurrent weight 0.9 runs over 21 days. How much
# does day 1's input move the last output (three decimals)?

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ## 3. Every day's influence, with a slider
#
# The plot shows how much each day's input moves the last output, on a log scale: each
# step up the axis multiplies by the same factor. The dotted pink line is the float64 limit
# you just met: a day below it is lost in rounding next to a gradient of size 1.
#
# Move the recurrent weight between -2.5 and 2.5 and the number of days between 1 and 100.
# Try w = 0, w = 1, w = -1, w = -0.9 and w = 1.1.

# %%
# NBVAL_IGNORE_OUTPUT
GradientExplorer(w_recurrent=0.5, n_days=50)

# %% [markdown]
# What you should find:
#
# - |w| < 1: old days fade away, faster the smaller |w| is. They **vanish**.
# - |w| > 1: old days count more and more. They **explode**.
# - w < 0: the size behaves the same, but the sign flips every day (the two markers alternate).
# - |w| = 1 exactly keeps every day, but nothing in training holds a weight at exactly 1,
#   and even 1.1 or 0.9 over 100 days is far from 1:

# %%
for w in (0.9, 1.0, 1.1):
    print(f"w = {w}: after 99 links, w^99 = {lh.gradient_scale(w, 99):.3g}")

# %% [markdown]
# **Your turn (q2).** Which recurrent weight makes the first of 100 days explode: 0.5, -0.9,
# 1.0 or -1.2? Check with the slider, then answer.

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# **Your turn (q3).** With w = 2, how many links must day 1 cross before its influence
# passes 1,000,000?

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# ## 4. A preview: how the LSTM escapes
#
# The trouble is one weight multiplied in again and again. An LSTM adds a second path
# through the days, the **long-term memory**, and puts **no weight** on it. Each day the
# long-term memory is only multiplied by a gate (a fraction between 0 and 1 that the
# unit works out from that day's input) and added to.
#
# That is not magic: a gate of 0.5 every day would still fade the memory away, just as
# w = 0.5 does here. The difference is that the gate is computed afresh each day, so a
# trained unit can hold it close to 1 for as long as a memory is worth keeping, then let it
# go. Notebook 03 opens the unit up with real numbers, and
# [notebook 06](06_long_memories.ipynb) measures how far a memory, and its gradient, really
# gets through an RNN and through an LSTM.
#
# **Your turn (q4).** Why can a basic RNN with |w| < 1 not learn from day 1 of a 100-day
# sequence? Answer with a letter, as a string (`"a"`):
#
# (a) The gradient from day 1 explodes, because it is multiplied 99 times.
#
# (b) Nothing connects day 1 to the last output.
#
# (c) Day 1's effect on the last output, and so its gradient, is multiplied by w once per later day: w^99 is almost 0.
#
# (d) Day 1's value is too small to matter; scaling the inputs up would fix it.

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# **Your turn (q5).** Now say it in your own words, in a sentence or two, as a string. No
# program can grade a sentence, so the check shows yours beside a model answer and the
# points a good answer makes: compare them yourself.

# %%
answer = ____
ex.q5.check(answer)

# %% [markdown]
# ## Key points
#
# - An unrolled RNN uses the same weights on every day; that is what lets it read
#   sequences of any length.
# - Day 1's effect on the last output is multiplied by the recurrent weight once per
#   later day: with the identity activation it scales exactly as w^n.
# - |w| < 1: the gradient vanishes and old days cannot be learnt from. |w| > 1: it
#   explodes, and steps that large throw training off. (With tanh, each day's slope, at most
#   1, multiplies in as well: that pushes towards vanishing, as notebook 06 measures.)
# - The LSTM adds a long-term memory path with no weight on it, only a gate the unit
#   works out each day.
#
# **Next:** [03 · One LSTM unit](03_one_lstm_unit.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/03_one_lstm_unit.ipynb))
