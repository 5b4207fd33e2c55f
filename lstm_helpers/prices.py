"""Real daily stock prices, shipped inside the package so nothing needs the network.

    dates, prices = lh.load_prices("AAPL")

The file lstm_helpers/datasets/prices.csv was extracted once by tools/extract_prices.py from
the PyPI package bokeh_sampledata (Quandl WIKI prices, public domain); its header says so.
"""

import csv
import functools
import textwrap
from importlib.resources import files

import numpy as np

from ._checks import describe


@functools.cache
def _table():
    """(header comment lines, {ticker: (dates, adjusted closes)}), read once."""
    text = files(__package__).joinpath("datasets", "prices.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = [line[2:] for line in lines if line.startswith("# ")]
    rows = list(csv.reader(line for line in lines if not line.startswith("#")))
    columns, rows = rows[0], rows[1:]
    series = {}
    for i, ticker in enumerate(columns[1:], start=1):
        listed = [(row[0], float(row[i])) for row in rows if row[i]]
        dates = np.array([date for date, _ in listed], dtype="datetime64[D]")
        closes = np.array([close for _, close in listed])
        dates.flags.writeable = closes.flags.writeable = False
        series[ticker] = (dates, closes)
    return comments, series


def price_tickers():
    """The tickers load_prices knows, alphabetically."""
    return tuple(_table()[1])


def price_source(width=88):
    """Where the prices come from: the header of the shipped file (package, version, licence),
    wrapped to `width` characters."""
    return "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
                     for line in _table()[0])


def load_prices(ticker):
    """(dates, adjusted closes) of one stock, oldest first: datetime64[D] and float arrays.

    Adjusted closes take out the jumps of stock splits and dividends, so the change from one
    day to the next is what an owner really gained or lost. Upper or lower case both work.
    """
    known = ", ".join(price_tickers())
    if not isinstance(ticker, str):
        raise TypeError(f"ticker must be a string, one of {known}; got {describe(ticker)}")
    series = _table()[1]
    key = ticker.strip().upper()
    if key not in series:
        raise ValueError(f"ticker must be one of {known}; got {ticker!r}")
    dates, closes = series[key]
    return dates.copy(), closes.copy()
