# %% [markdown]
# # 01 · Activation functions: sigmoid and tanh
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/01_activation_functions.ipynb)
#
# An LSTM is built from two simple functions. Before we open up a unit, we get to know
# them well: what they do to a number, and where they stop responding to it.
#
# **Learning objectives.** By the end of this notebook you can:
# - compute sigmoid and tanh by hand, for example sigmoid(5) and tanh(-2);
# - say what range each one squashes any input into;
# - explain why their slopes vanish far from 0, and why that matters for learning;
# - say which of the two an LSTM uses as a gate, and which for the signed values it adds and outputs.
#
# **Time:** about 25 minutes (10 reading, 15 exercises).

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
#
# Run this cell first (Shift + Enter).

# %%
import math

import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.explorers.activations import ActivationExplorer
from lstm_helpers.pictures.activations import plot_activations, plot_slopes

ex = lh.exercises_for("01")

# %% [markdown]
# ## 1. Sigmoid: any number in, a number between 0 and 1 out
#
# The **sigmoid** function looks fancy,
#
# $$\text{sigmoid}(x) = \frac{e^x}{e^x + 1},$$
#
# but all it does is take any $x$ and give back a $y$ between 0 and 1. Here $e$ is Euler's
# number, about 2.72. Plug in $x = 5$:

# %%
print(f"e is about {math.e:.2f}")
print(f"sigmoid(5) = e^5 / (e^5 + 1) = {math.exp(5):.1f} / {math.exp(5) + 1:.1f} = {lh.sigmoid(5):.2f}")

# %% [markdown]
# Large positive inputs come out close to 1, large negative ones close to 0, and 0 lands
# exactly in the middle:

# %%
for x in (-10, -2, 0, 2, 10):
    print(f"sigmoid({x:>3}) = {lh.sigmoid(x):.3f}")

# %% [markdown]
# **Your turn (q1).** Compute sigmoid(-5) *by hand* with `math.exp`, not with `lh.sigmoid`.
# Replace `____` and run the cell. `ex.q1.hint()` helps if you are stuck.

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ## 2. Tanh: any number in, a number between -1 and 1 out
#
# The **hyperbolic tangent**, tanh for short, looks fancier still,
#
# $$\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}},$$
#
# and does the same kind of thing, but squashes into the range from -1 to 1, so its
# output keeps the sign of its input. Plug in $x = -2$:

# %%
top, bottom = math.exp(-2) - math.exp(2), math.exp(-2) + math.exp(2)
print(f"tanh(-2) = (e^-2 - e^2) / (e^-2 + e^2) = {top:.2f} / {bottom:.2f} = {lh.tanh(-2):.2f}")

# %% [markdown]
# Here are both curves. The shaded band is the range each one squashes into.

# %%
plot_activations()

# %% [markdown]
# **Your turn (q2).** Write tanh yourself from the formula, using `math.exp`. The check
# tries your function on several inputs, including large ones, and it notices if you hand
# it a ready-made tanh (`math.tanh`, `np.tanh`, `lh.tanh`) instead of the formula.

# %%
def my_tanh(x):
    return ____


ex.q2.check(my_tanh)

# %% [markdown]
# ## 3. Move x and watch the slope
#
# Training a network means nudging its weights in the direction the **slope** (the
# derivative) says will reduce the error. So what matters is not only a function's value
# but how much its output moves when its input moves.
#
# Move the slider. The black line touching each curve is the slope at x; the numbers
# above the plot give each value and slope. (Click the slider and use the arrow keys for
# steps of 0.1.)

# %%
# NBVAL_IGNORE_OUTPUT
ActivationExplorer(x=2.0)

# %% [markdown]
# **Try it.** Move x to 0, then to 3, then to 6. Where is each slope largest? How big is
# tanh's slope at x = 6?

# %% [markdown]
# ## 4. Saturation: where gradients go to die
#
# Far from 0 both curves go flat: they **saturate**. A flat curve has a slope close to 0,
# so a change to the input barely changes the output, and a gradient that passes
# through it is multiplied by almost 0.

# %%
plot_slopes()

# %%
print(" x    slope of sigmoid   slope of tanh")
for x in (0, 2, 5, 10):
    print(f"{x:>2}    {lh.sigmoid_derivative(x):>15.6f}   {lh.tanh_derivative(x):>13.6f}")

# %% [markdown]
# Even at its steepest (x = 0, the first row) sigmoid's slope is a quarter of tanh's. Chain several saturated
# steps together and their small slopes multiply: this is one way gradients vanish, and
# the next notebook shows the other.
#
# **Your turn (q3).** Find the x where sigmoid(x) = 0.9. Trying values with `lh.sigmoid`
# is a fine way to start.

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# ## 5. Why an LSTM needs both
#
# - **Sigmoid as a gate.** Its output, between 0 and 1, reads as a fraction: "keep this
#   share of the long-term memory". Multiply a memory by it and you keep that share of it.
# - **Tanh for signed values.** Its output, between -1 and 1, has a sign and a size. An LSTM
#   uses it twice: to make the *potential* long-term memory it may add, and to squash the
#   long-term memory into what it may output. The long-term memory itself is never put
#   through tanh: it is added to day after day and can grow past 1, as notebook 03 shows.
#
# **Your turn (q4).** A gate decides what fraction of a memory to keep. Which activation
# suits it: `"sigmoid"`, `"tanh"` or `"identity"`?

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# ## Key points
#
# - sigmoid(x) = e^x / (e^x + 1) squashes any x into (0, 1).
# - tanh(x) = (e^x - e^-x) / (e^x + e^-x) squashes any x into (-1, 1) and keeps its sign.
# - Far from 0 both are flat (saturated): their slopes, and the gradients through them,
#   are almost 0.
# - In an LSTM, sigmoid makes gates (fractions) and tanh makes the signed values a unit
#   adds to its long-term memory and outputs; the long-term memory itself is not bounded.
#
# **Next:** [02 · Why basic RNNs forget](02_rnn_gradient_problems.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/02_rnn_gradient_problems.ipynb))
