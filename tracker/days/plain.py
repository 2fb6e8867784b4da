"""Whole model rows read from a plain cursor, converted exactly as the ORM converts them.

The home page reads the same narrow shapes on every request (a week of days, the open care
alerts); building and compiling those querysets cost more than the database took to answer.
The columns and each column's converters are worked out once per model and database, from
Django's own field and backend converters, so a row arrives as the ORM would have made it."""

import functools
from collections.abc import Sequence

from django.db import connections
from django.db.models import Model


@functools.cache
def _shape(model: type[Model], alias: str, vendor: str, names: tuple[str, ...] | None = None):
    """(SELECT ... FROM the table, the attribute names, [(place, column, converters)]) for
    every concrete field, or for the fields named. Kept per process: every connection to one
    alias has the same settings (time zone, vendor), so the converters of the first one serve
    the others; the running connection is the one passed to each converter."""
    connection = connections[alias]
    meta = model._meta
    fields = meta.concrete_fields if names is None else [meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    columns = ", ".join(f"{quote(meta.db_table)}.{quote(field.column)}" for field in fields)
    converters = []
    for place, field in enumerate(fields):
        col = field.get_col(meta.db_table)
        found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
        if found:
            converters.append((place, col, found))
    return f"SELECT {columns} FROM {quote(meta.db_table)}", [f.attname for f in fields], converters


def _rows(model, names, where: str, params: Sequence, using: str) -> list[list]:
    connection = connections[using]
    select, _, converters = _shape(model, using, connection.vendor, names)
    with connection.cursor() as cursor:
        cursor.execute(f"{select} WHERE {where}", params)
        rows = cursor.fetchall()
    found = []
    for row in rows:
        values = list(row)
        for place, col, steps in converters:
            value = values[place]
            for step in steps:
                value = step(value, col, connection)
            values[place] = value
        found.append(values)
    return found


def read(
    model: type[Model], where: str, params: Sequence, *, using: str = "default"
) -> list[Model]:
    """`model`'s rows matching `where` (plain SQL on its own table's columns, an ORDER BY may
    follow), as instances."""
    names = _shape(model, using, connections[using].vendor)[1]
    return [
        model.from_db(using, names, values) for values in _rows(model, None, where, params, using)
    ]


def values(
    model: type[Model],
    fields: tuple[str, ...],
    where: str,
    params: Sequence,
    *,
    using: str = "default",
) -> list[list]:
    """The named fields of `model`'s rows matching `where`, each value as the ORM reads it
    (what `values_list(*fields)` gives)."""
    return _rows(model, fields, where, params, using)


# A user id nobody has: it stands for the person in a query compiled once (compiled_count).
_SOMEONE = -7_000_001


@functools.lru_cache(maxsize=32)
def _compiled_count(make, alias: str, vendor: str) -> tuple[str, tuple, int]:
    """COUNT(*) of `make(_SOMEONE)`'s rows as SQL and parameters, and where the person's id is
    among the parameters. Compiled by the ORM (its lookups, a JSON field's comparisons on each
    backend) once per process and database."""
    sql, params = make(_SOMEONE).query.get_compiler(alias).as_sql()
    return f"SELECT COUNT(*) FROM ({sql}) counted", tuple(params), params.index(_SOMEONE)


def compiled_count(make, user_id: int, *, using: str = "default") -> int:
    """`make(user_id).count()`, for a query a page asks on every request: `make` (a function
    kept for the life of the process) builds the queryset from a person's id. Building and
    compiling it through the ORM cost ten times what the database takes to answer."""
    connection = connections[using]
    sql, params, at = _compiled_count(make, using, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params[:at], user_id, *params[at + 1 :]])
        return cursor.fetchone()[0]


def summed_instants(column: str, *, using: str = "default") -> str:
    """SQL adding up a timestamp column to the microsecond. Any row saved again moves the sum,
    whichever way the clock went; the latest time alone would miss an edit made on a host
    whose clock is behind."""
    if connections[using].vendor == "sqlite":  # stored as text: 'YYYY-MM-DD HH:MM:SS[.ffffff]'
        return (
            f"SUM(CAST(strftime('%%s', {column}) AS INTEGER) * 1000000 "
            f"+ CAST(substr({column}, 21, 6) AS INTEGER))"
        )
    return f"SUM(EXTRACT(EPOCH FROM {column}))"
