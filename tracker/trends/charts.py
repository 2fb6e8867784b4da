"""Numbers to server-rendered SVG. Markup is built here with f-strings from numbers, dates and
our own labels (no user text; captions are escaped anyway), because a year of five charts is
about 1,800 points and a template per point would dominate the page."""

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.trends.insights import Measure, Series, format_value, in_shown_units

# Drawn about as wide as a phone shows it (~320 CSS px), so the 13-unit labels read at 11 px or
# more there; wider screens lay the charts out two to a row at much the same size.
WIDTH, HEIGHT = 360, 200
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 40, 8, 14, 28
PLOT_W, PLOT_H = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
WEEKLY_ABOVE_DAYS = 731  # longer ranges are drawn as weekly averages to stay light
HEATMAP_CELL, HEATMAP_GAP = 11, 2
HEATMAP_LEFT, HEATMAP_TOP = 36, 17
HEATMAP_WEEKS = 53  # a year and the week it started in, so the first column is a whole week
HEATMAP_DAYS = HEATMAP_WEEKS * 7
# The discomfort each colour band covers, lightest first: the heatmap, the history calendar and
# both legends read them from here.
HEATMAP_BANDS = ((0, 0), (1, 2), (3, 4), (5, 6), (7, 10))


@dataclass(frozen=True)
class Chart:
    measure: Measure
    series: Series  # what is drawn: days, or weeks for long ranges
    svg: SafeString
    weekly: bool
    logged_days: int
    average: float | None  # in stored units (ml for water)
    goal_drawn: bool = False

    @property
    def average_text(self) -> str:
        return "–" if self.average is None else format_value(self.measure, self.average)

    @property
    def summary(self) -> str:
        """The figure's caption after the measure's name."""
        if self.average is None:
            text = "nothing logged in this range"
        else:
            days = f"{self.logged_days} logged day{'s' if self.logged_days != 1 else ''}"
            text = f"average {self.average_text} over {days}"
        return text + (" · weekly averages" if self.weekly else "")


