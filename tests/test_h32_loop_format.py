"""Loop Habit Tracker's CSV export, built here the way Loop's HabitsCSVExporter.kt writes it
(iSoron/uhabits: the zip's member order, folder names, opencsv quoting, formatted values), read
back by tracker.imports.loop."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

import pytest

from tracker.imports.loop import LoopLimits, parse_loop_zip, sanitize_name
from tracker.imports.zipfiles import ImportFileError

FORMATTED = {2: "YES_MANUAL", 1: "YES_AUTO", 0: "NO", 3: "SKIP", -1: "UNKNOWN"}


@dataclass
class Habit:
    """A habit as Loop holds it: entries are (day, Loop's integer, note), newest first."""

    name: str
    numeric: bool = False
    unit: str = ""
    entries: list[tuple[str, int, str]] = field(default_factory=list)
    question: str = ""


def _opencsv(rows: list[list[str]]) -> str:
    """opencsv's CSVWriter.writeNext(row, false): quotes only where needed, quotes doubled,
    "\\n" after each line."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
    return out.getvalue()


def loop_zip(habits: list[Habit], *, version: str = "2.3.1", bom: bool = False) -> bytes:
    """The bytes of the zip Loop's exporter writes for these habits, all selected.

    version "2.3.1" is the current exporter (headers, YES_MANUAL...); "2.2" the one before
    (no headers, integers, the 7-column Habits.csv); "1.8" the 6-column Habits.csv.
    """
    new = version == "2.3.1"
    if new:
        header = ["Position", "Name", "Type", "Question", "Description", "FrequencyNumerator"]
        header += ["FrequencyDenominator", "Color", "Unit", "Target Type", "Target Value"]
        header += ["Archived?"]
    elif version == "2.2":
        header = ["Position", "Name", "Question", "Description", "NumRepetitions", "Interval"]
        header += ["Color"]
    else:
        header = ["Position", "Name", "Description", "NumRepetitions", "Interval", "Color"]
    habit_rows = [header]
    for i, h in enumerate(habits, start=1):
        if new:
            kind = "NUMERICAL" if h.numeric else "YES_NO"
            unit, target = (h.unit, "AT_LEAST") if h.numeric else ("", "")
            row = [f"{i:03d}", h.name, kind, h.question, "", "1", "1", "#FF8F00", unit, target]
            row += ["1.0" if h.numeric else "", "false"]
        elif version == "2.2":
            row = [f"{i:03d}", h.name, h.question, "", "1", "1", "#FF8F00"]
        else:
            row = [f"{i:03d}", h.name, "", "1", "1", "#FF8F00"]
        habit_rows.append(row)

    files: list[tuple[str, str]] = [("Habits.csv", _opencsv(habit_rows))]
    for i, h in enumerate(habits, start=1):
        folder = f"{i:03d} {sanitize_name(h.name)}".strip() + "/"
        if new:
            scores = _opencsv([["Date", "Score"]] + [[d, "0.5000"] for d, _, _ in h.entries])
            checks = _opencsv(
                [["Date", "Value", "Notes"]]
                + [[d, FORMATTED.get(v, str(v)), note] for d, v, note in h.entries]
            )
        else:
            scores = "".join(f"{d},0.5000\n" for d, _, _ in h.entries)
            checks = "".join(f"{d},{v}\n" for d, v, _ in h.entries)
        files += [(folder + "Scores.csv", scores), (folder + "Checkmarks.csv", checks)]
    # The root files: one column per habit, names unquoted (as Loop writes them).
    days = sorted({d for h in habits for d, _, _ in h.entries}, reverse=True)
    head = "Date," + "".join(f"{h.name}," for h in habits) + "\n"
    by_day = [{d: v for d, v, _ in h.entries} for h in habits]
    checks = head + "".join(
        f"{d}," + "".join(f"{FORMATTED.get(e.get(d, -1), e.get(d))}," for e in by_day) + "\n"
        for d in days
    )
    scores = head + "".join(f"{d}," + "0.5000," * len(habits) + "\n" for d in days)
    files += [("Scores.csv", scores), ("Checkmarks.csv", checks)]

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files:
            archive.writestr(name, ("\ufeff" if bom else "") + text)
    return out.getvalue()


MEDITATE = Habit("Meditate", question="Did you meditate this morning?")
# Shaped as Loop's own test asset uhabits-core/assets/test/csv_export/002 Wake up early/.
WAKE = Habit(
    "Wake up early",
    question="Did you wake up before 6am?",
    entries=[
        ("2015-01-25", 2, ""),
        ("2015-01-24", 0, "Sick"),
        ("2015-01-23", 1, "Forgot to do it, really"),
        ("2015-01-22", 3, ""),
        ("2015-01-21", 2, '"Vacation"'),
        ("2015-01-20", -1, "a note\nover two lines"),
    ],
)
WALK = Habit(
    "Walk, km?",
    numeric=True,
    unit="km",
    entries=[
        ("2015-01-25", 2500, ""),
        ("2015-01-24", 0, ""),
        ("2015-01-23", 3, ""),  # SKIP
        ("2015-01-22", -1, ""),
        ("2015-01-21", 12000, "long one"),
        ("2015-01-20", 2, ""),  # 0.002 km, written YES_MANUAL by Loop's formattedValue
    ],
)


def test_current_export_reads_each_habit_with_its_days():
    habits = parse_loop_zip(loop_zip([MEDITATE, WAKE, WALK]))

    assert [(h.position, h.name, h.kind, h.unit) for h in habits] == [
        (1, "Meditate", "yes_no", ""),
        (2, "Wake up early", "yes_no", ""),
        (3, "Walk, km?", "numeric", "km"),
    ]
    assert not any(h.kind_guessed for h in habits)
    assert habits[0].values == {}
    assert habits[1].question == "Did you wake up before 6am?"
    day = dt.date.fromisoformat
    # YES_AUTO (done by frequency, not a logged day), SKIP and UNKNOWN are left out.
    assert habits[1].values == {
        day("2015-01-25"): True,
        day("2015-01-24"): False,
        day("2015-01-21"): True,
    }
    assert habits[1].notes == {
        day("2015-01-24"): "Sick",
        day("2015-01-23"): "Forgot to do it, really",
        day("2015-01-21"): '"Vacation"',
        day("2015-01-20"): "a note\nover two lines",
    }
    assert habits[2].values == {
        day("2015-01-25"): 2.5,
        day("2015-01-24"): 0.0,
        day("2015-01-21"): 12.0,
        day("2015-01-20"): 0.002,
    }


def test_older_exports_without_headers_or_type_are_read_and_the_kind_guessed():
    for version in ("2.2", "1.8"):
        habits = parse_loop_zip(loop_zip([WAKE, WALK], version=version))
        wake, walk = habits
        assert wake.kind == "yes_no" and wake.kind_guessed
        assert walk.kind == "numeric" and walk.kind_guessed  # 2500 is no yes/no value
        assert wake.values[dt.date(2015, 1, 25)] is True
        assert walk.values[dt.date(2015, 1, 21)] == 12.0
        assert wake.notes == {}


def test_a_byte_order_mark_and_a_rezipped_folder_are_fine():
    assert parse_loop_zip(loop_zip([WAKE], bom=True))[0].values
    original = zipfile.ZipFile(io.BytesIO(loop_zip([WAKE, WALK])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Loop Habits CSV 2015-01-25/", b"")
        for info in original.infolist():
            archive.writestr("Loop Habits CSV 2015-01-25/" + info.filename, original.read(info))
        archive.writestr("__MACOSX/._Habits.csv", b"\x00\x05\x16\x07")
    assert [h.name for h in parse_loop_zip(out.getvalue())] == ["Wake up early", "Walk, km?"]


def test_folder_names_follow_loops_sanitising():
    assert sanitize_name("Walk, km?") == "Walk km"
    assert sanitize_name("Café ☕ 2x/day") == "Caf  2xday"
    assert sanitize_name("x" * 150) == "x" * 100
    habits = [Habit("☕☕"), Habit("Tea  ", entries=[("2020-02-29", 2, "")])]
    names = zipfile.ZipFile(io.BytesIO(loop_zip(habits))).namelist()
    assert "001/Checkmarks.csv" in names and "002 Tea/Checkmarks.csv" in names
    parsed = parse_loop_zip(loop_zip(habits))
    assert parsed[1].values == {dt.date(2020, 2, 29): True}


def test_only_habits_with_a_folder_are_returned():
    data = loop_zip([MEDITATE, WAKE])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            if not info.filename.startswith("001 "):
                archive.writestr(info, source.read(info))
    assert [h.name for h in parse_loop_zip(out.getvalue())] == ["Wake up early"]


def test_dates_are_held_to_the_limits_passed_in():
    limits = LoopLimits(earliest=dt.date(2015, 1, 21), latest=dt.date(2015, 1, 25))
    with pytest.raises(ImportFileError, match="before 2015-01-21") as caught:
        parse_loop_zip(loop_zip([WAKE]), limits)
    assert caught.value.file == "001 Wake up early/Checkmarks.csv"
    assert caught.value.line == 7  # the header, five rows, then a note over two lines
    limits = LoopLimits(latest=dt.date(2015, 1, 24))
    with pytest.raises(ImportFileError, match="2015-01-25 is in the future") as caught:
        parse_loop_zip(loop_zip([WAKE]), limits)
    assert caught.value.line == 2
