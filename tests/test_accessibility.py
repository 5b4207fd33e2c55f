"""What the course puts on screen, checked in Python for WCAG 2.1 AA (issue 22) and for
ipywidgets 7 and 8 (issue 19): text alternatives that say the figure's numbers, named
controls, one live region per explorer, contrast, relative widths, display in both
ipywidgets versions. The browser test checks the same things in JupyterLab itself."""

import importlib
import re

import ipywidgets as w
import numpy as np
import pytest

import lstm_helpers as lh
from lstm_helpers.explorers.activations import ActivationExplorer
from lstm_helpers.explorers.base import WIDGET_VIEW, slider_value
from lstm_helpers.explorers.companies import UnrolledExplorer
from lstm_helpers.explorers.long_lag import GradientByLagExplorer
from lstm_helpers.explorers.rnn import GradientExplorer
from lstm_helpers.explorers.training import LearningRateExplorer
from lstm_helpers.explorers.unit import LSTMUnitExplorer
from lstm_helpers.pictures import colours
from lstm_helpers.pictures.figure import figure_html, text_alternative
from lstm_helpers.pictures.svg import svg_description

DATA = ([lh.COMPANY_A[:4], lh.COMPANY_B[:4]], [lh.COMPANY_A[4], lh.COMPANY_B[4]])


@pytest.fixture(scope="module")
def explorers():
    return [ActivationExplorer(x=2.0), GradientExplorer(), LSTMUnitExplorer(), UnrolledExplorer(),
            LearningRateExplorer(*DATA, lh.UNTRAINED_PARAMS, epochs=50), GradientByLagExplorer()]


