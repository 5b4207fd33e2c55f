"""Notebooks 01 and 03 in the classic Notebook 6.5 front end with ipywidgets 7.7.1, the versions
Colab ships, from the Colab-like environment (.venv-colab, tests/colab): run every cell, then
move a slider with the keyboard and see what it drives change."""

import os
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.colab.conftest import PYTHON, colab_env, course_checkout, kernel_environment, uninstall_course  # noqa: F401
from tests.servers import free_port, stop, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT_MS = 300_000
UPDATE_TIMEOUT_MS = 60_000  # generous: the kernel shares two cores with the rest of make test

pytestmark = [pytest.mark.browser, pytest.mark.colab]

DONE_JS = """() => {
  if (document.querySelector('#notebook .output_error')) return true;
  const idle = document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
  const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
  return !!idle && code.every(c => Number.isInteger(c.input_prompt_number));
}"""

# What the output around a slider shows, minus the slider itself: text and every image's address.
SNAPSHOT_JS = """(handle) => {
  const area = handle.closest('.output_wrapper');
  const copy = area.cloneNode(true);
  copy.querySelectorAll('.widget-hslider, .widget-readout').forEach(e => e.remove());
  return copy.textContent + '|' + [...area.querySelectorAll('img')].map(i => i.src).join(' ')
    + '|' + [...area.querySelectorAll('svg')].map(s => s.outerHTML).join(' ');
}"""

CHANGED_JS = """(h, [before, limit]) => new Promise((resolve, reject) => {
  const snap = SNAPSHOT; const started = Date.now();
  const poll = () => snap(h) !== before ? resolve()
    : Date.now() - started > limit ? reject(new Error('the output did not change')) : requestAnimationFrame(poll);
  poll();
})""".replace("SNAPSHOT", SNAPSHOT_JS)


@pytest.fixture(scope="module")
def classic_notebook(colab_env, course_checkout, tmp_path_factory):
    """The classic Notebook server of the Colab-like environment, with the course installed there."""
    uninstall_course()
    env = kernel_environment()
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                    str(course_checkout)], check=True, env=env, capture_output=True)
    home = tmp_path_factory.mktemp("classic")
    for name in ("01_activation_functions.ipynb", "03_one_lstm_unit.ipynb"):
        shutil.copy(ROOT / "notebooks" / name, home / name)
    port, token = free_port(), secrets.token_hex(16)
    env.update(JUPYTER_CONFIG_DIR=str(home / ".config"), JUPYTER_RUNTIME_DIR=str(home / ".runtime"))
    env.pop("JUPYTER_PATH", None)
    command = [str(PYTHON), "-m", "notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}", "--port-retries=0",
               f"--NotebookApp.token={token}", f"--notebook-dir={home}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = home / "notebook.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{base}/api/status?token={token}", server, "The classic Notebook", log_path.read_text)
            yield {"base": base, "token": token, "log": log_path}
        finally:
            stop(server)


def run_all(page, classic_notebook, name):
    page.goto(f"{classic_notebook['base']}/notebooks/{name}?token={classic_notebook['token']}")
    page.wait_for_function("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                           " && Jupyter.notebook.kernel.is_connected()", timeout=120_000)
    page.evaluate("() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); }")
    page.wait_for_timeout(1000)
    page.wait_for_function(DONE_JS, timeout=RUN_TIMEOUT_MS)


@pytest.mark.parametrize("name", ["01_activation_functions.ipynb", "03_one_lstm_unit.ipynb"])
def test_a_slider_changes_its_output_in_the_classic_notebook(browser, classic_notebook, screenshots, name):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    try:
        run_all(page, classic_notebook, name)
        errors = page.locator("#notebook .output_error, #notebook .output_stderr")
        assert errors.count() == 0, f"{name}: a cell shows an error:\n{errors.first.inner_text()[:2000]}"
        text = page.locator("#notebook").inner_text()
        assert "Error displaying widget" not in text and "Traceback" not in text
        handles = page.locator("#notebook .widget-hslider .ui-slider-handle")
        assert handles.count() > 0, f"{name}: no slider is shown in the classic Notebook"
        handle = handles.first
        handle.scroll_into_view_if_needed()
        before = handle.evaluate(SNAPSHOT_JS)
        readout = handle.locator("xpath=ancestor::div[contains(@class, 'widget-hslider')]//*[contains(@class, 'widget-readout')]")
        shown = readout.first.inner_text()
        handle.focus()
        page.keyboard.press("ArrowRight")
        try:
            handle.evaluate(CHANGED_JS, [before, UPDATE_TIMEOUT_MS])
        except Exception:
            page.screenshot(path=str(screenshots / f"classic-{name}.png"))
            pytest.fail(f"{name}: the slider's readout went from {shown} to {readout.first.inner_text()}, "
                        f"and nothing it drives changed within {UPDATE_TIMEOUT_MS / 1000:.0f} s "
                        f"(screenshot in tests/browser/screenshots/)", pytrace=False)
        page.screenshot(path=str(screenshots / f"classic-{name}.png"))
        assert handle.evaluate(SNAPSHOT_JS) != before
        widget_errors = [p for p in problems if "widget" in p.lower()]
        assert not widget_errors, f"{name}: the browser console logged widget errors: {widget_errors}"
    finally:
        page.close()
