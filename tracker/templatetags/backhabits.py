import datetime as dt

from django import template
from django.utils.safestring import SafeString

from tracker.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return render_markdown(text or "")


@register.filter(name="iso_day")
def iso_day(value: str) -> str:
    """'2026-11-21' → 'Sat 21 Nov 2026' for evidence stored as ISO strings."""
    try:
        day = dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    return f"{day:%a} {day.day} {day:%b %Y}"
