"""Issue 30: the habit strength figures and the streak table's day counts are drawn in Python
(tracker.trends.figures.strength_figures, tracker.trends.streaks.days_words), from the
template's own messages: the markup the template's loop and sentences drew, in either
language, every value escaped as they escaped it."""

import pytest
from django.template import engines
from django.test import override_settings
from django.utils.safestring import mark_safe
from django.utils.translation import override

from tracker.trends import figures, streaks
from tracker.trends.charts import Chart

_LOOP = (
    "{% load i18n %}{% for habit, label, percent, chart in habit_charts %}\n"
    '    <figure class="chart-figure" id="figure-strength-{{ habit }}">\n'
    "      <figcaption>{% blocktranslate trimmed %}<strong>{{ label }}</strong> · "
    '<span data-habit-strength="{{ habit }}">{{ percent }}%</span> today{% endblocktranslate %}'
    "</figcaption>\n"
    "      {{ chart.svg }}\n"
    "    </figure>\n"
    "    {% endfor %}"
)
_DAYS = (
    "{% load i18n %}{% blocktranslate trimmed count days=days %}{{ days }} day{% plural %}"
    "{{ days }} days{% endblocktranslate %}"
)


def _render(text: str, **context) -> str:
    return engines["django"].from_string(text).render(context)


def _chart(svg: str) -> Chart:
    return Chart(None, None, mark_safe(svg), "day", 0, None, False)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_strength_figures_are_the_templates_loop(lang):
    habit_charts = [
        ("water", "Water goal", 85, _chart('<svg class="chart">water</svg>')),
        ("x<&>", 'A "label" <b>', 1234, _chart("<svg>it's</svg>")),
        ("posture", "Posture 4 or better", 0, _chart("<svg/>")),
    ]
    with override(lang):
        drawn = figures.strength_figures(habit_charts)
        assert drawn == _render(_LOOP, habit_charts=habit_charts)
    assert "A &quot;label&quot; &lt;b&gt;" in drawn and "<svg>it's</svg>" in drawn
    assert ("hoy" in drawn) == (lang == "es")
    assert figures.strength_figures([]) == ""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_streaks_days_are_the_templates_sentence(lang):
    with override(lang):
        for count in (0, 1, 2, 7, 365, 1234, 3650):
            assert streaks.days_words(count) == _render(_DAYS, days=count)
    with override_settings(USE_THOUSAND_SEPARATOR=True), override(lang):
        assert streaks.days_words(1234) == _render(_DAYS, days=1234)
        assert streaks.days_words(1234) != "1234 days"


def test_the_days_words_are_kept_per_language_and_grouping():
    streaks._days_words_in.cache_clear()
    with override("en"):
        english = streaks.days_words(2)
    with override("es"):
        spanish = streaks.days_words(2)
    assert (english, spanish) == ("2 days", "2 días")
    with override_settings(USE_THOUSAND_SEPARATOR=True), override("en"):
        assert streaks.days_words(1234) == "1,234 days"
    with override("en"):
        assert streaks.days_words(1234) == "1234 days"
    assert streaks._days_words_in.cache_info().currsize == 4


def test_the_table_reads_them_from_each_streak():
    streak = streaks.Streak("water", "Water", current=1, longest=12)
    with override("en"):
        assert (streak.current_days, streak.longest_days) == ("1 day", "12 days")


_RANGE = (
    '{% load i18n %}{% translate "j F Y" context "date format: day, month, year" as long_date %}'
    "{% with start=dashboard.start|date:long_date end=dashboard.today|date:long_date %}"
    "{% blocktranslate trimmed count days=dashboard.logged_days %}From {{ start }} to {{ end }}: "
    "{{ days }} day logged. Days you didn't log are gaps, not zeros.{% plural %}From {{ start }} "
    "to {{ end }}: {{ days }} days logged. Days you didn't log are gaps, not zeros."
    "{% endblocktranslate %}{% endwith %}"
)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("logged", [0, 1, 2, 365, 3650])
def test_the_range_sentence_is_the_templates(lang, logged):
    import datetime as dt

    from tracker.trends.board import Dashboard

    today = dt.date(2026, 11, 29)
    dashboard = Dashboard(
        account="1@2020-01-01", range_key="365", start=today - dt.timedelta(days=364),
        today=today, rows=[], goals={"water_ml": 2000, "exercise_minutes": 30},
        water_unit="ml", streaks=[], streaks_all_time=False, alerts=[], away=[],
    )  # fmt: skip
    dashboard.logged_days = logged
    with override(lang):
        assert dashboard.range_sentence == _render(_RANGE, dashboard=dashboard)
    with override_settings(USE_THOUSAND_SEPARATOR=True), override(lang):
        del dashboard.range_sentence
        assert dashboard.range_sentence == _render(_RANGE, dashboard=dashboard)
    assert ("didn't log" if lang == "en" else "huecos, no ceros") in dashboard.range_sentence
