"""Loads what the trends dashboard and the clinician report need, in a fixed number of queries
whatever the length of a person's history, and assembles it for the templates."""

import datetime as dt
import functools
import hashlib
from array import array
from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import connection
from django.db.models import Min
from django.utils.safestring import SafeString

from tracker import ranges
from tracker.choices import WaterUnit
from tracker.dates import EARLIEST_CHECKIN_DATE
from tracker.days import peg, tracked
from tracker.limits import ML_PER_US_FL_OZ
from tracker.models import AwayPeriod, CareAlert, CheckIn
from tracker.trends import charts, habits, insights, streaks
from tracker.trends.insights import DayRow

NOT_LOGGED = -1


def first_logged_date(user) -> dt.date | None:
    return CheckIn.objects.filter(user=user).aggregate(first=Min("date"))["first"]


def measures_for(water_unit: str) -> dict[str, insights.Measure]:
    """The measures as this person reads them: water in US fl oz for those who chose it."""
    if water_unit != WaterUnit.US_FLUID_OUNCES:
        return insights.MEASURES_BY_KEY
    ounces = replace(insights.MEASURES_BY_KEY["water_ml"], unit="fl oz", per_unit=ML_PER_US_FL_OZ)
    return {**insights.MEASURES_BY_KEY, "water_ml": ounces}


def range_start(user, *, range_key: str, today: dt.date) -> dt.date:
    first = first_logged_date(user) if range_key == ranges.ALL else None
    return ranges.range_start(range_key, today=today, first_logged=first)


def load_rows(user, *, start: dt.date, end: dt.date) -> list[DayRow]:
    """Saved days from start to end, oldest first, straight from the cursor (both backends
    return the date column as a date): a year is ~370 rows per page, and the ORM's per-row
    work was most of the cost. A measure not logged is None: a gap for that measure only."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(_COLUMNS[field] for field in DayRow._fields)} "
            f"FROM {CheckIn._meta.db_table} "
            "WHERE user_id = %s AND date BETWEEN %s AND %s ORDER BY date",
            [user.pk, start, end],
        )
        return list(map(_day_row, cursor.fetchall()))


# Two of DayRow's fields are worked out by the database, as whole numbers; the rest are columns
# of the same name. An expression for a field DayRow lacks would be fetched into the wrong slot.
_COMPUTED = {
    "sleep_half_hours": "CAST(sleep_hours * 2 AS INTEGER)",
    "peg_total": "peg_pain + peg_enjoyment + peg_activity",
}
if unknown := _COMPUTED.keys() - set(DayRow._fields):
    raise RuntimeError(f"Not DayRow fields: {sorted(unknown)}")
_COLUMNS = {field: _COMPUTED.get(field, field) for field in DayRow._fields}

# _make skips the named tuple's keyword handling but still refuses a row of the wrong length.
_day_row = DayRow._make


def away_periods(user, *, since: dt.date = EARLIEST_CHECKIN_DATE) -> list[tuple[dt.date, dt.date]]:
    """(first, last) of each break that ends on or after `since`, oldest first: a plain cursor,
    like load_rows, as every trends page and the home page ask."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT start, {connection.ops.quote_name('end')} FROM {AwayPeriod._meta.db_table} "
            f"WHERE user_id = %s AND {connection.ops.quote_name('end')} >= %s ORDER BY start",
            [user.pk, since],
        )
        return cursor.fetchall()


