"""The trends page's repeated markup (chart figures, insight lines), drawn in Python.

Through the template each chart figure was ~15 nodes and each insight line 4, ~200 nodes on a
page with eighteen own factors: a fifth of drawing the range. The markup is the one
partials/trends_range.html drew, every value escaped as the template escaped it."""

import datetime as dt
from collections.abc import Iterable

from django.utils.formats import localize
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from tracker.links import reverse_once
from tracker.trends.charts import Chart
from tracker.trends.heatmap import heatmap_level
from tracker.trends.insights import (
    ABOUT_THE_SAME,
    INSIGHT_MIN_DAYS,
    NEXT_DAY,
    NEXT_DAY_WAITING,
    Comparison,
    Insight,
    ranked,
)
from tracker.trends.words import Phrasebook, long_date, phrasebook


def chart_figures(charts: Iterable[Chart], *, range_key: str) -> SafeString:
    """Each measure's figure: caption, chart, legend and its "Show as table" link."""
    parts = []
    # The words every figure shares, looked up once a page.
    your_goal = gettext("your goal")  # (outside the f-string: makemessages reads no f-string)
    goal_legend = f'<span><span class="legend-line legend-goal"></span>{escape(your_goal)}</span>'
    rolling = escape(gettext("7-day average"))
    show_as_table = escape(gettext("Show as table"))
    for chart in charts:
        key = escape(chart.measure.key)
        label = escape(chart.measure.label)
        table_url = f"{escape(reverse_once('tracker:measure_table', chart.measure.key))}"
        table_url += f"?range={escape(range_key)}"
        goal = goal_legend if chart.goal_drawn else ""
        parts.append(
            f'<figure class="chart-figure" id="figure-{key}">'
            f"<figcaption><strong>{label}</strong> · {escape(chart.summary)}</figcaption>"
            f"{escape(chart.svg)}"
            '<p class="chart-legend small" aria-hidden="true"><span>'
            f'<span class="legend-line"></span>{escape(chart.each)}</span><span>'
            f'<span class="legend-line legend-rolling"></span>{rolling}</span>{goal}</p>'
            f'<a class="chart-table-link" href="{table_url}" hx-get="{table_url}" '
            f'hx-target="this" hx-swap="outerHTML">{show_as_table}'
            f'<span class="visually-hidden">: {label}</span></a></figure>'
        )
    return mark_safe("".join(parts))


def range_sentence(start: dt.date, end: dt.date, logged_days: int) -> SafeString:
    """ "From 1 December 2025 to 30 November 2026: 300 days logged. ...", the range's line as
    its template sentence said it (the same messages; the dates and the count written and
    escaped as the template wrote them, the sentence itself not escaped)."""
    words = {
        "start": escape(long_date(start)),
        "end": escape(long_date(end)),
        "days": escape(localize(logged_days)),
    }
    return mark_safe(
        ngettext(
            "From %(start)s to %(end)s: %(days)s day logged. Days you didn't log are "
            "gaps, not zeros.",
            "From %(start)s to %(end)s: %(days)s days logged. Days you didn't log are "
            "gaps, not zeros.",
            logged_days,
        )
        % words
    )


def strength_figures(habit_charts: Iterable[tuple[str, str, int, Chart]]) -> SafeString:
    """Each habit's strength figure, as the template's loop drew it (its whitespace too): the
    caption is the template's sentence (the same message), its values escaped."""
    caption = gettext(
        '<strong>%(label)s</strong> · <span data-habit-strength="%(habit)s">%(percent)s%%</span>'
        " today"
    )
    parts = []
    for habit, label, percent, chart in habit_charts:
        # Every value escaped, as the template's {{ }} did (the percent written as it wrote it).
        words = {
            "label": escape(label),
            "habit": escape(habit),
            "percent": escape(localize(percent)),
        }
        parts.append(
            f'\n    <figure class="chart-figure" id="figure-strength-{escape(habit)}">\n'
            f"      <figcaption>{caption % words}</figcaption>\n"
            f"      {escape(chart.svg)}\n    </figure>\n    "
        )
    return mark_safe("".join(parts))


