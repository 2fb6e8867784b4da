import contextlib

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_checkin, make_user
from tracker.models import CheckIn, Profile

SIGNUP = {
    "username": "newperson",
    "email": "new@example.com",
    "password1": "a-long-unusual-passphrase-42",
    "password2": "a-long-unusual-passphrase-42",
    "timezone": "Pacific/Auckland",
    "confirm_age": "on",
}


def test_signup_creates_the_account_logs_in_and_keeps_the_browser_zone(client, db):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    assert response["Location"] == reverse("tracker:checkin")
    user = get_user_model().objects.get(username="newperson")
    assert user.profile.timezone == "Pacific/Auckland"
    assert client.get(reverse("tracker:home")).context["user"] == user


def test_signup_says_the_app_is_for_people_16_and_over(client, db):
    assert b"16 and over" in client.get(reverse("signup")).content
    response = client.post(reverse("signup"), {**SIGNUP, "confirm_age": ""})
    assert b"aged 16 and over" in response.content
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_signup_applies_djangos_password_validators(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "password1": "123", "password2": "123"})
    assert response.status_code == 200
    assert b"too short" in response.content
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_signup_with_an_unknown_zone_falls_back_to_the_default(client, db, settings):
    settings.TIME_ZONE = "Europe/Dublin"
    client.post(reverse("signup"), {**SIGNUP, "timezone": "Mars/Olympus_Mons"})
    assert get_user_model().objects.get(username="newperson").profile.timezone == "Europe/Dublin"


def test_signing_up_with_a_taken_username_says_so(client, user):
    response = client.post(reverse("signup"), {**SIGNUP, "username": user.username.upper()})
    assert response.status_code == 200
    assert "That name is taken. Try another." in response.content.decode()


def test_usernames_cannot_look_like_email_addresses(client, db):
    response = client.post(reverse("signup"), {**SIGNUP, "username": "carol@mail.test"})
    assert b"can&#x27;t contain @" in response.content or b"can't contain @" in response.content
    assert not get_user_model().objects.filter(username="carol@mail.test").exists()


def test_a_username_containing_at_still_logs_in_by_username(client, db):
    legacy = make_user("legacy@example.org")
    make_user("other").email = "legacy@example.org"
    response = client.post(reverse("login"), {"username": legacy.username, "password": PASSWORD})
    assert response.status_code == 302


def test_signup_with_an_email_already_in_use_looks_like_any_other_and_tells_its_owner(
    client, user, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("signup"), {**SIGNUP, "email": user.email.upper()})
    fresh = Client().post(reverse("signup"), {**SIGNUP, "username": "x2", "email": "new@x.test"})
    assert (response.status_code, response["Location"]) == (fresh.status_code, fresh["Location"])
    assert b"already" not in response.content
    newcomer = get_user_model().objects.get(username="newperson")
    assert newcomer.email == ""  # the address stays with the account that owns it
    [notice] = [message for message in mail.outbox if message.to == [user.email.upper()]]
    assert "already belongs to a backhabits account" in notice.body


def test_login_accepts_username_or_email(client, user):
    for identifier in (user.username, user.email):
        client.logout()
        response = client.post(reverse("login"), {"username": identifier, "password": PASSWORD})
        assert response.status_code == 302, identifier


def test_wrong_password_is_refused(client, user):
    response = client.post(reverse("login"), {"username": user.username, "password": "nope"})
    assert response.status_code == 200
    assert b"correct username and password" in response.content


def test_logout_needs_post_and_ends_the_session(logged_in_client):
    response = logged_in_client.post(reverse("logout"))
    assert response.status_code == 302
    assert logged_in_client.get(reverse("tracker:checkin")).status_code == 302


def test_password_reset_sends_an_email(client, user, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_password_change(logged_in_client, user):
    response = logged_in_client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-passphrase-77",
            "new_password2": "another-long-passphrase-77",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase-77")


def test_settings_save_units_goals_zone_and_reminder(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:settings"),
        {
            "timezone": "America/New_York",
            "water_unit": "oz",
            "water_goal": "64",
            "exercise_goal_minutes": "45",
            "reminder_time": "20:00",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert profile.timezone == "America/New_York"
    assert profile.water_unit == "oz"
    assert profile.water_goal_ml == 1893
    assert profile.exercise_goal_minutes == 45
    assert profile.show_reminder is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("timezone", "Not/AZone"),
        ("water_goal", "100"),
        ("water_goal", "10001"),
        ("water_goal", "abc"),
        ("exercise_goal_minutes", "0"),
        ("exercise_goal_minutes", "1441"),
        ("water_unit", "gallons"),
    ],
)
def test_settings_refuse_bad_values_and_change_nothing(logged_in_client, user, field, value):
    data = {
        "timezone": "UTC",
        "water_unit": "ml",
        "water_goal": "2500",
        "exercise_goal_minutes": "40",
        "reminder_time": "20:00",
    }
    data[field] = value
    response = logged_in_client.post(reverse("tracker:settings"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    profile = Profile.objects.get(user=user)
    assert (profile.water_goal_ml, profile.exercise_goal_minutes) == (2000, 30)


def test_delete_account_with_wrong_password_deletes_nothing(logged_in_client, user):
    make_checkin(user, __import__("datetime").date(2026, 1, 1))
    response = logged_in_client.post(reverse("tracker:delete_account"), {"password": "wrong"})
    assert b"Nothing was deleted" in response.content
    assert CheckIn.objects.filter(user=user).count() == 1


def test_delete_account_removes_the_person_and_every_row(logged_in_client, user, other_user):
    import datetime as dt

    for offset in range(5):
        make_checkin(user, dt.date(2026, 1, 1) + dt.timedelta(days=offset))
    make_checkin(other_user, dt.date(2026, 1, 1))
    response = logged_in_client.post(reverse("tracker:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not CheckIn.objects.filter(user_id=user.pk).exists()
    assert not Profile.objects.filter(user_id=user.pk).exists()
    assert CheckIn.objects.filter(user=other_user).count() == 1
    assert logged_in_client.get(reverse("tracker:checkin")).status_code == 302


def test_switching_units_without_retyping_keeps_the_same_goal(logged_in_client, user):
    user.profile.water_goal_ml = 2500
    user.profile.save()
    data = {
        "timezone": "UTC",
        "water_unit": "oz",
        "water_goal": "2500",
        "exercise_goal_minutes": "30",
        "reminder_time": "20:00",
    }
    assert logged_in_client.post(reverse("tracker:settings"), data).status_code == 302
    user.profile.refresh_from_db()
    assert (user.profile.water_unit, user.profile.water_goal_ml) == ("oz", 2500)


def test_views_with_health_data_hide_post_values_from_error_reports(rf, user):
    from tracker.views import account, care, day

    for view in (day.checkin, account.delete_account, care.health_profile):
        request = rf.post("/", {"notes": "private"})
        request.user = user
        request.htmx = False
        with contextlib.suppress(Exception):  # the marker is set before the view runs
            view(request)
        assert request.sensitive_post_parameters == "__ALL__", view.__name__
