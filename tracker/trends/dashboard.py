"""Loads what the trends dashboard and the clinician report need, in a fixed number of queries
whatever the length of a person's history (tracker.trends.board assembles it)."""

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass

from django.utils.safestring import SafeString

from tracker import ranges
from tracker.days import tracked
from tracker.models import CareAlert
from tracker.trends import (
    before_today,
    buckets,
    charts,
    habits,
    insights,
    streaks,
    strength_charts,
    whole,
)
from tracker.trends import earlier as earlier_days
from tracker.trends.board import (  # noqa: F401 (read from here by views, reports and tests)
    PEG_MEASURE,
    Dashboard,
    measures_for,
)
from tracker.trends.insights import DayRow
from tracker.trends.rows import (
    away_periods,
    earlier_stats,
    first_logged_date,
    load_rows,
)

ONE_DAY = dt.timedelta(days=1)


def range_start(user, *, range_key: str, today: dt.date) -> dt.date:
    first = first_logged_date(user) if range_key == ranges.ALL else None
    return ranges.range_start(range_key, today=today, first_logged=first)


def build(
    user,
    *,
    range_key: str,
    today: dt.date,
    with_alerts: bool = False,
    range_only: bool = False,
) -> Dashboard:
    """`range_only` skips the parts that do not depend on the range (an htmx range switch, and
    the report, which shows no streaks)."""
    profile = user.profile
    account = account_of(user)
    goals = {"water_ml": profile.water_goal_ml, "exercise_minutes": profile.exercise_goal_minutes}
    away = away_periods(user)
    earlier = None
    if range_key == ranges.ALL:
        start, rows, earlier, kept_before = _all_days(
            user, account=account, today=today, goals=goals, away=away
        )
    else:
        start = range_start(user, range_key=range_key, today=today)
        last_monday = today - dt.timedelta(days=today.weekday() + 7)
        load_from = min(
            # Habit strength reads the months before what it shows (tracker.trends.habits):
            # today's percent from WARM_UP_DAYS back (the heatmap's year covers it), the
            # chart's first point from CHART_WARM_UP_DAYS before the range.
            start - dt.timedelta(days=habits.CHART_WARM_UP_DAYS),
            today - dt.timedelta(days=max(charts.HEATMAP_DAYS, habits.WARM_UP_DAYS)),
            last_monday,
        )
        rows, rows_key, _, kept_before = before_today.rows_and_key(
            user, account=account, start=load_from, today=today
        )
    # Their names and dates, when a day loaded or summed up ticked any.
    ticked_before = [earlier.ticked_row] if earlier and earlier.ticked_row else []
    items = tracked.entries_for(user, [*rows, *ticked_before])
    streak_list, streaks_all_time = [], False
    if not range_only and earlier is not None:
        streak_list, streaks_all_time = (
            whole.streak_list(earlier, whole.recent(earlier, rows), goals=goals, away=away,
                              today=today),
            True,
        )  # fmt: skip
    elif not range_only and range_key == ranges.ALL:  # every day is loaded
        streak_list, streaks_all_time = (
            streaks.over_loaded(user, rows, today=today, away=away),
            True,
        )
    elif not range_only:
        streak_list, streaks_all_time = before_today.streaks_from(
            user, rows, key=rows_key, goals=goals, away=away, today=today
        )
    alerts = []
    if with_alerts:
        # Within the period only: a shared report ends on its own day, not on the day it is
        # read. (The date raised is read in the active time zone: the person's.)
        alerts = list(
            CareAlert.objects.filter(
                user=user, last_evidence_date__gte=start, created_at__date__lte=today
            ).order_by("created_at")
        )
    return Dashboard(
        account=account,
        range_key=range_key,
        start=start,
        today=today,
        rows=rows,
        goals=goals,
        water_unit=profile.water_unit,
        streaks=streak_list,
        streaks_all_time=streaks_all_time,
        alerts=alerts,
        away=away,
        items=items,
        earlier=earlier,
        kept_before=kept_before,
    )


