"""Loads what the trends dashboard and the clinician report need, in a fixed number of queries
whatever the length of a person's history, and assembles it for the templates."""

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import Min

from tracker import charts, insights
from tracker.insights import DayRow, Streak
from tracker.models import CareAlert, CheckIn

HEATMAP_DAYS = 371  # 53 weeks


def first_logged_date(user) -> dt.date | None:
    return CheckIn.objects.filter(user=user, discomfort__isnull=False).aggregate(first=Min("date"))[
        "first"
    ]


def load_rows(user, *, start: dt.date, end: dt.date) -> list[DayRow]:
    rows = (
        CheckIn.objects.filter(user=user, date__range=(start, end), discomfort__isnull=False)
        .order_by("date")
        .values_list("date", "posture", "exercise_minutes", "water_ml", "stress", "discomfort")
    )
    return [DayRow(*row) for row in rows]


_STREAK_SQL = """
WITH days AS (
    SELECT date, water_ml >= %s AS water_met, exercise_minutes >= %s AS exercise_met
    FROM tracker_checkin WHERE user_id = %s AND discomfort IS NOT NULL
),
flagged AS (
    SELECT 'checkin' AS kind, date FROM days
    UNION ALL SELECT 'water', date FROM days WHERE water_met
    UNION ALL SELECT 'exercise', date FROM days WHERE exercise_met
),
islands AS (
    SELECT kind, date, {day_number} - ROW_NUMBER() OVER (PARTITION BY kind ORDER BY date) AS grp
    FROM flagged
),
runs AS (
    SELECT kind, MAX(date) AS last_date, COUNT(*) AS length FROM islands GROUP BY kind, grp
)
SELECT kind, MAX(length),
       (SELECT r.length FROM runs r WHERE r.kind = runs.kind ORDER BY r.last_date DESC LIMIT 1),
       MAX(last_date)
FROM runs GROUP BY kind
"""
# Consecutive dates minus their row number are constant within a run ("gaps and islands").
_DAY_NUMBER = {
    "sqlite": "CAST(julianday(date) AS INTEGER)",
    "postgresql": "(date - DATE '2000-01-01')",
}
STREAK_LABELS = {
    "checkin": "Days checked in",
    "water": "Days meeting your water goal",
    "exercise": "Days meeting your exercise goal",
}


def streaks(user, *, today: dt.date) -> list[Streak]:
    """Current and longest runs, computed in the database in one query."""
    profile = user.profile
    sql = _STREAK_SQL.format(day_number=_DAY_NUMBER[connection.vendor])
    with connection.cursor() as cursor:
        cursor.execute(sql, [profile.water_goal_ml, profile.exercise_goal_minutes, user.pk])
        found = {
            kind: (longest, last_length, _as_date(last_date))
            for kind, longest, last_length, last_date in cursor.fetchall()
        }
    result = []
    for kind, label in STREAK_LABELS.items():
        longest, last_length, last_date = found.get(kind, (0, 0, None))
        last_run = (last_date, last_length) if last_date else None
        result.append(insights.streak_from_runs(label, last_run, longest, today=today))
    return result


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Dashboard:
    range_key: str
    start: dt.date
    today: dt.date
    charts: list[charts.Chart]
    heatmap: object | None
    streaks: list[Streak]
    weekly: list[insights.WeeklyLine]
    insights: list[insights.Insight]
    logged_days: int
    alerts: list


def build(
    user,
    *,
    range_key: str,
    today: dt.date,
    with_alerts: bool = False,
    range_only: bool = False,
) -> Dashboard:
    """`range_only` skips the parts that do not depend on the range (an htmx range switch)."""
    profile = user.profile
    first = first_logged_date(user) if range_key == "all" else None
    start = insights.range_start(range_key, today=today, first_logged=first)
    last_monday = today - dt.timedelta(days=today.weekday() + 7)
    load_from = min(
        start - dt.timedelta(days=insights.ROLLING_DAYS - 1),
        today - dt.timedelta(days=HEATMAP_DAYS),
        last_monday,
    )
    rows = load_rows(user, start=load_from, end=today)
    in_range = [row for row in rows if row.date >= start]
    goals = {"water_ml": profile.water_goal_ml, "exercise_minutes": profile.exercise_goal_minutes}
    measure_charts = [
        charts.line_chart(
            measure=measure,
            points=insights.daily_series(rows, measure.key, start=start, end=today),
            goal=goals.get(measure.key),
            chart_id=f"chart-{measure.key}",
            caption=f"{measure.label}, {_range_words(range_key)}",
        )
        for measure in insights.MEASURES
    ]
    alerts = []
    if with_alerts:
        alerts = list(
            CareAlert.objects.filter(user=user, last_evidence_date__gte=start).order_by(
                "created_at"
            )
        )
    return Dashboard(
        range_key=range_key,
        start=start,
        today=today,
        charts=measure_charts,
        heatmap=None
        if range_only
        else charts.discomfort_heatmap({row.date: row.discomfort for row in rows}, today=today),
        streaks=[] if range_only else streaks(user, today=today),
        weekly=[] if range_only else insights.weekly_summary(rows, today=today),
        insights=insights.goal_insights(
            in_range,
            water_goal_ml=profile.water_goal_ml,
            exercise_goal_minutes=profile.exercise_goal_minutes,
        ),
        logged_days=len(in_range),
        alerts=alerts,
    )


def _range_words(range_key: str) -> str:
    return "all days" if range_key == "all" else f"last {range_key} days"


def notes_in_range(user, *, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    return list(
        CheckIn.objects.filter(user=user, date__range=(start, end))
        .exclude(notes="")
        .order_by("date")
        .values_list("date", "notes")
    )
