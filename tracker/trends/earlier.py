"""The earlier days of a long history, summed up once and kept.

The all-days dashboard of someone with ten years of days would otherwise read and work through
every day on every view. Days more than RECENT_DAYS ago (from the first of that month) rarely
change, so what the dashboard needs of them is summed up once: bucket sums for the charts,
whole-number sums for the insights, where each habit's strength and each streak stood, and is
kept in this process's memory (never a shared cache: it is health data). Each view then reads
and works out only the recent days, and adds them to the summary (tracker.trends.whole).

The summary is keyed by what it is made from: the person, the day it ends, how many earlier
days there are, the stamp of their save times and the first of them (one aggregate query,
tracker.trends.rows.earlier_stats), the goals and the time away, and how the range is drawn. A
day saved, changed or removed changes the count or the stamp, whichever way the clock of the
host that saved it went, so a kept summary is never used for days that have changed."""

import datetime as dt
import hashlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from django.core.cache.backends.locmem import LocMemCache

from tracker.days.tracked import NONE_TICKED
from tracker.trends import buckets, habits, heatmap, insights, streaks
from tracker.trends.series import DayRow
from tracker.trends.sleep import sleep_sums

# The all-days view of a long history reads the days from the first of the month RECENT_DAYS
# ago: the year of discomfort (and this week and last), drawn from the days themselves. The
# earlier days end the day before; habit strength carries on from where they left it.
RECENT_DAYS = heatmap.HEATMAP_DAYS
VERSION = 1  # raised whenever what is kept changes shape or meaning
ONE_DAY = dt.timedelta(days=1)

# At most ~300 summaries of ~30 KB (ten years of days) in each process.
_KEPT = LocMemCache(
    "backhabits-trends-earlier", {"TIMEOUT": 7 * 24 * 3600, "OPTIONS": {"MAX_ENTRIES": 300}}
)


def recent_start(today: dt.date) -> dt.date:
    """The first of the recent days: the same all month, so a summary serves a month of views."""
    return (today - dt.timedelta(days=RECENT_DAYS)).replace(day=1)


@dataclass(frozen=True)
class Ticks:
    """One pain relief or own factor over the earlier days."""

    days: int  # days it was ticked
    first: dt.date
    last: dt.date
    same: tuple[int, int]  # discomfort's total and days logged, on the days it was ticked
    after: tuple[int, int]  # and on the days after them (both among the earlier days)


@dataclass(frozen=True)
class Running:
    """A value logged on some days, as running totals: any stretch is two lookups."""

    days: array  # their ordinals, oldest first
    totals: array  # totals[i]: the first i values added up

    @classmethod
    def of(cls, pairs: Sequence[tuple[int, int]]) -> "Running":
        return cls(
            array("i", [day for day, _ in pairs]),  # 4 bytes a day: ordinals and discomfort
            array("i", [0, *accumulate(value for _, value in pairs)]),  # fit easily
        )

    def between(self, first: dt.date, last: dt.date | None) -> tuple[int, int]:
        """(total, count) of the values from `first` to `last` (None: to the end)."""
        start = bisect_left(self.days, first.toordinal())
        end = len(self.days) if last is None else bisect_right(self.days, last.toordinal())
        end = max(start, end)
        return self.totals[end] - self.totals[start], end - start


@dataclass(frozen=True)
class Earlier:
    """What the all-days dashboard needs of the days from `first` to `end`."""

    key: str
    first: dt.date  # the first saved day: where the all-days range begins
    end: dt.date
    days: int  # saved days
    sums: buckets.Sums  # the charts' buckets
    goals: tuple[tuple[int, ...], ...]  # insights.goal_sums, the day after `end` left out
    last_row: DayRow | None  # the day on `end`, if saved: its day after is a recent day
    ticks: dict[int, Ticks]  # by item id
    ticked_row: DayRow | None  # a day that ticked any: the items' names are then read
    # Discomfort on each day, and on the day after each day (before `end`): the days an item
    # could have been ticked, however recently it was first ticked.
    same: Running
    after: Running
    sleep: tuple[int, int, int, int]  # tracker.trends.sleep.sleep_sums
    pegs: tuple[tuple[dt.date, int], ...]  # each PEG's day and total
    strength: tuple[float, ...]  # each habit's score on `end`, in habits.HABITS' order
    samples: tuple[array, ...]  # each habit's score every `step` days from `first`
    step: int
    streaks: dict[str, streaks.Earlier]


