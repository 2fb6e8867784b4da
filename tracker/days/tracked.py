"""What each person chooses to track beyond the fixed measures: the pain relief they use and
factors of their own. Short lists, renamed or retired without losing a past day."""

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker import plain
from tracker.choices import TrackedKind
from tracker.models import Profile, TrackedItem
from tracker.trends import insights, tracked_insights

# How many each person keeps in use at once: enough to matter, few enough to tick in a second.
ACTIVE_LIMITS = {TrackedKind.PAIN_RELIEF: 8, TrackedKind.FACTOR: 10}


class Listed(NamedTuple):
    """An item as its list shows it: what the check-in offers, and Settings renames or retires
    (a TrackedItem serves as well)."""

    pk: int
    kind: str
    name: str
    retired_at: dt.datetime | None


@dataclass(frozen=True)
class Lists:
    """A person's items, each kind in order: those in use, and those retired."""

    items: "list[Listed | TrackedItem]"

    def active(self, kind: str) -> "list[Listed | TrackedItem]":
        return [item for item in self.items if item.kind == kind and item.retired_at is None]

    def retired(self, kind: str) -> "list[Listed | TrackedItem]":
        return [item for item in self.items if item.kind == kind and item.retired_at is not None]

    def room_for(self, kind: str) -> int:
        return ACTIVE_LIMITS[kind] - len(self.active(kind))


class NameTaken(Exception):
    """The person already has that name on the list, in any capitals, in use or retired (or
    the database refused it: a second tap on Add a moment ago). Its text says which."""

    def __init__(self, same: TrackedItem | None = None):
        self.same = same
        if same is None:
            words = gettext("You already have that name on this list.")
        elif same.retired_at is not None:
            words = gettext("“%(name)s” is retired: bring it back from the list below.") % {
                "name": same.name
            }
        else:
            words = gettext("You already have “%(name)s” on this list.") % {"name": same.name}
        super().__init__(words)


def find_by_name(user, *, kind: str, name: str, exclude: int | None = None) -> TrackedItem | None:
    """The entry of that kind already called `name` (any case), in use or retired: compared
    with the database's own LOWER(), as the unique constraint is."""
    items = TrackedItem.objects.alias(lowered=Lower("name")).filter(
        user=user, kind=kind, lowered=Lower(Value(name.strip()))
    )
    if exclude:
        items = items.exclude(pk=exclude)
    return items.first()


_LISTED_FIELDS = ("id", "kind", "name", "retired_at")


def lists_for(user) -> Lists:
    # A plain read of what a list shows, in the model's own order: the check-in page and every
    # save ask it, and whole instances (two timestamps converted each) cost a twentieth of a save.
    rows = plain.values(
        TrackedItem, _LISTED_FIELDS, "user_id = %s ORDER BY kind, created_at, id", [user.pk]
    )
    return Lists([Listed(*row) for row in rows])


def lists_when_asked(user) -> Lists:
    """`lists_for(user)`, read on first use: a check-in save that ticks no entry of either
    list (nearly every save) never asks (CheckInForm makes its choices when first walked)."""
    return SimpleLazyObject(functools.partial(lists_for, user))  # type: ignore[return-value]


class ListFull(Exception):
    """The list already holds its limit in use (another request may have just added one)."""

    def __init__(self, kind: str):
        limit = ACTIVE_LIMITS[kind]
        super().__init__(
            ngettext(
                "Up to %(count)d at a time: retire one to add another.",
                "Up to %(count)d at a time: retire one to add another.",
                limit,
            )
            % {"count": limit}
        )


def _room_under_lock(user_id: int, kind: str) -> bool:
    """Whether the list has room, counted while holding the person's profile row: two adds or
    restores at once take turns here, so neither counts before the other's row is in.
    (SQLite, which has no row locks, lets one writer in at a time anyway.)"""
    list(Profile.objects.select_for_update().filter(user_id=user_id).values_list("pk"))
    in_use = TrackedItem.objects.filter(user_id=user_id, kind=kind, retired_at=None).count()
    return in_use < ACTIVE_LIMITS[kind]


def add(user, *, kind: str, name: str) -> TrackedItem:
    """NameTaken when the name is already on the list, ListFull when the list is full."""
    same = find_by_name(user, kind=kind, name=name)
    if same is not None:
        raise NameTaken(same)
    try:
        with transaction.atomic():
            if not _room_under_lock(user.pk, kind):
                raise ListFull(kind)
            return TrackedItem.objects.create(user=user, kind=kind, name=name.strip())
    except IntegrityError as error:
        raise NameTaken from error


def rename(item: TrackedItem, *, name: str) -> None:
    """NameTaken when another entry of the list already has the name."""
    same = find_by_name(item.user_id, kind=item.kind, name=name, exclude=item.pk)
    if same is not None:
        raise NameTaken(same)
    old = item.name
    item.name = name.strip()
    try:
        with transaction.atomic():
            item.save(update_fields=["name"])
    except IntegrityError as error:
        item.name = old
        raise NameTaken from error


