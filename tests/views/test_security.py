import logging

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, checkin_post_data, make_user
from tracker.care import prompts, responses


def test_security_headers_on_every_page(client, db):
    response = client.get(reverse("login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_session_and_csrf_cookies_are_httponly(client, user):
    client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["max-age"] == 14 * 24 * 3600
    csrf = Client(enforce_csrf_checks=True).get(reverse("login")).cookies["csrftoken"]
    assert csrf["httponly"]


def _fail_login(client, username: str, times: int):
    for _ in range(times):
        client.post(reverse("login"), {"username": username, "password": "wrong"})


def test_repeated_failures_for_a_username_lock_it_out_with_a_clear_message(client, user):
    _fail_login(client, user.username, 5)
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_out(client, user):
    _fail_login(client, user.username, 4)
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302


def test_repeated_failures_from_one_address_lock_out_other_usernames(client, db):
    make_user("victim")
    for n in range(5):
        _fail_login(client, f"guess{n}", 1)
    response = client.post(reverse("login"), {"username": "victim", "password": PASSWORD})
    assert response.status_code == 429


def test_log_out_everywhere_ends_every_session(user):
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        assert (
            device.post(
                reverse("login"), {"username": user.username, "password": PASSWORD}
            ).status_code
            == 302
        )
    assert laptop.get(reverse("tracker:checkin")).status_code == 200
    phone.post(reverse("tracker:log_out_everywhere"))
    assert laptop.get(reverse("tracker:checkin")).status_code == 302
    assert phone.get(reverse("tracker:checkin")).status_code == 302
    again = Client()
    again.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert again.get(reverse("tracker:checkin")).status_code == 200


def test_database_failure_gives_a_plain_503_and_the_next_request_recovers(
    logged_in_client, monkeypatch
):
    def broken(**kwargs):
        raise OperationalError("connection to server at 10.0.0.5 failed")

    monkeypatch.setattr(prompts, "check_day", broken)
    logged_in_client.raise_request_exception = False
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data())
    assert response.status_code == 503
    html = response.content.decode()
    assert "briefly unavailable" in html
    assert "10.0.0.5" not in html and "Traceback" not in html
    monkeypatch.undo()
    assert logged_in_client.post(reverse("tracker:checkin"), checkin_post_data()).status_code == 302


def test_errors_are_logged_without_health_data(logged_in_client, monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(prompts, "check_day", broken)
    logged_in_client.raise_request_exception = False
    with caplog.at_level(logging.WARNING):
        response = logged_in_client.post(
            reverse("tracker:checkin"),
            checkin_post_data(notes="PRIVATE-NOTE-TEXT", discomfort="9")
            | {"symptoms": ["bladder_bowel"]},
        )
    assert response.status_code == 500
    logged = caplog.text + "".join(str(getattr(r, "request", "")) for r in caplog.records)
    assert "Internal Server Error: /checkin/" in caplog.text
    for secret in ("PRIVATE-NOTE-TEXT", "bladder_bowel", "discomfort"):
        assert secret not in logged
    assert all(getattr(record, "request", None) is None for record in caplog.records)


@pytest.mark.parametrize("path", ["/", "/checkin/", "/trends/", "/guide/", "/care/", "/settings/"])
def test_pages_have_no_inline_script(logged_in_client, path):
    html = logged_in_client.get(path).content.decode()
    assert "<script>" not in html and "onclick=" not in html and " style=" not in html


def test_database_failure_while_reading_the_session_is_also_a_503(logged_in_client, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore

    def down(self):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "load", down)
    logged_in_client.raise_request_exception = False
    response = logged_in_client.get(reverse("tracker:home"))
    assert response.status_code == 503
    assert "briefly unavailable" in response.content.decode()


def test_other_errors_give_the_plain_500_page(logged_in_client, monkeypatch):
    monkeypatch.setattr(responses, "page_care", lambda user, **kwargs: 1 / 0)
    logged_in_client.raise_request_exception = False
    response = logged_in_client.get(reverse("tracker:home"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "ZeroDivisionError" not in response.content.decode()


def test_database_error_details_quoting_row_values_are_cut_from_logs():
    from tracker.log_filters import DropRequestData

    try:
        raise OperationalError(
            'new row violates check constraint\nDETAIL:  Failing row contains (7, "secret note").'
        )
    except OperationalError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    DropRequestData().filter(record)
    formatted = logging.Formatter().format(record)
    assert "secret note" not in formatted
    assert "[row details removed]" in formatted


def test_a_successful_login_does_not_wipe_failures_against_someone_else(client, db):
    make_user("victim")
    make_user("attacker")
    for _ in range(3):
        _fail_login(client, "victim", 2)
        client.post(reverse("login"), {"username": "attacker", "password": PASSWORD})
        client.post(reverse("logout"))
    response = client.post(reverse("login"), {"username": "victim", "password": PASSWORD})
    assert response.status_code == 429


def test_email_spellings_share_one_failure_counter(db):
    make_user("victim")  # e-mail victim@example.com
    spellings = ["victim@example.com", "VICTIM@example.com", "Victim@Example.com",
                 "vIctim@example.COM", "victim@EXAMPLE.com"]  # fmt: skip
    for n, spelling in enumerate(spellings):
        Client(REMOTE_ADDR=f"192.0.2.{n + 1}").post(
            reverse("login"), {"username": spelling, "password": "wrong"}
        )
    response = Client(REMOTE_ADDR="192.0.2.99").post(
        reverse("login"), {"username": "victim", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_sessions_from_before_the_generation_key_are_ended_too(user):
    from tracker.middleware import SESSION_GENERATION_KEY

    old, current = Client(), Client()
    for device in (old, current):
        device.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    session = old.session
    del session[SESSION_GENERATION_KEY]
    session.save()
    current.post(reverse("tracker:log_out_everywhere"))
    assert old.get(reverse("tracker:checkin")).status_code == 302


@pytest.mark.parametrize(
    ("behind_proxy", "expected"), [(False, "198.51.100.7"), (True, "203.0.113.5")]
)
def test_forwarded_addresses_are_trusted_only_behind_a_proxy(rf, settings, behind_proxy, expected):
    from tracker.accounts.auth_backends import client_ip

    settings.BEHIND_PROXY = behind_proxy
    request = rf.get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert client_ip(request) == expected
