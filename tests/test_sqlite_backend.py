"""backhabits.sqlite_backend: Django's SQLite backend, with queries converted to SQLite's `?`
placeholders without Django's regular expression where a query holds no `%%`: the same text
as Django's own conversion, for any query."""

import sqlite3

import pytest
from django.db import connection
from django.db.backends.sqlite3 import base as djangos
from hypothesis import given
from hypothesis import strategies as st

from backhabits.sqlite_backend import base as ours
from tracker.models import CheckIn

# Queries built from the characters the conversion turns on, and a few others around them.
QUERIES = st.text(alphabet="%s?'a ", max_size=40)


def _cursor(factory):
    return sqlite3.connect(":memory:").cursor(factory=factory)


@given(QUERIES)
def test_the_same_text_as_djangos_conversion(query):
    assert _cursor(ours.SQLiteCursorWrapper).convert_query(query) == _cursor(
        djangos.SQLiteCursorWrapper
    ).convert_query(query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT %s", "SELECT ?"),
        ("a = %s AND b = %s", "a = ? AND b = ?"),
        ("LIKE '%%s' AND a = %s", "LIKE '%s' AND a = ?"),  # a literal %s stays, Django's way
    ],
)
def test_examples(query, expected):
    assert _cursor(ours.SQLiteCursorWrapper).convert_query(query) == expected


def test_named_parameters_are_djangos():
    cursor = _cursor(ours.SQLiteCursorWrapper)
    assert cursor.convert_query("a = %(x)s", param_names=["x"]) == "a = :x"


@pytest.mark.django_db
def test_the_apps_sqlite_connection_uses_it():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL has no placeholders to convert")
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, ours.SQLiteCursorWrapper)
    # A percent sign in a value and in a pattern reaches SQLite as Django would send it.
    assert not CheckIn.objects.filter(notes__contains="50%").exists()
