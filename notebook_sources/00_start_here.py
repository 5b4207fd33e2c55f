# %% [markdown]
# # 00 · Start here
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/00_start_here.ipynb)
#
# Welcome to **Better Stock Prediction with LSTMs**, a hands-on course on Long Short-Term
# Memory networks. You will take one LSTM unit apart, run real numbers through it by hand
# and with sliders, and then watch it remember what a stock did four days ago.
#
# **Learning objectives.** By the end of this notebook you can:
# - check that your setup has everything the course needs;
# - run a cell, and run a whole notebook from the top;
# - move a slider and watch its output change;
# - answer an exercise and ask it for a hint or the solution.
#
# **Time:** about 10 minutes.

# %%
# Run this cell first. Where the course's helpers are missing (Colab, Kaggle,
# VS Code), it installs them without changing any package you already have.
try:
    import lstm_helpers.setup_check
except ModuleNotFoundError:
    print("This copy of the course does not say where to install its helpers from: run "
          "%pip install /path/to/the/course (the folder with pyproject.toml) in a cell.")

# %% [markdown]
# ## The course, in order
#
# | # | notebook | you leave able to |
# |---|---|---|
# | 00 | Start here (this one) | run cells, move sliders, use the exercises |
# | 01 | Activation functions | compute sigmoid and tanh, and say why their slopes vanish |
# | 02 | Why basic RNNs forget | show when a gradient vanishes or explodes in an unrolled RNN |
# | 03 | One LSTM unit | follow a long-term and a short-term memory through every gate |
# | 04 | Company A and Company B | unroll the unit over four days and predict the fifth |
# | 05 | Training the 12 numbers | train the unit by backpropagation through time |
# | 06 | Long memories | measure how far a memory and its gradient get through an RNN and an LSTM |
# | 07 | Real prices, honestly | test models on real stock prices against honest baselines |
#
# Each notebook has the same shape: objectives and a time estimate, one setup cell,
# short sections that each end in something for you to do, and key points at the end.

# %% [markdown]
# ## Setup
#
# Every notebook starts with one setup cell. Click in the cell below and press
# **Shift + Enter**: that runs the cell and moves to the next one. While a cell runs,
# its label reads `[*]`; when it is done, the star becomes a number.
#
# On Google Colab, Kaggle or VS Code, run the cell at the very top of the notebook first:
# it installs the course's helpers there. Where they are installed already, it does nothing.

# %%
import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.explorers.activations import SigmoidExplorer

lh.check_setup()

# %% [markdown]
# The first line says where the notebook runs. If every line after it says `ok`, you are
# ready. If a line says `PROBLEM`, the last line says what to do; *Troubleshooting* in the
# course's `README.md` says more.
#
# **Running the whole notebook.** *Kernel → Restart Kernel and Run All Cells* runs every
# cell from the top in a fresh Python. Do that whenever a notebook behaves strangely:
# cells run out of order are the most common source of confusion.

# %% [markdown]
# ## Sliders
#
# Many ideas in this course are easier to see than to read. Move the slider below: it
# feeds a number `x` into the **sigmoid** function, which you will meet properly in the
# next notebook. Watch the output: whatever `x` you choose, sigmoid gives back a number
# between 0 and 1.
#
# You can also click the slider and use the arrow keys for small steps.

# %%
# NBVAL_IGNORE_OUTPUT
SigmoidExplorer(x=0.0)

# %% [markdown]
# **Try it.** Push the slider to both ends. How close to 0 and 1 does the output get?
# If the output below the slider does not change, widgets are not working: see
# *Troubleshooting* in the README.

# %% [markdown]
# ## Exercises that answer back
#
# Each exercise is a blank, `____`, for you to replace. Then run the cell and the check
# tells you one of three things: **Correct**, **Not yet** with a reason, or **Not attempted
# yet**. Stuck? `ex.q1.hint()` gives a hint, and calling it again gives a more explicit one.
# `ex.q1.solution()` shows the worked answer; try the hints first.
#
# Here is one to practise on. A gate in an LSTM is a fraction between 0 and 1: it says how
# much of a memory gets through (a gate of 0.25 lets 25% through).
#
# **Your turn (q1).** A gate outputs 0.25. How much of a long-term memory of 2.0 gets through?

# %%
ex = lh.exercises_for("00")

# %% [markdown]
# First, the check with the blank untouched: this is what you see before you answer.

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# A wrong answer gets a reason aimed at the likely mistake:

# %%
ex.q1.check(1.5)

# %% [markdown]
# Ask for a hint; ask again for a more explicit one:

# %%
ex.q1.hint()
ex.q1.hint()

# %% [markdown]
# **Your turn.** Replace `____` in the cell below with your answer and run it. (This is
# the only exercise in the course whose solution is shown here, so you can see what
# `solution()` looks like.)

# %%
answer = ____
ex.q1.check(answer)

# %%
ex.q1.solution()

# %% [markdown]
# ## Key points
#
# - **Shift + Enter** runs a cell; *Restart Kernel and Run All Cells* runs everything fresh.
# - Sliders recompute their output as you move them.
# - `check()` says right or wrong and why; `hint()` before `solution()`.
#
# **Next:** [01 · Activation functions](01_activation_functions.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/01_activation_functions.ipynb))
