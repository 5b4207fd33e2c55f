"""JupyterLab on 127.0.0.1 and Debian's Chromium, driven by Playwright.

The notebooks are copied to a temporary folder first, so running them in the
browser (and JupyterLab's autosave) never touches the committed files.
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.servers import free_port, stop, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
JUPYTER_CONFIG = ROOT / "jupyter_config"  # what `make lab` adds to Jupyter's config path
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
INSTALL_HINT = "install it with `sudo apt-get install chromium` (make test does this when run as root)"
AXE_HINT = "install it with `tools/ensure_axe.sh` (npm; make test does this)"


def find_chromium():
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _missing(reason, hint=INSTALL_HINT, what="browser tests"):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} and REQUIRE_BROWSER=1: {hint}", pytrace=False)
    pytest.skip(f"{reason}: {what} skipped; {hint}")


def _write_settings(folder, plugin, values):
    path = folder / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values))


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A JupyterLab server on a free port with a random token; yields its base URL, its token and
    the folder of notebooks it serves (a copy made now: read a notebook's cells from there, since
    the repository's copy may be rebuilt while the session runs)."""
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", home / "notebooks")
    settings = home / "settings"
    _write_settings(settings, "notebook-extension/tracker", {"windowingMode": "none"})  # every cell in the page
    port, token = free_port(), secrets.token_hex(16)
    # A fresh user (empty ~/.jupyter) with the course's jupyter_config/ on the config path,
    # exactly as `make lab` serves it: no news, no update check, read-only extension manager.
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(home / "config"), JUPYTER_CONFIG_PATH=str(JUPYTER_CONFIG),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"), JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"))
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={home}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/api/status?token={token}", server, "JupyterLab", (home / "lab.log").read_text)
        yield {"base": base, "token": token, "notebooks": home / "notebooks"}
    finally:
        stop(server)
        log.close()


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        _missing("Chromium not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe():
    """axe.min.js (tools/ensure_axe.sh installs it), or None: the run then measures no accessibility."""
    from .accessibility import find_axe

    return find_axe()


@pytest.fixture
def required_axe(axe):
    """axe.min.js, for the accessibility test: without it that test skips (fails when REQUIRE_BROWSER=1)."""
    if axe is None:
        _missing("axe-core not found", AXE_HINT, "the accessibility test")
    return axe


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter):
    from .accessibility import summary_lines
    from .test_notebooks_in_browser import pytest_terminal_summary_lines

    lines = summary_lines()
    if lines:
        terminalreporter.section("accessibility of the course's content (WCAG 2.1 AA, issue 22)")
        for line in lines:
            terminalreporter.write_line(line)

    lines = pytest_terminal_summary_lines()
    if lines:
        terminalreporter.section("slider timings and explorer layout in the browser")
        for line in lines:
            terminalreporter.write_line(line)
