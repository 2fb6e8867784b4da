"""Template helpers for care alerts: the answers an alert's tier takes, each with its words, and
an alert's evidence said in the person's language."""

import datetime as dt

from django import template
from django.utils import dateformat
from django.utils.translation import pgettext

from tracker.care import responses
from tracker.care.said import answer_said

register = template.Library()

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
