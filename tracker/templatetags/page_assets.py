"""{% page_assets %}: the icons, manifest, style sheet and scripts every page's head links, with
their integrity hashes (templates/tracker/partials/page_assets.html).

Their addresses and hashes change only with a deploy, but looking each one up (the static files'
manifest, the file's SRI hash) cost about 0.3 ms on every page; in production they are drawn
once per process. With DEBUG on they are drawn on every page, so an edited file shows at once."""

import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()
TEMPLATE = "tracker/partials/page_assets.html"


@register.simple_tag
def page_assets() -> SafeString:
    if settings.DEBUG:
        return _drawn()
    key = (settings.STATIC_URL, repr(settings.STORAGES.get("staticfiles")), settings.DEBUG)
    return _drawn_once(key)


@functools.lru_cache(maxsize=4)
def _drawn_once(settings_key: tuple) -> SafeString:
    # Keyed by the settings the addresses come from, so a test that changes them gets its own.
    return _drawn()


def _drawn() -> SafeString:
    # Drawn by the template engine, which escaped it; strip() gives back a plain str.
    return mark_safe(render_to_string(TEMPLATE).strip())