def every_widget(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from every_widget(child)


# -- ipywidgets 7 and 8 ------------------------------------------------------------------------

def test_every_explorer_shows_as_its_widget_in_ipywidgets_7_and_8(explorers):
    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    for explorer in explorers:
        data, _ = formatter.format(explorer)  # what IPython (Colab, VS Code, JupyterLab) asks for
        assert data[WIDGET_VIEW]["model_id"] == explorer.widget.model_id, type(explorer).__name__
        assert data[WIDGET_VIEW]["version_major"] == 2


def test_the_slider_naming_script_is_an_output_widget_only_under_ipywidgets_8(monkeypatch):
    """The classic Notebook's front end for ipywidgets 7 (widgetsnbextension 3.6) cannot make an
    Output widget, and a box holding one shows nothing there: the explorer disappeared (issue 19)."""
    from lstm_helpers.explorers import slider_names

    assert slider_names.NOUISLIDER == (int(w.__version__.split(".")[0]) >= 8)
    outputs = [x for x in every_widget(ActivationExplorer().widget) if isinstance(x, w.Output)]
    assert len(outputs) == int(slider_names.NOUISLIDER)
    if outputs:
        assert outputs[0].outputs[0]["data"]["text/html"] == slider_names.SCRIPT
    monkeypatch.setattr(slider_names, "NOUISLIDER", False)  # as under ipywidgets 7
    explorer = ActivationExplorer()
    assert not [x for x in every_widget(explorer.widget) if isinstance(x, w.Output)]
    assert 'role="status"' in explorer.status.value


def test_no_control_needs_an_ipywidgets_8_only_option(explorers):
    for explorer in explorers:
        for widget in every_widget(explorer.widget):
            assert not isinstance(widget, (w.Accordion, w.Tab, w.Play, w.ToggleButtons, w.ToggleButton)), \
                f"{type(explorer).__name__}: {type(widget).__name__} (titles or pressed state differ, or no names)"


# -- named controls, announced results ---------------------------------------------------------

def test_every_control_is_named_by_words(explorers):
    for explorer in explorers:
        for widget in every_widget(explorer.widget):
            if isinstance(widget, (w.ValueWidget, w.Button)) and not isinstance(widget, (w.HTML, w.Label)):
                name = widget.description
                assert re.search(r"[a-z]{3}", name or ""), f"{type(explorer).__name__}: {widget!r} has no name"
            if isinstance(widget, w.Button):
                assert not widget.icon, f"{widget.description}: an icon glyph would start its name"


def test_the_unit_explorers_weight_sliders_say_what_they_move(explorers):
    names = [slider.description for slider in explorers[2].weights.values()]
    assert len(set(names)) == 12
    assert "forget gate: weight on short-term memory" in names and "output gate: bias" in names


def test_each_explorer_has_one_polite_live_region_that_follows_it(explorers):
    for explorer in explorers:
        regions = [x for x in every_widget(explorer.widget) if isinstance(x, w.HTML) and 'role="status"' in x.value]
        assert len(regions) == 1, type(explorer).__name__
        assert 'aria-live="polite"' in regions[0].value
    activation = explorers[0]
    activation.x.value = -1.5
    assert f"sigmoid(x) = {lh.sigmoid(-1.5):.3f}" in activation.status.value
    unrolled = explorers[3]
    unrolled.next_day.click() if unrolled.shown.value < 4 else unrolled.previous_day.click()
    assert "day" in unrolled.status.value and unrolled.shown.value in (3, 4)


def test_slider_values_are_read_as_rounded_numbers():
    """Issue 23 item 6: a slider at 0 sent back as -8.88e-16 by the browser read 'input bias -8.88178e-16'."""
    explorer = GradientByLagExplorer(input_bias=0.5)
    explorer.input_bias.value = -8.881784197001252e-16
    assert "input bias 0," in explorer.readout.value and "e-16" not in explorer.readout.value
    assert slider_value(explorer.input_bias) == 0.0 and str(slider_value(explorer.input_bias)) == "0.0"
    unit = LSTMUnitExplorer()
    unit.input_value.value = 1.0499999999999998
    assert unit.current_step().input_value == 1.05


def test_layouts_use_no_fixed_pixel_widths(explorers):
    for explorer in explorers:
        for widget in every_widget(explorer.widget):
            for side in ("width", "min_width", "max_width"):
                value = getattr(widget.layout, side) or ""
                assert not value.endswith("px"), f"{type(explorer).__name__}: {type(widget).__name__} {side} {value}"


# -- text alternatives -------------------------------------------------------------------------

def test_explorer_pictures_carry_a_text_alternative_that_follows_them(explorers):
    activation, gradient, unit, unrolled, rates, lag = explorers
    activation.x.value = 3.0
    assert f'alt="Two plots' in activation.image.value and f"sigmoid is {lh.sigmoid(3.0):.3f}" in activation.image.value
    gradient.w_recurrent.value = 1.5
    assert "w = 1.50 over 50 days" in svg_description(gradient.view.value)
    unit.long_memory.value = -3.0
    assert f"long-term memory {-3.0:.2f}" in svg_description(unit.diagram.value)
    unrolled.company.value = "Company B"
    assert "inputs 1.00, 0.50, 0.25, 1.00" in svg_description(unrolled.diagram.value)
    rates.rate.value = 1.0
    assert "learning rate 1" in svg_description(rates.view.value)
    lag.forget_bias.value = 0.0
    assert "forget bias 0 and input bias" in lag.image.value


@pytest.mark.parametrize("module, call, numbers", [
    ("activations", lambda m: m.plot_activations(2.0), [f"{lh.sigmoid(2.0):.3f}", f"{lh.tanh(2.0):.3f}"]),
    ("activations", lambda m: m.plot_slopes(), ["0.25", "1.00"]),
    ("rnn", lambda m: m.draw_unrolled_rnn(3), ["3 days"]),
    ("companies", lambda m: m.plot_companies(), ["0.00, 0.50, 0.25, 1.00, 0.00", "days 1 and 5"]),
    ("companies", lambda m: m.plot_day_sensitivity(), ["day 1 moves it from 0.01 to 0.97"]),
    ("training", lambda m: m.plot_loss_history({"a": [1.0, 0.5, 0.25]}), ["a: 1 after epoch 1, 0.25 after epoch 3"]),
    ("training", lambda m: m.plot_loss_along(lh.UNTRAINED_PARAMS, *DATA), ["forget gate, bias: now"]),
    ("long_lag", lambda m: m.plot_forget_products(20), ["by day 20"]),
    ("long_lag", lambda m: m.plot_gradient_by_lag(), ["for the LSTM with forget bias 5 and input bias -3"]),
])
def test_every_figure_has_a_text_alternative_with_its_numbers(module, call, numbers):
    figure = call(importlib.import_module(f"lstm_helpers.pictures.{module}"))
    alt = text_alternative(figure)
    for number in numbers:
        assert number in alt, alt
    html = figure_html(figure)
    assert html.startswith('<img src="data:image/png;base64,') and 'alt="' in html and "max-width:100%" in html


def test_svg_pictures_have_title_and_desc_and_are_sent_as_img_alt():
    from lstm_helpers.pictures.companies import draw_unrolled
    from lstm_helpers.pictures.unit import draw_lstm_unit

    for picture in (draw_lstm_unit(), draw_lstm_unit(lh.lstm_step(1, 2, 1), stage="long"),
                    draw_unrolled(lh.unroll(lh.COMPANY_A[:4]), shown_days=2)):
        svg = picture.svg
        ids = re.search(r'aria-labelledby="([^"]+)" aria-describedby="([^"]+)"', svg).groups()
        assert all(f'id="{ident}"' in svg for ident in ids), "the label and description point at the SVG's own text"
        assert not hasattr(picture, "_repr_svg_")
        html = picture._repr_html_()
        alt = re.search(r'alt="([^"]+)"', html).group(1)
        assert html.startswith('<img src="data:image/svg+xml;base64,') and len(alt) > 80, \
            "an <img alt>: it survives JupyterLab's sanitizer in a stored notebook, and a screen reader reads it"


# -- contrast ----------------------------------------------------------------------------------

def test_contrast_ratio_matches_the_wcag_examples():
    assert colours.contrast_ratio("#000000") == pytest.approx(21.0)
    assert colours.contrast_ratio("#777777") == pytest.approx(4.48, abs=0.01)  # the old grey: fails
    assert colours.contrast_ratio("#009E73") == pytest.approx(3.42, abs=0.01)  # Okabe-Ito green: fails as text


def test_every_text_colour_reads_at_4_5_to_1_on_white():
    found = colours.text_colours()
    assert len(found) >= 9
    for name, colour in found.items():
        assert colours.contrast_ratio(colour) >= 4.5, f"{name} {colour}: {colours.contrast_ratio(colour):.2f}"


def test_every_colour_the_course_writes_text_in_reads_at_4_5_to_1():
    from lstm_helpers.pictures.companies import DaysTable, GatesTable, unrolled_svg
    from lstm_helpers.pictures.unit import lstm_unit_svg, step_table_html

    run = lh.unroll(lh.COMPANY_A[:4])
    html = "".join([DaysTable(run, "A", shown_days=2)._repr_html_(), GatesTable({"A": run})._repr_html_(),
                    step_table_html(lh.lstm_step(1, 2, 1))])
    svg = "".join([lstm_unit_svg(lh.lstm_step(1, 2, 1), stage=stage) for stage in (None, "forget", "long", "output")]
                  + [unrolled_svg(run, shown) for shown in range(5)])
    used = set(re.findall(r"color:\s*(#[0-9A-Fa-f]{6})", html)) | set(re.findall(r'<text[^>]*fill="(#[0-9A-Fa-f]{6})"', svg))
    assert len(used) >= 4
    for colour in used:
        assert colours.contrast_ratio(colour) >= 4.5, colour


def test_exercise_feedback_labels_read_at_4_5_to_1():
    try:
        engine = importlib.import_module("lstm_helpers.exercises.engine")
    except ImportError:
        engine = importlib.import_module("lstm_helpers.exercises")
    kinds = ("correct", "incorrect", "unattempted", "self-assessment", "hint", "solution")
    for kind in kinds:
        html = engine.Feedback(kind, "a message")._repr_html_()
        for colour in re.findall(r"color:(#[0-9A-Fa-f]{6})", html):
            assert colours.contrast_ratio(colour) >= 4.5, f"{kind}: {colour}"


def test_tables_have_captions_and_scoped_headers():
    from lstm_helpers.pictures.companies import GatesTable

    html = GatesTable({"A": lh.unroll(lh.COMPANY_A[:4]), "B": lh.unroll(lh.COMPANY_B[:4])})._repr_html_()
    assert "<caption" in html and "aria-label" not in html and "<th></th>" not in html
    assert html.count('scope="rowgroup"') == 7 and html.count('scope="row"') == 14
    assert np.all([f'rowspan="2"' in html])


# -- the progress bars ---------------------------------------------------------------------------

def test_notebook_07s_progress_bar_is_named_and_says_its_progress_in_words(monkeypatch):
    from lstm_helpers.explorers.prices import ProgressBar

    bar = ProgressBar("4 years, 3 LSTMs a year", "about 30 s")
    bars = [x for x in every_widget(bar.widget) if isinstance(x, w.IntProgress)]
    assert len(bars) == 1 and bars[0].description == "4 years, 3 LSTMs a year: models fitted"
    regions = [x for x in every_widget(bar.widget) if isinstance(x, w.HTML) and 'role="status"' in x.value]
    assert len(regions) == 1 and 'aria-live="polite"' in regions[0].value
    said = lambda: re.sub("<[^>]+>", "", regions[0].value).replace("&#x27;", "'")
    assert said() == "starting (about 30 s in all)"
    for widget in every_widget(bar.widget):
        for side in ("width", "min_width", "max_width"):
            assert not (getattr(widget.layout, side) or "").endswith("px"), f"{type(widget).__name__} {side}"
    import time

    def no_clock(*args):
        raise AssertionError("the progress bar read the clock: a rebuilt notebook would store other words")

    for clock in ("time", "monotonic", "perf_counter", "process_time"):
        monkeypatch.setattr(time, clock, no_clock)
    bar(5, 12, "2010: fitting 'LSTM'")
    assert said() == "5 of 12 models fitted; 2010: fitting 'LSTM'"
    bar(12, 12, "2012: done")
    assert said() == "done, 12 models fitted"
