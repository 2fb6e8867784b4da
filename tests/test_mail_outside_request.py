"""Account e-mails (reset, sign-up confirmation, a changed address, the link sent again) leave
only once the response has gone out, so how long a page takes says nothing about whether an
address has an account (issue 28)."""

import logging

import pytest
from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.core.mail.backends.base import BaseEmailBackend
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.factories import make_user
from tracker.accounts import lifecycle

EVENTS: list[str] = []
CSRF = "a" * 32


class RecordingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        EVENTS.extend(f"mail to {message.to[0]}" for message in messages)
        return len(messages)


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        EVENTS.append("send tried")
        raise OSError("the mail server is down")


def _through_wsgi(path: str, data: dict, cookies: str = "") -> None:
    """One POST through the WSGI handler, as a server runs it: start the response, send its
    body, then close it. Each step is recorded in EVENTS next to the mails sent."""
    environ = (
        RequestFactory()
        .post(
            path, {**data, "csrfmiddlewaretoken": CSRF}, HTTP_COOKIE=f"csrftoken={CSRF}; {cookies}"
        )
        .environ
    )
    # As Django's test client does: the test's transaction must outlive the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = WSGIHandler()(environ, lambda status, headers: EVENTS.append(f"response {status}"))
        EVENTS.extend("body sent" for _ in body)
        body.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def recorded(settings):
    settings.EMAIL_BACKEND = "tests.test_mail_outside_request.RecordingBackend"
    EVENTS.clear()
    return EVENTS


def _session_cookie(person) -> str:
    client = Client()
    client.force_login(person)
    return f"sessionid={client.cookies['sessionid'].value}"


def test_a_reset_email_leaves_after_the_response(db, recorded):
    person = make_user("ann")
    _through_wsgi(reverse("password_reset"), {"email": person.email})
    assert recorded == ["response 302 Found", "body sent", "mail to ann@example.com"]


def test_no_reset_email_for_an_unknown_address_and_the_same_response(db, recorded):
    _through_wsgi(reverse("password_reset"), {"email": "nobody@example.com"})
    assert recorded == ["response 302 Found", "body sent"]


def test_a_sign_up_link_leaves_after_the_response(db, recorded):
    _through_wsgi(reverse("signup"), {
        "username": "newperson", "email": "new@person.test", "timezone": "UTC",
        "password1": "a-long-unusual-passphrase-42", "password2": "a-long-unusual-passphrase-42",
        "confirm_age": "on",
    })  # fmt: skip
    assert recorded == ["response 302 Found", "body sent", "mail to new@person.test"]


@pytest.mark.parametrize("address", ["free@new.test", "owner@example.com"])
def test_a_changed_address_is_written_to_after_the_response(db, recorded, address):
    make_user("owner")
    person = make_user("ann")
    _through_wsgi(
        reverse("tracker:settings"),
        {"email": address, "timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
         "exercise_goal_minutes": "30", "reminder_time": "20:00"},
        _session_cookie(person),
    )  # fmt: skip
    assert recorded == ["response 302 Found", "body sent", f"mail to {address}"]


def test_a_link_sent_again_leaves_after_the_response(db, recorded):
    person = make_user("ann", confirmed_email="")
    _through_wsgi(reverse("tracker:resend_confirmation"), {}, _session_cookie(person))
    assert recorded == ["response 302 Found", "body sent", "mail to ann@example.com"]


def test_outside_a_request_mail_is_sent_at_once(db, recorded):
    person = make_user("ann")
    lifecycle.change_email(person, "new@x.test")
    assert recorded == ["mail to new@x.test"]


def test_a_mail_that_cannot_be_sent_is_logged_without_address_or_link(db, settings, caplog):
    settings.EMAIL_BACKEND = "tests.test_mail_outside_request.FailingBackend"
    EVENTS.clear()
    person = make_user("ann")
    with caplog.at_level(logging.WARNING):
        _through_wsgi(reverse("password_reset"), {"email": person.email})
    assert EVENTS == ["response 302 Found", "body sent", "send tried"]
    logged = caplog.text
    assert "could not be sent" in logged and "OSError" in logged
    assert "ann" not in logged and "/reset/" not in logged
    assert mail.outbox == []


def test_mail_queued_by_a_request_that_then_fails_is_not_sent(db, monkeypatch):
    """A failed request's writes are rolled back: a link queued before the failure would name a
    confirmation key that was never stored."""
    from tracker.views import account as account_views

    def fail_after_queueing(*args, **kwargs):
        raise RuntimeError("the database went away")

    person = make_user("ann")
    client = Client(raise_request_exception=False)
    client.force_login(person)
    # The settings form queues the confirmation, then the page fails before it is answered.
    monkeypatch.setattr(account_views, "redirect", fail_after_queueing)
    response = client.post(
        reverse("tracker:settings"),
        {"email": "free@new.test", "timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
         "exercise_goal_minutes": "30", "reminder_time": "20:00"},
    )  # fmt: skip
    assert response.status_code == 500
    assert mail.outbox == []
    # The next request's mail is not held back by what the failed one left.
    accounts_mail = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert accounts_mail.status_code == 302
