"""Time away: "I'm away / taking a break". Every habit's score and streak freeze over a period
away (tracker.trends.habits), and no reminders are sent on its days (tracker.accounts.reminders)."""

import datetime as dt

from django.db.models import Q

from tracker.models import AwayPeriod

MAX_AWAY_DAYS = 60


def open_period(user, *, today: dt.date) -> AwayPeriod | None:
    """The break that has not ended yet (now or planned): a person has at most one."""
    return AwayPeriod.objects.filter(user=user, end__gte=today).order_by("start").first()


def overlapping(user, *, start: dt.date, end: dt.date, exclude: int | None = None):
    periods = AwayPeriod.objects.filter(user=user, start__lte=end, end__gte=start)
    return periods.exclude(pk=exclude) if exclude else periods


def is_away(user, day: dt.date) -> bool:
    return AwayPeriod.objects.filter(user=user, start__lte=day, end__gte=day).exists()


def away_on(day: dt.date) -> Q:
    """People away on `day`, for querying users (reminders)."""
    return Q(away_periods__start__lte=day, away_periods__end__gte=day)


def take_break(user, *, start: dt.date, end: dt.date) -> AwayPeriod:
    return AwayPeriod.objects.create(user=user, start=start, end=end)


def end_break(period: AwayPeriod, *, today: dt.date) -> AwayPeriod | None:
    """Back today: the break ends yesterday; one that had not begun is simply removed."""
    if period.start >= today:
        period.delete()
        return None
    period.end = min(period.end, today - dt.timedelta(days=1))
    period.save(update_fields=["end"])
    return period
