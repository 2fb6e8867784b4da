"""Habit strength drawn over a range: one line from 0 to 100%, no point markers (it changes
smoothly), in the frame every line chart has (tracker.trends.charts)."""

import datetime as dt
import functools
from collections.abc import Sequence

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.trends import buckets
from tracker.trends.buckets import DAY
from tracker.trends.chart_points import PAD_TOP, PLOT_H, polyline, x_positions, y_texts
from tracker.trends.charts import Chart, _frame, _grid
from tracker.trends.insights import Measure, Series
from tracker.trends.words import short_date

STRENGTH = Measure("strength", _("Strength"), "%", 0, 100)
STRENGTH_POINTS = 90


def strength_step(days: int) -> int:
    """Every how many days a strength chart of `days` days takes a point: at most
    STRENGTH_POINTS. Past a year, a whole number of weeks, so the points fall on the same days
    however long the range grows between two new steps (tracker.trends.earlier keeps them)."""
    step = max(1, -(-days // STRENGTH_POINTS))
    if days > buckets.DAILY_AT_MOST_DAYS:
        step = 7 * -(-step // 7)
    return step


def strength_chart(
    *, label: str, shares: Sequence[float], first: dt.date, chart_id: str, caption: str
) -> Chart:
    """A habit's strength, a share (0 to 1) for each day from `first`, drawn as one line from 0
    to 100%. It changes smoothly (a half-life of 13 days), so no point markers, and at most
    STRENGTH_POINTS points draw it as well as a year of days would: four more charts stay cheap
    on a page that already draws five."""
    keep, days = _kept_points(first, len(shares))
    return strength_points(
        label=label,
        days=days,
        shares=[shares[i] for i in keep],
        length=len(shares),
        chart_id=chart_id,
        caption=caption,
    )


@functools.lru_cache(maxsize=16)
def _kept_points(first: dt.date, length: int) -> tuple[tuple[int, ...], tuple[dt.date, ...]]:
    """Which of `length` days from `first` a strength chart draws, and their dates: the same
    for the page's four habits, and for every page of the range all day."""
    step = strength_step(length)
    keep = (*range(0, length - 1, step), length - 1)
    return keep, tuple(first + dt.timedelta(days=i) for i in keep)


def strength_points(
    *,
    label: str,
    days: Sequence[dt.date],
    shares: Sequence[float],
    length: int,
    chart_id: str,
    caption: str,
) -> Chart:
    """The strength chart from its points already chosen (the first on the range's first day,
    the last on its last), for a range of `length` days."""
    shown = Series(list(days), [100 * share for share in shares], [])
    first = shown.days[0]
    top, scale = PAD_TOP + PLOT_H, PLOT_H / 100
    line = _line_path(tuple(shown.values), top=top, scale=scale)
    last = shown.days[-1]
    latest = shown.values[-1] if shown.values else None
    words = {"habit": label, "first": short_date(first), "last": short_date(last)}
    if latest is None:
        description = gettext("%(habit)s strength from %(first)s to %(last)s.") % words
    else:
        description = gettext(
            "%(habit)s strength from %(first)s to %(last)s: %(percent)s%% on the last day."
        ) % {**words, "percent": round(latest)}
    svg = _frame(
        chart_id=chart_id,
        caption=caption,
        description=description,
        body=f"{_grid(0, 100, lambda value: f'{top - value * scale:.1f}', scale)}"
        f'<path class="chart-line" d="{line}"/>',
        first=first,
        last=last,
    )
    return Chart(STRENGTH, shown, mark_safe(svg), DAY, length, latest)


def _line_path(values: tuple[float, ...], *, top: float, scale: float) -> str:
    """The line through every point. All but the last are the same on every view until the day
    or an earlier day changes (habit strength carries on from yesterday's), so they are drawn
    once and kept, keyed by their values; the last is added. The same path as drawing all."""
    if len(values) < 2:
        return polyline(x_positions(len(values)), y_texts(values, top=top, scale=scale))
    before = _path_before_last(values[:-1], len(values), top=top, scale=scale)
    xs = x_positions(len(values))[-1:]
    return f"{before} {polyline(xs, y_texts(values[-1:], top=top, scale=scale), lifted=False)}"


@functools.lru_cache(maxsize=160)  # 4 a page, ~1 KB each
def _path_before_last(values: tuple[float, ...], count: int, *, top: float, scale: float) -> str:
    """The first len(values) points of a line of `count` points (kept in this process only)."""
    xs = x_positions(count)[: len(values)]
    return polyline(xs, y_texts(values, top=top, scale=scale))
