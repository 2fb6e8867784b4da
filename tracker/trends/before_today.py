"""What the trends page works out from the days before today, kept, with today's day added on
each view.

A check-in changes only today's row, so the first view after one (the fragment cache misses)
would otherwise work the whole range out again. Habit strength is a running score, the habit
insights are whole-number sums, and the charts' series are days with 7-day averages of whole
numbers: what the days before today give is kept, and today's day is added to it, which gives
the very numbers one pass over every day would (the same floating-point steps in the same
order; the same integer sums).

Kept in this process's memory only (health data never goes to a shared cache), keyed by
everything it is made from: a digest of the days before today (of every number of every
loaded row: tracker.trends.digests, Dashboard._before_today), the person, the range's first
day, today, the goals and the time away. A day before today changed, added or removed changes
the digest.

The year of discomfort's drawings (the heatmap's squares, the months' tiles) are kept the same
way up to yesterday, in DRAWN: they hold words and links, so their keys hold the language and
the site's address too, and today's square and month are drawn on each view.

The days before today themselves are kept too, in ROWS, under what stands for them in the
database (how many, and the stamp of their save times:
tracker.trends.rows.saved_before_and_today), so a view reads one aggregate and today's row
(home's habit strengths, the time away too) rather than every day of the range again."""

import datetime as dt
from array import array
from collections.abc import Sequence
from typing import NamedTuple

from django.utils.safestring import SafeString

from tracker.days import tracked
from tracker.kept import Kept
from tracker.links import page_address, reverse_once
from tracker.trends import buckets, habits, heatmap_months, insights, streaks, tracked_insights
from tracker.trends import heatmap as heatmap_drawing
from tracker.trends import rows as day_rows
from tracker.trends.series import ROLLING_DAYS, DayRow, Series, measure_series
from tracker.trends.tracked_insights import RunningSums
from tracker.trends.words import language

ONE_DAY = dt.timedelta(days=1)
KEPT_AT_MOST = 300  # 6 a page (~230 KB in all, measured): 50 pages, ~12 MB a process
DRAWN_AT_MOST = 100  # 2 a page (~70 KB in one language, measured): 50 pages, ~7 MB
ROWS_AT_MOST = 50  # 1 a page (~120 KB for ~500 days, measured): 50 pages, ~6 MB

KEPT = Kept(KEPT_AT_MOST)  # numbers only: any language's view reads the same entries
# The loaded days before today themselves (rows): ~120 KB for a year and its warm-up.
ROWS = Kept(ROWS_AT_MOST)
# Drawings of the days before today, which hold words: each keyed by the language too.
DRAWN = Kept(DRAWN_AT_MOST)


def rows(user, *, account: str, start: dt.date, today: dt.date) -> list[DayRow]:
    """tracker.trends.rows.load_rows from start to today: the days before today kept under
    what stands for them (how many, the stamp of their save times), read again only when one of
    them changed; today's read afresh on every view, with that, in one query. `account` (the
    person's id and when they joined) keeps a reused id from ever reading another's days."""
    return rows_and_key(user, account=account, start=start, today=today).rows


class KeptDays(tuple):
    """The loaded days before today as ROWS keeps them, with the digests of their numbers
    (tracker.trends.digests), each taken once, on first use, and kept with the very days it
    is taken over: the trends page digested every number of ~500 days on every view."""

    def __init__(self, days=()) -> None:
        self.digests: dict = {}  # digests.BeforeDigests by the first day of the heatmap's year


class RowsAndKey(NamedTuple):
    rows: list[DayRow]  # from start to today, today's last if saved
    key: str  # stands for the days before today among them
    # The breaks that end on or after start, oldest first; None unless asked for (with_away).
    away: list[tuple[dt.date, dt.date]] | None
    before: KeptDays  # the days before today among rows, as kept


def rows_and_key(
    user, *, account: str, start: dt.date, today: dt.date, with_away: bool = False
) -> RowsAndKey:
    """`rows`, a key that stands for the days before today among them (what is worked out
    from those days alone can be kept under it: the home page's habit strengths), and
    `with_away` the time away since start, read in the same query."""
    stamp, todays, away = day_rows.saved_before_and_today(
        user, start=start, today=today, with_away=with_away
    )
    key = (account, start, today, stamp)

    def make() -> KeptDays:
        return KeptDays(day_rows.load_rows(user, start=start, end=today - ONE_DAY))

    before = ROWS.get_or_make(key, make)
    rows = [*before, todays] if todays is not None else list(before)
    return RowsAndKey(rows, repr(key), away, before)


