"""The shipped real prices: exactly the extracted file, with its provenance, split jumps absent."""

import csv
import tomllib
from pathlib import Path

import numpy as np
import pytest

import lstm_helpers as lh

ROOT = Path(__file__).resolve().parents[1]
PRICES_CSV = ROOT / "lstm_helpers" / "datasets" / "prices.csv"
# Days a stock split 2-for-1: the raw close halves, the adjusted close does not.
SPLIT_DAYS = [("AAPL", "2000-06-21"), ("AAPL", "2005-02-28"), ("MSFT", "2003-02-18")]


def read_file_independently():
    """{ticker: (date strings, float values)} straight from the CSV, without lstm_helpers."""
    with PRICES_CSV.open(encoding="utf-8") as f:
        rows = list(csv.reader(line for line in f if not line.startswith("#")))
    header, rows = rows[0], rows[1:]
    return {ticker: ([r[0] for r in rows if r[i]], [float(r[i]) for r in rows if r[i]])
            for i, ticker in enumerate(header[1:], start=1)}


def test_tickers_are_the_files_columns():
    assert lh.price_tickers() == ("AAPL", "GOOG", "IBM", "MSFT")
    assert tuple(read_file_independently()) == lh.price_tickers()


@pytest.mark.parametrize("ticker", ["AAPL", "GOOG", "IBM", "MSFT"])
def test_load_prices_returns_the_extracted_series_exactly(ticker):
    dates, closes = lh.load_prices(ticker)
    want_dates, want_closes = read_file_independently()[ticker]
    assert dates.dtype == np.dtype("datetime64[D]") and closes.dtype == np.float64
    assert [str(d) for d in dates] == want_dates
    assert closes.tolist() == want_closes  # exact, not approximately
    assert np.all(np.diff(dates) > np.timedelta64(0, "D")), "oldest first, no repeats"
    assert np.all(closes > 0)


def test_spans_and_lengths():
    spans = {t: (str(lh.load_prices(t)[0][0]), str(lh.load_prices(t)[0][-1]), len(lh.load_prices(t)[1]))
             for t in lh.price_tickers()}
    assert spans == {"AAPL": ("2000-03-01", "2013-03-01", 3270), "GOOG": ("2004-08-19", "2013-03-01", 2148),
                     "IBM": ("2000-03-01", "2013-03-01", 3270), "MSFT": ("2000-03-01", "2013-03-01", 3270)}


def test_header_records_package_version_file_and_licence():
    source = " ".join(lh.price_source().split())  # as one line
    assert "bokeh_sampledata 2026.1" in source
    assert "bokeh_sampledata/_data/stocks.csv.gz" in source and "SHA-256 5abadf99" in source
    assert "Licence: Public domain" in source and "Quandl WIKI" in source
    header = [line[2:] for line in PRICES_CSV.read_text().splitlines() if line.startswith("# ")]
    assert source == " ".join(" ".join(header).split())  # the whole header, rewrapped
    assert all(len(line) <= 88 or " " not in line for line in lh.price_source().splitlines())


@pytest.mark.parametrize("ticker, day", SPLIT_DAYS)
def test_adjusted_closes_have_no_split_jump(ticker, day):
    dates, closes = lh.load_prices(ticker)
    i = int(np.flatnonzero(dates == np.datetime64(day))[0])
    assert abs(np.log(closes[i] / closes[i - 1])) < 0.1  # a split would show as log(1/2) = -0.69


def test_case_and_spaces_are_forgiven_and_results_are_copies():
    dates, closes = lh.load_prices(" aapl ")
    closes[:] = 0
    dates[:] = np.datetime64("1999-01-01")
    again_dates, again = lh.load_prices("AAPL")
    assert again[0] > 0 and str(again_dates[0]) == "2000-03-01"


@pytest.mark.parametrize("bad", [None, 123, ["AAPL"], b"AAPL", True])
def test_a_non_string_ticker_gets_a_type_error_naming_the_tickers(bad):
    with pytest.raises(TypeError, match=r"ticker must be a string, one of AAPL, GOOG, IBM, MSFT"):
        lh.load_prices(bad)


@pytest.mark.parametrize("bad", ["TSLA", "", "FB", "AAPL.csv"])
def test_an_unknown_ticker_gets_a_value_error_naming_the_tickers(bad):
    with pytest.raises(ValueError, match=r"ticker must be one of AAPL, GOOG, IBM, MSFT; got"):
        lh.load_prices(bad)


def test_the_file_is_package_data_so_pip_install_carries_it():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["lstm_helpers.datasets"]
    assert any(PRICES_CSV.match(f"lstm_helpers/datasets/{p}") for p in patterns)


def test_same_values_as_the_source_package_when_it_is_installed():
    """Spot-check against bokeh_sampledata itself (skipped without it; see tools/extract_prices.py)."""
    stocks = pytest.importorskip("bokeh_sampledata.stocks")
    for ticker in lh.price_tickers():
        source = getattr(stocks, ticker)
        dates, closes = lh.load_prices(ticker)
        assert [str(d) for d in dates] == source["date"]
        assert closes.tolist() == source["adj_close"]
    for ticker, day in SPLIT_DAYS:  # and these really are split days: the raw close halves
        source = getattr(stocks, ticker)
        i = source["date"].index(day)
        assert np.log(source["close"][i] / source["close"][i - 1]) < -0.5
