"""tracker.days.away.open_period reads with a plain cursor: the same row as its queryset."""

import datetime as dt

from tests.factories import make_user
from tracker.days import away
from tracker.models import AwayPeriod

TODAY = dt.date(2027, 3, 10)  # passed in, never the clock's


def _by_orm(user, today):
    return AwayPeriod.objects.filter(user=user, end__gte=today).order_by("start").first()


def _fields(period):
    if period is None:
        return None
    return {f.attname: getattr(period, f.attname) for f in AwayPeriod._meta.concrete_fields}


def test_the_open_break_is_the_one_its_queryset_finds(db):
    user, other = make_user("away-a"), make_user("away-b")
    days = dt.timedelta
    AwayPeriod.objects.create(user=other, start=TODAY - days(3), end=TODAY + days(20))
    asked = [TODAY - days(30), TODAY - days(10), TODAY - days(9), TODAY, TODAY + days(1),
             TODAY + days(5), TODAY + days(6), TODAY + days(7), TODAY + days(40)]  # fmt: skip
    assert away.open_period(user, today=TODAY) is None
    AwayPeriod.objects.create(user=user, start=TODAY - days(20), end=TODAY - days(10))
    AwayPeriod.objects.create(user=user, start=TODAY + days(2), end=TODAY + days(6))
    found = set()
    for today in asked:
        read = away.open_period(user, today=today)
        assert _fields(read) == _fields(_by_orm(user, today)), today
        assert read is None or (type(read.start) is dt.date and type(read.end) is dt.date)
        found.add(read and read.start)
    assert found == {None, TODAY - days(20), TODAY + days(2)}
