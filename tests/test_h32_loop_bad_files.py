"""Each kind of bad upload ends as ImportFileError with words for the person, naming the file and
line where there is one: unsafe zips (tracker.imports.zipfiles) and broken Loop exports."""

from __future__ import annotations

import io
import stat
import struct
import zipfile

import pytest

from tests.test_h32_loop_format import WAKE, WALK, Habit, loop_zip
from tracker.imports.loop import LoopLimits, parse_loop_zip
from tracker.imports.zipfiles import MB, ImportFileError, ZipLimits, read_zip

HABITS = "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,"
HABITS += "Color,Unit,Target Type,Target Value,Archived?\n"
HABITS += "001,Wake up early,YES_NO,,,1,1,#FF8F00,,,,false\n"


def make_zip(files: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in files.items():
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return out.getvalue()


def loop_with(checkmarks: str | bytes, habits: str | bytes = HABITS) -> bytes:
    return make_zip({"Habits.csv": habits, "001 Wake up early/Checkmarks.csv": checkmarks})


def refused(data: bytes, match: str, limits: LoopLimits | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError, match=match) as caught:
        parse_loop_zip(data, limits)
    assert caught.value.message == str(caught.value)
    return caught.value


# The zip itself ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../evil.csv", "001 Wake up early/../../x.csv", "/etc/passwd", "C:/x.csv", "a\\b"]
)
def test_names_leaving_the_folder_are_refused(name):
    data = make_zip({"Habits.csv": HABITS, name: "x"})
    assert zipfile.ZipFile(io.BytesIO(data)).namelist()[1] == name  # as written, unaltered
    refused(data, "a name we can't accept")


def test_a_symlink_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Habits.csv", HABITS)
        link = zipfile.ZipInfo("001 Wake up early/Checkmarks.csv")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    refused(out.getvalue(), "a link")


def test_a_zip_bomb_stops_at_the_bound_while_unpacking():
    # 30 MB of zeros packs to about 30 KB: far under the upload limit, over the unpacked one.
    bomb = make_zip({"Habits.csv": HABITS, "Scores.csv": b"0" * (30 * MB)})
    assert len(bomb) < 100_000
    refused(bomb, "more than 5 MB")
    many = make_zip({"Habits.csv": HABITS} | {f"{i}.csv": b"0" * (4 * MB) for i in range(8)})
    refused(many, "The zip unpacks to more than 25 MB")


def test_sizes_in_the_headers_are_not_believed():
    bomb = bytearray(make_zip({"Scores.csv": b"0" * (30 * MB)}))
    # Claim 10 bytes unpacked in both the local and the central header.
    for magic, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = bomb.index(magic) + offset
        bomb[at : at + 4] = struct.pack("<I", 10)
    with pytest.raises(ImportFileError, match="damaged"):
        read_zip(bytes(bomb), ZipLimits())


def test_too_many_members_or_too_big_an_upload_are_refused():
    refused(
        make_zip({f"{i}.csv": "" for i in range(2001)}), "2,001 files; the most we take is 2,000"
    )
    big = make_zip({"Habits.csv": HABITS + "#" * (6 * MB)}, zipfile.ZIP_STORED)
    refused(big, "the most we take is 5 MB")


@pytest.mark.parametrize(
    "data",
    [b"", b"Date,Value\n2015-01-01,2\n", b"PK\x03\x04" + b"\x00" * 40, b"\x89PNG\r\n\x1a\n"],
)
def test_what_is_not_a_zip_is_refused(data):
    error = refused(data, "zip")
    assert "zip" in error.message.lower()


def test_a_zip_inside_the_zip_is_refused():
    inner = make_zip({"Habits.csv": HABITS})
    refused(make_zip({"Habits.csv": HABITS, "more.zip": inner}), "another archive")
    refused(make_zip({"Habits.csv": HABITS, "Scores.csv": inner}), "another archive")


def test_an_encrypted_member_is_refused():
    data = bytearray(make_zip({"Habits.csv": HABITS}))
    # zipfile writes no encrypted members; set the flag bit in both headers as an encrypter would.
    for magic, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(magic) + offset] |= 0x1
    refused(bytes(data), "password")


