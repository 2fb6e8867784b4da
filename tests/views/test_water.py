import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin, make_user
from tests.threads import run_together
from tracker.days import checkins
from tracker.models import CheckIn

HTMX = {"HX-Request": "true"}


def _today() -> dt.date:
    return timezone.now().date()


def _tap(user, amount_ml: int = 250) -> CheckIn | None:
    change = checkins.DayChange(water_tap_ml=amount_ml)
    return checkins.record_day(user=user, date=_today(), today=_today(), change=change).checkin


def test_quick_water_creates_a_water_only_day(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:add_water"))
    assert response.status_code == 302
    checkin = CheckIn.objects.get(user=user, date=_today())
    assert checkin.water_ml == 250
    assert (checkin.discomfort, checkin.posture, checkin.stress) == (None, None, None)
    assert checkins.day_state(checkin) == "partial"
    assert not checkins.has_checked_in(checkin)


def test_two_taps_make_500_ml_and_the_card_says_so(logged_in_client, user):
    logged_in_client.post(reverse("tracker:add_water"), headers=HTMX)
    response = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX)
    assert b"<html" not in response.content
    assert b'id="today-card"' in response.content
    assert b"500 ml" in response.content
    assert CheckIn.objects.get(user=user).water_ml == 500


def test_water_adds_to_a_complete_day_without_touching_other_measures(logged_in_client, user):
    make_checkin(user, _today(), water_ml=1000, discomfort=4)
    logged_in_client.post(reverse("tracker:add_water"))
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.water_ml, checkin.discomfort) == (1250, 4)


def test_ounce_users_add_eight_ounces(client, db):
    ounce_user = make_user("carol", water_unit="oz")
    client.force_login(ounce_user)
    response = client.post(reverse("tracker:add_water"), headers=HTMX)
    assert b"+8 fl oz" in response.content
    assert CheckIn.objects.get(user=ounce_user).water_ml == 237


def test_water_never_passes_the_daily_maximum(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), water_ml=9900)
    response = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX)
    assert b"over 10,000 ml" in response.content
    assert CheckIn.objects.get(user=user).water_ml == 9900


def test_refused_first_tap_leaves_no_empty_row(user, monkeypatch):
    monkeypatch.setattr(checkins, "WATER_ML_MAX", 100)
    with pytest.raises(checkins.WaterLimitReached):
        _tap(user)
    assert not CheckIn.objects.exists()


def test_increment_is_done_in_the_database_not_from_a_stale_copy(user):
    stale = CheckIn.objects.create(user=user, date=_today(), water_ml=0)
    CheckIn.objects.filter(pk=stale.pk).update(water_ml=1000)  # another request's write
    assert _tap(user).water_ml == 1250


def test_a_tap_on_a_day_without_water_starts_from_nothing(user):
    CheckIn.objects.create(user=user, date=_today(), discomfort=4)
    assert _tap(user).water_ml == 250


def test_undo_takes_back_one_tap_at_a_time(logged_in_client, user):
    logged_in_client.post(reverse("tracker:add_water"))
    logged_in_client.post(reverse("tracker:add_water"))
    response = logged_in_client.post(reverse("tracker:undo_water"), headers=HTMX)
    assert b"250 ml" in response.content
    assert b"Undo" in response.content  # one tap back, and the first can still be undone
    logged_in_client.post(reverse("tracker:undo_water"))
    assert not CheckIn.objects.exists()  # back to before the first tap (tests/test_h31_days_*)


def test_undoing_the_only_tap_of_an_otherwise_empty_day_removes_the_day(logged_in_client, user):
    logged_in_client.post(reverse("tracker:add_water"))
    logged_in_client.post(reverse("tracker:undo_water"))
    assert not CheckIn.objects.exists()


def test_undoing_the_only_tap_leaves_water_not_logged_on_a_day_with_more(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), discomfort=5)
    logged_in_client.post(reverse("tracker:add_water"))
    logged_in_client.post(reverse("tracker:undo_water"))
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.water_ml, checkin.discomfort) == (None, 5)


def test_a_typed_total_replaces_the_taps_so_undo_is_no_longer_offered(logged_in_client, user):
    logged_in_client.post(reverse("tracker:add_water"))
    logged_in_client.post(reverse("tracker:checkin"), {"water_ml": "1000", "water_seen_ml": "250"})
    logged_in_client.post(reverse("tracker:undo_water"))
    assert CheckIn.objects.get(user=user).water_ml == 1000


def test_water_endpoint_refuses_get(logged_in_client):
    assert logged_in_client.get(reverse("tracker:add_water")).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_simultaneous_taps_all_count_on_postgresql():
    person = make_user("tapper")
    today = _today()
    outcomes = run_together(
        20,
        lambda index: checkins.record_day(
            user=person, date=today, today=today, change=checkins.DayChange(water_tap_ml=250)
        ),
    )
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert CheckIn.objects.get(user=person, date=today).water_ml == 20 * 250


def test_the_water_button_carries_one_taps_size_for_the_offline_page(logged_in_client, client):
    """offline.js adds this to the typed total when there is no connection (tracker.days.units)."""
    response = logged_in_client.get(reverse("tracker:checkin"))
    assert response.status_code == 200
    assert b'data-quick-add="250"' in response.content
    client.force_login(make_user("dan", water_unit="oz"))
    response = client.get(reverse("tracker:checkin"))
    assert response.status_code == 200
    assert b'data-quick-add="8"' in response.content
