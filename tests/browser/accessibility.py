"""WCAG 2.1 AA measurements of what the course itself puts on screen in JupyterLab (issue 22).

Course content is every cell output and every rendered markdown cell; the rest of the page is
JupyterLab's own chrome, outside the course's control, so its violations are listed, not failed.
Measured on a page where Run All has finished (test_notebooks_in_browser reuses its own run):
axe-core's WCAG 2.0/2.1 A and AA rules; each figure's and control's name as Chromium's
accessibility tree computes it (what a screen reader reads); text contrast from computed colours
(the opacity of every ancestor included); the spoken value of each slider; and, at 640x360 (a
1280x720 screen at 200% zoom) with the file browser closed, the width of each slider's track.
axe-core comes from npm (tools/ensure_axe.sh installs it into .venv/axe); it is never downloaded here.
"""

import os
import re
import sys
import time
from pathlib import Path

from .a11y_scripts import CONTRAST_JS, CONTROLS_JS, FIGURES_JS, LIVE_JS, SLIDER_TRACKS_JS, VALUETEXT_JS

ROOT = Path(__file__).resolve().parents[2]
COURSE = ".jp-Notebook .jp-OutputArea-output, .jp-Notebook .jp-MarkdownOutput"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MIN_TRACK_PX = 100
RESULTS = {}  # notebook -> what measure_all found, kept for the accessibility test and the summary
FEEDBACK = {}  # kinds of exercise feedback measured -> those below their contrast ratio
NARROW = {"width": 640, "height": 360}
ICON_GLYPH = re.compile("[\ue000-\uf8ff]")  # an icon font's private-use character, read aloud as nonsense
ROLES_WITHOUT_MEANING = {"", "generic", "none", "presentation", "StaticText", "div", "GenericContainer"}


def find_axe():
    """axe.min.js: $AXE_CORE, else .venv/axe of this checkout, else axe/ in the running venv."""
    candidates = [os.environ.get("AXE_CORE"), ROOT / ".venv/axe/node_modules/axe-core/axe.min.js",
                  Path(sys.prefix) / "axe/node_modules/axe-core/axe.min.js"]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


AXE_RUN_JS = """async ([tags, course]) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const found = [];
  for (const rule of result.violations) for (const node of rule.nodes) {
    const element = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
    found.push({rule: rule.id, impact: node.impact, inCourse: !!(element && element.closest(course)),
                target: node.target.join(' > '), html: node.html.slice(0, 160),
                summary: (node.failureSummary || '').split('\\n').slice(1, 2).join('').trim().slice(0, 160)});
  }
  return {version: axe.version, found};
}"""


def run_axe(page, axe_path):
    """axe's WCAG A/AA violations, split into the course's own content and JupyterLab's chrome."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe_path.read_text())
    result = page.evaluate(AXE_RUN_JS, [WCAG_TAGS, COURSE])
    course = [v for v in result["found"] if v["inCourse"]]
    chrome = [v for v in result["found"] if not v["inCourse"]]
    return result["version"], course, chrome


def ax_nodes(page, attribute, count):
    """Chromium's accessibility node for each element marked data-<attribute>=0..count-1 (None if ignored)."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("Accessibility.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        nodes = []
        for k in range(count):
            selector = f"[data-{attribute}='{k}']"
            node_id = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            tree = session.send("Accessibility.getPartialAXTree",
                                {"nodeId": node_id, "fetchRelatives": False})["nodes"]
            node = tree[0] if tree else None
            nodes.append(None if node is None or node.get("ignored") else node)
        return nodes
    finally:
        session.detach()


def ax_name(node):
    return ((node or {}).get("name") or {}).get("value", "").strip()


def ax_role(node):
    return str(((node or {}).get("role") or {}).get("value", ""))


def ax_states(node):
    return {p["name"] for p in (node or {}).get("properties", [])}


def check_figures(page):
    """Every figure in the outputs: its kind, where, and the text alternative a screen reader reaches."""
    figures = page.evaluate(FIGURES_JS, COURSE)
    for figure, node in zip(figures, ax_nodes(page, "a11y-figure", len(figures))):
        figure["name"] = ax_name(node) or figure["caption"]
    return figures


