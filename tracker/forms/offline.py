"""A day saved on a phone without a connection and sent later."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.dates import EARLIEST_CHECKIN_DATE

OFFLINE_CLOCK_GRACE = dt.timedelta(minutes=10)


class OfflineDayForm(forms.Form):
    """What a phone sends with a day it saved without a connection (tracker.days.offline): the id it
    gave the day, the day, and when it was saved there."""

    day_id = forms.UUIDField(error_messages={"invalid": _("The day's id is not a valid UUID.")})
    date = forms.DateField(error_messages={"invalid": _("Enter a date as YYYY-MM-DD.")})
    saved_at = forms.DateTimeField(
        error_messages={"invalid": _("Enter when it was saved as an ISO date and time.")}
    )
    # Who was signed in when the day was saved on the phone: sent only by that person.
    account = forms.IntegerField(error_messages={"invalid": _("The account is a whole number.")})

    def __init__(self, *args, today: dt.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_day_id(self):
        """Never the nil UUID: a phone whose id generator failed sends it for every day, and the
        first of them, whoever sent it, would make all the others read as already received."""
        day_id = self.cleaned_data["day_id"]
        if day_id.int == 0:
            raise forms.ValidationError(
                _(
                    "The day's id is the nil UUID (all zeros): this phone did not give the day "
                    "an id."
                )
            )
        return day_id

    def clean_saved_at(self):
        """Not before the day could be logged nor after now (a few minutes' grace for a phone's
        clock): a time in the future would win every later conflict."""
        saved_at = self.cleaned_data["saved_at"]
        now = timezone.now()
        earliest = dt.datetime.combine(EARLIEST_CHECKIN_DATE, dt.time(), tzinfo=dt.UTC)
        if not earliest <= saved_at <= now + OFFLINE_CLOCK_GRACE:
            raise forms.ValidationError(_("That time is outside the days you can log."))
        return min(saved_at, now)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day < EARLIEST_CHECKIN_DATE or day > self.today:
            raise forms.ValidationError(_("That day is outside the days you can log."))
        return day
