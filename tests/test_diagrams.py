"""The LSTM unit diagram, its table and its explorer: every value drawn, every extreme survived."""

import itertools
import re
import warnings
from html import unescape

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lstm_helpers as lh
from lstm_helpers.pictures.companies import DaysTable, draw_unrolled, unrolled_svg
from lstm_helpers.pictures.unit import LABELS, draw_lstm_unit, fmt, lstm_unit_svg, stage_explanation, step_table_html
from lstm_helpers.lstm import day_sensitivity
from lstm_helpers.explorers.companies import UnrolledExplorer
from lstm_helpers.explorers.unit import LSTMUnitExplorer


def svg_texts(svg):
    return [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def assert_every_value_drawn(step, params, svg):
    texts = " ".join(svg_texts(svg))
    for name, value in step.as_dict().items():
        assert fmt(name, value) in texts, f"{name} = {fmt(name, value)} not on the diagram"
    for gate in ("forget", "input", "candidate", "output"):
        g = getattr(params, gate)
        for number in (g.w_short, g.w_input, g.bias):
            assert f"{number:.2f}" in texts


def test_example_diagram_shows_the_source_numbers():
    step = lh.lstm_step(1, 2, 1)
    svg = lstm_unit_svg(step)
    assert_every_value_drawn(step, lh.EXAMPLE_PARAMS, svg)
    texts = svg_texts(svg)
    assert "sigmoid → 0.997" in texts and "kept 1.99" in texts and "new long-term memory 2.95" in texts
    assert "#009E73" in svg and "#CC79A7" in svg  # green long-term line, pink short-term line


@settings(max_examples=60, deadline=None)
@given(st.floats(-2, 2), st.floats(-5, 5), st.floats(-1, 1), st.lists(st.floats(-6, 6), min_size=12, max_size=12))
def test_every_value_is_drawn_for_any_step_and_weights(x, long, short, numbers):
    params = lh.LSTMParams.from_list(numbers)
    step = lh.lstm_step(x, long, short, params)
    assert_every_value_drawn(step, params, lstm_unit_svg(step, params))


def test_terminology_diagram_names_every_part_and_shows_no_numbers():
    texts = " ".join(svg_texts(lstm_unit_svg()))
    for term in ("Long-term memory = cell state", "Short-term memory", "= hidden state", "Forget gate", "Input gate",
                 "Potential long-term memory", "candidate", "Output gate", "potential", "new short-term",
                 "memory = the output", "new long-term memory", "input", "long-term memory to add"):
        assert term in texts
    assert not re.search(r"\d\.\d", texts)


@pytest.mark.parametrize("stage, bright", [("forget", "Forget gate"), ("long", "Input gate"), ("output", "Output gate")])
def test_a_stage_fades_everything_else(stage, bright):
    svg = lstm_unit_svg(lh.lstm_step(1, 2, 1), stage=stage)
    groups = re.findall(r'<g><g opacity="0.22">(.*?)</g>((?:<text[^>]*>[^<]*</text>)*)</g>', svg)
    assert len(groups) == 2, "the two other stages are faded"
    assert bright not in "".join(shapes + texts for shapes, texts in groups)
    assert all("<text" not in shapes for shapes, _ in groups), "faded text is not made transparent"
    assert all(re.findall(r'fill="([^"]+)"', texts) == ["#595959"] * texts.count("<text") for _, texts in groups), \
        "faded text turns grey, 7:1 on white"
    assert 'stroke-width="4"' in svg and bright in svg


def test_diagram_refuses_weights_that_did_not_make_the_step():
    other = lh.LSTMParams.from_list([1.0] * 12)
    with pytest.raises(ValueError, match="params do not match step: the forget gate"):
        lstm_unit_svg(lh.lstm_step(1, 2, 1), params=other)
    with pytest.raises(ValueError, match="stage must be one of"):
        lstm_unit_svg(stage="forgets")
    with pytest.raises(TypeError, match="params must be an LSTMParams"):
        lstm_unit_svg(lh.lstm_step(1, 2, 1), params="weights")


def test_diagram_shows_itself_in_a_notebook():
    picture = draw_lstm_unit(lh.lstm_step(1, 2, 1))
    assert picture._repr_html_().startswith('<img src="data:image/svg+xml') and str(picture) == picture.svg
    assert not hasattr(picture, "_repr_svg_"), "image/svg+xml would be shown as an <img> without alt"
    assert "forget gate is 0.997, so 1.99 is kept" in picture._repr_html_(), "its <desc> says the step's numbers"


def test_table_lists_every_number_to_three_decimals():
    step = lh.lstm_step(1, 2, 1)
    html = step_table_html(step)
    for name, value in step.as_dict().items():
        assert f'">{LABELS[name]}</th>' in html and f">{value:.3f}</td>" in html
    assert "<caption" in html and html.count('scope="row"') == len(step.as_dict()) and 'scope="col"' in html


def test_stage_explanations_use_this_steps_numbers():
    step = lh.lstm_step(1, 2, 1)
    assert "keeps 99.7% of the long-term memory, so 2.00 becomes 1.99" in stage_explanation(step, "forget")
    assert "the new long-term memory is 2.95" in stage_explanation(step, "long")
    assert "is 0.99" in stage_explanation(step, "output")
    assert "new long-term memory 2.95" in stage_explanation(step, None)


@pytest.fixture
def explorer():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield LSTMUnitExplorer()


def test_explorer_starts_at_the_source_example(explorer):
    assert (explorer.long_memory.value, explorer.short_memory.value, explorer.input_value.value) == (2.0, 1.0, 1.0)
    assert "new long-term memory 2.95" in explorer.diagram.value
    assert explorer.weights_panel.layout.display == "none", "the weights panel starts hidden"
    explorer.show_weights.value = True
    assert explorer.weights_panel.layout.display == "flex"
    assert explorer.stage.value == "all" and explorer.current_stage is None


def test_explorer_at_every_slider_extreme_and_every_stage(explorer):
    sliders = [explorer.long_memory, explorer.short_memory, explorer.input_value]
    for values in itertools.product(*[(s.min, s.max) for s in sliders]):
        for slider, value in zip(sliders, values):
            slider.value = value
        for _, stage in explorer.STAGE_OPTIONS:
            explorer.stage.value = stage
            step = lh.lstm_step(values[2], values[0], values[1])
            assert explorer.diagram.value == lstm_unit_svg(step, stage=explorer.current_stage)
            assert explorer.current_stage == (None if stage == "all" else stage)
            assert explorer.table.value == step_table_html(step)
            assert (explorer.long_memory.value, explorer.short_memory.value, explorer.input_value.value) == values


def test_every_weight_slider_at_both_extremes(explorer):
    for (gate, part), slider in explorer.weights.items():
        for value in (slider.min, slider.max):
            slider.value = value
            assert getattr(getattr(explorer.params, gate), part) == value
            step = explorer.current_step()
            assert explorer.diagram.value == lstm_unit_svg(step, explorer.params, explorer.current_stage)
            assert np.isfinite(step.short_memory)
    for slider in explorer.weights.values():
        slider.value = slider.min
    assert "sigmoid" in explorer.diagram.value


def test_resets_return_to_the_example(explorer):
    explorer.long_memory.value, explorer.input_value.value, explorer.stage.value = -5.0, 2.0, "output"
    explorer.weights[("forget", "bias")].value = -6.0
    explorer.reset_weights.click()  # the weights alone
    assert explorer.params == lh.EXAMPLE_PARAMS and explorer.long_memory.value == -5.0
    explorer.weights[("forget", "bias")].value = -6.0
    explorer.reset.click()  # everything: the memories, the input and the weights
    assert (explorer.long_memory.value, explorer.short_memory.value, explorer.input_value.value) == (2.0, 1.0, 1.0)
    assert explorer.stage.value == "output", "a reset keeps the chosen stage"
    assert explorer.params == lh.EXAMPLE_PARAMS
    assert "new long-term memory 2.95" in explorer.diagram.value


def test_every_explorer_slider_starts_on_a_multiple_of_its_step():
    """The browser snaps a slider to its step and sends the snapped value back."""
    from lstm_helpers.explorers.activations import ActivationExplorer
    from lstm_helpers.explorers.rnn import GradientExplorer

    for explorer in (LSTMUnitExplorer(), ActivationExplorer(x=2.0), GradientExplorer()):
        sliders, stack = [], list(explorer.widget.children)
        while stack:
            child = stack.pop()
            stack.extend(getattr(child, "children", ()))
            if hasattr(child, "step") and hasattr(child, "min"):
                sliders.append(child)
        assert sliders
        for slider in sliders:
            steps = (slider.value - slider.min) / slider.step
            assert abs(steps - round(steps)) < 1e-6, f"{slider.description} = {slider.value} is off its step {slider.step}"



def test_unrolled_diagram_draws_every_memory_and_the_prediction():
    run = lh.unroll(lh.COMPANY_A[:4])
    texts = svg_texts(unrolled_svg(run, target=lh.COMPANY_A[4]))
    for step in run.steps:
        assert f"{step.long_memory:.2f}" in texts and f"{step.short_memory:.2f}" in texts
        assert f"input {step.input_value:.2f}" in texts
    assert texts.count("LSTM") == 4 and texts.count("same weights") == 4
    assert f"for day 5: {run.prediction:.2f}" in texts and "actual: 0.00" in texts
    assert ["-0.20", "-0.13"] == [t for t in texts if t in ("-0.20", "-0.13")][:2]  # the source's day 1


@pytest.mark.parametrize("shown", [0, 1, 2, 3, 4])
def test_unrolled_diagram_lights_the_days_run_so_far(shown):
    run = lh.unroll(lh.COMPANY_B[:4])
    svg = unrolled_svg(run, shown_days=shown)
    assert svg.count('opacity="0.22"') == 4 - shown
    texts = svg_texts(svg)
    for day, step in enumerate(run.steps):
        assert (f"{step.short_memory:.2f}" in texts) == (day < shown)
    assert any("for day 5" in t for t in texts) == (shown == 4)


def test_unrolled_diagram_errors():
    with pytest.raises(ValueError, match="shown_days must be a whole number from 0 to 4"):
        unrolled_svg(lh.unroll(lh.COMPANY_A[:4]), shown_days=5)
    with pytest.raises(ValueError, match="one sequence"):
        unrolled_svg(lh.unroll(np.zeros((4, 2))))
    assert repr(draw_unrolled(lh.unroll([0.5]))).startswith("[diagram: The LSTM unit unrolled over 1 days: ")


def test_days_table_in_text_and_html():
    table = DaysTable(lh.unroll(lh.COMPANY_A[:4]), "Company A")
    text = repr(table)
    assert text.splitlines()[1].split() == ["1", "0.00", "-0.20", "-0.13"]
    assert text.endswith("prediction for day 5: 0.01")
    html = table._repr_html_()
    assert html.count("<tr>") == 5 and "<b>0.01</b>" in html and "<b>Company A: memories after each day</b>" in html
    assert "aria-label" not in html, "the caption names the table"
    assert html.count('scope="col"') == 4 and html.count('scope="row"') == 4


def test_day_sensitivity_shows_day_1_matters_most():
    tried, predictions = day_sensitivity()
    assert tried[0] == 0 and tried[-1] == 1 and predictions.shape == (4, 21)
    reach = predictions.max(axis=1) - predictions.min(axis=1)
    assert np.argmax(reach) == 0 and reach[0] > 0.9 and reach[2] < reach[0] / 1.5
    assert predictions[0][-1] == pytest.approx(lh.unroll([1.0, *lh.COMPANY_A[1:4]]).prediction)


@pytest.fixture
def unrolled():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield UnrolledExplorer()


def test_unrolled_explorer_starts_on_company_a(unrolled):
    assert unrolled.values() == list(lh.COMPANY_A[:4])
    assert "Prediction for day 5: 0.01" in unrolled.readout.value and "actual day 5: 0.00" in unrolled.readout.value


def test_choosing_a_company_sets_its_days_and_moving_a_day_makes_it_your_own(unrolled):
    unrolled.company.value = "Company B"
    assert unrolled.values() == list(lh.COMPANY_B[:4]) and "Prediction for day 5: 0.97" in unrolled.readout.value
    unrolled.days[0].value = 0.0
    assert unrolled.company.value == "your own" and "actual" not in unrolled.readout.value
    unrolled.company.value = "your own"
    assert unrolled.values() == [0.0, 0.5, 0.25, 1.0], "choosing 'your own' keeps the sliders"


def test_unrolled_explorer_at_every_slider_extreme(unrolled):
    for slider in unrolled.days:
        for value in (slider.min, slider.max):
            slider.value = value
            run = lh.unroll(unrolled.values())
            company = unrolled.COMPANIES.get(unrolled.company.value)
            target = company[4] if company else None
            assert unrolled.diagram.value == unrolled_svg(run, shown_days=unrolled.shown.value, target=target)
            assert f"{run.prediction:.2f}" in unrolled.readout.value
    for shown in range(unrolled.shown.min, unrolled.shown.max + 1):
        unrolled.shown.value = shown
        assert unrolled.diagram.value.count('opacity="0.22"') == 4 - shown
        assert ("Before day 1" in unrolled.readout.value) == (shown == 0)


# --- no label crossed by a line, cut off, or on top of another label -------------------------------

def _attrs(tag):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def text_boxes(svg):
    """(text, x0, y0, x1, y1) of every label, measured with the diagram's own font (DejaVu Sans)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    boxes = []
    for tag, content in re.findall(r"(<text[^>]*>)([^<]*)</text>", svg):
        a, text = _attrs(tag), unescape(content)
        size, x, y = float(a["font-size"]), float(a["x"]), float(a["y"])
        font = FontProperties(family="DejaVu Sans", weight="bold" if a.get("font-weight") == "bold" else "normal")
        extent = TextPath((0, 0), text, size=size, prop=font).get_extents()
        width = extent.x1
        left = {"start": x, "middle": x - width / 2, "end": x - width}[a.get("text-anchor", "start")]
        boxes.append((text, left, y - 0.76 * size, left + width, y + 0.24 * size))
    return boxes


def line_segments(svg):
    """((x0, y0), (x1, y1), half width) of every drawn line: paths, rectangle edges, circle outlines as boxes."""
    segments = []
    for tag in re.findall(r"<path [^>]*>", svg):
        a = _attrs(tag)
        if "stroke-width" not in a:
            continue  # arrow-head markers
        points = [tuple(map(float, p.split(","))) for p in re.findall(r"[ML](-?[\d.]+,-?[\d.]+)", a["d"])]
        segments += [(p, q, float(a["stroke-width"]) / 2) for p, q in zip(points, points[1:])]
    for tag in re.findall(r"<rect [^>]*>", svg):
        a = _attrs(tag)
        if "stroke" not in a:
            continue  # the white background
        x, y, w, h = (float(a[k]) for k in ("x", "y", "width", "height"))
        corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)]
        segments += [(p, q, float(a["stroke-width"]) / 2) for p, q in zip(corners, corners[1:])]
    return segments


def circles(svg):
    return [tuple(float(_attrs(tag)[k]) for k in ("cx", "cy", "r")) for tag in re.findall(r"<circle [^>]*>", svg)]


def _crosses(segment, box, margin=1.5):
    (x0, y0), (x1, y1), half = segment
    _, bx0, by0, bx1, by1 = box
    bx0, by0, bx1, by1 = bx0 - half - margin, by0 - half - margin, bx1 + half + margin, by1 + half + margin
    for t in np.linspace(0, 1, 200):  # lines here are short: sampling is exact enough
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        if bx0 < x < bx1 and by0 < y < by1:
            return True
    return False


def layout_problems(svg):
    width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    boxes, segments, nodes = text_boxes(svg), line_segments(svg), circles(svg)
    problems = []
    for box in boxes:
        text, x0, y0, x1, y1 = box
        inside_node = [c for c in nodes if abs((x0 + x1) / 2 - c[0]) < c[2] and abs((y0 + y1) / 2 - c[1]) < c[2]]
        if inside_node:
            continue  # the x and + drawn in a node
        if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
            problems.append(f"{text!r} is cut off by the edge")
        problems += [f"{text!r} is crossed by a line" for s in segments if _crosses(s, box)][:1]
        problems += [f"{text!r} touches a node" for cx, cy, r in nodes
                     if x0 - r < cx < x1 + r and y0 - r < cy < y1 + r][:1]
    for a, b in itertools.combinations(boxes, 2):
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]:
            problems.append(f"{a[0]!r} overlaps {b[0]!r}")
    return problems


DIAGRAMS = {
    "terminology": lambda: lstm_unit_svg(),
    "example step": lambda: lstm_unit_svg(lh.lstm_step(1, 2, 1)),
    "extreme step": lambda: lstm_unit_svg(lh.lstm_step(-2, -5, -1)),
    "stage forget": lambda: lstm_unit_svg(lh.lstm_step(1, 2, 1), stage="forget"),
    "Company A": lambda: unrolled_svg(lh.unroll(lh.COMPANY_A[:4]), target=0),
    "Company B, two days shown": lambda: unrolled_svg(lh.unroll(lh.COMPANY_B[:4]), shown_days=2),
    "eight days": lambda: unrolled_svg(lh.unroll(np.linspace(-1, 1, 8))),
    "one day": lambda: unrolled_svg(lh.unroll([0.5])),
}


@pytest.mark.parametrize("name", DIAGRAMS)
def test_no_label_is_crossed_by_a_line_cut_off_or_covered(name):
    assert layout_problems(DIAGRAMS[name]()) == []


def test_a_run_too_long_to_draw_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="at most 8 days"):
        unrolled_svg(lh.unroll(np.linspace(-1, 1, 9)))


def test_the_layout_check_finds_a_crossed_label():
    svg = ('<svg viewBox="0 0 200 100"><path d="M100,0 L100,100" stroke="#000" stroke-width="2"/>'
           '<text x="60" y="50" font-size="15">crossed label</text></svg>')
    assert layout_problems(svg) == ["'crossed label' is crossed by a line"]
