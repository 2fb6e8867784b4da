"""Numbers to server-rendered SVG. Markup is built here with f-strings from numbers, dates and
our own labels (no user text; captions are escaped anyway), because a year of five charts is
about 1,800 points and a template per point would dominate the page. Ranges longer than that
are drawn as weekly or monthly averages (tracker.trends.buckets), and say so."""

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from tracker.trends import buckets
from tracker.trends.buckets import DAY, MONTH, WEEK, as_drawn, weekly  # noqa: F401
from tracker.trends.heatmap import (  # noqa: F401 (the heatmap was drawn here; pages read it here)
    HEATMAP_BANDS,
    HEATMAP_DAYS,
    HEATMAP_WEEKS,
    day_label,
    discomfort_heatmap,
    heatmap_level,
)
from tracker.trends.insights import Measure, Series, format_value
from tracker.trends.words import (
    language,
    month_year,
    number,
    phrasebook,
    short_date,
    short_date_no_year,
)

# Drawn about as wide as a phone shows it (~326 CSS px at 390), so the 15-unit labels (the
# stylesheet's size) read at 13.5 px there, and at 12 px or more in the two columns of a wide
# screen. The left margin holds a four-digit label ("2500" ml) at that size.
WIDTH, HEIGHT = 360, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46, 8, 14, 28
PLOT_W, PLOT_H = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM


@dataclass(frozen=True)
class Chart:
    measure: Measure
    series: Series  # what is drawn: days, or weeks or months for long ranges
    svg: SafeString
    bucket: str  # what each point is: buckets.DAY, WEEK or MONTH
    logged_days: int
    average: float | None  # in stored units (ml for water)
    goal_drawn: bool = False

    @property
    def weekly(self) -> bool:
        return self.bucket == WEEK

    @property
    def each(self) -> str:
        """What one point is, for the legend: "each week"."""
        return str(buckets.WORDS[self.bucket]["each"])

    @property
    def average_text(self) -> str:
        return "–" if self.average is None else format_value(self.measure, self.average)

    @property
    def summary(self) -> str:
        """The figure's caption after the measure's name."""
        if self.average is None:
            text = gettext("nothing logged in this range")
        else:
            text = ngettext(
                "average %(average)s over %(days)s logged day",
                "average %(average)s over %(days)s logged days",
                self.logged_days,
            ) % {"average": self.average_text, "days": self.logged_days}
        if self.bucket == DAY:
            return text
        return f"{text} · {buckets.WORDS[self.bucket]['averages_lower']!s}"


def _fmt(value: float) -> str:
    if type(value) is int:
        return str(value)
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


@functools.lru_cache(maxsize=64)
def _x_positions(count: int) -> tuple[str, ...]:
    """Formatted x coordinates for `count` evenly spaced points: every chart of a page shares
    them, and so does every page of the same range."""
    if count == 1:
        return (f"{PAD_LEFT + PLOT_W / 2:.1f}",)
    step = PLOT_W / (count - 1)
    return tuple(f"{PAD_LEFT + index * step:.1f}" for index in range(count))


@functools.lru_cache(maxsize=64)
def _circle_openings(count: int) -> tuple[str, ...]:
    """Each point's markup up to its y coordinate, for `count` points."""
    radius = 3.5 if count <= 60 else 2.5 if count <= 180 else 1.8
    return tuple(f'<circle r="{radius}" cx="{x}" cy="' for x in _x_positions(count))


def point_label(day: dt.date, bucket: str) -> str:
    """How a point's day reads in its tooltip and table row: "Week of Mon 5 Dec 2016", or
    "December 2016" for a month (its first bucket may begin mid-month, where the range does)."""
    if bucket == MONTH:
        return month_year(day)
    if bucket == WEEK:
        return gettext("Week of %(day)s") % {"day": day_label(day)}
    return day_label(day)


def _point_titles(days: tuple[dt.date, ...], *, bucket: str) -> tuple[str, ...]:
    return _point_titles_in(days, bucket=bucket, lang=language())


