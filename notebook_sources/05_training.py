# %% [markdown]
# # 05 · Training the 12 numbers: backpropagation through time
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/05_training.ipynb)
#
# The unit in notebooks 03 and 04 came with its 12 weights and biases already trained. Here
# you train them yourself, from random starting values, and arrive at the same 12 numbers.
#
# **Learning objectives.** By the end of this notebook you can:
# - say what the loss is for Company A and Company B, and compute it;
# - explain how the chain rule carries the loss's gradient back through four days
#   (backpropagation through time), and check it against finite differences;
# - train the unit with Adam and read its loss curve;
# - say what the learning rate changes, and what goes wrong when it is too large;
# - say why the source's 12 numbers are one solution of many, and what that means;
# - map our 12 numbers onto PyTorch's `torch.nn.LSTM`.
#
# **Time:** about 50 minutes (25 reading and exploring, 25 exercises).

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
import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.explorers.training import LearningRateExplorer, train_with_progress
from lstm_helpers.pictures.training import plot_loss_along

ex = lh.exercises_for("05")
sequences = [lh.COMPANY_A[:4], lh.COMPANY_B[:4]]  # days 1-4 of each company
targets = [lh.COMPANY_A[4], lh.COMPANY_B[4]]      # and the day 5 to predict

# %% [markdown]
# ## 1. Where training starts
#
# Before training, the 8 weights are random numbers (drawn from a normal distribution with
# mean 0 and standard deviation 1, seed 42, as in the source) and the 4 biases are 0:

# %%
print(lh.UNTRAINED_PARAMS.describe())
for name, days in zip(("Company A", "Company B"), sequences):
    print(f"{name}: prediction before training {lh.unroll(days, lh.UNTRAINED_PARAMS).prediction:.4f}")

# %% [markdown]
# Both predictions are about 0: the untrained unit cannot tell the companies apart.
#
# ## 2. The loss
#
# For each company the **loss** is the squared residual: (prediction - day 5 value)². Training
# looks for the 12 numbers that make the total over both companies as small as possible.
#
# **Your turn (q1).** Before training, what is the loss for Company A?

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ## 3. What gradient descent sees
#
# Hold 11 of the numbers still and move one: the total loss traces a curve, and its slope at
# the current value (the orange dot, with the dashed tangent) is that number's gradient. The
# four panels share one loss scale, so a flatter curve really is a smaller gradient. Gradient
# descent takes a step downhill on every such curve at once.

# %%
plot_loss_along(lh.UNTRAINED_PARAMS, sequences, targets)

# %% [markdown]
# ## 4. The chain rule, back through four days
#
# To find all 12 slopes at once we run the unit forward over the four days, keeping every
# intermediate number, and then walk backwards: from the loss to the last short-term memory,
# back through the output gate, the new long-term memory, the input gate, the potential memory
# and the forget gate to the sums and their weights, and then on to the day before, through
# both memories. Because every copy of the unit shares the same 12 numbers, each number's
# gradient adds up contributions from all four days. This is **backpropagation through time**,
# and `lh.loss_and_gradients` does it; its source in `lstm_helpers/training.py` follows the
# stages in the order you met them in notebook 03.
#
# A gradient worked out by the chain rule should match the slope we measure by nudging each
# number a tiny bit up and down (a finite difference). Let's check:

# %%
loss, gradients = lh.loss_and_gradients(lh.UNTRAINED_PARAMS, lh.COMPANY_A[:4], lh.COMPANY_A[4])
numeric = lh.finite_difference_gradients(lh.UNTRAINED_PARAMS, lh.COMPANY_A[:4], lh.COMPANY_A[4])
print(f"Company A, loss {loss:.5f}")
print(f"{'':<36}{'chain rule':>12}{'finite difference':>19}")
for name, g, n in zip(lh.LSTMParams.NAMES, gradients.to_list(), numeric.to_list()):
    print(f"{name:<36}{g:12.6f}{n:19.6f}")
worst = max(abs(g - n) for g, n in zip(gradients.to_list(), numeric.to_list()))
print(f"they agree to better than 1e-8: {worst < 1e-8}")

