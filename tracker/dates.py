"""A person's 'today' is the date on their own clock, not the server's."""

import datetime as dt
import importlib.resources
import zoneinfo
from functools import cache, lru_cache
from typing import NamedTuple

from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language, pgettext

# Dates earlier than this are refused: no one kept a backhabits diary before it existed,
# and it keeps URL-typed years like 0001 out of the data.
EARLIEST_CHECKIN_DATE = dt.date(2000, 1, 1)


def day_name(day: dt.date) -> str:
    """How every page and message names a day: "Monday 3 March" (templates: the day_name
    filter), in the active language ("lunes 3 de marzo"): Django's date format translates the
    day and month names, and the pattern itself is translated. Worked out once per day and
    language: home names today, and every save names the day saved."""
    return _day_name(day, get_language())


@lru_cache(maxsize=1024)
def _day_name(day: dt.date, language: str | None) -> str:
    # `language` is only part of the key: the pattern and the names come from the active one.
    # Translators: a date format (Django's date filter): weekday, day, month: "Monday 3 March".
    return formats.date_format(day, pgettext("date format", "l j F"))


def day_as(day: dt.date, date_format: str) -> str:
    """`day|date:date_format` in the active language, worked out once per language: home's
    week names the same seven days on every view."""
    return _day_as(day, date_format, get_language())


@lru_cache(maxsize=4096)
def _day_as(day: dt.date, date_format: str, language: str | None) -> str:
    # `language` is only part of the key: the day and month names come from the active one.
    return dateformat.format(day, date_format)


@cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@cache
def timezone_names() -> frozenset[str]:
    """The zones the system knows. Listing them reads the whole zone database from disk
    (tens of milliseconds), so it is done once per process."""
    return frozenset(zoneinfo.available_timezones())


def is_valid_timezone(name: str) -> bool:
    """Any name the zone database knows, old aliases included: a person who chose
    "Asia/Calcutta" years ago still has a valid zone (canonical_timezone gives its current
    name)."""
    return bool(name) and name in timezone_names()


UTC = "UTC"
# The names the database keeps for UTC itself (Etc/UTC, Zulu, GMT, ...) are all shown as this.
_UTC_ZONES = frozenset({"Etc/UTC", "Etc/GMT"})
# zone.tab's first part, as a person looks for it.
REGION_NAMES = {
    "America": "Americas",
    "Atlantic": "Atlantic Ocean",
    "Indian": "Indian Ocean",
    "Pacific": "Pacific Ocean",
}


class Zone(NamedTuple):
    """One zone of the list a person chooses from."""

    name: str  # the IANA name stored, e.g. "America/Argentina/Buenos_Aires"
    region: str  # "Americas"
    place: str  # "Buenos Aires, Argentina": the rest of the name, most specific first
    country: str  # ISO 3166 code from zone.tab ("AR"); "" for UTC


def _tzdata_file(name: str) -> str:
    # The tzdata package (a pinned dependency) ships the database's own tables, so the list
    # is the same on every machine whatever the system's /usr/share/zoneinfo holds.
    return importlib.resources.files("tzdata.zoneinfo").joinpath(name).read_text("utf-8")


@cache
def canonical_zones() -> tuple[Zone, ...]:
    """The current zones, from tzdata's zone.tab (one or more per country, each by its current
    name: Asia/Kolkata, not Asia/Calcutta; Europe/Kyiv, not Europe/Kiev), and UTC. None of the
    database's backward-compatibility names (US/Eastern, GB, Zulu, ...) is among them."""
    zones = [Zone(UTC, "Other", "UTC (Coordinated Universal Time)", "")]
    for line in _tzdata_file("zone.tab").splitlines():
        if not line or line.startswith("#"):
            continue
        country, _coordinates, name, *_comment = line.split("\t")
        if name not in timezone_names():
            continue  # newer than the zone files this process reads
        region, *places = name.split("/")
        place = ", ".join(part.replace("_", " ") for part in reversed(places))
        zones.append(Zone(name, REGION_NAMES.get(region, region), place, country))
    return tuple(zones)


@cache
def _current_names() -> dict[str, str]:
    """Every name the database knows that has a current one in the list, mapped to it."""
    listed = {zone.name for zone in canonical_zones()}
    current = {name: name for name in listed}
    for line in _tzdata_file("tzdata.zi").splitlines():
        # "L Asia/Kolkata Asia/Calcutta": a link, from an old or other name to a zone.
        if line.startswith("L "):
            _kind, target, alias = line.split()
            if alias in listed:
                continue
            if target in listed:
                current[alias] = target
            elif target in _UTC_ZONES:
                current[alias] = UTC
    for name in _UTC_ZONES:
        current[name] = UTC
    return current


def canonical_timezone(name: str) -> str | None:
    """The listed name for a zone ("Asia/Calcutta" -> "Asia/Kolkata", "Zulu" -> "UTC"), the
    name itself when it has no listed one (Etc/GMT+5 is valid but not offered), or None for a
    name the database doesn't know."""
    if not is_valid_timezone(name):
        return None
    return _current_names().get(name, name)


def zone_aliases() -> dict[str, str]:
    """Old names to current ones, for a browser that reports an old name (Chromium says
    "Asia/Calcutta")."""
    return {old: new for old, new in _current_names().items() if old != new}


def local_today(timezone_name: str, *, now: dt.datetime | None = None) -> dt.date:
    moment = now or timezone.now()
    try:
        zone = _zone(timezone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return moment.astimezone(zone).date()


def today_for(user, *, now: dt.datetime | None = None) -> dt.date:
    return local_today(user.profile.timezone, now=now)
