"""A person's own factors on a 390 by 844 phone: named in settings, ticked on a check-in behind
"More", and found in the export."""

import csv
import io

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in, save_screenshot
from tests.factories import PASSWORD, make_user
from tracker.models import CheckIn, TrackedItem

pytestmark = pytest.mark.django_db(transaction=True)


def _too_small(page, selector: str) -> list[tuple[str, int, int]]:
    targets = page.locator(selector)
    small = []
    for index in range(targets.count()):
        box = targets.nth(index).bounding_box()
        if box["width"] < 44 or box["height"] < 44:
            small.append(
                (targets.nth(index).inner_text(), round(box["width"]), round(box["height"]))
            )
    return small


def test_two_factors_defined_in_settings_are_ticked_on_a_check_in_and_exported(new_page):
    user = make_user("alice")
    page = new_page("phone")
    log_in(page, "alice", PASSWORD)

    page.goto("/settings/")
    for name in ("Long drive", "Gardening"):
        page.get_by_label("Add a factor").fill(name)
        page.locator("form.tracked-add:has(#add-factor)").get_by_role("button", name="Add").click()
        page.get_by_text(f"Added “{name}”.").wait_for()
    assert "(2 of 10)" in page.locator("#tracked-factor").inner_text()
    assert _too_small(page, "#tracked button, #tracked input[type=text]") == []
    save_screenshot(page, "settings-own-factors-phone")

    page.goto("/checkin/")
    more = page.locator("details.more")
    assert more.get_attribute("open") is None  # an ordinary day's check-in is no longer
    page.get_by_text("More: sleep, pain relief, your own factors").click()
    page.get_by_label("Long drive").check()
    page.get_by_label("Gardening").check()
    page.get_by_label("Hours slept last night").fill("6.5")
    page.locator("details.more label.scale-option", has_text="Yes").click()
    assert _too_small(page, "details.more summary, details.more .check-option, "
                      "details.more .scale-option") == []  # fmt: skip
    save_screenshot(page, "checkin-more-open-phone")
    page.locator("label[for=id_discomfort_4]").click()
    page.get_by_role("button", name="Save check-in").click()
    page.get_by_role("heading", name="Saved your check-in").wait_for()
    assert "Long drive, Gardening" in page.locator("#checkin-panel").inner_text()

    checkin = CheckIn.objects.get(user=user, date=timezone.now().date())
    names = TrackedItem.objects.filter(pk__in=checkin.item_ids).values_list("name", flat=True)
    assert sorted(names) == ["Gardening", "Long drive"]

    page.goto("/settings/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download everything you logged (CSV)").click()
    exported = download_info.value.path().read_text(encoding="utf-8")
    (row,) = list(csv.DictReader(io.StringIO(exported)))
    assert row["date"] == checkin.date.isoformat()
    assert row["factors"] == "Long drive;Gardening"
    assert (row["sleep_hours"], row["woke_from_pain"], row["discomfort"]) == ("6.5", "yes", "4")
