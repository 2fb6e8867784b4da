"""Template helpers for care alerts: the answers an alert's tier takes, each with its words, and
an alert's evidence said in the person's language."""

import datetime as dt
import re

from django import template
from django.utils import dateformat
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from tracker.care import responses
from tracker.care.symptoms import SYMPTOM_LABELS

register = template.Library()

# The evidence an alert stores is English (tracker.care.redflags writes it; reports and exports
# read it back as written). These are its fixed answers, marked so the catalogue holds them;
# the ticked symptoms' labels are marked in tracker.care.symptoms.
_FIXED_ANSWERS = frozenset(
    {
        gettext_noop("Discomfort not logged"),
        gettext_noop("Health profile: age not given"),
        gettext_noop("Health profile: over 50"),
        gettext_noop("Health profile: osteoporosis"),
        gettext_noop("Health profile: long-term steroid tablets"),
        gettext_noop("Health profile: higher risk of infection"),
        gettext_noop("Health profile: history of cancer"),
        gettext_noop("Health profile: age 16–19"),
        gettext_noop("Health profile: age over 50"),
        *SYMPTOM_LABELS.values(),
    }
)
_DISCOMFORT = re.compile(r"Discomfort (\d+) out of 10")
_PAIN_FREE = re.compile(r"No discomfort logged in the (\d+) days before")


def answer_said(answer: str) -> str:
    """One stored answer in the active language; one not known here is shown as stored."""
    if answer in _FIXED_ANSWERS:
        return gettext(answer)
    if match := _DISCOMFORT.fullmatch(answer):
        return gettext("Discomfort %(score)s out of 10") % {"score": match[1]}
    if match := _PAIN_FREE.fullmatch(answer):
        days = int(match[1])
        return ngettext(
            "No discomfort logged in the %(days)s day before",
            "No discomfort logged in the %(days)s days before",
            days,
        ) % {"days": days}
    return answer


register.filter("answer_said", answer_said)


@register.filter
def answers_said(answers) -> str:
    """An evidence entry's answers, each in the active language, as one line."""
    return "; ".join(answer_said(answer) for answer in answers or ())


@register.filter
def evidence_day(value: str) -> str:
    """'2026-11-21' → 'Sat 21 Nov 2026' (in Spanish 'sáb 21 nov 2026'): evidence dates are stored
    as ISO strings; Django's date format says the day and month in the active language."""
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    # Translators: a Django date format (docs: "date" filter); Spanish months read lowercase: "b".
    return dateformat.format(day, pgettext("evidence date format", "D j M Y"))


@register.simple_tag
def care_answers(tier: str) -> list[tuple[str, str, str]]:
    """(value, button label, what it does) for each answer the tier takes, in order."""
    return [(value, *responses.BUTTONS[value]) for value in responses.responses_for(tier)]


@register.filter
def any_open(lines) -> bool:
    """Whether any of these care lines is an open alert, not just a reminder."""
    return any(not line.reminder for line in lines or ())


@register.filter
def first_lines(lines) -> list:
    return list(lines or ())[: responses.MAX_LINES]


@register.filter
def more_lines(lines) -> list:
    return list(lines or ())[responses.MAX_LINES :]


@register.filter
def open_only(lines) -> list:
    """The open alerts among these lines: what leads every page. Reminders after an answer stay
    on home and the check-in, where the person comes back to the day."""
    return [line for line in lines or () if not line.reminder]
