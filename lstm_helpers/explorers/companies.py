"""Notebook 04's explorer: the unit unrolled over Company A's, B's or your own four days."""

import re

import ipywidgets as w

from .._checks import one_of
from ..data import COMPANY_A, COMPANY_B
from ..lstm import EXAMPLE_PARAMS, check_params, unroll
from ..pictures.companies import DaysTable, unrolled_svg
from .base import Explorer, compact, control_layout, fitted, live_slider, row, slider_value


class UnrolledExplorer(Explorer):
    """The unit unrolled over four days (notebook 04): pick Company A, Company B or your own four values,
    and step through the days one at a time. Everything on screen (diagram, table, readout)
    shows only the days run so far."""

    COMPANIES = {"Company A": COMPANY_A, "Company B": COMPANY_B}
    CHOICES = (*COMPANIES, "your own")

    def __init__(self, company="Company A", params=EXAMPLE_PARAMS):
        company = one_of(company, "company", self.CHOICES)
        self.params = check_params(params)
        self.company = w.RadioButtons(options=self.CHOICES, value=company, description="Days from",
                                      layout=fitted())
        start = self.COMPANIES.get(company, COMPANY_A)
        self.days = [live_slider(f"day {k + 1}'s value", 0.0, 1.0, start[k]) for k in range(4)]
        self.shown = w.IntSlider(description="days run", min=0, max=4, value=4, style={"description_width": "initial"},
                                 layout=control_layout())
        # two buttons named in words step through the days (a Play widget's buttons are named by icon glyphs)
        self.previous_day = w.Button(description="Back one day", layout=fitted())
        self.next_day = w.Button(description="Run one more day", layout=fitted())
        self.previous_day.on_click(lambda button: self._step_days(-1))
        self.next_day.on_click(lambda button: self._step_days(+1))
        self.readout = w.HTML(layout=w.Layout(min_height="2.5em"))
        self.diagram = w.HTML(layout=w.Layout(width="100%"))
        self.table = w.HTML(layout=control_layout("1 1 20em"))
        for view in (self.readout, self.diagram, self.table):
            view.add_class("lstm-view")
        self._choosing = False
        self.company.observe(lambda change: self.choose(change["new"]), names="value")
        for slider in self.days:
            slider.observe(lambda change: self._own_values(), names="value")
        self.shown.observe(lambda change: self.update(), names="value")
        sliders = w.VBox([row(self.days[:2]), row(self.days[2:]), row([self.shown, self.previous_day, self.next_day])],
                         layout=control_layout("2 1 30em"))
        self.widget = w.VBox([self.company, row([sliders, self.table]), self.readout, self.diagram, self.make_status()])
        self.update()

    def _step_days(self, change):
        self.shown.value = min(max(self.shown.value + change, 0), 4)

    def values(self):
        return [slider_value(slider) for slider in self.days]

    def choose(self, company):
        """Put a company's four days on the sliders (your own keeps what is there)."""
        if company in self.COMPANIES:
            self._choosing = True
            try:
                for slider, value in zip(self.days, self.COMPANIES[company][:4]):
                    slider.value = value
            finally:
                self._choosing = False
        self.update()

    def _own_values(self):
        if self._choosing:
            return
        if self.company.value in self.COMPANIES and self.values() != list(self.COMPANIES[self.company.value][:4]):
            self._choosing = True  # moving a day makes the values your own
            self.company.value = "your own"
            self._choosing = False
        self.update()

    def update(self):
        run = unroll(self.values(), self.params)
        target = self.COMPANIES[self.company.value][4] if self.company.value in self.COMPANIES else None
        shown = self.shown.value
        if shown < 4:
            text = (f"<b>After day {shown}</b> the unit hands on long-term memory "
                    f"{run.long_memories[shown - 1]:.2f} and short-term memory {run.short_memories[shown - 1]:.2f}."
                    if shown else "<b>Before day 1</b> both memories start at 0.")
        else:
            text = f"<b>Prediction for day 5: {run.prediction:.2f}</b>"
            if target is not None:
                text += f" ({self.company.value}'s actual day 5: {target:.2f})"
        diagram = unrolled_svg(run, shown_days=shown, target=target)
        table = DaysTable(run, shown_days=shown)._repr_html_()
        self.diagram.value, self.table.value = diagram, compact(table)
        self.readout.value = compact(text + " The same 12 weights and biases are used on every day.")
        self.say(re.sub("<[^>]+>", "", text))
        return run
