"""One masked CSRF token per request.

Django masks the CSRF secret with a fresh random mask on every `get_token()` call (against
BREACH), about 40 µs each, and a page that draws its own forms in Python asks more than once.
One masked token serves every form on a page as well as several do: the mask changes with
every response, which is what the masking is for."""

from django.http import HttpRequest
from django.middleware.csrf import get_token

_KEPT = "_backhabits_masked_csrf_token"


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
