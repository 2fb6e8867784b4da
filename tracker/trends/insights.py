"""Numbers behind the trends page: daily series, rolling averages, weekly summaries and
goal/discomfort associations. Pure functions over rows the views load in one query per range."""

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from tracker.days.measures import GOOD_POSTURE_AT_LEAST, MEASURES, MEASURES_BY_KEY, Measure

ROLLING_DAYS = 7
INSIGHT_MIN_DAYS = 10  # days needed on each side before comparing them
# Stress and sleep have no personal goal; a "good day" for them uses these fixed lines (posture's
# is tracker.days.measures.GOOD_POSTURE_AT_LEAST).
GOOD_STRESS_AT_MOST = 4
GOOD_SLEEP_HOURS_AT_LEAST = 7


class DayRow(NamedTuple):
    """A saved day's measures, None where not logged. A named tuple: a page builds hundreds."""

    date: dt.date
    posture: int | None
    exercise_minutes: int | None
    water_ml: int | None
    stress: int | None
    discomfort: int | None
    rest_day: bool = False  # the exercise habit is frozen for the day
    sleep_half_hours: int | None = None  # the night before, in half hours (15 is 7.5 hours)
    peg_total: int | None = None  # the three PEG answers added up (0 to 30), on a PEG day
    woke_from_pain: bool | None = None  # "Back pain woke me" last night
    item_ids: str = "[]"  # the pain reliefs and own factors ticked, as stored: "[3, 7]" (last)


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
    words: tuple[str, str] = ("you met it", "you didn't")  # the two kinds of day

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
        met, missed = self.words
        return (
            f"on days {met}, discomfort averaged {days.met_mean:.1f} over "
            f"{_days(days.met_days)}; on days {missed}, {days.missed_mean:.1f} over "
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

    def slept_enough(row: DayRow) -> bool | None:
        if row.sleep_half_hours is None:
            return None
        return row.sleep_half_hours >= 2 * GOOD_SLEEP_HOURS_AT_LEAST

    return [
        ("Posture", f"posture {GOOD_POSTURE_AT_LEAST} or better", posture_good),
        (
            "Exercise",
            f"exercise goal of {exercise_goal_minutes} minutes met",
            exercise_met,
        ),
        ("Water", f"water goal of {format_value(water, water_goal_ml)} met", water_met),
        ("Stress", f"stress {GOOD_STRESS_AT_MOST} or lower", stress_good),
        (
            "Sleep",
            f"{GOOD_SLEEP_HOURS_AT_LEAST} hours' sleep or more the night before",
            slept_enough,
        ),
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
        comparisons = _compare(flags, same_day), _compare(flags, next_day)
        insights.append(Insight(habit, goal_text, *comparisons, **_WORDS.get(habit, {})))
    return insights


# Sleep is not a goal met or missed: its days read as the nights before them.
_WORDS = {"Sleep": {"words": ("after a long enough night", "after a shorter one")}}


# --- pain relief and a person's own factors -----------------------------------------------------


@dataclass(frozen=True)
class Tag:
    """A pain relief or an own factor: the days it was ticked, and since when it could be."""

    title: str  # "Ibuprofen, pain relief you used"
    since: dt.date
    days: frozenset[dt.date]
    until: dt.date | None = None  # retired then: the days after could not have ticked it


def tag_insights(rows: Sequence[DayRow], tags: Sequence[Tag]) -> list[Insight]:
    """Discomfort on days with each tag against days without (saved days while the tag was
    on the person's list), the same day and the day after, under the same rules as the
    habits. Costs the ticked days of each tag, not the whole range: a person may have
    eighteen of them."""
    saved = [row.date for row in rows]
    discomfort = {row.date: row.discomfort for row in rows}
    same_day = _Sums([(day, discomfort[day]) for day in saved])
    next_day = _Sums([(day, discomfort.get(day + ONE_DAY)) for day in saved])
    found = []
    for tag in tags:
        comparisons = []
        for sums in (same_day, next_day):
            with_values = [value for day in tag.days if (value := sums.value.get(day)) is not None]
            total, count = sums.between(tag.since, tag.until)
            rest = count - len(with_values)
            comparisons.append(
                Comparison(
                    mean(with_values),
                    len(with_values),
                    (total - sum(with_values)) / rest if rest else None,
                    rest,
                )
            )
        found.append(Insight(tag.title, tag.title, *comparisons, words=("with it", "without it")))
    return found


ONE_DAY = dt.timedelta(days=1)


class _Sums:
    """Running totals of the logged values, oldest first, so "every day since X" is a lookup.
    Sorted here, whatever order the rows came in (rows from the database already are: cheap)."""

    def __init__(self, pairs: list[tuple[dt.date, int | None]]) -> None:
        logged = sorted((day, value) for day, value in pairs if value is not None)
        self.value = dict(logged)
        self.days = [day for day, _ in logged]
        self.totals = [0, *accumulate(value for _, value in logged)]

    def between(self, first: dt.date, last: dt.date | None) -> tuple[int, int]:
        """(total, count) of the logged values from `first` to `last` (None: to the end)."""
        start = bisect.bisect_left(self.days, first)
        end = len(self.days) if last is None else bisect.bisect_right(self.days, last)
        end = max(start, end)
        return self.totals[end] - self.totals[start], end - start


# --- sleep ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SleepSummary:
    nights: int  # nights with hours logged
    average_hours: float | None
    answered: int  # nights with "Back pain woke me" answered, yes or no
    woken: int


def sleep_summary(rows: Sequence[DayRow]) -> SleepSummary:
    hours = [row.sleep_half_hours / 2 for row in rows if row.sleep_half_hours is not None]
    woken = [row.woke_from_pain for row in rows if row.woke_from_pain is not None]
    return SleepSummary(len(hours), mean(hours), len(woken), sum(woken))
