"""A year of discomfort as a calendar of coloured squares, each linking to its day's check-in.
Markup from f-strings over numbers and dates, as the line charts are (tracker.trends.charts)."""

import datetime as dt
import functools
from typing import NamedTuple

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from tracker.links import page_address
from tracker.trends import words
from tracker.trends.words import language

HEATMAP_CELL, HEATMAP_GAP = 11, 2
HEATMAP_LEFT, HEATMAP_TOP = 36, 17
HEATMAP_WEEKS = 53  # a year and the week it started in, so the first column is a whole week
HEATMAP_DAYS = HEATMAP_WEEKS * 7
# The discomfort each colour band covers, lightest first: the heatmap, the history calendar and
# both legends read them from here.
HEATMAP_BANDS = ((0, 0), (1, 2), (3, 4), (5, 6), (7, 10))


def day_label(day: dt.date) -> str:
    """ "Mon 5 Dec 2016", in the active language (kept per language: tracker.trends.words)."""
    return words.day_label(day)


def heatmap_level(value: int | None) -> str:
    if value is None:
        return "none"
    return str(next(level for level, (_, high) in enumerate(HEATMAP_BANDS) if value <= high))


@functools.lru_cache(maxsize=1)
def _heatmap_cells() -> tuple[str, ...]:
    """The opening of each cell's rect, in day order from the first Monday: week by week,
    Monday at the top."""
    step = HEATMAP_CELL + HEATMAP_GAP
    return tuple(
        f'x="{HEATMAP_LEFT + (n // 7) * step}" y="{HEATMAP_TOP + (n % 7) * step}" '
        f'width="{HEATMAP_CELL}" height="{HEATMAP_CELL}" rx="2"'
        for n in range(HEATMAP_DAYS)
    )


def _heatmap_days(first_monday: dt.date) -> tuple[tuple[dt.date, str, str], ...]:
    return _heatmap_days_in(first_monday, *page_address())


@functools.lru_cache(maxsize=4)
def _heatmap_days_in(
    first_monday: dt.date, lang: str | None, prefix: str, urlconf: str
) -> tuple[tuple[dt.date, str, str], ...]:
    """(day, its cell's position, its link and title up to the value) for the weeks from
    `first_monday`: the same for everyone all week, in one language (`lang`: the titles say
    the date in words). Each day links to its check-in (under the site's `prefix`, as `urlconf`
    routes it)."""
    return tuple(
        (
            day,
            position,
            f'<a href="{reverse("tracker:checkin_day", args=[day])}"><title>{day_label(day)}: ',
        )
        for position, day in zip(
            _heatmap_cells(),
            map(
                dt.date.fromordinal,
                range(first_monday.toordinal(), first_monday.toordinal() + HEATMAP_DAYS),
            ),
            strict=True,
        )
    )


_A_MONDAY = dt.date(2024, 1, 1)


def _weekday_labels() -> str:
    """Monday, Thursday and Sunday's short names beside their rows."""
    step = HEATMAP_CELL + HEATMAP_GAP
    return "".join(
        f'<text class="chart-label" x="0" y="{HEATMAP_TOP + row * step + 10}">'
        f"{words.weekday_abbreviation(_A_MONDAY + dt.timedelta(days=row))}</text>"
        for row in (0, 3, 6)
    )


HEATMAP_WIDTH = HEATMAP_LEFT + HEATMAP_WEEKS * (HEATMAP_CELL + HEATMAP_GAP)
MONTH_LABEL_WIDTH = 28  # "May" or "Jun" at the labels' 13 px, in the SVG's units, with room


def _month_label(x: int, name: str) -> str:
    """A month's name over its first week; one starting too near the right edge (a month begun
    in the last week shown) ends at the edge instead of being cut off there."""
    if x + MONTH_LABEL_WIDTH > HEATMAP_WIDTH:
        return (
            f'<text class="chart-label" x="{HEATMAP_WIDTH}" y="12" text-anchor="end">{name}</text>'
        )
    return f'<text class="chart-label" x="{x}" y="12">{name}</text>'


_HEATMAP_LEVELS = tuple(heatmap_level(value) for value in range(11))


