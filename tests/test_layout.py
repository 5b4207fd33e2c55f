"""The package's layout keeps each idea in one place (issue 18): small modules, short functions,
shared helpers under public names, and the math free of drawing and widget libraries."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lstm_helpers"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _name(path):
    return str(path.relative_to(PACKAGE.parent))


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_is_over_400_lines(path):
    lines = len(path.read_text().splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines; split it by idea (limit {MAX_MODULE_LINES})"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_function_is_over_60_lines(path):
    tree = ast.parse(path.read_text())
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines, line {node.lineno})"
            for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{_name(path)}: functions over {MAX_FUNCTION_LINES} lines: {', '.join(long)}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_imports_another_modules_private_names(path):
    tree = ast.parse(path.read_text())
    private = [f"{alias.name} from {'.' * node.level}{node.module or ''}"
               for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level > 0
               for alias in node.names if alias.name.startswith("_") and alias.name != "____"]
    assert not private, f"{_name(path)} imports private names: {', '.join(private)}; give them public names"


def test_one_sigmoid_and_one_exp():
    """sigmoid, tanh and exp are defined once, in the modules that own them."""
    defined = {}
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name.lstrip("_") in ("sigmoid", "tanh"):
                defined.setdefault(node.name.lstrip("_"), []).append(_name(path))
    assert defined.get("sigmoid") == ["lstm_helpers/activations.py"], defined
    assert defined.get("tanh") == ["lstm_helpers/activations.py"], defined


def test_importing_the_package_loads_no_drawing_or_widget_library():
    code = ("import sys, lstm_helpers; lh = lstm_helpers; lh.exercises_for('03'); "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert out.stdout.strip() == "[]"
