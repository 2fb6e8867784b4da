"""The all-days dashboard of a long history: the earlier days' kept summary
(tracker.trends.earlier) and the recent days, read on every view, added up. Every sum is kept
in whole numbers, and the one pair of days that straddles the two (the summary's last day and
the day after it) is added here, so the numbers are the very ones a pass over every day gives
(tests/test_trends.py checks them against it)."""

import datetime as dt
from collections.abc import Sequence
from operator import add

from tracker.days import tracked
from tracker.trends import before_today, buckets, habits, insights, streaks
from tracker.trends.earlier import Earlier, ticked_ids
from tracker.trends.series import DayRow
from tracker.trends.sleep import SleepSummary, sleep_from, sleep_sums
from tracker.trends.tracked_insights import RunningSums

ONE_DAY = dt.timedelta(days=1)


def recent(earlier: Earlier, rows: Sequence[DayRow]) -> list[DayRow]:
    """The loaded days after the summary's (the first few loaded are its last, for the 7-day
    averages of the days after them)."""
    return [row for row in rows if row.date > earlier.end]


def chart_sums(
    earlier: Earlier, rows: Sequence[DayRow], *, key: str, today: dt.date
) -> buckets.Sums:
    """The whole range's bucket sums: the summary's, and the later days' (those before today
    kept under `key`, the digest of the loaded days before today: before_today.bucket_sums)."""
    later = before_today.bucket_sums(
        rows, key=key, size=earlier.sums.size, start=earlier.first, first=earlier.end + ONE_DAY,
        today=today,
    )  # fmt: skip
    return buckets.merge(earlier.sums, later)


def _after_end(earlier: Earlier, later: Sequence[DayRow]) -> int | None:
    """Discomfort on the day after the summary's last day, when both days were saved."""
    if earlier.last_row is None or not later or later[0].date != earlier.end + ONE_DAY:
        return None
    return later[0].discomfort


def goal_insights(
    earlier: Earlier,
    later: Sequence[DayRow],
    checks: Sequence[tuple[str, str, insights.Check]],
    *,
    key: str,
    today: dt.date,
    goals: tuple[int, int],
) -> list[insights.Insight]:
    """The goal insights over the whole range: the summary's sums, the later days' (those
    before today kept under `key`, the digest of the loaded days before today:
    before_today.goal_totals) and the pair of days the two parts meet at."""
    tests = [check for _, _, check in checks]
    totals = [list(sums) for sums in earlier.goals]
    added = [
        before_today.goal_totals(
            later, tests, key=key, start=earlier.end + ONE_DAY, today=today, goals=goals
        )
    ]
    if (following := _after_end(earlier, later)) is not None:
        # Only the day after: the summary already holds the last day's own discomfort.
        straddling = earlier.last_row._replace(discomfort=None)
        added.append(insights.goal_sums([straddling], tests, after=lambda row: following))
    for sums in added:
        for total, more in zip(totals, sums, strict=True):
            total[:] = [a + b for a, b in zip(total, more, strict=True)]
    return insights.goal_insights_from(checks, totals)


def _spans(earlier: Earlier, ticked: tracked.Ticked) -> dict[int, list[dt.date]]:
    """Each item ticked over the whole range: its first and last ticked day."""
    spans = {}
    for item in ticked.entries:
        before, later = earlier.ticks.get(item), ticked.days.get(item)
        if before or later:
            spans[item] = [
                before.first if before else later[0],
                later[-1] if later else before.last,
            ]
    return spans


def tag_insights(
    earlier: Earlier, later: Sequence[DayRow], entries: dict[int, tracked.Entry]
) -> list[insights.Insight]:
    """tracked_insights.tag_insights over the whole range: discomfort with each item ticked
    against the days it could have been, the same day and the day after."""
    ticked = tracked.ticked_on(entries, later)
    spans = _spans(earlier, ticked)
    # Each item's Tag (its title, and the days it could have been ticked) as tracked.tags
    # words and orders them; matched back to the item by its own Tag.
    items = {tracked.tags(tracked.Ticked(entries, {item: span}))[0]: item
             for item, span in spans.items()}  # fmt: skip
    discomfort = {row.date: row.discomfort for row in later}
    same = RunningSums([(row.date, row.discomfort) for row in later])
    after = RunningSums([(row.date, discomfort.get(row.date + ONE_DAY)) for row in later])
    following = _after_end(earlier, later)
    end_ticked = set(ticked_ids(earlier.last_row.item_ids)) if following is not None else set()
    found = []
    for tag in tracked.tags(tracked.Ticked(entries, spans)):
        item = items[tag]
        before = earlier.ticks.get(item)
        days = ticked.days.get(item, [])
        # The summary's last day and the day after it, a pair neither part holds: counted
        # when the last day is one the item could have been ticked on.
        seam = following is not None and tag.since <= earlier.end
        seam = seam and (tag.until is None or earlier.end <= tag.until)
        comparisons = []
        for sums, running, summed, pair in (
            (same, earlier.same, before.same if before else (0, 0), None),
            (after, earlier.after, before.after if before else (0, 0), following if seam else None),
        ):
            with_values = [value for day in days if (value := sums.value.get(day)) is not None]
            with_total, with_days = summed[0] + sum(with_values), summed[1] + len(with_values)
            total, count = map(add, sums.between(tag.since, tag.until),
                               running.between(tag.since, tag.until))  # fmt: skip
            if pair is not None:
                total, count = total + pair, count + 1
                if item in end_ticked:
                    with_total, with_days = with_total + pair, with_days + 1
            comparisons.append(_with_and_without(with_total, with_days, total, count))
        found.append(
            insights.Insight(tag.title, tag.title, *comparisons, words=("with it", "without it"))
        )
    return found


