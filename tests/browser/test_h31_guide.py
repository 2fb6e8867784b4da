"""The guide and offline, in Chromium at 390 x 844: the guide leads with "When to get help" and
the person's numbers; offline (Playwright's `context.set_offline`, after one visit online so the
service worker is installed) the nav marks the pages that need the network, those pages open the
app's own page offering the check-in and the emergency advice, and "When to seek help" opens."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.conftest import log_in, run_axe, save_screenshot, until
from tests.factories import PASSWORD, make_user
from tracker.care import countries

pytestmark = pytest.mark.django_db(transaction=True)

NETWORK_ONLY = ("History", "Trends", "Guide", "Settings")
KEPT = ("/checkin/offline/", "/offline/emergency/", "/offline/", "/offline/when-to-seek-help/")


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


@pytest.fixture
def phone(new_page, page_problems):
    make_user("alice", country="GB")
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    # Offline, the browser logs each request it could not make.
    page_problems.allow("net::ERR_INTERNET_DISCONNECTED")
    page_problems.allow("Failed to fetch")
    return page


def test_the_guide_leads_with_when_to_get_help_and_the_persons_numbers(phone):
    phone.goto("/guide/")
    first = phone.locator("article.guide section").first
    assert first.get_attribute("id") == "get-help"
    assert first.locator("h2").inner_text() == "When to get help"
    # In the first screen, above the contents and every section.
    assert first.bounding_box()["y"] < 844
    assert first.bounding_box()["y"] < phone.locator("#toc-heading").bounding_box()["y"]
    assert "Call 999 or go to the emergency department now" in first.inner_text()
    call = first.get_by_role("link", name="Call 999")
    assert call.get_attribute("href") == "tel:999"
    assert call.bounding_box()["height"] >= 44
    _no_sideways_scroll(phone)
    assert run_axe(phone) == []
    save_screenshot(phone, "h31-guide-when-to-get-help-phone")
    first.get_by_role("link", name="When to seek help").click()
    phone.wait_for_url("**/guide/when-to-seek-help/")
    assert phone.locator("h1").inner_text() == "When to seek help"


def test_signed_out_the_guide_gives_the_default_numbers(new_page):
    page = new_page("phone")
    page.goto("/guide/")
    summary = page.locator("#get-help")
    assert summary.get_by_role("link", name="Call 112").get_attribute("href") == "tel:112"
    assert countries.NUMBERS_WHEN_UNSET in summary.inner_text()
    _no_sideways_scroll(page)
    assert run_axe(page) == []


def _path(page) -> str | None:
    try:
        return page.evaluate("location.pathname")
    except PlaywrightError:  # between two documents
        return None


def _arrive(page, path: str, *, seconds: float = 10) -> bool:
    """Whether the page reaches `path` within `seconds`. Read from the page itself: Chromium's
    offline emulation now and then never reports to Playwright a navigation that the service
    worker answered (wait_for_url timed out on a page that was right)."""
    try:
        until(lambda: _path(page) == path, seconds=seconds, what=path)
    except AssertionError:
        return False
    page.wait_for_load_state()
    return True


def _reach(page, path: str, act) -> None:
    """Does `act` (opening `path`, or tapping a link to it) offline and waits for `path`. The
    same emulation now and then drops such a tap or opening (the page stays as it was, about
    one run in four on a busy machine), so one that has led nowhere in 5 s is made again, up to
    twice: a person would tap again too."""
    for _ in range(3):
        act()
        if _arrive(page, path, seconds=5):
            return
    raise AssertionError(f"{path} never opened (still at {_path(page)})")


def _kept_offline(page) -> bool:
    return page.evaluate(
        """async (urls) => Boolean(navigator.serviceWorker.controller)
            && (await Promise.all(urls.map((url) => caches.match(url)))).every(Boolean)""",
        list(KEPT),
    )


# Chromium's offline emulation with a service worker answering navigations is timing-dependent:
# a navigation while offline now and then never happens or is never reported to Playwright, and
# once back online the page's first reload could still meet no connection (1 run in 2 of this
# file on a slow day). The page now tries again by itself (static/js/offline.js), and the test
# reads addresses from the page and taps or opens again as a person would (_reach): 8
# runs in 8 passed without reruns. The reruns stay as a last resort.
@pytest.mark.flaky(reruns=2, reruns_delay=1)
def test_offline_the_nav_marks_network_pages_which_open_the_apps_own_page(phone):
    phone.goto("/history/")
    until(lambda: phone.evaluate("async () => Boolean(await navigator.serviceWorker.ready)"),
           what="the service worker")  # fmt: skip
    phone.reload()  # now under its control
    until(lambda: _kept_offline(phone), what="the kept pages")
    nav = phone.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="History", exact=True).count() == 1

    phone.context.set_offline(True)
    for name in NETWORK_ONLY:  # named for a screen reader, crossed out on the screen
        link = nav.get_by_role("link", name=f"{name} (needs a connection)")
        link.wait_for()
        assert "line-through" in link.evaluate("e => getComputedStyle(e).textDecorationLine")
    check_in = nav.get_by_role("link", name="Check in", exact=True)
    assert "line-through" not in check_in.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "check-in and the emergency advice work" in phone.locator("#offline-note").inner_text()
    _no_sideways_scroll(phone)
    assert run_axe(phone) == []
    save_screenshot(phone, "h31-guide-offline-nav-phone")

    for path in ("/history/", "/trends/", "/guide/"):
        # The address stays the page asked for. Waited for: once, with the clock a year ahead,
        # the address still read the page before when goto returned.
        _reach(phone, path, lambda path=path: phone.goto(path))
        assert phone.locator("h1").inner_text() == "This page needs a connection", path
    main = phone.locator("main")
    assert main.get_by_role("link", name="Check in").get_attribute("href") == "/checkin/"
    emergency = main.get_by_role("link", name="Emergency advice")
    assert emergency.get_attribute("href") == "/offline/emergency/"
    assert main.get_by_role("link", name="Call 999").get_attribute("href") == "tel:999"
    _no_sideways_scroll(phone)
    assert run_axe(phone) == []
    save_screenshot(phone, "h31-guide-offline-page-phone")

    _reach(phone, "/offline/emergency/", emergency.click)
    assert phone.locator("h1").inner_text() == "Call 999 now"
    phone.go_back()
    # Back on the page kept in place of the guide before clicking: under load the click once
    # reached the emergency page while it was being left.
    assert _arrive(phone, "/guide/")
    assert phone.locator("h1").inner_text() == "This page needs a connection"
    # The kept check-in form opens at the check-in's own address.
    _reach(phone, "/checkin/", phone.locator("main").get_by_role("link", name="Check in").click)
    phone.locator("form[data-offline-shell]").wait_for()
    assert phone.locator("form[data-offline-shell]").count() == 1

    # "When to seek help", kept for reading offline.
    phone.goto("/guide/when-to-seek-help/")
    assert phone.locator("h1").inner_text() == "When to seek help"
    assert "numbness or tingling around your genitals" in phone.locator("main").inner_text()
    _no_sideways_scroll(phone)
    assert run_axe(phone) == []
    save_screenshot(phone, "h31-guide-offline-seek-help-phone")

    # Back online, the page shown in place of Trends becomes Trends by itself.
    phone.goto("/trends/")
    assert phone.locator("h1").inner_text() == "This page needs a connection"
    phone.context.set_offline(False)
    # Trends' first view draws every chart: on a busy machine that has taken over 10 s.
    until(lambda: "needs a connection" not in phone.locator("h1").first.inner_text(),
           seconds=30, what="the page to reload once online")  # fmt: skip
    assert phone.url.endswith("/trends/")
    assert nav.get_by_role("link", name="Trends", exact=True).count() == 1
    phone.wait_for_load_state("networkidle")


def _kept_page(page, url: str) -> str | None:
    return page.evaluate(
        "async (url) => { const kept = await caches.match(url); "
        "return kept ? kept.text() : null; }",
        url,
    )


def test_signed_out_the_persons_kept_pages_go_and_anyones_stay(phone):
    phone.goto("/checkin/")
    until(lambda: phone.evaluate("async () => Boolean(await navigator.serviceWorker.ready)"),
           what="the service worker")  # fmt: skip
    phone.reload()
    until(lambda: _kept_offline(phone), what="the kept pages")
    assert 'href="tel:999"' in _kept_page(phone, "/offline/")

    phone.get_by_role("button", name="Log out").click()
    phone.wait_for_load_state("networkidle")

    def forgotten() -> bool:
        needs_network = _kept_page(phone, "/offline/") or ""
        return (
            _kept_page(phone, "/checkin/offline/") is None
            and _kept_page(phone, "/offline/emergency/") is None
            and 'href="tel:112"' in needs_network
            and "data-signed-in" not in needs_network
            and "data-signed-in" not in (_kept_page(phone, "/offline/when-to-seek-help/") or "x")
        )

    until(forgotten, what="the person's pages to go")
    phone.context.set_offline(True)
    phone.goto("/guide/when-to-seek-help/")
    assert phone.locator("h1").inner_text() == "When to seek help"
    assert phone.get_by_role("link", name="Call 112").count() == 1
    phone.goto("/history/")
    assert phone.locator("h1").inner_text() == "This page needs a connection"
    assert phone.locator("main").get_by_role("link", name="Check in").count() == 0
    assert run_axe(phone) == []


def _retries_made(page) -> int:
    """How often the page has tried again by itself (0 while it is reloading)."""
    try:
        made = page.evaluate("sessionStorage.getItem('backhabits-retries:' + location.pathname)")
    except PlaywrightError:  # the page is reloading: asked again on the next poll
        return 0
    return int(made or 0)


def test_online_but_unreachable_the_page_tries_again_by_itself_and_arrives(phone):
    """The phone says it is online but pages cannot reach the server yet (the connection comes
    back in steps): the page shown in place of Trends reloads by itself, after 1, 2, 4 and 8 s,
    and becomes Trends once the server answers. Here the page is put online while its service
    worker, which fetches every page, stays offline."""
    phone.goto("/history/")
    until(lambda: phone.evaluate("async () => Boolean(await navigator.serviceWorker.ready)"),
           what="the service worker")  # fmt: skip
    phone.reload()
    until(lambda: _kept_offline(phone), what="the kept pages")
    phone.context.set_offline(True)
    phone.goto("/trends/")
    assert phone.locator("h1").inner_text() == "This page needs a connection"
    assert _retries_made(phone) == 0  # offline, it waits for the connection

    page_only = phone.context.new_cdp_session(phone)
    page_only.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1,
    })  # fmt: skip
    until(lambda: _retries_made(phone) >= 2, seconds=15, what="two tries by itself")
    assert phone.locator("h1").inner_text() == "This page needs a connection"

    phone.context.set_offline(False)
    until(lambda: "needs a connection" not in phone.locator("h1").first.inner_text(),
           seconds=30, what="Trends, once the server answers")  # fmt: skip
    assert phone.evaluate("location.pathname") == "/trends/"
    assert _retries_made(phone) == 0  # the page itself arrived: the count starts again
