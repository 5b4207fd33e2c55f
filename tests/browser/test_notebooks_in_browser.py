"""Each notebook opened, run and played with in JupyterLab, as a learner would.

For every notebook: clear the stored outputs, run all cells, and check that
every cell ran, no cell shows an error, every widget cell shows a widget and
the browser console logged no error. Then move every slider with the keyboard
and by dragging to both ends, checking each time that what it drives changed.
Slider timings (key press until the output changed) are printed at the end of
the run; they are figures to read, not assertions.

The window is 1280x720, the projector size INSTRUCTORS.md recommends, with JupyterLab's
file browser open: every explorer must show its sliders and what they change on one
screen (the layout check), and a screenshot of each explorer is saved to look at.

The same run is measured for accessibility (tests/browser/accessibility.py) once every
panel is unfolded, before any slider moves, and each slider's spoken value after each key
move; test_notebooks_in_browser_a11y.py asserts on what was measured.
"""

import json
import re
import statistics
import time
from pathlib import Path

import pytest

from . import accessibility

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
TIMINGS = {}
LAYOUTS = {}
HELD = {}
RUN_TIMEOUT_MS = 300_000
UPDATE_TIMEOUT_MS = 20_000

pytestmark = pytest.mark.browser

# What the output next to a slider shows, minus the sliders themselves: its text and
# the address of every image (an updated image gets a new blob: address).
SNAPSHOT_JS = """(handle) => {
  const area = handle.closest('.jp-OutputArea-output') || handle.closest('.jp-Cell');
  const copy = area.cloneNode(true);
  copy.querySelectorAll('.widget-slider, .widget-hslider, .widget-readout').forEach(e => e.remove());
  const images = [...area.querySelectorAll('img')].map(i => i.src).join(' ');
  return copy.textContent + '|' + images;
}"""

DONE_JS = """() => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputArea-prompt')]
    .map(p => p.textContent.trim());
  const failed = document.querySelector('.jp-Notebook [data-mime-type="application/vnd.jupyter.stderr"]');
  return !!failed || (prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p)));
}"""


