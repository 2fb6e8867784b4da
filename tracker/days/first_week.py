"""The first days on home: one new thing at a time.

Right after a first check-in, home would otherwise show the PEG offer, the health questions,
habit strength, tips and the week at once, and today's summary and the next step would be lost
among them. Each part of home below the day's own card comes in once the person has logged
enough days for it; the asks come one at a time. Care lines and alerts are not home sections:
nothing here holds them back."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from tracker import plain
from tracker.days import peg
from tracker.days.checkins import CHECKED_IN, DayAnswers, has_checked_in
from tracker.models import CheckIn

# Days checked in (any day, not only in a row) before each part of home is shown.
HEALTH_PROFILE_FROM = 1  # the first ask: it lets the care rules read age and health facts
TIPS_FROM = 2
WEEK_FROM = 3  # the last 7 days, once they hold more than one or two
HABIT_STRENGTH_FROM = 4  # a percentage means little over fewer days
PEG_FROM = 7  # the weekly PEG after a week of logging
# From here on home is whole, and the days are no longer counted.
SETTLED_FROM = max(HEALTH_PROFILE_FROM, TIPS_FROM, WEEK_FROM, HABIT_STRENGTH_FROM, PEG_FROM)
# The days home reads, today first: a day more than SETTLED_FROM, so that before today's
# check-in the days before it can already hold SETTLED_FROM checked-in days.
DAYS_READ = SETTLED_FROM + 1


@dataclass(frozen=True)
class HomeParts:
    """What home shows beside today's card. `ask` is at most one question offered today:
    "health_profile", "peg" or None."""

    logged_days: int  # counted up to SETTLED_FROM
    ask: str | None
    tips: bool
    week: bool
    habit_strength: bool


def logged_days(user, *, recent: Iterable["CheckIn | DayAnswers | None"]) -> int:
    """The days the person has checked in on, counted up to SETTLED_FROM. `recent` are days
    home has read already (DAYS_READ of them): when they hold enough, no query is made, so a
    person who logs every day costs home nothing more, before the day's check-in too."""
    in_recent = sum(1 for checkin in recent if has_checked_in(checkin))
    if in_recent >= SETTLED_FROM:
        return SETTLED_FROM
    return plain.compiled_count(_checked_in_days, user.pk)


def _checked_in_days(user_id: int) -> QuerySet:
    """The person's first SETTLED_FROM checked-in days (a water tap alone is not one)."""
    return CheckIn.objects.filter(CHECKED_IN, user_id=user_id).values("pk")[:SETTLED_FROM]


def home_parts(
    *,
    logged_days: int,
    checked_in_today: bool,
    health_profile_open: bool,
    peg_last_date: dt.date | None,
    today: dt.date,
) -> HomeParts:
    """The asks wait until today's check-in is done, so neither stands before the day's own
    questions. The weekly PEG, once a week has been logged, goes before the health questions
    on the days it is due: it comes back a week later, they come back the next day."""
    ask = None
    if checked_in_today:
        if logged_days >= PEG_FROM and peg.due(peg_last_date, today=today):
            ask = "peg"
        elif logged_days >= HEALTH_PROFILE_FROM and health_profile_open:
            ask = "health_profile"
    return HomeParts(
        logged_days=logged_days,
        ask=ask,
        tips=logged_days >= TIPS_FROM,
        week=logged_days >= WEEK_FROM,
        habit_strength=logged_days >= HABIT_STRENGTH_FROM,
    )
