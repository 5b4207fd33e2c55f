"""Notebook 03's long answers, apart from its questions: the worked code of q2 and q3, and the
wrong units learners write, each with why (the references the checks compare against)."""

from ..activations import sigmoid, tanh
from ..lstm import lstm_step
from .feedback import code_block


def lstm_step_memories(input_value, long_memory, short_memory):
    """The reference for q3: (new long-term memory, new short-term memory)."""
    step = lstm_step(input_value, long_memory, short_memory)
    return step.long_memory, step.short_memory


def forget_stage_mistakes(forget):
    """q2's likely wrong forget stages for the forget gate's numbers `forget`, each with why."""
    return [
        (lambda x, long, short: long * sigmoid(forget.w_short * long + forget.w_input * x + forget.bias),
         "the forget gate's sum uses the short-term memory, not the long-term memory."),
        (lambda x, long, short: long * sigmoid(forget.w_short * short + forget.w_input * x),
         f"every block adds its bias: here + {forget.bias:.2f}."),
        (lambda x, long, short: sigmoid(forget.weighted_sum(short, x)),
         "that is the forget gate itself; multiply the long-term memory by it."),
        (lambda x, long, short: long * sigmoid(forget.w_short * x + forget.w_input * short + forget.bias),
         "the weights are swapped: w_short multiplies the short-term memory, w_input the input."),
        (lambda x, long, short: long * tanh(forget.weighted_sum(short, x)),
         "a gate is a fraction between 0 and 1: use sigmoid, not tanh."),
    ]


STEP_MISTAKES = [
    (lambda x, long, short: lstm_step_memories(x, long, short)[::-1],
     "the two are swapped: return the long-term memory first, then the short-term memory."),
    (lambda x, long, short: (lambda s: (s.added_long_memory,
                                        s.output_gate * tanh(s.added_long_memory)))(lstm_step(x, long, short)),
     "the new long-term memory is what the forget gate kept PLUS what the input gate adds."),
    (lambda x, long, short: (lambda s: (s.long_memory, s.output_gate * s.candidate))(lstm_step(x, long, short)),
     "the potential short-term memory is tanh of the NEW long-term memory, not the potential "
     "long-term memory."),
    (lambda x, long, short: (lambda s: (s.long_memory, s.output_gate * s.long_memory))(lstm_step(x, long, short)),
     "put the new long-term memory through tanh before the output gate scales it."),
]

FORGET_STAGE_SOLUTION = code_block(
    "f = lh.EXAMPLE_PARAMS.forget\n\n"
    "def forget_stage(input_value, long_memory, short_memory):\n"
    "    forget_gate = lh.sigmoid(f.w_short * short_memory + f.w_input * input_value + f.bias)\n"
    "    return long_memory * forget_gate"
) + "The gate looks at the short-term memory and the input; only the result touches the long-term memory."

LSTM_STEP_SOLUTION = code_block(
    "p = lh.EXAMPLE_PARAMS\n\n"
    "def my_lstm_step(input_value, long_memory, short_memory):\n"
    "    def weighted(g):\n"
    "        return g.w_short * short_memory + g.w_input * input_value + g.bias\n"
    "    forget_gate = lh.sigmoid(weighted(p.forget))\n"
    "    input_gate = lh.sigmoid(weighted(p.input))\n"
    "    potential_long = lh.tanh(weighted(p.candidate))\n"
    "    output_gate = lh.sigmoid(weighted(p.output))\n"
    "    new_long = forget_gate * long_memory + input_gate * potential_long\n"
    "    new_short = output_gate * lh.tanh(new_long)\n"
    "    return new_long, new_short"
) + ("Ten lines are the whole unit. `p.candidate` is the potential long-term memory: "
     "\"candidate\" is the name other texts and libraries use.")
