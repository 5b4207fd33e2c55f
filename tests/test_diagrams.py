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
from lstm_helpers.diagrams import LABELS, draw_lstm_unit, fmt, lstm_unit_svg, stage_explanation, step_table_html
from lstm_helpers.widgets import LSTMUnitExplorer


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
    for term in ("Long-term memory = cell state", "Short-term memory = hidden state", "Forget gate", "Input gate",
                 "Potential long-term", "= candidate", "Output gate", "potential", "new short-term memory",
                 "new long-term memory", "input"):
        assert term in texts
    assert not re.search(r"\d\.\d", texts)


@pytest.mark.parametrize("stage, bright", [("forget", "Forget gate"), ("long", "Input gate"), ("output", "Output gate")])
def test_a_stage_fades_everything_else(stage, bright):
    svg = lstm_unit_svg(lh.lstm_step(1, 2, 1), stage=stage)
    groups = re.findall(r"<g( opacity=\"[\d.]+\")?>(.*?)</g>", svg)
    assert len(groups) == 3
    lit = [body for faded, body in groups if not faded]
    assert len(lit) == 1 and bright in lit[0] and 'stroke-width="4"' in lit[0]
    assert all('opacity="0.22"' == faded.strip() for faded, _ in groups if faded)


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
    assert picture._repr_svg_().startswith("<svg") and str(picture) == picture.svg


def test_table_lists_every_number_to_three_decimals():
    step = lh.lstm_step(1, 2, 1)
    html = step_table_html(step)
    for name, value in step.as_dict().items():
        assert f">{LABELS[name]}</td>" in html and f">{value:.3f}</td>" in html


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
    assert explorer.weights_panel.selected_index is None, "the weights panel starts folded"
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
    explorer.reset.click()
    assert (explorer.long_memory.value, explorer.short_memory.value, explorer.input_value.value) == (2.0, 1.0, 1.0)
    assert explorer.stage.value == "output", "a reset keeps the chosen stage"
    assert explorer.params.forget.bias == -6.0
    explorer.reset_weights.click()
    assert explorer.params == lh.EXAMPLE_PARAMS
    assert "new long-term memory 2.95" in explorer.diagram.value


def test_every_explorer_slider_starts_on_a_multiple_of_its_step():
    """The browser snaps a slider to its step and sends the snapped value back."""
    from lstm_helpers.widgets import ActivationExplorer, GradientExplorer

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
