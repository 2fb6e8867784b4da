"""Everything a person has logged, in the shapes they can take away."""

import csv
import datetime as dt
import io
from collections.abc import Iterable

from tracker.choices import TrackedKind
from tracker.days import peg
from tracker.models import AwayPeriod, CareAlert, CheckIn, TrackedItem
from tracker.trends import habits

# The export's names and values are the same in every language, as are its ISO dates and plain
# numbers: a file is read by tools and imported again, and one in Spanish would be a different
# format. (What people read about it, on the settings page, is translated there.)
CSV_COLUMNS = (
    "date",
    "posture",
    "exercise_minutes",
    "water_ml",
    "stress",
    "discomfort",
    "symptoms",
    "notes",
    "rest_day",
    "away",
    "sleep_hours",
    "woke_from_pain",
    "pain_relief",
    "factors",
)
# Yes/no answers a person may leave unanswered: "no" is said, a blank is not logged.
_YES_NO_COLUMNS = frozenset({"woke_from_pain"})
# A cell starting with one of these runs as a formula when the CSV is opened in a spreadsheet.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def checkins_for_export(user) -> Iterable[CheckIn]:
    return CheckIn.objects.filter(user=user).order_by("date")


def checkin_record(
    checkin: CheckIn, *, items: dict[int, TrackedItem] | None = None, away: bool = False
) -> dict:
    """A saved day. Pain reliefs and own factors are named as they are called now, retired or
    not (a renamed entry keeps its days), in the order of the person's lists: `items` holds
    all of them by id, in that order."""
    ticked_ids = set(checkin.item_ids)
    ticked = [item for pk, item in (items or {}).items() if pk in ticked_ids]
    return {
        "date": checkin.date.isoformat(),
        "posture": checkin.posture,
        "exercise_minutes": checkin.exercise_minutes,
        "water_ml": checkin.water_ml,
        "stress": checkin.stress,
        "discomfort": checkin.discomfort,
        "symptoms": list(checkin.symptoms),
        "notes": checkin.notes,
        "rest_day": checkin.rest_day,
        "away": away,
        "sleep_hours": None if checkin.sleep_hours is None else float(checkin.sleep_hours),
        "woke_from_pain": checkin.woke_from_pain,
        "pain_relief": [item.name for item in ticked if item.kind == TrackedKind.PAIN_RELIEF],
        "factors": [item.name for item in ticked if item.kind == TrackedKind.FACTOR],
    }


def day_records(user, *, today: dt.date) -> list[dict]:
    """One record per saved day, and per day away up to today even with nothing logged, oldest
    first: time away is part of the record."""
    periods = list(
        AwayPeriod.objects.filter(user=user, start__lte=today).values_list("start", "end")
    )
    away_days = habits.away_dates(
        periods, start=min((start for start, _ in periods), default=today), end=today
    )
    items = {item.pk: item for item in user.tracked_items.order_by("created_at", "pk")}
    records = {
        checkin.date: checkin_record(checkin, items=items, away=checkin.date in away_days)
        for checkin in checkins_for_export(user)
    }
    for day in away_days - records.keys():
        records[day] = {
            **dict.fromkeys(CSV_COLUMNS), "date": day.isoformat(), "symptoms": [], "notes": "",
            "rest_day": False, "away": True, "pain_relief": [], "factors": [],
        }  # fmt: skip
    return [records[day] for day in sorted(records)]


def _csv_cell(value, *, yes_no: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ("no" if yes_no else "")
    if isinstance(value, list):
        # Each name is guarded, and each part of one holding ";": a spreadsheet set to split
        # on ";" (the usual separator where "," is the decimal mark) makes each its own cell.
        return ";".join(_guarded(part) for name in value for part in name.split(";"))
    return _guarded(str(value))


def _guarded(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


def render_csv(records: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(
            [_csv_cell(record[column], yes_no=column in _YES_NO_COLUMNS) for column in CSV_COLUMNS]
        )
    return buffer.getvalue()


def build_json(user, records: list[dict]) -> dict:
    profile = user.profile
    return {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "display_name": profile.display_name,
        },
        "settings": {
            "timezone": profile.timezone,
            "country": profile.country.code or "",
            "water_unit": profile.water_unit,
            "water_goal_ml": profile.water_goal_ml,
            "exercise_goal_minutes": profile.exercise_goal_minutes,
            "show_reminder": profile.show_reminder,
        },
        "health_profile": {
            "age_band": profile.age_band,
            "cancer_history": profile.cancer_history,
            "infection_risk": profile.infection_risk,
            "osteoporosis": profile.osteoporosis,
            "long_term_steroids": profile.long_term_steroids,
        },
        "checkins": records,
        "tracked": [
            {
                "kind": kind,
                "name": name,
                "created_at": created_at.isoformat(),
                "retired_at": retired_at.isoformat() if retired_at else None,
            }
            for kind, name, created_at, retired_at in user.tracked_items.order_by(
                "kind", "created_at", "pk"
            ).values_list("kind", "name", "created_at", "retired_at")
        ],
        "peg": [
            {
                "date": date.isoformat(),
                "pain": pain,
                "enjoyment": enjoyment,
                "activity": activity,
                "score": float(peg.score(pain, enjoyment, activity)),
            }
            for date, pain, enjoyment, activity in CheckIn.objects.filter(
                user=user, peg_pain__isnull=False
            )
            .order_by("date")
            .values_list("date", "peg_pain", "peg_enjoyment", "peg_activity")
        ],
        # The links made to share the report (never their tokens: only hashes are kept).
        "share_links": [
            _share_link_record(link) for link in user.share_links.order_by("created_at")
        ],
        "away_periods": [
            {"start": start.isoformat(), "end": end.isoformat()}
            for start, end in AwayPeriod.objects.filter(user=user)
            .order_by("start")
            .values_list("start", "end")
        ],
        "care_alerts": [
            {
                "rule": alert.rule,
                "tier": alert.tier,
                "raised_at": alert.created_at.isoformat(),
                "evidence": alert.evidence,
                "acknowledged_at": alert.acknowledged_at.isoformat()
                if alert.acknowledged_at
                else None,
                "acknowledgement": alert.acknowledgement,
                "cleared_at": alert.cleared_at.isoformat() if alert.cleared_at else None,
            }
            for alert in CareAlert.objects.filter(user=user).order_by("created_at")
        ],
    }


def _share_link_record(link) -> dict:
    def when(moment):
        return moment.isoformat() if moment else None

    return {
        "range": link.range_key,
        "end_date": link.end_date.isoformat(),
        "include_notes": link.include_notes,
        "created_at": when(link.created_at),
        "expires_at": when(link.expires_at),
        "revoked_at": when(link.revoked_at),
        "opened": link.open_count,
        "last_opened_at": when(link.last_opened_at),
    }
