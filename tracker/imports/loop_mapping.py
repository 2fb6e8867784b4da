"""Turning Loop Habit Tracker's habits into our days: the person says which habit (if any) is
which of our measures, and the result is a `Parsed`, so the preview and apply steps do not know
where the days came from.

Loop has no scale for posture, discomfort, stress or symptoms, so a Loop file can only give
exercise, water and "good posture" days; nothing else is filled, and no red flag can come from
it. A habit no one maps is left out: nothing is pre-chosen that the person must undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import date_format, number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.dates import EARLIEST_CHECKIN_DATE
from tracker.days.measures import GOOD_POSTURE_AT_LEAST
from tracker.imports.days import ImportedDay, Parsed, Problem, Refused
from tracker.imports.loop import LoopHabit, LoopLimits, parse_loop_zip
from tracker.imports.zipfiles import ImportFileError, ZipLimits

SOURCE = "loop"

SKIP = "skip"
EXERCISE_MINUTES = "exercise_minutes"  # numeric habit, its value in minutes
EXERCISE_DONE = "exercise_done"  # yes/no habit, a "yes" is the minutes the person types
WATER_ML = "water_ml"  # numeric habit counting millilitres
WATER_GLASSES = "water_glasses"  # numeric habit counting glasses of a size the person types
GOOD_POSTURE = "good_posture"  # yes/no habit, a "yes" is posture GOOD_POSTURE_AT_LEAST

# Which of our measures (the check-in's field) each choice fills: two habits cannot fill one.
MEASURE = {
    EXERCISE_MINUTES: "exercise_minutes",
    EXERCISE_DONE: "exercise_minutes",
    WATER_ML: "water_ml",
    WATER_GLASSES: "water_ml",
    GOOD_POSTURE: "posture",
}
# Said when two habits would fill one measure; %(names)s: the habits' names, quoted.
ONE_HABIT_ONLY = {
    "exercise_minutes": _(
        "Exercise can come from one habit only: choose it for just one of %(names)s."
    ),
    "water_ml": _("Water can come from one habit only: choose it for just one of %(names)s."),
    "posture": _("Posture can come from one habit only: choose it for just one of %(names)s."),
}

CHOICES_BY_KIND = {
    "numeric": [
        (SKIP, _("Skip this habit")),
        (EXERCISE_MINUTES, _("Exercise: each day's number is minutes")),
        (WATER_ML, _("Water: each day's number is millilitres")),
        (WATER_GLASSES, _("Water: each day's number is glasses")),
    ],
    "yes_no": [
        (SKIP, _("Skip this habit")),
        (EXERCISE_DONE, _("Exercise: a “yes” day is some minutes of exercise")),
        (
            GOOD_POSTURE,
            format_lazy(
                _("Good posture: a “yes” day is posture {level} of 5"), level=GOOD_POSTURE_AT_LEAST
            ),
        ),
    ],
}


@dataclass(frozen=True)
class Choice:
    """One habit's mapping: what it becomes, and the number that goes with a choice that needs
    one (the minutes of a "yes" exercise day, the millilitres of a glass)."""

    target: str = SKIP
    amount: int | None = None


def read(raw: bytes, *, today: dt.date) -> list[LoopHabit]:
    """A Loop export's habits, its dates held to the days a check-in may have. Its errors come
    back as the other files' do: a Problem naming the file and line."""
    limits = LoopLimits(
        zip=ZipLimits(max_upload_bytes=settings.IMPORT_MAX_BYTES),
        earliest=EARLIEST_CHECKIN_DATE,
        latest=today,
    )
    try:
        habits = parse_loop_zip(raw, limits)
    except ImportFileError as error:
        where = error.file or ""
        if error.line is not None:
            if where:
                where = gettext("%(file)s, line %(line)s") % {"file": where, "line": error.line}
            else:
                where = gettext("Line %(line)s") % {"line": error.line}
        raise Refused([Problem(where, error.message)]) from None
    if not habits:
        raise Refused([Problem("", gettext("The Loop export holds no habits."))])
    return habits


