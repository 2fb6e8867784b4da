"""The history page's form: setting time away."""

import datetime as dt

from django import forms

from tracker.dates import EARLIEST_CHECKIN_DATE
from tracker.days import away


class AwayForm(forms.Form):
    """ "I'm away / taking a break": up to MAX_AWAY_DAYS days, and at most one break that has
    not ended yet."""

    start = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date such as 2026-12-24."},
    )
    end = forms.DateField(
        label="Until (the last day away)",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date such as 2026-12-31."},
    )

    def __init__(self, *args, user, today: dt.date, **kwargs):
        self.user, self.today = user, today
        kwargs.setdefault("initial", {"start": today, "end": today + dt.timedelta(days=6)})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if start < EARLIEST_CHECKIN_DATE:
            self.add_error("start", "Choose a date from 2000 on.")
        elif end < start:
            self.add_error("end", "The last day away can't be before the first.")
        elif (end - start).days + 1 > away.MAX_AWAY_DAYS:
            self.add_error("end", f"A break can be up to {away.MAX_AWAY_DAYS} days long.")
        elif end >= self.today and away.open_period(self.user, today=self.today):
            self.add_error(None, "You already have a break set. End or cancel it first.")
        elif away.overlapping(self.user, start=start, end=end).exists():
            self.add_error(None, "Those days overlap a break you already set.")
        return cleaned
