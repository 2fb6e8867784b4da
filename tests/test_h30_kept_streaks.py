"""Issue 30: the trends page's streaks are kept per process (before_today.streaks_from) under the
key of the days before today and what today's day gives a streak. What a view shows must always
be what working the streaks out over every loaded day now gives, whatever changed."""

import datetime as dt
import time

import pytest

from tests.factories import DAY_CHANGE_NAMES, DAY_CHANGES, make_checkin
from tracker.days import checkins
from tracker.models import AwayPeriod, CheckIn
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
    """The streaks over the same rows, worked out afresh: over every day instead when a
    current run reaches back to the first loaded day and older days exist."""
    board = dashboard.build(user, range_key="90", today=TODAY)
    rows = list(board.rows)
    found = streaks.over_loaded(user, rows, today=TODAY, away=board.away)
    if (
        any(streak.unbroken for streak in found)
        and CheckIn.objects.filter(user=user, date__lt=rows[0].date).exists()
    ):
        return streaks.over_whole_history(user, today=TODAY, away=board.away)
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


@pytest.fixture
def whole_history_reads(monkeypatch) -> list[int]:
    """Counts the reads of every day a person saved (streaks.over_whole_history)."""
    reads = []
    read = streaks.over_whole_history
    monkeypatch.setattr(
        streaks, "over_whole_history", lambda user, **kw: reads.append(1) or read(user, **kw)
    )
    return reads


def _checked_in(shown: list[streaks.Streak]) -> streaks.Streak:
    return next(streak for streak in shown if streak.kind == "checkin")


def _every_day_for_two_years(user, *, but: dt.date | None = None) -> None:
    for offset in range(1, 730):
        if TODAY - offset * DAY != but:
            make_checkin(user, TODAY - offset * DAY, water_ml=2500)


def test_a_run_longer_than_the_loaded_days_is_read_once_then_kept(user, whole_history_reads):
    # Every day for two years: the current run reaches back past what a range loads, so the
    # older days decide it. They are read once; later views find it kept.
    _every_day_for_two_years(user)
    first = _shown(user)
    assert (_checked_in(first).current, _checked_in(first).longest) == (729, 729)
    assert first == _now(user)
    reads = len(whole_history_reads)
    assert _shown(user) == first and len(whole_history_reads) == reads


def test_an_older_day_added_lengthens_the_kept_run_at_once(user, whole_history_reads):
    _every_day_for_two_years(user)
    _shown(user)
    make_checkin(user, TODAY - 730 * DAY, water_ml=2500)  # older than any range loads
    assert _checked_in(_shown(user)).current == 730


def test_an_older_day_changed_in_place_shows_at_once(user):
    # The same number of older days: only the stamp of their save times stands for the change.
    _every_day_for_two_years(user)
    water = next(s for s in _shown(user) if s.kind == "water")
    assert water.current == 729
    _change(user, TODAY - 600 * DAY, values={"water_ml": 500})  # below the goal
    water = next(s for s in _shown(user) if s.kind == "water")
    assert (water.current, water.longest) == (599, 599)
    assert _shown(user) == _now(user)


def test_an_older_day_removed_breaks_the_kept_run(user):
    _every_day_for_two_years(user)
    _shown(user)
    CheckIn.objects.filter(user=user, date=TODAY - 600 * DAY).delete()
    assert (_checked_in(_shown(user)).current, _checked_in(_shown(user)).longest) == (599, 599)


def test_filling_an_older_gap_joins_the_runs(user):
    # Two years, with one day missed 600 days ago: the current run stops at the gap. Filling
    # it (an import, an old day edited) changes no day the loaded rows' key stands for.
    gap = TODAY - 600 * DAY
    _every_day_for_two_years(user, but=gap)
    assert _checked_in(_shown(user)).current == 599
    _change(user, gap, values={"water_ml": 2500})
    shown = _shown(user)
    assert (_checked_in(shown).current, _checked_in(shown).longest) == (729, 729)
    assert shown == _now(user)


def test_a_run_as_long_as_the_history_is_not_called_all_time(user, whole_history_reads):
    # Every day for as long as a range loads, and nothing older: the loaded days are the
    # whole history, nothing more is read, and the table says "in the last year" as before.
    for offset in range(1, 200):
        make_checkin(user, TODAY - offset * DAY, water_ml=2500)
    board = dashboard.build(user, range_key="90", today=TODAY)
    assert _checked_in(board.streaks).current == 199 and board.streaks_all_time is False
    assert whole_history_reads == []


def test_nobody_is_shown_anothers_whole_history_streaks(user, other_user):
    _every_day_for_two_years(user)
    for offset in range(1, 400):
        make_checkin(other_user, TODAY - offset * DAY, water_ml=2500)
    assert _checked_in(_shown(user)).current == 729
    assert _checked_in(_shown(other_user)).current == 399
    assert _checked_in(_shown(user)).current == 729


def test_nobody_is_shown_anothers_streaks(user, other_user, days):
    mine = _shown(user)
    theirs = _shown(other_user)
    assert theirs != mine and all(streak.longest == 0 for streak in theirs)