def check_controls(page):
    """Every control in the outputs, with its computed name and role, and what is wrong with it; and
    the number of ipywidgets' editable slider readouts (out of the tab order; the handle is the control)."""
    found = page.evaluate(CONTROLS_JS, COURSE)
    controls = [c for c in found if c["kind"] != "readout"]
    for control, node in zip(controls, ax_nodes(page, "a11y-control", len(controls))):
        name, role = ax_name(node), ax_role(node)
        control.update(name=name, role=role, problems=[])
        if not ICON_GLYPH.sub("", name).strip():
            control["problems"].append("no name" if not name else "named only by an icon glyph")
        elif ICON_GLYPH.search(name):
            control["problems"].append("an icon glyph in its name")
        if node is None or role in ROLES_WITHOUT_MEANING:
            control["problems"].append(f"no role a screen reader announces (role {role or 'none'})")
        if not control["focusable"]:
            control["problems"].append("not reachable by keyboard (tabindex -1)")
        if control["toggle"] and not ax_states(node) & {"pressed", "checked", "selected"}:
            control["problems"].append("its selected state is not exposed")
    return controls, len(found) - len(controls)


def spoken_value_problem(text):
    """What is wrong with a slider's spoken value, or None if every number in it has at most 4 decimals."""
    noisy = [n for n in re.findall(r"-?\d+\.(\d+)", text) if len(n) > 4]
    return f"reads '{text}'" if noisy else None


def record_values(page, store):
    """Note in store (slider -> its first unrounded reading) each slider whose spoken value is not rounded."""
    for slider in page.evaluate(VALUETEXT_JS, COURSE):
        problem = spoken_value_problem(slider["spoken"])
        if problem and slider["key"] not in store:
            store[slider["key"]] = f"slider '{slider['label'] or '(no label)'}' {problem}"


def measure(page, axe_path):
    """Everything but the narrow pass, on the page as Run All left it (panels unfolded)."""
    version, course, chrome = run_axe(page, axe_path)
    values = {}
    record_values(page, values)
    controls, readouts = check_controls(page)
    return {"axe": version, "course": course, "chrome": chrome, "figures": check_figures(page),
            "controls": controls, "readouts": readouts, "contrast": page.evaluate(CONTRAST_JS, COURSE),
            "live": page.evaluate(LIVE_JS, COURSE), "values": values, "tracks": None}


def recheck_figures(page, result):
    """After the sliders have moved: figures without a text alternative now (an explorer's redraw
    must keep its picture described)."""
    result["redrawn"] = sum(not f["name"] for f in check_figures(page))


def close_file_browser(page):
    """Collapse JupyterLab's left side panel (click its open tab), as a learner at 200% zoom would;
    the tab's data-id, to open it again, or None if no panel was open."""
    current = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if not current.count():
        return None
    tab = current.first.get_attribute("data-id")
    current.first.click()
    page.wait_for_timeout(300)
    return tab


def measure_narrow(page, screenshot=None):
    """At 640x360 with the file browser closed: every visible slider's track width (and a screenshot
    of the first explorer, if a path is given). Restores the window and the side panel after."""
    before = page.viewport_size
    tab = close_file_browser(page)
    page.set_viewport_size(NARROW)
    page.wait_for_timeout(600)  # JupyterLab lays out again on resize
    tracks = page.evaluate(SLIDER_TRACKS_JS, COURSE)
    explorer = page.locator(".jp-Notebook .jp-OutputArea-output:has(.noUi-handle)")
    if screenshot and explorer.count():
        explorer.first.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot))
    page.set_viewport_size(before)
    page.wait_for_timeout(600)
    if tab:
        page.locator(f".jp-SideBar.jp-mod-left .lm-TabBar-tab[data-id='{tab}']").click()
        page.wait_for_timeout(300)
    return tracks


def measure_all(page, name, axe_path, screenshot=None):
    """Measure the page as Run All left it (panels unfolded), then the 640x360 pass; kept in RESULTS."""
    started = time.time()
    result = measure(page, axe_path)
    result["tracks"] = measure_narrow(page, screenshot)
    result["seconds"] = time.time() - started
    RESULTS[name] = result
    return result


SAMPLE_JS = """(html) => {
  const cell = document.querySelector('.jp-Notebook .jp-Cell');
  const output = document.createElement('div');
  output.className = 'jp-OutputArea-output jp-RenderedHTMLCommon jp-RenderedHTML';
  output.dataset.a11ySample = '1';
  output.innerHTML = html;
  cell.appendChild(output);
}"""


def feedback_contrast(page, html):
    """`html` shown as a cell's HTML output in this notebook (then removed again): how many boxes
    it shows, and its text below its contrast ratio."""
    page.evaluate(SAMPLE_JS, html)
    try:
        return (page.locator("[data-a11y-sample] > div").count(),
                page.evaluate(CONTRAST_JS, ".jp-Notebook [data-a11y-sample]"))
    finally:
        page.evaluate("() => document.querySelector('[data-a11y-sample]').remove()")


