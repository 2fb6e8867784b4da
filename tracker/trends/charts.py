"""Numbers to server-rendered SVG. Markup is built here with f-strings from numbers, dates and
our own labels (no user text; captions are escaped anyway), because a year of five charts is
about 1,800 points and a template per point would dominate the page. Ranges longer than that
are drawn as weekly or monthly averages (tracker.trends.buckets), and say so. The points
themselves, and the geometry they share with the habit-strength charts, are
tracker.trends.chart_points."""

import datetime as dt
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from tracker.trends import buckets
from tracker.trends.buckets import DAY, MONTH, WEEK, as_drawn, weekly  # noqa: F401
from tracker.trends.chart_points import (
    HEIGHT,
    PAD_LEFT,
    PAD_RIGHT,
    PAD_TOP,
    PLOT_H,
    WIDTH,
    plain_number,
    points,
)
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
    month_year,
    number,
    phrasebook,
    short_date,
    short_date_no_year,
)


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


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


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

    circles, line_d, rolling_d = points(
        tuple(shown.days), bucket, tuple(shown.values), tuple(shown.rolling), top, scale
    )
    goal_markup = ""
    if goal is not None and low <= goal <= high:
        goal_words = gettext("goal %(goal)s") % {"goal": number(plain_number(goal))}
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
            "goal": number(plain_number(goal))
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
                f"<td>{not_logged if value is None else book.number(plain_number(value))}</td>"
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
            f'text-anchor="end">{number(plain_number(value))}</text>'
        )
    return "".join(lines)
