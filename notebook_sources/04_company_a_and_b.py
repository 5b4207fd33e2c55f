# %% [markdown]
# # 04 · Company A and Company B: the unit unrolled
#
# [Open in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/04_company_a_and_b.ipynb)
#
# One LSTM unit is not much use on its own. Unrolled over a sequence, with the same weights
# on every day, it can remember something from the start of the sequence until the end. Here
# it reads four days of two companies' stock values and predicts the fifth.
#
# **Learning objectives.** By the end of this notebook you can:
# - unroll one LSTM unit over days 1 to 4, passing both memories from day to day, and write
#   that loop yourself;
# - say why predicting day 5 for these two companies needs a memory of day 1;
# - read a day-by-day table of the memories and gates, and say which gates carry day 1;
# - test which day's value the prediction depends on most, and explain the answer.
#
# **Time:** about 40 minutes (20 reading and exploring, 20 exercises).

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
from lstm_helpers.explorers.companies import UnrolledExplorer
from lstm_helpers.pictures.companies import (
    DaysTable, GatesTable, draw_unrolled, plot_companies, plot_day_sensitivity,
)

ex = lh.exercises_for("04")

# %% [markdown]
# ## 1. Two companies, one difference
#
# Here are five days of stock values for two companies:

# %%
print("day:      ", "  ".join(f"{day:>4}" for day in range(1, 6)))
print("Company A:", "  ".join(f"{value:>4}" for value in lh.COMPANY_A))
print("Company B:", "  ".join(f"{value:>4}" for value in lh.COMPANY_B))
plot_companies()

# %% [markdown]
# Days 2, 3 and 4 are the same for both companies. Only day 1 differs, and then day 5 does.
# So to predict day 5 from days 1 to 4, a model has to **remember what happened on day 1**
# through three days that look exactly alike. That is a job for a long-term memory.

# %% [markdown]
# ## 2. Unrolling the unit over Company A
#
# We start with both memories at 0 (not "no memory", just memories that happen to be 0), feed
# in day 1's value, and do the arithmetic of notebook 03. The new memories go into the next
# copy of the unit, with day 2's value, and so on. **Every copy uses the same 12 weights and
# biases.**

# %%
run_a = lh.unroll(lh.COMPANY_A[:4])
draw_unrolled(run_a, target=lh.COMPANY_A[4])

# %% [markdown]
# The final short-term memory is the output of the unrolled unit: its prediction for day 5.
# Here is the same run as a table:

# %%
DaysTable(run_a, "Company A")

# %% [markdown]
# After day 1 the long-term memory is already negative, and the short-term memory with it.
# The unit ends close to 0, which is Company A's value on day 5.
#
# **Your turn (q1).** Unrolling is a short loop. Write it: start both memories at 0, call
# `lh.lstm_step(value, long_memory, short_memory)` once per day, hand both new memories on to
# the next day, and return the prediction. The check compares your loop with `lh.unroll` on
# sequences of different lengths (and notices if you call `lh.unroll` itself).

# %%
def my_unroll(values):
    long_memory = short_memory = 0.0
    for value in values:
        ____
    return ____


ex.q1.check(my_unroll)

# %% [markdown]
# ## 3. The same unit over Company B
#
# **Your turn (q2).** Company B's days 2 to 4 are Company A's; only day 1 differs. *Before*
# running it: will B's long-term memory after day 4 be `"higher"` than A's, `"lower"`, or
# `"the same"`?

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# Now run it:

# %%
run_b = lh.unroll(lh.COMPANY_B[:4])
draw_unrolled(run_b, target=lh.COMPANY_B[4])

# %%
DaysTable(run_b, "Company B")

# %% [markdown]
# Same weights, same days 2 to 4, and yet a prediction close to 1, Company B's value on day 5.
# The only thing that could carry the difference from day 1 to day 5 is the memories.
#
# **About rounding.** The source chapter draws the memories rounded to one decimal, so it says
# the unit predicts 0.0 for Company A and 1.0 for Company B. Both companies can also go
# through at once, as a batch (days down, companies across):

