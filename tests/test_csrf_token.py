"""Issue 30: one masked CSRF token per request (tracker.csrf), whichever part of a page draws a
form; masked anew for every request and after a log-in rotates the secret."""

import re

from django.middleware.csrf import _unmask_cipher_token, rotate_token
from django.test import Client, RequestFactory

from tracker.csrf import token_for
from tracker.models import TrackedItem

TOKENS = re.compile(r'(?:name="csrfmiddlewaretoken" value=|"x-csrftoken": )"([^"]+)"')


def _request_with_secret():
    request = RequestFactory().get("/")
    rotate_token(request)  # a secret, as CsrfViewMiddleware sets from the cookie
    return request


def test_a_request_masks_its_token_once_and_it_carries_the_secret():
    request = _request_with_secret()
    first = token_for(request)
    assert token_for(request) == first
    assert _unmask_cipher_token(first) == request.META["CSRF_COOKIE"]


def test_each_request_has_its_own_mask():
    one, other = _request_with_secret(), _request_with_secret()
    other.META["CSRF_COOKIE"] = one.META["CSRF_COOKIE"]
    assert token_for(one) != token_for(other)
    assert _unmask_cipher_token(token_for(other)) == one.META["CSRF_COOKIE"]


def test_a_new_secret_mid_request_is_masked_anew():
    request = _request_with_secret()
    before = token_for(request)
    rotate_token(request)  # as logging in does
    after = token_for(request)
    assert after != before
    assert _unmask_cipher_token(after) == request.META["CSRF_COOKIE"]


def test_a_request_without_a_secret_gets_one():
    request = RequestFactory().get("/")
    token = token_for(request)
    assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
    assert token_for(request) == token


def test_every_form_on_a_page_carries_the_same_token_and_it_is_accepted(user):
    TrackedItem.objects.create(user=user, kind="relief", name="Heat pack")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    pages = []
    for _ in range(2):
        page = client.get("/settings/").content.decode()
        found = TOKENS.findall(page)
        assert len(found) >= 3  # the page's header, its own-list rows and the body's htmx header
        assert len(set(found)) == 1
        pages.append(found[0])
    assert pages[0] != pages[1]  # masked afresh for each response
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": pages[0]})
    assert response.status_code == 302
