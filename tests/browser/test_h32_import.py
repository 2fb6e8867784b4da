"""Importing an export on a 390 x 844 phone: Settings -> Import, the file checked with a
progress line while it is read, the preview (days, clashes, columns), the choice for days that
clash, and the result with the care advice worded for a past event; with and without
JavaScript; no sideways scroll, nothing serious for axe."""

import datetime as dt

import pytest

from tests.browser.conftest import log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.dates import today_for
from tracker.models import CareAlert, CheckIn

WATCH_INDICATOR = """() => {
  const el = document.getElementById('import-progress');
  new MutationObserver(() => {
    if (el.classList.contains('htmx-request') && getComputedStyle(el).display !== 'none') {
      sessionStorage.setItem('importProgressShown', '1');
    }
  }).observe(el, {attributes: true});
}"""


def _file(today: dt.date) -> bytes:
    rows = ["date,posture,discomfort,symptoms,notes,pain_relief"]
    for n in range(30, 0, -1):
        day = today - dt.timedelta(days=n)
        rows.append(f"{day.isoformat()},{1 + n % 5},{n % 8},,day {n},heat pack")
    long_ago = today - dt.timedelta(days=150)
    rows.append(f"{long_ago.isoformat()},,6,saddle_numbness,,")
    return ("\n".join(rows) + "\n").encode()


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def _checked(page, javascript: bool) -> None:
    """No sideways scroll and nothing serious for axe. Both run script in the page, which a
    context without JavaScript never answers: the same pages are checked in the run with it."""
    if javascript:
        _no_sideways_scroll(page)
        assert run_axe(page) == []


@pytest.mark.parametrize("javascript", [True, False])
def test_importing_an_export_on_a_phone(new_page, page_problems, javascript, tmp_path):
    user = make_user("importer", country="GB")
    today = today_for(user)
    make_checkin(user, today - dt.timedelta(days=5), discomfort=1, notes="mine")
    page = new_page("phone", javascript=javascript)
    log_in(page, "importer", PASSWORD)
    page.goto("/settings/")
    page.get_by_role("link", name="Import days: a backhabits export").click()
    page.wait_for_url("**/settings/import/")
    _checked(page, javascript)
    assert not page.locator("#import-progress").is_visible()
    path = tmp_path / "backhabits-export.csv"
    path.write_bytes(_file(today))
    page.get_by_label("Your export file").set_input_files(str(path))
    if javascript:
        page.evaluate(WATCH_INDICATOR)
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_url("**/settings/import/preview/")
    if javascript:
        # Kept in sessionStorage: the preview is a new page (htmx's HX-Redirect).
        assert page.evaluate("sessionStorage.getItem('importProgressShown')") == "1"
    text = " ".join(page.locator("main").inner_text().split())
    assert "31 days" in text and "1 day already has answers here" in text
    assert "Pain relief: heat pack" in text
    _checked(page, javascript)
    save_screenshot(page, f"h32-import-preview-{'js' if javascript else 'nojs'}")
    assert not CheckIn.objects.filter(user=user, notes__startswith="day").exists()
    page.get_by_label("Use the file").check()
    page.get_by_role("button", name="Import 31 days").click()
    page.get_by_role("heading", name="Your days are in").wait_for()
    text = " ".join(page.locator("main").inner_text().split())
    assert "31 days saved from the file" in text
    assert "If this is still happening, call 999" in text
    assert "You logged this for a day that has passed" in text
    assert "Don't wait to see if it gets better" not in text
    _checked(page, javascript)
    save_screenshot(page, f"h32-import-done-{'js' if javascript else 'nojs'}")
    assert CheckIn.objects.get(user=user, date=today - dt.timedelta(days=5)).notes == "day 5"
    assert CareAlert.objects.filter(user=user, rule="saddle_numbness").exists()
    assert page_problems.unexpected() == []


def test_a_bad_file_is_explained_on_the_page(new_page, page_problems, tmp_path):
    make_user("importer")
    page = new_page("phone")
    log_in(page, "importer", PASSWORD)
    page.goto("/settings/import/")
    path = tmp_path / "bad.csv"
    path.write_text("date,posture\n2020-01-01,9\n2020-01-01,3\n")
    page.get_by_label("Your export file").set_input_files(str(path))
    page.get_by_role("button", name="Check the file").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    text = " ".join(alert.inner_text().split())
    assert "Line 2, column posture: Choose a whole number from 1 to 5." in text
    assert "Line 3: 2020-01-01 is also in line 2." in text
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    assert page_problems.unexpected() == []
