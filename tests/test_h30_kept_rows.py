"""Issue 30: the trends page's days before today are kept per process (before_today.ROWS) under
what stands for them in the database, how many and the stamp of their save times
(tracker.trends.rows.saved_before_and_today), and today's row is read afresh on every view. What
a view gets must always be what reading every day now gives, whichever way a day was changed."""

import datetime as dt
import time
from decimal import Decimal

import pytest

from tests.factories import DAY_CHANGE_NAMES, DAY_CHANGES, make_checkin, make_user
from tracker.days import checkins
from tracker.models import AwayPeriod, CheckIn
from tracker.trends import before_today, dashboard
from tracker.trends.rows import away_periods, load_rows

TODAY = dt.date(2026, 11, 18)  # handed to the functions: it never meets the clock
DAY = dt.timedelta(days=1)
START = TODAY - 60 * DAY


@pytest.fixture(autouse=True)
def _nothing_kept():
    before_today.ROWS.clear()
    yield
    before_today.ROWS.clear()


@pytest.fixture
def days(user):
    for offset in range(40):
        if offset % 7 != 3:  # a few gaps
            make_checkin(user, TODAY - offset * DAY, water_ml=1000 + offset, discomfort=offset % 8)


def _account(user) -> str:
    return f"{user.pk}@{user.date_joined.isoformat()}"


def _read(user) -> list:
    return before_today.rows(user, account=_account(user), start=START, today=TODAY)


def _fresh(user) -> list:
    return load_rows(user, start=START, end=TODAY)


def _change(user, day: dt.date, **kind) -> None:
    time.sleep(0.001)  # a later moment than the day was saved in
    checkins.record_day(user=user, date=day, today=TODAY, change=checkins.DayChange(**kind))


def test_kept_rows_are_the_rows_read_now(user, days):
    first = _read(user)
    assert first == _fresh(user) and first[-1].date == TODAY
    assert _read(user) == first
    assert len(before_today.ROWS._items) == 1


def test_todays_row_has_the_types_load_rows_gives(user):
    make_checkin(user, TODAY - DAY, water_ml=500)
    peg = {"peg_pain": 2, "peg_enjoyment": 3, "peg_activity": 4}
    make_checkin(user, TODAY, water_ml=700, rest_day=True, woke_from_pain=False,
                 sleep_hours=Decimal("6.5"), **peg)  # fmt: skip
    _, todays, _ = before_today.day_rows.saved_before_and_today(user, start=START, today=TODAY)
    fresh = _fresh(user)[-1]
    assert todays == fresh
    assert [type(value) for value in todays] == [type(value) for value in fresh]
    assert todays.rest_day is True and todays.woke_from_pain is False
    assert (todays.sleep_half_hours, todays.peg_total) == (13, 9)


@pytest.mark.parametrize("change", DAY_CHANGES, ids=DAY_CHANGE_NAMES)
def test_every_way_an_earlier_day_is_changed_is_read(user, days, change):
    _read(user)
    _change(user, TODAY - 5 * DAY, **change)
    assert _read(user) == _fresh(user)
    assert len(before_today.ROWS._items) == 2  # read again, under the new stamp


def test_a_day_added_undone_or_emptied_is_read(user, days):
    _read(user)
    gap = TODAY - 3 * DAY
    _change(user, gap, water_tap_ml=250)  # a new day in a gap
    assert _read(user) == _fresh(user) and gap in [row.date for row in _read(user)]
    _change(user, gap, undo_water_tap=True)  # and gone again
    assert _read(user) == _fresh(user) and gap not in [row.date for row in _read(user)]
    emptied = dict.fromkeys(("posture", "exercise_minutes", "water_ml", "stress", "discomfort"))
    _change(user, TODAY - 8 * DAY, values=emptied)  # nothing left: the day is removed
    assert not CheckIn.objects.filter(user=user, date=TODAY - 8 * DAY).exists()
    assert _read(user) == _fresh(user)


