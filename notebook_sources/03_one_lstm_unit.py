# %% [markdown]
# # 03 · One LSTM unit, live
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/03_one_lstm_unit.ipynb)
#
# An LSTM unit looks complicated, but it is made of the simple parts you already know:
# weighted sums, sigmoid and tanh. In this notebook you run real numbers through one unit,
# stage by stage, and then move its memories and input with sliders.
#
# **Learning objectives.** By the end of this notebook you can:
# - say what the long-term memory (cell state) and the short-term memory (hidden state) are;
# - follow a long-term memory, a short-term memory and an input through the forget gate,
#   the input gate, the potential long-term memory and the output gate;
# - write one step of the unit yourself, in a few lines of Python;
# - explain what the long-term memory's weight-free path does for gradients, and what it needs
#   from the forget gate;
# - name every part of the unit, and read the standard LSTM equations.
#
# **Time:** about 60 minutes (25 reading and exploring, 35 exercises).

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
from lstm_helpers.explorers.unit import LSTMUnitExplorer
from lstm_helpers.pictures.unit import draw_lstm_unit

ex = lh.exercises_for("03")

# %% [markdown]
# ## 1. Two memories
#
# A basic RNN carries one number from day to day. An LSTM unit carries two:
#
# - the **long-term memory**, also called the **cell state**, drawn as a **green** line along
#   the top. On its way through the unit it is multiplied once, by a fraction (the forget
#   gate), and added to once, and **no weight touches it**. Section 4 asks what that buys.
# - the **short-term memory**, also called the **hidden state**, drawn as a **pink** line along
#   the bottom. It goes into every block through weights, and the new short-term memory is
#   the unit's output.
#
# Each block takes the short-term memory and the input, multiplies each by its own weight,
# adds a bias, and passes the sum through sigmoid (a fraction) or tanh (a value). These are
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
# The first block decides what **fraction of the long-term memory to remember** (the source
# says "percentage": a forget gate of 0.25 keeps 25%). Its sum goes through sigmoid, which turns
# it into a number between 0 and 1, and the long-term memory is multiplied by it:

# %%
f = lh.EXAMPLE_PARAMS.forget
print(f"sum:     {f.w_short:.2f} x 1 + {f.w_input:.2f} x 1 + {f.bias:.2f} = {step.forget_sum:.2f}")
print(f"sigmoid: {step.forget_gate:.3f}, so we remember {step.forget_gate:.1%} of the long-term memory")
print(f"kept:    2 x {step.forget_gate:.4f} = {step.scaled_long_memory:.2f}")

# %% [markdown]
# This stage decides how much is *remembered*, and yet it is called the **forget gate**: a
# value near 0 forgets nearly everything. Notice that its sum uses the short-term memory and
# the input, never the long-term memory itself.
#
# **Your turn (q1).** Keep the short-term memory and the input at 1, but make the previous
# long-term memory 4. What is the scaled long-term memory now, the part of the 4 that the forget
# gate keeps (two decimals)?

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# **Your turn (q2).** Now write stage 1 yourself. `f` holds the forget gate's three numbers
# (`f.w_short`, `f.w_input`, `f.bias`); use `lh.sigmoid`. The check runs your function on
# many memories and inputs and compares it with the course's own unit.

# %%
f = lh.EXAMPLE_PARAMS.forget


def forget_stage(input_value, long_memory, short_memory):
    forget_gate = ____
    return ____


ex.q2.check(forget_stage)

# %% [markdown]
# ### Stage 2: a new long-term memory
#
# The next two blocks work as a pair. The right-hand one (tanh) creates a **potential
# long-term memory**; the left-hand one (sigmoid), the **input gate**, decides what
# fraction of it to add to the long-term memory we kept:

# %%
print(f"potential long-term memory: tanh({step.candidate_sum:.2f}) = {step.candidate:.2f}")
print(f"input gate:                 sigmoid({step.input_sum:.2f}) = {step.input_gate:.3f}")
print(f"added:                      {step.input_gate:.3f} x {step.candidate:.3f} = {step.added_long_memory:.2f}")
print(f"new long-term memory:       {step.scaled_long_memory:.3f} + {step.added_long_memory:.3f} = {step.long_memory:.3f}, "
      f"{step.long_memory:.2f} to two decimals")

