"""Issue 33: everything the trends keep between views that holds words is keyed by the active
language, so a drawing made for one language is never handed to another; what holds numbers
only needs no such key (and is shown to hold none). English drawings are byte for byte what
they were."""

import datetime as dt
import random
import re

import pytest
from django.utils import translation

from tracker.trends import (
    before_today,
    buckets,
    chart_points,
    charts,
    heatmap,
    heatmap_months,
    insights,
    strength_charts,
    words,
)
from tracker.trends.insights import MEASURES_BY_KEY, Series

TODAY = dt.date(2026, 11, 29)  # a Sunday
DISCOMFORT = MEASURES_BY_KEY["discomfort"]


@pytest.fixture(autouse=True)
def _nothing_kept():
    caches = (
        chart_points._drawn_before_last,
        chart_points._point_titles_in,
        heatmap._heatmap_days_in,
        strength_charts._path_before_last,
        words._date_in,
        words._days,
        words._translated,
    )
    for kept in caches:
        kept.cache_clear()
    before_today.KEPT.clear()
    yield
    before_today.KEPT.clear()
    for kept in caches:
        kept.cache_clear()


def _series(count: int = 40) -> Series:
    rng = random.Random(count)
    days = [TODAY - dt.timedelta(days=count - 1 - n) for n in range(count)]
    values = [None if rng.random() < 0.2 else rng.randint(0, 10) for _ in days]
    return Series(days, values, [None if v is None else v / 2 for v in values])


def _chart(series: Series, lang: str) -> str:
    with translation.override(lang):
        return charts.line_chart(
            measure=DISCOMFORT, series=series, goal=None, chart_id="c", caption="Discomfort"
        ).svg


def test_words_keys_change_with_the_language():
    day = dt.date(2016, 12, 5)
    with translation.override("en"):
        assert words.day_label(day) == "Mon 5 Dec 2016"  # what strftime gave
        assert (words.short_date(day), words.short_date_no_year(day)) == ("5 Dec 2016", "5 Dec")
        assert words.month_year(day) == "December 2016"
        assert words.number("1,234.5") == "1,234.5"
    with translation.override("es"):
        assert words.day_label(day) == "lun 5 Dic 2016"
        assert words.month_year(day) == "diciembre de 2016"
        assert words.number("3.5") == "3,5"
    assert words._date_in.cache_info().currsize == 6  # each answer kept per language
    with translation.override("en"):
        assert words.day_label(day) == "Mon 5 Dec 2016"


def test_the_kept_points_and_their_titles_are_kept_per_language():
    series = _series()
    english = _chart(series, "en")
    spanish = _chart(series, "es")
    assert chart_points._drawn_before_last.cache_info().currsize == 2
    assert chart_points._point_titles_in.cache_info().currsize == 2
    assert re.search(r"<title>(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ (Oct|Nov) 2026: ", english)
    assert re.search(r"<title>(lun|mar|mié|jue|vie|sáb|dom) \d+ (Oct|Nov) 2026: ", spanish)
    assert "Sun " not in spanish and "dom " not in english
    # English drawn again from what is kept is what it was: Spanish never replaced it.
    assert _chart(series, "en") == english
    assert chart_points._drawn_before_last.cache_info().hits >= 1


def test_english_charts_are_drawn_as_strftime_drew_them():
    series = _series(30)
    svg = _chart(series, "en")
    assert "Daily values from 31 Oct 2026 to 29 Nov 2026: " in svg
    assert ">31 Oct</text>" in svg and ">29 Nov 2026</text>" in svg
    assert "Dashed line: 7-day average." in svg


def test_a_weekly_and_a_monthly_point_say_their_date_in_the_language():
    day = dt.date(2016, 12, 5)
    with translation.override("en"):
        assert chart_points.point_label(day, buckets.WEEK) == "Week of Mon 5 Dec 2016"
        assert chart_points.point_label(day, buckets.MONTH) == "December 2016"
    with translation.override("es"):
        assert chart_points.point_label(day, buckets.WEEK) == "Semana del lun 5 Dic 2016"
        assert chart_points.point_label(day, buckets.MONTH) == "diciembre de 2016"


