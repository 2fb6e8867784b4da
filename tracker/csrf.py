"""One masked CSRF token per request, masked with one read of the system's randomness.

Django masks the CSRF secret with a fresh random mask on every `get_token()` call (against
BREACH), about 40 µs each: its mask is 32 separate `secrets.choice` calls. Here the mask comes
from one `secrets.token_bytes` read, each byte mapped to one of Django's 62 token characters
(bytes from 248 up are set aside, so that every character is equally likely), and the token is
Django's own form: the mask, then the secret shifted by it, which Django's CsrfViewMiddleware
reads back as it reads its own (6 µs). One masked token serves every form on a page as well as
several do: the mask changes with every response, which is what the masking is for."""

import secrets

from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils.html import escape

_KEPT = "_backhabits_masked_csrf_token"
# What a page part drawn to be kept holds in place of the token (a kept drawing must never hold
# one request's token): per process and unguessable, so no text a person or editor writes can
# contain it. with_token puts the request's own in.
STAND_IN = f"csrf-stand-in-{secrets.token_hex(16)}"

_PLACES = {character: place for place, character in enumerate(CSRF_ALLOWED_CHARS)}
# The bytes below this bound fall evenly on the characters (248 = 4 × 62).
_EVEN_BELOW = 256 - 256 % len(CSRF_ALLOWED_CHARS)


def token_for(request: HttpRequest) -> str:
    """What `get_token(request)` gives, masked once per request and per secret: a log-in in
    the middle of a request rotates the secret (rotate_token), and the token must then be
    masked anew."""
    secret = request.META.get("CSRF_COOKIE")
    kept = getattr(request, _KEPT, None)
    if kept is not None and secret is not None and kept[0] == secret:
        return kept[1]
    if secret is None:
        token = get_token(request)  # a new visitor: Django makes the secret and its cookie
    else:
        # As get_token does for a secret that came with the request: send the cookie again,
        # which renews its expiry.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        token = masked(secret)
    setattr(request, _KEPT, (request.META["CSRF_COOKIE"], token))
    return token


def masked(secret: str) -> str:
    """`secret` under a new random mask, as Django's get_token masks it: the mask's characters,
    then each of the secret's moved along the 62 characters by the mask's at its place."""
    shifts = _random_shifts(CSRF_SECRET_LENGTH)
    mask = "".join([CSRF_ALLOWED_CHARS[shift] for shift in shifts])
    size = len(CSRF_ALLOWED_CHARS)
    cipher = "".join(
        [
            CSRF_ALLOWED_CHARS[(_PLACES[c] + shift) % size]
            for c, shift in zip(secret, shifts, strict=True)
        ]
    )
    return mask + cipher


def _random_shifts(count: int) -> list[int]:
    """`count` numbers, each from 0 to 61 with equal chance, from the system's randomness."""
    size = len(CSRF_ALLOWED_CHARS)
    shifts: list[int] = []
    while len(shifts) < count:
        # Twice the bytes needed: each is kept with chance 248/256, so a second read is rare.
        shifts += [byte % size for byte in secrets.token_bytes(2 * count) if byte < _EVEN_BELOW]
    return shifts[:count]


def with_token(drawn: str, request: HttpRequest) -> str:
    """A kept drawing (made with STAND_IN as its `csrf_token`) with this request's token."""
    return drawn.replace(STAND_IN, escape(token_for(request)))
