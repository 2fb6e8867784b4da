"""A person's saved days as rows, and one measure over consecutive days as a series with its
7-day average: what the trends page's charts and numbers are drawn from."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from tracker.days.measures import Measure

ROLLING_DAYS = 7


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
    sums = [0, *accumulate([0 if value is None else value for value in daily])]
    counts = [0, *accumulate([value is not None for value in daily])]
    # Each window's end beside its start (zip, not indexing: a third less time); the starts
    # run ROLLING_DAYS past the last end, hence strict=False.
    return [
        (total - total_before) / logged if (logged := count - count_before) else None
        for total, total_before, count, count_before in zip(
            sums[ROLLING_DAYS:], sums, counts[ROLLING_DAYS:], counts, strict=False
        )
    ]


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
