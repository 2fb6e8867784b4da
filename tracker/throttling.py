"""Every 429 the app sends says when to try again (Retry-After, RFC 9110 §10.2.3): the share
links' and sign-up's limits (django-ratelimit) and the log-in lockout (django-axes)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext

_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def window_seconds(rate: str) -> int:
    """The window of a django-ratelimit rate ("30/m", "10/h", "5/15m"): a limit reached now is
    lifted by then at the latest."""
    period = rate.partition("/")[2]
    return int(period[:-1] or 1) * _UNIT_SECONDS[period[-1]]


def retry_after(response: HttpResponse, seconds: int) -> HttpResponse:
    response["Retry-After"] = str(seconds)
    return response


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE), with Retry-After: the cool-off
    counts from the last failure, so it is over by then."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60)
    words = ngettext("%(minutes)d minute", "%(minutes)d minutes", minutes) % {"minutes": minutes}
    context = {"cooloff_time": words, "cooloff_timedelta": cool_off}
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)
    return retry_after(response, int(cool_off.total_seconds()))
