"""Odd requests get a clear 400 or a safe fallback, never a 500: a session cookie that is not
a session key, an over-long username at log-in, a form body in another encoding."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_user

# --- a session cookie that is not a session key -------------------------------------------------

# The cookie as a client may send it: quoted, with an octal escape Django's cookie parser turns
# into a NUL character (a raw NUL in a header is refused by gunicorn before Django sees it).
BAD_SESSION_KEYS = ["abcdefgh\x00ijklmnop", "x" * 41, "ABCDEFGHIJKLMNOP'; --", "é" * 32]


@pytest.mark.parametrize("key", BAD_SESSION_KEYS)
def test_a_session_cookie_that_is_no_session_key_never_reaches_the_database(db, key):
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    # PostgreSQL refuses a NUL in a query ("DataError") on every page; SQLite quietly finds no
    # row, so what is checked here is that the key is never looked up at all.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("tracker:home"))
    assert response.status_code == 200
    assert not [q for q in queries if "django_session" in q["sql"]]
    # The cookie is cleared, so the browser stops sending it.
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""


@pytest.mark.postgres
def test_a_nul_in_the_session_cookie_is_no_500_on_postgresql(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL refuses a NUL in a query; SQLite does not (CI runs it)")
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"
    assert client.get(reverse("tracker:home")).status_code == 200
    assert client.get(reverse("login")).status_code == 200


def test_a_real_session_still_works(logged_in_client):
    assert logged_in_client.get(reverse("tracker:history")).status_code == 200


# --- an over-long username at log-in ------------------------------------------------------------


@pytest.mark.parametrize("length", [256, 1000])
def test_over_long_usernames_are_counted_and_locked_out(db, length):
    username = "a" * length
    client = Client()
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(reverse("login"), {"username": username, "password": "wrong"})
        statuses.append(response.status_code)
        assert "correct username and password" in response.content.decode()
    # What is stored fits axes' column (255 characters: PostgreSQL refuses more, and the
    # failure would go uncounted), and the attempts were counted against it.
    attempt = AccessAttempt.objects.get()
    assert len(attempt.username) <= 255
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT - 1
    # The next failure locks the name out, from another address too.
    client.post(reverse("login"), {"username": username, "password": "wrong"})
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    locked = elsewhere.post(reverse("login"), {"username": username, "password": "wrong"})
    assert (statuses, locked.status_code) == ([200] * (settings.AXES_FAILURE_LIMIT - 1), 429)


def test_a_normal_failed_login_is_still_counted_by_its_username(db):
    make_user("walker")
    Client().post(reverse("login"), {"username": "walker", "password": "wrong"})
    assert AccessAttempt.objects.get().username == "walker"


# --- a form body in another encoding --------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded; charset=utf-16",
        "application/x-www-form-urlencoded; charset=latin1",
        "multipart/form-data; charset=utf-16",
    ],
)
@pytest.mark.parametrize("path", ["/accounts/login/", "/checkin/", "/nope/"])
def test_a_post_in_another_encoding_is_a_400(db, content_type, path):
    client = Client(enforce_csrf_checks=True)
    # With a CSRF cookie, Django's default 400 page reads the form again (to check the token)
    # and fails the same way, which made it a 500.
    client.cookies[settings.CSRF_COOKIE_NAME] = "a" * 32
    response = client.generic("POST", path, "a=b".encode("utf-16"), content_type=content_type)
    assert response.status_code == 400
    assert "That request could not be read" in response.content.decode()
