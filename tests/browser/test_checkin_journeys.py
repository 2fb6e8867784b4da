"""The daily check-in on a 390 by 844 phone: log what you can, in a few taps, and care that is
never held back."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import VIEWPORTS, log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.models import CareAlert, CheckIn

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = VIEWPORTS["phone"]


def _today() -> dt.date:
    return timezone.now().date()


@pytest.fixture
def alice():
    return make_user("alice")


@pytest.fixture
def phone(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    return page


def _on_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_a_pain_only_day_takes_two_taps(phone):
    phone.goto("/checkin/")
    discomfort = phone.locator("label[for=id_discomfort_6]")
    save = phone.get_by_role("button", name="Save check-in")
    assert _on_screen(phone, discomfort) and _on_screen(phone, save)  # no scrolling needed
    discomfort.click()
    save.click()
    phone.get_by_role("heading", name="Saved your check-in").wait_for()
    checkin = CheckIn.objects.get(user__username="alice")
    assert checkin.discomfort == 6
    assert (checkin.posture, checkin.exercise_minutes, checkin.water_ml, checkin.stress) == (
        None, None, None, None,
    )  # fmt: skip
    summary = phone.locator("#checkin-panel").inner_text()
    assert "6/10" in summary and "Not logged: Stress, posture, exercise, water." in summary
    assert phone.locator("form.checkin-form").count() == 0  # a summary, not the form again
    save_screenshot(phone, "checkin-saved-pain-only-phone")


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_saddle_numbness_alone_brings_the_emergency_page(new_page, javascript):
    make_user("alice")
    page = new_page("phone", javascript=javascript)
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    page.get_by_text("Anything new, unusual or hard today?").click()
    page.get_by_label("Numbness or tingling around the genitals, bottom or inner thighs").check()
    page.get_by_role("button", name="Save check-in").click()
    call = page.get_by_role("link", name="Call 112")
    call.wait_for()
    assert call.get_attribute("href") == "tel:112"
    assert _on_screen(page, call)
    assert CheckIn.objects.get().symptoms == ["saddle_numbness"]
    assert CareAlert.objects.get().tier == "emergency"
    save_screenshot(page, f"emergency-symptom-only-{'htmx' if javascript else 'no-js'}")


def test_symptoms_with_a_bad_answer_are_saved_and_checked_and_the_bad_answer_is_not(phone):
    phone.goto("/checkin/")
    phone.locator("label[for=id_discomfort_6]").click()
    phone.get_by_label("Exercise (minutes)").fill("2000")
    phone.get_by_text("Anything new, unusual or hard today?").click()
    phone.get_by_label("A high temperature, feeling hot and shivery").check()
    phone.get_by_role("button", name="Save check-in").click()
    alert = phone.get_by_role("alert").filter(has_text="urgent appointment").first
    alert.wait_for()
    error = phone.locator("#id_exercise_minutes_errors")
    assert alert.bounding_box()["y"] < error.bounding_box()["y"]
    assert "at most 1,440 minutes" in error.inner_text()
    checkin = CheckIn.objects.get()
    assert (checkin.symptoms, checkin.discomfort, checkin.exercise_minutes) == (["fever"], 6, None)
    phone.get_by_label("Exercise (minutes)").fill("20")
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_role("heading", name="Saved your check-in").wait_for()
    checkin.refresh_from_db()
    assert (checkin.symptoms, checkin.discomfort, checkin.exercise_minutes) == (["fever"], 6, 20)


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_same_as_yesterday_plus_a_discomfort_value_completes_a_full_day(new_page, javascript):
    user = make_user("alice")
    make_checkin(
        user, _today() - dt.timedelta(days=1), posture=4, exercise_minutes=35, water_ml=1800,
        stress=7, discomfort=5, symptoms=["leg_pain"],
    )  # fmt: skip
    page = new_page("phone", javascript=javascript)
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    page.get_by_role("button", name="Same as yesterday").click()
    page.locator("#id_posture_3").wait_for(state="attached")
    expect(page.locator("#id_exercise_minutes")).to_have_value("35")
    page.locator("label[for=id_discomfort_2]").click()
    page.get_by_role("button", name="Save check-in").click()
    if javascript:
        page.get_by_role("heading", name="Saved your check-in").wait_for()
    else:
        page.wait_for_url("**/")
    today = CheckIn.objects.get(user=user, date=_today())
    assert (today.posture, today.exercise_minutes, today.water_ml) == (4, 35, 1800)
    assert (today.discomfort, today.stress, today.symptoms) == (2, None, [])  # never copied
    page.goto("/history/")
    assert "full day" in page.locator(f"a[href='/checkin/{_today().isoformat()}/']").inner_text()


def test_every_scale_button_and_checkbox_is_at_least_44_px_square(phone, alice):
    make_checkin(alice, _today() - dt.timedelta(days=1))
    phone.goto("/checkin/")
    phone.get_by_text("Anything new, unusual or hard today?").click()
    targets = phone.locator(
        ".scale-option, .check-option, .checkin-form button:not(.default-submit)"
    )
    assert targets.count() >= 5 + 11 + 11 + 16 + 3
    small = []
    for index in range(targets.count()):
        target = targets.nth(index)
        box = target.bounding_box()
        if box["width"] < 44 or box["height"] < 44:
            small.append((target.inner_text(), round(box["width"]), round(box["height"])))
    assert small == []
    for scale in ("discomfort", "stress"):  # one tap each: 0–10 on two rows, none off screen
        for value in range(11):
            box = phone.locator(f"label[for=id_{scale}_{value}]").bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    save_screenshot(phone, "checkin-checklist-open-phone")


def test_water_taps_on_the_check_in_add_undo_and_reach_the_goal(phone, alice):
    alice.profile.water_goal_ml = 500
    alice.profile.save()
    phone.goto("/checkin/")
    water = phone.get_by_label("Water (ml)")
    assert water.input_value() == ""
    tap = phone.get_by_role("button", name="+250 ml", exact=True)
    tap.click()
    expect(phone.locator("#id_water_ml")).to_have_value("250")
    tap = phone.get_by_role("button", name="+250 ml", exact=True)
    tap.click()
    expect(phone.locator("#id_water_ml")).to_have_value("500")
    phone.get_by_text("Goal of 500 ml reached").wait_for()
    phone.get_by_role("button", name="Undo").click()
    expect(phone.locator("#id_water_ml")).to_have_value("250")
    assert CheckIn.objects.get().water_ml == 250
    phone.locator("label[for=id_discomfort_3]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_role("heading", name="Saved your check-in").wait_for()
    assert (CheckIn.objects.get().water_ml, CheckIn.objects.get().discomfort) == (250, 3)


def test_enter_in_a_field_saves_rather_than_tapping_water_or_filling_habits(phone, alice):
    make_checkin(alice, _today() - dt.timedelta(days=1), posture=2)
    phone.goto("/checkin/")
    phone.get_by_label("Exercise (minutes)").fill("15")
    phone.get_by_label("Exercise (minutes)").press("Enter")
    phone.get_by_role("heading", name="Saved your check-in").wait_for()
    today = CheckIn.objects.get(user=alice, date=_today())
    assert (today.exercise_minutes, today.posture, today.water_ml) == (15, None, None)


def test_edit_after_saving_brings_the_day_back_with_its_answers(phone):
    phone.goto("/checkin/")
    phone.locator("label[for=id_discomfort_4]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_role("link", name="Edit").click()
    phone.get_by_role("button", name="Save check-in").wait_for()
    assert phone.locator("#id_discomfort_4").is_checked()


def test_a_past_day_says_its_date_and_the_calendar_opens_it(phone, alice):
    user = alice
    past = _today() - dt.timedelta(days=2)
    make_checkin(user, past, discomfort=7, water_ml=None)
    # The calendar of the month that day is in: on the 1st and 2nd, last month's.
    phone.goto(f"/history/?month={past:%Y-%m}")
    day_link = phone.locator(f"a[href='/checkin/{past.isoformat()}/']")
    assert "partly logged, discomfort 7" in day_link.inner_text()
    day_link.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_url(f"**/checkin/{past.isoformat()}/")
    heading = phone.get_by_role("heading", level=1).inner_text()
    assert heading == f"Check-in for {past:%A} {past.day} {past:%B}"
    assert "today" not in phone.locator("form.checkin-form").inner_text().lower()


def test_the_trends_year_links_each_day_to_its_check_in(phone, alice):
    user = alice
    make_checkin(user, _today(), discomfort=8)
    phone.goto("/trends/")
    # A phone shows the year as months: this month opens in the calendar, then the day.
    phone.locator(".year-month").first.click()
    phone.wait_for_url(f"**/history/?month={_today():%Y-%m}")
    phone.locator(f"a[href='/checkin/{_today().isoformat()}/']").click()
    phone.wait_for_url(f"**/checkin/{_today().isoformat()}/")


def test_chart_labels_read_at_11_px_or_more_with_a_legend(phone, alice):
    user = alice
    for offset in range(20):
        make_checkin(user, _today() - dt.timedelta(days=offset), discomfort=offset % 9)
    phone.goto("/trends/")
    sizes = phone.evaluate(
        """() => [...document.querySelectorAll('svg .chart-label')].map(label =>
            parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a)"""
    )
    assert sizes and min(sizes) >= 11, min(sizes)
    water = phone.locator("#figure-water_ml .chart-legend").inner_text()
    assert "7-day average" in water and "your goal" in water
    switch = phone.locator(".range-switch").bounding_box()
    assert switch["y"] < phone.locator("#charts-heading").bounding_box()["y"]
    save_screenshot(phone, "trends-phone-charts")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_check_in_history_and_trends_have_no_serious_accessibility_problems(new_page, color_scheme):
    user = make_user("alice")
    for offset in range(1, 40):
        values = {"stress": None} if offset % 3 else {"water_ml": None, "posture": None}
        make_checkin(user, _today() - dt.timedelta(days=offset), discomfort=offset % 11, **values)
    page = new_page("phone", color_scheme=color_scheme)
    log_in(page, "alice", PASSWORD)
    found = {}
    for path in ("/checkin/", "/history/", "/trends/"):
        page.goto(path)
        if path == "/checkin/":
            page.get_by_text("Anything new, unusual or hard today?").click()
        found[path] = run_axe(page)
        save_screenshot(page, f"{path.strip('/')}-{color_scheme}-phone")
    page.goto("/checkin/")
    page.locator("label[for=id_discomfort_5]").click()
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_role("heading", name="Saved your check-in").wait_for()
    found["saved"] = run_axe(page)
    assert found == {"/checkin/": [], "/history/": [], "/trends/": [], "saved": []}