@functools.lru_cache(maxsize=32)
def _point_titles_in(days: tuple[dt.date, ...], *, bucket: str, lang: str) -> tuple[str, ...]:
    """Each point's markup from its y coordinate to its value: the five charts of a page share
    their days, so this is worked out once a page. Keyed by the language: the titles' dates
    are in words ("lun 5 Dic 2016")."""
    return tuple(f'"><title>{point_label(day, bucket)}: ' for day in days)


# Every y coordinate from one chart height above the chart to one below, to a tenth of a unit,
# formatted once: looking one up is about twice as fast as formatting a float, and a year of
# five charts has ~3,600 of them.
_TENTHS_OFFSET = HEIGHT * 10
_TENTHS = tuple(f"{tenths / 10:.1f}" for tenths in range(-HEIGHT * 10, HEIGHT * 20 + 1))
_TENTHS_COUNT = len(_TENTHS)


def _y_texts(values: Sequence[float | None], *, top: float, scale: float) -> list[str | None]:
    return [
        None
        if value is None
        else _TENTHS[index]
        if 0 <= (index := round((top - value * scale) * 10) + _TENTHS_OFFSET) < _TENTHS_COUNT
        else f"{top - value * scale:.1f}"  # far off the chart, which validated data never is
        for value in values
    ]


class _Texts(dict):
    """Formatted text per value, remembered: most measures take only a few values."""

    def __init__(self, render) -> None:
        super().__init__()
        self.render = render

    def __missing__(self, value: float) -> str:
        text = self[value] = self.render(value)
        return text


def _path(xs: Sequence[str], ys: Sequence[str | None], *, lifted: bool = True) -> str:
    """A polyline that lifts the pen at each None: a day not logged is a gap, not a zero.
    `lifted`: whether the pen is up before the first point (False: it goes on a line drawn
    before)."""
    return " ".join(
        [
            f"{'M' if before is None else 'L'}{x} {y}"
            for x, y, before in zip(xs, ys, [None if lifted else "", *ys], strict=False)
            if y is not None
        ]
    )


def line_chart(
    *,
    measure: Measure,
    series: Series,
    goal: float | None,
    chart_id: str,
    caption: str,
) -> Chart:
    """A measure day by day (weekly averages for a long run of days handed in whole)."""
    logged = series.logged
    average = round(sum(logged) / len(logged), 1) if logged else None  # in stored units
    shown, is_weekly = as_drawn(series, measure)
    return _line(
        measure=measure,
        shown=shown,
        bucket=WEEK if is_weekly else DAY,
        logged_days=len(logged),
        average=average,
        goal=goal,
        chart_id=chart_id,
        caption=caption,
        first=series.days[0],
        last=series.days[-1],
    )


def bucket_chart(
    *,
    measure: Measure,
    sums: buckets.Sums,
    field: str,
    last: dt.date,
    goal: float | None,
    chart_id: str,
    caption: str,
    shown_as: Measure | None = None,
) -> Chart:
    """A measure over a long range as weekly or monthly averages, from its bucket sums (the
    PEG's from its total, shown `shown_as` its score)."""
    logged, total = sums.logged(field)
    if field == "peg_total":
        total /= 10  # summed in tenths of a score
    average = round(total / logged, 1) if logged else None  # in stored units
    return _line(
        measure=shown_as or measure,
        shown=buckets.series(sums, field, per_unit=measure.per_unit),
        bucket=sums.size,
        logged_days=logged,
        average=average,
        goal=goal,
        chart_id=chart_id,
        caption=caption,
        first=sums.start,
        last=last,
    )


