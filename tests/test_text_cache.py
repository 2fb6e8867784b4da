"""The fragments cache keeps text as the very string (backhabits/text_cache.py) and anything
else as LocMemCache does: a copy, which what the caller changes later never reaches."""

import pytest
from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe

from backhabits.text_cache import TextInMemoryCache


@pytest.fixture
def cache():
    made = TextInMemoryCache("test-text-cache", {"TIMEOUT": 60, "OPTIONS": {"MAX_ENTRIES": 3}})
    made.clear()
    yield made
    made.clear()


def test_text_is_kept_as_it_is_and_stays_safe(cache):
    drawn = mark_safe("<svg>" + "x" * 1000 + "</svg>")
    cache.set("chart", drawn)
    kept = cache.get("chart")
    assert kept is drawn and type(kept) is SafeString
    cache.set("words", "plain")
    assert cache.get("words") == "plain" and type(cache.get("words")) is str


def test_anything_else_is_a_copy(cache):
    numbers = [1, 2, 3]
    cache.set("numbers", numbers)
    numbers.append(4)
    kept = cache.get("numbers")
    assert kept == [1, 2, 3]
    kept.append(5)
    assert cache.get("numbers") == [1, 2, 3]


def test_it_behaves_as_locmem_otherwise(cache):
    assert cache.add("a", "first") and not cache.add("a", "second")
    assert cache.get("a") == "first" and cache.get("missing", "default") == "default"
    cache.set("n", 1)
    assert cache.incr("n") == 2
    for name in "bcd":
        cache.set(name, name)
    assert cache.get("a") is None  # the oldest culled past MAX_ENTRIES
    cache.set("gone", "x", timeout=-1)
    assert cache.get("gone") is None


def test_the_fragments_cache_is_one():
    assert isinstance(caches["fragments"], TextInMemoryCache)
