"""One masked CSRF token per request.

Django masks the CSRF secret with a fresh random mask on every `get_token()` call (against
BREACH), about 40 µs each, and a page that draws its own forms in Python asks more than once.
One masked token serves every form on a page as well as several do: the mask changes with
every response, which is what the masking is for."""

import secrets

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape

_KEPT = "_backhabits_masked_csrf_token"
# What a page part drawn to be kept holds in place of the token (a kept drawing must never hold
# one request's token): per process and unguessable, so no text a person or editor writes can
# contain it. with_token puts the request's own in.
STAND_IN = f"csrf-stand-in-{secrets.token_hex(16)}"


def token_for(request: HttpRequest) -> str:
    """`get_token(request)`, masked once per request and per secret: a log-in in the middle
    of a request rotates the secret (rotate_token), and the token must then be masked anew."""
    secret = request.META.get("CSRF_COOKIE")
    kept = getattr(request, _KEPT, None)
    if kept is not None and secret is not None and kept[0] == secret:
        return kept[1]
    token = get_token(request)
    setattr(request, _KEPT, (request.META["CSRF_COOKIE"], token))
    return token


def with_token(drawn: str, request: HttpRequest) -> str:
    """A kept drawing (made with STAND_IN as its `csrf_token`) with this request's token."""
    return drawn.replace(STAND_IN, escape(token_for(request)))
