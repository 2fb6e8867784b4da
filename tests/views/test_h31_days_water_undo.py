"""The Undo buttons on home and on the check-in take back one tap each, with htmx and
without (tracker.views.day)."""

import pytest
from django.urls import reverse

from tracker.dates import today_for
from tracker.models import CheckIn

HTMX = {"HX-Request": "true"}


def _water(user) -> int | None:
    checkin = CheckIn.objects.filter(user=user, date=today_for(user)).first()
    return checkin.water_ml if checkin else None


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without-js", "htmx"])
def test_two_taps_then_two_undos_on_home_return_to_the_start(
    logged_in_client, user, each_kind_of_day, headers
):
    for _ in range(2):
        logged_in_client.post(reverse("tracker:add_water"), headers=headers)
    assert _water(user) == 500
    for expected in (250, None):
        response = logged_in_client.post(reverse("tracker:undo_water"), headers=headers)
        assert _water(user) == expected
    home = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "undo_water" not in home and "/water/undo/" not in home  # nothing left to undo
    assert response.status_code == (200 if headers else 302)


def test_the_card_keeps_offering_undo_while_a_tap_is_left(logged_in_client, user, each_kind_of_day):
    for _ in range(2):
        logged_in_client.post(reverse("tracker:add_water"), headers=HTMX)
    card = logged_in_client.post(reverse("tracker:undo_water"), headers=HTMX).content.decode()
    assert "/water/undo/" in card and "250 ml" in card
    card = logged_in_client.post(reverse("tracker:undo_water"), headers=HTMX).content.decode()
    assert "/water/undo/" not in card and "0 ml" in card


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["without-js", "htmx"])
def test_the_check_in_pages_undo_goes_back_tap_by_tap(
    logged_in_client, user, each_kind_of_day, headers
):
    url = reverse("tracker:checkin")
    for _ in range(2):
        logged_in_client.post(url, {"water": "add", "water_seen_ml": "0"}, headers=headers)
    assert _water(user) == 500
    logged_in_client.post(url, {"water": "undo"}, headers=headers)
    assert _water(user) == 250
    response = logged_in_client.post(url, {"water": "undo"}, headers=headers)
    assert _water(user) is None
    assert 'value="undo"' not in response.content.decode()
