import datetime as dt
import json
import time

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.browser.conftest import log_in, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.models import CareAlert, CheckIn, Tip

# The live server reads the database from its own thread, so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


def _today() -> dt.date:
    return timezone.now().date()


def _fill_checkin(page, *, exercise: str = "20", water: str = "1500") -> None:
    page.locator("label[for=id_posture_3]").click()
    page.get_by_label("Exercise (minutes)").fill(exercise)
    page.get_by_label("Water (ml)").fill(water)
    page.locator("label[for=id_stress_4]").click()
    page.locator("label[for=id_discomfort_2]").click()


def test_sign_up_first_checkin_and_home_shows_today_done(page):
    page.goto("/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("A name to log in with").fill("newcomer")
    page.get_by_label("Password", exact=True).fill("a-long-unusual-passphrase-42")
    page.get_by_label("I am 16 or older").check()
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/checkin/")
    _fill_checkin(page)
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Saved your check-in").wait_for()
    page.goto("/")
    card = page.locator("#today-card").inner_text()
    assert "Checked in." in card and "Discomfort\n2/10" in card
    assert CheckIn.objects.get(user__username="newcomer").exercise_minutes == 20


def test_checkin_saves_with_htmx_without_a_page_load(page):
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.evaluate("window.__marker = 'same document'")
    _fill_checkin(page)
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_text("Saved your check-in").wait_for()
    assert navigations == []
    assert page.evaluate("window.__marker") == "same document"
    assert CheckIn.objects.filter(user__username="alice", date=_today()).exists()


def test_checkin_saves_with_javascript_disabled(new_page):
    make_user("alice")
    page = new_page("phone", javascript=False)
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    _fill_checkin(page)
    page.get_by_role("button", name="Save check-in").click()
    page.wait_for_url("**/")
    assert "Checked in" in page.locator("#today-card").inner_text()


def test_quick_water_twice_shows_500_ml(page):
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    page.evaluate(
        """() => { window.__shift = 0; new PerformanceObserver(list => { for (const e of
        list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: 'layout-shift', buffered: false}); }"""
    )
    for expected in ("250 ml", "500 ml"):
        page.get_by_role("button", name="+250 ml").click()
        page.locator("#water-today", has_text=expected).wait_for()
    assert CheckIn.objects.get(user__username="alice").water_ml == 500
    assert page.evaluate("window.__shift") < 0.01  # the swap does not move the page


def test_invalid_values_show_the_field_error_and_save_nothing(page):
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    _fill_checkin(page, exercise="2000", water="20000")
    page.get_by_role("button", name="Save check-in").click()
    page.locator("#id_exercise_minutes_errors").wait_for()
    assert "at most 1,440 minutes" in page.locator("#id_exercise_minutes_errors").inner_text()
    assert page.locator("#id_water_ml_errors").is_visible()
    assert not CheckIn.objects.exists()


def _check_in_with_symptom(page, symptom_label: str) -> None:
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    _fill_checkin(page)
    page.get_by_text("Anything new, unusual or hard today?").click()
    page.get_by_label(symptom_label).check()
    page.get_by_role("button", name="Save check-in").click()


def test_red_flag_prompt_comes_first_and_stays_until_acknowledged(page):
    _check_in_with_symptom(page, "Pain worse at night, or not easing when lying down")
    alert = page.get_by_role("alert").filter(has_text="urgent appointment").first
    alert.wait_for()
    assert alert.bounding_box()["y"] < page.get_by_text("Saved your check-in").bounding_box()["y"]
    for _ in range(2):
        page.goto("/")  # elsewhere, one line that leads the page and links to the full prompt
        first_card = page.locator("main > *:not(h1)").first
        assert "Urgent: Pain worse at night" in first_card.inner_text()
    page.locator(".care-line.care-urgent").get_by_role("link", name="Pain worse at night").click()
    assert page.get_by_role("button", name="Understood").count() == 0
    page.get_by_role("button", name="I've spoken to a professional").click()
    page.get_by_text("Thank you: your answer is kept with its time.").wait_for()
    page.goto("/")
    assert page.get_by_role("alert").count() == 0
    assert "You said: spoken to a professional" in page.locator(".care-reminder").inner_text()
    assert CareAlert.objects.get().acknowledgement == "spoken"


def test_emergency_answer_takes_over_the_page(page):
    _check_in_with_symptom(page, "Numbness or tingling around the genitals, bottom or inner thighs")
    call = page.get_by_role("link", name="Call 112")
    call.wait_for()
    assert call.get_attribute("href") == "tel:112"
    assert page.locator("form.checkin-form").count() == 0


def test_trends_range_switch_updates_the_chart(page):
    user = make_user("alice")
    for offset in range(60):
        make_checkin(user, _today() - dt.timedelta(days=offset), discomfort=offset % 7)
    log_in(page, "alice", PASSWORD)
    page.goto("/trends/")
    points_30 = page.locator("#figure-discomfort circle").count()
    page.get_by_role("link", name="90 days").click()
    page.locator(".range-switch a.current", has_text="90 days").wait_for()
    assert page.url.endswith("?range=90")
    assert page.locator("#figure-discomfort circle").count() == 60 != points_30


def test_the_year_of_discomfort_fits_a_narrow_screen_that_shows_the_grid(new_page):
    user = make_user("alice")
    make_checkin(user, _today(), discomfort=8)
    page = new_page("phone")
    # The narrowest screen that shows the grid of days (below it, a phone shows the year as
    # months): the whole year fits, no sideways scroll, today in sight.
    page.set_viewport_size({"width": 720, "height": 900})
    log_in(page, "alice", PASSWORD)
    page.goto("/trends/")
    frame = page.locator(".heatmap-wrap").bounding_box()
    today = page.locator(".heatmap rect.hm-4").bounding_box()  # the one logged day: 8/10
    assert not page.locator(".heatmap-wrap").evaluate("e => e.scrollWidth > e.clientWidth")
    assert frame["x"] <= today["x"] and today["x"] + today["width"] <= frame["x"] + frame["width"]


def test_show_as_table_opens_the_numbers_in_place_and_focuses_them(page):
    user = make_user("alice")
    make_checkin(user, _today(), discomfort=6)
    log_in(page, "alice", PASSWORD)
    page.goto("/trends/?range=7")
    navigations = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.locator("#figure-discomfort").get_by_role("link", name="Show as table").click()
    table = page.locator("#figure-discomfort table")
    table.wait_for()
    assert navigations == []
    assert table.locator("tbody tr").count() == 7
    assert table.locator("tbody tr").last.locator("td").nth(1).inner_text() == "6"
    summary = page.locator("#table-discomfort summary")
    assert summary.evaluate("element => element === document.activeElement")
    summary.click()  # closes the table again
    assert not table.is_visible()


def test_show_as_table_without_javascript_opens_a_table_page(new_page):
    user = make_user("alice")
    make_checkin(user, _today(), discomfort=6)
    page = new_page(javascript=False)
    log_in(page, "alice", PASSWORD)
    page.goto("/trends/?range=7")
    page.locator("#figure-discomfort").get_by_role("link", name="Show as table").click()
    page.wait_for_url("**/trends/table/discomfort/?range=7")
    assert page.get_by_role("heading", level=1).inner_text() == "Discomfort, last 7 days"
    assert page.locator("tbody tr").count() == 7
    page.get_by_role("link", name="Back to trends").click()
    page.wait_for_url("**/trends/?range=7#figure-discomfort")


def test_clinician_report_prints_to_pdf(page):
    user = make_user("alice")
    for offset in range(20):
        make_checkin(user, _today() - dt.timedelta(days=offset), notes=f"note {offset}")
    log_in(page, "alice", PASSWORD)
    page.goto("/report/?range=30")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_content_editor_edits_a_tip_and_the_guide_shows_it(page):
    editor = make_user("editor")
    editor.is_staff = True
    editor.save()
    editor.groups.add(Group.objects.get(name="Content editors"))
    tip = Tip.objects.select_related("section").first()
    log_in(page, "editor", PASSWORD)
    page.goto(f"/admin/tracker/tip/{tip.pk}/change/")
    page.locator("#id_body").fill("Browser-edited wording for this tip.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("was changed successfully").wait_for()
    page.goto(f"/guide/{tip.section.slug}/")
    assert page.get_by_text("Browser-edited wording for this tip.").is_visible()


def test_another_persons_care_alert_url_is_404(page, page_problems):
    page_problems.allow("status of 404")
    owner = make_user("alice")
    make_user("bob")
    alert = CareAlert.objects.create(
        user=owner, rule="swelling", tier="urgent", last_evidence_date=_today(),
        evidence=[{"date": _today().isoformat(), "answers": ["private"]}],
    )  # fmt: skip
    log_in(page, "bob", PASSWORD)
    response = page.goto(f"/care/{alert.pk}/")
    assert response.status == 404
    assert "private" not in page.content()


def test_scales_are_operable_by_keyboard(page):
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    page.locator("#id_discomfort_2").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#id_discomfort_3").is_checked()


def test_screenshots_of_the_main_pages(new_page, viewport_name):
    user = make_user("alice")
    for offset in range(40):
        make_checkin(user, _today() - dt.timedelta(days=offset), discomfort=(offset * 3) % 8)
    page = new_page(viewport_name)
    log_in(page, "alice", PASSWORD)
    for name, path in [
        ("home", "/"),
        ("checkin", "/checkin/"),
        ("trends", "/trends/"),
        ("guide", "/guide/"),
    ]:
        page.goto(path)
        assert save_screenshot(page, f"{name}-{viewport_name}").stat().st_size > 5_000


def test_service_worker_registers_for_the_whole_app(page):
    make_user("alice")
    log_in(page, "alice", PASSWORD)
    scope = page.evaluate("navigator.serviceWorker.ready.then(registration => registration.scope)")
    assert scope == page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + "/"


def test_settings_push_switch_asks_the_browser_for_a_subscription(
    new_page, settings, page_problems
):
    from tracker.accounts import delivery

    # Headless Chromium refuses the subscription itself and says so on the console.
    page_problems.allow("Push API")

    public, private = delivery.generate_vapid_keys()
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = public, private
    make_user("alice")
    page = new_page("phone")
    page.context.grant_permissions(["notifications"])
    log_in(page, "alice", PASSWORD)
    page.goto("/settings/")
    page.evaluate("navigator.serviceWorker.ready")
    button = page.get_by_role("button", name="Turn on notifications on this device")
    assert button.is_visible()
    button.click()
    # Creating a real subscription needs a push service on the internet, which this machine
    # cannot reach: the test stops once the browser has been asked for one.
    status = page.locator("#push-status")
    status.filter(has_text="push subscription").or_(status.filter(has_text="Couldn't")).wait_for()
    page.wait_for_function(
        "!document.getElementById('push-status').textContent.includes('Asking for permission')"
    )
    text = status.inner_text()
    assert "Asking the browser for a push subscription" in text or "Couldn't turn on" in text
    assert "were not allowed" not in text


def test_a_reminder_notification_offers_log_pain_and_done_today(new_page, live_server):
    make_user("alice")
    page = new_page("phone")
    page.context.grant_permissions(["notifications"])
    log_in(page, "alice", PASSWORD)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    cdp = page.context.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: registrations.extend(event["registrations"]))  # fmt: skip
    cdp.send("ServiceWorker.enable")
    page.wait_for_timeout(300)
    [registration] = [r for r in registrations if not r.get("isDeleted")]
    payload = {
        "title": "backhabits: how is your back today?",
        "body": "A nudge",
        "url": "/checkin/",
    }
    # Polled from Python: wait_for_function takes an async function's Promise as already true,
    # so it would read the notifications before the worker has shown one. DevTools' push is sent
    # and forgotten, and on a loaded machine Chromium now and then drops one (a worker being
    # started): it is sent again every two seconds. The notification's tag keeps one shown.
    shown, deadline, next_push = None, time.monotonic() + 15, 0.0
    while shown is None and time.monotonic() < deadline:
        if time.monotonic() >= next_push:
            cdp.send("ServiceWorker.deliverPushMessage", {
                "origin": live_server.url, "registrationId": registration["registrationId"],
                "data": json.dumps(payload),
            })  # fmt: skip
            next_push = time.monotonic() + 2
        shown = page.evaluate(
            """async () => {
                const registration = await navigator.serviceWorker.ready;
                const found = await registration.getNotifications();
                return found.length ? {title: found[0].title, body: found[0].body,
                    actions: found[0].actions.map(a => [a.action, a.title]),
                    urls: found[0].data.urls} : null;
            }"""
        )
        if shown is None:
            time.sleep(0.1)
    assert shown is not None, "no notification was shown within 15 s"
    assert shown["title"] == payload["title"] and shown["body"] == "A nudge"
    assert shown["actions"] == [["log-pain", "Log pain"], ["done-today", "Done today"]]
    assert shown["urls"][""] == "/checkin/" and shown["urls"]["done-today"] == "/checkin/"
    # What "Log pain" opens (the worker's click handler opens urls[action]):
    page.goto(shown["urls"]["log-pain"])
    focused = page.evaluate("document.activeElement && document.activeElement.id")
    assert focused == "id_discomfort_0"
