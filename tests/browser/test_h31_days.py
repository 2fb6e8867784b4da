"""The first week on a 390 by 844 phone: home introduces one thing at a time, the history
calendar keeps 7 columns in the current month (on a desktop too), and water Undo goes back tap
by tap. Nothing here pins the clock: expectations come from the page itself."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.dates import today_for
from tracker.models import CheckIn

pytestmark = pytest.mark.django_db(transaction=True)

ASKS = ("#health-ask-heading", "#peg-offer-heading")
LATER_PARTS = ("#tips-heading", "#recent-heading", "#strength-heading")


def _person_with_days(name: str, days: int):
    person = make_user(name)
    today = today_for(person)
    for n in range(days):
        make_checkin(person, today - dt.timedelta(days=n), discomfort=3 + n % 5)
    return person


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]


def _visible(page, selector: str) -> bool:
    return page.locator(selector).count() > 0 and page.locator(selector).first.is_visible()


def test_after_the_first_check_in_home_shows_the_day_and_one_introduction(new_page):
    _person_with_days("firstday", 1)
    page = new_page("phone")
    log_in(page, "firstday", PASSWORD)
    assert page.locator("#today-card").get_by_text("Checked in.").is_visible()
    assert [selector for selector in ASKS if _visible(page, selector)] == ["#health-ask-heading"]
    assert [selector for selector in LATER_PARTS if _visible(page, selector)] == []
    # Today's card and the one next step are both on the first screen.
    ask = page.locator("#health-ask-heading").bounding_box()
    assert ask["y"] + ask["height"] <= VIEWPORTS["phone"]["height"]
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    save_screenshot(page, "h31-days-home-first-day-phone")


def test_after_eight_days_home_is_whole_with_the_peg_as_its_one_ask(new_page):
    _person_with_days("eightdays", 8)
    page = new_page("phone")
    log_in(page, "eightdays", PASSWORD)
    assert [selector for selector in ASKS if _visible(page, selector)] == ["#peg-offer-heading"]
    assert all(_visible(page, selector) for selector in LATER_PARTS)
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    save_screenshot(page, "h31-days-home-eighth-day-phone")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_current_month_is_seven_columns(new_page, viewport):
    _person_with_days("calendar", 3)
    page = new_page(viewport)
    log_in(page, "calendar", PASSWORD)
    page.goto("/history/")
    rows = page.locator("table.month tbody tr")
    assert rows.count() >= 4
    columns = None
    for index in range(rows.count()):
        cells = rows.nth(index).locator("td")
        assert cells.count() == 7
        boxes = [cells.nth(n).bounding_box() for n in range(7)]
        lefts = [round(box["x"]) for box in boxes]
        assert lefts == sorted(lefts) and len(set(lefts)) == 7  # side by side, not stacked
        assert len({round(box["y"]) for box in boxes}) == 1  # one row
        columns = columns or lefts
        assert lefts == columns  # the same 7 columns every week
    # The month's days still to come (none on its last day) sit in those columns, each a box.
    future = page.locator("table.month .month-future")
    for index in range(future.count()):
        box = future.nth(index).bounding_box()
        assert box["height"] >= 44 and round(box["x"]) >= columns[0] - 1
    # Each week is one row of day boxes: the table is as tall as its weeks, not a day each.
    table = page.locator("table.month").bounding_box()
    assert table["height"] < (rows.count() + 1) * 80
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    save_screenshot(page, f"h31-days-history-current-month-{viewport}")


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_two_water_taps_then_two_undos_return_to_the_start(new_page, javascript):
    person = make_user("watery")
    page = new_page("phone", javascript=javascript)
    log_in(page, "watery", PASSWORD)
    start = page.locator("#water-today").inner_text()
    for expected in ("250 ml", "500 ml"):
        page.locator(".water-buttons").get_by_role("button", name="+250 ml").click()
        expect(page.locator("#water-today")).to_have_text(expected)
    for expected in ("250 ml", start):
        page.locator(".water-buttons").get_by_role("button", name="Undo").click()
        expect(page.locator("#water-today")).to_have_text(expected)
    expect(page.locator(".water-buttons").get_by_role("button", name="Undo")).to_have_count(0)
    assert not CheckIn.objects.filter(user=person).exists()
    if javascript:  # axe and the width are read by script; the no-js page is the same markup
        _no_sideways_scroll(page)
        assert run_axe(page) == []
