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
