"""backhabits' own exports, as tracker.trends.exports writes them: the CSV (one row a day, its
columns in CSV_COLUMNS) and the JSON (`checkins` with the same per day, `tracked` with every
list entry in order and whether it was retired, and `peg`). Account details, settings, share
links and care alerts in the JSON are not imported: they belong to the account they came from,
and care alerts are raised afresh by the rules as the days go in."""

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterable

from django.utils.translation import gettext as _

from tracker.choices import TrackedKind
from tracker.forms.imports import list_name_error, peg_errors
from tracker.imports import checks
from tracker.imports.days import (
    LIST_KINDS,
    VALUE_FIELDS,
    ImportedDay,
    ListEntry,
    Parsed,
    Problem,
    Refused,
)
from tracker.trends.exports import CSV_COLUMNS

CSV_SOURCE, JSON_SOURCE = "backhabits-csv", "backhabits-json"
# tracker.trends.exports puts a ' before a cell that a spreadsheet would run as a formula.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_LIST_COLUMNS = ("symptoms", *LIST_KINDS)
_PEG_FIELDS = {"pain": "peg_pain", "enjoyment": "peg_enjoyment", "activity": "peg_activity"}


def read(text: str, *, today: dt.date) -> Parsed:
    """Either export, told apart by its first character. Refused with every problem found."""
    if text.lstrip()[:1] in ("{", "["):
        return read_json(text, today=today)
    return read_csv(text, today=today)


# --- CSV ------------------------------------------------------------------------------------


def _unguarded(text: str) -> str:
    if text[:1] == "'" and text[1:2] and text[1:2] in _FORMULA_PREFIXES:
        return text[1:]
    return text


def read_csv(text: str, *, today: dt.date) -> Parsed:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        columns = [_unguarded(name).strip().lower() for name in header]
        problems = _header_problems(columns)
        if problems:
            raise Refused(problems)
        rows: list[tuple[int, list[str]]] = []
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((line, row))
                if checks.check_row_count(len(rows)):
                    raise Refused([checks.check_row_count(len(rows))])
            line = reader.line_num + 1
    except csv.Error as error:
        raise Refused(
            [
                Problem(
                    _("Line %(line)s") % {"line": reader.line_num},
                    _("This is not a CSV file backhabits can read: %(error)s.") % {"error": error},
                )
            ]
        ) from None
    problems, days, dated, orders, empty = [], [], [], [], 0
    for line, row in rows:
        if len(row) != len(columns):
            problems.append(
                Problem(
                    _("Line %(line)s") % {"line": line},
                    _("It has %(cells)s cells; the header has %(columns)s.")
                    % {"cells": len(row), "columns": len(columns)},
                )
            )
            continue
        raw = dict(zip(columns, row, strict=True))
        day, row_problems = _csv_day(raw, line=line, today=today)
        problems.extend(row_problems)
        if raw["date"].strip():  # a date twice is said even when a row has other problems
            dated.append((raw["date"].strip(), _("Line %(line)s") % {"line": line}))
        if day is not None:
            if day.has_content or day.away:
                days.append(day)
                orders.extend((kind, getattr(day, column)) for column, kind in LIST_KINDS.items())
            else:
                empty += 1
    problems.extend(checks.duplicates(dated))
    if problems:
        raise Refused(problems)
    fields = {column for column in columns if column in VALUE_FIELDS}
    fields |= {column for column in columns if column in _LIST_COLUMNS}
    return Parsed(
        source=CSV_SOURCE,
        days=tuple(sorted(days, key=lambda day: day.date)),
        entries=tuple(_entries_in_order(orders)),
        fields=frozenset(fields),
        skipped_empty=empty,
    )


def _header_problems(columns: list[str]) -> list[Problem]:
    if "date" not in columns:
        return [
            Problem(
                _("Line %(line)s") % {"line": 1},
                _(
                    "This is not a backhabits export: its first line should name the columns, "
                    "starting with date."
                ),
            )
        ]
    unknown = [name for name in columns if name not in CSV_COLUMNS]
    twice = sorted({name for name in columns if columns.count(name) > 1})
    first = _("Line %(line)s") % {"line": 1}
    not_ours = _("“%(name)s” is not a column backhabits exports.")
    problems = [Problem(first, not_ours % {"name": name[:40]}) for name in unknown[:5]]
    problems += [Problem(first, _("The column %(name)s is there twice.") % {"name": name})
                 for name in twice]  # fmt: skip
    return problems


