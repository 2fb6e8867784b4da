"""Issue 30: what every page draws once per process and language is keyed by the language it is
drawn in (and redrawn each time with DEBUG on), so a page never shows another language's words."""

import html
import json
import re

from django.test import override_settings
from django.urls import include, path
from django.utils import translation

from tracker.templatetags import page_assets


def _words(drawn: str) -> dict[str, str]:
    found = re.search(r'data-words="([^"]*)"', drawn)
    return json.loads(html.unescape(found.group(1)))


def test_the_scripts_words_are_kept_per_language():
    page_assets._script_words_once.cache_clear()
    drawn = {}
    for language in ("es", "en", "es", "en"):
        with translation.override(language):
            drawn.setdefault(language, set()).add(str(page_assets.script_words()))
    assert all(len(kept) == 1 for kept in drawn.values())
    assert _words(drawn["es"].pop())["push_body"] == "¿Cómo está tu espalda hoy?"
    assert _words(drawn["en"].pop())["push_body"] == "How is your back today?"
    assert page_assets._script_words_once.cache_info().hits == 2


def test_with_debug_on_the_scripts_words_are_drawn_each_time(monkeypatch):
    page_assets._script_words_once.cache_clear()
    monkeypatch.setitem(page_assets.SCRIPT_WORDS, "push_body", "Edited words")
    with override_settings(DEBUG=True), translation.override("en"):
        assert _words(page_assets.script_words())["push_body"] == "Edited words"
    assert page_assets._script_words_once.cache_info().currsize == 0


# --- the header -------------------------------------------------------------------------------

HEADER = re.compile(r'<header class="site-header">.*?</header>', re.S)


def _header_and_body_token(page: str) -> tuple[str, str]:
    header = HEADER.search(page).group(0)
    body_token = re.search(r'"x-csrftoken": "([^"]+)"', page).group(1)
    return header, body_token


def test_the_kept_header_carries_each_pages_own_csrf_token_and_logs_out(user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page_assets._header_once.cache_clear()
    tokens = set()
    for _ in range(2):
        header, body_token = _header_and_body_token(client.get("/guide/").content.decode())
        form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)
        assert form_token == body_token and "-csrf-token-slot-" not in header
        tokens.add(form_token)
    assert len(tokens) == 2  # masked afresh for each page, never kept
    assert page_assets._header_once.cache_info().hits >= 1
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302
    assert not client.get("/guide/").wsgi_request.user.is_authenticated