def split(rows: Sequence[DayRow], today: dt.date) -> tuple[Sequence[DayRow], DayRow | None]:
    """The rows before today (oldest first, as loaded) and today's, if saved."""
    if rows and rows[-1].date == today:
        return rows[:-1], rows[-1]
    return rows, None


def strengths(
    rows: Sequence[DayRow],
    *,
    key: str,
    goals: habits.Goals,
    away: Sequence[tuple[dt.date, dt.date]],
    start: dt.date,
    today: dt.date,
    today_only: bool = False,
) -> habits.Strengths:
    """habits.strengths from `start` to today of `rows` (the loaded rows, up to today), with
    the away `periods`: the scores up to yesterday kept, today's worked out from them.
    `today_only`: today's scores alone (Strengths from today to today), what home shows,
    without copying every earlier day's out of the kept ones."""
    before, todays = split(rows, today)
    yesterday = today - ONE_DAY
    if start > yesterday:
        whole = habits.strengths(
            rows, goals=goals, away=habits.away_dates(away, start=start, end=today),
            start=start, end=today,
        )  # fmt: skip
        if today_only:
            return habits.Strengths(today, {h: whole.scores[h][-1:] for h in habits.HABITS})
        return whole

    def make() -> dict[str, array]:
        scores = habits.strengths(
            before, goals=goals, away=habits.away_dates(away, start=start, end=yesterday),
            start=start, end=yesterday,
        ).scores  # fmt: skip
        return {habit: array("d", scores[habit]) for habit in habits.HABITS}  # 8 bytes a day

    kept = KEPT.get_or_make(("strengths", key, goals, tuple(away), start, today), make)
    # Carried on from yesterday's scores (0 everywhere while nothing was logged, where a
    # first logged day today starts too).
    carry = [kept[habit][-1] for habit in habits.HABITS]
    added = habits.strengths(
        [todays] if todays is not None else [],
        goals=goals, away=habits.away_dates(away, start=today, end=today),
        start=today, end=today, carry=carry,
    )  # fmt: skip
    if today_only:
        return added
    return habits.Strengths(
        start, {habit: [*kept[habit], *added.scores[habit]] for habit in habits.HABITS}
    )


def streaks_from(
    user,
    rows: Sequence[DayRow],
    *,
    key: str,
    goals: dict[str, int],
    away: Sequence[tuple[dt.date, dt.date]],
    today: dt.date,
) -> tuple[list[streaks.Streak], bool]:
    """The streaks over a range's loaded rows (not every day's), and whether they are the whole
    history's: kept under the key of the days before today and what today's day gives a
    streak (logged, goals met, a rest day), so the runs up to yesterday are not worked out
    again on every view.

    A current run that reaches back to the first loaded day may go further: then the days
    before it decide how long it is, and which run is the longest. Those days are stood for by
    one aggregate (how many, the stamp of their save times, the first: rows.earlier_stats, as
    for the all-days view's summary), and the streaks over the whole history are kept under
    that too, so a person who has checked in every day for years (the current run longer than
    the loaded days) costs one aggregate a view, not a read of every day they ever saved."""
    _, todays = split(rows, today)
    todays_part = todays is not None and (
        todays.water_ml is not None and todays.water_ml >= goals["water_ml"],
        todays.exercise_minutes is not None
        and todays.exercise_minutes >= goals["exercise_minutes"],
        todays.rest_day,
    )
    kept_key = ("streaks", key, tuple(sorted(goals.items())), tuple(away), today, todays_part)
    found = KEPT.get_or_make(
        kept_key, lambda: tuple(streaks.over_loaded(user, list(rows), today=today, away=away))
    )
    if not rows or not any(streak.unbroken for streak in found):
        return list(found), False
    older = day_rows.earlier_stats(user, before=rows[0].date)
    if not older[0]:  # no older days: the loaded ones are all there is
        return list(found), False
    whole = KEPT.get_or_make(
        ("streaks over the whole history", kept_key, older),
        lambda: tuple(streaks.over_whole_history(user, today=today, away=away)),
    )
    return list(whole), True


