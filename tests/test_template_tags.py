"""tracker.templatetags.backhabits: the facts the templates read from the modules that own them."""

import datetime as dt
from pathlib import Path

from django.template import Context, Template
from django.template.loader import render_to_string

from tracker.dates import day_name
from tracker.days import peg
from tracker.trends import charts

STATIC = Path(__file__).resolve().parents[1] / "static"


def _render(source: str, **context) -> str:
    return Template("{% load backhabits %}" + source).render(Context(context))


def test_a_day_is_named_one_way_in_code_and_in_templates():
    day = dt.date(2027, 3, 1)
    assert day_name(day) == "Monday 1 March"
    assert _render("{{ day|day_name }}", day=day) == "Monday 1 March"


def test_the_peg_threshold_in_the_pages_is_the_scales_own():
    assert _render("{% peg_meaningful_percent %}") == "30" == str(peg.MEANINGFUL_CHANGE_PERCENT)


def test_the_heatmap_legend_has_one_swatch_per_colour_band_covering_0_to_10():
    html = render_to_string("tracker/partials/heatmap_legend.html")
    assert html.count("legend-swatch hm-") == len(charts.HEATMAP_BANDS) + 1  # and "not logged"
    lows = [low for low, _ in charts.HEATMAP_BANDS]
    highs = [high for _, high in charts.HEATMAP_BANDS]
    assert lows[0] == 0 and highs[-1] == 10
    assert lows[1:] == [high + 1 for high in highs[:-1]]  # no gaps, no overlaps
    for level, (low, high) in enumerate(charts.HEATMAP_BANDS):
        assert charts.heatmap_level(low) == charts.heatmap_level(high) == str(level)


def test_the_offline_water_tap_reads_its_size_from_the_page():
    script = (STATIC / "js" / "offline.js").read_text()
    assert 'getAttribute("data-quick-add")' in script
    assert "250" not in script


def test_the_page_assets_are_drawn_once_per_process_and_each_time_in_development(settings):
    from unittest import mock

    from tracker.templatetags import page_assets

    page_assets._drawn_once.cache_clear()
    with mock.patch.object(page_assets, "render_to_string", wraps=render_to_string) as drawn:
        settings.DEBUG = False
        first, again = page_assets.page_assets(), page_assets.page_assets()
        assert first == again and drawn.call_count == 1
        assert 'rel="stylesheet"' in first and 'integrity="sha384-' in first
        settings.STATIC_URL = "/elsewhere/"
        assert 'href="/elsewhere/css/app' in page_assets.page_assets()  # its own settings
        settings.DEBUG = True
        page_assets.page_assets(), page_assets.page_assets()
        assert drawn.call_count == 4
    page_assets._drawn_once.cache_clear()
