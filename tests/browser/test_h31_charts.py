"""Charts a phone can read and insights worth reading, on a 390 by 844 phone after a first month
of check-ins: chart text at 12 px or more on trends, the report and the shared copy; the year as
months to open (the grid of days on a wide screen); the insights ranked, each drawn; the report
opening on the days logged; no sideways scrolling and nothing serious for axe."""

import datetime as dt
import random

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.models import TrackedItem

pytestmark = pytest.mark.django_db(transaction=True)

# Every visible piece of SVG text, at the size it is drawn: its font size times the SVG's scale.
SVG_TEXT_SIZES = """(selector) => [...document.querySelectorAll(selector)]
    .filter(text => text.getClientRects().length)
    .map(text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)"""
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
SKIPPED = (5, 12, 19)  # days not logged among the last 28: 25 logged days


def _today() -> dt.date:
    return timezone.now().date()


def _first_month(username: str = "alice"):
    """25 logged days over four weeks; a long drive every other day goes with more discomfort
    (6 against 4), the habits short of days one way or the other."""
    user = make_user(username)
    rng = random.Random(31)
    added = timezone.now() - dt.timedelta(days=30)
    items = {}
    for kind, name in (("relief", "Ibuprofen"), ("factor", "Long drive"), ("factor", "Gardening")):
        item = TrackedItem.objects.create(user=user, kind=kind, name=name)
        TrackedItem.objects.filter(pk=item.pk).update(created_at=added)
        items[name] = item.pk
    logged = [back for back in range(28) if back not in SKIPPED]
    for n, back in enumerate(logged):
        drive = n % 2 == 0
        ticked = [items["Long drive"]] if drive else []
        ticked += [items["Ibuprofen"]] if n % 5 == 0 else []
        ticked += [items["Gardening"]] if n % 7 == 0 else []
        make_checkin(
            user, _today() - dt.timedelta(days=back), discomfort=6 if drive else 4,
            posture=rng.choice([2, 3, 4]), exercise_minutes=rng.choice([0, 20, 30, 45]),
            water_ml=rng.choice([1000, 1500, 2000, 2500]), stress=rng.choice([2, 3, 5, 6]),
            item_ids=ticked,
        )  # fmt: skip
    return user


@pytest.fixture
def phone(new_page):
    _first_month()
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    return page


def _chart_text_at_least_12_px(page) -> float:
    sizes = page.evaluate(SVG_TEXT_SIZES, "svg.chart text")
    assert sizes and min(sizes) >= 12, min(sizes)
    everything = page.evaluate(SVG_TEXT_SIZES, "svg text")  # any SVG shown, not only charts
    assert min(everything) >= 12, min(everything)
    return min(sizes)


def test_chart_text_reads_at_12_px_on_trends_the_report_and_the_shared_copy(phone, new_page):
    for path in ("/trends/", "/report/"):
        phone.goto(path)
        _chart_text_at_least_12_px(phone)
        assert phone.evaluate(NO_SIDEWAYS_SCROLL), path
        assert run_axe(phone) == [], path
    save_screenshot(phone, "h31-charts-report-phone")
    phone.get_by_role("button", name="Make a share link").click()
    url = phone.locator("#share-url").input_value()
    clinician = new_page("phone")
    clinician.goto(url)
    clinician.locator("[data-shared-report]").wait_for()
    assert clinician.locator("svg.chart").count() == 5
    _chart_text_at_least_12_px(clinician)
    assert clinician.evaluate(NO_SIDEWAYS_SCROLL)
    assert run_axe(clinician) == []


