"""The suite's pinned clock: tests that depend on today run on the days that break date sums."""

import datetime as dt

from django.utils import timezone

from tests.conftest import KINDS_OF_DAY
from tests.factories import make_user
from tracker.dates import today_for


def test_the_kinds_of_day_are_the_first_second_and_last_of_a_month_and_new_year():
    days = sorted(KINDS_OF_DAY.values())
    assert {day.day for day in days} >= {1, 2}
    assert any((day + dt.timedelta(days=1)).day == 1 for day in days)  # a month's last day
    assert any((day.month, day.day) == (1, 1) for day in days)


def test_the_whole_process_and_a_persons_today_are_pinned(db, each_kind_of_day):
    assert timezone.now().date() == each_kind_of_day
    assert dt.date.today() == each_kind_of_day
    assert today_for(make_user("pinned")) == each_kind_of_day
