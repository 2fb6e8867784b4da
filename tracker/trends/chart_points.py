"""A line chart's geometry and its points, drawn as SVG markup (tracker.trends.charts draws
the rest of the chart around them). A year of five charts is about 1,800 points, so every
coordinate and title is formatted once and kept where it can be: the x positions of a count of
points, each page's point titles, and all of a chart's points but the last (a check-in changes
only today's)."""

import datetime as dt
import functools
from collections.abc import Sequence

from django.utils.translation import gettext

from tracker.trends.buckets import DAY, MONTH, WEEK
from tracker.trends.words import day_label, language, month_year, phrasebook

# Drawn about as wide as a phone shows it (~326 CSS px at 390), so the 15-unit labels (the
# stylesheet's size) read at 13.5 px there, and at 12 px or more in the two columns of a wide
# screen. The left margin holds a four-digit label ("2500" ml) at that size.
WIDTH, HEIGHT = 360, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 46, 8, 14, 28
PLOT_W, PLOT_H = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM


def plain_number(value: float) -> str:
    if type(value) is int:
        return str(value)
    return f"{value:.1f}".rstrip("0").rstrip(".")


@functools.lru_cache(maxsize=64)
def x_positions(count: int) -> tuple[str, ...]:
    """Formatted x coordinates for `count` evenly spaced points: every chart of a page shares
    them, and so does every page of the same range."""
    if count == 1:
        return (f"{PAD_LEFT + PLOT_W / 2:.1f}",)
    step = PLOT_W / (count - 1)
    return tuple(f"{PAD_LEFT + index * step:.1f}" for index in range(count))


# Past this many points (under 1.7 units apart, where a circle is 3.6 wide) the circles run
# together into a band over the chart's own line, and none can be pointed at or tapped alone:
# a longer chart draws only the points the line does not reach (a day with no logged day on
# either side). Every value stays in the chart's table ("Show as table"). A 365-day page was
# ~1,600 circles, a third of its markup.
MARKED_POINTS_AT_MOST = 180


@functools.lru_cache(maxsize=64)
def _circle_openings(count: int) -> tuple[str, ...]:
    """Each point's markup up to its y coordinate, for `count` points."""
    radius = 3.5 if count <= 60 else 2.5 if count <= 180 else 1.8
    return tuple(f'<circle r="{radius}" cx="{x}" cy="' for x in x_positions(count))


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


def y_texts(values: Sequence[float | None], *, top: float, scale: float) -> list[str | None]:
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


def polyline(xs: Sequence[str], ys: Sequence[str | None], *, lifted: bool = True) -> str:
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


def points(
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
        days, bucket, values[:-1], rolling[:-1], top, scale, language(), values[-1] is not None
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


def _alone(values: Sequence[float | None], index: int, logged_after: bool) -> bool:
    """Whether the point at `index` has no logged point on either side: the line does not
    reach it, so only its circle shows it."""
    before = index > 0 and values[index - 1] is not None
    after = values[index + 1] is not None if index + 1 < len(values) else logged_after
    return not before and not after


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
    last_logged: bool,
) -> tuple[str, str, str]:
    """All but the last point of a chart of len(days) points (values and rolling without the
    last's; `last_logged`: whether the last has a value, which decides whether the one before
    it stands alone). Kept in this process's memory only, keyed by the values themselves and
    by the language (`lang`: each point's title says its date in words)."""
    return _marks(days, bucket, values, rolling, top, scale, 0, len(values), last_logged)


def _marks(
    days: tuple[dt.date, ...],
    bucket: str,
    values: Sequence[float | None],
    rolling: Sequence[float | None],
    top: float,
    scale: float,
    first: int,
    end: int,
    logged_after: bool = False,
) -> tuple[str, str, str]:
    """Points first to end (exclusive) of a chart of len(days) points: their circles, and the
    two paths' segments (a segment starts with M where the point before it was not drawn).
    `values` may stop before the chart's last point (`logged_after`: whether the point after
    them has a value). On a chart of more than MARKED_POINTS_AT_MOST points only a point that
    stands alone has a circle."""
    count = len(days)
    xs = x_positions(count)[first:end]
    shown_values = values[first:end]
    if bucket == DAY:
        # Days take few distinct values (whole scores, round amounts): remember each one's y.
        y_of_value = _Texts(lambda value: f"{top - value * scale:.1f}")
        value_ys = [None if value is None else y_of_value[value] for value in shown_values]
    else:  # averages, nearly all different
        value_ys = y_texts(shown_values, top=top, scale=scale)
    # Each value as the language writes it ("5,5"): kept per language with the points.
    book = phrasebook()
    value_texts = _Texts(lambda value: book.number(plain_number(value)))
    circles = "".join(
        [
            f"{opening}{cy}{title}{value_texts[value]}</title></circle>"
            for index, (opening, title, value, cy) in enumerate(
                zip(
                    _circle_openings(count)[first:end],
                    _point_titles(days, bucket=bucket)[first:end],
                    shown_values,
                    value_ys,
                    strict=True,
                ),
                start=first,
            )
            if cy is not None
            and (count <= MARKED_POINTS_AT_MOST or _alone(values, index, logged_after))
        ]
    )
    before = values[first - 1] if first else None
    rolling_before = rolling[first - 1] if first else None
    rolling_ys = y_texts(rolling[first:end], top=top, scale=scale)
    line_d = polyline(xs, value_ys, lifted=before is None)
    rolling_d = polyline(xs, rolling_ys, lifted=rolling_before is None)
    return circles, line_d, rolling_d
