import sys
from pathlib import Path

# tools/ (the notebook builder) is importable by the tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_collection_modifyitems(items):
    """Browser tests last: they are the slowest, and by then everything else has passed."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