def _with_and_without(
    with_total: int, with_days: int, total: int, count: int
) -> insights.Comparison:
    """Days with the item against the rest of the days it could have been ticked on."""
    rest = count - with_days
    return insights.Comparison(
        with_total / with_days if with_days else None,
        with_days,
        (total - with_total) / rest if rest else None,
        rest,
    )


def item_days(
    earlier: Earlier, later: Sequence[DayRow], entries: dict[int, tracked.Entry]
) -> list[tracked.ItemDays]:
    """How many days each item was ticked over the whole range (for the report). Counted as
    ranges: tracked.item_days reads only how many days each has."""
    ticked = tracked.ticked_on(entries, later)
    counts = {
        item: range((before.days if (before := earlier.ticks.get(item)) else 0)
                    + len(ticked.days.get(item, ())))
        for item in entries
        if item in earlier.ticks or item in ticked.days
    }  # fmt: skip
    return tracked.item_days(tracked.Ticked(entries, counts))


def sleep(earlier: Earlier, later: Sequence[DayRow]) -> SleepSummary:
    more = sleep_sums(later)
    return sleep_from([a + b for a, b in zip(earlier.sleep, more, strict=True)])


def pegs(earlier: Earlier, later: Sequence[DayRow]) -> list[tuple[dt.date, int]]:
    """Each PEG's day and total, oldest first."""
    return [
        *earlier.pegs,
        *((row.date, row.peg_total) for row in later if row.peg_total is not None),
    ]


def strength(
    earlier: Earlier,
    later: Sequence[DayRow],
    *,
    goals: dict[str, int],
    away: Sequence[tuple[dt.date, dt.date]],
    today: dt.date,
) -> dict[str, tuple[int, list[dt.date], list[float]]]:
    """Each habit's strength today as a whole percent, and its chart's points: the days the
    strength chart of the whole range takes (strength_charts.strength_chart's) and their scores."""
    first = earlier.end + ONE_DAY
    scores = habits.strengths(
        later,
        goals=habits.Goals(goals["water_ml"], goals["exercise_minutes"]),
        away=habits.away_dates(away, start=first, end=today),
        start=first,
        end=today,
        carry=earlier.strength,
    )
    length = (today - earlier.first).days + 1
    step = earlier.step
    kept_offsets = range(0, (earlier.end - earlier.first).days + 1, step)
    later_offsets = [
        *range(kept_offsets[-1] + step, length - 1, step),
        length - 1,
    ]
    skip = (first - earlier.first).days
    days = [earlier.first + dt.timedelta(days=offset) for offset in (*kept_offsets, *later_offsets)]
    shown = {}
    for place, habit in enumerate(habits.HABITS):
        values = scores.scores[habit]
        shares = [*earlier.samples[place], *(values[offset - skip] for offset in later_offsets)]
        shown[habit] = (scores.percent(habit), days, shares)
    return shown


def streak_list(
    earlier: Earlier,
    later: Sequence[DayRow],
    *,
    goals: dict[str, int],
    away: Sequence[tuple[dt.date, dt.date]],
    today: dt.date,
) -> list[streaks.Streak]:
    """Current and longest runs over the whole history."""
    first = earlier.end + ONE_DAY
    dates = streaks.streak_dates(
        [
            (
                row.date,
                row.water_ml is not None and row.water_ml >= goals["water_ml"],
                row.exercise_minutes is not None
                and row.exercise_minutes >= goals["exercise_minutes"],
            )
            for row in later
        ]
    )
    return streaks.compute_streaks(
        dates,
        today=today,
        away=habits.away_dates(away, start=first, end=today),
        rest_days=frozenset(row.date for row in later if row.rest_day),
        before=earlier.streaks,
        since=first,
    )
