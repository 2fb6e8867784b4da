import datetime as dt
import json
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from tests.browser.conftest import gzip_size, log_in, run_axe
from tests.factories import PASSWORD, make_checkin, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/checkin/",
    "/history/",
    "/trends/",
    "/trends/table/discomfort/",
    "/guide/",
    "/report/",
    "/settings/",
    "/care/",
    "/tips/",
]


@pytest.fixture
def alice():
    user = make_user("alice")
    today = timezone.now().date()
    for offset in range(1, 30):
        make_checkin(user, today - dt.timedelta(days=offset), discomfort=offset % 6)
    return user


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(new_page, alice, color_scheme):
    page = new_page("phone", color_scheme=color_scheme)
    page.goto("/accounts/login/")
    assert run_axe(page) == [], "login"
    log_in(page, "alice", PASSWORD)
    found = {}
    for path in PAGES:
        page.goto(path)
        violations = run_axe(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_care_prompts_are_accessible(new_page, alice):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    page.goto("/checkin/")
    page.get_by_text("Anything new, unusual or hard today?").click()
    page.get_by_label("A high temperature, feeling hot and shivery").check()
    page.get_by_label("Cracking or popping that comes with sharp pain").check()
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_role("alert").first.wait_for()
    assert run_axe(page) == []


def test_every_input_has_a_label(new_page, alice):
    page = new_page("desktop")
    log_in(page, "alice", PASSWORD)
    for path in ["/checkin/", "/settings/", "/settings/health/"]:
        page.goto(path)
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(el => !el.labels || el.labels.length === 0).map(el => el.name)"""
        )
        assert unlabelled == [], path


@pytest.mark.parametrize("path", ["/", "/checkin/"])
def test_cold_load_is_under_100_kb_compressed_with_no_third_party_requests(new_page, alice, path):
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)
    cold = new_page("phone")
    cold.context.add_cookies(page.context.cookies())
    responses = []
    cold.on("response", lambda response: responses.append(response))
    cold.goto(path)
    cold.wait_for_load_state("networkidle")
    hosts = {urlparse(response.url).netloc for response in responses}
    assert hosts == {urlparse(cold.url).netloc}
    total = sum(gzip_size(response.body()) for response in responses if response.status == 200)
    assert total < 100_000, f"{path}: {total} bytes compressed"


def test_web_app_manifest_and_icons(new_page, alice):
    page = new_page("phone")
    page.goto("/")
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest_response = page.request.get(href)
    assert manifest_response.status == 200, href
    manifest = json.loads(manifest_response.body())
    assert manifest["display"] == "standalone" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    base = href.rsplit("/", 1)[0]
    for icon in manifest["icons"]:
        assert page.request.get(f"{base}/{icon['src']}").status == 200
