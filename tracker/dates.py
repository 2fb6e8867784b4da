"""A person's 'today' is the date on their own clock, not the server's."""

import datetime as dt
import zoneinfo
from functools import cache

from django.utils import timezone

# Dates earlier than this are refused: no one kept a backhabits diary before it existed,
# and it keeps URL-typed years like 0001 out of the data.
EARLIEST_CHECKIN_DATE = dt.date(2000, 1, 1)


def day_name(day: dt.date) -> str:
    """How every page and message names a day: "Monday 3 March" (templates: the day_name
    filter)."""
    return f"{day:%A} {day.day} {day:%B}"


@cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@cache
def timezone_names() -> frozenset[str]:
    """The zones the system knows. Listing them reads the whole zone database from disk
    (tens of milliseconds), so it is done once per process."""
    return frozenset(zoneinfo.available_timezones())


def is_valid_timezone(name: str) -> bool:
    return bool(name) and name in timezone_names()


def local_today(timezone_name: str, *, now: dt.datetime | None = None) -> dt.date:
    moment = now or timezone.now()
    try:
        zone = _zone(timezone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    return moment.astimezone(zone).date()


def today_for(user, *, now: dt.datetime | None = None) -> dt.date:
    return local_today(user.profile.timezone, now=now)
