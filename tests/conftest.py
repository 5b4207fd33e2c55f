import sys
import warnings
from pathlib import Path

import pytest

# tools/ (the notebook builder) is importable by the tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_collection_modifyitems(items):
    """Colab-like and browser tests last: they are the slowest, and by then everything else has passed."""
    items.sort(key=lambda item: (item.get_closest_marker("colab") is not None,
                                 item.get_closest_marker("browser") is not None))


@pytest.fixture
def warnings_are_errors():
    """Any warning fails the test: a widget or plot must not warn at any slider extreme or odd input.
    Modules opt in with `pytestmark = pytest.mark.usefixtures("warnings_are_errors")`."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield
