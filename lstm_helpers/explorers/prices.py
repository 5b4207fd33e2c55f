"""The progress bar of notebook 07's long cells (lh.evaluate and lh.walk_forward with LSTMs).

    bar = ProgressBar("4 years, 3 LSTMs a year", about="about 30 s")
    walk = lh.walk_forward(..., progress=bar)

The bar is the explorers' Progress (base.py): named by what it counts, with a live region that
says how far it got. It is shown when made and moves as each model is fitted. Its words never
depend on the clock, so a rebuilt notebook stores the same widget.
"""

from .._checks import describe, whole_number
from ..pictures.colours import BLUE
from .base import Progress


class ProgressBar:
    """Called as progress(done, total, text) by evaluate and walk_forward: done of total models
    fitted, and what is being fitted now. `about` says roughly how long the whole cell takes.
    The title names the bar; the words beside it (and said) are how far it got."""

    def __init__(self, title, about):
        if not isinstance(title, str) or not isinstance(about, str):
            raise TypeError(f"title and about must be strings, got {describe(title)} and {describe(about)}")
        from IPython.display import display

        self.title, self.about = title, about
        self.progress = Progress(1, f"{title}: models fitted", BLUE)
        self.progress.show(0, words=f"starting ({about} in all)")
        display(self.progress.widget)

    @property
    def widget(self):
        """The bar, its words and its live region, as shown."""
        return self.progress.widget

    def __call__(self, done, total, text):
        done, total = whole_number(done, "done", 0), whole_number(total, "total", 0)
        if not isinstance(text, str):
            raise TypeError(f"text must be a string saying what is being fitted, got {describe(text)}")
        finished, steps = done >= total, max(1, total)  # a bar of 0 steps would be drawn 0/0 wide
        state = f"done, {total} models fitted" if finished else f"{done} of {total} models fitted; {text}"
        self.progress.show(steps if finished else done, words=state, steps=steps)