def _csv_day(raw: dict[str, str], *, line: int, today: dt.date):
    def where(column: str) -> str:
        return _("Line %(line)s, column %(column)s") % {"line": line, "column": column}

    day, problem = checks.parse_date(raw["date"], where=where("date"), today=today)
    if problem:
        return None, [problem]
    values: dict[str, object] = {}
    for column, cell in raw.items():
        if column == "date":
            continue
        if column in _LIST_COLUMNS:
            values[column] = [_unguarded(p).strip() for p in cell.split(";") if p.strip()]
        elif column == "woke_from_pain":
            values[column] = cell.strip().lower()
        else:
            values[column] = _unguarded(cell)
    return checks.check_values(values, date=day, where=where)


def _entries_in_order(orders: Iterable[tuple[str, tuple[str, ...]]]) -> list[ListEntry]:
    """The list entries a CSV names, in the order its cells list them: each cell names them in
    the order of the person's lists, so that order is kept (a topological sort, ties in the
    order first seen)."""
    entries = []
    for kind in LIST_KINDS.values():
        seen: dict[str, str] = {}  # lowercased -> as written first
        after: dict[str, set[str]] = {}
        for cell_kind, names in orders:
            if cell_kind != kind:
                continue
            keys = [name.lower() for name in names]
            for name, key in zip(names, keys, strict=True):
                seen.setdefault(key, name)
                after.setdefault(key, set())
            for earlier, later in itertools.pairwise(keys):
                after[later].add(earlier)
        placed: list[str] = []
        waiting = list(seen)
        while waiting:
            ready = next((k for k in waiting if after[k] <= set(placed)), waiting[0])
            placed.append(ready)
            waiting.remove(ready)
        entries.extend(ListEntry(kind, seen[key]) for key in placed)
    return entries


# --- JSON -----------------------------------------------------------------------------------


def read_json(text: str, *, today: dt.date) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Refused(
            [
                Problem(
                    _("Line %(line)s, column %(column)s")
                    % {"line": error.lineno, "column": error.colno},
                    _("This is not valid JSON: %(error)s.") % {"error": error.msg},
                )
            ]
        ) from None
    except RecursionError:
        raise Refused([Problem("", _("This JSON is nested too deeply to be an export."))]) from None
    if not isinstance(data, dict) or not isinstance(data.get("checkins"), list):
        raise Refused(
            [Problem("", _("This is not a backhabits export: it has no list of checkins."))]
        )
    records = data["checkins"]
    if checks.check_row_count(len(records)):
        raise Refused([checks.check_row_count(len(records))])
    problems: list[Problem] = []
    entries = _json_entries(data.get("tracked"), problems)
    days: dict[dt.date, ImportedDay] = {}
    dated = []
    for index, record in enumerate(records, start=1):
        day = _json_day(record, index=index, today=today, problems=problems)
        if isinstance(record, dict) and isinstance(record.get("date"), str):
            dated.append(
                (record["date"].strip(), _("Entry %(index)s of checkins") % {"index": index})
            )
        if day is not None:
            days[day.date] = day
    problems.extend(checks.duplicates(dated))
    peg = data.get("peg", [])
    _merge_peg(peg, days, today=today, problems=problems)
    if problems:
        raise Refused(problems)
    named = [ListEntry(kind, name) for day in days.values()
             for column, kind in LIST_KINDS.items() for name in getattr(day, column)]  # fmt: skip
    listed = {(entry.kind, entry.name.lower()) for entry in entries}
    for entry in named:
        if (entry.kind, entry.name.lower()) not in listed:
            listed.add((entry.kind, entry.name.lower()))
            entries.append(entry)
    kept = [day for day in days.values() if day.has_content or day.away]
    fields = set(VALUE_FIELDS) | set(_LIST_COLUMNS)
    if "peg" not in data:
        fields -= set(_PEG_FIELDS.values())
    return Parsed(
        source=JSON_SOURCE,
        days=tuple(sorted(kept, key=lambda day: day.date)),
        entries=tuple(entries),
        fields=frozenset(fields),
        skipped_empty=len(days) - len(kept),
    )


