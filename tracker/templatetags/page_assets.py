"""{% page_assets %}: the icons, manifest, style sheet and scripts every page's head links, with
their integrity hashes (templates/tracker/partials/page_assets.html); {% script_words %}: the
words those scripts show, in the page's language.

Their addresses and hashes change only with a deploy, but looking each one up (the static files'
manifest, the file's SRI hash) cost about 0.3 ms on every page; in production they are drawn
once per process. With DEBUG on they are drawn on every page, so an edited file shows at once."""

import functools
import json

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker.accounts.delivery import NOTIFICATION_ACTIONS
from tracker.links import page_address

register = template.Library()
TEMPLATE = "tracker/partials/page_assets.html"


@register.simple_tag
def page_assets() -> SafeString:
    if settings.DEBUG:
        return _drawn()
    # The static files' addresses follow the settings (STATIC_URL carries the site's prefix
    # when it is relative); the manifest's is reversed under the prefix and URL configuration.
    _, prefix, urlconf = page_address()
    key = (settings.STATIC_URL, repr(settings.STORAGES.get("staticfiles")), prefix, urlconf)
    return _drawn_once(key)


@functools.lru_cache(maxsize=8)
def _drawn_once(place: tuple) -> SafeString:
    # Keyed by everything the addresses come from, so a test that changes them gets its own.
    return _drawn()


def _drawn() -> SafeString:
    # Drawn by the template engine, which escaped it; strip() gives back a plain str.
    return mark_safe(render_to_string(TEMPLATE).strip())


HEADER_TEMPLATE = "tracker/partials/site_header.html"
# Stands for the CSRF token in a kept header; no token looks like it (they are letters and
# digits only).
_CSRF_SLOT = "-csrf-token-slot-"
# What {% csrf_token %} writes around it (django.template.defaulttags.CsrfTokenNode).
_CSRF_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{_CSRF_SLOT}">'


@register.simple_tag(takes_context=True)
def site_header(context) -> SafeString:
    """The header's brand and navigation, for people signed in or not. Drawn once per
    language and process in production (with DEBUG on every time, as page_assets): only the
    log-out form's CSRF token differs from one page to the next, and it is written in here."""
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    drawn = _header_drawn(signed_in) if settings.DEBUG else _header_once(*page_address(), signed_in)
    if not signed_in:
        return drawn
    # As {% csrf_token %}: no input at all without a token (a page drawn outside a request).
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return mark_safe(drawn.replace(_CSRF_INPUT, ""))
    return mark_safe(drawn.replace(_CSRF_SLOT, escape(token)))


@functools.lru_cache(maxsize=32)
def _header_once(language: str | None, prefix: str, urlconf: str, signed_in: bool) -> SafeString:
    # Keyed by the language of its words and by what its addresses are reversed from.
    return _header_drawn(signed_in)


def _header_drawn(signed_in: bool) -> SafeString:
    # Drawn by the template engine, which escaped it; strip() gives back a plain str.
    drawn = render_to_string(HEADER_TEMPLATE, {"signed_in": signed_in, "csrf_token": _CSRF_SLOT})
    return mark_safe(drawn.strip())


# The words the scripts show a person (static/js/*.js and the service worker, templates/tracker/
# sw.js), translated on the server: the scripts hard-code none, and a page the service worker
# keeps keeps them in the language it was fetched in. %(name)s is filled in by the script.
SCRIPT_WORDS = {
    # app.js
    "copied": pgettext_lazy("a share link, copied", "Copied"),
    "push_asking": _("Asking for permission to show notifications…"),
    "push_subscribing": _("Asking the browser for a push subscription…"),
    "push_on": _("This device will get your daily reminder."),
    "push_not_allowed": _("Couldn't turn on notifications: this browser did not allow them."),
    "push_refused": _("Couldn't turn on notifications: the server refused the subscription."),
    # %(reason)s: the browser's own words for what went wrong.
    "push_failed": _("Couldn't turn on notifications: %(reason)s"),
    "filled_posture": pgettext_lazy("filled in from yesterday", "posture"),
    "filled_exercise": pgettext_lazy("filled in from yesterday", "exercise"),
    "filled_water": pgettext_lazy("filled in from yesterday", "water"),
    # %(items)s: the words above, joined with commas.
    "filled_in": _("Filled in from yesterday: %(items)s. Press Save check-in to keep it."),
    # %(count)s: the characters still to type (1 or more).
    "password_to_go": _("%(count)s more to go."),
    "password_long_enough": _("Long enough."),
    "show_password": _("Show password"),
    # offline.js
    "needs_connection": _("(needs a connection)"),
    "offline_signed_in": _(
        "Offline: the check-in and the emergency advice work; crossed-out pages need a connection."
    ),
    "offline_signed_out": _("Offline: crossed-out pages need a connection."),
    # %(days)s: the days' dates, joined with semicolons.
    "waiting_days": _("Waiting on this phone: %(days)s."),
    "refused_day": _("%(day)s: %(message)s"),
    "remove_copy": _("Remove the unsent copy of %(day)s"),
    "same_needs_connection": _(
        "Filling in the day before needs a connection: fill in what you can."
    ),
    "saved_here": _("Saved on this phone. It will be sent when you're back online (%(day)s)."),
    # offline-store.js (pages and the service worker)
    "day_not_saved": _("This day could not be saved: please check it and save it again."),
    "care_waiting": _("A care prompt is waiting: open the home page."),
    # the service worker, when a push carries no words of its own
    "push_body": _("How is your back today?"),
    "log_pain": NOTIFICATION_ACTIONS["log-pain"],
    "done_today": NOTIFICATION_ACTIONS["done-today"],
}


def script_words_now() -> dict[str, str]:
    """SCRIPT_WORDS in the active language (drawn on each page: nothing kept across languages)."""
    return {key: str(words) for key, words in SCRIPT_WORDS.items()}


@register.simple_tag
def script_words() -> SafeString:
    """A hidden element whose data-words holds them as JSON: data, never run, so the
    Content-Security-Policy (script-src 'self') has nothing to allow, and every <script> on a
    page stays one of our files with its integrity hash.

    Every page draws it: in production once per language and process (a process's catalogues
    don't change), with DEBUG on afresh, so an edited catalogue shows at once."""
    if settings.DEBUG:
        return _script_words_drawn()
    return _script_words_once(get_language())


@functools.lru_cache(maxsize=16)
def _script_words_once(language: str | None) -> SafeString:
    # Keyed by the language the words are drawn in: one never answers for another.
    return _script_words_drawn()


def _script_words_drawn() -> SafeString:
    return format_html(
        '<div id="script-words" data-words="{}" hidden></div>', json.dumps(script_words_now())
    )


# The pages a person not signed in starts from, where the footer offers the language switch
# (a form, so it sets a CSRF cookie): not every page, as the shared report and the tips are
# kept free of forms for people not signed in. Signed in, the language is a setting.
LANGUAGE_SWITCH_PAGES = frozenset(
    {
        "tracker:home",
        "login",
        "signup",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    }
)


@register.simple_tag(takes_context=True)
def offers_language_switch(context) -> bool:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    # A page the service worker keeps carries no CSRF cookie, and offline the form can't be sent.
    if request.headers.get("X-Backhabits-Keeping"):
        return False
    return match.view_name in LANGUAGE_SWITCH_PAGES


@register.simple_tag
def script_words_object() -> SafeString:
    """The same words as a JavaScript object literal, for the service worker's own file."""
    return mark_safe(json.dumps(script_words_now()).replace("<", "\\u003c"))
