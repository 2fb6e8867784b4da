"""The history page's form: setting time away."""

import datetime as dt

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.dates import EARLIEST_CHECKIN_DATE


class AwayForm(forms.Form):
    """ "I'm away / taking a break": the dates only. Its limits (length, one break not yet
    ended, no overlap) are tracker.days.away.take_break's, so every caller meets them."""

    start = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-12-24.")},
    )
    end = forms.DateField(
        label=_("Until (the last day away)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date such as 2026-12-31.")},
    )

    # Defined alike on every form (fieldsets.kept_field_group_html).
    drawn_alike = frozenset({"start", "end"})

    def __init__(self, *args, today: dt.date, **kwargs):
        kwargs.setdefault("initial", {"start": today, "end": today + dt.timedelta(days=6)})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if start < EARLIEST_CHECKIN_DATE:
            self.add_error(
                "start",
                gettext("Choose a date from %(year)s on.") % {"year": EARLIEST_CHECKIN_DATE.year},
            )
        elif end < start:
            self.add_error("end", gettext("The last day away can't be before the first."))
        return cleaned
