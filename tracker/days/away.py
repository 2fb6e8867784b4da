"""Time away: "I'm away / taking a break". Every habit's score and streak freeze over a period
away (tracker.trends.habits), and no reminders are sent on its days (tracker.accounts.reminders)."""

import datetime as dt
from dataclasses import dataclass

from tracker.days import plain
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
        raise Refused(f"A break can be up to {MAX_AWAY_DAYS} days long.", field="end")
    if end >= today and open_period(user, today=today):
        raise Refused("You already have a break set. End or cancel it first.")
    if overlapping(user, start=start, end=end).exists():
        raise Refused("Those days overlap a break you already set.")
    return AwayPeriod.objects.create(user=user, start=start, end=end)


def has_begun(period: AwayPeriod, *, today: dt.date) -> bool:
    """Whether ending the break would keep any day of it: one that begins today or later is
    removed by end_break, so it is offered as cancelled, never as "I'm back"."""
    return period.start < today


@dataclass(frozen=True)
class BreakWords:
    lead: str  # "You're away" / "You'll be away", before "from <start> to <end>"
    button: str  # what ending it does, in the person's words


def break_words(period: AwayPeriod, *, today: dt.date) -> BreakWords:
    if has_begun(period, today=today):
        return BreakWords("You're away", "I'm back: end the break")
    if period.start == today:
        return BreakWords("You're away", "Cancel this break")
    return BreakWords("You'll be away", "Cancel this break")


def end_break(period: AwayPeriod, *, today: dt.date) -> AwayPeriod | None:
    """Back today: the break ends yesterday; one that had not begun is simply removed."""
    if period.start >= today:
        period.delete()
        return None
    period.end = min(period.end, today - dt.timedelta(days=1))
    period.save(update_fields=["end"])
    return period
