"""The year of discomfort as months a phone can open (tracker.trends.heatmap_months), and the
fingerprints the trends page caches its drawings by: they cover the months and the ranked
insights, so a change that redraws either always changes its fingerprint."""

import calendar
import datetime as dt
import re

from tracker.days.tracked import Entry
from tracker.trends import heatmap_months
from tracker.trends import insights as trends_insights
from tracker.trends.board import Dashboard
from tracker.trends.insights import DayRow


def _tiles(html: str) -> list[str]:
    return re.findall(r"<li><a class=\"year-month\".*?</a></li>", html)


def _month(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def test_the_months_run_from_the_first_logged_one_to_this_one_newest_first(each_kind_of_day):
    today = each_kind_of_day
    this_month = today.replace(day=1)
    assert heatmap_months.shown_months({}, today=today) == [this_month]
    # A day logged five months back: six months, this one first.
    five_back = _month(today, 5) + dt.timedelta(days=3)
    assert heatmap_months.shown_months({five_back: 4}, today=today) == [
        _month(today, back) for back in range(6)
    ]
    # Never more than twelve, all inside the heatmap's year; a day saved without discomfort
    # counts as logged too (its month has days to open).
    long_ago = {today - dt.timedelta(days=400): 3, _month(today, 11): None}
    shown = heatmap_months.shown_months(long_ago, today=today)
    assert shown == [_month(today, back) for back in range(12)]
    assert (today - shown[-1]).days < 366


def test_each_month_links_to_its_calendar_with_its_days_and_numbers(each_kind_of_day):
    today = each_kind_of_day
    last_month_day = _month(today, 1) + dt.timedelta(days=9)
    values = {today: 8, last_month_day: 2, last_month_day + dt.timedelta(days=1): 5}
    html = heatmap_months.year_months(values, today=today)
    tiles = _tiles(html)
    assert len(tiles) == 2
    this, last = tiles
    assert f'href="/history/?month={today:%Y-%m}"' in this
    assert f'href="/history/?month={last_month_day:%Y-%m}"' in last
    assert f"{today:%B}" in this and f"{last_month_day:%B}" in last
    # A square per day of the month up to today, the first under its weekday.
    assert this.count('class="ym-day ') == today.day
    days_last = calendar.monthrange(last_month_day.year, last_month_day.month)[1]
    assert last.count('class="ym-day ') == days_last
    assert f"ym-start-{_month(today, 1).weekday() + 1}" in last
    squares = re.findall(r'class="ym-day hm-bg-(\w+)', last)
    assert squares[9:11] == ["1", "3"] and squares.count("none") == days_last - 2
    assert re.findall(r'class="ym-day hm-bg-(\w+) ym-today"', this) == ["4"]
    # The numbers in words: the link's name says them.
    assert "1 day" in this and "average 8.0" in this
    assert "2 days" in last and "average 3.5" in last
    assert 'aria-hidden="true"' in this  # the squares are a picture of the words


def test_a_month_with_nothing_logged_says_so(each_kind_of_day):
    html = heatmap_months.year_months({}, today=each_kind_of_day)
    assert "no discomfort logged" in html and len(_tiles(html)) == 1


# --- what the fingerprints cover ------------------------------------------------------------


def _dashboard(rows, *, today, goals=None, items=None, range_key="30") -> Dashboard:
    return Dashboard(
        account="7@2026-01-01T00:00:00+00:00",
        range_key=range_key,
        start=today - dt.timedelta(days=29),
        today=today,
        rows=rows,
        goals=goals or {"water_ml": 2000, "exercise_minutes": 30},
        water_unit="ml",
        streaks=[],
        streaks_all_time=False,
        alerts=[],
        away=[],
        items=items,
    )


def _rows(today: dt.date, changes: dict | None = None, *, days: int = 40) -> list[DayRow]:
    rows = []
    for back in range(days - 1, -1, -1):
        row = DayRow(today - dt.timedelta(days=back), 2 + back % 3, 30 * (back % 2),
                     1000 + 500 * (back % 3), 2 + back % 5, back % 9,
                     item_ids="[1]" if back % 2 else "[]")  # fmt: skip
        rows.append(row._replace(**(changes or {}).get(back, {})))
    return rows


def test_the_years_fingerprint_covers_the_months_drawn(each_kind_of_day):
    today = each_kind_of_day
    base = _dashboard(_rows(today), today=today)
    variants = [
        _dashboard(_rows(today, {0: {"discomfort": 10}}), today=today),
        _dashboard(_rows(today, {35: {"discomfort": None}}), today=today),
        _dashboard(_rows(today, days=41), today=today),
        _dashboard(_rows(today), today=today + dt.timedelta(days=1)),
        _dashboard(_rows(today), today=today, range_key="90"),  # the same year: shared
        _dashboard(_rows(today, {0: {"water_ml": 5}}), today=today),  # not drawn in it
    ]
    for variant in variants:
        if variant.year_months != base.year_months:
            assert variant.heatmap_fingerprint != base.heatmap_fingerprint
        if variant.heatmap_fingerprint == base.heatmap_fingerprint:
            assert variant.year_months == base.year_months and variant.heatmap == base.heatmap
    assert variants[0].year_months != base.year_months  # the variants do redraw it
    assert variants[4].year_months == base.year_months


def test_the_ranges_fingerprint_covers_the_ranked_insights(each_kind_of_day):
    today = each_kind_of_day
    since = today - dt.timedelta(days=60)
    items = {1: Entry("Long drive", "factor", since, None)}
    base = _dashboard(_rows(today), today=today, items=items)
    # Each changes what the insights say or their order; none is outside the fingerprint.
    variants = [
        _dashboard(
            _rows(today, {back: {"discomfort": 9} for back in range(1, 30, 2)}),
            today=today,
            items=items,
        ),
        _dashboard(_rows(today, {2: {"item_ids": "[1]"}}), today=today, items=items),
        _dashboard(
            _rows(today), today=today, items=items, goals={"water_ml": 1500, "exercise_minutes": 30}
        ),
        _dashboard(_rows(today), today=today, items={1: items[1]._replace(name="Long haul")}),
        _dashboard(_rows(today, {0: {"posture": None}}), today=today, items=items),
    ]
    for variant in variants:
        assert variant.insight_items != base.insight_items
        assert variant.fingerprint != base.fingerprint
    same = _dashboard(_rows(today), today=today, items=dict(items))
    assert same.fingerprint == base.fingerprint and same.insight_items == base.insight_items
    # The ranking itself: what is drawn first is the strongest link with enough days.
    found = trends_insights.ranked([*base.insights, *base.tag_insights])
    first = re.search(r'<li class="insight"[^>]*><p><strong>([^<]+)<', base.insight_items)
    assert first and found.compared and first.group(1) == found.compared[0].title