def test_the_heatmaps_kept_days_are_kept_per_language():
    values = {TODAY - dt.timedelta(days=n): n % 11 for n in range(0, 300, 2)}
    with translation.override("en"):
        english = heatmap.discomfort_heatmap(values, today=TODAY)
    with translation.override("es"):
        spanish = heatmap.discomfort_heatmap(values, today=TODAY)
    assert heatmap._heatmap_days_in.cache_info().currsize == 2
    assert "<title>Sun 29 Nov 2026: discomfort 0</title>" in english
    assert "<title>dom 29 Nov 2026: molestia 0</title>" in spanish
    assert ">Mon</text>" in english and ">lun</text>" in spanish
    assert "molestia sin registrar" in spanish and "not logged" not in spanish
    with translation.override("en"):
        assert heatmap.discomfort_heatmap(values, today=TODAY) == english


def test_a_squares_words_are_kept_per_language():
    """heatmap._cell_words: each value's words looked up once per language, and a Spanish
    heatmap never says a square's value in English."""
    heatmap._cell_words.cache_clear()
    before = heatmap.BeforeToday("", "", 0)
    drawn = {}
    for lang in ("en", "es", "en", "es"):
        with translation.override(lang):
            square = heatmap.with_today(before, today=TODAY, saved=True, value=3)
            drawn.setdefault(lang, set()).add(square)
    (english,), (spanish,) = drawn["en"], drawn["es"]
    assert ": discomfort 3</title>" in english and ": molestia 3</title>" in spanish
    assert heatmap._cell_words.cache_info().currsize == 2
    assert heatmap._cell_words.cache_info().hits == 2


def test_the_phrasebook_is_kept_per_language():
    """words._phrasebook: one book per language, read again from what is kept; its numbers
    and counts are that language's."""
    words._phrasebook.cache_clear()
    books, said = {}, {}
    for lang in ("en", "es", "en", "es"):
        with translation.override(lang):
            book = words.phrasebook()
            books.setdefault(lang, []).append(book)
            said[lang] = (book.number("3.5"), book.days(3))
    assert all(kept[0] is kept[1] for kept in books.values())
    assert said == {"en": ("3.5", "3 days"), "es": ("3,5", "3 días")}
    assert words._phrasebook.cache_info().currsize == 2


def test_the_months_tiles_say_their_months_in_the_language():
    values = {TODAY - dt.timedelta(days=n): 4 for n in range(60)}
    with translation.override("en"):
        english = heatmap_months.year_months(values, today=TODAY)
    with translation.override("es"):
        spanish = heatmap_months.year_months(values, today=TODAY)
    assert ">November<" in english and "29 days" in english and "average 4.0" in english
    assert ">Noviembre<" in spanish and "29 días" in spanish and "promedio 4,0" in spanish


def test_the_strength_charts_kept_path_holds_no_words():
    """Its line only (numbers): the same kept path serves both languages, and each chart's
    description is its own language's."""
    shares = [min(1.0, n / 50) for n in range(60)]
    first = TODAY - dt.timedelta(days=59)
    drawn = {}
    for lang in ("en", "es"):
        with translation.override(lang):
            drawn[lang] = strength_charts.strength_chart(
                label="Water goal", shares=shares, first=first, chart_id="s", caption="Water"
            ).svg
    assert strength_charts._path_before_last.cache_info().currsize == 1
    assert strength_charts._path_before_last.cache_info().hits == 1
    assert (
        "Water goal strength from 1 Oct 2026 to 29 Nov 2026: 100% on the last day." in (drawn["en"])
    )
    assert (
        "Fuerza de Water goal del 1 Oct 2026 al 29 Nov 2026: 100% el último día." in (drawn["es"])
    )


def test_the_days_before_today_kept_hold_numbers_only():
    """before_today keeps scores, whole-number sums, series and ticked days: a Spanish
    dashboard reads the very entries an English one made, and words its own insights."""
    rows = [
        insights.DayRow(TODAY - dt.timedelta(days=n), 3, 20 * (n % 3), 1500 + 100 * (n % 9),
                        n % 7, n % 11, n % 5 == 0, 12 + n % 6, "")
        for n in range(80, -1, -1)
    ]  # fmt: skip
    made = {}
    for lang in ("en", "es"):
        with translation.override(lang):
            made[lang] = before_today.goal_insights(
                rows, key="k", start=TODAY - dt.timedelta(days=29), today=TODAY,
                water_goal_ml=2000, exercise_goal_minutes=30, water=MEASURES_BY_KEY["water_ml"],
            )  # fmt: skip
            made[lang] = [(i.title, i.difference_words) for i in made[lang]]
    assert len(before_today.KEPT._items) == 1
    for value in before_today.KEPT._items.values():
        assert all(isinstance(n, int) for sums in value for n in sums)
    assert made["en"][0][0] == "Posture 4 or better"
    assert made["es"][0][0] == "Postura 4 o mejor"
    assert made["en"] != made["es"]
