import datetime as dt
import functools

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext

from tracker.dates import day_name
from tracker.days import peg, units
from tracker.days.day_summary import day_summary_html
from tracker.guide.markdown import render_markdown
from tracker.trends import charts, words

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
    # Translators: a date format (Django's date filter): "Sat 21 Nov 2026".
    return formats.date_format(day, pgettext("date format", "D j M Y"))


@register.filter(name="day_name")
def day_name_filter(day: dt.date) -> str:
    """'Monday 3 March', the one wording of a day (tracker.dates.day_name)."""
    return day_name(day)


@register.filter(name="long_date")
def long_date_filter(day: dt.date) -> str:
    """'3 March 2026' in the active language, kept per language (tracker.trends.words)."""
    return words.long_date(day)


@register.simple_tag
def day_summary(summary, hide_totals: bool = False) -> SafeString:
    """A day in a few lines (tracker.days.day_summary)."""
    return day_summary_html(summary, hide_totals=hide_totals)


@register.filter
def quick_add_amount(unit: str) -> int:
    """One water tap in the person's unit, for the page to add while offline."""
    return units.quick_add_amount(unit)


@register.simple_tag
def peg_meaningful_percent() -> int:
    """The PEG change taken as meaningful, in percent (tracker.days.peg)."""
    return peg.MEANINGFUL_CHANGE_PERCENT


@register.simple_tag
def heatmap_bands() -> tuple[tuple[int, int], ...]:
    """The discomfort each heatmap colour covers, for the legends (tracker.trends.charts)."""
    return charts.HEATMAP_BANDS


LEGEND_TEMPLATE = "tracker/partials/heatmap_legend.html"


@register.simple_tag
def heatmap_legend() -> SafeString:
    """The heatmap's legend (heatmap_legend.html): the same for everyone reading a language,
    so drawn once per language and process; with DEBUG on every time, so an edited template
    shows at once."""
    if settings.DEBUG:
        return _legend_drawn()
    return _legend_once(get_language())


@functools.lru_cache(maxsize=8)
def _legend_once(language: str | None) -> SafeString:
    return _legend_drawn()


def _legend_drawn() -> SafeString:
    # Drawn by the template engine, which escaped it.
    return mark_safe(render_to_string(LEGEND_TEMPLATE))


@register.simple_tag
def operator_notices() -> list[str]:
    """What the people running this server should fix, for staff on the admin index: never
    shown to the people using the app, who simply aren't offered what doesn't work."""
    from tracker.accounts import delivery

    notices = []
    if not delivery.vapid_configured():
        notices.append(
            "Push reminders are off: this server has no Web Push (VAPID) keys. Run "
            "`python manage.py generate_vapid_keys` and set BACKHABITS_VAPID_PUBLIC_KEY, "
            "BACKHABITS_VAPID_PRIVATE_KEY and BACKHABITS_VAPID_SUBJECT (see the README). "
            "E-mail reminders still work."
        )
    return notices