# Loop's files ------------------------------------------------------------------------------


def test_a_zip_without_habits_csv_is_not_loops():
    refused(make_zip({"Checkmarks.csv": "Date,Meditate,\n"}), "no Habits.csv")


def test_a_folder_matching_no_habit_is_refused():
    data = make_zip({"Habits.csv": HABITS, "004 Ghost/Checkmarks.csv": "Date,Value,Notes\n"})
    error = refused(data, "“004 Ghost” doesn't match any habit")
    assert error.file == "004 Ghost/Checkmarks.csv"
    # The right number with another name is no match either.
    refused(make_zip({"Habits.csv": HABITS, "001 Sleep/Checkmarks.csv": ""}), "doesn't match")
    refused(make_zip({"Habits.csv": HABITS, "notes.txt": "hi"}), "never does")
    refused(make_zip({"Habits.csv": HABITS, "001 Wake up early/Scores.csv": ""}), "no Checkmarks")


def test_text_that_is_not_utf8_is_named_by_file_and_line():
    latin = (HABITS + "002,Café,YES_NO,,,1,1,#FF8F00,,,,false\n").encode("latin-1")
    error = refused(loop_with("", habits=latin), "Habits.csv, line 3: this isn't UTF-8")
    assert (error.file, error.line) == ("Habits.csv", 3)
    utf16 = "Date,Value,Notes\n2015-01-25,YES_MANUAL,\n".encode("utf-16")
    refused(loop_with(utf16), "Checkmarks.csv, line 1: this isn't UTF-8")


@pytest.mark.parametrize(
    ("row", "match"),
    [
        ("2015-02-30,YES_MANUAL,", "line 3: “2015-02-30” isn't a date"),
        ("25/01/2015,YES_MANUAL,", "line 3: “25/01/2015” isn't a date"),
        ("2015-01-25,NO,", "line 3: 2015-01-25 appears twice \\(also on line 2\\)"),
        ("2015-01-24,maybe,", "line 3: the value “maybe” isn't one Loop writes"),
        ("2015-01-24,1500,", "line 3: 1500 isn't a yes/no value"),
        ("2015-01-24,2,,,", "line 3: 5 columns"),
        ('2015-01-24,"2,', "line 3: this line isn't valid CSV"),
    ],
)
def test_a_bad_row_is_named_by_file_and_line(row, match):
    error = refused(loop_with(f"Date,Value,Notes\n2015-01-25,YES_MANUAL,\n{row}\n"), match)
    assert (error.file, error.line) == ("001 Wake up early/Checkmarks.csv", 3)


def test_a_negative_amount_is_refused_for_a_numeric_habit():
    habits = HABITS.replace("YES_NO", "NUMERICAL")
    refused(loop_with("Date,Value,Notes\n2015-01-24,-2000,\n", habits), "-2 is below zero")


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ("001,Again,YES_NO,,,1,1,#FF8F00,,,,false", "line 3: Position 1 appears twice"),
        ("x,Again,YES_NO,,,1,1,#FF8F00,,,,false", "line 3: the Position “x”"),
        ("002,,YES_NO,,,1,1,#FF8F00,,,,false", "line 3: the habit has no name"),
        ("002,Run,BOOLEAN,,,1,1,#FF8F00,,,,false", "line 3: the Type “BOOLEAN”"),
    ],
)
def test_a_bad_habit_line_is_named(line, match):
    refused(loop_with("", habits=HABITS + line + "\n"), match)


def test_a_header_that_is_not_loops_is_refused():
    refused(loop_with("", habits="Name,Date\nx,y\n"), "lacks Position and Name")
    refused(loop_with("", habits=""), "Habits.csv is empty")


def test_row_and_habit_limits_are_the_callers():
    data = loop_zip([WAKE, WALK])
    refused(data, "more than 5 rows", LoopLimits(max_rows=5))
    refused(data, "lists 2 habits; the most we take is 1", LoopLimits(max_habits=1))
    many = [Habit(f"H{i}", entries=[("2015-01-01", 2, "")]) for i in range(3)]
    assert len(parse_loop_zip(loop_zip(many), LoopLimits(max_rows=4, max_habits=3))) == 3