# %% [markdown]
# ### Stage 3: a new short-term memory, the output
#
# The new short-term memory is made the same way: tanh of the new long-term memory is a
# **potential short-term memory**, and the **output gate** decides what fraction of it to
# pass on. Because this new short-term memory is the unit's output, the name "output gate"
# says exactly what it does.

# %%
print(f"potential short-term memory: tanh({step.long_memory:.2f}) = {step.potential_short_memory:.2f}")
print(f"output gate:                 sigmoid({step.output_sum:.2f}) = {step.output_gate:.3f}")
print(f"new short-term memory:       {step.output_gate:.3f} x {step.potential_short_memory:.3f} = {step.short_memory:.2f}")

# %% [markdown]
# **Your turn (q3).** You have seen every stage: write the whole unit. `p` now holds all 12
# numbers: `p.forget`, `p.input`, `p.candidate` (the potential long-term memory) and
# `p.output`, each with `w_short`, `w_input` and `bias`. Return the new long-term memory and
# the new short-term memory, in that order. Calling `lh.lstm_step` would be copying, and the
# check says so if your function calls it.

# %%
p = lh.EXAMPLE_PARAMS


def my_lstm_step(input_value, long_memory, short_memory):
    new_long_memory = ____
    new_short_memory = ____
    return new_long_memory, new_short_memory


ex.q3.check(my_lstm_step)

# %% [markdown]
# ## 3. The unit, live
#
# **Your turn (q4).** *Before* moving any slider, predict: with long-term memory 0,
# short-term memory 0 and input 0, what is the new long-term memory (two decimals)? Then check
# it with the sliders.

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# Now move the memories and the input yourself. The diagram and the text beside the sliders
# recompute on every move. Use the stage buttons to walk through the unit one stage at a time
# (the sliders keep their values), and **Reset to the example** to come back to 2, 1 and 1. The
# **Weights and biases** button opens the weights panel under the diagram, with all 12 of them;
# the folded panel at the bottom holds a table of every number.
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
# **Your turn (q5).** At the example values, which forget-gate bias makes the unit forget
# almost all of its long-term memory: -10, -2, 0 or 2? (The weights panel only reaches -6;
# reason from what you see there, or compute.)

# %%
answer = ____
ex.q5.check(answer)

# %% [markdown]
# ## 4. What the long-term memory's path buys, and what it needs
#
# In a basic RNN (notebook 02) day 1's signal is multiplied by the same weight w once per later
# day, so it scales as w^n. The long-term memory has no weight of its own: each day it is only
# multiplied by that day's forget gate and added to. So how much of today's long-term memory
# survives n days is the product of n forget gates, and the same product scales the gradient
# that travels back along it. (It is not the gradient's only way back: some of it also flows
# through the short-term memory, whose path goes through weights and fades like an RNN's.)
#
# That product is not automatically safe. A forget gate of 0.5 every day fades a memory exactly
# like w = 0.5 does. What the LSTM gains is that the forget gate is worked out afresh each day
# from the input and the short-term memory, so a trained unit can hold it near 1 while a memory
# is worth keeping:

# %%
for gate in (0.5, 0.9, step.forget_gate):
    print(f"forget gate {gate:.3f} every day: after 100 days {gate ** 100:.2g} of the memory is left")

# %% [markdown]
# The last line is the example unit's own forget gate at 2, 1 and 1.
# [Notebook 06](06_long_memories.ipynb) trains an RNN and an LSTM on the same long-memory task
# and measures how far each one's gradient gets.
#
# **Your turn (q6).** What lets the long-term memory carry something from day 1 to a much
# later day? Answer with a letter, as a string:
#
# (a) No weight touches it, so its gradient can never vanish, whatever the gates do.
#
# (b) tanh keeps it between -1 and 1, so it cannot blow up.
#
# (c) Each day it is only multiplied by the forget gate and added to, with no weight of its own; while the forget gate is held near 1, the memory and its gradient pass from day to day almost unchanged.
#
# (d) The output gate protects it from being changed.

# %%
answer = ____
ex.q6.check(answer)

# %% [markdown]
# **Your turn (q7).** In your own words, as a string: why can an LSTM's long-term memory carry
# a memory across many days when a basic RNN's signal fades? The check shows yours beside a
# model answer and the points it should make; compare them yourself.

