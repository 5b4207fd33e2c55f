"""The source's two companies: five days of stock values each.

They differ only on day 1, so predicting day 5 needs a memory of day 1.
"""

COMPANY_A = (0.0, 0.5, 0.25, 1.0, 0.0)
COMPANY_B = (1.0, 0.5, 0.25, 1.0, 1.0)
