"""Habit strength: consistency that forgives a lapse and rewards a return.

Loop Habit Tracker's score, for each of four habits, day by day from the first logged day:

    score = previous * m + value * (1 - m),   m = 0.5 ** (1 / 13)  (a half-life of 13 days)

`value` is 1 when the habit was done and 0 when not; water and exercise count the share of the
goal reached, up to 1 (1,500 ml of a 2,000 ml goal is 0.75). Posture is done at 4 or better. A
day not logged counts 0 for every habit. A frozen day leaves a habit's score where it was: every
habit on a day away, the exercise habit on a rest day.

Pure functions over plain values: no database, no request."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tracker.days.measures import GOOD_POSTURE_AT_LEAST

HALF_LIFE_DAYS = 13
M = 0.5 ** (1 / HALF_LIFE_DAYS)
HABITS = ("checkin", "water", "exercise", "posture")
HABIT_LABELS = {
    "checkin": _("Checking in"),
    "water": _("Water goal"),
    "exercise": _("Exercise goal"),
    "posture": format_lazy(_("Posture {score} or better"), score=GOOD_POSTURE_AT_LEAST),
}
# Before this many days the past weighs under 0.01% (m ** 180 ≈ 0.00007): a score that starts
# this far back, at 0, is the score from the very first day to the shown whole percent.
WARM_UP_DAYS = 180
# A chart's first point needs less: 100 days back the past weighs under 0.5% (m ** 100 ≈ 0.005),
# under a pixel on a chart of 0 to 100.
CHART_WARM_UP_DAYS = 100


@dataclass(frozen=True)
class LoggedDay:
    """What a saved day says about the habits; None where it did not log a measure."""

    date: dt.date
    water_ml: int | None
    exercise_minutes: int | None
    posture: int | None
    rest_day: bool = False


@dataclass(frozen=True)
class Goals:
    water_ml: int
    exercise_minutes: int


@dataclass(frozen=True)
class Strengths:
    """Each habit's score on each day from `first` to the last day, oldest first."""

    first: dt.date
    scores: dict[str, list[float]]

    def on(self, habit: str, day: dt.date) -> float:
        index = (day - self.first).days
        values = self.scores[habit]
        if index < 0 or not values:
            return 0.0
        return values[min(index, len(values) - 1)]

    def latest(self, habit: str) -> float:
        values = self.scores[habit]
        return values[-1] if values else 0.0

    def percent(self, habit: str) -> int:
        return round(100 * self.latest(habit))


def strengths(
    days: Iterable[LoggedDay],
    *,
    goals: Goals,
    away: frozenset[dt.date],
    start: dt.date,
    end: dt.date,
    carry: Sequence[float] | None = None,
) -> Strengths:
    """Scores for every calendar day from `start` to `end`. Scoring begins at the first logged
    day (everything before it is 0). `days` are the saved days from `start` on, in any order:
    anything with LoggedDay's attributes (the trends page passes its rows as they are).
    `carry` continues the scores of the days before `start` (each habit's, in HABITS' order),
    worked out before (tracker.trends.earlier): scoring has begun, so `start` counts."""
    origin, span = start.toordinal(), (end - start).days + 1
    slots: list = [None] * span
    for day in days:
        index = day.date.toordinal() - origin
        if 0 <= index < span:
            slots[index] = day
    logged = [index for index, day in enumerate(slots) if day is not None]
    if carry is not None:
        first = 0
    elif not logged:
        return Strengths(start, {habit: [0.0] * span for habit in HABITS})
    else:
        first = logged[0]
    away_indexes = {day.toordinal() - origin for day in away}
    days_from_first = slots[first:]
    frozen = (
        [index in away_indexes for index in range(first, span)]
        if away_indexes
        else [False] * len(days_from_first)
    )
    water_goal, exercise_goal = goals.water_ml, goals.exercise_minutes
    # Each habit's value per day (None where frozen: away, or a rest day for exercise), then
    # one tight pass per habit. Built column by column: a year is a few thousand values a page.
    columns = [
        [None if off else 0.0 if day is None else 1.0
         for day, off in zip(days_from_first, frozen, strict=True)],
        [None if off else min(1.0, day.water_ml / water_goal) if day and day.water_ml else 0.0
         for day, off in zip(days_from_first, frozen, strict=True)],
        [None if off or (day and day.rest_day)
         else min(1.0, day.exercise_minutes / exercise_goal)
         if day and day.exercise_minutes else 0.0
         for day, off in zip(days_from_first, frozen, strict=True)],
        [None if off else 1.0 if day and (day.posture or 0) >= GOOD_POSTURE_AT_LEAST else 0.0
         for day, off in zip(days_from_first, frozen, strict=True)],
    ]  # fmt: skip
    keep = 1 - M
    scores = {}
    for place, (habit, column) in enumerate(zip(HABITS, columns, strict=True)):
        running, out = (0.0 if carry is None else carry[place]), [0.0] * first
        for value in column:
            if value is not None:
                running = running * M + value * keep
            out.append(running)
        scores[habit] = out
    return Strengths(start, scores)


def away_dates(periods: Iterable[tuple[dt.date, dt.date]], *, start: dt.date, end: dt.date):
    """Every date from `start` to `end` inside one of the (first, last) periods."""
    found: set[dt.date] = set()
    for first, last in periods:
        day = max(first, start)
        while day <= min(last, end):
            found.add(day)
            day += dt.timedelta(days=1)
    return frozenset(found)


def recent_share(
    done: Sequence[dt.date], *, frozen: frozenset[dt.date], today: dt.date, window: int = 7
) -> tuple[int, int]:
    """(days done, days that counted) over the last `window` days: "5 of the last 7 days".
    Frozen days (away, or a rest day for exercise) count neither way."""
    first = today - dt.timedelta(days=window - 1)
    counted = [first + dt.timedelta(days=n) for n in range(window)]
    counted = [day for day in counted if day not in frozen]
    done_set = set(done)
    return sum(1 for day in counted if day in done_set), len(counted)
