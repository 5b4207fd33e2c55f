"""WCAG 2.1 AA for what the course puts on screen in JupyterLab (issue 22), per notebook.

test_notebooks_in_browser.py measures each notebook once its Run All has finished (this file
sorts after it, so pytest runs that first); a notebook it did not measure (say, run with
-k a11y) is run here, without moving sliders. JupyterLab's own violations are printed in the
summary, never failed: they are outside the course's control.
"""

import pytest

from . import accessibility
from .test_notebooks_in_browser import NOTEBOOKS, assert_no_cell_error, open_and_run, unfold_all

pytestmark = pytest.mark.browser

FEEDBACK_KINDS = ["correct", "incorrect", "unattempted", "self-assessment", "hint", "solution"]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_course_content_is_accessible(name, lab, browser, required_axe):
    """No axe WCAG 2.0/2.1 A or AA violation in cell outputs or rendered markdown; every figure with
    a text alternative; every control named, with a role, reachable by keyboard and, for a toggle,
    its state exposed; every course text at 4.5:1 (large text 3:1); every slider's value spoken as
    a rounded number; every slider track at least 100 px wide at 640x360, file browser closed."""
    if name not in accessibility.RESULTS:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        try:
            open_and_run(page, lab, name)
            assert_no_cell_error(page, name)
            unfold_all(page)
            accessibility.measure_all(page, name, required_axe)
        finally:
            context.close()
    result = accessibility.RESULTS[name]
    counts = accessibility.failures(result)
    assert not any(counts.values()), (
        ", ".join(f"{n} {what}" for what, n in counts.items() if n) + "\n" + accessibility.details(name, result))


def test_every_kind_of_exercise_feedback_meets_its_contrast(lab, browser):
    """Run All shows only unanswered exercises, so every kind of feedback (Correct, Not yet, Hint,
    Solution...) is rendered by lstm_helpers into a notebook's output area and its colours measured."""
    from IPython.core.formatters import DisplayFormatter

    from lstm_helpers.exercises import Feedback

    as_html = DisplayFormatter().format  # what the kernel sends JupyterLab for a displayed object
    html = "".join(as_html(Feedback(kind, "The answer is `0.88`, as the table shows."))[0]["text/html"]
                   for kind in FEEDBACK_KINDS)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    try:
        page.goto(f"{lab['base']}/lab/tree/notebooks/{NOTEBOOKS[0]}?reset&token={lab['token']}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
        boxes, failing = accessibility.feedback_contrast(page, html)
    finally:
        context.close()
    assert boxes == len(FEEDBACK_KINDS), f"{len(FEEDBACK_KINDS)} kinds of feedback rendered as {boxes} boxes"
    accessibility.FEEDBACK[", ".join(FEEDBACK_KINDS)] = failing
    assert not failing, "exercise feedback below its contrast ratio:\n  " + "\n  ".join(
        f"{c['ratio']:.2f} < {c['needed']}: {c['colour']} on {c['background']} e.g. '{c['text']}'" for c in failing)
