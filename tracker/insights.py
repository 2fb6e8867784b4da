"""Numbers behind the trends page: daily series, rolling averages, streaks, weekly summaries and
goal/discomfort associations. Pure functions over rows the views load in one query per range."""

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from tracker.habits import recent_share

RANGE_CHOICES = {"7": 7, "30": 30, "90": 90, "365": 365, "all": None}
DEFAULT_RANGE = "30"
ROLLING_DAYS = 7
INSIGHT_MIN_DAYS = 10  # days needed on each side before comparing them
# Posture and stress have no personal goal; a "good day" for them uses these fixed lines.
GOOD_POSTURE_AT_LEAST = 4  # "mostly upright" or better
GOOD_STRESS_AT_MOST = 4


class DayRow(NamedTuple):
    """A saved day's measures, None where not logged. A named tuple: a page builds hundreds."""

    date: dt.date
    posture: int | None
    exercise_minutes: int | None
    water_ml: int | None
    stress: int | None
    discomfort: int | None
    rest_day: bool = False  # the exercise habit is frozen for the day


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str
    low: float
    high: float | None  # None: scale to the data
    per_unit: float = 1  # stored units in one shown unit: ml in a US fl oz for water in ounces

    @property
    def heading(self) -> str:
        """A column heading: amounts carry their unit ("Water (fl oz)"), scores do not."""
        return self.label if self.unit.startswith("/") else f"{self.label} ({self.unit})"


MEASURES: tuple[Measure, ...] = (
    Measure("discomfort", "Discomfort", "/10", 0, 10),
    Measure("posture", "Posture", "/5", 1, 5),
    Measure("exercise_minutes", "Exercise", "min", 0, None),
    Measure("water_ml", "Water", "ml", 0, None),
    Measure("stress", "Stress", "/10", 0, 10),
)
MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}


def parse_range(value: str | None) -> str:
    return value if value in RANGE_CHOICES else DEFAULT_RANGE


def range_start(range_key: str, *, today: dt.date, first_logged: dt.date | None) -> dt.date:
    days = RANGE_CHOICES[range_key]
    if days is None:
        return min(first_logged or today, today)
    return today - dt.timedelta(days=days - 1)


@dataclass(frozen=True)
class Series:
    """One measure over consecutive days (or weeks): parallel lists, so a chart walks plain
    values rather than building a point object per day."""

    days: list[dt.date]
    values: list[float | None]  # None: not logged that day (a gap, never a zero)
    rolling: list[float | None]  # mean of the logged days in the 7 days ending on each day

    def __len__(self) -> int:
        return len(self.days)

    @property
    def logged(self) -> list[float]:
        return [value for value in self.values if value is not None]


def in_shown_units(series: Series, measure: Measure) -> Series:
    """The series as the person reads it (water in fl oz for those who chose ounces)."""
    if measure.per_unit == 1:
        return series
    per_unit = measure.per_unit
    return Series(
        series.days,
        [None if value is None else value / per_unit for value in series.values],
        [None if value is None else value / per_unit for value in series.rolling],
    )


def measure_series(
    rows: Iterable[DayRow], keys: Iterable[str], *, start: dt.date, end: dt.date
) -> dict[str, Series]:
    """Each measure in `keys` for every calendar day from start to end. `rows` may begin before
    `start` so the rolling average is right at the left edge. The calendar is laid out once and
    shared by every measure."""
    first = start - dt.timedelta(days=ROLLING_DAYS - 1)
    span = (end - first).days + 1
    origin = first.toordinal()
    slots: list[DayRow | None] = [None] * span
    for row in rows:
        index = row.date.toordinal() - origin
        if 0 <= index < span:
            slots[index] = row
    days = list(map(dt.date.fromordinal, range(origin + ROLLING_DAYS - 1, origin + span)))
    series = {}
    for key in keys:
        field = DayRow._fields.index(key)
        daily = [None if row is None else row[field] for row in slots]
        series[key] = Series(days, daily[ROLLING_DAYS - 1 :], _rolling_means(daily))
    return series


def _rolling_means(daily: Sequence[float | None]) -> list[float | None]:
    """Mean of the logged values in each 7-day window ending on each day from the 7th on,
    from running sums (a year of five measures is ~1,800 windows per page)."""
    sums = [0, *accumulate(0 if value is None else value for value in daily)]
    counts = [0, *accumulate(value is not None for value in daily)]
    return [
        (sums[end] - sums[end - ROLLING_DAYS]) / logged
        if (logged := counts[end] - counts[end - ROLLING_DAYS])
        else None
        for end in range(ROLLING_DAYS, len(daily) + 1)
    ]


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- streaks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    kind: str
    label: str
    current: int
    longest: int
    recent_done: int = 0  # "5 of the last 7 days": days done ...
    recent_counted: int = 0  # ... of the days that counted (away and rest days do not)
    unbroken: bool = False  # the current run goes back to the first day given: it may go further


