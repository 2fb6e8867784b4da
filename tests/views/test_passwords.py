"""Passwords: wrong current passwords share the log-in's lockout, reset and sign-up limits,
a log-in costs one hash whether or not the account exists, and Argon2 first."""

import base64
import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_user

# --- current-password checks share the log-in's lockout -------------------------------------


def _wrong_deletes(client, times: int):
    for _ in range(times):
        client.post(reverse("tracker:delete_account"), {"password": "not-it"})


def test_wrong_passwords_on_delete_account_lock_it_and_nothing_is_deleted(logged_in_client, user):
    _wrong_deletes(logged_in_client, 5)
    response = logged_in_client.post(reverse("tracker:delete_account"), {"password": PASSWORD})
    assert "Too many wrong passwords" in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_four_wrong_passwords_still_let_the_right_one_delete(logged_in_client, user):
    _wrong_deletes(logged_in_client, 4)
    logged_in_client.post(reverse("tracker:delete_account"), {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_wrong_passwords_in_settings_lock_the_log_in_too(logged_in_client, user):
    _wrong_deletes(logged_in_client, 5)
    response = Client().post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429


def test_wrong_current_passwords_on_password_change_are_throttled(logged_in_client, user):
    change = {"new_password1": "an-even-longer-passphrase-99",
              "new_password2": "an-even-longer-passphrase-99"}  # fmt: skip
    for _ in range(5):
        logged_in_client.post(reverse("password_change"), {**change, "old_password": "no"})
    response = logged_in_client.post(
        reverse("password_change"), {**change, "old_password": PASSWORD}
    )
    assert "Too many wrong passwords" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_still_works(logged_in_client, user):
    response = logged_in_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "an-even-longer-passphrase-99",
         "new_password2": "an-even-longer-passphrase-99"},
    )  # fmt: skip
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("an-even-longer-passphrase-99")


def test_no_password_is_stored_with_a_failure(logged_in_client, user):
    from axes.models import AccessAttempt

    logged_in_client.post(
        reverse("password_change"),
        {"old_password": "SECRET-OLD", "new_password1": "SECRET-NEW1", "new_password2": "x"},
    )
    logged_in_client.post(reverse("tracker:delete_account"), {"password": "SECRET-DEL"})
    stored = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert AccessAttempt.objects.exists()
    assert "SECRET" not in stored


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


def test_reset_emails_for_one_address_are_limited(client, user, outbox):
    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": user.email})
        assert response.status_code == 302  # the same answer every time
    assert len(outbox) == 3


def test_reset_emails_from_one_client_are_limited(client, db, outbox):
    for n in range(12):
        make_user(f"p{n}")
        client.post(reverse("password_reset"), {"email": f"p{n}@example.com"})
    assert len(outbox) == 10


def test_sign_ups_from_one_address_are_limited(client, db):
    for n in range(11):
        response = Client().post(
            reverse("signup"),
            {"username": f"new{n}", "password1": "a-long-unusual-passphrase-42",
             "password2": "a-long-unusual-passphrase-42", "confirm_age": "on"},
        )  # fmt: skip
    assert response.status_code == 429
    assert "Too many accounts have been created" in response.content.decode()
    assert get_user_model().objects.filter(username__startswith="new").count() == 10


# --- log-in costs the same whether or not an account exists ---------------------------------


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.mark.parametrize(
    "identifier",
    ["alice", "nobody", "alice@example.com", "nobody@example.com", "ALICE@EXAMPLE.COM"],
)
@pytest.mark.parametrize("password", [PASSWORD, "wrong"])
def test_every_log_in_costs_exactly_one_hash(client, settings, db, identifier, password):
    settings.PASSWORD_HASHERS = ["tests.views.test_passwords.CountingHasher"]
    make_user("alice")
    CountingHasher.calls = 0
    client.post(reverse("login"), {"username": identifier, "password": password})
    assert CountingHasher.calls == 1


# --- Argon2 ---------------------------------------------------------------------------------------


def test_argon2_is_first_and_old_hashes_are_upgraded_at_log_in(client, db, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    person = make_user("old")
    person.password = (
        "pbkdf2_sha256$1000$salt$"
        + base64.b64encode(hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), b"salt", 1000)).decode()
    )
    person.save(update_fields=["password"])
    assert (
        client.post(reverse("login"), {"username": "old", "password": PASSWORD}).status_code == 302
    )
    person.refresh_from_db()
    assert person.password.startswith("argon2")


def test_the_configured_hashers_put_argon2_first():
    from importlib import import_module

    configured = import_module("backhabits.settings").PASSWORD_HASHERS
    assert configured[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
