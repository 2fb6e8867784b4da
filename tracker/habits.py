"""Habit strength: consistency that forgives a lapse and rewards a return.

Loop Habit Tracker's score, for each of four habits, day by day from the first logged day:

    score = previous * m + value * (1 - m),   m = 0.5 ** (1 / 13)  (a half-life of 13 days)

`value` is 1 when the habit was done and 0 when not; water and exercise count the share of the
goal reached, up to 1. A day not logged counts 0 for every habit. A frozen day leaves a habit's
score where it was: every habit on a day away, the exercise habit on a rest day.

Pure functions over plain values: no database, no request."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

HALF_LIFE_DAYS = 13
M = 0.5 ** (1 / HALF_LIFE_DAYS)
GOOD_POSTURE_AT_LEAST = 4  # "mostly upright" or better, as the insights use
HABITS = ("checkin", "water", "exercise", "posture")
HABIT_LABELS = {
    "checkin": "Checking in",
    "water": "Water goal",
    "exercise": "Exercise goal",
    "posture": "Posture 4 or better",
}
# Before this many days the past weighs under 0.01% (m ** 180 ≈ 0.00007): a score that starts
# this far back, at 0, is the score from the very first day to the shown whole percent.
WARM_UP_DAYS = 180


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


def day_values(
    day: LoggedDay | None, *, goals: Goals, away: bool
) -> tuple[float | None, float | None, float | None, float | None]:
    """(checkin, water, exercise, posture) for one calendar day; None freezes that habit."""
    if away:
        return None, None, None, None
    if day is None:
        return 0.0, 0.0, 0.0, 0.0
    water = min(1.0, day.water_ml / goals.water_ml) if day.water_ml else 0.0
    if day.rest_day:
        exercise = None
    elif day.exercise_minutes:
        exercise = min(1.0, day.exercise_minutes / goals.exercise_minutes)
    else:
        exercise = 0.0
    posture = 1.0 if (day.posture or 0) >= GOOD_POSTURE_AT_LEAST else 0.0
    return 1.0, water, exercise, posture


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
) -> Strengths:
    """Scores for every calendar day from `start` to `end`. Scoring begins at the first logged
    day (everything before it is 0); `days` are the saved days from `start` on, any order."""
    by_date = {day.date: day for day in days if start <= day.date <= end}
    scores: dict[str, list[float]] = {habit: [] for habit in HABITS}
    if not by_date:
        span = (end - start).days + 1
        return Strengths(start, {habit: [0.0] * span for habit in HABITS})
    first_logged = min(by_date)
    lists = [scores[habit] for habit in HABITS]
    running = [0.0, 0.0, 0.0, 0.0]
    keep = 1 - M
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        day = dt.date.fromordinal(ordinal)
        if day >= first_logged:
            values = day_values(by_date.get(day), goals=goals, away=day in away)
            for index, value in enumerate(values):
                if value is not None:
                    running[index] = running[index] * M + value * keep
        for index, values_list in enumerate(lists):
            values_list.append(running[index])
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