def test_todays_check_in_reads_only_today_again(user, days, django_assert_num_queries):
    _read(user)
    for change in ({"values": {"discomfort": 2}}, {"water_tap_ml": 250}):
        _change(user, TODAY, **change)
        with django_assert_num_queries(1):  # what stands for the days before, and today's
            rows = _read(user)
        assert rows == _fresh(user)
    assert len(before_today.ROWS._items) == 1


def test_a_day_outside_the_range_leaves_the_kept_rows_alone(user, days):
    _read(user)
    make_checkin(user, START - DAY, discomfort=9)
    assert _read(user) == _fresh(user)
    assert len(before_today.ROWS._items) == 1


def test_nobody_reads_anothers_days(user, other_user, days):
    for offset in range(10):
        make_checkin(other_user, TODAY - offset * DAY, discomfort=9)
    mine, theirs = _read(user), _read(other_user)
    assert mine == _fresh(user) and theirs == _fresh(other_user) and mine != theirs
    # An id used again by a new account (SQLite may reuse one) is another account's entry.
    account = f"{user.pk}@2020-01-01T00:00:00+00:00"
    assert before_today.rows(user, account=account, start=START, today=TODAY) == _fresh(user)
    assert len(before_today.ROWS._items) == 3


def test_a_new_day_reads_the_days_again(user, days):
    _read(user)
    tomorrow = TODAY + DAY
    assert before_today.rows(user, account=_account(user), start=START, today=tomorrow) == (
        load_rows(user, start=START, end=tomorrow)
    )
    assert len(before_today.ROWS._items) == 2


def test_the_kept_rows_are_bounded(db):
    for n in range(before_today.ROWS_AT_MOST + 5):
        person = make_user(f"person{n}")
        make_checkin(person, TODAY - DAY)
        _read(person)
    assert len(before_today.ROWS._items) == before_today.ROWS_AT_MOST


def test_the_dashboard_reads_its_rows_kept(user, days, django_assert_max_num_queries):
    first = dashboard.build(user, range_key="30", today=TODAY)
    assert first.rows == load_rows(user, start=first.rows[0].date, end=TODAY)
    _change(user, TODAY - 2 * DAY, values={"discomfort": 10})
    again = dashboard.build(user, range_key="30", today=TODAY)
    assert [row.discomfort for row in again.rows if row.date == TODAY - 2 * DAY] == [10]
    assert again.fingerprint != first.fingerprint


@pytest.mark.parametrize("range_key", ["30", "365"])
def test_the_dashboard_digests_the_kept_days_once(user, days, range_key, monkeypatch):
    from tracker.trends import digests

    digested = []
    real = digests.row_numbers
    monkeypatch.setattr(
        digests, "row_numbers", lambda rows: digested.append(len(rows)) or real(rows)
    )
    first = dashboard.build(user, range_key=range_key, today=TODAY)
    kept = first.kept_before
    assert isinstance(kept, before_today.KeptDays) and list(kept) == first.rows[:-1]
    assert first.fingerprint and kept.digests  # taken, and kept with the days
    assert digested == [len(kept), 1]  # the days before today, then today's row
    again = dashboard.build(user, range_key=range_key, today=TODAY)
    assert again.kept_before is kept and again.fingerprint == first.fingerprint
    assert digested[2:] == [1]  # today's row alone: the days before it were digested
    _change(user, TODAY, values={"discomfort": 7})  # today's day: the same days before it
    today_changed = dashboard.build(user, range_key=range_key, today=TODAY)
    assert today_changed.kept_before is kept
    assert today_changed.fingerprint != first.fingerprint
    assert today_changed._before_today == first._before_today


# --- the home page's habit strengths, from the same kept days --------------------------------