def insight_items(goals: Iterable[Insight], tags: Iterable[Insight]) -> SafeString:
    """The insight lines: those with enough days to compare, the strongest first
    (tracker.trends.insights.ranked), each with its two averages drawn as bars; then one line
    for the rest, saying what each still needs."""
    goals, tags = list(goals), list(tags)
    from_tags = {id(insight) for insight in tags}
    found = ranked([*goals, *tags])
    averaged = escape(gettext("discomfort averaged"))  # once a page, not once an insight
    book = phrasebook()
    parts = [
        _compared_item(
            insight,
            marker=" data-tag-insight" if id(insight) in from_tags else "",
            averaged=averaged,
            book=book,
        )
        for insight in found.compared
    ]
    if found.waiting:
        waiting = "; ".join(
            f"{escape(insight.title)}: {escape(insight.waiting_words)}" for insight in found.waiting
        )
        sentence = ngettext(
            "<strong>Not enough days to compare yet</strong> (each needs %(days)s day each "
            "way, with discomfort logged too): %(waiting)s.",
            "<strong>Not enough days to compare yet</strong> (each needs %(days)s days each "
            "way, with discomfort logged too): %(waiting)s.",
            INSIGHT_MIN_DAYS,
        ) % {"days": INSIGHT_MIN_DAYS, "waiting": waiting}
        parts.append(f'<li class="insights-waiting" data-insights-waiting>{sentence}</li>')
    return mark_safe("".join(parts))


def _compared_item(insight: Insight, *, marker: str, averaged: str, book: Phrasebook) -> str:
    """One insight: what it found in words, its two averages as bars beside their numbers and
    day counts (the bars are drawn; the text says it all), and the day after in words. Its
    sentences are the Insight's own (difference_words, next_day_sentence, side_labels),
    escaped, read from `book` (the active language's, looked up once a page)."""
    days = insight.same_day
    sentences = insight._sentences
    sides = (
        (book.escaped(sentences.met_label), days.met_mean, days.met_days),
        (book.escaped(sentences.missed_label), days.missed_mean, days.missed_days),
    )
    bars = "".join(
        [
            f'<li><span class="insight-side">{label} · '
            f"{book.days(count)}</span>"
            f"{_bar(mean)}"
            f'<span class="insight-value"><span class="visually-hidden">{averaged} '
            f"</span>{book.number(f'{mean:.1f}')}</span></li>"
            for label, mean, count in sides
        ]
    )
    difference = days.difference  # an insight compared has one: its strength is its size
    if not difference:
        difference_words = book.escaped(ABOUT_THE_SAME)
    else:
        sentence = sentences.higher if difference > 0 else sentences.lower
        difference_words = book.escaped(sentence) % {
            "difference": book.escaped_number(f"{abs(difference):.1f}")
        }
    return (
        f'<li class="insight"{marker} data-strength="{abs(difference):.1f}">'
        f"<p><strong>{escape(insight.title)}</strong>: {difference_words}.</p>"
        f'<ul class="insight-bars">{bars}</ul>'
        f'<p class="small">{_next_day(insight.next_day, book)}</p></li>'
    )


def _next_day(days: Comparison, book: Phrasebook) -> str:
    """Insight.next_day_sentence, escaped."""
    if not days.enough:
        return book.escaped(NEXT_DAY_WAITING)
    return book.escaped(NEXT_DAY) % {
        "met_mean": book.escaped_number(f"{days.met_mean:.1f}"),
        "met_days": book.escaped_days(days.met_days),
        "missed_mean": book.escaped_number(f"{days.missed_mean:.1f}"),
        "missed_days": book.escaped_days(days.missed_days),
    }


def _bar(mean: float) -> str:
    """A discomfort average (0 to 10) as a bar across its 0 to 10 track, coloured by the
    heatmap's band for it. Drawn, not styled: the page's CSP allows no inline style."""
    width = f"{max(0.0, min(10.0, mean)) * 10:.1f}"
    return (
        '<svg class="insight-bar" viewBox="0 0 100 10" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false"><rect class="insight-track" width="100" '
        f'height="10" rx="2"/><rect class="hm-{heatmap_level(round(mean))}" width="{width}" '
        'height="10" rx="2"/></svg>'
    )
