"""Whole model rows read from a plain cursor, converted exactly as the ORM converts them.

The home page reads the same narrow shapes on every request (a week of days, the open care
alerts); building and compiling those querysets cost more than the database took to answer.
The columns and each column's converters are worked out once per model and database, from
Django's own field and backend converters, so a row arrives as the ORM would have made it."""

import functools
import hashlib
from collections.abc import Sequence

from django.db import connections
from django.db.models import JSONField, Model
from django.db.transaction import TransactionManagementError


@functools.cache
def _shape(model: type[Model], alias: str, vendor: str, names: tuple[str, ...] | None = None):
    """(the table's columns, quoted, the attribute names, [(place, column, converters)]) for
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
        if isinstance(field, JSONField) and field.decoder is None:
            found = [_empty_list_at_once(step) for step in found]
        if found:
            converters.append((place, col, found))
    return columns, [f.attname for f in fields], converters


def _empty_list_at_once(step):
    """A JSON column's converter, with its commonest value answered without the decoder: a day
    with no symptoms and nothing ticked stores "[]" (both databases write an empty array so),
    and the red-flag check reads three months of such days on every save. json.loads("[]")
    is a new empty list, and so is this."""

    def converted(value, expression, connection):
        if value == "[]":
            return []
        return step(value, expression, connection)

    return converted


def _all_converted(rows: Sequence[Sequence], converters: list, connection) -> list[list]:
    """Rows' values as the ORM reads them, converted a column at a time (a save's red-flag
    check reads three months of days, and a loop per row and column cost twice as much)."""
    converted = [list(row) for row in rows]
    for place, col, steps in converters:
        for step in steps:
            for values in converted:
                values[place] = step(values[place], col, connection)
    return converted


def _rows(model, names, where: str, params: Sequence, using: str) -> list[list]:
    connection = connections[using]
    columns, _, converters = _shape(model, using, connection.vendor, names)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE {where}", params)
        rows = cursor.fetchall()
    return _all_converted(rows, converters, connection)


def read(
    model: type[Model], where: str, params: Sequence, *, using: str = "default", lock: bool = False
) -> list[Model]:
    """`model`'s rows matching `where` (plain SQL on its own table's columns, an ORDER BY and a
    LIMIT may follow), as instances. `lock`: the rows stay locked until the transaction ends,
    as select_for_update() (SQLite, one writer at a time, has no row locks and Django skips
    them there too)."""
    connection = connections[using]
    if lock:
        if not connection.in_atomic_block:  # as select_for_update() refuses
            raise TransactionManagementError("A locked read needs a transaction.")
        if connection.features.has_select_for_update:
            where += " FOR UPDATE"
    names = _shape(model, using, connection.vendor)[1]
    return [
        model.from_db(using, names, values) for values in _rows(model, None, where, params, using)
    ]


def updated(
    model: type[Model], assignments: str, where: str, params: Sequence, *, using: str = "default"
) -> list[Model]:
    """`UPDATE` `model`'s rows matching `where` with `assignments` (plain SQL on its own
    table's columns; `params` for both, in order), and those rows as they are after it, as
    instances, in the same statement (RETURNING: PostgreSQL, and SQLite from 3.35)."""
    connection = connections[using]
    columns, names, converters = _shape(model, using, connection.vendor)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {assignments} WHERE {where} RETURNING {columns}", params
        )
        rows = cursor.fetchall()
    return [
        model.from_db(using, names, values)
        for values in _all_converted(rows, converters, connection)
    ]


@functools.cache
def _update_shape(model: type[Model], alias: str, vendor: str) -> tuple[str, list]:
    """(UPDATE of every concrete field of one `model` row by primary key, those fields). A
    model whose fields lie in more than one table, or with a column the database computes,
    is for save() alone."""
    meta = model._meta
    quote = connections[alias].ops.quote_name
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    if meta.parents or any(field.generated for field in fields):
        raise TypeError(f"{meta.label} is saved by save(), not plainly")
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    return (
        f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s",
        fields,
    )


def save_stored(instance: Model, *, using: str = "default") -> None:
    """`instance.save()` for a stored row, as one plain UPDATE: each field's value as save()
    writes it (`pre_save`, which stamps an auto_now field, then `get_db_prep_save`). Building
    the ORM's update cost a sixth of a check-in's save. Plain values only (no F() expressions),
    and no model signals are sent: tests/test_plain_read.py holds that nothing listens for the
    models saved so. A row gone meanwhile is saved by save() itself, which inserts it again."""
    connection = connections[using]
    sql, fields = _update_shape(type(instance), using, connection.vendor)
    params = [field.get_db_prep_save(field.pre_save(instance, False), connection)
              for field in fields]  # fmt: skip
    params.append(instance.pk)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        updated_rows = cursor.rowcount
    if updated_rows != 1:
        instance.save(using=using)


@functools.cache
def _joined_shape(model: type[Model], related_name: str, alias: str, vendor: str):
    """(SELECT one `model` row by primary key with its reverse one-to-one `related_name`, LEFT
    JOINed; both models' attribute names; the converters; where the related primary key is)."""
    related = model._meta.get_field(related_name)
    own_columns, own_names, own_converters = _shape(model, alias, vendor)
    other_columns, other_names, other_converters = _shape(related.related_model, alias, vendor)
    quote = connections[alias].ops.quote_name
    own, other = quote(model._meta.db_table), quote(related.related_model._meta.db_table)
    own_pk = f"{own}.{quote(model._meta.pk.column)}"
    select = (
        f"SELECT {own_columns}, {other_columns} FROM {own} LEFT OUTER JOIN {other} "
        f"ON {other}.{quote(related.field.column)} = {own_pk} WHERE {own_pk} = %s"
    )
    width = len(own_names)
    converters = own_converters + [(at + width, col, steps) for at, col, steps in other_converters]
    other_pk_at = width + other_names.index(related.related_model._meta.pk.attname)
    return select, own_names, other_names, converters, other_pk_at


def read_one_with(
    model: type[Model], related_name: str, pk, *, using: str = "default"
) -> Model | None:
    """`model.objects.select_related(related_name).filter(pk=pk).first()` for a reverse
    one-to-one `related_name`, as one plain query: the instance with its related one cached
    on it (None when it has none, as select_related leaves it), or None."""
    connection = connections[using]
    select, names, other_names, converters, other_pk_at = _joined_shape(
        model, related_name, using, connection.vendor
    )
    with connection.cursor() as cursor:
        cursor.execute(select, [model._meta.pk.get_db_prep_value(pk, connection)])
        row = cursor.fetchone()
    if row is None:
        return None
    values = _all_converted([row], converters, connection)[0]
    found = model.from_db(using, names, values[: len(names)])
    related = model._meta.get_field(related_name)
    other = None
    if values[other_pk_at] is not None:
        other = related.related_model.from_db(using, other_names, values[len(names) :])
        related.field.set_cached_value(other, found)
    related.set_cached_value(found, other)
    return found


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


def instants_stamp(column: str, *, using: str = "default", vendor: str | None = None) -> str:
    """SQL for one value that stands for a timestamp column over the rows, read back through
    `stamp`: a row saved again moves it, whichever way the clock went (the latest time alone
    would miss an edit made on a host whose clock is behind), and so does a row added or
    removed. For the database kind `vendor`, else the `using` connection's.

    On PostgreSQL the times added up, in seconds with their fraction (an exact decimal). On
    SQLite, which stores a time as its text, the texts themselves joined: no time is parsed,
    which over home's 180 days costs half of adding up their seconds. They are joined in the
    order the rows are read, which the query's plan decides: should another plan read them in
    another order, the same rows give a new stamp once (a kept result is worked out again),
    never another rows' stamp (joined with commas, which no stored time holds, the joined text
    gives each time back)."""
    if (vendor or connections[using].vendor) == "sqlite":
        return f"group_concat({column}, ',')"
    return f"SUM(EXTRACT(EPOCH FROM {column}))"


def stamp(value: object) -> object:
    """instants_stamp's value as a kept key holds it: SQLite's joined texts (20 to 27 bytes a row)
    as a 16-byte digest, PostgreSQL's sum as it is."""
    if isinstance(value, str):
        return hashlib.blake2b(value.encode(), digest_size=16).digest()
    return value