def runs(dates: Sequence[dt.date], *, frozen: Sequence[dt.date] = ()) -> list[tuple[dt.date, int]]:
    """Runs of consecutive dates as (last date, length), oldest first. Dates must be sorted.
    A frozen date (away, or a rest day for exercise) is skipped: it neither breaks a run nor
    extends it."""
    if not dates:
        return []
    skipped = sorted(day.toordinal() for day in frozen)
    if skipped:
        numbers = [_position(day, skipped) for day in dates]
    else:
        numbers = [day.toordinal() for day in dates]
    breaks = [index for index in range(1, len(numbers)) if numbers[index] != numbers[index - 1] + 1]
    return [
        (dates[end - 1], end - start)
        for start, end in zip([0, *breaks], [*breaks, len(numbers)], strict=True)
    ]


def _position(day: dt.date, skipped: Sequence[int]) -> int:
    """The day's place on a calendar with the frozen days taken out."""
    return day.toordinal() - bisect.bisect_left(skipped, day.toordinal())


def streak_from_runs(
    kind: str,
    last_run: tuple[dt.date, int] | None,
    longest: int,
    *,
    today: dt.date,
    frozen: Sequence[dt.date] = (),
) -> Streak:
    """A run still counts as current when its last day is today or the day before it, frozen
    days apart: today may not be logged yet."""
    current = 0
    skipped = sorted(day.toordinal() for day in frozen)
    if last_run and _position(last_run[0], skipped) >= _position(today, skipped) - 1:
        current = last_run[1]
    return Streak(kind=kind, label=STREAK_LABELS[kind], current=current, longest=longest)


STREAK_LABELS = {
    "checkin": "Days checked in",
    "water": "Days meeting your water goal",
    "exercise": "Days meeting your exercise goal",
}


def streak_dates(
    rows: Sequence[tuple[dt.date, bool, bool]],
) -> dict[str, list[dt.date]]:
    """(date, water goal met, exercise goal met) rows, oldest first, split by streak kind."""
    dates: dict[str, list[dt.date]] = {kind: [] for kind in STREAK_LABELS}
    for date, water_met, exercise_met in rows:
        dates["checkin"].append(date)
        if water_met:
            dates["water"].append(date)
        if exercise_met:
            dates["exercise"].append(date)
    return dates


def compute_streaks(
    dates: dict[str, list[dt.date]],
    *,
    today: dt.date,
    away: frozenset[dt.date] = frozenset(),
    rest_days: frozenset[dt.date] = frozenset(),
) -> list[Streak]:
    """Away days freeze every streak; rest days freeze the exercise streak."""
    result = []
    for kind in STREAK_LABELS:
        frozen = away | rest_days if kind == "exercise" else away
        done = [day for day in dates[kind] if day not in frozen] if frozen else dates[kind]
        frozen_sorted = sorted(frozen)
        found = runs(done, frozen=frozen_sorted)
        longest = max((length for _, length in found), default=0)
        streak = streak_from_runs(
            kind, found[-1] if found else None, longest, today=today, frozen=frozen_sorted
        )
        recent_done, recent_counted = recent_share(done, frozen=frozen, today=today)
        result.append(
            Streak(
                streak.kind, streak.label, streak.current, streak.longest,
                recent_done, recent_counted, 0 < streak.current == len(done),
            )
        )  # fmt: skip
    return result


# --- weekly summary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WeeklyLine:
    measure: Measure
    this_week: float | None
    last_week: float | None
    sentence: str


def format_value(measure: Measure, value: float) -> str:
    """A stored value (an average, say) in words: "1,234 ml" or "42 fl oz", "30 minutes",
    "3.1"."""
    if measure.key == "water_ml":
        return f"{round(value / measure.per_unit):,} {measure.unit}"
    if measure.key == "exercise_minutes":
        return f"{round(value)} minutes"
    return f"{value:.1f}"


def weekly_summary(
    rows: Sequence[DayRow], *, today: dt.date, measures: Sequence[Measure] = MEASURES
) -> list[WeeklyLine]:
    """This calendar week so far (from Monday) against last week, for every measure."""
    this_monday = today - dt.timedelta(days=today.weekday())
    last_monday = this_monday - dt.timedelta(days=7)
    this_rows = [row for row in rows if this_monday <= row.date <= today]
    last_rows = [row for row in rows if last_monday <= row.date < this_monday]
    lines = []
    for measure in measures:
        this_mean = mean(_logged(this_rows, measure.key))
        last_mean = mean(_logged(last_rows, measure.key))
        lines.append(
            WeeklyLine(
                measure, this_mean, last_mean, _weekly_sentence(measure, this_mean, last_mean)
            )
        )
    return lines


def _logged(rows: Sequence[DayRow], key: str) -> list[int]:
    return [value for row in rows if (value := getattr(row, key)) is not None]