# %%
both = lh.unroll(np.array([lh.COMPANY_A[:4], lh.COMPANY_B[:4]]).T)  # two companies as a batch
for name, prediction in zip(("Company A", "Company B"), both.prediction):
    print(f"{name}: {prediction:.2f} to two decimals, {prediction:.1f} to one")

# %% [markdown]
# ## 4. Try it: your own four days
#
# Choose Company A, Company B, or move the four day sliders to make your own company (moving a
# slider switches to "your own"). The play button steps through the days one at a time, so you
# can watch each copy hand its memories to the next; the **days run** slider does the same by hand.

# %%
# NBVAL_IGNORE_OUTPUT
UnrolledExplorer()

# %% [markdown]
# **Your turn (q3).** A new company's first four days are 0.5, 0.25, 0.25 and 1. What does the
# unit predict for its day 5 (two decimals)?

# %%
answer = ____
ex.q3.check(answer)

# %% [markdown]
# ## 5. How day 1 is carried
#
# Which gates do the work? Here is every gate of every day, Company A and Company B side by
# side, row by row:

# %%
GatesTable({"A": run_a, "B": run_b})

# %% [markdown]
# Read it from the bottom up:
#
# - **Company B's long-term memory accumulates.** Each day the forget gate keeps nearly all of
#   it (every value in its row is close to 1) and the input gate adds most of a positive
#   potential long-term memory, so
#   it grows every day instead of passively holding day 1's value.
# - **Company A's does not.** Day 1's 0 leaves a negative short-term memory, which makes the
#   next days' potential long-term memories negative too; the long-term memory stays below 0
#   until day 4 brings it back to about 0.
# - **Days 2 to 4 are the same for both, and yet every gate differs.** The gates read the
#   short-term memory as well as the input, so day 1's difference reaches every later gate
#   through the short-term memory, and every later day adds to the long-term memory in the
#   direction day 1 set.
#
# ## 6. The memory at work
#
# Which day does the prediction depend on most? Start from Company A's four days, change one
# day at a time from 0 to 1, keep the others as they are, and watch the prediction:

# %%
plot_day_sensitivity()

# %% [markdown]
# **Your turn (q4).** Which day's value moves the prediction the most? Read it off the plot,
# or test it with the sliders above.

# %%
answer = ____
ex.q4.check(answer)

# %% [markdown]
# You might have expected the most recent day to matter most; here it matters least. Day 4
# has one step to act on the prediction. A change on day 1 acts on day 1's memories and then,
# through the gates of section 5, on what every later day adds: its effect builds up. The gap
# between Company B's and Company A's long-term memories, day by day:

# %%
gap = run_b.long_memories - run_a.long_memories
print("long-term memory, B minus A:", "  ".join(f"day {d}: {g:.2f}" for d, g in enumerate(gap, start=1)))

# %% [markdown]
# This unit was also trained on nothing but these two companies, where day 1 is the only
# difference, so leaning on day 1 is exactly what training rewarded. Its outputs on the
# earlier days are not predictions of anything; only the last one is.
#
# ## Key points
#
# - Unrolling runs the same unit, with the same weights, once per day, handing both memories on.
# - Both memories start at 0; the final short-term memory is the prediction.
# - Company A and Company B differ only on day 1, so predicting day 5 needs a memory of day 1.
#   The forget gate stays high while the input gate keeps adding in the direction day 1 set, so
#   B's long-term memory accumulates and A's stays low; changing day 1 moves the prediction
#   more than changing any later day.
# - The source rounds the memories to one decimal; to two, Company B's prediction is just
#   under 1.
#
# **Next:** where do the 12 numbers come from? [05 · Training the 12 numbers](05_training.ipynb) ([in Colab](https://colab.research.google.com/github/OWNER/REPO/blob/main/notebooks/05_training.ipynb))
