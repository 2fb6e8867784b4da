import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin
from tracker.models import CheckIn

HTMX = {"HX-Request": "true"}


def _today() -> dt.date:
    return timezone.now().date()  # the test users live in UTC


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(reverse("tracker:checkin"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_opening_the_checkin_creates_nothing(logged_in_client, user):
    response = logged_in_client.get(reverse("tracker:checkin"))
    assert response.status_code == 200
    assert b"Today&#x27;s check-in" in response.content or b"Today's check-in" in response.content
    assert not CheckIn.objects.filter(user=user).exists()


def test_plain_post_saves_the_day_and_redirects_home(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:home")
    checkin = CheckIn.objects.get(user=user, date=_today())
    assert (checkin.posture, checkin.exercise_minutes, checkin.water_ml) == (4, 25, 1750)
    assert (checkin.stress, checkin.discomfort, checkin.notes) == (3, 2, "Walked at lunch.")


def test_htmx_post_returns_the_panel_fragment_with_confirmation(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(), headers=HTMX)
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="checkin-panel"' in response.content
    assert b"Saved your check-in" in response.content
    assert CheckIn.objects.filter(user=user, date=_today(), discomfort=2).exists()


def test_saving_again_updates_the_same_day(logged_in_client, user):
    url = reverse("tracker:checkin")
    logged_in_client.post(url, checkin_post_data(discomfort="2"))
    logged_in_client.post(url, checkin_post_data(discomfort="6"))
    assert CheckIn.objects.filter(user=user).count() == 1
    assert CheckIn.objects.get(user=user).discomfort == 6


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_invalid_values_show_errors_next_to_fields_and_save_nothing(
    logged_in_client, user, headers
):
    data = checkin_post_data(discomfort="11", water_ml="lots")
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_discomfort_errors"' in html
    assert 'id="id_water_ml_errors"' in html
    assert "Nothing was saved" in html
    assert not CheckIn.objects.filter(user=user).exists()


def test_invalid_edit_keeps_the_earlier_values(logged_in_client, user):
    make_checkin(user, _today(), discomfort=3, notes="kept")
    logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(stress="99"))
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.notes) == (3, "kept")


def test_an_earlier_day_can_be_logged(logged_in_client, user):
    day = _today() - dt.timedelta(days=3)
    url = reverse("tracker:checkin_day", kwargs={"date": day})
    assert logged_in_client.get(url).status_code == 200
    logged_in_client.post(url, checkin_post_data())
    assert CheckIn.objects.filter(user=user, date=day).exists()


def test_a_future_date_is_refused_with_a_message(logged_in_client, user):
    day = _today() + dt.timedelta(days=1)
    url = reverse("tracker:checkin_day", kwargs={"date": day})
    response = logged_in_client.post(url, checkin_post_data())
    assert response.status_code == 400
    assert b"in the future" in response.content
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "bad", ["2025-02-30", "9999-99-99", "2025-13-01", "abcd-ef-gh", "2025-1-1", "0000-00-00"]
)
def test_malformed_dates_in_the_url_are_404(logged_in_client, bad):
    response = logged_in_client.get(f"/checkin/{bad}/")
    assert response.status_code == 404


def test_a_date_before_2000_is_refused(logged_in_client):
    response = logged_in_client.get("/checkin/1999-12-31/")
    assert response.status_code == 400


def test_nothing_is_pre_filled_from_an_earlier_day(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=1), posture=2, stress=7, discomfort=5)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert re.search(r"<input[^>]*\bchecked\b", html) is None
    assert 'name="exercise_minutes" value=' not in html
    assert "Same as yesterday" in html


def test_form_keeps_water_already_tapped_today(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), water_ml=750)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert 'value="750"' in html


def test_another_users_day_is_never_shown(logged_in_client, other_user):
    make_checkin(other_user, _today(), notes="bob's private note", discomfort=9)
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert "bob&#x27;s private note" not in html and "bob's private note" not in html
    assert re.search(r"<input[^>]*\bchecked\b", html) is None


def test_get_and_post_only(logged_in_client):
    assert logged_in_client.put(reverse("tracker:checkin")).status_code == 405


def test_water_tapped_while_the_form_was_open_is_kept(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), water_ml=500)
    logged_in_client.get(reverse("tracker:checkin"))  # the form shows 500 ml
    logged_in_client.post(reverse("tracker:add_water"))  # a tap elsewhere: 750 ml
    logged_in_client.post(
        reverse("tracker:checkin"), checkin_post_data(water_ml="1000", water_seen_ml="500")
    )
    assert CheckIn.objects.get(user=user).water_ml == 1250


def test_htmx_request_after_the_session_expired_sends_the_browser_to_log_in(client, db):
    response = client.post(reverse("tracker:add_water"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith(reverse("login"))
