"""Template helpers for care alerts: the answers an alert's tier takes, each with its words."""

from django import template

from tracker.care import responses

register = template.Library()


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