def failures(result):
    """The counts that must be zero, by name."""
    return {
        "axe violations in course content": len(result["course"]),
        "figures without a text alternative": sum(not f["name"] for f in result["figures"]),
        "figures without one after the sliders moved": result.get("redrawn", 0),
        "controls with a problem": sum(bool(c["problems"]) for c in result["controls"]),
        "text runs below their contrast ratio": sum(c["count"] for c in result["contrast"]),
        "sliders read as unrounded numbers": len(result["values"]),
        f"slider tracks under {MIN_TRACK_PX} px at 640x360":
            sum(t["width"] < MIN_TRACK_PX for t in result["tracks"] or []),
    }


def summary_line(name, result):
    """One line of counts for a notebook, to compare before and after a fix."""
    figures, tracks, contrast = result["figures"], result["tracks"] or [], result["contrast"]
    rules = sorted({v["rule"] for v in result["course"]})
    parts = [f"axe {result['axe']}: {len(result['course'])} violations in course content"
             + (f" ({', '.join(rules)})" if rules else "") + f", {len(result['chrome'])} in JupyterLab's chrome",
             f"figures with a text alternative {sum(bool(f['name']) for f in figures)} of {len(figures)}"
             + (f" ({result['redrawn']} without one after the sliders moved)" if "redrawn" in result else ""),
             f"controls with a problem {sum(bool(c['problems']) for c in result['controls'])} of {len(result['controls'])}",
             f"text below its contrast ratio: {sum(c['count'] for c in contrast)} runs in {len(contrast)} colour/size groups"
             + (f" (worst {contrast[0]['ratio']:.2f})" if contrast else ""),
             f"sliders read unrounded {len(result['values'])}",
             f"slider tracks under {MIN_TRACK_PX} px at 640x360 {sum(t['width'] < MIN_TRACK_PX for t in tracks)} of "
             f"{len(tracks)}" + (f" (narrowest {min(t['width'] for t in tracks):.0f} px)" if tracks else ""),
             "explorers with a live region {1} of {0}".format(*result["live"])]
    return f"{name}: " + "; ".join(parts)


def details(name, result, limit=int(os.environ.get("A11Y_LIMIT", 12))):
    """The failures one by one (at most `limit` of each kind), for the assertion message."""
    lines = [f"axe {v['rule']} ({v['impact']}): {v['target']} {v['html']}" for v in result["course"][:limit]]
    lines += [f"figure without a text alternative: {f['kind']} in {f['where']}"
              for f in result["figures"] if not f["name"]][:limit]
    lines += [f"control {c['kind']} '{c['name']}' in {c['where']}: {'; '.join(c['problems'])}"
              for c in result["controls"] if c["problems"]][:limit]
    lines += [f"contrast {c['ratio']:.2f} < {c['needed']}: {c['colour']} on {c['background']} "
              f"({c['size']:.0f} px, {c['count']} runs) e.g. '{c['text']}'" for c in result["contrast"]][:limit]
    lines += list(result["values"].values())[:limit]
    lines += [f"slider track {t['width']:.0f} px wide at 640x360: {t['label']}"
              for t in result["tracks"] or [] if t["width"] < MIN_TRACK_PX][:limit]
    return f"{name}:\n  " + "\n  ".join(lines)


def chrome_lines(name, result):
    """JupyterLab's own violations, by rule: printed for information, never failed."""
    if os.environ.get("A11Y_DEBUG"):
        for v in result["chrome"]:
            print("CHROME", v["rule"], v["target"], v["html"][:120])
    counts = {}
    for v in result["chrome"]:
        counts[v["rule"]] = counts.get(v["rule"], 0) + 1
    return [f"{name}: JupyterLab chrome (not the course's): " +
            (", ".join(f"{rule} x{n}" for rule, n in sorted(counts.items())) or "none") +
            f"; ipywidgets' editable slider readouts (no name, out of the tab order): {result['readouts']}"]


def summary_lines():
    """Per notebook, the counts the integrator compares; then exercise feedback; then JupyterLab's chrome."""
    lines = [summary_line(name, result) + f" (measured in {result['seconds']:.0f} s)"
             for name, result in RESULTS.items()]
    for kinds, failing in FEEDBACK.items():
        lines.append(f"exercise feedback ({kinds}): {len(failing)} colours below their contrast ratio" +
                     "".join(f"; {c['text']} {c['colour']} {c['ratio']:.2f}" for c in failing))
    for name, result in RESULTS.items():
        lines += chrome_lines(name, result)
    return lines