def _line(
    *,
    measure: Measure,
    shown: Series,
    bucket: str,
    logged_days: int,
    average: float | None,
    goal: float | None,
    chart_id: str,
    caption: str,
    first: dt.date,
    last: dt.date,
) -> Chart:
    """Points joined by a line (lifted over gaps), the 7-day average dashed, and the goal."""
    if goal is not None:
        goal = goal / measure.per_unit
    low = measure.low
    high = measure.high
    if high is None:
        # The rolling average at the left edge reads days before the range, so it counts too.
        rolling = [value for value in shown.rolling if value is not None]
        high = _nice_ceiling(max([*shown.logged, *rolling, (goal or 0) * 1.25, 1]))
    top, scale = PAD_TOP + high * PLOT_H / (high - low), PLOT_H / (high - low)

    def y(value: float) -> str:
        return f"{top - value * scale:.1f}"

    circles, line_d, rolling_d = _points(
        tuple(shown.days), bucket, tuple(shown.values), tuple(shown.rolling), top, scale
    )
    goal_markup = ""
    if goal is not None and low <= goal <= high:
        goal_words = gettext("goal %(goal)s") % {"goal": number(_fmt(goal))}
        goal_markup = (
            f'<line class="chart-goal" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(goal)}" y2="{y(goal)}"/>'
            f'<text class="chart-label" x="{WIDTH - PAD_RIGHT - 2}" y="{y(goal + 5 / scale)}" '
            f'text-anchor="end">{escape(goal_words)}</text>'
        )
    words = {
        "values": buckets.WORDS[bucket]["averages"],
        "first": short_date(first),
        "last": short_date(last),
        "days": logged_days,
    }
    if average is None:
        description = (
            ngettext(
                "%(values)s from %(first)s to %(last)s: %(days)s day logged.",
                "%(values)s from %(first)s to %(last)s: %(days)s days logged.",
                logged_days,
            )
            % words
        )
    else:
        description = ngettext(
            "%(values)s from %(first)s to %(last)s: %(days)s day logged, average %(average)s.",
            "%(values)s from %(first)s to %(last)s: %(days)s days logged, average %(average)s.",
            logged_days,
        ) % {**words, "average": format_value(measure, average)}
    description += " " + gettext("Dashed line: 7-day average.")
    if goal_markup:
        description += " " + gettext("Dotted line: goal of %(goal)s.") % {
            "goal": number(_fmt(goal))
        }
    svg = _frame(
        chart_id=chart_id,
        caption=caption,
        description=description,
        body=f"{_grid(low, high, y, scale)}{goal_markup}"
        f'<path class="chart-rolling" d="{rolling_d}"/>'
        f'<path class="chart-line" d="{line_d}"/>'
        f'<g class="chart-points">{circles}</g>',
        first=first,
        last=last,
    )
    return Chart(measure, shown, mark_safe(svg), bucket, logged_days, average, bool(goal_markup))


def _points(
    days: tuple[dt.date, ...],
    bucket: str,
    values: tuple[float | None, ...],
    rolling: tuple[float | None, ...],
    top: float,
    scale: float,
) -> tuple[str, str, str]:
    """The circles, the line's path and the 7-day average's path. All but the last point are
    the same on every view of a range until the day or an earlier day changes (a check-in
    changes only today's, the last), so they are drawn once and kept, keyed by everything they
    are drawn from; each view draws the last point and adds it. Same markup as drawing all."""
    if len(days) < 2:
        return _marks(days, bucket, values, rolling, top, scale, 0, len(days))
    circles, line_d, rolling_d = _drawn_before_last(
        days, bucket, values[:-1], rolling[:-1], top, scale, language()
    )
    last = len(days) - 1
    last_circle, last_line, last_rolling = _marks(
        days, bucket, values, rolling, top, scale, last, last + 1
    )
    return (
        circles + last_circle,
        _joined(line_d, last_line),
        _joined(rolling_d, last_rolling),
    )


def _joined(before: str, last: str) -> str:
    return f"{before} {last}" if before and last else before or last


