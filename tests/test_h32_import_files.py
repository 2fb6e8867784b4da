"""Reading backhabits' own exports (tracker.imports.own_export): every bad file is refused
with its problems named by line and column, and no file of any shape raises anything else."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.imports import own_export, uploads
from tracker.imports.days import Parsed, Refused

TODAY = dt.date(2026, 6, 15)  # passed in: the parser takes the person's today, not the clock
HEADER = (
    "date,posture,exercise_minutes,water_ml,stress,discomfort,symptoms,notes,rest_day,away,"
    "sleep_hours,woke_from_pain,pain_relief,factors"
)


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(Refused) as refused:
        own_export.read(text, today=TODAY)
    return [(p.where, p.message) for p in refused.value.problems]


def test_a_full_row_is_read_with_every_column():
    row = "2026-06-01,4,30,1500,3,6,leg_pain;night_pain,'=a note,yes,yes,7.5,no,heat;ibuprofen,desk"
    parsed = own_export.read(f"{HEADER}\n{row}\n", today=TODAY)
    (day,) = parsed.days
    assert day.values == {
        "posture": 4, "exercise_minutes": 30, "water_ml": 1500, "stress": 3, "discomfort": 6,
        "notes": "=a note", "rest_day": True, "sleep_hours": day.values["sleep_hours"],
        "woke_from_pain": False,
    }  # fmt: skip
    assert str(day.values["sleep_hours"]) == "7.5"
    assert day.symptoms == ("leg_pain", "night_pain") and day.away
    assert (day.pain_relief, day.factors) == (("heat", "ibuprofen"), ("desk",))


def test_a_blank_stays_not_logged():
    (day,) = own_export.read(f"{HEADER}\n2026-06-01,,,,,0,,,,,,,,\n", today=TODAY).days
    assert day.values == {"discomfort": 0}  # 0 is an answer; the blanks are not


@pytest.mark.parametrize(
    ("row", "where", "words"),
    [
        ("2026-06-01,6,,,,,,,,,,,,", "Line 2, column posture", "Choose a whole number from 1 to 5"),
        ("2026-06-01,,-5,,,,,,,,,,,", "Line 2, column exercise_minutes", "minutes from 0"),
        ("2026-06-01,,,10001,,,,,,,,,,", "Line 2, column water_ml", "at most 10,000"),
        ("2026-06-01,,,,11,,,,,,,,,", "Line 2, column stress", "from 0 to 10"),
        ("2026-06-01,,,,,ten,,,,,,,,", "Line 2, column discomfort", "from 0 to 10"),
        ("2026-06-01,,,,,,fainting,,,,,,,", "Line 2, column symptoms", "not one of the listed"),
        ("2026-06-01,,,,,,,,maybe,,,,,", "Line 2, column rest_day", "Write yes"),
        ("2026-06-01,,,,,,,,,sometimes,,,,", "Line 2, column away", "Write yes"),
        ("2026-06-01,,,,,,,,,,7.25,,,", "Line 2, column sleep_hours", "whole or half hours"),
        ("2026-06-01,,,,,,,,,,17,,,", "Line 2, column sleep_hours", "at most 16"),
        ("2026-06-01,,,,,,,,,,,perhaps,,", "Line 2, column woke_from_pain", "yes or no"),
        (f"2026-06-01,,,,,,,,,,,,{'x' * 41},", "Line 2, column pain_relief", "40 characters"),
        (f"2026-06-01,,,,,,,{'n' * 1001},,,,,,", "Line 2, column notes", "1000"),
        ("2026-06-16,,,,,3,,,,,,,,", "Line 2, column date", "in the future"),
        ("1999-12-31,,,,,3,,,,,,,,", "Line 2, column date", "before 1 January 2000"),
        ("01/06/2026,,,,,3,,,,,,,,", "Line 2, column date", "YYYY-MM-DD"),
        ("2026-02-30,,,,,3,,,,,,,,", "Line 2, column date", "YYYY-MM-DD"),
        ("2026-06-01,,,,,3", "Line 2", "6 cells; the header has 14"),
    ],
)
def test_each_bad_value_is_named_by_line_and_column(row, where, words):
    found = problems(f"{HEADER}\n{row}\n")
    assert any(w == where and words in message for w, message in found), found


def test_a_multi_line_note_counts_its_lines():
    text = f'{HEADER}\n2026-06-01,,,,,3,,"two\nlines",,,,,,\n2026-06-02,9,,,,,,,,,,,,\n'
    assert problems(text)[0][0] == "Line 4, column posture"


def test_every_problem_is_listed_not_just_the_first():
    text = f"{HEADER}\n2026-06-01,9,,,,,,,,,,,,\n2026-06-02,,,,,12,,,,,,,,\n"
    assert [w for w, _ in problems(text)] == ["Line 2, column posture", "Line 3, column discomfort"]


def test_a_date_given_twice_is_refused_with_both_lines():
    text = (
        f"{HEADER}\n2026-06-01,,,,,3,,,,,,,,\n2026-06-02,,,,,3,,,,,,,,\n2026-06-01,,,,,4,,,,,,,,\n"
    )
    assert problems(text) == [("Line 4", "2026-06-01 is also in line 2.")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("name,age\nann,3\n", "not a backhabits export"),
        ("date,posture,colour\n2026-06-01,3,red\n", "“colour” is not a column"),
        ("date,posture,posture\n2026-06-01,3,3\n", "posture is there twice"),
        ('{"checkins": [}', "not valid JSON"),
        ('{"days": []}', "no list of checkins"),
        ("[1, 2]", "no list of checkins"),
        ('{"checkins": [{"date": "2026-06-01", "posture": true}]}', "from 1 to 5"),
        ('{"checkins": [{"date": "2026-06-01", "mood": 3}]}', "not a field of a day"),
        ('{"checkins": [{"date": "2026-06-01", "symptoms": "leg_pain"}]}', "Should be a list"),
        ('{"checkins": [3]}', "object with its date"),
        ('{"checkins": [], "peg": [{"date": "2026-06-01", "pain": 11}]}', "from 0 to 10"),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_wrong_formats_are_refused_in_words(text, words):
    assert any(words in message for _, message in problems(text)), problems(text)


def test_json_problems_name_the_entry_and_field():
    text = json.dumps({"checkins": [{"date": "2026-06-01"}, {"date": "2026-06-02", "stress": 40}]})
    assert problems(text) == [
        ("Entry 2 of checkins (2026-06-02), stress", "Choose a whole number from 0 to 10.")
    ]


def test_too_many_rows_is_refused_before_reading_them_all(settings):
    settings.IMPORT_MAX_ROWS = 3
    rows = "".join(f"2026-06-0{n},,,,,3,,,,,,,,\n" for n in range(1, 6))
    assert problems(f"{HEADER}\n{rows}") == [
        ("", "The file has more than 3 days: at most 3 are imported.")
    ]


def test_text_that_is_not_utf8_is_refused_with_its_line(settings):
    latin1 = f"{HEADER}\n2026-06-01,,,,,3,,Café,,,,,,\n".encode("latin-1")
    with pytest.raises(Refused) as refused:
        uploads.read_text(latin1)
    assert refused.value.problems[0].where == "Line 2"
    assert "not UTF-8" in refused.value.problems[0].message


@pytest.mark.parametrize("raw", [b"", b"  \n", "date\n".encode("utf-16"), b"\x00\x01\x02binary"])
def test_empty_utf16_and_binary_files_are_refused(raw):
    with pytest.raises(Refused):
        uploads.read_text(raw)


def test_a_byte_order_mark_is_allowed():
    text = uploads.read_text(("\ufeff" + f"{HEADER}\n2026-06-01,,,,,3,,,,,,,,\n").encode())
    assert len(own_export.read(text, today=TODAY).days) == 1


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 100
    with pytest.raises(Refused) as refused:
        uploads.read_text(b"x" * 101)
    assert "larger than" in refused.value.problems[0].message


def test_list_order_follows_the_cells():
    # Each cell names its entries in the order of the list they came from.
    text = f"{HEADER}\n2026-06-01,,,,,3,,,,,,,b,\n2026-06-02,,,,,3,,,,,,,a;b,\n"
    parsed = own_export.read(text, today=TODAY)
    assert [entry.name for entry in parsed.entries] == ["a", "b"]


# --- no file of any shape is anything but a Parsed or a Refused ------------------------------

NASTY = [
    HEADER + "\n" + "2026-06-01," + "," * 30 + "\n",
    HEADER + '\n"unterminated,\n',
    HEADER + "\n2026-06-01,,,,,3,,\x00,,,,,,\n",
    HEADER + "\n" + "2026-06-01,,,,,,,,,,,,;;;;,;;\n",
    HEADER + "\n" + "2026-06-01,,,,,," + "a" * 200_000 + ",,,,,,,\n",
    "\r\n\r\n\r\n",
    '{"checkins": null}',
    '{"checkins": [{"date": null}]}',
    '{"checkins": [{"date": "2026-06-01", "pain_relief": [1, null, {}]}]}',
    '{"checkins": [], "tracked": [{"kind": "x"}], "peg": "no"}',
    '{"checkins": [], "tracked": "all"}',
    '{"checkins": [{"date": "2026-06-01", "sleep_hours": 1e400}]}',
    '{"checkins": [{"date": "2026-06-01", "water_ml": 1e10}]}',
    '{"checkins": [{"date": "9999-99-99"}]}',
    "[" * 50 + "]" * 50,
    "=cmd|' /C calc'!A0",
]


def outcome(text: str) -> str:
    try:
        result = own_export.read(text, today=TODAY)
    except Refused as refused:
        assert refused.problems and all(p.message for p in refused.problems)
        return "refused"
    assert isinstance(result, Parsed)
    json.dumps(result.as_json())  # what the draft row stores
    return "read"


@pytest.mark.parametrize("text", NASTY)
def test_nasty_files_are_read_or_refused_never_raise(text):
    outcome(text)


cells = st.one_of(
    st.sampled_from(["", "yes", "no", "3", "-1", "7.5", "2026-06-01", "leg_pain;x", "'=1", ";"]),
    st.text(max_size=12),
)


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(st.lists(st.lists(cells, min_size=14, max_size=14), max_size=6))
def test_any_grid_of_cells_under_the_header_is_read_or_refused(rows):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER.split(","), *rows])
    outcome(buffer.getvalue())


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused(text):
    outcome(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)
day_keys = st.sampled_from(HEADER.split(","))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(
    st.lists(st.dictionaries(day_keys, json_values | st.just("2026-06-01"), max_size=6), max_size=4)
)
def test_any_json_days_are_read_or_refused(days):
    outcome(json.dumps({"checkins": days, "peg": [], "tracked": []}))
