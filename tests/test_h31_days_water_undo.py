"""Undo on the water taps goes back one tap at a time, down to the day before its first tap
(tracker.days.checkins)."""

import datetime as dt

import pytest

from tests.factories import make_user
from tracker.days import checkins
from tracker.models import CheckIn


def _change(user, day: dt.date, **change) -> CheckIn | None:
    return checkins.record_day(
        user=user, date=day, today=day, change=checkins.DayChange(**change)
    ).checkin


def _water(user, day: dt.date) -> int | None:
    checkin = CheckIn.objects.filter(user=user, date=day).first()
    return checkin.water_ml if checkin else None


@pytest.mark.django_db
def test_each_undo_takes_back_one_more_tap_down_to_before_the_first(each_kind_of_day):
    person, today = make_user("tapper"), each_kind_of_day
    for _ in range(3):
        _change(person, today, water_tap_ml=250)
    seen = []
    for _ in range(3):
        checkin = _change(person, today, undo_water_tap=True)
        seen.append(_water(person, today))
        assert checkins.water_status(checkin, profile=person.profile).can_undo is (
            seen[-1] is not None
        )
    assert seen == [500, 250, None]
    assert not CheckIn.objects.filter(user=person).exists()  # it held only that water
    assert _change(person, today, undo_water_tap=True) is None  # nothing more to take back


@pytest.mark.django_db
def test_undo_stops_at_the_total_typed_before_the_taps(each_kind_of_day):
    person, today = make_user("typist"), each_kind_of_day
    _change(person, today, values={"water_ml": 1000, "discomfort": 4})
    _change(person, today, water_tap_ml=250)
    _change(person, today, water_tap_ml=250)
    for expected in (1250, 1000, 1000):
        _change(person, today, undo_water_tap=True)
        assert _water(person, today) == expected
    assert CheckIn.objects.get(user=person).discomfort == 4


@pytest.mark.django_db
def test_a_typed_total_between_taps_is_where_undo_stops(each_kind_of_day):
    person, today = make_user("mixed"), each_kind_of_day
    _change(person, today, water_tap_ml=250)
    _change(person, today, values={"water_ml": 600}, water_seen_ml=250)  # typed: taps replaced
    _change(person, today, water_tap_ml=250)
    for _ in range(3):
        _change(person, today, undo_water_tap=True)
    assert _water(person, today) == 600


@pytest.mark.django_db
def test_undo_takes_taps_in_the_persons_size_and_never_past_the_first_value(each_kind_of_day):
    """A tap made before the unit was changed is taken back in the new size, never further
    than the day's water before its first tap."""
    person, today = make_user("switcher"), each_kind_of_day
    _change(person, today, values={"water_ml": 500, "discomfort": 2})
    _change(person, today, water_tap_ml=250)
    person.profile.water_unit = "oz"
    person.profile.save()
    _change(person, today, undo_water_tap=True)
    assert _water(person, today) == 750 - 237
    _change(person, today, undo_water_tap=True)
    assert _water(person, today) == 500


@pytest.mark.django_db
def test_undo_is_for_its_own_day_only(each_kind_of_day):
    person, today = make_user("twodays"), each_kind_of_day
    yesterday = today - dt.timedelta(days=1)
    _change(person, yesterday, water_tap_ml=250)
    _change(person, today, water_tap_ml=250)
    _change(person, today, undo_water_tap=True)
    _change(person, today, undo_water_tap=True)
    assert (_water(person, yesterday), _water(person, today)) == (250, None)
