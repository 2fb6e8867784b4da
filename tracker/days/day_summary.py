"""A day in a few lines: what was logged and what was not, in words (describe_day), and drawn
in Python for home's today card and the page after a check-in (day_summary_html).

The markup is the one templates/tracker/partials/day_summary.html drew, every value escaped as
the template escaped it; tests/test_day_summary.py compares both."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import formats
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, ngettext, pgettext

from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.choices import TrackedKind
from tracker.days.checkins import DayAnswers, day_state, has_checked_in
from tracker.days.measures import ASKED_ORDER, MEASURES_BY_KEY, value_words
from tracker.models import CheckIn, TrackedItem


@dataclass(frozen=True)
class DayDescription:
    date: dt.date
    state: str
    logged: list[tuple[str, str]]  # (measure, value in words), in the check-in's order
    missing: list[str]  # the measures not logged
    symptoms: list[str]  # their labels
    notes: str
    checked_in: bool  # something besides water taps is logged
    rest_day: bool = False
    more: tuple[tuple[str, str], ...] = ()  # sleep, waking, pain relief and own factors
    # `logged` without water and exercise, for where those show against their goals.
    besides_totals: tuple[tuple[str, str], ...] = ()


def describe_day(
    checkin: "CheckIn | DayAnswers | None", *, date: dt.date, water_unit: str
) -> DayDescription:
    # Said now, in the language of the page that shows them.
    labels = {name: str(MEASURES_BY_KEY[name].label) for name in ASKED_ORDER}
    logged, missing, besides_totals = [], [], []
    for name in ASKED_ORDER:
        value = getattr(checkin, name) if checkin else None
        if value is None:
            missing.append(labels[name])
        else:
            logged.append((labels[name], value_words(name, value, water_unit=water_unit)))
            if name not in {"water_ml", "exercise_minutes"}:
                besides_totals.append(logged[-1])
    return DayDescription(
        date=date,
        state=day_state(checkin),
        logged=logged,
        missing=missing,
        symptoms=[
            gettext(SYMPTOM_LABELS.get(code, code))
            for code in (checkin.symptoms if checkin else [])
        ],
        notes=checkin.notes if checkin else "",
        checked_in=has_checked_in(checkin),
        rest_day=bool(checkin and checkin.rest_day),
        more=_more_words(checkin),
        besides_totals=tuple(besides_totals),
    )


def _more_words(checkin: "CheckIn | DayAnswers | None") -> tuple[tuple[str, str], ...]:
    if checkin is None:
        return ()
    words = []
    if checkin.sleep_hours is not None:
        hours = checkin.sleep_hours.normalize()
        hours = hours.quantize(1) if hours == hours.to_integral() else hours
        # One hour is "1 hour"; 1.5 and every other number take the plural, as in English.
        words.append(
            (
                gettext("Sleep"),
                ngettext("%(hours)s hour", "%(hours)s hours", 1 if hours == 1 else 2)
                % {"hours": formats.number_format(hours)},
            )
        )
    if checkin.woke_from_pain is not None:
        answer = (
            pgettext("an answer", "yes") if checkin.woke_from_pain else pgettext("an answer", "no")
        )
        words.append((gettext("Woke from pain"), answer))
    if checkin.item_ids:
        # In the order of the person's list, as the check-in and the export show them.
        ticked = TrackedItem.objects.filter(user=checkin.user_id, pk__in=checkin.item_ids)
        for kind, label in TrackedKind.choices:
            names = [item.name for item in ticked if item.kind == kind]
            if names:
                words.append((str(label), ", ".join(names)))
    return tuple(words)


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in pairs
    )


def _wide(term: str, detail: str) -> str:
    return f'<div class="day-summary-wide"><dt>{escape(term)}</dt><dd>{detail}</dd></div>'


def day_summary_html(summary: DayDescription, *, hide_totals: bool = False) -> SafeString:
    """The day's answers as a list of terms; `hide_totals` where water and exercise are shown
    against their goals. Then what was not logged."""
    logged = _pairs(summary.besides_totals if hide_totals else summary.logged)
    rest = symptoms = notes = missing = ""
    if summary.rest_day:
        rest = _wide(gettext("Rest day"), escape(gettext("Yes: exercise paused for the day")))
    if summary.symptoms:
        symptoms = _wide(gettext("Symptoms"), "; ".join(escape(s) for s in summary.symptoms))
    if summary.notes:
        notes = _wide(gettext("Notes"), escape(Truncator(summary.notes).chars(120)))
    if summary.missing:
        # As {% blocktranslate %} wrote it: the list escaped, lowered and capitalised, put in
        # the sentence as it is.
        listed = capfirst(", ".join(escape(name) for name in summary.missing).lower())
        sentence = gettext("Not logged: %(missing)s.")  # (makemessages reads no f-string)
        missing = f'<p class="small day-missing">{sentence % {"missing": listed}}</p>'
    return mark_safe(
        '\n<dl class="day-summary">\n'
        f"  {logged}\n"
        f"  {_pairs(summary.more)}\n"
        f"  {rest}\n"
        f"  {symptoms}\n"
        f"  {notes}\n"
        "</dl>\n"
        f"{missing}\n"
    )