def key(
    *,
    account: str,
    end: dt.date,
    stats: tuple[int, object, dt.date | None],
    goals: dict[str, int],
    away: Sequence[tuple[dt.date, dt.date]],
    size: str,
    step: int,
) -> str:
    """Everything a summary is made from, as a digest (the account is its id and when it was
    made, so a reused id is another account)."""
    made_from = (VERSION, account, end, stats, sorted(goals.items()), list(away), size, step)
    return "earlier:" + hashlib.blake2b(repr(made_from).encode(), digest_size=20).hexdigest()


def kept(summary_key: str) -> Earlier | None:
    return _KEPT.get(summary_key)


def keep(summary: Earlier) -> None:
    _KEPT.set(summary.key, summary)


def forget_all() -> None:
    """Drops every kept summary (the tests start afresh)."""
    _KEPT.clear()


def ticked_ids(item_ids: str) -> list[int]:
    """A day's ticked items as stored, "[3, 7]": read as tracker.days.tracked.ticked_on does."""
    if item_ids == NONE_TICKED:
        return []
    return [int(part) for part in item_ids.strip("[]").split(",")]


def summarize(
    rows: Sequence[DayRow],
    *,
    summary_key: str,
    end: dt.date,
    goals: dict[str, int],
    away: Sequence[tuple[dt.date, dt.date]],
    size: str,
    step: int,
) -> Earlier:
    """The summary of `rows`, the saved days up to `end` (oldest first, at least one)."""
    first = rows[0].date
    discomfort_on = {row.date.toordinal(): row.discomfort for row in rows}

    def after(row: DayRow) -> int | None:
        return discomfort_on.get(row.date.toordinal() + 1)

    checks = insights.goal_checks(
        water_goal_ml=goals["water_ml"], exercise_goal_minutes=goals["exercise_minutes"]
    )
    away_days = habits.away_dates(away, start=first, end=end)
    scores = habits.strengths(
        rows,
        goals=habits.Goals(goals["water_ml"], goals["exercise_minutes"]),
        away=away_days,
        start=first,
        end=end,
    ).scores
    ticks = _ticks(rows, after)
    return Earlier(
        key=summary_key,
        first=first,
        end=end,
        days=len(rows),
        sums=buckets.sums_of(rows, size=size, start=first, first=first, last=end),
        goals=tuple(map(tuple, insights.goal_sums(rows, [c for _, _, c in checks], after=after))),
        last_row=rows[-1] if rows[-1].date == end else None,
        ticks=ticks,
        ticked_row=next((row for row in rows if row.item_ids != NONE_TICKED), None),
        same=_running(rows, lambda row: row.discomfort),
        after=_running(rows, after),
        sleep=sleep_sums(rows),
        pegs=tuple((row.date, row.peg_total) for row in rows if row.peg_total is not None),
        strength=tuple(scores[habit][-1] for habit in habits.HABITS),
        samples=tuple(array("d", scores[habit][::step]) for habit in habits.HABITS),
        step=step,
        streaks=streaks.earlier_runs(
            streaks.streak_dates(
                [
                    (
                        row.date,
                        _met(row.water_ml, goals["water_ml"]),
                        _met(row.exercise_minutes, goals["exercise_minutes"]),
                    )
                    for row in rows
                ]
            ),
            end=end,
            away=away_days,
            rest_days=frozenset(row.date for row in rows if row.rest_day),
        ),
    )


def _met(value: int | None, goal: int) -> bool:
    """A goal not logged is not met (as tracker.trends.streaks reads it)."""
    return value is not None and value >= goal


def _running(rows: Sequence[DayRow], value_of) -> Running:
    return Running.of(
        [(row.date.toordinal(), value) for row in rows if (value := value_of(row)) is not None]
    )


def _ticks(rows: Sequence[DayRow], after) -> dict[int, Ticks]:
    found: dict[int, list] = {}
    for row in rows:
        if row.item_ids == NONE_TICKED:
            continue
        following = after(row)
        for item in ticked_ids(row.item_ids):
            # [days, first, last, same total, same days, after total, after days]
            seen = found.setdefault(item, [0, row.date, row.date, 0, 0, 0, 0])
            seen[0] += 1
            seen[2] = row.date
            if row.discomfort is not None:
                seen[3] += row.discomfort
                seen[4] += 1
            if following is not None:
                seen[5] += following
                seen[6] += 1
    return {
        item: Ticks(days, first, last, (same, same_days), (later, later_days))
        for item, (days, first, last, same, same_days, later, later_days) in found.items()
    }
