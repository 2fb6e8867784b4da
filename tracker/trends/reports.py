"""The clinician report: what a GP or physiotherapist reads, printed, saved as a PDF or opened
from a share link (tracker.trends.sharing). Every number is shown one way, with its unit."""

import copy
import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext

from tracker.care import shown
from tracker.care.said import answer_said
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.dates import local_today
from tracker.days import peg
from tracker.models import CareAlert, CheckIn
from tracker.ranges import ALL, RANGES, REPORT_RANGE
from tracker.trends import insights
from tracker.trends.dashboard import PEG_MEASURE, Dashboard
from tracker.trends.dashboard import build as build_dashboard
from tracker.trends.rows import first_logged_date
from tracker.trends.words import number, short_date, short_date_no_year

WORST_DAYS = 5


def with_unit(measure: insights.Measure, value: float | Decimal | None) -> str:
    """ "3.2 / 10", "4.0 / 5", "25 minutes", "1,788 ml": one format for each measure."""
    if value is None:
        return gettext("not logged")
    text = insights.format_value(measure, float(value))
    return f"{text} / {measure.unit[1:]}" if measure.unit.startswith("/") else text


@dataclass(frozen=True)
class Average:
    label: str
    average: str
    logged_days: int
    first_week: str  # the 7-day average at the start of the range
    last_week: str  # and at its end


@dataclass(frozen=True)
class SymptomCount:
    label: str
    days: int
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class WorstDay:
    date: dt.date
    discomfort: str
    symptoms: list[str]


@dataclass(frozen=True)
class EvidenceLine:
    """Answers behind a care alert, with the day they belong to and the day they were entered:
    a symptom backfilled weeks later reads so, not as if it had been logged that day."""

    answers: tuple[str, ...]
    logged_for: dt.date  # the day the answers belong to
    # When they were entered: the entry's own "entered" date where the alert keeps one, else
    # the day the alert was raised (CareAlert.created_at, on the person's clock).
    entered: dt.date
    entered_known: bool  # False: only "raised" is known, and the day came after it

    @property
    def words(self) -> str:
        """ "Pain at night, logged for 23 Oct (entered 2 Dec)"."""
        year = self.logged_for.year != self.entered.year
        words = {
            "answers": ", ".join(answer_said(answer) for answer in self.answers),
            "day": _short(self.logged_for, year=year),
        }
        if not self.entered_known:
            return (
                gettext("%(answers)s, logged for %(day)s (added after the alert was raised)")
                % words
            )
        if self.entered == self.logged_for:
            return gettext("%(answers)s, logged for %(day)s (entered the same day)") % words
        words["entered"] = _short(self.entered, year=year)
        return gettext("%(answers)s, logged for %(day)s (entered %(entered)s)") % words


def _short(day: dt.date, *, year: bool) -> str:
    return short_date(day) if year else short_date_no_year(day)


@dataclass(frozen=True)
class AlertEntry:
    record: shown.AlertRecord
    raised: dt.date  # on the person's clock
    evidence: list[EvidenceLine]


def alert_entry(alert: CareAlert, *, timezone_name: str) -> AlertEntry:
    raised = local_today(timezone_name, now=alert.created_at)
    lines = []
    for item in alert.evidence:
        logged_for = dt.date.fromisoformat(item["date"])
        entered = dt.date.fromisoformat(item["entered"]) if item.get("entered") else raised
        lines.append(
            EvidenceLine(
                answers=tuple(item["answers"]),
                logged_for=logged_for,
                entered=entered,
                entered_known=bool(item.get("entered")) or logged_for <= raised,
            )
        )
    return AlertEntry(record=shown.describe(alert), raised=raised, evidence=lines)


@dataclass(frozen=True)
class Report:
    name: str  # how the report names the person; empty when they gave no name to a shared one
    dashboard: Dashboard
    averages: list[Average]
    symptoms: list[SymptomCount]
    worst_days: list[WorstDay]
    alerts: list[AlertEntry]
    notes: list[tuple[dt.date, str]] | None  # None: left out of a shared report
    peg_scores: list[tuple[dt.date, str]]
    peg_change: peg.Change | None
    peg_source: str = peg.SOURCE

    @property
    def peg_change_text(self) -> str:
        change = self.peg_change
        if change is None:
            return ""
        words = {
            "first": formats.localize(change.first),
            "latest": formats.localize(change.latest),
            "points": number(f"{change.points:+}"),
        }
        if change.percent is None:
            return gettext("%(first)s → %(latest)s / 10 (%(points)s)") % words
        return gettext("%(first)s → %(latest)s / 10 (%(points)s, %(percent)s%%)") % {
            **words,
            "percent": f"{change.percent:+d}",
        }


