"""Checking in without a connection, in Chromium at 390 x 844 (Playwright's
`context.set_offline`): days wait on the phone, survive a reload and a closed page, reach the
server exactly once, and an emergency answer never waits."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in, save_screenshot, stored, until
from tests.factories import PASSWORD, make_user
from tracker.dates import today_for
from tracker.models import CareAlert, CheckIn, OfflineDay

pytestmark = pytest.mark.django_db(transaction=True)

SAVED_HERE = "Saved on this phone. It will be sent when you're back online"


def _today() -> dt.date:
    return timezone.now().date()


def _kept_offline(page) -> bool:
    return page.evaluate(
        """async () => Boolean(navigator.serviceWorker.controller)
            && Boolean(await caches.match('/checkin/offline/'))
            && Boolean(await caches.match('/offline/emergency/'))"""
    )


def _ready_for_offline(page, path: str = "/checkin/") -> None:
    page.goto(path)
    until(lambda: page.evaluate("async () => Boolean(await navigator.serviceWorker.ready)"),
           what="the service worker")  # fmt: skip
    page.reload()  # now under its control
    until(lambda: _kept_offline(page), what="the kept pages")


@pytest.fixture
def alice():
    return make_user("alice")


@pytest.fixture
def phone(new_page, alice, page_problems):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    # Offline, the browser logs each request it could not make.
    page_problems.allow("net::ERR_INTERNET_DISCONNECTED")
    page_problems.allow("Failed to fetch")
    return page


def test_two_days_wait_offline_survive_a_reload_and_arrive_once(phone, alice):
    yesterday = _today() - dt.timedelta(days=1)
    _ready_for_offline(phone, f"/checkin/{yesterday.isoformat()}/")
    phone.context.set_offline(True)

    phone.locator("label[for=id_discomfort_6]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()

    phone.goto("/checkin/")  # offline: the kept form, for today
    assert phone.locator("form[data-offline-shell]").count() == 1
    phone.locator("label[for=id_discomfort_3]").click()
    phone.get_by_label("Exercise (minutes)").fill("20")
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()

    phone.reload()  # still offline: the form, and both days waiting
    phone.get_by_text("Waiting on this phone:").wait_for()
    waiting = phone.locator("#offline-status").inner_text()
    assert waiting.count(";") == 1  # two days listed
    save_screenshot(phone, "checkin-offline-waiting-phone")
    assert not CheckIn.objects.exists()

    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    phone.get_by_text("sent from this phone and saved").first.wait_for()
    until(stored(lambda: OfflineDay.objects.count() == 2), what="both days on the server")
    days = {c.date: c for c in CheckIn.objects.filter(user=alice)}
    assert set(days) == {yesterday, _today()}
    assert days[yesterday].discomfort == 6
    assert (days[_today()].discomfort, days[_today()].exercise_minutes) == (3, 20)
    assert phone.evaluate("async () => (await BackhabitsDays.all()).length") == 0


def test_a_day_saved_offline_is_sent_when_the_app_is_opened_again(phone, alice, new_page):
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.locator("label[for=id_discomfort_5]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()
    context = phone.context
    phone.close()

    context.set_offline(False)
    reopened = context.new_page()
    reopened.goto("/history/")  # any page: the next load sends what waits
    until(stored(lambda: CheckIn.objects.filter(user=alice).exists()), what="the day on the server")
    assert CheckIn.objects.get(user=alice).discomfort == 5
    assert OfflineDay.objects.count() == 1


def test_replaying_a_days_request_stores_nothing_twice(phone, alice):
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.locator("label[for=id_discomfort_2]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()
    # The request exactly as the phone sends it (static/js/offline-store.js builds it so).
    (waiting,) = phone.evaluate("async () => await BackhabitsDays.all()")
    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    until(stored(lambda: OfflineDay.objects.count() == 1), what="the day on the server")
    replayed = phone.evaluate(
        """async (day) => {
            const body = new URLSearchParams();
            day.fields.forEach(([name, value]) => body.append(name, value));
            body.set('day_id', day.id);
            body.set('date', day.date);
            body.set('saved_at', day.saved_at);
            const headers = {'Content-Type': 'application/x-www-form-urlencoded',
                             'X-CSRFToken': day.csrf};
            const response = await fetch(day.url, {method: 'POST', body, headers,
                                                   credentials: 'same-origin'});
            return [response.status, await response.json()];
        }""",
        waiting,
    )
    assert replayed[0] == 200 and replayed[1]["new"] is False
    assert OfflineDay.objects.count() == 1
    assert CheckIn.objects.filter(user=alice).count() == 1


def test_saddle_numbness_ticked_offline_shows_the_emergency_advice_at_once(phone, alice):
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.get_by_text("Anything new, unusual or hard today?").click()
    phone.locator(
        "label[for=id_symptoms_saddle_numbness], label:has(input[value=saddle_numbness])"
    ).first.click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.wait_for_url("**/offline/emergency/")
    call = phone.locator("a[href^='tel:']")
    assert call.count() == 1 and call.bounding_box()["height"] >= 44
    save_screenshot(phone, "offline-emergency-phone")
    waiting = phone.evaluate("async () => (await BackhabitsDays.all()).map(d => d.fields)")
    assert ["symptoms", "saddle_numbness"] in waiting[0]
    # Back online, the day arrives and the rules run on the server as well.
    phone.context.set_offline(False)
    phone.goto("/")
    until(stored(lambda: CareAlert.objects.filter(user=alice).exists()), what="the care alert")
    assert CheckIn.objects.get(user=alice).symptoms == ["saddle_numbness"]
    # The phone lets the day go once the server has answered; wait for that, and for the page to
    # settle, so no sync is still writing while the test's database is emptied.
    until(
        lambda: phone.evaluate("async () => (await BackhabitsDays.all()).length") == 0,
        what="the phone to let the day go",
    )
    phone.wait_for_load_state("networkidle")


def test_a_day_waits_for_the_person_who_saved_it(phone, alice, page_problems):
    page_problems.allow("status of 403")  # the worker tried it while Bob was signed in: kept
    bob = make_user("bob")
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.locator("label[for=id_discomfort_7]").click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()
    # Alice's session ends (expired, or "log out everywhere"); Bob signs in on this phone.
    phone.context.clear_cookies()
    phone.context.set_offline(False)
    log_in(phone, "bob", PASSWORD)
    phone.goto("/checkin/")
    time.sleep(1)
    assert not CheckIn.objects.filter(user=bob).exists()
    assert phone.evaluate("async () => (await BackhabitsDays.all()).length") == 1
    phone.context.clear_cookies()
    log_in(phone, "alice", PASSWORD)
    until(stored(lambda: CheckIn.objects.filter(user=alice).exists()), what="Alice's day")
    assert CheckIn.objects.get(user=alice).discomfort == 7
    assert not CheckIn.objects.filter(user=bob).exists()


def test_a_connection_that_does_not_answer_keeps_the_day_on_the_phone(phone, alice):
    _ready_for_offline(phone)
    phone.locator("label[for=id_discomfort_4]").click()
    # What htmx signals when its request gets no answer (the phone thinks it is online).
    phone.evaluate(
        """() => document.querySelector('form[data-offline-form]')
            .dispatchEvent(new CustomEvent('htmx:sendError', {bubbles: true}))"""
    )
    # Kept on the phone, then sent as soon as it can be (Background Sync, or the next load).
    until(lambda: phone.evaluate("async () => (await BackhabitsDays.all()).length") == 1
           or CheckIn.objects.filter(user=alice).exists(), what="the day kept")  # fmt: skip
    phone.reload()
    # Waited for the day's record of arrival, not the day: the live server's requests share the
    # test's SQLite connection, so the day can be read before the request that writes both, in
    # one transaction, has written the record too (CI once read it there).
    until(
        stored(lambda: OfflineDay.objects.count() == 1), what="the day, through the phone's store"
    )
    until(lambda: phone.evaluate("async () => (await BackhabitsDays.all()).length") == 0,
           what="the phone to let the day go")  # fmt: skip
    assert CheckIn.objects.get(user=alice).discomfort == 4
    assert OfflineDay.objects.count() == 1  # it came through the phone's store, once


def test_a_day_the_server_refuses_can_be_removed_from_the_phone(phone, alice, page_problems):
    page_problems.allow("status of 400")  # the refusal this test is about
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.get_by_label("Exercise (minutes)").fill("5000")  # more than a day holds
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()
    phone.context.set_offline(False)
    phone.reload()
    remove = phone.get_by_role("button", name="Remove the unsent copy")
    remove.wait_for()
    assert "could not be saved" in phone.locator("#offline-status").inner_text()
    assert remove.bounding_box()["height"] >= 44
    remove.click()
    until(lambda: phone.evaluate("async () => (await BackhabitsDays.all()).length") == 0,
           what="the copy removed")  # fmt: skip
    assert not CheckIn.objects.exists()


@pytest.fixture
def abroad(browser, live_server, page_problems):
    """Alice's phone in Kiritimati (UTC+14) while her account keeps Etc/GMT+12 (UTC-12): the
    phone's day is always one or two days after the account's, so the server refuses it."""
    alice = make_user("alice", timezone="Etc/GMT+12")
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        base_url=live_server.url,
        timezone_id="Pacific/Kiritimati",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page_problems.watch(page)
    page_problems.allow("net::ERR_INTERNET_DISCONNECTED")
    page_problems.allow("Failed to fetch")
    page_problems.allow("status of 400")  # the refusal this journey is about
    log_in(page, "alice", PASSWORD)
    yield page, alice
    context.close()
    assert page_problems.unexpected() == []


def test_a_refused_day_keeps_its_symptoms_and_the_phone_says_what_was_kept(abroad):
    phone, alice = abroad
    _ready_for_offline(phone)
    phone.context.set_offline(True)
    phone.goto("/checkin/")  # the kept form: the day is the phone's own today
    phone.locator("label[for=id_discomfort_6]").click()
    phone.get_by_text("Anything new, unusual or hard today?").click()
    phone.locator("label:has(input[value=night_pain])").first.click()
    phone.get_by_role("button", name="Save check-in").click()
    phone.get_by_text(SAVED_HERE).wait_for()
    (waiting,) = phone.evaluate("async () => await BackhabitsDays.all()")
    today = today_for(alice)
    assert dt.date.fromisoformat(waiting["date"]) > today  # refused by the server

    phone.context.set_offline(False)
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    told = phone.locator("[data-refused-day]")
    told.wait_for()
    text = told.inner_text()
    assert text.startswith(f"Your symptoms were saved for today ({today:%A} {today.day} ")
    assert "the rest of the day for" in text and "was not saved" in text
    assert "could not be saved" not in phone.locator("#offline-status").inner_text()
    phone.get_by_text("A care prompt is waiting").wait_for()
    save_screenshot(phone, "offline-refused-day-symptoms-kept-phone")
    checkin = CheckIn.objects.get(user=alice)
    assert (checkin.date, checkin.symptoms, checkin.discomfort) == (today, ["night_pain"], None)
    assert CareAlert.objects.get(user=alice).rule == "night_pain"

    phone.reload()  # what was kept is still said, beside the copy of the rest
    phone.locator("[data-refused-day]").wait_for()
    assert "Your symptoms were saved for today" in phone.locator("#offline-status").inner_text()
    remove = phone.get_by_role("button", name="Remove the unsent copy")
    assert remove.bounding_box()["height"] >= 44
    remove.click()
    until(lambda: phone.evaluate("async () => (await BackhabitsDays.all()).length") == 0,
           what="the copy removed")  # fmt: skip
    assert CheckIn.objects.get(user=alice).symptoms == ["night_pain"]