def goal_insights(
    in_range: Sequence[DayRow],
    *,
    key: str,
    start: dt.date,
    today: dt.date,
    water_goal_ml: int,
    exercise_goal_minutes: int,
    water: insights.Measure,
) -> list[insights.Insight]:
    """insights.goal_insights over the range's rows, from goal_totals."""
    checks = insights.goal_checks(
        water_goal_ml=water_goal_ml, exercise_goal_minutes=exercise_goal_minutes, water=water
    )
    tests = [check for _, _, check in checks]
    goals = (water_goal_ml, exercise_goal_minutes)
    totals = goal_totals(in_range, tests, key=key, start=start, today=today, goals=goals)
    return insights.goal_insights_from(checks, totals)


def goal_totals(
    in_range: Sequence[DayRow],
    tests: Sequence[insights.Check],
    *,
    key: str,
    start: dt.date,
    today: dt.date,
    goals: tuple[int, int],
) -> list[list[int]]:
    """insights.goal_sums of `tests` over the range's rows (from `start`), each day's day after
    read among them: the sums of the days before today kept, today's added, and yesterday's
    day after (today) added to them. `goals` (water, exercise) are what the tests test."""
    before, todays = split(in_range, today)

    def make() -> list[list[int]]:
        discomfort_on = {row.date.toordinal(): row.discomfort for row in before}
        return insights.goal_sums(
            before, tests, after=lambda row: discomfort_on.get(row.date.toordinal() + 1)
        )

    totals = [list(sums) for sums in KEPT.get_or_make(("goals", key, start, today, goals), make)]
    if todays is not None:
        added = [insights.goal_sums([todays], tests, after=lambda row: None)]
        if before and before[-1].date == today - ONE_DAY and todays.discomfort is not None:
            # Only yesterday's day after: its own discomfort is already in the kept sums.
            straddling = before[-1]._replace(discomfort=None)
            added.append(
                insights.goal_sums([straddling], tests, after=lambda row: todays.discomfort)
            )
        for sums in added:
            for total, more in zip(totals, sums, strict=True):
                total[:] = [a + b for a, b in zip(total, more, strict=True)]
    return totals


def bucket_sums(
    rows: Sequence[DayRow], *, key: str, size: str, start: dt.date, first: dt.date, today: dt.date
) -> buckets.Sums:
    """buckets.sums_of the days from `first` to today (`rows` oldest first, from six days
    before `first`): the sums up to yesterday kept, today's merged in. Every bucket figure is a
    sum over its days of what each day's own 7-day window gives, so the very sums one pass
    gives."""
    yesterday = today - ONE_DAY
    if first > yesterday:
        return buckets.sums_of(rows, size=size, start=start, first=first, last=today)
    before, _ = split(rows, today)

    def make() -> buckets.Sums:
        return buckets.sums_of(before, size=size, start=start, first=first, last=yesterday)

    kept = KEPT.get_or_make(("bucket sums", key, size, start, first, today), make)
    # Today's 7-day window: the last ROLLING_DAYS rows hold every day of it that was saved.
    todays = buckets.sums_of(rows[-ROLLING_DAYS:], size=size, start=start, first=today, last=today)
    return buckets.merge(kept, todays)


def series(
    rows: Sequence[DayRow], keys: Sequence[str], *, key: str, start: dt.date, today: dt.date
) -> dict[str, Series]:
    """series.measure_series from `start` to today: the days before today kept, today's value
    and its 7-day average added (whole numbers summed: the very mean one pass gives)."""
    if (today - start).days < ROLLING_DAYS:  # today's window reaches before the range
        return measure_series(rows, keys, start=start, end=today)
    before, todays = split(rows, today)

    def make() -> dict[str, Series]:
        return measure_series(before, keys, start=start, end=today - ONE_DAY)

    kept = KEPT.get_or_make(("series", key, tuple(keys), start, today), make)
    found = {}
    for name in keys:
        earlier = kept[name]
        field = DayRow._fields.index(name)
        value = None if todays is None else todays[field]
        window = [*earlier.values[1 - ROLLING_DAYS :], value]
        logged = [number for number in window if number is not None]
        found[name] = Series(
            [*earlier.days, today],
            [*earlier.values, value],
            [*earlier.rolling, sum(logged) / len(logged) if logged else None],
        )
    return found