@functools.lru_cache(maxsize=240)  # 6 a page, ~37 KB each: 40 pages, ~9 MB a process
def _drawn_before_last(
    days: tuple[dt.date, ...],
    bucket: str,
    values: tuple[float | None, ...],
    rolling: tuple[float | None, ...],
    top: float,
    scale: float,
    lang: str,
) -> tuple[str, str, str]:
    """All but the last point of a chart of len(days) points (values and rolling without the
    last's). Kept in this process's memory only, keyed by the values themselves and by the
    language (`lang`: each point's title says its date in words)."""
    return _marks(days, bucket, values, rolling, top, scale, 0, len(values))


def _marks(
    days: tuple[dt.date, ...],
    bucket: str,
    values: Sequence[float | None],
    rolling: Sequence[float | None],
    top: float,
    scale: float,
    first: int,
    end: int,
) -> tuple[str, str, str]:
    """Points first to end (exclusive) of a chart of len(days) points: their circles, and the
    two paths' segments (a segment starts with M where the point before it was not drawn)."""
    count = len(days)
    xs = _x_positions(count)[first:end]
    shown_values = values[first:end]
    if bucket == DAY:
        # Days take few distinct values (whole scores, round amounts): remember each one's y.
        y_of_value = _Texts(lambda value: f"{top - value * scale:.1f}")
        value_ys = [None if value is None else y_of_value[value] for value in shown_values]
    else:  # averages, nearly all different
        value_ys = _y_texts(shown_values, top=top, scale=scale)
    # Each value as the language writes it ("5,5"): kept per language with the points.
    book = phrasebook()
    value_texts = _Texts(lambda value: book.number(_fmt(value)))
    circles = "".join(
        [
            f"{opening}{cy}{title}{value_texts[value]}</title></circle>"
            for opening, title, value, cy in zip(
                _circle_openings(count)[first:end],
                _point_titles(days, bucket=bucket)[first:end],
                shown_values,
                value_ys,
                strict=True,
            )
            if cy is not None
        ]
    )
    before = values[first - 1] if first else None
    rolling_before = rolling[first - 1] if first else None
    rolling_ys = _y_texts(rolling[first:end], top=top, scale=scale)
    line_d = _path(xs, value_ys, lifted=before is None)
    rolling_d = _path(xs, rolling_ys, lifted=rolling_before is None)
    return circles, line_d, rolling_d


def _frame(
    *, chart_id: str, caption: str, description: str, body: str, first: dt.date, last: dt.date
) -> str:
    """Every line chart's frame: its name and description for screen readers, and its dates."""
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(caption)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{body}'
        f'<text class="chart-label" x="{PAD_LEFT}" y="{HEIGHT - 6}">'
        f"{_first_label(first, last)}</text>"
        f'<text class="chart-label" x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 6}" '
        f'text-anchor="end">{short_date(last)}</text></svg>'
    )


def _first_label(first: dt.date, last: dt.date) -> str:
    """The first date under a chart: with its year when the range is longer than a year (the
    last date always has its year)."""
    return short_date(first) if (last - first).days > 366 else short_date_no_year(first)


def table_rows(series: Series, bucket: str = DAY) -> SafeString:
    """The chart's numbers as table rows, for "show as table" (the column heading says what
    a week's date is: the week of)."""
    label = month_year if bucket == MONTH else day_label
    not_logged = escape(gettext("not logged"))
    book = phrasebook()
    return mark_safe(
        "".join(
            [
                f"<tr><td>{label(day)}</td>"
                f"<td>{not_logged if value is None else book.number(_fmt(value))}</td>"
                f"<td>{'–' if rolling is None else book.number(f'{rolling:.1f}')}</td></tr>"
                for day, value, rolling in zip(
                    series.days, series.values, series.rolling, strict=True
                )
            ]
        )
    )


def _grid(low: float, high: float, y, scale: float) -> str:
    lines = []
    for value in (low, (low + high) / 2, high):
        lines.append(
            f'<line class="chart-grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(value)}" y2="{y(value)}"/>'
            f'<text class="chart-label" x="{PAD_LEFT - 5}" y="{y(value - 4.5 / scale)}" '
            f'text-anchor="end">{number(_fmt(value))}</text>'
        )
    return "".join(lines)
