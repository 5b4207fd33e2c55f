import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

import lstm_helpers as lh

A, B = lh.COMPANY_A, lh.COMPANY_B


def test_example_params_are_the_source_numbers():
    p = lh.EXAMPLE_PARAMS
    assert p.forget == lh.Gate(2.70, 1.63, 1.62)
    assert p.input == lh.Gate(2.00, 1.65, 0.62)
    assert p.candidate == lh.Gate(1.41, 0.94, -0.32)
    assert p.output == lh.Gate(4.38, -0.19, 0.59)


def test_one_step_reproduces_the_source():
    s = lh.lstm_step(input_value=1, long_memory=2, short_memory=1)
    assert round(s.forget_sum, 2) == 5.95
    assert round(s.forget_gate, 3) == 0.997
    assert round(s.scaled_long_memory, 2) == 1.99
    assert round(s.input_gate, 2) == 0.99
    assert round(s.candidate_sum, 2) == 2.03
    assert round(s.candidate, 2) == 0.97
    assert round(s.added_long_memory, 2) == 0.95
    assert round(s.long_memory, 2) == 2.95
    assert round(s.output_gate, 2) == 0.99
    assert round(s.potential_short_memory, 2) == 0.99
    assert round(s.short_memory, 2) == 0.99


def test_step_fields_are_named_in_order_and_plain_floats():
    s = lh.lstm_step(1, 2, 1)
    names = list(s.as_dict())
    assert names[:3] == ["input_value", "previous_long_memory", "previous_short_memory"]
    assert names[-1] == "short_memory"
    assert all(type(v) is float for v in s.as_dict().values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.short_memory = 0


def test_company_a_and_b_reproduce_the_source():
    a = lh.unroll(A[:4])
    assert round(a.long_memories[0], 2) == -0.20
    assert round(a.short_memories[0], 2) == -0.13
    assert round(a.prediction, 1) == 0.0
    b = lh.unroll(B[:4])
    assert round(b.prediction, 2) == 0.97
    assert round(b.prediction, 1) == 1.0
    assert len(a.steps) == 4 and type(a.prediction) is float


def test_batch_of_companies_matches_one_at_a_time():
    both = lh.unroll(np.array([A[:4], B[:4]]).T)
    np.testing.assert_allclose(both.prediction, [lh.unroll(A[:4]).prediction, lh.unroll(B[:4]).prediction])
    assert both.long_memories.shape == (4, 2)


def test_unroll_passes_memories_on_with_the_same_params():
    run = lh.unroll([0.3, 0.6], long_memory=0.5, short_memory=-0.2)
    first = lh.lstm_step(0.3, 0.5, -0.2)
    second = lh.lstm_step(0.6, first.long_memory, first.short_memory)
    assert run.steps[0] == first and run.steps[1] == second


def test_long_memory_path_has_no_weight():
    # With the forget gate fully open and nothing added, the long-term memory passes unchanged.
    open_forget = lh.LSTMParams(lh.Gate(0, 0, 50), lh.Gate(0, 0, -50), lh.Gate(0, 0, 0), lh.Gate(0, 0, 0))
    run = lh.unroll([0.0] * 200, params=open_forget, long_memory=1.7)
    assert run.long_memories[-1] == pytest.approx(1.7, rel=1e-9)


memory = st.floats(-10, 10)


@given(memory, memory, memory)
def test_step_invariants(x, long, short):
    s = lh.lstm_step(x, long, short)
    for gate in (s.forget_gate, s.input_gate, s.output_gate):
        assert 0 <= gate <= 1
    assert -1 <= s.candidate <= 1 and -1 <= s.short_memory <= 1
    assert s.long_memory == pytest.approx(s.scaled_long_memory + s.added_long_memory)
    assert abs(s.long_memory) <= abs(long) + 1 + 1e-12  # forget only shrinks; input adds at most 1


@settings(deadline=None)  # up to 64 single steps, each a numpy day: slow on a busy machine
@given(arrays(float, array_shapes(max_dims=3, max_side=4), elements=st.floats(-5, 5)))
def test_arrays_broadcast_elementwise(x):
    s = lh.lstm_step(x, 0.5, x)
    assert np.shape(s.short_memory) == x.shape
    flat = np.ravel(x)
    expected = [lh.lstm_step(v, 0.5, v).short_memory for v in flat]
    np.testing.assert_array_equal(np.ravel(s.short_memory), expected)  # the same arithmetic, bit for bit


@given(st.lists(st.floats(-3, 3), min_size=1, max_size=12))
def test_unroll_shapes(values):
    run = lh.unroll(values)
    assert run.long_memories.shape == run.short_memories.shape == (len(values),)
    assert run.prediction == run.steps[-1].short_memory


def test_params_round_trip_through_a_list():
    numbers = lh.EXAMPLE_PARAMS.to_list()
    assert numbers[:3] == [2.70, 1.63, 1.62] and len(numbers) == 12
    assert lh.LSTMParams.from_list(numbers) == lh.EXAMPLE_PARAMS


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: lh.lstm_step("1", 2, 1), TypeError, "input_value must be a real number"),
        (lambda: lh.lstm_step(1, None, 1), TypeError, "long_memory must be a real number"),
        (lambda: lh.lstm_step(1, 2, float("nan")), ValueError, "short_memory must be a finite number"),
        (lambda: lh.lstm_step(float("inf"), 2, 1), ValueError, "input_value must be a finite number"),
        (lambda: lh.lstm_step([1, 2, 3], [1, 2], 0), ValueError, r"must have shapes that broadcast.*\(3,\).*\(2,\)"),
        (lambda: lh.lstm_step(1, 2, 1, params={"forget": 1}), TypeError, "no Gate for forget, input, candidate, output"),
        (lambda: lh.lstm_step(1, 2, 1, params=None), TypeError, "params must be an LSTMParams"),
        (lambda: lh.LSTMParams(lh.Gate(1, 1, 1), lh.Gate(1, 1, 1), lh.Gate(1, 1, 1), None), TypeError, "LSTMParams.output must be a Gate"),
        (lambda: lh.Gate("a", 1, 1), TypeError, "Gate.w_short must be a real number"),
        (lambda: lh.Gate(1, 1, float("nan")), ValueError, "Gate.bias must be a finite number"),
        (lambda: lh.LSTMParams.from_list([1] * 11), ValueError, "12 values"),
        (lambda: lh.unroll([]), ValueError, "at least one day"),
        (lambda: lh.unroll(np.zeros((2, 2, 2))), ValueError, r"got shape \(2, 2, 2\)"),
        (lambda: lh.unroll("0, 0.5"), TypeError, "values must be a real number"),
        (lambda: lh.unroll([[0, 1]] * 4, long_memory=[0, 0, 0]), ValueError, "broadcast"),
        (lambda: lh.unroll([0, 1], params=lh.EXAMPLE_PARAMS.forget), TypeError, "got Gate"),
    ],
)
def test_bad_input_gets_a_clear_message(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_duck_typed_params_object_with_a_missing_gate():
    class Partial:
        forget = input = candidate = lh.Gate(1, 1, 1)

    with pytest.raises(TypeError, match="no Gate for output$"):
        lh.lstm_step(1, 2, 1, params=Partial())