def ticked(
    entries: dict[int, tracked.Entry],
    in_range: Sequence[DayRow],
    *,
    key: str,
    start: dt.date,
    today: dt.date,
) -> tracked.Ticked:
    """tracked.ticked_on over the range's rows (from `start`): each item's days before today
    kept, keyed by the digest of those days (their dates) and each one's ticked ids as stored,
    today's added (an item first ticked today comes last, as one pass finds it)."""
    before, todays = split(in_range, today)
    stored = "|".join([row.item_ids for row in before])

    def make() -> dict[int, tuple[dt.date, ...]]:
        every = tracked.ticked_on(_ALL_ITEMS, before).days
        return {pk: tuple(days) for pk, days in every.items()}

    kept = KEPT.get_or_make(("ticked", key, start, today, stored), make)
    days = {pk: list(dates) for pk, dates in kept.items()}
    if todays is not None:
        for pk, dates in tracked.ticked_on(_ALL_ITEMS, [todays]).days.items():
            days.setdefault(pk, []).extend(dates)
    # An id the person no longer has is left out, as ticked_on leaves it.
    return tracked.Ticked(entries, {pk: dates for pk, dates in days.items() if pk in entries})


def tag_insights(
    in_range: Sequence[DayRow],
    tags: Sequence[tracked_insights.Tag],
    *,
    key: str,
    start: dt.date,
    today: dt.date,
) -> list[insights.Insight]:
    """tracked_insights.tag_insights over the range's rows (from `start`): the discomfort sums
    of the days before today kept (the same day's, and the day after's), today's discomfort
    added to the first and, as yesterday's day after, to the second."""
    before, todays = split(in_range, today)

    def make() -> tuple[RunningSums, RunningSums]:
        discomfort = {row.date: row.discomfort for row in before}
        return (
            RunningSums([(row.date, row.discomfort) for row in before]),
            RunningSums([(row.date, discomfort.get(row.date + ONE_DAY)) for row in before]),
        )

    same_day, next_day = KEPT.get_or_make(("tag sums", key, start, today), make)
    if todays is not None:
        same_day = same_day.plus(today, todays.discomfort)
        if before and before[-1].date == today - ONE_DAY:
            next_day = next_day.plus(before[-1].date, todays.discomfort)
    return tracked_insights.tag_comparisons(tags, same_day, next_day)


class _Everything(dict):
    """Holds every id: ticked_on keeps an id only if its entries hold it; the person's own
    entries filter them here afterwards, so what is kept does not depend on them."""

    def __contains__(self, key: object) -> bool:
        return True


_ALL_ITEMS = _Everything()


def heatmap(rows: Sequence[DayRow], *, key: str, today: dt.date) -> heatmap_drawing.BeforeToday:
    """The year of discomfort's squares before today, kept (in the active language: their
    words; under the site's address: their links); the heatmap adds today's."""
    before, _ = split(rows, today)

    def make() -> heatmap_drawing.BeforeToday:
        values = {row.date: row.discomfort for row in before}
        return heatmap_drawing.before_today(values, today=today)

    return DRAWN.get_or_make(("heatmap", key, today, *page_address()), make)


def year_months(rows: Sequence[DayRow], *, key: str, today: dt.date) -> SafeString:
    """The year as months: the tiles of the months before this one kept (in the active
    language, linking to the history page's address), this month's drawn with today's day."""
    before, _ = split(rows, today)
    history = reverse_once("tracker:history")

    def make() -> str:
        values = {row.date: row.discomfort for row in before}
        months = heatmap_months.shown_months(values, today=today)
        return heatmap_months.earlier_months(
            values, months=months[1:], today=today, history=history
        )

    earlier = DRAWN.get_or_make(("year_months", key, today, language(), history), make)
    first = today.replace(day=1)
    this_month = {}
    for row in reversed(rows):  # oldest first: this month's days are the last
        if row.date < first:
            break
        this_month[row.date] = row.discomfort
    return heatmap_months.with_this_month(
        earlier, heatmap_months.this_month(this_month, today=today, history=history)
    )
