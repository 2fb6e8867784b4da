"""The year of discomfort as months to open, for a phone: the day grid (tracker.trends.heatmap)
has ~370 squares of about 10 px, too small to tap, so a narrow screen shows each month as one
tile, a small picture of its days in the heatmap's colours with its numbers in words, linking to
that month in the history calendar (whose days are full-size targets). Both are drawn on the
server; the stylesheet shows one or the other by the screen's width, so it works without JS."""

import datetime as dt
import functools

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, pgettext

from tracker.links import reverse_once
from tracker.trends import words as dates
from tracker.trends.heatmap import heatmap_level

MONTHS_SHOWN = 12  # the current month and the eleven before it: all inside the heatmap's year


def _shift(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def shown_months(values: dict[dt.date, int | None], *, today: dt.date) -> list[dt.date]:
    """The first day of each month shown, newest first: back to the first month with a day
    logged (a new person sees their own weeks, not eleven empty months), the current month
    always."""
    this_month = today.replace(day=1)
    oldest = _shift(this_month, 1 - MONTHS_SHOWN)
    logged = [day for day in values if oldest <= day <= today]
    first = min(logged).replace(day=1) if logged else this_month
    months = []
    month = this_month
    while month >= first:
        months.append(month)
        month = _shift(month, -1)
    return months


def year_months(values: dict[dt.date, int | None], *, today: dt.date) -> SafeString:
    """The months as a list of links, newest first. `values` holds each saved day's discomfort
    (None: the day was saved without one); only the months' own days are read, all within the
    year the heatmap's fingerprint covers."""
    history = reverse_once("tracker:history")
    months = shown_months(values, today=today)
    return with_this_month(
        earlier_months(values, months=months[1:], today=today, history=history),
        _tile(values, months[0], today=today, history=history, nothing=_nothing()),
    )


def earlier_months(
    values: dict[dt.date, int | None], *, months: list[dt.date], today: dt.date, history: str
) -> str:
    """The tiles of the months before this one (`months`, newest first): the days before today
    decide them, so a view keeps them (tracker.trends.before_today) and draws this month's."""
    nothing = _nothing()
    return "".join(
        [_tile(values, first, today=today, history=history, nothing=nothing) for first in months]
    )


def this_month(values: dict[dt.date, int | None], *, today: dt.date, history: str) -> str:
    """The current month's tile (`values` needs only its days)."""
    return _tile(values, today.replace(day=1), today=today, history=history, nothing=_nothing())


def with_this_month(earlier: str, current: str) -> SafeString:
    label = pgettext("aria-label", "Discomfort month by month: open a month to see its days")
    return mark_safe(
        f'<ul class="year-months year-narrow" aria-label="{label}">{current}{earlier}</ul>'
    )


def _nothing() -> str:
    return gettext("no discomfort logged")


def _tile(
    values: dict[dt.date, int | None], first: dt.date, *, today: dt.date, history: str,
    nothing: str,
) -> str:  # fmt: skip
    last = min(_shift(first, 1) - dt.timedelta(days=1), today)
    shown = list(map(values.get, _days_from(first, last)))
    logged = [value for value in shown if value is not None]
    cells = [_CELLS[value] for value in shown]
    if last == today:
        cells[-1] = _TODAY_CELLS[shown[-1]]
    if logged:
        average = sum(logged) / len(logged)
        # Whole sentences with their markup: the hidden words are what a screen reader adds.
        words = ngettext(
            '<span class="ym-words">%(days)s day<span class="visually-hidden"> with '
            'discomfort logged,</span> <span class="ym-average"><span '
            'class="visually-hidden">discomfort </span>average %(average)s</span></span>',
            '<span class="ym-words">%(days)s days<span class="visually-hidden"> with '
            'discomfort logged,</span> <span class="ym-average"><span '
            'class="visually-hidden">discomfort </span>average %(average)s</span></span>',
            len(logged),
        ) % {"days": len(logged), "average": dates.number(f"{average:.1f}")}
    else:
        words = f'<span class="ym-words">{nothing}</span>'
    name = capfirst(dates.month_name(first))
    return (
        f'<li><a class="year-month" href="{history}?month={first:%Y-%m}">'
        f'<span class="ym-name">{name}<span class="ym-year"> {first.year}</span></span>'
        f'<span class="ym-days ym-start-{first.weekday() + 1}" aria-hidden="true">'
        f"{''.join(cells)}"
        f"</span>{words}</a></li>"
    )


@functools.lru_cache(maxsize=32)
def _days_from(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The days from first to last: the same months for everyone all month."""
    return tuple(map(dt.date.fromordinal, range(first.toordinal(), last.toordinal() + 1)))


# Each day's square by its value (None: not logged), made once: a year is ~365 of them, and
# working out each one's band took most of the drawing's time.
_CELLS = {
    value: f'<span class="ym-day hm-bg-{heatmap_level(value)}"></span>'
    for value in (None, *range(11))
}
_TODAY_CELLS = {
    value: f'<span class="ym-day hm-bg-{heatmap_level(value)} ym-today"></span>'
    for value in (None, *range(11))
}
