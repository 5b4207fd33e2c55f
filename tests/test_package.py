import subprocess
import sys

import lstm_helpers as lh


def test_import_loads_no_plotting_or_widgets():
    code = "import sys, lstm_helpers; print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_init_exports_exactly_its_public_names():
    assert sorted(lh.__all__) == sorted(set(lh.__all__))
    for name in lh.__all__:
        assert hasattr(lh, name), name
    public = {n for n in vars(lh) if not n.startswith("_") or n == "____"}
    modules = {n for n in public if type(getattr(lh, n)).__name__ == "module"}
    assert public - modules == set(lh.__all__)


def test_company_data():
    assert lh.COMPANY_A == (0.0, 0.5, 0.25, 1.0, 0.0)
    assert lh.COMPANY_B == (1.0, 0.5, 0.25, 1.0, 1.0)
    assert [a == b for a, b in zip(lh.COMPANY_A, lh.COMPANY_B)] == [False, True, True, True, False]
