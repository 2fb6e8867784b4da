"""What any source yields: days as plain data, independent of the file they came from."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from tracker.choices import TrackedKind

# The day's fields a source can carry, as the model names them (the PEG only comes with JSON).
VALUE_FIELDS = (
    "posture", "exercise_minutes", "water_ml", "stress", "discomfort", "notes", "rest_day",
    "sleep_hours", "woke_from_pain", "peg_pain", "peg_enjoyment", "peg_activity",
)  # fmt: skip
LIST_KINDS = {"pain_relief": TrackedKind.PAIN_RELIEF, "factors": TrackedKind.FACTOR}


@dataclass(frozen=True)
class ImportedDay:
    """One date of a file. `values` holds only what the file gives (a blank stays out, so it
    is stored as "not logged"); list entries are named, not numbered, since ids differ from
    one account to another."""

    date: dt.date
    values: dict[str, object] = field(default_factory=dict)
    symptoms: tuple[str, ...] = ()
    pain_relief: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    away: bool = False

    @property
    def has_content(self) -> bool:
        """Something to save as a check-in (a day only away is a break, not a check-in)."""
        return bool(self.values or self.symptoms or self.pain_relief or self.factors)

    @property
    def touches_red_flags(self) -> bool:
        return bool(self.symptoms) or self.values.get("discomfort") is not None

    def as_json(self) -> dict:
        values = {
            name: str(value) if isinstance(value, Decimal) else value
            for name, value in self.values.items()
        }
        return {
            "date": self.date.isoformat(),
            "values": values,
            "symptoms": list(self.symptoms),
            "pain_relief": list(self.pain_relief),
            "factors": list(self.factors),
            "away": self.away,
        }

    @classmethod
    def from_json(cls, data: dict) -> "ImportedDay":
        values = dict(data["values"])
        if values.get("sleep_hours") is not None:
            values["sleep_hours"] = Decimal(values["sleep_hours"])
        return cls(
            date=dt.date.fromisoformat(data["date"]),
            values=values,
            symptoms=tuple(data["symptoms"]),
            pain_relief=tuple(data["pain_relief"]),
            factors=tuple(data["factors"]),
            away=data["away"],
        )


@dataclass(frozen=True)
class ListEntry:
    kind: str  # TrackedKind
    name: str
    retired: bool = False  # the file says it is no longer in use


@dataclass(frozen=True)
class Parsed:
    """A whole file, read and checked: its days oldest first, the list entries they name (in
    the order the lists had), and which of the day's fields the file carries at all: a field
    it does not carry is left as it is on a day that clashes."""

    source: str
    days: tuple[ImportedDay, ...]
    entries: tuple[ListEntry, ...] = ()
    fields: frozenset[str] = frozenset()
    skipped_empty: int = 0  # rows with nothing in them

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "days": [day.as_json() for day in self.days],
            "entries": [[e.kind, e.name, e.retired] for e in self.entries],
            "fields": sorted(self.fields),
            "skipped_empty": self.skipped_empty,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Parsed":
        return cls(
            source=data["source"],
            days=tuple(ImportedDay.from_json(day) for day in data["days"]),
            entries=tuple(
                ListEntry(kind, name, retired) for kind, name, retired in data["entries"]
            ),
            fields=frozenset(data["fields"]),
            skipped_empty=data["skipped_empty"],
        )


@dataclass(frozen=True)
class Problem:
    """Why a file cannot be imported: where ("Line 4, column posture"; "" for the whole file)
    and what is wrong, in the words the check-in form uses."""

    where: str
    message: str


class Refused(Exception):
    """The file cannot be imported; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in problems[:3]))
        self.problems = problems
