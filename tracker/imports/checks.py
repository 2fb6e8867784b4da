"""Checking a file's rows, whatever the source: each value with the check-in's own form fields
(tracker.forms.imports), each date against the person's today and the earliest day the app
takes (tracker.dates.EARLIEST_CHECKIN_DATE), no date twice, and no more rows than the limit.
Every problem is named by where it is, so a person can fix the file."""

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

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
        shown = text[:20] or _("nothing")
        return None, Problem(
            where, _("“%(text)s” is not a date written as YYYY-MM-DD.") % {"text": shown}
        )
    if day > today:
        said = {"date": text, "today": day_name(today)}
        return None, Problem(where, _("%(date)s is in the future (today is %(today)s).") % said)
    if day < EARLIEST_CHECKIN_DATE:
        said = {"date": text, "earliest": date_format(EARLIEST_CHECKIN_DATE, "j F Y")}
        return None, Problem(where, _("%(date)s is before %(earliest)s.") % said)
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
            problems.append(Problem(where(name), _("Write yes, or leave it blank.")))
        flags[name] = words.get(text, False)
    if flags["rest_day"]:
        values["rest_day"] = True
    names: dict[str, tuple[str, ...]] = {}
    for column, kind in LIST_KINDS.items():
        found = []
        for name in raw.get(column) or ():
            error = list_name_error(kind, name)
            if error:
                said = {"name": name[:50], "error": error}
                problems.append(Problem(where(column), _("“%(name)s”: %(error)s") % said))
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
        shown = number_format(limit, force_grouping=True)
        return Problem(
            "",
            _("The file has more than %(limit)s days: at most %(limit)s are imported.")
            % {"limit": shown},
        )
    return None


def duplicates(dated: Iterable[tuple[str, str]]) -> list[Problem]:
    """A date given twice (`dated`: each row's date as written, and where the row is)."""
    first: dict[str, str] = {}
    problems = []
    for day, where in dated:
        if day in first:
            # `where` names the first row in the words it starts a line with ("Line 3").
            said = {"date": day[:20], "where": first[day][:1].lower() + first[day][1:]}
            problems.append(Problem(where, _("%(date)s is also in %(where)s.") % said))
        else:
            first[day] = where
    return problems