# %%
answer = ____
ex.q7.check(answer)

# %% [markdown]
# ## 5. The same unit in the standard notation
#
# Papers, textbooks and libraries write the unit as six equations. Each line below is a stage
# you have computed, with the course's name beside it. $x_t$ is today's input, $h_{t-1}$ the
# previous short-term memory and $c_{t-1}$ the previous long-term memory; $\sigma$ is sigmoid;
# $W$ is a weight on the input (our `w_input`), $U$ a weight on the short-term memory (our
# `w_short`) and $b$ a bias; $\odot$ multiplies number by number.
#
# | equation | in this course |
# |---|---|
# | $f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f)$ | forget gate: % of the long-term memory to remember |
# | $i_t = \sigma(W_i x_t + U_i h_{t-1} + b_i)$ | input gate: % of the potential long-term memory to add |
# | $g_t = \tanh(W_g x_t + U_g h_{t-1} + b_g)$ | potential long-term memory (the candidate; some texts write $\tilde{c}_t$) |
# | $o_t = \sigma(W_o x_t + U_o h_{t-1} + b_o)$ | output gate: % of the potential short-term memory to output |
# | $c_t = f_t \odot c_{t-1} + i_t \odot g_t$ | new long-term memory (cell state) |
# | $h_t = o_t \odot \tanh(c_t)$ | new short-term memory (hidden state), the output |
#
# With our unit's one number per memory, $\odot$ is plain multiplication; a layer of many units
# (notebook 06) does it number by number. The example step, in these symbols:

# %%
print(f"f_t = {step.forget_gate:.3f}   i_t = {step.input_gate:.3f}   g_t = {step.candidate:.3f}   o_t = {step.output_gate:.3f}")
print(f"c_t = f_t * c_(t-1) + i_t * g_t = {step.forget_gate:.3f} x {step.previous_long_memory:g} "
      f"+ {step.input_gate:.3f} x {step.candidate:.3f} = {step.long_memory:.2f}")
print(f"h_t = o_t * tanh(c_t) = {step.output_gate:.3f} x {step.potential_short_memory:.3f} = {step.short_memory:.2f}")

# %% [markdown]
# ## 6. Terminology, all in one place
#
# There is a lot of vocabulary around LSTMs, and two names for several parts. Here is the
# whole unit with every part named:

# %%
draw_lstm_unit()

# %% [markdown]
# | in this course | also called | what it does |
# |---|---|---|
# | long-term memory | cell state, $c_t$ | carried along the green line, with no weight on it; scaled only by the forget gate |
# | short-term memory | hidden state, $h_t$ | carried along the pink line; the new one is the output |
# | forget gate | $f_t$ | % of the long-term memory to remember (sigmoid) |
# | input gate | $i_t$ | % of the potential long-term memory to add (sigmoid) |
# | potential long-term memory | candidate, $g_t$ or $\tilde{c}_t$ | a new value to add to the long-term memory (tanh) |
# | output gate | $o_t$ | % of the potential short-term memory to output (sigmoid) |
# | potential short-term memory | $\tanh(c_t)$ | tanh of the new long-term memory |

# %% [markdown]
# ## Key points
#
# - An LSTM unit carries a long-term memory (cell state) and a short-term memory (hidden state).
# - The forget gate sets what fraction of the long-term memory to remember; the input gate
#   and the potential long-term memory decide what to add; the output gate sets what
#   fraction of the potential short-term memory becomes the new short-term memory.
# - No weight touches the long-term memory: each day it is only scaled by the forget gate and
#   added to. While the forget gate is held near 1 it carries a memory, and its gradient,
#   across many days; a forget gate well below 1 fades it just as w^n does
#   ([notebook 06](06_long_memories.ipynb) measures both).
# - Every block is a weighted sum of the short-term memory and the input, plus a bias,
#   through sigmoid (a fraction) or tanh (a value); in the standard notation these are
#   $f_t$, $i_t$, $g_t$ and $o_t$, and $c_t = f_t c_{t-1} + i_t g_t$, $h_t = o_t \tanh(c_t)$.
#
# **Next:** [04 · Company A and Company B](04_company_a_and_b.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/04_company_a_and_b.ipynb))
