"""Signing up, logging in and settings on a 390 x 844 phone (issue 31): plain words, each thing
said once, reminders off until chosen, the age box on its label's line, and a time-zone list of
current names, grouped, with the browser's own zone chosen."""

import pytest

from tests.browser.conftest import VIEWPORTS, log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_user
from tracker.dates import canonical_zones

OLD_NAMES = ["Asia/Calcutta", "Asia/Saigon", "Europe/Kiev", "US/Eastern", "GB", "Zulu"]
DJANGOS_HINTS = [
    "150 characters or fewer",
    "@/./+/-/_",
    "Password confirmation",
    "Your password can’t",
    "Enter the same password",
]
EMAIL_PURPOSE = "We send a link to confirm it."


@pytest.fixture
def phone(browser, live_server, page_problems):
    """A phone-sized page whose browser is in a given time zone (or runs no JavaScript)."""
    contexts = []

    def make(timezone_id: str = "Europe/London", *, javascript: bool = True):
        context = browser.new_context(
            viewport=VIEWPORTS["phone"],
            base_url=live_server.url,
            timezone_id=timezone_id,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page_problems.watch(page)
        return page

    yield make
    for context in contexts:
        context.close()


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def _visible_text(page) -> str:
    return " ".join(page.locator("body").inner_text().split())


def _sign_up(page, name: str) -> None:
    """Fills in and sends the sign-up page already open."""
    page.get_by_label("A name to log in with").fill(name)
    page.get_by_label("Password", exact=True).fill("a-long-unusual-passphrase-42")
    page.get_by_label("I am 16 or older").check()
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/checkin/")


def test_sign_up_asks_in_plain_words_and_says_each_thing_once(phone):
    page = phone()
    page.goto("/accounts/signup/")
    html, text = page.content(), _visible_text(page)
    for hint in DJANGOS_HINTS:
        assert hint not in html, hint
    assert page.locator("input[type=password]").count() == 1
    assert page.get_by_label("A name to log in with").is_visible()
    assert text.count(EMAIL_PURPOSE) == 1
    assert "optional, for password reset" not in text
    assert text.count("not a diagnosis") == 1 and text.count("16 and over") == 1

    # The one rule, followed as the person types, and a way to see what was typed.
    hint = page.locator("#id_password1_helptext")
    assert hint.inner_text() == "At least 8 characters."
    password = page.get_by_label("Password", exact=True)
    password.fill("abc")
    assert hint.inner_text() == "At least 8 characters. 5 more to go."
    password.fill("abcdefgh")
    assert hint.inner_text() == "At least 8 characters. Long enough."
    show = page.get_by_role("button", name="Show password")
    show.click()
    assert password.get_attribute("type") == "text"
    assert show.get_attribute("aria-pressed") == "true"
    show.click()
    assert password.get_attribute("type") == "password"

    # The age box sits on its label's line, box first, and is a 44 px target.
    box = page.locator("#id_confirm_age").bounding_box()
    label = page.locator("label[for=id_confirm_age]").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert box["x"] + box["width"] <= label["x"]
    assert label["y"] < box["y"] + box["height"] and box["y"] < label["y"] + label["height"]
    _no_sideways_scroll(page)
    save_screenshot(page, "h31-accounts-signup-phone")
    assert run_axe(page) == []


def test_a_server_refused_sign_up_keeps_the_plain_words(phone):
    page = phone()
    page.goto("/accounts/signup/")
    page.get_by_label("A name to log in with").fill("two words")
    page.get_by_label("Password", exact=True).fill("password123")
    page.get_by_role("button", name="Create account").click()
    text = _visible_text(page)
    assert "Use only letters, numbers and . _ - + (no spaces)." in text
    assert "This password is too common." in text
    assert "aged 16 and over" in text
    _no_sideways_scroll(page)
    assert run_axe(page) == []


@pytest.mark.parametrize(
    ("browser_zone", "chosen"),
    [("Asia/Calcutta", "Asia/Kolkata"), ("Europe/Kiev", "Europe/Kyiv"),
     ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")],
)  # fmt: skip
def test_the_zone_list_has_current_names_grouped_with_the_browsers_chosen(
    phone, browser_zone, chosen
):
    page = phone(browser_zone)
    page.goto("/accounts/signup/")
    zone = page.locator("select#id_timezone")
    assert zone.input_value() == chosen
    values = zone.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert len(values) == len(canonical_zones())
    assert not set(values) & set(OLD_NAMES)
    assert zone.locator("optgroup").count() >= 10
    assert zone.locator(":scope > option").count() == 0  # every zone in its region
    assert "Europe" in zone.locator("optgroup").evaluate_all("g => g.map(x => x.label)")

    _sign_up(page, "zoned")
    page.goto("/settings/")
    assert page.locator("select#id_timezone").input_value() == chosen


def test_without_javascript_the_zone_is_the_servers_default_and_sign_up_works(phone):
    page = phone("Asia/Tokyo", javascript=False)
    page.goto("/accounts/signup/")
    assert page.locator("select#id_timezone").input_value() == "UTC"
    page.locator("select#id_timezone").select_option("Asia/Tokyo")
    _sign_up(page, "nojs")
    page.goto("/settings/")
    assert page.locator("select#id_timezone").input_value() == "Asia/Tokyo"


def test_a_new_person_has_no_reminder_ticked_and_a_stored_old_zone_saves(phone):
    page = phone()
    page.goto("/accounts/signup/")
    _sign_up(page, "fresh")
    page.goto("/settings/")
    for name in ("reminders_enabled", "reminder_email"):
        assert not page.locator(f"#id_{name}").is_checked(), name
    box = page.locator("#id_reminder_email").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    _no_sideways_scroll(page)
    assert run_axe(page) == []

    make_user("old", timezone="Asia/Saigon")
    other = phone()
    log_in(other, "old", PASSWORD)
    other.goto("/settings/")
    assert other.locator("select#id_timezone").input_value() == "Asia/Ho_Chi_Minh"
    other.get_by_role("button", name="Save settings").click()
    other.get_by_text("Settings saved.").wait_for()
    assert other.locator("select#id_timezone").input_value() == "Asia/Ho_Chi_Minh"


def test_log_in_names_both_ways_and_the_landing_page_says_the_disclaimer_once(phone):
    page = phone()
    page.goto("/")
    text = _visible_text(page)
    assert text.count("not a diagnosis") == 1 and text.count("16 and over") == 1
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    page.goto("/accounts/login/")
    assert page.locator("label[for=id_username]").inner_text() == "Username or e-mail:"
    _no_sideways_scroll(page)
    assert run_axe(page) == []
    make_user("ann")
    log_in(page, "ann@example.com", PASSWORD)  # the confirmed address works as well
    assert page.locator("body[data-signed-in]").count() == 1
