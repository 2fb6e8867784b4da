"""Long ranges drawn as weekly or monthly averages. A phone shows about 320 points across a
chart: a year of days is drawn day by day, longer ranges week by week (seven-day stretches
from the range's first day), and past three years month by month.

Each bucket keeps whole-number sums (days logged and their total, and the 7-day averages
within it, scaled to whole numbers), so the sums of two stretches of days add up exactly to
the sums of both: the summary kept for a long history's earlier days (tracker.trends.earlier)
and the recent days worked out on each view give the very numbers one pass over every day
would."""

import datetime as dt
import functools
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add, mul, sub

from django.utils.translation import gettext_lazy as _

from tracker.days import peg
from tracker.days.measures import Measure
from tracker.trends.series import ROLLING_DAYS, DayRow, Series, in_shown_units

DAY, WEEK, MONTH = "day", "week", "month"
DAILY_AT_MOST_DAYS = 400  # a year of days, and a little more, day by day
WEEKLY_AT_MOST_DAYS = 156 * 7  # then up to three years of weeks (156 points); months after
# How each size reads on a chart and in its table (lazy: read in the language of each page;
# "averages_lower" is its own entry, as lowering a translation is not always right).
WORDS = {
    DAY: {
        "each": _("each day"),
        "averages": _("Daily values"),
        "averages_lower": _("daily values"),
        "heading": _("Date"),
    },
    WEEK: {
        "each": _("each week"),
        "averages": _("Weekly averages"),
        "averages_lower": _("weekly averages"),
        "heading": _("Week of"),
    },
    MONTH: {
        "each": _("each month"),
        "averages": _("Monthly averages"),
        "averages_lower": _("monthly averages"),
        "heading": _("Month"),
    },
}