def report_range(user, chosen: str | None, *, today: dt.date) -> str:
    """The period a report covers: the one chosen (in the address, or the share form), else
    the days the person has logged, up to REPORT_RANGE (90 days): a month in, a 90-day report
    would be two-thirds empty. Those are all their days, so the all-days range, which starts
    at the first; with nothing logged yet, or more than REPORT_RANGE of days, REPORT_RANGE."""
    if chosen in RANGES:
        return chosen
    first = first_logged_date(user)
    if first is not None and (today - first).days < RANGES[REPORT_RANGE].days:
        return ALL
    return REPORT_RANGE


def build(
    user, *, range_key: str, today: dt.date, include_notes: bool = True, shared: bool = False
) -> Report:
    # range_only: a report shows no streaks, so none are worked out.
    dashboard = build_dashboard(
        user, range_key=range_key, today=today, with_alerts=True, range_only=True
    )
    start = dashboard.start
    name = user.profile.display_name or ("" if shared else user.get_username())
    return Report(
        name=name,
        dashboard=dashboard,
        averages=averages(dashboard),
        symptoms=symptom_counts(user, start=start, end=today),
        worst_days=worst_days(user, start=start, end=today),
        alerts=[
            alert_entry(
                _as_it_stood(alert, last_day=today, timezone_name=user.profile.timezone)
                if shared
                else alert,
                timezone_name=user.profile.timezone,
            )
            for alert in dashboard.alerts
        ],
        notes=notes_newest_first(user, start=start, end=today) if include_notes else None,
        peg_scores=[(date, with_unit(PEG_MEASURE, score)) for date, score in dashboard.peg_scores],
        peg_change=dashboard.peg_change,
    )


def _as_it_stood(alert: CareAlert, *, last_day: dt.date, timezone_name: str) -> CareAlert:
    """The alert as it was when the shared period ended (midnight after `last_day`, on the
    person's clock): the copy is of those days, so an answer, a correction or a clearing made
    later is not on it (the alert reads as open then), nor are answers logged or entered after
    it. An unsaved copy: the alert itself is untouched."""
    try:
        zone = zoneinfo.ZoneInfo(timezone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC  # as tracker.dates.local_today reads it
    end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    past = copy.copy(alert)
    if past.acknowledged_at and past.acknowledged_at >= end:
        past.acknowledged_at, past.acknowledgement = None, ""
    if past.cleared_at and past.cleared_at >= end:
        past.cleared_at = None
    past.corrections = [c for c in past.corrections if dt.datetime.fromisoformat(c["at"]) < end]
    past.evidence = [
        item
        for item in past.evidence
        if dt.date.fromisoformat(item["date"]) <= last_day
        and dt.date.fromisoformat(item.get("entered") or item["date"]) <= last_day
    ]
    return past


def averages(dashboard: Dashboard) -> list[Average]:
    rows = []
    for chart in dashboard.charts:
        measure = chart.measure
        # The first and last 7-day averages with anything logged. What is drawn is in the
        # units shown (fl oz for some); with_unit takes stored ones.
        rolling = [v * measure.per_unit for v in chart.series.rolling if v is not None]
        rows.append(
            Average(
                label=measure.label,
                average=with_unit(measure, chart.average),
                logged_days=chart.logged_days,
                first_week=with_unit(measure, rolling[0] if rolling else None),
                last_week=with_unit(measure, rolling[-1] if rolling else None),
            )
        )
    return rows


def symptom_counts(user, *, start: dt.date, end: dt.date) -> list[SymptomCount]:
    """How many days each symptom was ticked, and its first and last day, most often first: one
    query over the days that ticked any."""
    dates: dict[str, list[dt.date]] = defaultdict(list)
    days = (
        CheckIn.objects.filter(user=user, date__range=(start, end))
        .exclude(symptoms=[])
        .order_by("date")
        .values_list("date", "symptoms")
    )
    for date, codes in days:
        for code in codes:
            dates[code].append(date)
    counts = [
        SymptomCount(gettext(SYMPTOM_LABELS.get(code, code)), len(days), days[0], days[-1])
        for code, days in dates.items()
    ]
    return sorted(counts, key=lambda count: (-count.days, count.label))


def worst_days(user, *, start: dt.date, end: dt.date) -> list[WorstDay]:
    """The days with the highest discomfort, the most recent first among equals."""
    discomfort = insights.MEASURES_BY_KEY["discomfort"]
    days = (
        CheckIn.objects.filter(user=user, date__range=(start, end), discomfort__isnull=False)
        .order_by("-discomfort", "-date")
        .values_list("date", "discomfort", "symptoms")[:WORST_DAYS]
    )
    return [
        WorstDay(
            date, with_unit(discomfort, value), [gettext(SYMPTOM_LABELS.get(c, c)) for c in codes]
        )
        for date, value, codes in days
    ]


def notes_newest_first(user, *, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    return list(
        CheckIn.objects.filter(user=user, date__range=(start, end))
        .exclude(notes="")
        .order_by("-date")
        .values_list("date", "notes")
    )
