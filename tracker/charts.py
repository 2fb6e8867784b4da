"""Numbers to server-rendered SVG. Markup is built here from numbers and dates only (no user
text, so nothing needs escaping) with f-strings, which is fast enough for 365-point charts."""

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from tracker.insights import Measure, SeriesPoint

WIDTH, HEIGHT = 640, 190
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 10, 12, 26
PLOT_W, PLOT_H = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM
WEEKLY_ABOVE_DAYS = 731  # longer ranges are drawn as weekly averages to stay light
HEATMAP_CELL, HEATMAP_GAP = 11, 2


@dataclass(frozen=True)
class Chart:
    measure: Measure
    points: list[SeriesPoint]
    svg: SafeString
    table_rows: SafeString  # the same numbers as the chart, for "show as table"
    weekly: bool
    logged_days: int
    average: float | None


@functools.lru_cache(maxsize=4096)
def day_label(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def weekly_points(points: Sequence[SeriesPoint]) -> list[SeriesPoint]:
    """Weekly means of logged days (a week with nothing logged stays a gap)."""
    weeks = []
    for start in range(0, len(points), 7):
        chunk = points[start : start + 7]
        values = [p.value for p in chunk if p.value is not None]
        rolling = [p.rolling for p in chunk if p.rolling is not None]
        weeks.append(
            SeriesPoint(
                chunk[0].date,
                round(sum(values) / len(values), 2) if values else None,
                round(sum(rolling) / len(rolling), 2) if rolling else None,
            )
        )
    return weeks


def _path(coords: Sequence[tuple[float, float] | None]) -> str:
    parts, pen_down = [], False
    for coord in coords:
        if coord is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{coord[0]:.1f} {coord[1]:.1f}")
        pen_down = True
    return " ".join(parts)


def line_chart(
    *,
    measure: Measure,
    points: Sequence[SeriesPoint],
    goal: float | None,
    chart_id: str,
    caption: str,
) -> Chart:
    weekly = len(points) > WEEKLY_ABOVE_DAYS
    shown = weekly_points(points) if weekly else list(points)
    logged = [p.value for p in points if p.value is not None]
    low = measure.low
    high = measure.high
    if high is None:
        high = _nice_ceiling(max([*logged, (goal or 0) * 1.25, 1]))
    count = len(shown)

    def x(index: int) -> float:
        return PAD_LEFT + (index * PLOT_W / (count - 1) if count > 1 else PLOT_W / 2)

    def y(value: float) -> float:
        return PAD_TOP + (high - value) / (high - low) * PLOT_H

    radius = 3.5 if count <= 60 else 2.5 if count <= 180 else 1.8
    label = "Week of " if weekly else ""
    circles = "".join(
        f'<circle class="chart-point" cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="{radius}">'
        f"<title>{label}{day_label(p.date)}: {_fmt(p.value)}</title></circle>"
        for i, p in enumerate(shown)
        if p.value is not None
    )
    # Consecutive days are joined; a day not logged breaks the line (a gap, not a zero).
    value_path = _path(
        [(x(i), y(p.value)) if p.value is not None else None for i, p in enumerate(shown)]
    )
    rolling_path = _path(
        [(x(i), y(p.rolling)) if p.rolling is not None else None for i, p in enumerate(shown)]
    )
    goal_markup = ""
    if goal is not None and low <= goal <= high:
        goal_markup = (
            f'<line class="chart-goal" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(goal):.1f}" y2="{y(goal):.1f}"/>'
            f'<text class="chart-label" x="{WIDTH - PAD_RIGHT - 2}" y="{y(goal) - 4:.1f}" '
            f'text-anchor="end">goal {_fmt(goal)}</text>'
        )
    average = round(sum(logged) / len(logged), 1) if logged else None
    first, last = points[0].date, points[-1].date
    description = (
        f"{'Weekly averages' if weekly else 'Daily values'} from {first:%-d %b %Y} to "
        f"{last:%-d %b %Y}: {len(logged)} day{'s' if len(logged) != 1 else ''} logged"
        + (f", average {_fmt(average)}" if average is not None else "")
        + ". Dashed line: 7-day average."
        + (f" Dotted line: goal of {_fmt(goal)}." if goal_markup else "")
    )
    svg = render_to_string(
        "tracker/charts/trend.svg",
        {
            "chart_id": chart_id,
            "caption": caption,
            "description": description,
            "width": WIDTH,
            "height": HEIGHT,
            "grid": mark_safe(_grid(low, high, y)),
            "x_labels": mark_safe(
                f'<text class="chart-label" x="{PAD_LEFT}" y="{HEIGHT - 6}">{first:%-d %b}</text>'
                f'<text class="chart-label" x="{WIDTH - PAD_RIGHT}" y="{HEIGHT - 6}" '
                f'text-anchor="end">{last:%-d %b %Y}</text>'
            ),
            "value_path": value_path,
            "rolling_path": rolling_path,
            "goal": mark_safe(goal_markup),
            "circles": mark_safe(circles),
        },
    )
    return Chart(measure, shown, mark_safe(svg), _table_rows(shown), weekly, len(logged), average)


def _table_rows(points: Sequence[SeriesPoint]) -> SafeString:
    return mark_safe(
        "".join(
            f"<tr><td>{day_label(p.date)}</td>"
            f"<td>{'not logged' if p.value is None else _fmt(p.value)}</td>"
            f"<td>{'–' if p.rolling is None else f'{p.rolling:.1f}'}</td></tr>"
            for p in points
        )
    )


def _grid(low: float, high: float, y) -> str:
    lines = []
    for value in (low, (low + high) / 2, high):
        lines.append(
            f'<line class="chart-grid" x1="{PAD_LEFT}" x2="{WIDTH - PAD_RIGHT}" '
            f'y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
            f'<text class="chart-label" x="{PAD_LEFT - 6}" y="{y(value) + 4:.1f}" '
            f'text-anchor="end">{_fmt(value)}</text>'
        )
    return "".join(lines)


def heatmap_level(value: int | None) -> str:
    if value is None:
        return "none"
    return str(min(4, (value + 1) // 2))  # 0, 1–2, 3–4, 5–6, 7–10


def discomfort_heatmap(values: dict[dt.date, int], *, today: dt.date) -> SafeString:
    """A year of discomfort as a week-by-week grid, Monday at the top."""
    last_monday = today - dt.timedelta(days=today.weekday())
    first_monday = last_monday - dt.timedelta(weeks=52)
    step = HEATMAP_CELL + HEATMAP_GAP
    cells = []
    day = first_monday
    while day <= today:
        week, weekday = (day - first_monday).days // 7, day.weekday()
        value = values.get(day)
        text = f"{day_label(day)}: " + (
            f"discomfort {value}" if value is not None else "not logged"
        )
        focus = ' tabindex="0"' if value is not None else ""
        cells.append(
            f'<rect class="hm hm-{heatmap_level(value)}" x="{30 + week * step}" '
            f'y="{14 + weekday * step}" width="{HEATMAP_CELL}" height="{HEATMAP_CELL}" rx="2"'
            f"{focus}><title>{text}</title></rect>"
        )
        day += dt.timedelta(days=1)
    months = []
    for week in range(53):
        monday = first_monday + dt.timedelta(weeks=week)
        if monday.day <= 7:
            months.append(
                f'<text class="chart-label" x="{30 + week * step}" y="10">{monday:%b}</text>'
            )
    logged = len([d for d in values if first_monday <= d <= today])
    return mark_safe(
        render_to_string(
            "tracker/charts/heatmap.svg",
            {
                "width": 30 + 53 * step,
                "height": 14 + 7 * step,
                "cells": mark_safe("".join(cells)),
                "months": mark_safe("".join(months)),
                "description": f"Discomfort for each day of the last year; {logged} days logged. "
                "Darker means more discomfort; each day's value is in its tooltip and in the "
                "discomfort table.",
            },
        )
    )