# The DayRow fields drawn: the five measures, and the PEG's total (summed as its score in
# tenths, the score the chart shows, so a bucket's mean is the mean of the days' scores).
CHARTED = ("discomfort", "posture", "exercise_minutes", "water_ml", "stress", "peg_total")
_COLUMNS = tuple(DayRow._fields.index(field) for field in CHARTED)
# Per bucket and field: days logged, their total, days with a 7-day average (some day logged
# in the 7 days ending then), and the total of those averages times SCALE: a 7-day average is
# a total over 1 to 7 days, so times 420 (divisible by each of 1 to 7) it is a whole number.
SLOTS = 4
SCALE = 420
STRIDE = len(CHARTED) * SLOTS
TYPECODE = "i"  # every sum fits 32 bits: a month of 10,000 ml days is 310,000 (x 420: 1.3e8)
# A 7-day mean times SCALE is the window's total times this, by how many days it has.
_TIMES = (0, *(SCALE // days for days in range(1, ROLLING_DAYS + 1)))


def size_for(first: dt.date, last: dt.date) -> str:
    """How a range from `first` to `last` is drawn."""
    days = (last - first).days + 1
    if days <= DAILY_AT_MOST_DAYS:
        return DAY
    return WEEK if days <= WEEKLY_AT_MOST_DAYS else MONTH


def index_of(day: dt.date, *, size: str, start: dt.date) -> int:
    """The bucket `day` falls in, counted from the range's first day (bucket 0)."""
    if size == WEEK:
        return (day - start).days // 7
    return (day.year - start.year) * 12 + day.month - start.month


def first_day(index: int, *, size: str, start: dt.date) -> dt.date:
    """The first day of a bucket within the range: the range's first day for bucket 0."""
    if size == WEEK:
        return start + dt.timedelta(days=7 * index)
    if index == 0:
        return start
    months = start.year * 12 + start.month - 1 + index
    return dt.date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class Sums:
    """The sums of buckets `offset` onwards, for the days between two dates."""

    size: str
    start: dt.date  # the range's first day: where bucket 0 begins
    offset: int
    values: array  # STRIDE whole numbers per bucket: field by field, SLOTS each

    @property
    def count(self) -> int:
        return len(self.values) // STRIDE

    @functools.cached_property
    def days(self) -> list[dt.date]:
        """Each bucket's first day (within the range)."""
        return [
            first_day(index, size=self.size, start=self.start)
            for index in range(self.offset, self.offset + self.count)
        ]

    def logged(self, field: str) -> tuple[int, int]:
        """(days logged, their total) over every bucket."""
        at = CHARTED.index(field) * SLOTS
        return sum(self.values[at::STRIDE]), sum(self.values[at + 1 :: STRIDE])


def _tenths(total: int) -> int:
    return int(peg.score_from_total(total) * 10)


def sums_of(
    rows: Sequence[DayRow], *, size: str, start: dt.date, first: dt.date, last: dt.date
) -> Sums:
    """The bucket sums of the days from `first` to `last`. `rows` are oldest first and may
    begin up to six days before `first`: the 7-day averages of its first days read them."""
    origin = first.toordinal() - (ROLLING_DAYS - 1)
    span = last.toordinal() - origin + 1
    slots: list[DayRow | None] = [None] * span
    for row in rows:
        index = row.date.toordinal() - origin
        if 0 <= index < span:
            slots[index] = row
    low = index_of(first, size=size, start=start)
    high = index_of(last, size=size, start=start)
    # Each bucket's first and last-plus-one day, as indexes into the slots.
    edges = [ROLLING_DAYS - 1]
    edges += [
        first_day(index, size=size, start=start).toordinal() - origin
        for index in range(low + 1, high + 1)
    ]
    edges.append(span)
    values = array(TYPECODE, [0]) * (STRIDE * (high - low + 1))
    back = ROLLING_DAYS
    for place, (field, column) in enumerate(zip(CHARTED, _COLUMNS, strict=True)):
        daily = [None if row is None else row[column] for row in slots]
        if field == "peg_total":
            daily = [None if value is None else _tenths(value) for value in daily]
        totals = [0, *accumulate(0 if value is None else value for value in daily)]
        counts = [0, *accumulate(value is not None for value in daily)]
        cumulative = [counts, totals]
        if field != "peg_total":  # the PEG is drawn without a 7-day average: a score a week
            # Each 7-day window from the first day's on: its days logged and total, then
            # whether it has any, and its mean times SCALE (0 when it has none).
            days = list(map(sub, counts[back:], counts[:-back]))
            total = map(sub, totals[back:], totals[:-back])
            pad = [0] * back
            cumulative.append([*pad, *accumulate(map(bool, days))])
            cumulative.append([*pad, *accumulate(map(mul, total, map(_TIMES.__getitem__, days)))])
        for slot, running in enumerate(cumulative):
            at_edges = [running[edge] for edge in edges]
            values[place * SLOTS + slot :: STRIDE] = array(
                TYPECODE, map(sub, at_edges[1:], at_edges[:-1])
            )
    return Sums(size, start, low, values)


def merge(earlier: Sums, later: Sums) -> Sums:
    """The sums of two stretches of days, the later beginning the day after the earlier ends:
    in the earlier's last bucket, or the next one."""
    if (earlier.size, earlier.start) != (later.size, later.start):
        raise ValueError("Sums of different buckets")
    shared = earlier.offset + earlier.count - later.offset
    if shared not in (0, 1):
        raise ValueError("Sums that do not meet")
    values = array(TYPECODE, earlier.values)
    if shared:
        tail = values[-STRIDE:]
        values[-STRIDE:] = array(TYPECODE, map(add, tail, later.values[:STRIDE]))
        values.extend(later.values[STRIDE:])
    else:
        values.extend(later.values)
    return Sums(earlier.size, earlier.start, earlier.offset, values)


def series(sums: Sums, field: str, *, per_unit: float = 1) -> Series:
    """One field's bucket means, in the units shown (water in fl oz for some), to two decimals
    as weekly averages always were: a bucket with nothing logged is a gap."""
    at = CHARTED.index(field) * SLOTS
    values = sums.values
    divisor = per_unit * (10 if field == "peg_total" else 1)
    means = [
        round(total / logged / divisor, 2) if logged else None
        for logged, total in zip(values[at::STRIDE], values[at + 1 :: STRIDE], strict=True)
    ]
    if field == "peg_total":
        rolling = [None] * len(means)
    else:
        divisor *= SCALE
        rolling = [
            round(total / averaged / divisor, 2) if averaged else None
            for averaged, total in zip(
                values[at + 2 :: STRIDE], values[at + 3 :: STRIDE], strict=True
            )
        ]
    return Series(sums.days, means, rolling)


def as_drawn(series: Series, measure: Measure) -> tuple[Series, bool]:
    """A run of days as a chart shows it: in the units the person reads (water in fl oz for
    those who chose ounces), and as weekly averages past a year or so (then True). The pages
    draw long ranges from bucket sums instead (`series`), with months past three years."""
    series = in_shown_units(series, measure)
    if len(series) > DAILY_AT_MOST_DAYS:
        return weekly(series), True
    return series, False


def weekly(series: Series) -> Series:
    """Weekly means of logged days (a week with nothing logged stays a gap)."""
    days, values, rolling = [], [], []
    for start in range(0, len(series), 7):
        days.append(series.days[start])
        for means, daily in ((values, series.values), (rolling, series.rolling)):
            logged = [value for value in daily[start : start + 7] if value is not None]
            means.append(round(sum(logged) / len(logged), 2) if logged else None)
    return Series(days, values, rolling)