class Dashboard:
    """What the trends page and the report show for one range. The charts, heatmap and insights
    are drawn only when a template first asks for them: the trends page keeps their markup in
    the fragment cache under `fingerprint`, a digest of every input they are drawn from, so a
    repeat view reuses it and any change to a day, a goal or the date draws them afresh."""

    def __init__(
        self,
        *,
        account: str,
        range_key: str,
        start: dt.date,
        today: dt.date,
        rows: list[DayRow],
        goals: dict[str, int],
        water_unit: str,
        streaks: list[streaks.Streak],
        streaks_all_time: bool,
        alerts: list,
        away: list[tuple[dt.date, dt.date]],
        items: dict[int, tracked.Entry] | None = None,
    ) -> None:
        self.range_key, self.start, self.today = range_key, start, today
        self.range_words = ranges.range_words(range_key)
        self.account, self.water_unit = account, water_unit
        self.rows, self.goals = rows, goals
        self.measures = measures_for(water_unit)
        self.in_range = [row for row in rows if row.date >= start]
        self.logged_days = len(self.in_range)
        self.streaks, self.streaks_all_time = streaks, streaks_all_time
        self.alerts = alerts
        self.away = away
        self.items = items or {}

    @functools.cached_property
    def _row_numbers(self) -> array:
        """Every loaded row as numbers (all but the ticked items, the last field), oldest
        first: what the digests are taken over. A measure not logged is -1, which no logged
        value can be."""
        return array(
            "q",
            [
                NOT_LOGGED if number is None else number
                for row in self.rows
                for number in (row.date.toordinal(), *row[1:-1])
            ],
        )

    @functools.cached_property
    def fingerprint(self) -> str:
        settings = {
            **self.goals,
            "water_unit": self.water_unit,
            "away": repr(self.away),
            "items": repr(self.items),  # their names, kinds and dates
            # Which ones each row ticked, in the rows' order (their dates are in the numbers).
            "ticked": "|".join(row.item_ids for row in self.rows),
        }
        return _fingerprint(
            self.account, self.range_key, self.start, self.today, settings, self._row_numbers
        )

    @functools.cached_property
    def heatmap_fingerprint(self) -> str:
        """The year of discomfort is the same whatever the range: its own digest, over the
        year's rows only (the newest, at the end), lets every range share one drawing."""
        year_start = self.today - dt.timedelta(days=charts.HEATMAP_DAYS)
        in_year = sum(1 for row in self.rows if row.date >= year_start)
        width = len(DayRow._fields) - 1
        year_numbers = self._row_numbers[len(self._row_numbers) - width * in_year :]
        return _fingerprint(self.account, "heatmap", year_start, self.today, {}, year_numbers)

    @functools.cached_property
    def weekly(self) -> list[insights.WeeklyLine]:
        return insights.weekly_summary(
            self.rows, today=self.today, measures=tuple(self.measures.values())
        )

    @functools.cached_property
    def _series(self) -> dict[str, insights.Series]:
        """Every charted measure over the range, the PEG's total too: one calendar for all."""
        return insights.measure_series(
            self.rows, [*insights.MEASURES_BY_KEY, "peg_total"], start=self.start, end=self.today
        )

    @functools.cached_property
    def charts(self) -> list[charts.Chart]:
        series = self._series
        return [
            charts.line_chart(
                measure=measure,
                series=series[measure.key],
                goal=self.goals.get(measure.key),
                chart_id=f"chart-{measure.key}",
                caption=f"{measure.label}, {self.range_words}",
            )
            for measure in self.measures.values()
        ]

    @functools.cached_property
    def strengths(self) -> habits.Strengths:
        first = self.rows[0].date if self.rows else self.start
        return habits.strengths(
            self.rows,  # DayRow has LoggedDay's attributes
            goals=habits.Goals(self.goals["water_ml"], self.goals["exercise_minutes"]),
            away=habits.away_dates(self.away, start=min(first, self.start), end=self.today),
            start=min(first, self.start),
            end=self.today,
        )  # fmt: skip

    @functools.cached_property
    def habit_charts(self) -> list[tuple[str, str, int, "charts.Chart"]]:
        """(habit, label, percent today, chart of its strength over the range) per habit."""
        strengths = self.strengths
        offset = (self.start - strengths.first).days
        drawn = []
        for habit in habits.HABITS:
            chart = charts.strength_chart(
                label=habits.HABIT_LABELS[habit],
                shares=strengths.scores[habit][offset:],
                first=self.start,
                chart_id=f"chart-strength-{habit}",
                caption=f"{habits.HABIT_LABELS[habit]} strength, {self.range_words}",
            )
            drawn.append((habit, habits.HABIT_LABELS[habit], strengths.percent(habit), chart))
        return drawn

    @functools.cached_property
    def ticked(self) -> tracked.Ticked:
        return tracked.ticked_on(self.items, self.in_range)

    @functools.cached_property
    def tag_insights(self) -> list[insights.Insight]:
        """Days with and without each pain relief and own factor ticked in the range."""
        return insights.tag_insights(self.in_range, tracked.tags(self.ticked))

    @functools.cached_property
    def item_days(self) -> list[tracked.ItemDays]:
        return tracked.item_days(self.ticked)

    @functools.cached_property
    def sleep(self) -> insights.SleepSummary:
        return insights.sleep_summary(self.in_range)

    @functools.cached_property
    def peg_scores(self) -> list[tuple[dt.date, Decimal]]:
        return [(row.date, peg.score_from_total(row.peg_total)) for row in self.in_range
                if row.peg_total is not None]  # fmt: skip

    @functools.cached_property
    def peg_change(self) -> "peg.Change | None":
        return peg.change([row.peg_total for row in self.in_range if row.peg_total is not None])

    @functools.cached_property
    def peg_chart(self) -> "charts.Chart":
        series = self._series["peg_total"]
        scores = insights.Series(
            series.days,
            [
                None if total is None else float(peg.score_from_total(total))
                for total in series.values
            ],
            [None] * len(series),
        )
        return charts.line_chart(
            measure=PEG_MEASURE,
            series=scores,
            goal=None,
            chart_id="chart-peg",
            caption=f"PEG score, {self.range_words}",
        )

    @functools.cached_property
    def heatmap(self) -> SafeString:
        return charts.discomfort_heatmap(
            {row.date: row.discomfort for row in self.rows}, today=self.today
        )

    @functools.cached_property
    def insights(self) -> list[insights.Insight]:
        return insights.goal_insights(
            self.in_range,
            water_goal_ml=self.goals["water_ml"],
            exercise_goal_minutes=self.goals["exercise_minutes"],
            water=self.measures["water_ml"],
        )


