"""Checking a file's rows, whatever the source: each value with the check-in's own form fields
(tracker.forms.imports), each date against the person's today and the earliest day the app
takes (tracker.dates.EARLIEST_CHECKIN_DATE), no date twice, and no more rows than the limit.
Every problem is named by where it is, so a person can fix the file."""

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from django.conf import settings

from tracker.care.symptoms import SYMPTOM_CODES
from tracker.dates import EARLIEST_CHECKIN_DATE, day_name
from tracker.forms.imports import ImportedValuesForm, list_name_error
from tracker.imports.days import LIST_KINDS, ImportedDay, Problem

# Problems listed at most: past that, the file has a wider trouble, and the count says so.
MAX_PROBLEMS = 50
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FORM_FIELDS = tuple(ImportedValuesForm.base_fields)
_YES_NO = {"yes": True, "no": False, "": None}
_TICKED = {"yes": True, "": False, "no": False}

Where = Callable[[str], str]  # a column's name -> "Line 4, column posture"


def parse_date(text: str, *, where: str, today: dt.date) -> tuple[dt.date | None, Problem | None]:
    text = text.strip()
    try:
        if not _ISO_DATE.fullmatch(text):
            raise ValueError
        day = dt.date.fromisoformat(text)
    except ValueError:
        shown = text[:20] or "nothing"
        return None, Problem(where, f"“{shown}” is not a date written as YYYY-MM-DD.")
    if day > today:
        return None, Problem(where, f"{text} is in the future (today is {day_name(today)}).")
    if day < EARLIEST_CHECKIN_DATE:
        return None, Problem(where, f"{text} is before {EARLIEST_CHECKIN_DATE:%-d %B %Y}.")
    return day, None


def check_values(
    raw: Mapping[str, object], *, date: dt.date, where: Where
) -> tuple[ImportedDay | None, list[Problem]]:
    """One row's values, as text (`raw`: column -> text, or a list of names or codes), checked.
    A blank is not logged; a column not in `raw` is not carried by the file."""
    problems: list[Problem] = []
    data = {name: raw[name] for name in _FORM_FIELDS if name in raw}
    form = ImportedValuesForm(data=data)
    if not form.is_valid():
        for name, errors in form.errors.items():
            problems.append(Problem(where(name), errors[0]))
    cleaned = form.cleaned_data if not problems else {}
    values = {
        name: cleaned[name]
        for name in _FORM_FIELDS
        if name in data and name != "symptoms" and cleaned.get(name) not in (None, "")
    }
    flags = {}
    for name, words in (("rest_day", _TICKED), ("away", _TICKED)):
        text = str(raw.get(name, "")).strip().lower()
        if text not in words:
            problems.append(Problem(where(name), "Write yes, or leave it blank."))
        flags[name] = words.get(text, False)
    if flags["rest_day"]:
        values["rest_day"] = True
    names: dict[str, tuple[str, ...]] = {}
    for column, kind in LIST_KINDS.items():
        found = []
        for name in raw.get(column) or ():
            error = list_name_error(kind, name)
            if error:
                problems.append(Problem(where(column), f"“{name[:50]}”: {error}"))
            elif name.strip().lower() not in {n.lower() for n in found}:
                found.append(name.strip())
        names[column] = tuple(found)
    if problems:
        return None, problems
    symptoms = tuple(code for code in SYMPTOM_CODES if code in set(cleaned.get("symptoms") or ()))
    day = ImportedDay(
        date=date,
        values=values,
        symptoms=symptoms,
        pain_relief=names["pain_relief"],
        factors=names["factors"],
        away=flags["away"],
    )
    return day, []


def check_row_count(count: int) -> Problem | None:
    limit = settings.IMPORT_MAX_ROWS
    if count > limit:
        return Problem(
            "", f"The file has more than {limit:,} days: at most {limit:,} are imported."
        )
    return None


def duplicates(dated: Iterable[tuple[str, str]]) -> list[Problem]:
    """A date given twice (`dated`: each row's date as written, and where the row is)."""
    first: dict[str, str] = {}
    problems = []
    for day, where in dated:
        if day in first:
            problems.append(Problem(where, f"{day[:20]} is also in {first[day].lower()}."))
        else:
            first[day] = where
    return problems
