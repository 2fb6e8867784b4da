"""A person's saved days as the trends pages read them: plain cursors, because a page reads
hundreds of rows and the ORM's per-row work was most of the cost."""

import datetime as dt
import functools

from django.db import connection
from django.db.models import Min

from tracker.dates import EARLIEST_CHECKIN_DATE
from tracker.models import AwayPeriod, CheckIn
from tracker.plain import instants_stamp, stamp
from tracker.trends.series import DayRow


def first_logged_date(user) -> dt.date | None:
    return CheckIn.objects.filter(user=user).aggregate(first=Min("date"))["first"]


def load_rows(user, *, start: dt.date, end: dt.date) -> list[DayRow]:
    """Saved days from start to end, oldest first, straight from the cursor (both backends
    return the date column as a date): a year is ~370 rows per page, and the ORM's per-row
    work was most of the cost. A measure not logged is None: a gap for that measure only."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(_COLUMNS[field] for field in DayRow._fields)} "
            f"FROM {CheckIn._meta.db_table} "
            "WHERE user_id = %s AND date BETWEEN %s AND %s ORDER BY date",
            [user.pk, start, end],
        )
        return list(map(_day_row, cursor.fetchall()))


def saved_before_and_today(
    user, *, start: dt.date, today: dt.date, with_away: bool = False
) -> tuple[tuple[int, object], DayRow | None, list[tuple[dt.date, dt.date]] | None]:
    """In one query: what stands for the saved days from start to yesterday (how many, and
    the stamp of their save times, tracker.plain.instants_stamp: every way the app writes a day
    stamps updated_at, so an edit, a water tap, an import or a removal moves one or the other,
    whichever way the clock went), today's row, if saved, and `with_away` the breaks that end on
    or after start (away_periods(since=start), one on each row the query gives; else None)."""
    with connection.cursor() as cursor:
        sql = _saved_sql(connection.vendor, with_away=with_away)
        cursor.execute(sql, [user.pk, start, today, user.pk, today] + (
            [user.pk, start] if with_away else []
        ))  # fmt: skip
        found = cursor.fetchall()
    count, saved, *todays = found[0][:-2] if with_away else found[0]
    away = [_as_dates(row[-2:]) for row in found if row[-2] is not None] if with_away else None
    return (count, stamp(saved)), (None if todays[0] is None else _as_loaded(todays)), away


@functools.cache
def _saved_sql(vendor: str, *, with_away: bool) -> str:
    """saved_before_and_today's query, written once per database kind (`vendor`, the default
    connection's): it runs on every view of home and trends."""
    table = CheckIn._meta.db_table
    columns = ", ".join(_COLUMNS[field] for field in DayRow._fields)
    end = connection.ops.quote_name("end")
    sql = (
        f"SELECT s.n, s.saved, t.*{f', a.start, a.{end}' if with_away else ''} FROM "
        f"(SELECT COUNT(*) AS n, {instants_stamp('updated_at', vendor=vendor)} AS saved "
        f"FROM {table} "
        "WHERE user_id = %s AND date >= %s AND date < %s) s "
        f"LEFT JOIN (SELECT {columns} FROM {table} WHERE user_id = %s AND date = %s) t ON 1 = 1"
    )
    if with_away:
        sql += f" LEFT JOIN ({_away_since_sql()}) a ON 1 = 1 ORDER BY a.start"
    return sql


def _as_dates(values: tuple) -> tuple[dt.date, dt.date]:
    """A break's first and last day, as dates whichever way the database hands them back."""
    return tuple(  # type: ignore[return-value]
        dt.date.fromisoformat(value) if isinstance(value, str) else value for value in values
    )


def _as_loaded(values: list) -> DayRow:
    """Today's row as load_rows gives it. Both backends type the joined columns as the table
    does; should SQLite ever hand back its plain values (text for a date, 0 and 1 for a
    boolean), they are made what load_rows makes of them."""
    row = DayRow._make(values)
    if isinstance(row.date, str):
        row = row._replace(date=dt.date.fromisoformat(row.date))
    for field in _BOOLEANS:
        value = getattr(row, field)
        if value is not None and not isinstance(value, bool):
            row = row._replace(**{field: bool(value)})
    return row


_BOOLEANS = ("rest_day", "woke_from_pain")

# Two of DayRow's fields are worked out by the database, as whole numbers; the rest are columns
# of the same name. An expression for a field DayRow lacks would be fetched into the wrong slot.
_COMPUTED = {
    "sleep_half_hours": "CAST(sleep_hours * 2 AS INTEGER)",
    "peg_total": "peg_pain + peg_enjoyment + peg_activity",
}
if unknown := _COMPUTED.keys() - set(DayRow._fields):
    raise RuntimeError(f"Not DayRow fields: {sorted(unknown)}")
_COLUMNS = {field: _COMPUTED.get(field, field) for field in DayRow._fields}

# _make skips the named tuple's keyword handling but still refuses a row of the wrong length.
_day_row = DayRow._make


def away_periods(user, *, since: dt.date = EARLIEST_CHECKIN_DATE) -> list[tuple[dt.date, dt.date]]:
    """(first, last) of each break that ends on or after `since`, oldest first: a plain cursor,
    like load_rows, as every trends page and the home page ask."""
    with connection.cursor() as cursor:
        cursor.execute(f"{_away_since_sql()} ORDER BY start", [user.pk, since])
        return cursor.fetchall()


def _away_since_sql() -> str:
    """A person's breaks (first and last day) that end on or after a day: the person's id and
    the day are its parameters."""
    end = connection.ops.quote_name("end")
    return (
        f"SELECT start, {end} FROM {AwayPeriod._meta.db_table} WHERE user_id = %s AND {end} >= %s"
    )


def earlier_stats(user, *, before: dt.date) -> tuple[int, object, dt.date | None]:
    """(how many, the stamp of their save times, the first day) of the days saved before
    `before`: one aggregate over the (user, date) index, what the kept summary of those days is
    keyed by. Every way the app writes a day stamps updated_at (a save, a water tap, an undone
    tap); a day added or removed changes the count, and a day saved again moves the stamp
    (tracker.plain.instants_stamp) whichever way the clock went: the latest change alone would
    miss an edit made on a host whose clock is behind."""
    with connection.cursor() as cursor:
        cursor.execute(_earlier_sql(connection.vendor), [user.pk, before])
        count, saved, first = cursor.fetchone()
    if isinstance(first, str):  # SQLite types an aggregate's result by its value: text
        first = dt.date.fromisoformat(first)
    return count, stamp(saved), first


@functools.cache
def _earlier_sql(vendor: str) -> str:
    return (
        f"SELECT COUNT(*), {instants_stamp('updated_at', vendor=vendor)}, MIN(date) "
        f"FROM {CheckIn._meta.db_table} WHERE user_id = %s AND date < %s"
    )