def habits_as_json(habits: list[LoopHabit]) -> list[dict]:
    """What the draft keeps of a Loop file: only what the mapping reads (no notes, no
    questions), so the draft is as small as it can be."""
    return [
        {
            "name": habit.name,
            "kind": habit.kind,
            "unit": habit.unit,
            "kind_guessed": habit.kind_guessed,
            "values": {day.isoformat(): value for day, value in sorted(habit.values.items())},
        }
        for habit in habits
    ]


def habits_from_json(data: list[dict]) -> list[LoopHabit]:
    return [
        LoopHabit(
            position=index,
            name=item["name"],
            kind=item["kind"],
            unit=item["unit"],
            kind_guessed=item["kind_guessed"],
            values={dt.date.fromisoformat(day): value for day, value in item["values"].items()},
        )
        for index, item in enumerate(data, start=1)
    ]


def duplicate_measures(choices: list[Choice]) -> set[str]:
    """The measures chosen for more than one habit."""
    seen: set[str] = set()
    twice: set[str] = set()
    for choice in choices:
        measure = MEASURE.get(choice.target)
        if measure is None:
            continue
        (twice if measure in seen else seen).add(measure)
    return twice


def _value(habit: LoopHabit, choice: Choice, raw: float | bool) -> object | None:
    """The day's value in our terms, as text for the check-in's field; None leaves it out."""
    if choice.target == EXERCISE_DONE:
        return choice.amount if raw is True else (0 if raw is False else None)
    if choice.target == GOOD_POSTURE:
        # A "no" says only "not good", not how poor: it stays "not logged" rather than invent
        # a score.
        return GOOD_POSTURE_AT_LEAST if raw is True else None
    if isinstance(raw, bool):
        return None
    if choice.target == WATER_GLASSES:
        return round(raw * (choice.amount or 0))
    return round(raw)  # minutes or millilitres, whole as the check-in keeps them


def build(habits: list[LoopHabit], choices: list[Choice]) -> Parsed:
    """The days the mapped habits give, each value checked by the check-in's own field. Refused
    when nothing is mapped, nothing would come in, or a value is out of range (named by the
    habit and date)."""
    mapped = [(h, c) for h, c in zip(habits, choices, strict=True) if c.target != SKIP]
    if not mapped:
        raise Refused(
            [Problem("", gettext("Nothing to import: choose what at least one habit is."))]
        )
    # Here, not at the top: the mapping form (tracker.forms.imports) uses this module.
    from tracker.forms.imports import ImportedValuesForm

    fields = ImportedValuesForm.base_fields
    by_date: dict[dt.date, dict[str, object]] = {}
    problems: list[Problem] = []
    for habit, choice in mapped:
        measure = MEASURE[choice.target]
        for day, raw in sorted(habit.values.items()):
            value = _value(habit, choice, raw)
            if value is None:
                continue
            try:
                cleaned = fields[measure].clean(str(value))
            except ValidationError as error:
                where = gettext("%(habit)s, %(date)s") % {
                    "habit": habit.name,
                    "date": date_format(day, "j M Y"),
                }
                problems.append(Problem(where, error.messages[0]))
                continue
            by_date.setdefault(day, {})[measure] = cleaned
    if problems:
        raise Refused(problems)
    if not by_date:
        raise Refused(
            [Problem("", gettext("Nothing to import: the chosen habits have no days logged."))]
        )
    if len(by_date) > settings.IMPORT_MAX_ROWS:
        message = gettext("The file has %(count)s days; at most %(limit)s.") % {
            "count": number_format(len(by_date), force_grouping=True),
            "limit": number_format(settings.IMPORT_MAX_ROWS, force_grouping=True),
        }
        raise Refused([Problem("", message)])
    days = tuple(ImportedDay(date=day, values=by_date[day]) for day in sorted(by_date))
    return Parsed(
        source=SOURCE,
        days=days,
        fields=frozenset(MEASURE[c.target] for _, c in mapped),
    )
