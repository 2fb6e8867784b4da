"""The trends page's repeated markup (chart figures, insight lines), drawn in Python.

Through the template each chart figure was ~15 nodes and each insight line 4, ~200 nodes on a
page with eighteen own factors: a fifth of drawing the range. The markup is the one
partials/trends_range.html drew, every value escaped as the template escaped it."""

from collections.abc import Iterable

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe

from tracker.links import reverse_once
from tracker.trends.charts import Chart
from tracker.trends.insights import Insight

_GOAL_LEGEND = '<span><span class="legend-line legend-goal"></span>your goal</span>'


def chart_figures(charts: Iterable[Chart], *, range_key: str) -> SafeString:
    """Each measure's figure: caption, chart, legend and its "Show as table" link."""
    parts = []
    for chart in charts:
        key = escape(chart.measure.key)
        label = escape(chart.measure.label)
        table_url = f"{escape(reverse_once('tracker:measure_table', chart.measure.key))}"
        table_url += f"?range={escape(range_key)}"
        goal = _GOAL_LEGEND if chart.goal_drawn else ""
        parts.append(
            f'<figure class="chart-figure" id="figure-{key}">'
            f"<figcaption><strong>{label}</strong> · {escape(chart.summary)}</figcaption>"
            f"{escape(chart.svg)}"
            '<p class="chart-legend small" aria-hidden="true"><span>'
            f'<span class="legend-line"></span>{escape(chart.each)}</span><span>'
            f'<span class="legend-line legend-rolling"></span>7-day average</span>{goal}</p>'
            f'<a class="chart-table-link" href="{table_url}" hx-get="{table_url}" '
            'hx-target="this" hx-swap="outerHTML">Show as table'
            f'<span class="visually-hidden">: {label}</span></a></figure>'
        )
    return mark_safe("".join(parts))


def insight_items(goals: Iterable[Insight], tags: Iterable[Insight]) -> SafeString:
    """The insight lines: the habits' first, then each pain relief's and own factor's."""
    return mark_safe(
        "".join(
            [
                f"<li{marker}><strong>{escape(insight.title)}</strong>: "
                f"{escape(insight.same_day_sentence)} {escape(insight.next_day_sentence)}</li>"
                for marker, insights in (("", goals), (" data-tag-insight", tags))
                for insight in insights
            ]
        )
    )
