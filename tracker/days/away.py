"""Time away: "I'm away / taking a break". Every habit's score and streak freeze over a period
away (tracker.trends.habits), and no reminders are sent on its days (tracker.accounts.reminders)."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext, pgettext

from tracker import plain
from tracker.dates import day_name
from tracker.models import AwayPeriod

MAX_AWAY_DAYS = 60


def open_period(user, *, today: dt.date) -> AwayPeriod | None:
    """The break that has not ended yet (now or planned): a person has at most one.

    A plain read, the row the ORM's `filter(user=user, end__gte=today).order_by("start")
    .first()` gives: the settings and history pages ask it on every view, and building that
    query cost more than the database took to answer it."""
    found = plain.read(
        AwayPeriod, 'user_id = %s AND "end" >= %s ORDER BY "start" LIMIT 1', [user.pk, today]
    )
    return found[0] if found else None


def overlapping(user, *, start: dt.date, end: dt.date, exclude: int | None = None):
    periods = AwayPeriod.objects.filter(user=user, start__lte=end, end__gte=start)
    return periods.exclude(pk=exclude) if exclude else periods


class Refused(Exception):
    """A break the limits do not allow; `field` is the answer it is about (None: the whole)."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def take_break(user, *, start: dt.date, end: dt.date, today: dt.date) -> AwayPeriod:
    """Refused when longer than MAX_AWAY_DAYS, when a break not yet ended is already set (a
    person has at most one), or when it overlaps an earlier one."""
    if (end - start).days + 1 > MAX_AWAY_DAYS:
        raise Refused(
            ngettext(
                "A break can be up to %(days)d day long.",
                "A break can be up to %(days)d days long.",
                MAX_AWAY_DAYS,
            )
            % {"days": MAX_AWAY_DAYS},
            field="end",
        )
    if end >= today and open_period(user, today=today):
        raise Refused(gettext("You already have a break set. End or cancel it first."))
    if overlapping(user, start=start, end=end).exists():
        raise Refused(gettext("Those days overlap a break you already set."))
    return AwayPeriod.objects.create(user=user, start=start, end=end)


def has_begun(period: AwayPeriod, *, today: dt.date) -> bool:
    """Whether ending the break would keep any day of it: one that begins today or later is
    removed by end_break, so it is offered as cancelled, never as "I'm back"."""
    return period.start < today


@dataclass(frozen=True)
class BreakWords:
    sentence: str  # "You're away from <start> to <end>." as a whole sentence, with its dates
    button: str  # what ending it does, in the person's words


def break_words(period: AwayPeriod, *, today: dt.date) -> BreakWords:
    dates = {"start": day_name(period.start), "end": day_name(period.end)}
    if has_begun(period, today=today) or period.start == today:
        sentence = gettext("You're away from %(start)s to %(end)s.") % dates
    else:
        sentence = gettext("You'll be away from %(start)s to %(end)s.") % dates
    if has_begun(period, today=today):
        return BreakWords(sentence, gettext("I'm back: end the break"))
    return BreakWords(sentence, pgettext("a break", "Cancel this break"))


def end_break(period: AwayPeriod, *, today: dt.date) -> AwayPeriod | None:
    """Back today: the break ends yesterday; one that had not begun is simply removed."""
    if period.start >= today:
        period.delete()
        return None
    period.end = min(period.end, today - dt.timedelta(days=1))
    period.save(update_fields=["end"])
    return period