def retire(item: TrackedItem) -> None:
    """No longer offered on the check-in; its past days keep it (history, export, report)."""
    item.retired_at = timezone.now()
    item.save(update_fields=["retired_at"])


def restore(item: TrackedItem) -> bool:
    """Back in use, when its list has room; False (and still retired) when it has none."""
    with transaction.atomic():
        if not _room_under_lock(item.user_id, item.kind):
            return False
        item.retired_at = None
        item.save(update_fields=["retired_at"])
    return True


NONE_TICKED = "[]"  # a day's stored item_ids when it ticked none

# --- what was ticked, for trends and the report -------------------------------------------------

# How a ticked item reads beside the discomfort it is compared with.
# An item's title among the insights, a whole phrase per kind: "Ibuprofen, pain relief you used".
TAG_TITLES = {
    TrackedKind.PAIN_RELIEF: _("%(name)s, pain relief you used"),
    TrackedKind.FACTOR: _("%(name)s, your own factor"),
}


class Entry(NamedTuple):
    """An item as trends and the report read it."""

    name: str
    kind: str
    since: dt.date  # the person's day it was added
    until: dt.date | None  # and the day it was retired

    @property
    def retired(self) -> bool:
        return self.until is not None


def entries_for(user, rows: "Iterable[insights.DayRow]") -> dict[int, Entry]:
    """The person's items by id, when any of the loaded days ticked one (one query, made only
    for a person who ticks them): retired ones included."""
    if all(row.item_ids == NONE_TICKED for row in rows):
        return {}
    # A plain cursor, like the rows themselves: the page asks on every view.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name, kind, created_at, retired_at "
            f"FROM {TrackedItem._meta.db_table} WHERE user_id = %s",
            [user.pk],
        )
        found = cursor.fetchall()
    zone = timezone.get_current_timezone()  # looked up once, not once per date
    return {
        pk: Entry(
            name,
            kind,
            _local_date(created_at, zone),
            retired_at and _local_date(retired_at, zone),
        )
        for pk, name, kind, created_at, retired_at in found
    }


def _local_date(moment: dt.datetime, zone: dt.tzinfo) -> dt.date:
    """The day in `zone` (the active one: the person's). A plain cursor on SQLite gives the
    stored UTC time without its zone; PostgreSQL gives it with one."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zone).date()


@dataclass(frozen=True)
class Ticked:
    """What was ticked over a range: the days each item was ticked, oldest first."""

    entries: dict[int, Entry]
    days: dict[int, list[dt.date]]


def ticked_on(entries: dict[int, Entry], rows: "Iterable[insights.DayRow]") -> Ticked:
    """The days of each item, from the ids each day keeps (tracker.trends.dashboard reads them with
    the day's row, as stored: "[3, 7]")."""
    days: dict[int, list[dt.date]] = {}
    for row in rows:
        if row.item_ids != NONE_TICKED:
            # A JSON list of whole numbers, read without a JSON parser: a year of days is
            # hundreds of them, and int() takes the spaces either database writes.
            for item_id in map(int, row.item_ids.strip("[]").split(",")):
                days.setdefault(item_id, []).append(row.date)
    # An id the person no longer has (none is deleted today) is left out, not a crash.
    return Ticked(entries, {pk: dates for pk, dates in days.items() if pk in entries})


def tags(ticked: Ticked) -> list[tracked_insights.Tag]:
    """Each item ticked as an insight tag: the days it was ticked, and the days it could have
    been (from when it was added, or its first ticked day if that is earlier)."""
    entries = ticked.entries
    found = sorted(ticked.days, key=lambda pk: (entries[pk].kind, entries[pk].name.lower()))
    # Each kind's title worded once, not once an item (a person may have eighteen).
    titles = {kind: str(TAG_TITLES[kind]) for kind in {entries[pk].kind for pk in found}}
    return [
        tracked_insights.Tag(
            title=titles[entries[pk].kind] % {"name": entries[pk].name},
            since=min(entries[pk].since, ticked.days[pk][0]),
            days=frozenset(ticked.days[pk]),
            until=entries[pk].until and max(entries[pk].until, ticked.days[pk][-1]),
        )
        for pk in found
    ]


@dataclass(frozen=True)
class ItemDays:
    name: str
    kind_label: str
    days: int
    retired: bool


def item_days(ticked: Ticked) -> list[ItemDays]:
    """How many days each item was ticked, most used first within each kind; retired ones
    included: the report shows what was used, not only what is still listed."""
    counts = {pk: len(dates) for pk, dates in ticked.days.items()}
    entries = ticked.entries
    ordered = sorted(
        counts, key=lambda pk: (entries[pk].kind, -counts[pk], entries[pk].name.lower())
    )
    return [
        ItemDays(
            entries[pk].name, TrackedKind(entries[pk].kind).label, counts[pk], entries[pk].retired
        )
        for pk in ordered
    ]
