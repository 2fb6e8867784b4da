"""Everything a person has logged, in the shapes they can take away."""

import csv
import io
from collections.abc import Iterable

from tracker.models import CareAlert, CheckIn

CSV_COLUMNS = (
    "date",
    "posture",
    "exercise_minutes",
    "water_ml",
    "stress",
    "discomfort",
    "symptoms",
    "notes",
)
# A cell starting with one of these runs as a formula when the CSV is opened in a spreadsheet.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def checkins_for_export(user) -> Iterable[CheckIn]:
    return CheckIn.objects.filter(user=user).order_by("date")


def checkin_record(checkin: CheckIn) -> dict:
    return {
        "date": checkin.date.isoformat(),
        "posture": checkin.posture,
        "exercise_minutes": checkin.exercise_minutes,
        "water_ml": checkin.water_ml,
        "stress": checkin.stress,
        "discomfort": checkin.discomfort,
        "symptoms": list(checkin.symptoms),
        "notes": checkin.notes,
    }


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    text = str(value)
    if text.startswith(_FORMULA_PREFIXES):
        return "'" + text
    return text


def render_csv(checkins: Iterable[CheckIn]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for checkin in checkins:
        record = checkin_record(checkin)
        writer.writerow([_csv_cell(record[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def build_json(user, checkins: Iterable[CheckIn]) -> dict:
    profile = user.profile
    return {
        "account": {"username": user.get_username(), "email": user.email},
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
        "checkins": [checkin_record(checkin) for checkin in checkins],
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
