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


STREAK_LABELS = {
    "checkin": "Days checked in",
    "water": "Days meeting your water goal",
    "exercise": "Days meeting your exercise goal",
}


def streaks(user, *, today: dt.date) -> list[Streak]:
    """Current and longest runs over the whole history: one narrow query on the (user, date)
    index, the goal tests done by the database, then a single pass in Python. A plain cursor
    skips the ORM's per-row work, which dominated with ten years of days."""
    profile = user.profile
    table = CheckIn._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT date, water_ml >= %s, exercise_minutes >= %s FROM {table} "
            "WHERE user_id = %s AND discomfort IS NOT NULL AND date <= %s ORDER BY date",
            [profile.water_goal_ml, profile.exercise_goal_minutes, user.pk, today],
        )
        rows = cursor.fetchall()
    dates: dict[str, list[dt.date]] = {"checkin": [], "water": [], "exercise": []}
    for raw_date, water_met, exercise_met in rows:
        date = raw_date if isinstance(raw_date, dt.date) else dt.date.fromisoformat(raw_date)
        dates["checkin"].append(date)
        if water_met:
            dates["water"].append(date)
        if exercise_met:
            dates["exercise"].append(date)
    result = []
    for kind, label in STREAK_LABELS.items():
        found = insights.runs(dates[kind])
        longest = max((length for _, length in found), default=0)
        result.append(
            insights.streak_from_runs(label, found[-1] if found else None, longest, today=today)
        )
    return result


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