def test_the_year_is_months_on_a_phone_and_the_grid_on_a_wide_screen(phone, new_page):
    today = _today()
    phone.goto("/trends/")
    assert not phone.locator(".heatmap-wrap").is_visible()
    months = phone.locator(".year-month")
    this_month = today.replace(day=1)
    first_month = (today - dt.timedelta(days=27)).replace(day=1)
    assert months.count() == (1 if first_month == this_month else 2)
    for index in range(months.count()):
        box = months.nth(index).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    texts = phone.evaluate(
        """() => [...document.querySelectorAll('.year-months *')]
            .filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3
                && n.textContent.trim()) && e.getClientRects().length)
            .map(e => parseFloat(getComputedStyle(e).fontSize))"""
    )
    assert texts and min(texts) >= 12, min(texts)
    assert months.evaluate_all(
        "tiles => tiles.every(t => t.scrollWidth <= t.clientWidth"
        " && [...t.children].every(c => c.scrollWidth <= c.clientWidth))"
    )  # a month's name fits its tile
    # The legend breaks between its items, each on one line ("7–10" never split).
    legend = phone.locator("#heatmap-after .legend-item")
    assert legend.count() == 6
    assert all(
        n == 1 for n in legend.evaluate_all("items => items.map(i => i.getClientRects().length)")
    )
    assert phone.evaluate(NO_SIDEWAYS_SCROLL)
    save_screenshot(phone, "h31-charts-year-phone")
    # Opening this month reaches its calendar, whose days are full-size targets.
    months.first.click()
    phone.wait_for_url(f"**/history/?month={today:%Y-%m}")
    assert phone.locator("#month-heading").inner_text() == f"{today:%B %Y}"
    # (Its days are 48 px tall; at 390 px their seven columns are 42.8 px wide: the
    # calendar's own layout, left to the calendar's work.)
    day = phone.locator(f"a[href='/checkin/{today.isoformat()}/']").bounding_box()
    assert day["height"] >= 44 and day["width"] >= 40

    wide = new_page("desktop")
    log_in(wide, "alice", PASSWORD)
    wide.goto("/trends/")
    assert wide.locator(".heatmap-wrap").is_visible()
    assert not wide.locator(".year-months").is_visible()
    assert wide.locator(".heatmap a").count() >= 365
    assert run_axe(wide) == []
    save_screenshot(wide, "h31-charts-year-desktop")


def test_the_months_work_without_javascript(new_page):
    _first_month()
    page = new_page("phone", javascript=False)
    log_in(page, "alice", PASSWORD)
    page.goto("/trends/")
    page.locator(".year-month").first.click()
    page.wait_for_url(f"**/history/?month={_today():%Y-%m}")


def test_insights_are_ranked_each_drawn_and_the_rest_in_one_line(phone):
    phone.goto("/trends/")
    ranked = phone.locator(".insights > li.insight")
    assert ranked.count() >= 1
    strengths = [float(s) for s in ranked.evaluate_all("l => l.map(i => i.dataset.strength)")]
    assert strengths == sorted(strengths, reverse=True)
    first = ranked.first.inner_text()
    assert first.startswith("Long drive, your own factor: discomfort 2.0 higher on days with it")
    for index in range(ranked.count()):
        item = ranked.nth(index)
        bars = item.locator("svg.insight-bar rect:not(.insight-track)")
        assert bars.count() == 2
        assert all(bars.nth(n).bounding_box()["width"] > 0 for n in range(2))
        sides = item.locator(".insight-side").all_inner_texts()
        assert len(sides) == 2 and all(" days" in side for side in sides)
        assert len(item.locator(".insight-value").all_inner_texts()) == 2
        assert "not enough days" not in item.locator("p").first.inner_text().lower()
    waiting = phone.locator(".insights > li.insights-waiting")
    assert waiting.count() == 1
    assert "Not enough days to compare yet" in waiting.inner_text()
    assert "more days" in waiting.inner_text()
    assert phone.locator(".insights > li").last.get_attribute("class") == "insights-waiting"
    sizes = phone.evaluate(
        "() => [...document.querySelectorAll('.insights li')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(sizes) >= 12
    phone.locator("#insights-heading").scroll_into_view_if_needed()
    save_screenshot(phone, "h31-charts-insights-phone")


def test_the_report_opens_on_the_days_logged(phone):
    phone.goto("/report/")
    first = _today() - dt.timedelta(days=27)
    period = phone.locator(".report-period strong").inner_text()
    assert period == f"{first.day} {first:%B %Y} to {_today().day} {_today():%B %Y}"
    assert phone.locator(".range-switch a.current").inner_text() == "All"
    # The charts start on the first logged day, not two months of nothing before it.
    start_label = (
        phone.locator("#chart-discomfort-title").locator("xpath=..").locator("text").nth(-2)
    )
    assert start_label.text_content() == f"{first.day} {first:%b}"
    phone.get_by_role("link", name="90 days").click()
    phone.wait_for_url("**/report/?range=90")
    ninety = _today() - dt.timedelta(days=89)
    assert (
        phone.locator(".report-period strong")
        .inner_text()
        .startswith(f"{ninety.day} {ninety:%B %Y}")
    )
