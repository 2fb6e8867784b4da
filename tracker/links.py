"""URLs reversed once per process rather than once per link on every page."""

import datetime as dt
import functools
import secrets
from contextvars import ContextVar, Token

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape

# What a kept drawing holds in place of the page's own address (a form's "next"): per process
# and unguessable, so no text a person or editor writes can contain it. with_here puts it in.
HERE_STAND_IN = f"next-stand-in-{secrets.token_hex(16)}"


def with_here(drawn: str, path: str) -> str:
    """A kept drawing (made with HERE_STAND_IN as the page's address) with `path` in, escaped
    as the template escapes it."""
    return drawn.replace(HERE_STAND_IN, escape(path))


# The arguments a remembered URL may take: values that hash by what they say. Anything else
# (a model instance, say) is reversed afresh every time.
_PLAIN = (str, int, dt.date)


# Where the request being answered is served: its script prefix and URL configuration, set
# once it has been routed (tracker.middleware.RequestPlaceMiddleware) and forgotten when it has
# been answered; None outside a routed request. Django fixes both before routing and nothing
# changes them while a view answers, but each read of them is an asgiref Local's, under a lock:
# a page asks page_address a dozen to thirty times, and two of its three reads were a twentieth
# of home. The language is read every time: a view may draw in another (translation.override).
_REQUEST_PLACE: ContextVar[tuple[str, str] | None] = ContextVar("request_place", default=None)


def page_address() -> tuple[str | None, str, str]:
    """Everything a link's address and a page's words depend on besides what they name: the
    language, the script prefix and the URL configuration (the settings' own when none is
    set). A kept drawing that holds links or words is keyed by it, as reverse_once is."""
    place = _REQUEST_PLACE.get()
    if place is None:
        place = _place_now()
    return (translation.get_language(), *place)


def _place_now() -> tuple[str, str]:
    return (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def request_begun() -> Token:
    """A request is being answered: no place is fixed until it has been routed. Pass the token
    to request_answered."""
    return _REQUEST_PLACE.set(None)


def request_routed() -> None:
    """The request has been routed: its script prefix and URL configuration are final."""
    _REQUEST_PLACE.set(_place_now())


def request_answered(token: Token) -> None:
    """The request has been answered: back to what was fixed before it (nothing)."""
    _REQUEST_PLACE.reset(token)


def reverse_once(viewname: str, *args, current_app: str | None = None, **kwargs) -> str:
    """`reverse(viewname, args=args, kwargs=kwargs)`, remembered. A page of cards or days links
    each the same way every time, and reversing costs more than the rest of a card. Keyed by
    everything else reverse() reads (the URL configuration, the script prefix, the language),
    so one never answers for another."""
    if not all(type(value) in _PLAIN for value in (*args, *kwargs.values())):
        return reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
    return _reversed(*page_address(), current_app, viewname, args, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=4096)
def _reversed(
    language: str | None,
    prefix: str,
    urlconf,
    current_app: str | None,
    viewname: str,
    args: tuple,
    kwargs: tuple,
) -> str:
    return reverse(
        viewname, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app
    )
