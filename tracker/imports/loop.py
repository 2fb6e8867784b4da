"""Reading Loop Habit Tracker's CSV export (its "Export as CSV" zip) into plain data.

The format, as read in Loop's source (repository iSoron/uhabits, snapshot 5aa8744e of
2025-08-13, and its tags for the older versions):

- ``uhabits-core/src/jvmMain/java/org/isoron/uhabits/core/io/HabitsCSVExporter.kt``: the zip
  holds ``Habits.csv`` (every habit), then for each exported habit a folder named
  ``String.format("%03d %s", position, sanitized name).trim()``, where the sanitized name is the
  name without any character outside ``[ a-zA-Z0-9._-]``, cut to 100 characters; in it
  ``Checkmarks.csv`` and ``Scores.csv``. At the root also ``Checkmarks.csv`` and ``Scores.csv``
  with one column per habit, headed by the raw, unquoted names (a name with a comma breaks that
  header, so the per-habit files are what we read; the rest is allowed and not read). Dates are
  ``DateFormats.getCSVDateFormat()``: ``yyyy-MM-dd`` (``core/utils/DateFormats.kt``).
- Each habit's ``Checkmarks.csv`` is ``computedEntries.getKnown()``, newest first. Since commit
  035b392e (2025-06-25, release v2.3.1) it is written with opencsv's ``CSVWriter`` (quotes
  doubled, fields quoted only when needed, "\\n" line ends), a header ``Date,Value,Notes``, and
  the value as ``Entry.formattedValue`` (``core/models/Entry.kt``): ``YES_MANUAL`` (2),
  ``YES_AUTO`` (1), ``NO`` (0), ``SKIP`` (3), ``UNKNOWN`` (-1), any other value as its integer.
  Before, no header and ``date,<integer>`` per line (v1.8's ``CheckmarkList.writeCSV``: every day
  from today back to the first repetition, 2 checked, 1 checked by frequency, 0 unchecked).
- Numeric habits store the amount times 1000 (``EntryList.kt``: "each SKIP day would count as
  0.003"), so 0 is written ``NO`` and 2500 means 2.5 of the unit; SKIP (3) and UNKNOWN (-1)
  exist for them too.
- ``Habits.csv`` (``core/models/HabitList.kt`` ``writeCSV``, opencsv with a header). Since
  648c7277 (v2.3.1): ``Position,Name,Type,Question,Description,FrequencyNumerator,
  FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?`` with Type ``YES_NO`` or
  ``NUMERICAL`` (``HabitType.kt``) and Unit only for numeric habits. v2.0 to v2.3.0:
  ``Position,Name,Question,Description,NumRepetitions,Interval,Color``; v1.8:
  ``Position,Name,Description,NumRepetitions,Interval,Color``. Position is ``%03d``, 1-based.

What a day becomes (our NULL means "not logged", so only what the person recorded is kept):

- yes/no: ``YES_MANUAL`` is True, ``NO`` is False. ``YES_AUTO`` is absent: Loop writes it on
  days the person did *not* do the habit but was not expected to, the frequency being met on
  other days (Entry.kt's own words); it is not a day they logged. ``SKIP`` and ``UNKNOWN`` are
  absent. (In v1.x exports 0 also stands for every day with nothing logged.)
- numeric: the value / 1000; ``SKIP`` and ``UNKNOWN`` absent; any other negative is refused.
- Older exports have no Type column: a habit with any value outside -1..3 is numeric, else
  yes/no, and ``kind_guessed`` says so, so the person can be asked.

Everything is a pure function of the bytes and the limits passed in; errors are
``ImportFileError`` naming the file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Literal

from django.utils.formats import number_format
from django.utils.translation import gettext

from tracker.imports.zipfiles import ImportFileError, ZipLimits, read_zip

Kind = Literal["yes_no", "numeric"]

YES_MANUAL, YES_AUTO, NO, SKIP, UNKNOWN = 2, 1, 0, 3, -1
# Entry.formattedValue's words for Loop's integers.
_TOKENS = {
    "YES_MANUAL": YES_MANUAL,
    "YES_AUTO": YES_AUTO,
    "NO": NO,
    "SKIP": SKIP,
    "UNKNOWN": UNKNOWN,
}
_TYPES: dict[str, Kind] = {"YES_NO": "yes_no", "NUMERICAL": "numeric"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"-?\d{1,15}")
_ROOT_FILES = {"Habits.csv", "Checkmarks.csv", "Scores.csv"}
_HABIT_FILES = {"Checkmarks.csv", "Scores.csv"}
# What an unzip-and-zip-again on a Mac or Windows adds; never Loop's.
_IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class LoopLimits:
    """Bounds passed in by the caller: the zip's, rows per CSV file, habits, and the days a
    date may fall on (``latest`` is the person's today; ``earliest`` the earliest allowed)."""

    zip: ZipLimits = field(default_factory=ZipLimits)
    max_rows: int = 40_000
    max_habits: int = 500
    earliest: dt.date | None = None
    latest: dt.date | None = None


@dataclass
class LoopHabit:
    """One exported habit. ``values`` holds only days logged (see the module's notes);
    ``notes`` the day's note where Loop wrote one (v2.3.1 on)."""

    position: int
    name: str
    kind: Kind
    unit: str
    question: str = ""
    archived: bool = False
    kind_guessed: bool = False
    values: dict[dt.date, float | bool] = field(default_factory=dict)
    notes: dict[dt.date, str] = field(default_factory=dict)


def parse_loop_zip(data: bytes, limits: LoopLimits | None = None) -> list[LoopHabit]:
    """The habits of a Loop CSV export that have a folder in it, in Loop's order.

    Raises ImportFileError (``message`` for the person, ``file`` and ``line`` where known).
    """
    limits = limits or LoopLimits()
    files = read_zip(data, limits.zip)
    files = _strip_wrapping_folder(files)
    if "Habits.csv" not in files:
        raise ImportFileError(
            gettext(
                "This zip has no Habits.csv, so it isn't a Loop Habit Tracker export. In Loop, "
                "use Settings → Export as CSV and choose the zip it makes."
            )
        )
    habits = _read_habits(files["Habits.csv"], limits)
    by_folder = {_folder_name(h): h for h in habits.values()}
    raw: dict[int, list[tuple[dt.date, int, str, int]]] = {}
    for name in sorted(files):
        folder, _, leaf = name.rpartition("/")
        if not folder:
            if name not in _ROOT_FILES:
                raise ImportFileError(_never_in_loop(name))
            continue
        if "/" in folder or leaf not in _HABIT_FILES:
            raise ImportFileError(_never_in_loop(name))
        habit = by_folder.get(folder)
        if habit is None:
            raise ImportFileError(
                gettext("The folder “%(folder)s” doesn't match any habit in Habits.csv.")
                % {"folder": folder},
                file=name,
            )
        if leaf == "Checkmarks.csv":
            raw[habit.position] = _read_checkmarks(files[name], name, limits)
    for folder, habit in by_folder.items():
        if f"{folder}/Scores.csv" in files and habit.position not in raw:
            raise ImportFileError(
                gettext("The folder “%(folder)s” has no Checkmarks.csv.") % {"folder": folder}
            )
    exported = [h for h in habits.values() if h.position in raw]
    for habit in exported:
        _decode(habit, raw[habit.position])
    return exported


def _strip_wrapping_folder(files: dict[str, bytes]) -> dict[str, bytes]:
    """Loop's zip has Habits.csv at its root; one unzipped and zipped again has it one folder
    down (and a Mac adds __MACOSX/). Both are taken; anything else is left for the checks."""
    files = {n: b for n, b in files.items() if not n.startswith(_IGNORED) and not _junk(n)}
    if "Habits.csv" in files:
        return files
    tops = {n.split("/", 1)[0] for n in files}
    if len(tops) == 1 and all("/" in n for n in files):
        prefix = next(iter(tops)) + "/"
        if prefix + "Habits.csv" in files:
            return {n[len(prefix) :]: b for n, b in files.items()}
    return files


def _junk(name: str) -> bool:
    return name.rpartition("/")[2] in _IGNORED


def sanitize_name(name: str) -> str:
    """HabitsCSVExporter.sanitizeFilename: keep only ``[ a-zA-Z0-9._-]``, at most 100."""
    return re.sub(r"[^ a-zA-Z0-9._-]+", "", name)[:100]


def _folder_name(habit: LoopHabit) -> str:
    # Java's String.trim() drops spaces at both ends; the "%03d " prefix has none before it.
    return f"{habit.position:03d} {sanitize_name(habit.name)}".strip(" ")


def _rows(content: bytes, file: str, limits: LoopLimits) -> list[tuple[int, list[str]]]:
    """The file's non-blank rows with their 1-based line numbers, strictly UTF-8."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise ImportFileError(
            _at(file, line, gettext("this isn't UTF-8 text. Export the file from Loop again.")),
            file=file,
            line=line,
        ) from error
    # newline="" leaves line ends to csv, so a quoted note may hold one (opencsv writes them).
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1  # a quoted note may span lines; a row is named by the line it starts on
    try:
        for row in reader:
            if len(rows) >= limits.max_rows:
                raise ImportFileError(
                    gettext("%(file)s has more than %(limit)s rows, more than we take.")
                    % {"file": file, "limit": number_format(limits.max_rows, force_grouping=True)},
                    file=file,
                )
            if row and any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            _at(file, start, gettext("this line isn't valid CSV.")), file=file, line=start
        ) from error
    return rows


def _read_habits(content: bytes, limits: LoopLimits) -> dict[int, LoopHabit]:
    file = "Habits.csv"
    rows = _rows(content, file, limits)
    if not rows:
        raise ImportFileError(gettext("Habits.csv is empty."), file=file)
    _, header = rows[0]
    columns = {name.strip(): i for i, name in enumerate(header)}
    if "Position" not in columns or "Name" not in columns:
        raise ImportFileError(
            _at(file, 1, gettext("the header lacks Position and Name, so this isn't Loop's.")),
            file=file,
            line=1,
        )
    if len(rows) - 1 > limits.max_habits:
        raise ImportFileError(
            gettext("Habits.csv lists %(count)s habits; the most we take is %(limit)s.")
            % {
                "count": number_format(len(rows) - 1, force_grouping=True),
                "limit": number_format(limits.max_habits, force_grouping=True),
            },
            file=file,
        )

    habits: dict[int, LoopHabit] = {}
    for line, row in rows[1:]:

        def cell(column: str, row: list[str] = row) -> str:
            i = columns.get(column)
            return row[i] if i is not None and i < len(row) else ""

        def bad(what: str, line: int = line) -> ImportFileError:
            return ImportFileError(_at(file, line, what), file=file, line=line)

        if len(row) > len(header):
            raise bad(
                gettext("%(count)s columns where the header has %(header)s.")
                % {"count": len(row), "header": len(header)}
            )
        position_text, name = cell("Position").strip(), cell("Name")
        if not re.fullmatch(r"\d{1,6}", position_text) or int(position_text) < 1:
            raise bad(
                gettext("the Position “%(text)s” isn't a number from 1.")
                % {"text": position_text[:20]}
            )
        position = int(position_text)
        if position in habits:
            raise bad(gettext("Position %(position)s appears twice.") % {"position": position})
        if not name.strip():
            raise bad(gettext("the habit has no name."))
        type_text = cell("Type").strip()
        if type_text and type_text not in _TYPES:
            raise bad(
                gettext("the Type “%(text)s” isn't YES_NO or NUMERICAL.") % {"text": type_text[:20]}
            )
        habits[position] = LoopHabit(
            position=position,
            name=name.strip()[:200],
            kind=_TYPES.get(type_text, "yes_no"),
            unit=cell("Unit").strip()[:50],
            question=cell("Question").strip()[:500],
            archived=cell("Archived?").strip().lower() == "true",
            kind_guessed="Type" not in columns,
        )
    return habits


def _read_checkmarks(
    content: bytes, file: str, limits: LoopLimits
) -> list[tuple[dt.date, int, str, int]]:
    """(date, Loop's integer value, note, line) per row, dates checked and unique."""
    rows = _rows(content, file, limits)
    if rows and rows[0][1] and rows[0][1][0].strip() == "Date":
        rows = rows[1:]  # v2.3.1's header; older files start with a day
    seen: dict[dt.date, int] = {}
    out: list[tuple[dt.date, int, str, int]] = []
    for line, row in rows:

        def bad(what: str, line: int = line) -> ImportFileError:
            return ImportFileError(_at(file, line, what), file=file, line=line)

        if len(row) not in (2, 3):
            raise bad(
                gettext("%(count)s columns where Loop writes a date, a value and a note.")
                % {"count": len(row)}
            )
        date_text, value_text = row[0].strip(), row[1].strip()
        note = row[2].strip() if len(row) == 3 else ""
        day = _date(date_text)
        if day is None:
            raise bad(gettext("“%(text)s” isn't a date (YYYY-MM-DD).") % {"text": date_text[:20]})
        if limits.earliest and day < limits.earliest:
            said = {"date": day.isoformat(), "earliest": limits.earliest.isoformat()}
            raise bad(gettext("%(date)s is before %(earliest)s, the earliest.") % said)
        if limits.latest and day > limits.latest:
            raise bad(gettext("%(date)s is in the future.") % {"date": day.isoformat()})
        if day in seen:
            said = {"date": day.isoformat(), "line": seen[day]}
            raise bad(gettext("%(date)s appears twice (also on line %(line)s).") % said)
        seen[day] = line
        if value_text in _TOKENS:
            value = _TOKENS[value_text]
        elif _INTEGER.fullmatch(value_text):
            value = int(value_text)
        else:
            raise bad(
                gettext("the value “%(text)s” isn't one Loop writes.") % {"text": value_text[:20]}
            )
        out.append((day, value, note[:2000], line))
    return out


def _date(text: str) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _decode(habit: LoopHabit, raw: list[tuple[dt.date, int, str, int]]) -> None:
    """Fill the habit's values and notes from Loop's integers (see the module's notes)."""
    if habit.kind_guessed and any(not UNKNOWN <= value <= SKIP for _, value, _, _ in raw):
        habit.kind = "numeric"
    file = f"{_folder_name(habit)}/Checkmarks.csv"
    for day, value, note, line in raw:
        if note:
            habit.notes[day] = note
        if habit.kind == "yes_no":
            if value == YES_MANUAL:
                habit.values[day] = True
            elif value == NO:
                habit.values[day] = False
            elif value not in (YES_AUTO, SKIP, UNKNOWN):
                raise ImportFileError(
                    _at(
                        file,
                        line,
                        gettext(
                            "%(value)s isn't a yes/no value (Habits.csv says “%(habit)s” is a "
                            "yes/no habit)."
                        )
                        % {"value": value, "habit": habit.name[:40]},
                    ),
                    file=file,
                    line=line,
                )
        elif value >= 0 and value != SKIP:
            habit.values[day] = value / 1000
        elif value not in (SKIP, UNKNOWN):
            raise ImportFileError(
                _at(
                    file, line, gettext("%(value)s is below zero.") % {"value": f"{value / 1000:g}"}
                ),
                file=file,
                line=line,
            )


def _at(file: str, line: int, what: str) -> str:
    """A problem named by where it is: the file's name stays as the zip has it."""
    return gettext("%(file)s, line %(line)s: %(what)s") % {"file": file, "line": line, "what": what}


def _never_in_loop(name: str) -> str:
    return gettext("The zip holds “%(name)s”, which Loop's export never does.") % {"name": name}


__all__ = ["ImportFileError", "LoopHabit", "LoopLimits", "parse_loop_zip", "sanitize_name"]
