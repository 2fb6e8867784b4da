"""Issue 30: one masked CSRF token per request (tracker.csrf), whichever part of a page draws a
form; masked anew for every request and after a log-in rotates the secret."""

import re
from collections import Counter
from types import SimpleNamespace

from django.conf import settings
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_TOKEN_LENGTH,
    _unmask_cipher_token,
    rotate_token,
)
from django.test import Client, RequestFactory

from tracker import csrf
from tracker.csrf import masked, token_for
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
    # The first page's token is Django's (no secret came with its request); the second is masked
    # by tracker.csrf.masked, and Django's CsrfViewMiddleware takes it.
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": pages[1]})
    assert response.status_code == 302


def test_a_masked_secret_reads_back_through_djangos_unmasking_for_any_secret():
    for secret in (_request_with_secret().META["CSRF_COOKIE"] for _ in range(200)):
        token = masked(secret)
        assert len(token) == CSRF_TOKEN_LENGTH
        assert set(token) <= set(CSRF_ALLOWED_CHARS)
        assert _unmask_cipher_token(token) == secret
    # The ends of the alphabet, where a shift wraps round.
    for secret in ("z" * 32, "9" * 32, "a" * 32, CSRF_ALLOWED_CHARS[:32]):
        assert _unmask_cipher_token(masked(secret)) == secret


def test_masks_differ_and_use_every_character_evenly():
    secret = _request_with_secret().META["CSRF_COOKIE"]
    masks = [masked(secret)[:32] for _ in range(2_000)]
    assert len(set(masks)) == len(masks)
    seen = Counter("".join(masks))  # 64,000 characters: about 1,032 of each of the 62
    assert set(seen) == set(CSRF_ALLOWED_CHARS)
    # Each count within 6 standard deviations (about 31) of its expectation: the bytes from 248
    # up (set aside) would otherwise give the first 8 characters about 1,250 each.
    expected = len(masks) * 32 / len(CSRF_ALLOWED_CHARS)
    assert all(abs(count - expected) < 190 for count in seen.values()), seen.most_common(8)


def test_a_mask_needing_more_randomness_reads_again(monkeypatch):
    """A read whose bytes are mostly set aside (248 and up) is topped up by another."""
    reads = iter([bytes([255] * 60 + list(range(4))), bytes(range(64))])
    monkeypatch.setattr(csrf, "secrets", SimpleNamespace(token_bytes=lambda n: next(reads)))
    secret = "b" * 32
    token = masked(secret)
    assert token[:4] == CSRF_ALLOWED_CHARS[:4]  # the first read's four kept bytes
    assert token[4:32] == CSRF_ALLOWED_CHARS[:28]  # then the second read's
    assert _unmask_cipher_token(token) == secret


def test_a_token_renews_the_cookie_it_came_with_as_djangos_does(user):
    """Asking for a token with a secret from the cookie sends the cookie again, as Django's
    get_token does, so that its expiry is renewed while the person uses the app."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/settings/")
    secret = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.get("/settings/")
    assert response.cookies[settings.CSRF_COOKIE_NAME].value == secret
    token = TOKENS.findall(response.content.decode())[0]
    assert _unmask_cipher_token(token) == secret
