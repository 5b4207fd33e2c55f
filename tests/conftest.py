import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import settings

# Tests check behaviour, never time: a shared or busy machine (a hub, CI) must not fail a
# property test because one example was slow, so hypothesis has no deadline here.
settings.register_profile("course", deadline=None)
settings.load_profile("course")

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
