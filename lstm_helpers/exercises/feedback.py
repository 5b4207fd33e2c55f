"""What an exercise says back (notebook 00 introduces it): the placeholder ____, Feedback with
its colours, and the short learner-readable descriptions of any answer that messages use.

Messages are plain text in which `inline code` and fenced blocks (```) are code: monospace,
indentation kept, in HTML and in plain text alike.
"""

import numbers
import re
from dataclasses import dataclass
from html import escape

import numpy as np


class Placeholder:
    """The blank a learner replaces with an answer."""

    def __repr__(self):
        return "____"


____ = Placeholder()

# Okabe-Ito colours, always with a word, so colour is never the only signal.
STYLES = {
    "correct": ("Correct", "#007A5A"),
    "incorrect": ("Not yet", "#B34700"),
    "unattempted": ("Not attempted yet", "#595959"),
    "self-assessment": ("Self-assessment", "#1A6A99"),
    "hint": ("Hint", "#0072B2"),
    "solution": ("Solution", "#A2447F"),
}

FENCE = re.compile(r"```(?:python)?\n(.*?)\n?```", re.S)
_CODE_STYLE = "background:#f4f4f4;padding:6px 8px;margin:4px 0;white-space:pre;font-family:monospace"


def _inline_html(text):
    """Escaped text with `code` in <code> and line breaks kept."""
    body = escape(text).replace("\n", "<br>")
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", body)


def message_html(message):
    """A feedback message as HTML: fenced blocks become <pre> (indentation kept), `x` becomes <code>."""
    parts, last = [], 0
    for match in FENCE.finditer(message):
        parts.append(_inline_html(message[last:match.start()].strip("\n")))
        parts.append(f'<pre style="{_CODE_STYLE}"><code>{escape(match.group(1))}</code></pre>')
        last = match.end()
    parts.append(_inline_html(message[last:].strip("\n")))
    return "".join(p for p in parts if p)


def code_block(code):
    """`code` as a fenced block inside a message: shown as code, indentation kept."""
    return f"\n```python\n{code.strip(chr(10))}\n```\n"


@dataclass(frozen=True)
class Feedback:
    """What a check, hint or solution says: plain text in a stored output, coloured in JupyterLab."""

    kind: str
    message: str

    @property
    def correct(self):
        return self.kind == "correct"

    def __repr__(self):
        return f"{STYLES[self.kind][0]}: {self.message}"

    def _repr_html_(self):
        label, colour = STYLES[self.kind]
        return (
            f'<div style="border-left:6px solid {colour};padding:4px 10px;margin:2px 0">'
            f'<b style="color:{colour}">{label}:</b> {message_html(self.message)}</div>'
        )


def show(feedback):
    """Display `feedback` in a notebook, or print its text in plain Python."""
    try:  # imported here: IPython is only there when a notebook runs, and the package must load without it
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # plain Python: print the text
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(feedback)
    else:
        print(repr(feedback))


def is_placeholder(value):
    return value is ____ or value is Ellipsis


def as_float(answer):
    """A real number as a float; None for anything else (bools, text, arrays, overflowing ints)."""
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None
    try:
        return float(answer)
    except (OverflowError, ValueError, TypeError):
        return None


def looks_like_a_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def shown(value, limit=60):
    """A short, learner-readable description of any answer: numbers as numbers, long text cut."""
    number = as_float(value)
    if number is not None:
        return f"{number:.6g}"
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return "a number too large for a float"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if isinstance(value, (tuple, list)) and 0 < len(value) <= 6 and all(as_float(v) is not None for v in value):
        inner = ", ".join(f"{as_float(v):.6g}" for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    text = repr(value)
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)  # no memory addresses
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(value).__name__} {text}" if not isinstance(value, (str, tuple, list)) else text


def numbers_of(value):
    """One number or a tuple/list of numbers as a tuple of floats; None for anything else."""
    items = value if isinstance(value, (tuple, list)) else (value,)
    floats = tuple(as_float(v if not isinstance(v, np.ndarray) or v.ndim else v.item()) for v in items)
    return None if any(f is None for f in floats) else floats


def cut(error, limit=80):
    """An error's text, cut to `limit` characters for a message."""
    text = str(error)
    return text if len(text) <= limit else text[: limit - 3] + "..."
