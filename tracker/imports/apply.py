"""Writing a previewed file: all of it or none of it, in one transaction.

Each day goes through tracker.days.checkins.record_day, the one way a day changes, so the
red-flag rules run on imported days exactly as on days logged in the app (and in the same
transaction). An emergency from months ago reads as a past event wherever it is shown
(tracker.care.shown.is_past_event)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models.functions import Lower

from tracker.care import redflags
from tracker.choices import TrackedKind
from tracker.days import checkins, tracked
from tracker.days.away import MAX_AWAY_DAYS
from tracker.imports.days import LIST_KINDS, VALUE_FIELDS, ImportedDay, Parsed
from tracker.imports.preview import away_days_already, clashing_dates, planned_entries
from tracker.models import AwayPeriod, CareAlert, CheckIn, TrackedItem


@dataclass(frozen=True)
class Outcome:
    written: int  # days saved from the file
    kept_here: int  # clashing days left as they were
    breaks: int  # time-away periods added
    entries_added: int
    alert_rules: tuple[str, ...]  # the rules that fired on imported days and are open now


def apply(user, parsed: Parsed, *, use_file: bool, today: dt.date) -> Outcome:
    """`use_file`: a day that already has answers here takes the file's (else it is kept)."""
    with transaction.atomic():
        added = _add_entries(user, parsed)
        ids = {
            (kind, lowered): pk
            for pk, kind, lowered in TrackedItem.objects.filter(user=user)
            .annotate(lowered=Lower("name"))
            .values_list("pk", "kind", "lowered")
        }
        clashes = set(clashing_dates(user, parsed))
        written = kept = 0
        fired: dict[str, redflags.Firing] = {}
        for day in parsed.days:
            if not day.has_content:
                continue
            if day.date in clashes and not use_file:
                kept += 1
                continue
            values = _values(user, day, parsed.fields, ids, clash=day.date in clashes)
            saved = checkins.record_day(
                user=user, date=day.date, today=today, change=checkins.DayChange(values=values)
            )
            fired.update((firing.rule.code, firing) for firing in saved.firings)
            written += 1
        breaks = _add_breaks(user, parsed)
    still_open = CareAlert.objects.open().filter(user=user, rule__in=fired)
    return Outcome(
        written=written,
        kept_here=kept,
        breaks=breaks,
        entries_added=added,
        alert_rules=tuple(still_open.values_list("rule", flat=True)),
    )


def _add_entries(user, parsed: Parsed) -> int:
    """The list entries the file names that the person lacks, through tracker.days.tracked (its
    limits and name rules): in use while the list has room, else added and retired at once, so
    the days that ticked them keep them ("no longer tracked")."""
    planned = planned_entries(user, parsed)
    kinds = {label: kind for kind, label in TrackedKind.choices}
    for entry in planned:
        kind = kinds[entry.kind_label]
        if entry.retired:
            item = TrackedItem.objects.create(user=user, kind=kind, name=entry.name)
            tracked.retire(item)
        else:
            tracked.add(user, kind=kind, name=entry.name)
    return len(planned)


def _values(
    user, day: ImportedDay, fields: frozenset[str], ids: dict, *, clash: bool
) -> dict[str, object]:
    """The day's answers as record_day takes them: every field the file carries, None (not
    logged) where it is blank, so "use the file" gives the file's day. A new day leaves out
    what would be empty anyway, so a day with no pain score or symptom runs no red-flag check
    it cannot fire."""
    values: dict[str, object] = {}
    for name in VALUE_FIELDS:
        if name in fields:
            values[name] = day.values.get(name, False if name == "rest_day" else None)
    if "notes" in values and values["notes"] is None:
        values["notes"] = ""
    if "symptoms" in fields:
        values["symptoms"] = list(day.symptoms)
    carried = [column for column in LIST_KINDS if column in fields]
    if carried:
        ticked = {
            ids[(LIST_KINDS[column], name.lower())]
            for column in carried
            for name in getattr(day, column)
        }
        if clash and len(carried) < len(LIST_KINDS):
            # The file has no column for the other list: the day keeps what it ticked there.
            other = {kind for column, kind in LIST_KINDS.items() if column not in carried}
            stored = CheckIn.objects.get(user=user, date=day.date).item_ids
            ticked |= set(
                TrackedItem.objects.filter(pk__in=stored, kind__in=other).values_list(
                    "pk", flat=True
                )
            )
        values["item_ids"] = sorted(ticked)
    if not clash:
        if values.get("discomfort") is None:
            values.pop("discomfort", None)
        if not values.get("symptoms"):
            values.pop("symptoms", None)
    return values


def _add_breaks(user, parsed: Parsed) -> int:
    """The file's days away that no break here covers, as breaks of consecutive days, each at
    most MAX_AWAY_DAYS long (tracker.days.away's limit)."""
    covered = away_days_already(user, parsed)
    days = sorted(day.date for day in parsed.days if day.away and day.date not in covered)
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and day - runs[-1][-1] == dt.timedelta(days=1) and len(runs[-1]) < MAX_AWAY_DAYS:
            runs[-1].append(day)
        else:
            runs.append([day])
    AwayPeriod.objects.bulk_create(AwayPeriod(user=user, start=run[0], end=run[-1]) for run in runs)
    return len(runs)
