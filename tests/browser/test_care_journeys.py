"""Care alerts on a 390 x 844 phone in Chromium: an emergency cannot be waved away with one tap,
its answer leaves a one-line reminder with the number to call, a mistaken tick is taken back
after one confirmation, and open alerts never push the day's first question off the screen."""

import datetime as dt
import time

import pytest
from django.db import transaction

from tests.browser.conftest import VIEWPORTS, log_in, save_screenshot
from tests.browser.test_offline_journey import _ready_for_offline
from tests.factories import PASSWORD, make_user
from tracker.care import prompts
from tracker.dates import today_for
from tracker.models import CareAlert, CheckIn

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = VIEWPORTS["phone"]
SAVED_HERE = "Saved on this phone. It will be sent when you're back online"


@pytest.fixture
def alice():
    return make_user("alice", country="GB")


@pytest.fixture
def phone(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    return page


def _log(user, day: dt.date, symptoms: list[str], **fields) -> None:
    # As a saved check-in does: the day and its red-flag check in one transaction (the check
    # locks the person's open alerts, which PostgreSQL allows only inside one).
    with transaction.atomic():
        CheckIn.objects.update_or_create(
            user=user, date=day, defaults={"discomfort": 4, "symptoms": symptoms, **fields}
        )
        prompts.check_day(user=user, date=day, today=today_for(user))


def _three_open_alerts(user) -> None:
    today = today_for(user)
    _log(user, today - dt.timedelta(days=2), ["cracking_pain"])  # soon
    _log(user, today - dt.timedelta(days=1), ["night_pain"])  # urgent
    _log(user, today, ["saddle_numbness"])  # emergency
    assert CareAlert.objects.filter(user=user, acknowledged_at=None).count() == 3


def _within_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_getting_help_now_leaves_the_reminder_and_its_number_on_home(phone, alice):
    _log(alice, today_for(alice), ["saddle_numbness"])
    phone.goto("/care/")
    assert phone.get_by_role("button", name="Understood").count() == 0
    phone.get_by_role("button", name="I'm getting help now").click()
    phone.get_by_text("Thank you: your answer is kept with its time.").wait_for()
    alert = CareAlert.objects.get(user=alice)
    assert alert.acknowledgement == "getting_help" and alert.acknowledged_at is not None

    phone.goto("/")
    reminder = phone.locator(".care-reminder-emergency")
    assert reminder.get_attribute("role") == "status"
    assert "Numbness around the genitals, bottom or inner thighs" in reminder.inner_text()
    call = reminder.get_by_role("link", name="Call 999")
    assert call.get_attribute("href") == "tel:999"
    assert _within_first_screen(call)
    assert phone.get_by_text("Don't wait to see if it gets better").count() == 0
    save_screenshot(phone, "care-reminder-home-phone")


def test_with_three_open_alerts_the_first_question_is_on_the_first_screen(phone, alice):
    _three_open_alerts(alice)
    phone.goto("/checkin/")
    lines = phone.locator(".care-line")
    assert lines.count() == 3
    assert [lines.nth(n).get_attribute("class").split()[1] for n in range(3)] == [
        "care-emergency", "care-urgent", "care-soon",
    ]  # fmt: skip
    assert all(lines.nth(n).get_attribute("role") == "alert" for n in range(3))
    assert "Call 999 or go to the emergency department now" in lines.nth(0).inner_text()
    save_screenshot(phone, "care-three-alerts-checkin-phone")
    assert _within_first_screen(phone.locator("#checkin-heading"))
    # The first question, discomfort 0 to 10, whole.
    save_bar_top = phone.locator(".checkin-save").bounding_box()["y"]
    for option in ("label[for=id_discomfort_0]", "label[for=id_discomfort_10]"):
        box = phone.locator(option).bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= save_bar_top  # not under the bar
    phone.goto("/")
    assert phone.locator(".care-line").count() == 3
    assert _within_first_screen(phone.locator("#today-heading"))  # the day leads, after 3 lines
    save_screenshot(phone, "care-three-alerts-home-phone")
    phone.goto("/care/")
    assert phone.locator("section.care").count() == 3  # in full here
    save_screenshot(phone, "care-three-alerts-care-page-phone")


def test_ticked_by_mistake_takes_just_that_answer_off_after_one_confirmation(phone, alice):
    day = today_for(alice) - dt.timedelta(days=1)
    _log(alice, day, ["leg_pain", "bladder_bowel"], notes="long drive")
    phone.goto("/care/")
    phone.get_by_role("link", name="I ticked this by mistake").click()
    phone.get_by_role("heading", name="Ticked by mistake?").wait_for()
    assert set(CheckIn.objects.get(user=alice).symptoms) == {"leg_pain", "bladder_bowel"}
    save_screenshot(phone, "care-ticked-by-mistake-confirm-phone")
    phone.get_by_role("button", name="Yes, I ticked it by mistake: take it off").click()
    phone.get_by_text("Ticked by mistake, taken off").wait_for()
    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.symptoms, checkin.discomfort, checkin.notes) == (["leg_pain"], 4, "long drive")
    alert = CareAlert.objects.get(user=alice)
    assert alert.cleared_at is not None and alert.corrections
    assert "Corrected: ticked by mistake" in phone.locator(".alert-history").inner_text()
    assert phone.locator(".care-emergency").count() == 0


