"""Issue 30: the year of discomfort's drawings of the days before today are kept
(tracker.trends.before_today.DRAWN) and today's square and month added on each view: the very
markup one drawing of every day gives, in the view's language, and never a kept drawing for
other days, another day, language or address."""

import datetime as dt
import random
import re

import pytest
from django.urls import include, path, set_script_prefix, set_urlconf
from django.utils import translation

from tracker.trends import before_today, heatmap, heatmap_months
from tracker.trends.board import Dashboard
from tracker.trends.series import DayRow

TODAY = dt.date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _nothing_kept():
    before_today.KEPT.clear()
    before_today.DRAWN.clear()
    yield
    before_today.KEPT.clear()
    before_today.DRAWN.clear()
    set_script_prefix("/")


def _rows(seed: int, *, today: str = "logged", days: int = 400) -> list[DayRow]:
    rng = random.Random(seed)
    rows = []
    for offset in range(days, -1, -1):
        if (offset == 0 and today == "none") or (offset > 0 and rng.random() < 0.15):
            continue
        discomfort = None if rng.random() < 0.1 else rng.randint(0, 10)
        if offset == 0 and today == "no discomfort":
            discomfort = None
        rows.append(
            DayRow(TODAY - dt.timedelta(days=offset), 3, 20, 1500, 4, discomfort, False, 14, 5)
        )
    return rows


def _dashboard(rows, *, today=TODAY, account="1@2020-01-01", days_shown=365) -> Dashboard:
    return Dashboard(
        account=account, range_key=str(days_shown), today=today,
        start=today - dt.timedelta(days=days_shown - 1),
        rows=rows, goals={"water_ml": 2000, "exercise_minutes": 30}, water_unit="ml",
        streaks=[], streaks_all_time=False, alerts=[], away=[],
    )  # fmt: skip


def _one_pass(rows, *, today=TODAY) -> tuple[str, str]:
    values = {row.date: row.discomfort for row in rows}
    return (
        heatmap.discomfort_heatmap(values, today=today),
        heatmap_months.year_months(values, today=today),
    )


def _drawn(rows, **kwargs) -> tuple[str, str]:
    dashboard = _dashboard(rows, **kwargs)
    return dashboard.heatmap, dashboard.year_months


