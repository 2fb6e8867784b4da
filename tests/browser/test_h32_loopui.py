"""Importing Loop Habit Tracker's zip on a 390 x 844 phone: upload, choose what each habit
becomes (a duplicate and an out-of-range number refused next to their fields), the preview and
the import; no sideways scroll, nothing serious for axe, every choice a target of 44 px or more."""

import datetime as dt

from tests.browser.conftest import log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_user
from tests.test_h32_loop_format import Habit, loop_zip
from tracker.dates import today_for
from tracker.models import CareAlert, CheckIn

SMALL_TARGETS = """() => [...document.querySelectorAll(
  'main label.choice-row, main button, main input[type=number]'
)].filter(el => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 44; })
  .map(el => el.outerHTML.slice(0, 80))"""


def _checked(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url
    assert run_axe(page) == []
    assert page.evaluate(SMALL_TARGETS) == []


def test_importing_a_loop_export_on_a_phone(new_page, page_problems, tmp_path):
    page_problems.allow("status of 400")  # the refused mapping, as a form refused elsewhere
    user = make_user("looper")
    today = today_for(user)
    days = [(today - dt.timedelta(days=n)).isoformat() for n in range(1, 6)]
    path = tmp_path / "Loop Habits CSV 2026-01-01.zip"
    path.write_bytes(
        loop_zip(
            [
                Habit("Walk", numeric=True, unit="min", entries=[(d, 30000, "") for d in days]),
                Habit("Sit up straight", entries=[(d, 2, "") for d in days]),
                Habit("Floss", entries=[(d, 2, "") for d in days]),
            ]
        )
    )
    page = new_page("phone")
    log_in(page, "looper", PASSWORD)
    page.goto("/settings/import/")
    page.get_by_label("Your export file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url("**/settings/import/loop/")
    page.get_by_role("heading", name="What each habit becomes").wait_for()
    _checked(page)
    save_screenshot(page, "h32-loopui-mapping")

    # Exercise twice, and a yes/no exercise habit with more minutes than a day has.
    page.locator("#id_habit_0_1").check()  # Walk: minutes
    page.locator("#id_habit_1_1").check()  # Sit up straight: exercise
    page.locator("#id_minutes_1").fill("5000")
    page.get_by_role("button", name="See what would come in").click()
    page.get_by_text("Enter at most 1,440 minutes.").wait_for()
    assert page.get_by_text("Exercise can come from one habit only").count() == 2
    assert page.locator("#id_minutes_1").get_attribute("aria-invalid") == "true"
    _checked(page)

    page.get_by_label("Good posture: a “yes” day is posture 4 of 5").first.check()
    page.get_by_role("button", name="See what would come in").click()
    page.wait_for_url("**/settings/import/preview/")
    text = " ".join(page.locator("main").inner_text().split())
    assert "5 days" in text and "Change what each Loop habit becomes" in text
    _checked(page)
    save_screenshot(page, "h32-loopui-preview")
    page.get_by_role("button", name="Import 5 days").click()
    page.get_by_role("heading", name="Your days are in").wait_for()
    _checked(page)
    rows = CheckIn.objects.filter(user=user)
    assert rows.count() == 5
    assert set(rows.values_list("exercise_minutes", "posture", "water_ml", "discomfort")) == {
        (30, 4, None, None)
    }
    assert not CareAlert.objects.filter(user=user).exists()
