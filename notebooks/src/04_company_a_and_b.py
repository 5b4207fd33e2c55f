# %% [markdown]
# # 04 · Company A and Company B: the unit unrolled
#
# One LSTM unit is not much use on its own. Unrolled over a sequence, with the same weights
# on every day, it can remember something from the start of the sequence until the end. Here
# it reads four days of two companies' stock values and predicts the fifth.
#
# **Learning objectives.** By the end of this notebook you can:
# - unroll one LSTM unit over days 1 to 4, passing both memories from day to day;
# - say why predicting day 5 for these two companies needs a memory of day 1;
# - read a day-by-day table of the memories and find the prediction in it;
# - test which day's value the prediction depends on most.
#
# **Time:** about 30 minutes (15 reading and exploring, 15 exercises).

# %% [markdown]
# ## Setup

# %%
import numpy as np

import lstm_helpers as lh
from lstm_helpers import ____
from lstm_helpers.diagrams import DaysTable, draw_unrolled
from lstm_helpers.plots import plot_companies, plot_day_sensitivity
from lstm_helpers.widgets import UnrolledExplorer

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
# ## 3. The same unit over Company B

# %%
run_b = lh.unroll(lh.COMPANY_B[:4])
draw_unrolled(run_b, target=lh.COMPANY_B[4])

# %%
DaysTable(run_b, "Company B")

# %% [markdown]
# Same weights, same days 2 to 4, and yet a prediction close to 1, Company B's value on day 5.
# The only thing that could carry the difference from day 1 to day 5 is the memories.
#
# **About rounding.** The source chapter draws the memories rounded to one decimal, so it shows
# Company A ending at 0.0 and Company B at 1.0. To two decimals they are:

# %%
both = lh.unroll(np.array([lh.COMPANY_A[:4], lh.COMPANY_B[:4]]).T)  # two companies as a batch
for name, prediction in zip(("Company A", "Company B"), both.prediction):
    print(f"{name}: {prediction:.2f} to two decimals, {prediction:.1f} to one")

# %% [markdown]
# **Your turn (q3).** The source says the unit predicts 1.0 for Company B. What is the
# prediction to two decimals? (Use `lh.unroll`, not the printout above.)

# %%
answer = ____
ex.q3.check(answer)

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
# **Your turn (q1).** A new company's first four days are 0.5, 0.25, 0.25 and 1. What does the
# unit predict for its day 5?

# %%
answer = ____
ex.q1.check(answer)

# %% [markdown]
# ## 5. The memory at work
#
# If the unit really remembers day 1, then changing day 1 alone should move the prediction
# a lot, and changing a later day should matter less. Start from Company A's four days, change
# one day at a time from 0 to 1, and watch the prediction:

# %%
plot_day_sensitivity()

# %% [markdown]
# **Your turn (q2).** Which day's value moves the prediction the most? Read it off the plot,
# or test it with the sliders above.

# %%
answer = ____
ex.q2.check(answer)

# %% [markdown]
# This unit was trained only to predict day 5 from days 1 to 4, so its outputs on the
# earlier days are not predictions of anything; only the last one is.
#
# ## Key points
#
# - Unrolling runs the same unit, with the same weights, once per day, handing both memories on.
# - Both memories start at 0; the final short-term memory is the prediction.
# - Company A and Company B differ only on day 1, so predicting day 5 needs a memory of day 1,
#   and changing day 1 moves the prediction more than changing any later day.
# - The source rounds the memories to one decimal; to two, Company B's prediction is just
#   under 1.
#
# **Next:** where do the 12 numbers come from? [05 · Training the 12 numbers](05_training.ipynb)
