import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from tracker.dates import day_as, local_today

INSTANT = dt.datetime(2026, 6, 15, 11, 30, tzinfo=dt.UTC)


def test_people_far_apart_have_different_todays_at_the_same_instant():
    assert local_today("Pacific/Tongatapu", now=INSTANT) == dt.date(2026, 6, 16)  # UTC+13
    assert local_today("Pacific/Honolulu", now=INSTANT) == dt.date(2026, 6, 15)  # UTC-10
    late = INSTANT.replace(hour=10, minute=59) - dt.timedelta(hours=1)
    assert local_today("Pacific/Tongatapu", now=late) == dt.date(2026, 6, 15)


def test_just_before_midnight_utc_is_tomorrow_in_utc_plus_13():
    instant = dt.datetime(2026, 6, 15, 23, 59, tzinfo=dt.UTC)
    assert local_today("Pacific/Tongatapu", now=instant) == dt.date(2026, 6, 16)
    assert local_today("Pacific/Honolulu", now=instant) == dt.date(2026, 6, 15)
    assert local_today("UTC", now=instant) == dt.date(2026, 6, 15)


@pytest.mark.parametrize("bad", ["", "Nowhere/Special", "../../etc/passwd"])
def test_an_unknown_zone_falls_back_to_utc(bad):
    assert local_today(bad, now=INSTANT) == dt.date(2026, 6, 15)


def test_users_in_different_zones_save_to_their_own_today(client, db, monkeypatch):
    from django.urls import reverse
    from django.utils import timezone

    from tests.factories import checkin_post_data, make_user
    from tracker.models import CheckIn

    monkeypatch.setattr(timezone, "now", lambda: INSTANT.replace(hour=11))
    east = make_user("east", timezone="Pacific/Tongatapu")
    west = make_user("west", timezone="Pacific/Honolulu")
    for person in (east, west):
        client.force_login(person)
        client.post(reverse("tracker:checkin"), checkin_post_data())
    assert CheckIn.objects.get(user=east).date == dt.date(2026, 6, 16)
    assert CheckIn.objects.get(user=west).date == dt.date(2026, 6, 15)


@pytest.mark.parametrize("date_format", ["D", "j M", "l j F Y"])
def test_a_day_is_written_as_the_date_filter_writes_it_in_each_language(date_format):
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(0, 365, 17)]
    for language in ("en", "es", "en"):
        with translation.override(language):
            for day in days:
                expected = Template("{{ day|date:f }}").render(
                    Context({"day": day, "f": date_format})
                )
                assert day_as(day, date_format) == expected