def test_an_urgent_alert_refuses_understood_even_posted_by_hand(phone, alice, page_problems):
    page_problems.allow("status of 400")
    _log(alice, today_for(alice), ["swelling"])
    phone.goto("/care/")
    assert phone.get_by_role("button", name="I've spoken to a professional").count() == 1
    assert phone.get_by_role("button", name="Understood").count() == 0
    alert = CareAlert.objects.get(user=alice)
    status = phone.evaluate(
        """async (url) => {
            const token = JSON.parse(document.body.getAttribute('hx-headers'))['x-csrftoken'];
            const response = await fetch(url, {method: 'POST', headers: {'X-CSRFToken': token},
                body: new URLSearchParams({response: 'understood'})});
            return response.status;
        }""",
        f"/care/{alert.pk}/acknowledge/",
    )
    assert status == 400
    alert.refresh_from_db()
    assert alert.is_open and alert.acknowledgement == ""
    phone.goto("/")
    assert phone.locator(".care-line.care-urgent").count() == 1


def test_no_movement_tip_on_home_beside_open_alerts(phone, alice):
    from tracker.models import Tip

    for n in range(3, 10):
        CheckIn.objects.create(user=alice, date=today_for(alice) - dt.timedelta(days=n),
                               exercise_minutes=0, stress=9, posture=1, discomfort=3)  # fmt: skip
    _three_open_alerts(alice)
    phone.goto("/")
    titles = phone.locator(".tip h3, .tip strong").all_inner_texts()
    unsafe = set(Tip.objects.filter(safe_beside_alert=False).values_list("title", flat=True))
    assert not unsafe.intersection(title.strip() for title in titles)


def test_saved_offline_with_an_open_alert_the_message_is_in_view(phone, alice, page_problems):
    page_problems.allow("net::ERR_INTERNET_DISCONNECTED")
    page_problems.allow("Failed to fetch")
    _three_open_alerts(alice)
    # A day with nothing logged yet (today's page would carry today's emergency answer).
    _ready_for_offline(phone, f"/checkin/{today_for(alice) - dt.timedelta(days=3)}/")
    phone.context.set_offline(True)
    phone.locator("label[for=id_discomfort_3]").click()
    phone.get_by_role("button", name="Save check-in").click()
    saved = phone.get_by_text(SAVED_HERE)
    saved.wait_for()
    # The page scrolls the message into view; how long that takes depends on the machine's load.
    deadline = time.monotonic() + 5
    while not _within_first_screen(saved) and time.monotonic() < deadline:
        time.sleep(0.1)
    phone.screenshot(path=str(save_screenshot(phone, "care-offline-saved-with-alerts-phone")))
    assert _within_first_screen(saved)
