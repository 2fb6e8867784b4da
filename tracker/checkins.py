"""Writing and reading a person's days. Each write is atomic: a day is saved whole or not at all."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from tracker.models import WATER_ML_MAX, CheckIn

MEASURES = ("posture", "exercise_minutes", "water_ml", "stress", "discomfort")
# Values carried over from the last complete day as a starting point for today's form.
CARRIED_OVER = ("posture", "exercise_minutes", "stress", "discomfort")


class WaterLimitReached(Exception):
    pass


def save_day(
    *,
    user,
    date: dt.date,
    posture: int,
    exercise_minutes: int,
    water_ml: int,
    stress: int,
    discomfort: int,
    symptoms: list[str] | None = None,
    notes: str = "",
    water_seen_ml: int | None = None,
) -> CheckIn:
    with transaction.atomic():
        current = (
            CheckIn.objects.select_for_update()
            .filter(user=user, date=date)
            .values_list("water_ml", flat=True)
            .first()
        )
        if current is not None and water_seen_ml is not None and current != water_seen_ml:
            # Water was tapped in after the form was shown: keep those taps.
            water_ml = max(0, min(WATER_ML_MAX, water_ml + current - water_seen_ml))
        return _update_or_create_day(
            user=user,
            date=date,
            posture=posture,
            exercise_minutes=exercise_minutes,
            water_ml=water_ml,
            stress=stress,
            discomfort=discomfort,
            symptoms=symptoms,
            notes=notes,
        )


def _update_or_create_day(*, user, date: dt.date, **values) -> CheckIn:
    values["symptoms"] = values["symptoms"] or []
    checkin, _created = CheckIn.objects.update_or_create(
        user=user,
        date=date,
        defaults=values,
    )
    return checkin


def add_water(*, user, date: dt.date, amount_ml: int) -> CheckIn:
    """Adds water in the database (F expression), so simultaneous taps all count."""
    with transaction.atomic():
        checkin, _created = CheckIn.objects.get_or_create(user=user, date=date)
        updated = CheckIn.objects.filter(
            pk=checkin.pk, water_ml__lte=WATER_ML_MAX - amount_ml
        ).update(water_ml=F("water_ml") + amount_ml, updated_at=timezone.now())
        if not updated:
            raise WaterLimitReached
    checkin.refresh_from_db()
    return checkin


@dataclass(frozen=True)
class FormStart:
    initial: dict
    carried_from: dt.date | None


def form_starting_values(*, user, date: dt.date, existing: CheckIn | None) -> FormStart:
    """The day's own values when it is complete; otherwise the last complete earlier day's,
    so a routine day is a matter of confirming rather than retyping."""
    if existing is not None and existing.is_complete:
        return FormStart(
            initial={field: getattr(existing, field) for field in (*MEASURES, "symptoms", "notes")},
            carried_from=None,
        )
    previous = (
        CheckIn.objects.filter(user=user, date__lt=date, discomfort__isnull=False)
        .order_by("-date")
        .values(*CARRIED_OVER, "date")
        .first()
    )
    initial: dict = {"water_ml": existing.water_ml if existing else None}
    if previous is None:
        return FormStart(initial=initial, carried_from=None)
    initial.update({field: previous[field] for field in CARRIED_OVER})
    return FormStart(initial=initial, carried_from=previous["date"])


@dataclass(frozen=True)
class DaySummary:
    date: dt.date
    checkin: CheckIn | None

    @property
    def state(self) -> str:
        if self.checkin is None:
            return "missing"
        return "done" if self.checkin.is_complete else "partial"


def recent_days(*, user, today: dt.date, days: int = 7) -> list[DaySummary]:
    first = today - dt.timedelta(days=days - 1)
    by_date = {c.date: c for c in CheckIn.objects.filter(user=user, date__range=(first, today))}
    return [
        DaySummary(date=day, checkin=by_date.get(day))
        for day in (today - dt.timedelta(days=offset) for offset in range(days))
    ]
