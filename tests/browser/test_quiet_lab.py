"""JupyterLab served with the course's jupyter_config/ (as `make lab` does): a learner's
first screen has no news pop-up, the page fetches nothing from outside this machine, the
extension manager is hidden (and read-only behind it) and the update check is off."""

import json
import urllib.request
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

NEWS_QUESTION = "Would you like to get notified about official Jupyter news?"


def api(lab, path):
    with urllib.request.urlopen(f"{lab['base']}{path}{'&' if '?' in path else '?'}token={lab['token']}",
                                timeout=30) as response:
        return response.status, json.load(response)


def test_first_screen_has_no_news_pop_up_and_fetches_nothing_from_outside(lab, browser, screenshots):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    try:
        page.goto(f"{lab['base']}/lab/tree/notebooks/00_start_here.ipynb?reset&token={lab['token']}")
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=120_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        page.wait_for_timeout(3000)  # JupyterLab asks about news a moment after the page is ready
        page.screenshot(path=str(screenshots / "00-first-screen.png"))
        assert NEWS_QUESTION not in page.locator("body").inner_text()
        assert hosts - {None, "127.0.0.1"} == set(), f"the page made requests outside this machine: {hosts}"

        config = json.loads(page.locator("#jupyter-config-data").text_content())
        assert {"@jupyterlab/apputils-extension:announcements",
                "@jupyterlab/extensionmanager-extension:plugin"} <= set(config["disabledExtensions"])
        assert page.locator(".jp-SideBar [data-id='extensionmanager.main-view']").count() == 0
        assert config["extensionManager"]["name"] == "read-only"
    finally:
        context.close()

    status, found = api(lab, "/lab/api/extensions?query=widgets&page=1&per_page=30")  # answered 500 offline
    assert status == 200 and isinstance(found, list)
    assert api(lab, "/lab/api/update") == (200, {"notification": None})
