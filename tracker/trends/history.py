"""A person's days as a month calendar (/history/): one query a month, whatever the history."""

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.dates import EARLIEST_CHECKIN_DATE, day_name
from tracker.days import checkins
from tracker.models import AwayPeriod, CheckIn
from tracker.trends import habits
from tracker.trends.charts import heatmap_level

STATE_WORDS = {
    "full": _("full day"),
    "partial": _("partly logged"),
    "missing": _("not logged"),
    "future": _("still to come"),
}


@dataclass(frozen=True)
class CalendarDay:
    date: dt.date
    state: str  # "full", "partial", "missing" or "future"
    discomfort: int | None
    rest_day: bool = False
    away: bool = False

    @property
    def level(self) -> str:
        """The discomfort colour band, shared with the trends heatmap."""
        return heatmap_level(self.discomfort)

    @property
    def description(self) -> str:
        # A list of what the day was, after its name: each item its own translation.
        details = [str(STATE_WORDS[self.state])]
        if self.discomfort is not None:
            details.append(gettext("discomfort %(value)s") % {"value": self.discomfort})
        if self.rest_day:
            details.append(gettext("rest day"))
        if self.away:
            details.append(gettext("away"))
        return gettext("%(day)s: %(details)s") % {
            "day": day_name(self.date),
            "details": ", ".join(details),
        }


@dataclass(frozen=True)
class Month:
    first: dt.date
    weeks: list[list[CalendarDay | None]]  # Monday first; None outside the month
    previous: dt.date | None  # the first of the month before, if it can hold days
    next: dt.date | None  # the first of the month after, unless it is still to come
    counts: dict[str, int]  # days per state, future days left out


def first_of_month(value: str | None, *, today: dt.date) -> dt.date:
    """ "2026-11" as the first of that month; anything else, or a month out of reach, is the
    current month."""
    this_month = today.replace(day=1)
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        first = dt.date(year, month, 1)
    except ValueError:
        return this_month
    if first > this_month or first < EARLIEST_CHECKIN_DATE.replace(day=1):
        return this_month
    return first


def _shift(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_calendar(user, *, first: dt.date, today: dt.date) -> Month:
    last = _shift(first, 1) - dt.timedelta(days=1)
    by_date = {
        checkin.date: checkin
        for checkin in CheckIn.objects.filter(user=user, date__range=(first, last)).only(
            "date", *checkins.FULL_DAY_MEASURES, "stress", "rest_day"
        )
    }
    away_days = habits.away_dates(
        AwayPeriod.objects.filter(user=user, start__lte=last, end__gte=first).values_list(
            "start", "end"
        ),
        start=first,
        end=last,
    )
    weeks = []
    counts = dict.fromkeys(("full", "partial", "missing"), 0)
    for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first.year, first.month
    ):
        row: list[CalendarDay | None] = []
        for day in week:
            if day.month != first.month:
                row.append(None)
                continue
            checkin = by_date.get(day)
            state = "future" if day > today else checkins.day_state(checkin)
            if state != "future":
                counts[state] += 1
            row.append(
                CalendarDay(
                    day,
                    state,
                    checkin.discomfort if checkin else None,
                    rest_day=bool(checkin and checkin.rest_day),
                    away=day in away_days,
                )
            )
        weeks.append(row)
    previous = _shift(first, -1)
    following = _shift(first, 1)
    return Month(
        first=first,
        weeks=weeks,
        previous=previous if previous >= EARLIEST_CHECKIN_DATE.replace(day=1) else None,
        next=following if following <= today else None,
        counts=counts,
    )
