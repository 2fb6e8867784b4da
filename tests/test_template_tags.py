"""tracker.templatetags.backhabits: the facts the templates read from the modules that own them;
tracker.templatetags.id_urls: what the url tag writes, quicker."""

import datetime as dt
from pathlib import Path

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import NoReverseMatch, include, path, reverse, set_script_prefix, set_urlconf

from tracker.dates import day_name
from tracker.days import peg
from tracker.templatetags import id_urls
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


@pytest.mark.parametrize("pk", [0, 1, 42, 7391046825513, 10**12])
def test_an_id_url_is_the_url_tags_own(pk):
    for name in ("tracker:tracked_rename", "tracker:tracked_retire", "tracker:care_alert"):
        drawn = Template("{% load id_urls %}{% id_url name pk %}").render(
            Context({"name": name, "pk": pk})
        )
        assert drawn == reverse(name, args=[pk])
        assert drawn == Template("{% url name pk %}").render(Context({"name": name, "pk": pk}))


def test_an_id_url_follows_the_script_prefix_and_refuses_what_url_refuses():
    try:
        set_script_prefix("/under/here/")
        assert (
            id_urls.id_url("tracker:tracked_rename", 5) == "/under/here/settings/tracked/5/rename/"
        )
    finally:
        set_script_prefix("/")
    assert id_urls.id_url("tracker:tracked_rename", 5) == "/settings/tracked/5/rename/"
    for refused in (-1, "x"):
        with pytest.raises(NoReverseMatch):
            id_urls.id_url("tracker:tracked_rename", refused)
    with pytest.raises(NoReverseMatch):
        id_urls.id_url("tracker:no_such_page", 5)


# The app's URLs somewhere else, as another URLconf would place them.
urlpatterns = [path("elsewhere/", include("tracker.urls"))]


def test_an_id_url_follows_the_urlconf_of_the_request_and_of_the_site():
    assert id_urls.id_url("tracker:tracked_retire", 3) == "/settings/tracked/3/retire/"
    try:
        set_urlconf(__name__)  # what a request with its own urlconf sets
        assert (
            id_urls.id_url("tracker:tracked_retire", 3) == "/elsewhere/settings/tracked/3/retire/"
        )
    finally:
        set_urlconf(None)
    with override_settings(ROOT_URLCONF=__name__):
        assert (
            id_urls.id_url("tracker:tracked_retire", 4) == "/elsewhere/settings/tracked/4/retire/"
        )
    assert id_urls.id_url("tracker:tracked_retire", 4) == "/settings/tracked/4/retire/"