def test_the_kept_header_is_per_language_and_per_signed_in_or_not(client, user):
    page_assets._header_once.cache_clear()
    seen = {}
    for signed_in in (False, True, False, True):
        if signed_in:
            client.force_login(user)
        else:
            client.logout()
        for language in ("es", "en"):
            page = client.get("/guide/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
            header = HEADER.search(page).group(0)
            seen.setdefault((signed_in, language), set()).add(re.sub(r'value="[^"]+"', "", header))
    assert all(len(headers) == 1 for headers in seen.values())
    (out_es,), (out_en,) = seen[(False, "es")], seen[(False, "en")]
    (in_es,), (in_en,) = seen[(True, "es")], seen[(True, "en")]
    assert "Iniciar sesión" in out_es and "Log in" in out_en and "Log out" not in out_en
    assert "Cerrar sesión" in in_es and "Log out" in in_en and "Log in" not in in_en
    assert "Tendencias" in in_es and "Trends" not in in_es


def _header_template_drawn(user, **context) -> str:
    """The header as base.html's block drew it before it was kept (the same partial, drawn
    by the template engine now)."""
    from django.template.loader import render_to_string

    return render_to_string(
        page_assets.HEADER_TEMPLATE, {"signed_in": user.is_authenticated, **context}
    ).strip()


def test_without_a_csrf_token_the_kept_header_has_no_token_input_as_the_tag_had(user):
    from django.template import Context

    page_assets._header_once.cache_clear()
    with translation.override("en"):
        for context in ({}, {"csrf_token": "NOTPROVIDED"}):
            drawn = str(page_assets.site_header(Context({"user": user, **context})))
            assert "csrfmiddlewaretoken" not in drawn and "-csrf-token-slot-" not in drawn
            assert "Log out" in drawn
        # {% csrf_token %} writes nothing without a token (Django's own tag, drawn as before).
        assert str(page_assets.site_header(Context({"user": user}))) == _header_template_drawn(user)
        drawn = str(page_assets.site_header(Context({"user": user, "csrf_token": "abc123"})))
        assert drawn == _header_template_drawn(user, csrf_token="abc123")


def test_the_kept_header_links_under_the_sites_own_prefix(user):
    from django.template import Context
    from django.urls import get_script_prefix, set_script_prefix

    page_assets._header_once.cache_clear()
    before = get_script_prefix()
    try:
        with translation.override("en"):
            at_root = str(page_assets.site_header(Context({"user": user, "csrf_token": "t1"})))
            set_script_prefix("/elsewhere/")
            elsewhere = str(page_assets.site_header(Context({"user": user, "csrf_token": "t1"})))
    finally:
        set_script_prefix(before)
    assert 'href="/checkin/"' in at_root and 'href="/elsewhere/checkin/"' not in at_root
    assert 'href="/elsewhere/checkin/"' in elsewhere and 'href="/checkin/"' not in elsewhere


# The app's addresses one folder down, for the header drawn under another URL configuration.
urlpatterns = [path("elsewhere/", include("backhabits.urls"))]


def test_the_kept_header_links_under_the_sites_own_url_configuration(user):
    from django.template import Context
    from django.urls import set_urlconf

    page_assets._header_once.cache_clear()
    drawn = []
    try:
        with translation.override("en"):
            for urlconf in (None, __name__, None):
                set_urlconf(urlconf)
                drawn.append(
                    str(page_assets.site_header(Context({"user": user, "csrf_token": "t1"})))
                )
    finally:
        set_urlconf(None)
    at_root, elsewhere, again = drawn
    assert 'href="/checkin/"' in at_root and 'href="/elsewhere/checkin/"' not in at_root
    assert 'href="/elsewhere/checkin/"' in elsewhere and 'href="/checkin/"' not in elsewhere
    assert again == at_root and page_assets._header_once.cache_info().hits == 1


def test_the_kept_head_links_the_manifest_under_the_sites_own_prefix():
    from django.urls import get_script_prefix, set_script_prefix

    page_assets._drawn_once.cache_clear()
    before = get_script_prefix()
    try:
        at_root = str(page_assets.page_assets())
        set_script_prefix("/elsewhere/")
        elsewhere = str(page_assets.page_assets())
        set_script_prefix(before)
        again = str(page_assets.page_assets())
    finally:
        set_script_prefix(before)
    assert 'href="/manifest.webmanifest"' in at_root
    assert 'href="/elsewhere/manifest.webmanifest"' in elsewhere
    assert 'href="/manifest.webmanifest"' not in elsewhere
    assert again == at_root and page_assets._drawn_once.cache_info().hits == 1


# --- the heatmap's legend ---------------------------------------------------------------------


def test_the_heatmap_legend_is_kept_per_language_and_is_the_templates():
    from django.template.loader import render_to_string

    from tracker.templatetags import backhabits

    backhabits._legend_once.cache_clear()
    for language, words in (("es", "sin registrar"), ("en", "not logged"), ("es", None)):
        with translation.override(language):
            drawn = backhabits.heatmap_legend()
            assert drawn == render_to_string(backhabits.LEGEND_TEMPLATE)
            if words:
                assert f"</span> {words}</span>" in drawn
    assert backhabits._legend_once.cache_info().hits == 1
    assert backhabits._legend_once.cache_info().currsize == 2


def test_with_debug_on_the_heatmap_legend_is_drawn_each_time():
    from tracker.templatetags import backhabits

    backhabits._legend_once.cache_clear()
    with override_settings(DEBUG=True), translation.override("en"):
        assert "not logged" in backhabits.heatmap_legend()
    assert backhabits._legend_once.cache_info().currsize == 0


def test_the_trends_and_history_pages_show_the_legend(logged_in_client):
    for page in ("/trends/", "/history/"):
        html = logged_in_client.get(page).content.decode()
        assert '<span class="legend-swatch hm-none"></span> not logged</span>' in html, page
        assert '<span class="legend-swatch hm-0"></span>' in html, page


def test_a_kept_drawing_is_drawn_each_time_with_debug_on_and_kept_without():
    """tracker.kept.Kept.get_or_draw, which the kept drawings from templates use (the water
    entry, the today card, "Same as yesterday", the week's days)."""
    from tracker.kept import Kept

    store, drawn = Kept(10), []

    def draw() -> str:
        drawn.append(1)
        return f"drawing {len(drawn)}"

    with override_settings(DEBUG=True):
        assert [store.get_or_draw("key", draw) for _ in range(2)] == ["drawing 1", "drawing 2"]
    assert len(store._items) == 0
    assert [store.get_or_draw("key", draw) for _ in range(2)] == ["drawing 3", "drawing 3"]
    assert len(store._items) == 1
