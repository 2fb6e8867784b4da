"""The report opens on the period the person has logged, up to 90 days: a month in, a 90-day
report was two-thirds empty. A period chosen in the address (or the share form) still wins."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import make_checkin
from tracker.models import ShareLink
from tracker.trends import reports


def _days_back(user, today: dt.date, *backs: int) -> None:
    for back in backs:
        make_checkin(user, today - dt.timedelta(days=back))


@pytest.mark.parametrize(
    ("first_back", "expected"),
    [
        (None, "90"),  # nothing logged: the usual 90 days, as before
        (0, "all"),  # the first day is today
        (24, "all"),  # 25 days: all of them
        (89, "all"),  # 90 days exactly: all of them, the same days as "90"
        (90, "90"),  # 91 days: the last 90
        (400, "90"),
    ],
)
def test_the_period_is_the_days_logged_up_to_90(user, each_kind_of_day, first_back, expected):
    today = each_kind_of_day
    if first_back is not None:
        _days_back(user, today, *{first_back, 0})
    assert reports.report_range(user, None, today=today) == expected
    assert reports.report_range(user, "bogus", today=today) == expected
    for chosen in ("7", "30", "90", "365", "all"):  # a choice is always honoured
        assert reports.report_range(user, chosen, today=today) == chosen


def test_the_report_opens_on_the_first_logged_day(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    _days_back(user, today, *range(25))
    response = logged_in_client.get(reverse("tracker:report"))
    report = response.context["report"]
    assert report.dashboard.range_key == "all"
    assert report.dashboard.start == today - dt.timedelta(days=24)
    assert report.dashboard.logged_days == 25
    html = response.content.decode()
    first = today - dt.timedelta(days=24)
    assert f"<strong>{first.day} {first:%B %Y} to {today.day} {today:%B %Y}</strong>" in html
    # The share form offers the same period, and the range switch marks it.
    assert response.context["share_form"].initial["range"] == "all"
    assert 'href="?range=all" aria-current="page"' in html


def test_a_chosen_period_is_still_honoured(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    _days_back(user, today, *range(25))
    report = logged_in_client.get(reverse("tracker:report") + "?range=90").context["report"]
    assert report.dashboard.range_key == "90"
    assert report.dashboard.start == today - dt.timedelta(days=89)


def test_a_long_history_still_opens_on_90_days(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    _days_back(user, today, 0, 30, 120)
    report = logged_in_client.get(reverse("tracker:report")).context["report"]
    assert report.dashboard.range_key == "90"
    assert report.dashboard.start == today - dt.timedelta(days=89)


def test_a_refused_share_link_shows_the_same_default_period(
    logged_in_client, user, each_kind_of_day
):
    _days_back(user, each_kind_of_day, *range(10))
    response = logged_in_client.post(reverse("tracker:share_create"), {"range": "x", "days": "7"})
    assert response.status_code == 400
    assert response.context["report"].dashboard.range_key == "all"
    assert not ShareLink.objects.exists()
