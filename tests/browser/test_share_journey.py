"""A share link in Chromium: made on the report page at 390 px, opened in a fresh browser with
no cookies, printed to PDF on A4 and US Letter, revoked, and then gone (410)."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in, run_axe, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user
from tracker.models import ShareLink

pytestmark = pytest.mark.django_db(transaction=True)

# The printable width of each paper at 96 CSS px an inch, inside the report's 15 mm margins.
PRINTABLE_WIDTH_PX = {
    "A4": round((210 - 30) / 25.4 * 96),
    "Letter": round((215.9 - 30) / 25.4 * 96),
}


def test_a_clinician_opens_prints_and_then_loses_a_revoked_link(new_page, page_problems):
    user = make_user("alice", display_name="Alice Example")
    today = timezone.now().date()
    for offset in range(1, 30):
        make_checkin(user, today - dt.timedelta(days=offset), discomfort=offset % 9,
                     notes="Stiff after the drive" if offset == 3 else "")  # fmt: skip
    owner = new_page("phone")
    log_in(owner, "alice", PASSWORD)
    owner.goto("/report/")
    assert run_axe(owner) == []
    owner.get_by_role("link", name="Share with a clinician").click()
    owner.locator("label[for=id_days_1]").click()  # 30 days
    owner.get_by_role("button", name="Make a share link").click()
    owner.get_by_role("heading", name="Your share link is ready").wait_for()
    url = owner.locator("#share-url").input_value()
    assert "/shared/" in url
    assert owner.locator(".share-qr svg").bounding_box()["width"] >= 180
    save_screenshot(owner, "share-link-made-phone")

    clinician = new_page("desktop")  # a context of its own: none of the owner's cookies
    assert clinician.context.cookies() == []
    response = clinician.goto(url)
    assert response.status == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    clinician.get_by_role("heading", name="Back health report: Alice Example").wait_for()
    assert "Stiff after the drive" not in clinician.content()  # notes were left out
    assert clinician.get_by_role("link", name="Log out").count() == 0
    assert run_axe(clinician) == []
    for paper in ("A4", "Letter"):
        pdf = clinician.pdf(format=paper, print_background=False)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    clinician.emulate_media(media="print")
    for paper, width in PRINTABLE_WIDTH_PX.items():
        clinician.set_viewport_size({"width": width, "height": 1000})
        overflow = clinician.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"wider than {paper} paper: {overflow} > {width} px"
    clinician.emulate_media(media="screen")

    owner.goto("/report/#share-heading")
    owner.locator("[data-share-link] button", has_text="Revoke").click()
    owner.get_by_text("The link is revoked").wait_for()
    assert ShareLink.objects.get(user=user).revoked_at is not None
    page_problems.allow("status of 410")
    gone = clinician.goto(url)
    assert gone.status == 410
    clinician.get_by_role("heading", name="This link no longer works").wait_for()
