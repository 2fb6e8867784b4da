"""Chromium is sent its pages zstd-compressed, padded, and reads them whole: the trends page of
a month of check-ins on a 390 x 844 phone draws its charts and heatmap as uncompressed."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import log_in, save_screenshot
from tests.factories import PASSWORD, make_checkin, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_chromium_reads_a_zstd_page_whole(new_page):
    user = make_user("zoe")
    today = timezone.localdate()
    for n in range(1, 29):
        make_checkin(user, today - dt.timedelta(days=n), discomfort=n % 8, water_ml=1500)
    page = new_page("phone")
    log_in(page, "zoe", PASSWORD)
    with page.expect_response(lambda r: r.url.endswith("/trends/")) as answer:
        page.goto("/trends/")
    response = answer.value
    assert response.headers["content-encoding"] == "zstd"
    assert int(response.headers["content-length"]) < len(response.body()) / 3
    assert response.body().rstrip().endswith(b"</html>")
    assert page.locator("svg.chart").count() >= 5
    assert "28 days logged" in page.locator("#trends-range").inner_text()
    assert page.locator("svg.heatmap title", has_text="discomfort 7").count() == 3
    save_screenshot(page, "trends-zstd-phone")
