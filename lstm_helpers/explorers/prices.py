"""The progress bar of notebook 07's long cells (lh.evaluate and lh.walk_forward with LSTMs).

    bar = ProgressBar("walk-forward: 4 years, 3 LSTM sizes each", about="about 30 s")
    walk = lh.walk_forward(..., progress=bar)

The bar is shown when made and moves as each model is fitted. Its text never depends on the
clock, so a rebuilt notebook stores the same widget. It is not yet the explorers' Progress
(base.py): notebook 07's stored outputs hold this widget's tree, so making it a Progress waits
for a rebuild of notebook 07.
"""

import ipywidgets as w

from .._checks import describe


class ProgressBar:
    """Called as progress(done, total, text) by evaluate and walk_forward: done of total models
    fitted, and what is being fitted now. `about` says roughly how long the whole cell takes."""

    def __init__(self, title, about):
        if not isinstance(title, str) or not isinstance(about, str):
            raise TypeError(f"title and about must be strings, got {describe(title)} and {describe(about)}")
        from IPython.display import display

        self.title, self.about = title, about
        self.bar = w.IntProgress(min=0, max=1, value=0, description="", style={"bar_color": "#0072B2"},
                                 layout=w.Layout(width="320px"))
        self.label = w.HTML(f"<b>{title}</b> ({about}): starting")
        self.bar.add_class("lstm-view")
        display(w.HBox([self.bar, self.label]))

    def __call__(self, done, total, text):
        self.bar.max = max(1, total)
        self.bar.value = done
        state = f"done, {total} models fitted" if done >= total else f"{done} of {total} models fitted; {text}"
        self.label.value = f"<b>{self.title}</b> ({self.about}): {state}"
