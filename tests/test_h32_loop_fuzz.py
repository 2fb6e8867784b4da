"""Whatever bytes are uploaded, parse_loop_zip returns habits or raises ImportFileError: never
another exception (which the import page would turn into a 500)."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.test_h32_loop_format import WAKE, WALK, loop_zip
from tracker.imports.loop import LoopHabit, LoopLimits, parse_loop_zip
from tracker.imports.zipfiles import MB, ImportFileError, ZipLimits

# Derandomised so CI sees the same examples every run; explore with FUZZ_EXPLORE=1.
EXPLORE = os.environ.get("FUZZ_EXPLORE") == "1"
FUZZ = settings(
    max_examples=2000 if EXPLORE else 150,
    derandomize=not EXPLORE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Small bounds so a fuzzed zip is refused fast rather than read for long.
LIMITS = LoopLimits(
    zip=ZipLimits(max_upload_bytes=MB, max_members=50, max_total_bytes=2 * MB),
    max_rows=500,
    latest=dt.date(2030, 1, 1),
)
VALID = loop_zip([WAKE, WALK])


def parses_or_refuses(data: bytes) -> None:
    try:
        habits = parse_loop_zip(data, LIMITS)
    except ImportFileError as error:
        assert error.message and isinstance(error.message, str)
        return
    for habit in habits:
        assert isinstance(habit, LoopHabit)
        assert habit.kind in ("yes_no", "numeric")
        for day, value in habit.values.items():
            assert isinstance(day, dt.date) and day <= dt.date(2030, 1, 1)
            assert isinstance(value, bool) if habit.kind == "yes_no" else value >= 0


@FUZZ
@given(st.binary(max_size=2000))
@example(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip
@example(VALID[:-30])
def test_any_bytes(data):
    parses_or_refuses(data)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=8))
def test_a_real_export_with_bytes_changed(changes):
    data = bytearray(VALID)
    for at, byte in changes:
        data[at] = byte
    parses_or_refuses(bytes(data))


cells = st.one_of(
    st.sampled_from(["YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN", "2015-01-25", "001"]),
    st.integers(-(10**16), 10**16).map(str),
    st.text(max_size=12),
)
csv_text = st.lists(st.lists(cells, max_size=4).map(",".join), max_size=6).map("\n".join)
member_names = st.one_of(
    st.sampled_from(["Habits.csv", "Checkmarks.csv", "001 Wake up early/Checkmarks.csv"]),
    st.sampled_from(["002 Walk km/Checkmarks.csv", "001 Wake up early/", "x/y/z.csv"]),
    st.text(max_size=20),
)


@FUZZ
@given(
    habits=st.one_of(csv_text, st.just("Position,Name,Type,Unit\n001,Wake up early,YES_NO,\n")),
    members=st.dictionaries(member_names, st.one_of(csv_text, st.binary(max_size=50)), max_size=4),
)
def test_zips_of_odd_csv(habits, members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Habits.csv", habits)
        for name, content in members.items():
            if name != "Habits.csv":
                archive.writestr(zipfile.ZipInfo(name), content)
    parses_or_refuses(out.getvalue())