def expected_widgets(name, folder):
    """What notebook `name` in `folder` shows once run: its number of code cells, the indices of those
    that must show a widget (they carry NBVAL_IGNORE_OUTPUT), and whether it has a slider (its stored
    widget state holds one; 07's widgets are progress bars alone). Read from the copy the browser
    opens (the lab fixture's folder), before it opens it: the repository's copy may be rebuilt while
    the session runs, and its cells then fall elsewhere (07 split its progress-bar cells during a
    run, and code cell 31 was looked up in the old copy, where it is a picture)."""
    nb = json.loads((folder / name).read_text())
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    state = nb["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    sliders = any(model.get("model_name", "").endswith("SliderModel") for model in state.values())
    return len(code), [i for i, source in enumerate(code) if "NBVAL_IGNORE_OUTPUT" in source], sliders


def menu(page, top, item):
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def open_and_run(page, lab, name):
    page.goto(f"{lab['base']}/lab/tree/notebooks/{name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=120_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    page.locator(".jp-Notebook").first.click()
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function("() => !document.querySelector('.jp-Notebook .jp-OutputArea-output')")
    menu(page, "Run", "Run All Cells")
    page.wait_for_function(DONE_JS, timeout=RUN_TIMEOUT_MS)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=RUN_TIMEOUT_MS)


def assert_no_cell_error(page, name):
    errors = page.locator(".jp-Notebook [data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, f"{name}: a cell shows an error:\n{errors.first.inner_text()[:2000]}"
    text = page.locator(".jp-Notebook").inner_text()
    assert "Error displaying widget" not in text and "Traceback" not in text


def prompts(page):
    return [p.strip() for p in page.locator(".jp-Notebook .jp-CodeCell .jp-InputArea-prompt").all_inner_texts()]


# Resolves once the output has changed and then stayed the same for `quiet` ms (a readout
# and a picture arrive as separate messages), with the epoch time of the last change.
SETTLE_JS = """(handle, [before, quiet, limit]) => new Promise((resolve, reject) => {
  const snap = SNAPSHOT;
  let last = snap(handle), changedAt = last !== before ? Date.now() : null;
  const started = Date.now();
  const poll = () => {
    const now = snap(handle);
    if (now !== last) { last = now; changedAt = Date.now(); }
    if (changedAt !== null && Date.now() - changedAt >= quiet) return resolve(changedAt);
    if (Date.now() - started > limit) return reject(new Error('the output did not change'));
    requestAnimationFrame(poll);
  };
  poll();
})""".replace("SNAPSHOT", SNAPSHOT_JS)


def wait_for_change(page, handle, before, quiet_ms=400):
    """Wait until what the slider drives has changed and settled; the epoch time of its last change."""
    try:
        return handle.evaluate(SETTLE_JS, [before, quiet_ms, UPDATE_TIMEOUT_MS]) / 1000
    except Exception as error:
        label = handle.evaluate("h => h.closest('.widget-slider, .widget-hslider').textContent.trim()")
        pytest.fail(f"moving the slider '{label}' changed nothing in its output within "
                    f"{UPDATE_TIMEOUT_MS / 1000:.0f} s ({error.__class__.__name__})", pytrace=False)


def snapshot(handle):
    return handle.evaluate(SNAPSHOT_JS)


def move_by_key(page, handle, key):
    before = snapshot(handle)
    handle.focus()
    start = time.time()
    page.keyboard.press(key)
    return wait_for_change(page, handle, before) - start


def hold_key(page, handle, presses=30, every_ms=33):
    """A held arrow key (about 30 repeats a second, as a keyboard sends them), towards the far end.
    Returns the seconds from the last press until the output settled, and the output's text."""
    before = snapshot(handle)
    low, high, now = (float(handle.get_attribute(f"aria-value{a}")) for a in ("min", "max", "now"))
    key = "ArrowLeft" if now - low > high - now else "ArrowRight"
    handle.focus()
    for _ in range(presses):
        page.keyboard.press(key)
        page.wait_for_timeout(every_ms)
    released = time.time()
    return wait_for_change(page, handle, before) - released, snapshot(handle)


def assert_output_agrees_with_slider(name, handle, text):
    """Once settled, what the slider drives shows the slider's own value (and, for a readout that
    names w, every w on screen is that value): no screen whose parts disagree."""
    readout = handle.evaluate("h => h.closest('.widget-slider, .widget-hslider').querySelector('.widget-readout')"
                              ".textContent")
    value = float(readout.strip().replace("\u2212", "-"))  # what the slider shows, not its index
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text.replace("\u2212", "-"))]
    assert any(abs(n - value) < 1e-9 for n in numbers), f"{name}: the slider shows {value}, its output never does"
    shown_w = {float(w) for w in re.findall(r"w = (-?\d+\.\d+)", text)}
    assert shown_w <= {value}, f"{name}: the slider shows w = {value}, the output shows w = {sorted(shown_w)}"


def drag_to(page, handle, end):
    track = handle.locator("xpath=ancestor::div[contains(@class, 'noUi-target')]").bounding_box()
    box = handle.bounding_box()
    before = snapshot(handle)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    target_x = track["x"] + track["width"] + 40 if end == "max" else track["x"] - 40
    page.mouse.move(target_x, box["y"] + box["height"] / 2, steps=8)
    page.mouse.up()
    wait_for_change(page, handle, before)
    expected = handle.get_attribute(f"aria-value{end}")
    assert float(handle.get_attribute("aria-valuenow")) == pytest.approx(float(expected))


# The boxes of an explorer's parts: its sliders, and what they change (the package's explorers
# mark those with the class lstm-view; a plain interact shows them in an output widget).
BOXES_JS = """(area) => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const all = selector => [...area.querySelectorAll(selector)].filter(shown).map(box);
  const scroller = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
  return {sliders: all('.widget-slider, .widget-hslider'), views: all('.lstm-view, .widget-output, img'),
          pictures: all('.lstm-view > * > svg, .lstm-view svg[role=img], img'),
          area: box(area), overflow: area.scrollWidth - area.clientWidth, screen: box(scroller)};
}"""