@pytest.mark.parametrize("today", ["logged", "none", "no discomfort"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_todays_square_and_month_added_to_the_kept_days_are_one_drawing(today, lang):
    rows = _rows(1, today=today)
    with translation.override(lang):
        assert _drawn(rows) == _one_pass(rows)
        assert len(before_today.DRAWN._items) == 2
        # Today's check-in saved, changed, removed: the kept days answer, today's follows.
        before, _ = before_today.split(rows, TODAY)
        for todays in ([], [DayRow(TODAY, 3, 20, 1500, 4, 7, False, 14, 5)],
                       [DayRow(TODAY, 3, 20, 1500, 4, None, False, 14, 5)]):  # fmt: skip
            changed = [*before, *todays]
            assert _drawn(changed) == _one_pass(changed)
        assert len(before_today.DRAWN._items) == 2


def test_todays_check_in_shows_in_its_square_its_month_and_the_count():
    rows = _rows(2, today="none")
    heat, months = _drawn(rows)
    logged = [*rows, DayRow(TODAY, 3, 20, 1500, 4, 9, False, 14, 5)]
    heat_logged, months_logged = _drawn(logged)
    assert "<title>Sun 29 Nov 2026: discomfort not logged</title>" in heat
    assert "<title>Sun 29 Nov 2026: discomfort 9</title>" in heat_logged
    count = len([row for row in rows if row.date >= dt.date(2025, 11, 24)])
    assert f"; {count} days logged." in heat and f"; {count + 1} days logged." in heat_logged
    assert 'hm-bg-none ym-today"' in months and 'hm-bg-4 ym-today"' in months_logged


def test_the_kept_drawings_are_keyed_by_each_input():
    """The days before today (any one of their discomforts), the account, today, the language
    and the history page's address each make their own entry, drawn afresh and right."""
    rows = _rows(3)
    _drawn(rows)
    keys = set(before_today.DRAWN._items)
    yesterday = rows[-2]
    edited = [*rows[:-2], yesterday._replace(discomfort=(yesterday.discomfort or 0) + 1), rows[-1]]
    older = rows[60]  # well inside the heatmap's year (the days before it: the next test)
    moved = [*rows[:60], older._replace(discomfort=None), *rows[61:]]
    for changed in (edited, moved):
        assert _drawn(changed) == _one_pass(changed)
    assert _drawn(rows, account="1@2021-01-01") == _one_pass(rows)
    tomorrow = TODAY + dt.timedelta(days=1)
    assert _drawn(rows, today=tomorrow) == _one_pass(rows, today=tomorrow)
    with translation.override("es"):
        spanish = _drawn(rows)
        assert spanish == _one_pass(rows)
        assert "molestia" in spanish[0] and "Noviembre" in spanish[1]
    set_script_prefix("/elsewhere/")
    moved_site = _drawn(rows)
    assert moved_site == _one_pass(rows) and 'href="/elsewhere/history/?month=' in moved_site[1]
    assert 'href="/elsewhere/checkin/' in moved_site[0]
    # Two entries (the heatmap's and the months') for each of the seven, none reused.
    assert len(before_today.DRAWN._items) == 2 * 7
    assert keys < set(before_today.DRAWN._items)


# The app's addresses one folder down: the drawings under another URL configuration.
urlpatterns = [path("elsewhere/", include("backhabits.urls"))]


def test_another_url_configuration_has_its_own_kept_drawings():
    """The squares link to their check-ins as the URL configuration routes them: the kept
    squares (before_today.DRAWN) and each week's links (heatmap._heatmap_days_in) are keyed
    by it, as by the prefix."""
    heatmap._heatmap_days_in.cache_clear()
    rows = _rows(3)
    at_root = _drawn(rows)
    try:
        set_urlconf(__name__)
        elsewhere = _drawn(rows)
        assert elsewhere == _one_pass(rows)
    finally:
        set_urlconf(None)
    assert 'href="/elsewhere/checkin/' in elsewhere[0] and 'href="/checkin/' not in elsewhere[0]
    assert 'href="/checkin/' in at_root[0] and _drawn(rows) == at_root


def test_every_range_open_on_a_day_shares_the_kept_drawings():
    """They are drawn from the year's days before today alone: the range, and days loaded
    from before the year (habit strength's warm-up), leave their key alone."""
    rows = _rows(5, days=600)
    drawn = _drawn(rows)
    assert drawn == _one_pass(rows)
    keys = set(before_today.DRAWN._items)
    for days_shown in (7, 30, 90):
        assert _drawn(rows, days_shown=days_shown) == drawn
    year_start = TODAY - dt.timedelta(days=heatmap.HEATMAP_DAYS)
    in_year = [row for row in rows if row.date >= year_start]
    assert _drawn(in_year) == drawn  # loaded without the warm-up days
    oldest = rows[0]
    assert oldest.date < year_start
    assert _drawn([oldest._replace(discomfort=9), *rows[1:]]) == drawn
    assert set(before_today.DRAWN._items) == keys  # still the first two entries
    # The year's first day is in it: changing it draws afresh.
    first = rows.index(in_year[0])
    moved = [*rows[:first], in_year[0]._replace(posture=1), *rows[first + 1 :]]
    assert _drawn(moved) == _one_pass(moved)
    assert len(before_today.DRAWN._items) == 4


def test_the_kept_drawings_are_bounded():
    rows = _rows(4, days=60)
    for n in range(before_today.DRAWN_AT_MOST):
        _drawn(rows, account=f"{n}@2020-01-01")
    assert len(before_today.DRAWN._items) == before_today.DRAWN_AT_MOST


@pytest.mark.parametrize("length", [1, 2, 30, 90, 91, 365, 366, 800])
def test_a_strength_charts_kept_point_days_are_keyed_by_first_day_and_length(length):
    from tracker.trends import strength_charts

    for first in (TODAY - dt.timedelta(days=length - 1), TODAY - dt.timedelta(days=length)):
        step = strength_charts.strength_step(length)
        keep = [*range(0, length - 1, step), length - 1]
        expected = (tuple(keep), tuple(first + dt.timedelta(days=i) for i in keep))
        assert strength_charts._kept_points(first, length) == expected


def test_the_pages_kept_fragments_link_under_the_sites_own_address(logged_in_client, user):
    """The trends page keeps its range and its year as fragments holding links: a site served
    under another address (the same process, another script prefix) gets its own."""
    from django.core.cache import caches
    from django.urls import get_script_prefix
    from django.utils import timezone

    from tests.factories import make_checkin

    caches["fragments"].clear()
    for offset in range(1, 40):
        make_checkin(user, timezone.localdate() - dt.timedelta(days=offset), discomfort=3)
    pages = {}
    for prefix in ("/", "/elsewhere/", "/"):
        set_script_prefix(prefix)
        # The test client leaves the script prefix as it is (a WSGI server sets it per request).
        html = logged_in_client.get("/trends/?range=30").content.decode()
        assert get_script_prefix() == prefix
        pages.setdefault(prefix, html)
        tables = re.findall(r'class="chart-table-link" href="([^"?]+)', html)
        months = re.findall(r'href="([^"?]*)\?month=', html)
        assert tables and months
        assert all(link.startswith(f"{prefix}trends/table/") for link in tables), prefix
        assert all(link == f"{prefix}history/" for link in months), prefix
    assert len(caches["fragments"]._cache) == 4  # the range's and the year's, per address
