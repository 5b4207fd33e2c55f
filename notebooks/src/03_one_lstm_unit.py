# %% [markdown]
# # 03 · One LSTM unit, live
#
# An LSTM unit looks complicated, but it is made of the simple parts you already know:
# weighted sums, sigmoid and tanh. In this notebook you run real numbers through one unit,
# stage by stage, and then move its memories and input with sliders.
#
# **Learning objectives.** By the end of this notebook you can:
# - say what the long-term memory (cell state) and the short-term memory (hidden state) are;
# - follow a long-term memory, a short-term memory and an input through the forget gate,
#   the input gate, the potential long-term memory and the output gate;
# - explain why the long-term memory's path has no weights, and what that does for gradients;
# - name every part of the unit.
#
# **Time:** about 45 minutes (20 reading and exploring, 25 exercises).

# %% [markdown]
# ## Setup

# %%
import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.diagrams import draw_lstm_unit
from lstm_helpers.widgets import LSTMUnitExplorer

ex = lh.exercises_for("03")

# %% [markdown]
# ## 1. Two memories
#
# A basic RNN carries one number from day to day. An LSTM unit carries two:
#
# - the **long-term memory**, also called the **cell state**, drawn as a **green** line along
#   the top. It is multiplied once and added to once on its way through, and **no weight
#   touches it**. That is why its gradient does not vanish or explode as it flows through
#   many unrolled units: there is no single weight multiplying it again and again.
# - the **short-term memory**, also called the **hidden state**, drawn as a **pink** line along
#   the bottom. It goes into every block through weights, and the new short-term memory is
#   the unit's output.
#
# Each block takes the short-term memory and the input, multiplies each by its own weight,
# adds a bias, and passes the sum through sigmoid (a percentage) or tanh (a value). These are
# the 12 numbers of the unit, already trained for this course's example:

# %%
print(lh.EXAMPLE_PARAMS.describe())

# %% [markdown]
# ## 2. Running the numbers
#
# To make the arithmetic interesting, suppose the previous long-term memory is 2, the previous
# short-term memory is 1 and the input is 1. One call computes every number inside the unit:

# %%
step = lh.lstm_step(input_value=1, long_memory=2, short_memory=1)
draw_lstm_unit(step)

# %% [markdown]
# ### Stage 1: the forget gate
#
# The first block decides what **percentage of the long-term memory to remember**. Its sum
# goes through sigmoid, which turns it into a number between 0 and 1, and the long-term memory
# is multiplied by it:

# %%
f = lh.EXAMPLE_PARAMS.forget
print(f"sum:     {f.w_short} x 1 + {f.w_input} x 1 + {f.bias} = {step.forget_sum:.2f}")
print(f"sigmoid: {step.forget_gate:.3f}, so we remember {step.forget_gate:.1%} of the long-term memory")
print(f"kept:    2 x {step.forget_gate:.3f} = {step.scaled_long_memory:.2f}")

# %% [markdown]
# This stage decides how much is *remembered*, and yet it is called the **forget gate**: a
# value near 0 forgets nearly everything. Notice that its sum uses the short-term memory and
# the input, never the long-term memory itself.
#
# **Your turn (q1).** Keep the short-term memory and the input at 1, but make the previous
# long-term memory 4. How much of it does the forget gate keep?

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ### Stage 2: a new long-term memory
#
# The next two blocks work as a pair. The right-hand one (tanh) creates a **potential
# long-term memory**; the left-hand one (sigmoid), the **input gate**, decides what
# percentage of it to add to the long-term memory we kept:

# %%
print(f"potential long-term memory: tanh({step.candidate_sum:.2f}) = {step.candidate:.2f}")
print(f"input gate:                 sigmoid({step.input_sum:.2f}) = {step.input_gate:.3f}")
print(f"added:                      {step.input_gate:.3f} x {step.candidate:.2f} = {step.added_long_memory:.2f}")
print(f"new long-term memory:       {step.scaled_long_memory:.2f} + {step.added_long_memory:.2f} = {step.long_memory:.2f}")

# %% [markdown]
# ### Stage 3: a new short-term memory, the output
#
# The new short-term memory is made the same way: tanh of the new long-term memory is a
# **potential short-term memory**, and the **output gate** decides what percentage of it to
# pass on. Because this new short-term memory is the unit's output, the name "output gate"
# says exactly what it does.

# %%
print(f"potential short-term memory: tanh({step.long_memory:.2f}) = {step.potential_short_memory:.2f}")
print(f"output gate:                 sigmoid({step.output_sum:.2f}) = {step.output_gate:.3f}")
print(f"new short-term memory:       {step.output_gate:.3f} x {step.potential_short_memory:.2f} = {step.short_memory:.2f}")

# %% [markdown]
# ## 3. The unit, live
#
# Now move the memories and the input yourself. The diagram and the table recompute on every
# move. Use the stage buttons to walk through the unit one stage at a time (the sliders keep
# their values), and **Reset to the example** to come back to 2, 1 and 1. The folded panel at
# the bottom holds all 12 weights and biases.
#
# Things to try:
# - Push the input and the short-term memory to their lowest values. What happens to the
#   forget gate, and to the long-term memory?
# - Set the previous long-term memory to 5 and then -5. Does the forget gate change?
# - Open the weights panel and set the output gate's bias to -6. What comes out?

# %%
# NBVAL_IGNORE_OUTPUT
LSTMUnitExplorer()

# %% [markdown]
# **Your turn (q2).** At the example values, which forget-gate bias makes the unit forget
# almost all of its long-term memory: -10, -2, 0 or 2? (The weights panel only reaches -6;
# reason from what you see there, or compute.)

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# **Your turn (q3).** *Before* moving any slider, predict: with long-term memory 0,
# short-term memory 0 and input 0, what is the new long-term memory? Then check it with the
# sliders.

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# **Your turn (q4).** In a sentence or two: why can the long-term memory pass through many
# unrolled units without its gradient vanishing or exploding? Write it as a string.

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# ## 4. Terminology, all in one place
#
# There is a lot of vocabulary around LSTMs, and two names for several parts. Here is the
# whole unit with every part named:

# %%
draw_lstm_unit()

# %% [markdown]
# | in this course | also called | what it does |
# |---|---|---|
# | long-term memory | cell state | carried along the green line, with no weights on it |
# | short-term memory | hidden state | carried along the pink line; the new one is the output |
# | forget gate | | % of the long-term memory to remember (sigmoid) |
# | input gate | | % of the potential long-term memory to add (sigmoid) |
# | potential long-term memory | candidate (cell input) | a new value to add to the long-term memory (tanh) |
# | output gate | | % of the potential short-term memory to output (sigmoid) |
# | potential short-term memory | | tanh of the new long-term memory |

# %% [markdown]
# ## Key points
#
# - An LSTM unit carries a long-term memory (cell state) and a short-term memory (hidden state).
# - The forget gate sets what percentage of the long-term memory to remember; the input gate
#   and the potential long-term memory decide what to add; the output gate sets what
#   percentage of the potential short-term memory becomes the new short-term memory.
# - No weight touches the long-term memory directly, so its gradient does not vanish or
#   explode along it.
# - Every block is a weighted sum of the short-term memory and the input, plus a bias,
#   through sigmoid (a percentage) or tanh (a value).
#
# **Next:** [04 · Company A and Company B](04_company_a_and_b.ipynb)