def union_height(boxes):
    return max(b[3] for b in boxes) - min(b[1] for b in boxes)


def scroll_to(page, area):
    """Scroll the notebook so that `area` starts at the top of the screen."""
    area.evaluate("a => { const s = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');"
                  " s.scrollTop += a.getBoundingClientRect().top - s.getBoundingClientRect().top - 8; }")
    page.wait_for_timeout(150)


def check_explorers_fit(page, name, screenshots, unfolded=False):
    """At 1280x720, each explorer's sliders and what they change fit on one screen, none cut off
    at the side. Folded (as it opens): all sliders and views at once. Unfolded: each slider with
    the explorer's largest picture (or view, if it has no picture). Returns the tallest height."""
    areas = page.locator(".jp-Notebook .jp-OutputArea-output:has(.noUi-handle)")
    tallest, visible = 0, None
    for k in range(areas.count()):
        area = areas.nth(k)
        scroll_to(page, area)
        boxes = area.evaluate(BOXES_JS)
        screen = boxes["screen"]
        height, visible = union_height(boxes["sliders"] + boxes["views"]), screen[3] - screen[1]
        assert boxes["overflow"] <= 1, f"{name}: explorer {k + 1} is wider than the notebook ({boxes['overflow']} px cut off)"
        for part in boxes["sliders"] + boxes["views"]:
            assert part[0] >= screen[0] - 1 and part[2] <= screen[2] + 1, f"{name}: explorer {k + 1} runs off the side"
        if not unfolded:
            tallest = max(tallest, height)
            page.screenshot(path=str(screenshots / f"{Path(name).stem}-explorer-{k + 1}-1280x720.png"))
            assert height <= visible, (f"{name}: explorer {k + 1}'s sliders and what they change are {height:.0f} px "
                                       f"tall, more than the {visible:.0f} px a 1280x720 screen shows")
        else:
            picture = max(boxes["pictures"] or boxes["views"], key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
            lowest = max(boxes["sliders"], key=lambda b: b[3])
            if lowest[1] > picture[3]:  # sliders under the picture: show the picture and the lowest slider
                area.evaluate(f"a => document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')"
                              f".scrollTop += {picture[1] - screen[1] - 4}")
                page.wait_for_timeout(150)
                page.screenshot(path=str(screenshots / f"{Path(name).stem}-explorer-{k + 1}-unfolded-1280x720.png"))
            for slider in boxes["sliders"]:
                together = union_height([slider, picture])
                tallest = max(tallest, together)
                assert together <= visible, (f"{name}: explorer {k + 1}: a slider and the picture it moves are "
                                             f"{together:.0f} px apart, more than {visible:.0f} px on screen")
    return tallest, visible


def unfold_all(page):
    """Unfold every folded panel and show every hidden one, so its sliders can be moved too."""
    for header in page.locator(".jp-Notebook .jupyter-widget-Collapse-header, .jp-Notebook .lstm-unfold").all():
        header.click()


def save_pages(page, stem):
    """A 1280x720 screenshot of each screenful of the notebook, top to bottom, for a person to read."""
    scroller = page.locator(".jp-NotebookPanel .jp-WindowedPanel-outer").first
    height = scroller.evaluate("e => e.scrollHeight")
    view = scroller.evaluate("e => e.clientHeight")
    last = max(height - view, 0)
    tops = sorted(set(range(0, last, max(view - 60, 1))) | {last})  # the last screenful ends at the bottom
    for k, top in enumerate(tops):
        scroller.evaluate(f"e => e.scrollTop = {top}")
        page.wait_for_timeout(150)
        page.screenshot(path=f"{stem}-page-{k + 1:02d}.png")
    scroller.evaluate("e => e.scrollTop = 0")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_every_slider_drives_its_output(name, lab, browser, screenshots, axe):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    n_code, with_widget, with_slider = expected_widgets(name, lab["notebooks"])
    try:
        open_and_run(page, lab, name)
        assert_no_cell_error(page, name)
        numbers = prompts(page)
        assert numbers == [f"[{i}]:" for i in range(1, len(numbers) + 1)], f"{name}: cells ran out of order {numbers}"
        save_pages(page, screenshots / Path(name).stem)

        cells = page.locator(".jp-Notebook .jp-CodeCell")
        assert cells.count() == n_code, f"{name}: the page shows {cells.count()} code cells, its file holds {n_code}"
        for index in with_widget:
            views = cells.nth(index).locator(".jp-OutputArea-output .jupyter-widgets")
            assert views.count() > 0, f"{name}: code cell {index + 1} should show a widget and shows none"

        folded = check_explorers_fit(page, name, screenshots)
        unfold_all(page)
        unfolded = check_explorers_fit(page, name, screenshots, unfolded=True)
        if folded[1]:
            LAYOUTS[name] = (folded[0], unfolded[0], folded[1])
        if axe:
            narrow = screenshots / f"{Path(name).stem}-explorer-640x360.png"
            accessibility.measure_all(page, name, axe, narrow)
        handles = page.locator(".jp-Notebook .noUi-handle[role='slider']")
        if with_slider:
            assert handles.count() > 0, f"{name}: no slider rendered"
        times = []
        for k in range(handles.count()):
            handle = handles.nth(k)
            handle.scroll_into_view_if_needed()
            at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            ends = ("min", "max") if at_max else ("max", "min")  # a slider may start at one end
            for end in ends:
                move_by_key(page, handle, "End" if end == "max" else "Home")
                assert handle.get_attribute("aria-valuenow") == handle.get_attribute(f"aria-value{end}")
                if name in accessibility.RESULTS:
                    accessibility.record_values(page, accessibility.RESULTS[name]["values"])
            for end in ends:
                drag_to(page, handle, end)
            if k == 0:  # timings over 20 key presses of each notebook's first slider, turning at either end
                key = "ArrowRight"
                for _ in range(20):
                    now = handle.get_attribute("aria-valuenow")
                    if now == handle.get_attribute("aria-valuemax"):
                        key = "ArrowLeft"
                    elif now == handle.get_attribute("aria-valuemin"):
                        key = "ArrowRight"
                    times.append(move_by_key(page, handle, key))
                    if name in accessibility.RESULTS:
                        accessibility.record_values(page, accessibility.RESULTS[name]["values"])
                caught_up, text = hold_key(page, handle)
                assert_output_agrees_with_slider(name, handle, text)
                HELD[name] = caught_up
            area = handle.locator("xpath=ancestor::div[contains(@class, 'jp-OutputArea-output')]")
            area.screenshot(path=str(screenshots / f"{Path(name).stem}-slider-{k + 1}.png"))
        assert_no_cell_error(page, name)
        if name in accessibility.RESULTS and handles.count():
            accessibility.recheck_figures(page, accessibility.RESULTS[name])
        if times:
            TIMINGS[name] = times
        assert not console_errors, f"{name}: browser console errors: {console_errors[:5]}"
    finally:
        context.close()


def pytest_terminal_summary_lines():
    lines = [f"{name}: at 1280x720 the tallest explorer's sliders and views span {folded:.0f} px "
             f"(a slider and its picture, panels unfolded: {unfolded:.0f} px) of {visible:.0f} px on screen"
             for name, (folded, unfolded, visible) in LAYOUTS.items()]
    for name, times in TIMINGS.items():
        ms = sorted(1000 * t for t in times)
        p90 = ms[max(0, int(round(0.9 * len(ms))) - 1)]
        lines.append(f"{name}: slider key press to updated output, {len(ms)} moves: "
                     f"median {statistics.median(ms):.0f} ms, 90th percentile {p90:.0f} ms; "
                     f"a held key (30 presses, 33 ms apart): settled {1000 * HELD.get(name, float('nan')):.0f} ms "
                     "after the last, slider and output agreeing")
    return lines