def _as_text(value: object, *, yes_no: bool = False) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ("no" if yes_no else "")
    if isinstance(value, list):
        return [item if isinstance(item, str) else repr(item) for item in value]
    return str(value)


def _json_day(record: object, *, index: int, today: dt.date, problems: list[Problem]):
    label = _("Entry %(index)s of checkins") % {"index": index}
    if not isinstance(record, dict) or not isinstance(record.get("date"), str):
        problems.append(Problem(label, _("Each day should be an object with its date.")))
        return None
    unknown = [key for key in record if key not in CSV_COLUMNS]
    if unknown:
        said = {"name": str(unknown[0])[:40]}
        problems.append(Problem(label, _("“%(name)s” is not a field of a day.") % said))
        return None

    def where(column: str) -> str:
        said = {"entry": label, "date": record["date"][:10], "column": column}
        return _("%(entry)s (%(date)s), %(column)s") % said

    where_date = _("%(entry)s, date") % {"entry": label}
    date, problem = checks.parse_date(record["date"], where=where_date, today=today)
    if problem:
        problems.append(problem)
        return None
    raw = {}
    for key, value in record.items():
        if key == "date":
            continue
        if key in _LIST_COLUMNS and not isinstance(value, list | type(None)):
            problems.append(Problem(where(key), _("Should be a list.")))
            return None
        raw[key] = _as_text(value or [] if key in _LIST_COLUMNS else value,
                            yes_no=key == "woke_from_pain")  # fmt: skip
    day, row_problems = checks.check_values(raw, date=date, where=where)
    problems.extend(row_problems)
    return day


def _json_entries(tracked: object, problems: list[Problem]) -> list[ListEntry]:
    if tracked is None:
        return []
    if not isinstance(tracked, list):
        problems.append(Problem("tracked", _("Should be a list.")))
        return []
    entries, seen = [], set()
    kinds = set(TrackedKind.values)
    for index, item in enumerate(tracked, start=1):
        where = _("Entry %(index)s of tracked") % {"index": index}
        if (
            not isinstance(item, dict)
            or item.get("kind") not in kinds
            or not isinstance(item.get("name"), str)
        ):
            problems.append(Problem(where, _("Each entry should have a kind and a name.")))
            continue
        error = list_name_error(item["kind"], item["name"])
        if error:
            problems.append(Problem(_("%(entry)s, name") % {"entry": where}, error))
            continue
        key = (item["kind"], item["name"].strip().lower())
        if key not in seen:
            seen.add(key)
            entries.append(
                ListEntry(item["kind"], item["name"].strip(), bool(item.get("retired_at")))
            )
    return entries


def _merge_peg(peg: object, days: dict, *, today: dt.date, problems: list[Problem]) -> None:
    if not isinstance(peg, list):
        problems.append(Problem("peg", _("Should be a list.")))
        return
    dated = []
    for index, item in enumerate(peg, start=1):
        label = _("Entry %(index)s of peg") % {"index": index}
        if not isinstance(item, dict) or not isinstance(item.get("date"), str):
            message = _("Each PEG answer should be an object with its date.")
            problems.append(Problem(label, message))
            continue
        where_date = _("%(entry)s, date") % {"entry": label}
        date, problem = checks.parse_date(item["date"], where=where_date, today=today)
        if problem:
            problems.append(problem)
            continue
        answers = {key: _as_text(item.get(key)) for key in _PEG_FIELDS}
        errors = peg_errors(*answers.values())
        for field, message in errors.items():
            key = next(k for k, v in _PEG_FIELDS.items() if v == field)
            problems.append(Problem(f"{label}, {key}", message))
        if errors:
            continue
        dated.append((date.isoformat(), label))
        day = days.get(date) or ImportedDay(date=date)
        values = {**day.values, **{field: int(answers[key]) for key, field in _PEG_FIELDS.items()}}
        days[date] = ImportedDay(
            date=date, values=values, symptoms=day.symptoms, pain_relief=day.pain_relief,
            factors=day.factors, away=day.away,
        )  # fmt: skip
    problems.extend(checks.duplicates(dated))
