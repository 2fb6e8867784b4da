"""The trends page draws the year twice, months for a phone and the grid of days for a wide
screen (the stylesheet shows one), in one cached fragment under the year's fingerprint."""

import datetime as dt
import re

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.factories import make_checkin


@pytest.fixture
def fragment_cache(settings):
    """The production fragment cache, whatever DJANGO_DEBUG says (it is off in development)."""
    fragments = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "h31"}
    settings.CACHES = {**settings.CACHES, "fragments": fragments}
    yield
    caches["fragments"].clear()


def test_the_page_holds_the_months_and_the_grid(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    make_checkin(user, today, discomfort=8)
    html = logged_in_client.get(reverse("tracker:trends")).content.decode()
    assert '<ul class="year-months year-narrow"' in html
    assert '<div class="heatmap-wrap year-wide"' in html
    month = re.search(r'<a class="year-month" href="([^"]+)"', html).group(1)
    assert month == f"/history/?month={today:%Y-%m}"
    calendar = logged_in_client.get(month)
    assert calendar.context["month"].first == today.replace(day=1)
    # Its day there is a full-size link to the day's check-in.
    assert f'href="/checkin/{today.isoformat()}/"' in calendar.content.decode()
    # The legend's items never break inside themselves ("7–/10").
    assert html.count('<span class="legend-item">') == 6


def test_a_check_in_redraws_the_months_at_once(
    logged_in_client, user, each_kind_of_day, fragment_cache
):
    today = each_kind_of_day
    make_checkin(user, today, discomfort=2)
    url = reverse("tracker:trends")
    assert "average 2.0" in logged_in_client.get(url).content.decode()
    assert "average 2.0" in logged_in_client.get(url).content.decode()  # from the cache
    if today.day > 1:  # yesterday is in this month
        make_checkin(user, today - dt.timedelta(days=1), discomfort=6)
    logged_in_client.post(reverse("tracker:checkin"), {"discomfort": "4"})
    html = logged_in_client.get(url).content.decode()
    expected = "average 5.0" if today.day > 1 else "average 4.0"  # (6 + 4) / 2, or 4 alone
    assert expected in html and "average 2.0" not in html
