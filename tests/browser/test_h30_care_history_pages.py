"""Issue 30: on a 390 x 844 phone in Chromium, a long history of earlier care alerts is paged
through with whole-sized links, with or without JavaScript, and every page passes axe."""

import datetime as dt

import pytest

from tests.browser.conftest import SCREENSHOTS, log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_user
from tracker.care import redflags
from tracker.care.shown import EARLIER_ALERTS_A_PAGE
from tracker.models import CareAlert

pytestmark = pytest.mark.django_db(transaction=True)
RULE = redflags.RULES_BY_CODE["night_pain"]


def _earlier_alerts(user, count: int) -> None:
    raised = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)  # only ever compared with itself
    for n in range(count):
        day = raised + dt.timedelta(days=3 * n)
        alert = CareAlert.objects.create(
            user=user, rule=RULE.code, tier=RULE.tier, last_evidence_date=day.date(),
            evidence=[{"date": day.date().isoformat(), "answers": [RULE.code]}],
            acknowledged_at=day + dt.timedelta(hours=2), acknowledgement="spoken",
        )  # fmt: skip
        CareAlert.objects.filter(pk=alert.pk).update(created_at=day)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_paging_through_earlier_alerts_on_a_phone(new_page, javascript):
    alice = make_user("alice", country="GB")
    _earlier_alerts(alice, 2 * EARLIER_ALERTS_A_PAGE + 4)
    page = new_page("phone", javascript=javascript)
    log_in(page, "alice", PASSWORD)
    page.goto("/care/")
    records = page.locator(".alert-record")
    assert records.count() == EARLIER_ALERTS_A_PAGE
    assert page.get_by_text("Page 1 of 3").is_visible()
    if javascript:  # axe runs in the page
        assert run_axe(page) == []

    older = page.get_by_role("link", name="Older alerts")
    box = older.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    older.click()
    page.wait_for_url("**/care/?page=2#history-heading")
    assert page.get_by_text("Page 2 of 3").is_visible()
    assert records.count() == EARLIER_ALERTS_A_PAGE
    # Landed at the list itself, its heading on the screen, not at the top of the page.
    assert page.locator("#history-heading").bounding_box()["y"] < 844
    newer = page.get_by_role("link", name="Newer alerts")
    box = newer.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    if javascript:
        save_screenshot(page, "h30-care-history-page-2")
        # The links as a thumb meets them, at the foot of the list: the screen, not the page.
        page.locator(".pager").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "h30-care-history-pager.png"))
        assert run_axe(page) == []

    page.get_by_role("link", name="Older alerts").click()
    page.wait_for_url("**/care/?page=3#history-heading")
    assert records.count() == 4
    assert page.get_by_role("link", name="Older alerts").count() == 0