def _strengths_in_one_pass(user):
    from tracker.trends import habits
    from tracker.trends.rows import away_periods

    start = TODAY - habits.WARM_UP_DAYS * DAY
    profile = user.profile
    return habits.strengths(
        load_rows(user, start=start, end=TODAY),
        goals=habits.Goals(profile.water_goal_ml, profile.exercise_goal_minutes),
        away=habits.away_dates(away_periods(user, since=start), start=start, end=TODAY),
        start=start,
        end=TODAY,
    )


def _assert_strengths_as_one_pass(user):
    from tracker.trends import habits

    shown = dashboard.habit_strengths(user, today=TODAY)
    expected = _strengths_in_one_pass(user)
    assert shown.first == TODAY  # home shows today's alone
    assert shown.scores == {habit: expected.scores[habit][-1:] for habit in habits.HABITS}


def test_home_strengths_follow_every_change_as_one_pass_gives(user, days):
    from tracker.models import AwayPeriod

    before_today.KEPT.clear()
    _assert_strengths_as_one_pass(user)
    _change(user, TODAY, values={"exercise_minutes": 0})  # today's check-in
    _assert_strengths_as_one_pass(user)
    _change(user, TODAY - 6 * DAY, values={"posture": 1})  # an earlier day
    _assert_strengths_as_one_pass(user)
    AwayPeriod.objects.create(user=user, start=TODAY - 12 * DAY, end=TODAY - 10 * DAY)
    _assert_strengths_as_one_pass(user)
    user.profile.water_goal_ml = 1010
    user.profile.save()
    _assert_strengths_as_one_pass(user)


def test_home_strengths_read_no_earlier_day_after_todays_check_in(
    user, days, django_assert_num_queries
):
    dashboard.habit_strengths(user, today=TODAY)
    _change(user, TODAY, values={"discomfort": 1, "water_ml": 3000})
    with django_assert_num_queries(1):  # what stands for the days before, today's and the away
        dashboard.habit_strengths(user, today=TODAY)
    _assert_strengths_as_one_pass(user)


@pytest.mark.parametrize("breaks", [0, 1, 3])
def test_the_time_away_read_with_the_days_is_what_away_periods_gives(user, days, breaks):
    """Home reads its breaks in the days' query: each break that ends on or after the first
    day once (one ending the day before it left out), oldest first, as dates; the days' stamp
    and today's row are the same however many breaks are joined to them."""
    other = make_user("someone-else")
    AwayPeriod.objects.create(user=other, start=TODAY - 5 * DAY, end=TODAY + 5 * DAY)
    AwayPeriod.objects.create(user=user, start=START - 9 * DAY, end=START - DAY)  # before start
    # The first break ends last, the second inside it: their starts' order is not their ends'
    # (the order of the index on user and end) nor the order they were saved in.
    spans = [(START - 2 * DAY, TODAY + 4 * DAY), (TODAY - 20 * DAY, TODAY - 18 * DAY),
             (TODAY - 3 * DAY, TODAY - DAY)][:breaks]  # fmt: skip
    for first, last in [*spans[1:], *spans[:1]]:
        AwayPeriod.objects.create(user=user, start=first, end=last)
    stamp, todays, away = before_today.day_rows.saved_before_and_today(
        user, start=START, today=TODAY, with_away=True
    )
    assert away == spans == [tuple(period) for period in away_periods(user, since=START)]
    assert all(type(day) is dt.date for period in away for day in period)
    assert stamp[0] == CheckIn.objects.filter(user=user, date__gte=START, date__lt=TODAY).count()
    assert todays == _fresh(user)[-1]
    # Not asked for, the breaks are not read (None), and the rest is the same.
    assert before_today.day_rows.saved_before_and_today(user, start=START, today=TODAY) == (
        stamp,
        todays,
        None,
    )
    AwayPeriod.objects.filter(user=user).delete()
    assert before_today.day_rows.saved_before_and_today(
        user, start=START, today=TODAY, with_away=True
    ) == (stamp, todays, [])