@functools.lru_cache(maxsize=4096)
def day_label(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


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


def as_drawn(series: Series, measure: Measure) -> tuple[Series, bool]:
    """A series as its chart and its table show it: in the units the person reads (water in
    fl oz for those who chose ounces), and as weekly averages over long ranges (then True)."""
    series = in_shown_units(series, measure)
    if len(series) > WEEKLY_ABOVE_DAYS:
        return weekly(series), True
    return series, False


def weekly(series: Series) -> Series:
    """Weekly means of logged days (a week with nothing logged stays a gap)."""
    days, values, rolling = [], [], []
    for start in range(0, len(series), 7):
        days.append(series.days[start])
        for means, daily in ((values, series.values), (rolling, series.rolling)):
            logged = [value for value in daily[start : start + 7] if value is not None]
            means.append(round(sum(logged) / len(logged), 2) if logged else None)
    return Series(days, values, rolling)


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


@functools.lru_cache(maxsize=32)
def _point_titles(days: tuple[dt.date, ...], *, weekly: bool) -> tuple[str, ...]:
    """Each point's markup from its y coordinate to its value: the five charts of a page share
    their days, so this is worked out once a page."""
    label = "Week of " if weekly else ""
    return tuple(f'"><title>{label}{day_label(day)}: ' for day in days)


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


def _path(xs: Sequence[str], ys: Sequence[str | None]) -> str:
    """A polyline that lifts the pen at each None: a day not logged is a gap, not a zero."""
    return " ".join(
        [
            f"{'M' if before is None else 'L'}{x} {y}"
            for x, y, before in zip(xs, ys, [None, *ys], strict=False)
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
    logged = series.logged
    average = round(sum(logged) / len(logged), 1) if logged else None  # in stored units
    shown, is_weekly = as_drawn(series, measure)
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

    xs = _x_positions(len(shown))
    # Days take few distinct values (whole scores, round amounts): remember each one's y.
    y_of_value = _Texts(y)
    value_ys = [None if value is None else y_of_value[value] for value in shown.values]
    value_texts = _Texts(_fmt)
    circles = "".join(
        [
            f"{opening}{cy}{title}{value_texts[value]}</title></circle>"
            for opening, title, value, cy in zip(
                _circle_openings(len(shown)),
                _point_titles(tuple(shown.days), weekly=is_weekly),
                shown.values,
                value_ys,
                strict=True,
            )
            if cy is not None
        ]
    )
    rolling_ys = _y_texts(shown.rolling, top=top, scale=scale)
    goal_markup = ""
    if goal is not None and low <= goal <= high:
        goal_markup = (
            f'<line class="chart-goal" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(goal)}" y2="{y(goal)}"/>'
            f'<text class="chart-label" x="{WIDTH - PAD_RIGHT - 2}" y="{y(goal + 5 / scale)}" '
            f'text-anchor="end">goal {_fmt(goal)}</text>'
        )
    first, last = series.days[0], series.days[-1]
    description = (
        f"{'Weekly averages' if is_weekly else 'Daily values'} from {first:%-d %b %Y} to "
        f"{last:%-d %b %Y}: {len(logged)} day{'s' if len(logged) != 1 else ''} logged"
        + (f", average {format_value(measure, average)}" if average is not None else "")
        + ". Dashed line: 7-day average."
        + (f" Dotted line: goal of {_fmt(goal)}." if goal_markup else "")
    )
    svg = _frame(
        chart_id=chart_id,
        caption=caption,
        description=description,
        body=f"{_grid(low, high, y, scale)}{goal_markup}"
        f'<path class="chart-rolling" d="{_path(xs, rolling_ys)}"/>'
        f'<path class="chart-line" d="{_path(xs, value_ys)}"/>'
        f'<g class="chart-points">{circles}</g>',
        first=first,
        last=last,
    )
    return Chart(measure, shown, mark_safe(svg), is_weekly, len(logged), average, bool(goal_markup))


def _frame(
    *, chart_id: str, caption: str, description: str, body: str, first: dt.date, last: dt.date
) -> str:
    """Every line chart's frame: its name and description for screen readers, and its dates."""
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(caption)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>{body}'
        f'<text class="chart-label" x="{PAD_LEFT}" y="{HEIGHT - 6}">{first:%-d %b}</text>'
        f'<text class="chart-label" x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 6}" '
        f'text-anchor="end">{last:%-d %b %Y}</text></svg>'
    )


STRENGTH = Measure("strength", "Strength", "%", 0, 100)
STRENGTH_POINTS = 90


def strength_chart(
    *, label: str, shares: Sequence[float], first: dt.date, chart_id: str, caption: str
) -> Chart:
    """A habit's strength, a share (0 to 1) for each day from `first`, drawn as one line from 0
    to 100%. It changes smoothly (a half-life of 13 days), so no point markers, and at most
    STRENGTH_POINTS points draw it as well as a year of days would: four more charts stay cheap
    on a page that already draws five."""
    step = max(1, -(-len(shares) // STRENGTH_POINTS))
    keep = [*range(0, len(shares) - 1, step), len(shares) - 1]
    shown = Series(
        [first + dt.timedelta(days=i) for i in keep], [100 * shares[i] for i in keep], []
    )
    is_weekly = False
    top, scale = PAD_TOP + PLOT_H, PLOT_H / 100
    xs = _x_positions(len(shown))
    ys = _y_texts(shown.values, top=top, scale=scale)
    last = shown.days[-1]
    latest = shown.values[-1] if shown.values else None
    description = f"{label} strength from {first:%-d %b %Y} to {last:%-d %b %Y}" + (
        f": {round(latest)}% on the last day." if latest is not None else "."
    )
    svg = _frame(
        chart_id=chart_id,
        caption=caption,
        description=description,
        body=f"{_grid(0, 100, lambda value: f'{top - value * scale:.1f}', scale)}"
        f'<path class="chart-line" d="{_path(xs, ys)}"/>',
        first=first,
        last=last,
    )
    return Chart(STRENGTH, shown, mark_safe(svg), is_weekly, len(shares), latest)


def table_rows(series: Series) -> SafeString:
    """The chart's numbers as table rows, for "show as table"."""
    return mark_safe(
        "".join(
            [
                f"<tr><td>{day_label(day)}</td>"
                f"<td>{'not logged' if value is None else _fmt(value)}</td>"
                f"<td>{'–' if rolling is None else f'{rolling:.1f}'}</td></tr>"
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
            f'text-anchor="end">{_fmt(value)}</text>'
        )
    return "".join(lines)


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


@functools.lru_cache(maxsize=4)
def _heatmap_days(first_monday: dt.date) -> tuple[tuple[dt.date, str, str], ...]:
    """(day, its cell's position, its link and title up to the value) for the weeks from
    `first_monday`: the same for everyone all week. Each day links to its check-in."""
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


def _weekday_labels() -> str:
    step = HEATMAP_CELL + HEATMAP_GAP
    return "".join(
        f'<text class="chart-label" x="0" y="{HEATMAP_TOP + row * step + 10}">{name}</text>'
        for row, name in ((0, "Mon"), (3, "Thu"), (6, "Sun"))
    )


_HEATMAP_LEVELS = tuple(heatmap_level(value) for value in range(11))


def discomfort_heatmap(values: dict[dt.date, int], *, today: dt.date) -> SafeString:
    """A year of discomfort as a week-by-week grid, Monday at the top."""
    last_monday = today - dt.timedelta(days=today.weekday())
    first_monday = last_monday - dt.timedelta(weeks=HEATMAP_WEEKS - 1)
    step = HEATMAP_CELL + HEATMAP_GAP
    days = _heatmap_days(first_monday)[: (today - first_monday).days + 1]
    cells = [
        f'{opening}discomfort not logged</title><rect class="hm hm-none" {position}/></a>'
        if (value := values.get(day)) is None
        else f"{opening}discomfort {value}</title>"
        f'<rect class="hm hm-{_HEATMAP_LEVELS[value]}" {position}/></a>'
        for day, position, opening in days
    ]
    logged = sum(1 for day, _, _ in days if day in values)
    months = "".join(
        f'<text class="chart-label" x="{HEATMAP_LEFT + week * step}" y="12">{monday:%b}</text>'
        for week in range(HEATMAP_WEEKS)
        if (monday := first_monday + dt.timedelta(weeks=week)).day <= 7
    )
    description = (
        f"Discomfort for each day of the last year; {logged} days logged. Darker means more "
        "discomfort; each day's value is in its tooltip and in the discomfort chart's table, "
        "and each day links to its check-in."
    )
    return mark_safe(
        f'<svg class="heatmap" viewBox="0 0 {HEATMAP_LEFT + HEATMAP_WEEKS * step} '
        f'{HEATMAP_TOP + 7 * step}" '
        'role="group" aria-labelledby="heatmap-title" aria-describedby="heatmap-desc" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="heatmap-title">Discomfort over the last year</title>'
        f'<desc id="heatmap-desc">{description}</desc>{months}'
        f"{_weekday_labels()}{''.join(cells)}</svg>"
    )
