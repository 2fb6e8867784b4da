"""What a file would bring in, before anything is written: how many days, from when to when,
which of them already have answers here, and what each column becomes."""

import datetime as dt
from dataclasses import dataclass

from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tracker.choices import TrackedKind
from tracker.days.tracked import ACTIVE_LIMITS
from tracker.imports.days import LIST_KINDS, Parsed
from tracker.models import AwayPeriod, CheckIn, TrackedItem

# The clashing days listed by date; past that, the count says how many more.
CLASHES_LISTED = 10

# What each part of a day becomes here, in the check-in's words.
COLUMN_WORDS = (
    ("posture", _("Posture (1–5)")),
    ("exercise_minutes", _("Exercise, in minutes")),
    ("water_ml", _("Water, in ml (shown in your own unit)")),
    ("stress", _("Stress (0–10)")),
    ("discomfort", _("Back discomfort (0–10)")),
    ("symptoms", _("Symptoms, checked by the care rules as they go in")),
    ("notes", _("Notes")),
    ("rest_day", _("Rest days")),
    ("away", _("Time away: breaks of up to 60 days")),
    ("sleep_hours", _("Hours slept")),
    ("woke_from_pain", _("Woke from pain (yes or no)")),
    ("pain_relief", _("Pain relief, by name")),
    ("factors", _("Your own factors, by name")),
    ("peg", _("The weekly PEG answers")),
)


@dataclass(frozen=True)
class Column:
    name: str
    becomes: str
    days: int  # how many of the file's days give it


@dataclass(frozen=True)
class NewEntry:
    kind_label: str
    name: str
    retired: bool  # added as "no longer tracked": retired in the file, or the list is full


@dataclass(frozen=True)
class Preview:
    days: int
    first: dt.date | None
    last: dt.date | None
    clashes: list[dt.date]  # days with answers both here and in the file, oldest first
    columns: list[Column]
    new_entries: list[NewEntry]
    skipped_empty: int

    @property
    def clashes_listed(self) -> list[dt.date]:
        return self.clashes[:CLASHES_LISTED]

    @property
    def clashes_more(self) -> int:
        return max(0, len(self.clashes) - CLASHES_LISTED)


def _given(parsed: Parsed, name: str) -> int:
    if name == "peg":
        return sum(1 for day in parsed.days if "peg_pain" in day.values)
    if name == "away":
        return sum(1 for day in parsed.days if day.away)
    if name in ("symptoms", *LIST_KINDS):
        return sum(1 for day in parsed.days if getattr(day, name))
    return sum(1 for day in parsed.days if name in day.values)


def clashing_dates(user, parsed: Parsed) -> list[dt.date]:
    """The file's days with answers that already have a check-in here."""
    dates = [day.date for day in parsed.days if day.has_content]
    if not dates:
        return []
    stored = set(
        CheckIn.objects.filter(user=user, date__range=(min(dates), max(dates))).values_list(
            "date", flat=True
        )
    )
    return [day for day in dates if day in stored]


def planned_entries(user, parsed: Parsed) -> list[NewEntry]:
    """The list entries the file names that the person does not have yet (in any capitals),
    and whether each can be in use: a list keeps at most its limit in use, the rest are added
    retired, so their days keep them."""
    have = set(
        TrackedItem.objects.filter(user=user)
        .annotate(lowered=Lower("name"))
        .values_list("kind", "lowered")
    )
    in_use = {
        kind: TrackedItem.objects.filter(user=user, kind=kind, retired_at=None).count()
        for kind in LIST_KINDS.values()
    }
    labels = dict(TrackedKind.choices)
    planned = []
    for entry in parsed.entries:
        if (entry.kind, entry.name.lower()) in have:
            continue
        have.add((entry.kind, entry.name.lower()))
        retired = entry.retired or in_use[entry.kind] >= ACTIVE_LIMITS[entry.kind]
        if not retired:
            in_use[entry.kind] += 1
        planned.append(NewEntry(labels[entry.kind], entry.name, retired))
    return planned


def build(user, parsed: Parsed) -> Preview:
    dates = [day.date for day in parsed.days]
    # Time away is listed when the file has any (a Loop file, say, never does).
    away = {"away"} if any(day.away for day in parsed.days) else set()
    carried = parsed.fields | away | ({"peg"} if "peg_pain" in parsed.fields else set())
    columns = [
        Column(name, words, _given(parsed, name)) for name, words in COLUMN_WORDS if name in carried
    ]
    return Preview(
        days=len(dates),
        first=min(dates, default=None),
        last=max(dates, default=None),
        clashes=clashing_dates(user, parsed),
        columns=columns,
        new_entries=planned_entries(user, parsed),
        skipped_empty=parsed.skipped_empty,
    )


def away_days_already(user, parsed: Parsed) -> set[dt.date]:
    """The file's days away that a break here already covers."""
    away = [day.date for day in parsed.days if day.away]
    if not away:
        return set()
    covered = set()
    for start, end in AwayPeriod.objects.filter(
        user=user, start__lte=max(away), end__gte=min(away)
    ).values_list("start", "end"):
        covered |= {day for day in away if start <= day <= end}
    return covered