# %% [markdown]
# ## 5. Training
#
# The source trained with **Adam** (a version of gradient descent that adapts each number's step
# size) with a learning rate of 0.001, one company at a time (A, then B), for 5000 epochs. An
# epoch is one pass over both companies. Run it, and watch the loss curve fall:

# %%
# NBVAL_IGNORE_OUTPUT
run = train_with_progress(sequences, targets, lh.UNTRAINED_PARAMS, epochs=5000,
                          learning_rate=0.001, snapshot_epochs=(2000, 3000, 5000),
                          redraw_every=500)

# %% [markdown]
# Here is how the predictions moved as it learned:

# %%
print("epochs   Company A   Company B")
for epoch, params in {0: lh.UNTRAINED_PARAMS, **run.snapshots}.items():
    a, b = (lh.unroll(days, params).prediction for days in sequences)
    print(f"{epoch:>6}   {a:9.4f}   {b:9.4f}")

# %% [markdown]
# And the 12 numbers it arrived at ("these"), beside the ones notebooks 03 and 04 used:

# %%
print(run.params.describe(beside=lh.EXAMPLE_PARAMS))
rounded = [round(v, 2) for v in run.params.to_list()]
print(f"the same to two decimals: {rounded == lh.EXAMPLE_PARAMS.to_list()}")

# %% [markdown]
# ## 6. The learning rate
#
# 5000 epochs is a lot for two companies. The learning rate sets the size of each step; try a
# larger one. The orange curve is the source's 0.001, for comparison.

# %%
# NBVAL_IGNORE_OUTPUT
LearningRateExplorer(sequences, targets, lh.UNTRAINED_PARAMS, epochs=1000, learning_rate=0.1)

# %% [markdown]
# The same comparison as numbers, over up to 5000 epochs:

# %%
trained = {}
for rate in (0.001, 0.01, 0.1, 1.0):
    trained[rate] = lh.train_lstm(sequences, targets, lh.UNTRAINED_PARAMS, 5000, learning_rate=rate)
    history = trained[rate].loss_history
    below = [epoch for epoch, loss in enumerate(history, start=1) if loss < 0.01]
    when = f"after {below[0]:>4} epochs" if below else "never"
    print(f"rate {rate:<6}: total loss below 0.01 {when}; after 5000 epochs {history[-1]:.3f}")

# %% [markdown]
# A rate of 0.1 gets there in a small fraction of the epochs. At 1.0 the loss stops at 1 and
# stays there. Look inside: the largest of the 12 numbers after training, and the largest of
# their 12 gradients (summed over both companies) at the end:

# %%
for rate in (0.1, 1.0):
    params = trained[rate].params
    grads = [lh.loss_and_gradients(params, days, target)[1].to_list()
             for days, target in zip(sequences, targets)]
    largest_gradient = max(abs(a + b) for a, b in zip(*grads))
    print(f"rate {rate:<4}: total loss {trained[rate].loss_history[-1]:.3f}, largest |number| "
          f"{max(abs(v) for v in params.to_list()):5.1f}, largest |gradient| {largest_gradient:.1e}")

# %% [markdown]
# Both gradients are tiny, yet one loss is about 0 and the other is 1.
#
# **Your turn (q2).** With a learning rate of 1.0, why does the loss stop at 1 and stay there?
# Answer with a letter, as a string:
#
# (a) The gradients explode to infinity.
#
# (b) Training needs more epochs at this rate.
#
# (c) The steps are so large that the weights jump to values where sigmoid and tanh are flat; there the slopes, and so the gradients, are almost 0, and the weights stop moving.
#
# (d) A total loss of 1 is the lowest this unit can reach on these two companies.

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# **Your turn (q3).** Now in your own words, as a string: why does 1.0 leave the loss stuck
# when 0.1 trains well? The check shows yours beside a model answer and the points it should
# make; compare them yourself.

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# This is the saturation of notebook 01 at work: with weights that large, every sum lands far
# out on the flat part of sigmoid or tanh, where a small change to a weight changes nothing, so
# Adam has no slope left to follow.

# %% [markdown]
# Plain gradient descent (`optimizer="sgd"`) takes steps of the learning rate times the
# gradient, without Adam's per-number scaling. Compare, at the same learning rate of 0.1:

