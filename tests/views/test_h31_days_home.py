"""Home over the first days: one new part at a time, the asks one at a time, care lines always
(tracker.days.first_week)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_checkin
from tracker.dates import today_for
from tracker.days import first_week
from tracker.models import CareAlert

PARTS = {
    "health_profile": 'id="health-ask-heading"',
    "peg": 'id="peg-offer-heading"',
    "tips": 'id="tips-heading"',
    "week": 'id="recent-heading"',
    "habit_strength": 'id="strength-heading"',
}


def _logged(user, days: int) -> None:
    today = today_for(user)
    for n in range(days):
        make_checkin(user, today - dt.timedelta(days=2 * n))  # not in a row: days logged count


def _shown(client) -> set[str]:
    html = client.get(reverse("tracker:home")).content.decode()
    return {name for name, marker in PARTS.items() if marker in html}


def test_a_brand_new_person_sees_only_todays_card(logged_in_client, user, each_kind_of_day):
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "Check in now" in html
    assert _shown(logged_in_client) == set()


def test_right_after_the_first_check_in_only_the_health_questions_are_offered(
    logged_in_client, user, each_kind_of_day
):
    _logged(user, 1)
    assert _shown(logged_in_client) == {"health_profile"}


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (2, {"health_profile", "tips"}),
        (3, {"health_profile", "tips", "week"}),
        (4, {"health_profile", "tips", "week", "habit_strength"}),
        (6, {"health_profile", "tips", "week", "habit_strength"}),
        (7, {"peg", "tips", "week", "habit_strength"}),
        (8, {"peg", "tips", "week", "habit_strength"}),
    ],
)
def test_each_day_brings_at_most_one_new_part(
    logged_in_client, user, each_kind_of_day, days, expected
):
    _logged(user, days)
    assert _shown(logged_in_client) == expected


def test_after_a_week_the_health_questions_come_back_when_the_peg_is_not_due(
    logged_in_client, user, each_kind_of_day
):
    _logged(user, 8)
    user.profile.peg_last_date = today_for(user)
    user.profile.save()
    assert _shown(logged_in_client) == {"health_profile", "tips", "week", "habit_strength"}
    user.profile.health_profile_answered_at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    user.profile.save()
    assert _shown(logged_in_client) == {"tips", "week", "habit_strength"}


def test_no_ask_before_todays_check_in_even_after_a_week(logged_in_client, user, each_kind_of_day):
    today = today_for(user)
    for n in range(1, 9):
        make_checkin(user, today - dt.timedelta(days=n))
    assert _shown(logged_in_client) == {"tips", "week", "habit_strength"}


def test_a_water_only_day_is_not_a_logged_day(logged_in_client, user, each_kind_of_day):
    logged_in_client.post(reverse("tracker:add_water"))
    assert first_week.logged_days(user, recent=[]) == 0
    assert _shown(logged_in_client) == set()


def test_care_lines_show_on_the_first_day(logged_in_client, user, each_kind_of_day):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    assert CareAlert.objects.filter(user=user).exists()
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert 'class="care-line' in html
    assert html.index('class="care-line') < html.index('id="today-card"')


def test_a_settled_person_costs_no_count_query(user, each_kind_of_day, django_assert_num_queries):
    today = today_for(user)
    recent = [make_checkin(user, today - dt.timedelta(days=n)) for n in range(7)]
    with django_assert_num_queries(0):
        assert first_week.logged_days(user, recent=recent) == first_week.SETTLED_FROM
    with django_assert_num_queries(1):
        assert first_week.logged_days(user, recent=recent[:3]) == first_week.SETTLED_FROM


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as read:
        client.get(reverse("tracker:home"))
    return sum('COUNT(*) FROM (SELECT "tracker_checkin"' in q["sql"] for q in read.captured_queries)


def test_home_before_the_days_check_in_counts_no_days_after_a_week_in_a_row(
    logged_in_client, user, each_kind_of_day
):
    """Home reads the day before its week too: a person who logged each of the seven days
    before today is settled before today's check-in, with no count; a gap in them (or one more
    day back) leaves the count to say so, and home shows the same parts either way."""
    today = today_for(user)
    days = {n: make_checkin(user, today - dt.timedelta(days=n)) for n in range(1, 8)}
    assert _count_queries(logged_in_client) == 0
    assert _shown(logged_in_client) == {"tips", "week", "habit_strength"}
    days[7].delete()
    make_checkin(user, today - dt.timedelta(days=8))  # still seven days, not all in the read
    assert _count_queries(logged_in_client) == 1
    assert _shown(logged_in_client) == {"tips", "week", "habit_strength"}


def test_the_thresholds_bring_one_part_a_day():
    starts = [
        first_week.HEALTH_PROFILE_FROM,
        first_week.TIPS_FROM,
        first_week.WEEK_FROM,
        first_week.HABIT_STRENGTH_FROM,
        first_week.PEG_FROM,
    ]
    assert len(set(starts)) == len(starts)
    assert min(starts) == first_week.HEALTH_PROFILE_FROM
    assert first_week.PEG_FROM == max(starts) >= 7