def discomfort_heatmap(
    values: dict[dt.date, int | None], *, today: dt.date, before: "BeforeToday | None" = None
) -> SafeString:
    """A year of discomfort as a week-by-week grid, Monday at the top. `values`: each saved
    day's discomfort (None: saved without one); with `before`, the squares before today drawn
    already (tracker.trends.before_today keeps them), only today's is read from it."""
    if before is None:
        before = before_today(values, today=today)
    return with_today(before, today=today, saved=today in values, value=values.get(today))


class BeforeToday(NamedTuple):
    """The heatmap's parts the days before today decide, in one language: what a view keeps
    (tracker.trends.before_today), adding today's square."""

    labels: str  # the months' and the weekdays' names
    cells: str  # the squares up to yesterday
    logged: int  # saved days among them


def before_today(values: dict[dt.date, int | None], *, today: dt.date) -> BeforeToday:
    """The squares before today's (`values` is read only for the days before today)."""
    first_monday = _first_monday(today)
    step = HEATMAP_CELL + HEATMAP_GAP
    days = _heatmap_days(first_monday)[: (today - first_monday).days]
    cell_words = _cell_words(language())
    cells = "".join(
        [_cell(opening, position, values.get(day), cell_words) for day, position, opening in days]
    )
    logged = sum(1 for day, _, _ in days if day in values)
    months = "".join(
        _month_label(HEATMAP_LEFT + week * step, words.month_abbreviation(monday))
        for week in range(HEATMAP_WEEKS)
        if (monday := first_monday + dt.timedelta(weeks=week)).day <= 7
    )
    return BeforeToday(months + _weekday_labels(), cells, logged)


def with_today(
    before: BeforeToday, *, today: dt.date, saved: bool, value: int | None
) -> SafeString:
    """The whole heatmap: the days before today's squares and today's (`saved`: today has a
    check-in, whose discomfort is `value`, None if not logged)."""
    first_monday = _first_monday(today)
    step = HEATMAP_CELL + HEATMAP_GAP
    _, position, opening = _heatmap_days(first_monday)[(today - first_monday).days]
    logged = before.logged + saved
    # Our own words (no one's input): not escaped, as they never were (an apostrophe stays).
    description = ngettext(
        "Discomfort for each day of the last year; %(days)s day logged. Darker means more "
        "discomfort; each day's value is in its tooltip and in the discomfort chart's "
        "table, and each day links to its check-in.",
        "Discomfort for each day of the last year; %(days)s days logged. Darker means more "
        "discomfort; each day's value is in its tooltip and in the discomfort chart's "
        "table, and each day links to its check-in.",
        logged,
    ) % {"days": logged}
    title = gettext("Discomfort over the last year")
    return mark_safe(
        f'<svg class="heatmap" viewBox="0 0 {HEATMAP_WIDTH} '
        f'{HEATMAP_TOP + 7 * step}" '
        'role="group" aria-labelledby="heatmap-title" aria-describedby="heatmap-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="heatmap-title">{title}</title>'
        f'<desc id="heatmap-desc">{description}</desc>{before.labels}'
        f"{before.cells}{_cell(opening, position, value, _cell_words(language()))}</svg>"
    )


def _first_monday(today: dt.date) -> dt.date:
    last_monday = today - dt.timedelta(days=today.weekday())
    return last_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1)


def _cell(
    opening: str, position: str, value: int | None, cell_words: tuple[str, tuple[str, ...]]
) -> str:
    not_logged, value_words = cell_words
    if value is None:
        return f'{opening}{not_logged}</title><rect class="hm hm-none" {position}/></a>'
    return (
        f"{opening}{value_words[value]}</title>"
        f'<rect class="hm hm-{_HEATMAP_LEVELS[value]}" {position}/></a>'
    )


@functools.lru_cache(maxsize=16)
def _cell_words(lang: str) -> tuple[str, tuple[str, ...]]:
    """A square's words for each value, in one language (`lang`: only part of the key, read
    while it is active): looked up once, not once a square or a view."""
    return escape(gettext("discomfort not logged")), tuple(
        escape(gettext("discomfort %(value)s") % {"value": value}) for value in range(11)
    )