def _all_days(
    user, *, account: str, today: dt.date, goals: dict[str, int], away: list
) -> tuple[dt.date, list[DayRow], earlier_days.Earlier | None, before_today.KeptDays | None]:
    """The all-days range's first day, its loaded rows and, for a history longer than the
    recent days, the summary of the days before them: kept, or summed up now (then every day
    is read, once) and kept; and the rows' days before today when they are kept ones. Two
    queries either way."""
    recent_from = earlier_days.recent_start(today)
    window = recent_from - dt.timedelta(days=insights.ROLLING_DAYS - 1)
    stats = earlier_stats(user, before=recent_from)
    count, _, first = stats
    if not count:
        # Every saved day is a recent one: the range starts at the first (today if none).
        rows = load_rows(user, start=window, end=today)
        return (min(rows[0].date, today) if rows else today), rows, None, None
    made_with = {
        "end": recent_from - ONE_DAY,
        "goals": goals,
        "away": away,
        "size": buckets.size_for(first, today),
        "step": strength_charts.strength_step((today - first).days + 1),
    }
    summary_key = earlier_days.key(account=account, stats=stats, **made_with)
    summary = earlier_days.kept(summary_key)
    if summary is not None:
        recent = before_today.rows_and_key(user, account=account, start=window, today=today)
        return first, recent.rows, summary, recent.before
    every = load_rows(user, start=first, end=today)
    days = [row.date for row in every]
    summary = earlier_days.summarize(
        every[: bisect_left(days, recent_from)], summary_key=summary_key, **made_with
    )
    earlier_days.keep(summary)
    return first, every[bisect_left(days, window) :], summary, None


@dataclass(frozen=True)
class MeasureTable:
    """One chart's numbers as a table: "show as table" loads it on request, so the dashboard
    does not carry five tables of a year each."""

    measure: insights.Measure
    range_key: str
    start: dt.date
    today: dt.date
    bucket: str  # a row per day, or per week or month of a long range, as the chart draws it
    rows: SafeString

    @property
    def weekly(self) -> bool:
        return self.bucket == buckets.WEEK

    @property
    def heading(self) -> str:
        """Its first column's heading: "Date", "Week of" or "Month"."""
        return str(buckets.WORDS[self.bucket]["heading"])

    @property
    def averaged(self) -> str:
        """ "weekly averages" or "monthly averages" for a long range; nothing day by day."""
        return (
            "" if self.bucket == buckets.DAY else str(buckets.WORDS[self.bucket]["averages_lower"])
        )


def measure_table(
    user, *, measure: insights.Measure, range_key: str, today: dt.date
) -> MeasureTable:
    """The chart's numbers: a long range's weeks or months summed as the dashboard's chart
    sums them (every day read: a table is asked for now and then, not on every view)."""
    start = range_start(user, range_key=range_key, today=today)
    rows = load_rows(user, start=start - dt.timedelta(days=insights.ROLLING_DAYS - 1), end=today)
    bucket = buckets.size_for(start, today)
    if bucket == buckets.DAY:
        series = insights.measure_series(rows, [measure.key], start=start, end=today)
        shown, _ = charts.as_drawn(series[measure.key], measure)
    else:
        sums = buckets.sums_of(rows, size=bucket, start=start, first=start, last=today)
        shown = buckets.series(sums, measure.key, per_unit=measure.per_unit)
    return MeasureTable(measure, range_key, start, today, bucket, charts.table_rows(shown, bucket))


def habit_strengths(user, *, today: dt.date) -> habits.Strengths:
    """Each habit's strength today (Strengths from today to today), for the home page, from
    the last WARM_UP_DAYS of saved days and the away periods: the scores up to yesterday kept
    with those days (tracker.trends.before_today), today's worked out from them on each view."""
    start = today - dt.timedelta(days=habits.WARM_UP_DAYS)
    profile = user.profile
    rows, key, away, _ = before_today.rows_and_key(
        user, account=account_of(user), start=start, today=today, with_away=True
    )
    return before_today.strengths(
        rows,
        key=key,
        goals=habits.Goals(profile.water_goal_ml, profile.exercise_goal_minutes),
        away=away,
        start=start,
        today=today,
        today_only=True,
    )


def account_of(user) -> str:
    """The person's id and when they joined: an id used again by a new account (SQLite may
    reuse one) is another account, so nothing kept for one is read for the other."""
    return f"{user.pk}@{user.date_joined.isoformat()}"
