"""Issue 30: the trends page's streaks are kept per process (before_today.streaks_from) under the
key of the days before today and what today's day gives a streak. What a view shows must always
be what working the streaks out over every loaded day now gives, whatever changed."""

import datetime as dt
import time

import pytest

from tests.factories import DAY_CHANGE_NAMES, DAY_CHANGES, make_checkin
from tracker.days import checkins
from tracker.models import AwayPeriod
from tracker.trends import before_today, dashboard, streaks

TODAY = dt.date(2026, 11, 18)  # handed to the functions: it never meets the clock
DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _nothing_kept():
    for store in (before_today.ROWS, before_today.KEPT):
        store.clear()
    yield
    for store in (before_today.ROWS, before_today.KEPT):
        store.clear()


@pytest.fixture
def days(user):
    # Runs broken every few days (none reaches back to the first day loaded).
    for offset in range(1, 500):
        if offset % 9 not in (3, 4):
            make_checkin(user, TODAY - offset * DAY, water_ml=1500 + 100 * (offset % 7),
                         exercise_minutes=10 * (offset % 5), discomfort=offset % 8)  # fmt: skip


def _shown(user) -> list[streaks.Streak]:
    return dashboard.build(user, range_key="90", today=TODAY).streaks


def _now(user) -> list[streaks.Streak]:
    """The streaks over the same rows, worked out afresh."""
    board = dashboard.build(user, range_key="90", today=TODAY)
    found, _ = streaks.from_loaded(
        user, list(board.rows), today=TODAY, whole_history=False, away=board.away
    )
    return found


def _kept_streaks() -> int:
    return sum(1 for key in before_today.KEPT._items if key[0] == "streaks")


def _change(user, day: dt.date, **kind) -> None:
    time.sleep(0.001)  # a later moment than the day was saved in
    checkins.record_day(user=user, date=day, today=TODAY, change=checkins.DayChange(**kind))


def test_kept_streaks_are_the_streaks_worked_out_now(user, days):
    first = _shown(user)
    assert first == _now(user) and any(streak.longest for streak in first)
    assert _shown(user) == first and _kept_streaks() == 1


@pytest.mark.parametrize("change", DAY_CHANGES, ids=DAY_CHANGE_NAMES)
def test_every_way_a_day_is_changed_shows_at_once(user, days, change):
    _shown(user)
    for day in (TODAY - 4 * DAY, TODAY):  # an earlier day, then today's check-in
        _change(user, day, **change)
        assert _shown(user) == _now(user)


def test_todays_check_in_moves_the_current_streaks(user, days):
    _change(user, TODAY - DAY, values={"water_ml": 3000, "exercise_minutes": 60})
    before = {streak.kind: streak.current for streak in _shown(user)}
    _change(user, TODAY, values={"water_ml": 3000, "exercise_minutes": 60})
    after = {streak.kind: streak.current for streak in _shown(user)}
    assert after == {kind: current + 1 for kind, current in before.items()}
    assert _shown(user) == _now(user)


def test_goals_and_time_away_are_part_of_what_is_kept(user, days):
    _shown(user)
    user.profile.water_goal_ml = 1600
    user.profile.save()
    assert _shown(user) == _now(user)
    AwayPeriod.objects.create(user=user, start=TODAY - 4 * DAY, end=TODAY - 3 * DAY)
    assert _shown(user) == _now(user)
    assert _kept_streaks() == 3


def test_a_run_reaching_the_first_loaded_day_is_never_kept(user):
    # Every day for two years: the current run reaches back past what a range loads, so the
    # whole history is read, and an older day (an import) could still lengthen it.
    for offset in range(1, 730):
        make_checkin(user, TODAY - offset * DAY, water_ml=2500)
    first = _shown(user)
    assert next(s for s in first if s.kind == "checkin").current == 729
    assert _kept_streaks() == 0
    make_checkin(user, TODAY - 730 * DAY, water_ml=2500)
    assert next(s for s in _shown(user) if s.kind == "checkin").current == 730


def test_runs_worked_out_over_the_whole_history_are_never_kept(user):
    # Two years, with one day missed 600 days ago: the current run reaches back past what a
    # range loads, so the whole history is read, where the run stops at the gap. Filling the
    # gap (an import, an old day edited) changes no day the key stands for.
    gap = TODAY - 600 * DAY
    for offset in range(1, 730):
        if TODAY - offset * DAY != gap:
            make_checkin(user, TODAY - offset * DAY, water_ml=2500)
    assert next(s for s in _shown(user) if s.kind == "checkin").current == 599
    assert _kept_streaks() == 0
    _change(user, gap, values={"water_ml": 2500})
    shown = _shown(user)
    assert next(s for s in shown if s.kind == "checkin").current == 729
    assert next(s for s in shown if s.kind == "checkin").longest == 729


def test_nobody_is_shown_anothers_streaks(user, other_user, days):
    mine = _shown(user)
    theirs = _shown(other_user)
    assert theirs != mine and all(streak.longest == 0 for streak in theirs)