def _weekly_sentence(measure: Measure, this_mean: float | None, last_mean: float | None) -> str:
    name = measure.label
    if this_mean is None:
        return f"{name}: nothing logged this week yet."
    per_day = " a day" if measure.key in {"water_ml", "exercise_minutes"} else ""
    sentence = f"{name} averaged {format_value(measure, this_mean)}{per_day}"
    if last_mean is None:
        return sentence + " (nothing logged last week to compare)."
    difference = this_mean - last_mean
    if measure.key in {"water_ml", "exercise_minutes"}:
        unchanged = round(difference / measure.per_unit) == 0
    else:
        unchanged = round(difference, 1) == 0
    if unchanged:
        return sentence + ", the same as last week."
    direction = "up" if difference > 0 else "down"
    return f"{sentence}, {direction} {format_value(measure, abs(difference))} from last week."


# --- insights ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    met_mean: float | None
    met_days: int
    missed_mean: float | None
    missed_days: int

    @property
    def enough(self) -> bool:
        return self.met_days >= INSIGHT_MIN_DAYS and self.missed_days >= INSIGHT_MIN_DAYS


@dataclass(frozen=True)
class Insight:
    habit: str
    goal_text: str  # what meeting the habit's goal means, e.g. "water goal of 2,000 ml met"
    same_day: Comparison
    next_day: Comparison

    @property
    def title(self) -> str:
        return self.goal_text[0].upper() + self.goal_text[1:]

    @property
    def same_day_sentence(self) -> str:
        days = self.same_day
        if not days.enough:
            return (
                f"not enough days to compare yet: it needs {INSIGHT_MIN_DAYS} logged days each "
                f"way, and there are {days.met_days} and {days.missed_days}."
            )
        return (
            f"on days you met it, discomfort averaged {days.met_mean:.1f} over "
            f"{_days(days.met_days)}; on days you didn't, {days.missed_mean:.1f} over "
            f"{_days(days.missed_days)}."
        )

    @property
    def next_day_sentence(self) -> str:
        days = self.next_day
        if not days.enough:
            return "The day after: not enough days to compare yet."
        return (
            f"The day after: {days.met_mean:.1f} over {_days(days.met_days)} against "
            f"{days.missed_mean:.1f} over {_days(days.missed_days)}."
        )


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


Check = Callable[[DayRow], bool | None]


def goal_checks(
    *, water_goal_ml: int, exercise_goal_minutes: int, water: Measure = MEASURES_BY_KEY["water_ml"]
) -> list[tuple[str, str, Check]]:
    """(habit, what meeting it means, test of a day) for each habit. The test answers None
    when the day did not log that habit: such a day is left out of the comparison."""

    def posture_good(row: DayRow) -> bool | None:
        return None if row.posture is None else row.posture >= GOOD_POSTURE_AT_LEAST

    def exercise_met(row: DayRow) -> bool | None:
        if row.exercise_minutes is None:
            return None
        return row.exercise_minutes >= exercise_goal_minutes

    def water_met(row: DayRow) -> bool | None:
        return None if row.water_ml is None else row.water_ml >= water_goal_ml

    def stress_good(row: DayRow) -> bool | None:
        return None if row.stress is None else row.stress <= GOOD_STRESS_AT_MOST

    return [
        ("Posture", f"posture {GOOD_POSTURE_AT_LEAST} or better", posture_good),
        (
            "Exercise",
            f"exercise goal of {exercise_goal_minutes} minutes met",
            exercise_met,
        ),
        ("Water", f"water goal of {format_value(water, water_goal_ml)} met", water_met),
        ("Stress", f"stress {GOOD_STRESS_AT_MOST} or lower", stress_good),
    ]


def _compare(flags: Iterable[bool | None], discomforts: Iterable[int | None]) -> Comparison:
    """A day counts only when both the habit and the discomfort were logged."""
    pairs = [
        (was_met, discomfort)
        for was_met, discomfort in zip(flags, discomforts, strict=True)
        if discomfort is not None and was_met is not None
    ]
    met = [discomfort for was_met, discomfort in pairs if was_met]
    missed = [discomfort for was_met, discomfort in pairs if not was_met]
    return Comparison(mean(met), len(met), mean(missed), len(missed))


def goal_insights(
    rows: Sequence[DayRow],
    *,
    water_goal_ml: int,
    exercise_goal_minutes: int,
    water: Measure = MEASURES_BY_KEY["water_ml"],
) -> list[Insight]:
    discomfort_on = {row.date.toordinal(): row.discomfort for row in rows}
    same_day = [row.discomfort for row in rows]
    next_day = [discomfort_on.get(row.date.toordinal() + 1) for row in rows]  # None: not logged
    insights = []
    for habit, goal_text, met in goal_checks(
        water_goal_ml=water_goal_ml, exercise_goal_minutes=exercise_goal_minutes, water=water
    ):
        flags = [met(row) for row in rows]
        insights.append(
            Insight(habit, goal_text, _compare(flags, same_day), _compare(flags, next_day))
        )
    return insights