def _fingerprint(
    account: str,
    range_key: str,
    start: dt.date,
    today: dt.date,
    goals: dict[str, int | str],
    row_numbers: array,
) -> str:
    """A digest of everything the cached parts are drawn from. The account is part of it (its
    id and when it was created, so a reused id is a different account), so nobody is ever
    shown a fragment drawn for someone else."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{account}|{range_key}|{start}|{today}|{sorted(goals.items())}".encode())
    digest.update(row_numbers)
    return digest.hexdigest()


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
    start = range_start(user, range_key=range_key, today=today)
    last_monday = today - dt.timedelta(days=today.weekday() + 7)
    load_from = min(
        # Habit strength reads the months before what it shows (tracker.trends.habits): today's
        # percent from WARM_UP_DAYS back (the heatmap's year covers it), the chart's first
        # point from CHART_WARM_UP_DAYS before the range.
        start - dt.timedelta(days=habits.CHART_WARM_UP_DAYS),
        today - dt.timedelta(days=max(charts.HEATMAP_DAYS, habits.WARM_UP_DAYS)),
        last_monday,
    )
    rows = load_rows(user, start=load_from, end=today)
    away = away_periods(user)
    items = tracked.entries_for(user, rows)
    streak_list, streaks_all_time = [], False
    if not range_only:
        streak_list, streaks_all_time = streaks.from_loaded(
            user, rows, today=today, whole_history=range_key == ranges.ALL, away=away
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
        account=f"{user.pk}@{user.date_joined.isoformat()}",
        range_key=range_key,
        start=start,
        today=today,
        rows=rows,
        goals={
            "water_ml": profile.water_goal_ml,
            "exercise_minutes": profile.exercise_goal_minutes,
        },
        water_unit=profile.water_unit,
        streaks=streak_list,
        streaks_all_time=streaks_all_time,
        alerts=alerts,
        away=away,
        items=items,
    )


@dataclass(frozen=True)
class MeasureTable:
    """One chart's numbers as a table: "show as table" loads it on request, so the dashboard
    does not carry five tables of a year each."""

    measure: insights.Measure
    range_key: str
    start: dt.date
    today: dt.date
    weekly: bool
    rows: SafeString


def measure_table(
    user, *, measure: insights.Measure, range_key: str, today: dt.date
) -> MeasureTable:
    start = range_start(user, range_key=range_key, today=today)
    rows = load_rows(user, start=start - dt.timedelta(days=insights.ROLLING_DAYS - 1), end=today)
    series = insights.measure_series(rows, [measure.key], start=start, end=today)[measure.key]
    shown, weekly = charts.as_drawn(series, measure)
    return MeasureTable(measure, range_key, start, today, weekly, charts.table_rows(shown))


PEG_MEASURE = insights.Measure("peg_total", "PEG score", "/10", 0, 10)


def habit_strengths(user, *, today: dt.date) -> habits.Strengths:
    """Each habit's strength up to today, for the home page: the last WARM_UP_DAYS of saved
    days, one narrow query, and the away periods."""
    start = today - dt.timedelta(days=habits.WARM_UP_DAYS)
    profile = user.profile
    logged = [
        habits.LoggedDay(*values)
        for values in CheckIn.objects.filter(user=user, date__range=(start, today)).values_list(
            "date", "water_ml", "exercise_minutes", "posture", "rest_day"
        )
    ]
    return habits.strengths(
        logged,
        goals=habits.Goals(profile.water_goal_ml, profile.exercise_goal_minutes),
        away=habits.away_dates(away_periods(user, since=start), start=start, end=today),
        start=start,
        end=today,
    )
