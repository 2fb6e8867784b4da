"""URLs reversed once per process rather than once per link on every page."""

import datetime as dt
import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

# The arguments a remembered URL may take: values that hash by what they say. Anything else
# (a model instance, say) is reversed afresh every time.
_PLAIN = (str, int, dt.date)


def page_address() -> tuple[str | None, str, str]:
    """Everything a link's address and a page's words depend on besides what they name: the
    language, the script prefix and the URL configuration (the settings' own when none is
    set). A kept drawing that holds links or words is keyed by it, as reverse_once is."""
    return (translation.get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


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