# %%
for optimizer in ("adam", "sgd"):
    history = lh.train_lstm(sequences, targets, lh.UNTRAINED_PARAMS, 2000, learning_rate=0.1,
                            optimizer=optimizer).loss_history
    below = [epoch for epoch, loss in enumerate(history, start=1) if loss < 0.01]
    print(f"{optimizer}: total loss below 0.01 after {below[0] if below else 'more than 2000'} epochs")

# %% [markdown]
# ## 7. One solution of many
#
# Training reached the source's 12 numbers because it started from the source's random values
# with the source's learning rate. Change only the learning rate to 0.01 and train again:

# %%
other = lh.train_lstm(sequences, targets, lh.UNTRAINED_PARAMS, 5000, learning_rate=0.01)
print(other.params.describe(beside=lh.EXAMPLE_PARAMS, beside_title="the source's (rate 0.001)"))

# %% [markdown]
# Other numbers, some far from the source's. Yet both fit the two companies. Now give both a
# company neither has seen, the new company of notebook 04 (days 0.5, 0.25, 0.25 and 1):

# %%
new_company = [0.5, 0.25, 0.25, 1.0]
print("                       Company A   Company B   new company")
for name, params in (("source's (rate 0.001)", lh.EXAMPLE_PARAMS), ("rate 0.01", other.params)):
    a, b, new = (lh.unroll(days, params).prediction for days in (*sequences, new_company))
    print(f"{name:>21}   {a:9.2f}   {b:9.2f}   {new:11.2f}")

# %% [markdown]
# Both are right on the two companies they were trained on, and they disagree about the third.
# With 12 numbers and only 2 examples there are many ways to fit: the unit can memorise the two
# companies, and nothing here says which way generalises, because nothing here tested the unit
# on data it had not seen. The source's 12 numbers are one solution, not *the* answer.
# [Notebook 07](07_real_prices.ipynb) does what this notebook cannot: it trains on real prices
# and tests on days the model never saw, against honest baselines.
#
# ## 8. The same unit in PyTorch
#
# `torch.nn.LSTM(input_size=1, hidden_size=1)` is this unit, in the standard notation of
# notebook 03's section 5. Its names and layout differ:
#
# | this course | PyTorch |
# |---|---|
# | long-term memory | cell state `c` |
# | short-term memory | hidden state `h` (also the output) |
# | forget gate, input gate, potential long-term memory, output gate | `f`, `i`, `g`, `o`, stored in the order **i, f, g, o** |
# | weights on the input (the $W$ of notebook 03's equations) | `weight_ih_l0`, shape (4, 1) |
# | weights on the short-term memory (the $U$) | `weight_hh_l0`, shape (4, 1) |
# | one bias per gate | two: `bias_ih_l0` and `bias_hh_l0`, always added together |
#
# To load our numbers into PyTorch you would put each gate's input weight in `weight_ih_l0`
# and its short-term weight in `weight_hh_l0`, in the order i, f, g, o, and split each bias
# between the two bias vectors (for instance all of it in one and 0 in the other). Nothing in
# this course needs PyTorch; the mapping is here so you recognise the unit when you meet it.
#
# **Your turn (q4).** How many numbers does `torch.nn.LSTM(input_size=1, hidden_size=1)` train?

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# ## Key points
#
# - The loss is the squared residual of the prediction; training makes the total over both
#   companies small.
# - Backpropagation through time is the chain rule walked back through every stage and every
#   day; the shared weights collect a contribution from each day. A finite difference checks it.
# - Adam with learning rate 0.001 for 5000 epochs, from the source's starting values, gives
#   the example unit's 12 numbers.
# - A larger learning rate gets there much sooner, but too large a rate throws the weights
#   into saturation, where the gradients vanish.
# - Other learning rates fit the two companies with other numbers, which disagree on a company
#   neither has seen: with 12 numbers and 2 examples, training memorises, and only data held
#   out from training can tell a model that predicts from one that remembers.
# - `torch.nn.LSTM` is the same unit, with 16 numbers where we have 12 (two biases per gate).
#
# **Next:** does an LSTM really remember longer than a basic RNN? [06 · Long memories](06_long_memories.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/06_long_memories.ipynb))
