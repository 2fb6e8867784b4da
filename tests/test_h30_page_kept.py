"""Issue 30: what every page draws once per process and language is keyed by the language it is
drawn in (and redrawn each time with DEBUG on), so a page never shows another language's words."""

import html
import json
import re

from django.test import override_settings
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
