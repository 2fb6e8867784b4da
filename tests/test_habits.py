"""Habit strength, against sequences worked out by hand from Loop's formula."""

import datetime as dt
import math

import pytest

from tracker.trends import habits, streaks
from tracker.trends.habits import Goals, LoggedDay

TODAY = dt.date(2026, 11, 29)
GOALS = Goals(water_ml=2000, exercise_minutes=30)
M = 0.5 ** (1 / 13)


def full(day: dt.date, **values) -> LoggedDay:
    base = {"water_ml": 2000, "exercise_minutes": 30, "posture": 4, "rest_day": False}
    base.update(values)
    return LoggedDay(day, **base)


def run(days, *, start, end=TODAY, away=frozenset()) -> habits.Strengths:
    return habits.strengths(days, goals=GOALS, away=away, start=start, end=end)


def test_the_half_life_is_thirteen_days():
    assert math.isclose(M**13, 0.5)
    assert math.isclose(habits.M, M)


def test_a_perfect_thirty_days():
    start = TODAY - dt.timedelta(days=29)
    result = run([full(start + dt.timedelta(days=n)) for n in range(30)], start=start)
    expected = 1 - M**30  # the sum of (1 - m) m^k for k < 30
    for habit in habits.HABITS:
        assert math.isclose(result.latest(habit), expected)
    assert result.percent("checkin") == 80


def test_the_first_day_scores_one_minus_m_and_days_before_it_stay_zero():
    start = TODAY - dt.timedelta(days=5)
    result = run([full(TODAY - dt.timedelta(days=2))], start=start)
    assert result.scores["checkin"][:3] == [0.0, 0.0, 0.0]
    assert math.isclose(result.on("checkin", TODAY - dt.timedelta(days=2)), 1 - M)
    # Then two days not logged: each counts 0, so the score decays by m a day.
    assert math.isclose(result.latest("checkin"), (1 - M) * M**2)


def test_a_lapse_is_a_dip_and_a_return_recovers():
    start = TODAY - dt.timedelta(days=29)
    logged = [full(start + dt.timedelta(days=n)) for n in range(30) if not 10 <= n < 15]
    result = run(logged, start=start)
    score = 0.0
    for n in range(30):
        score = score * M + (0 if 10 <= n < 15 else 1) * (1 - M)
    assert math.isclose(result.latest("checkin"), score)
    dip = result.on("checkin", start + dt.timedelta(days=14))
    assert 0 < dip < result.on("checkin", start + dt.timedelta(days=9)) < result.latest("checkin")


def test_partial_water_counts_the_share_of_the_goal():
    result = run([full(TODAY, water_ml=1500)], start=TODAY)
    assert math.isclose(result.latest("water"), 0.75 * (1 - M))
    over = run([full(TODAY, water_ml=5000, exercise_minutes=90)], start=TODAY)
    assert math.isclose(over.latest("water"), 1 - M)  # capped at the goal
    assert math.isclose(over.latest("exercise"), 1 - M)


def test_a_measure_not_logged_counts_zero_for_its_habit_only():
    result = run([LoggedDay(TODAY, None, None, None)], start=TODAY)
    assert math.isclose(result.latest("checkin"), 1 - M)
    assert result.latest("water") == result.latest("exercise") == result.latest("posture") == 0


@pytest.mark.parametrize(("posture", "done"), [(3, False), (4, True), (5, True), (None, False)])
def test_posture_four_or_better(posture, done):
    result = run([full(TODAY, posture=posture)], start=TODAY)
    assert math.isclose(result.latest("posture"), (1 - M) if done else 0)


def test_a_rest_day_freezes_exercise_only():
    yesterday = TODAY - dt.timedelta(days=1)
    result = run([full(yesterday), full(TODAY, exercise_minutes=0, rest_day=True)], start=yesterday)
    assert math.isclose(result.latest("exercise"), 1 - M)  # held, not decayed
    assert math.isclose(result.latest("checkin"), (1 - M) * M + (1 - M))


def test_days_away_freeze_every_habit():
    first = TODAY - dt.timedelta(days=10)
    away = habits.away_dates([(first + dt.timedelta(days=1), TODAY)], start=first, end=TODAY)
    result = run([full(first)], start=first, away=away)
    for habit in habits.HABITS:
        assert math.isclose(result.latest(habit), 1 - M)


def test_ten_years_agree_with_the_warm_up_window_to_the_shown_percent():
    first = TODAY - dt.timedelta(days=3650)
    logged = [
        full(first + dt.timedelta(days=n), water_ml=500 * (n % 5), posture=1 + n % 5)
        for n in range(3651)
        if n % 7 != 3
    ]
    whole = run(logged, start=first)
    window_start = TODAY - dt.timedelta(days=habits.WARM_UP_DAYS)
    window = run([d for d in logged if d.date >= window_start], start=window_start)
    for habit in habits.HABITS:
        assert abs(whole.latest(habit) - window.latest(habit)) < 1e-4
        assert whole.percent(habit) == window.percent(habit)


def test_no_days_logged_is_zero_everywhere():
    result = run([], start=TODAY - dt.timedelta(days=3))
    assert all(result.percent(habit) == 0 for habit in habits.HABITS)
    assert len(result.scores["water"]) == 4


def test_recent_share_leaves_out_frozen_days():
    done = [TODAY - dt.timedelta(days=n) for n in (0, 1, 3, 4, 6)]
    assert habits.recent_share(done, frozen=frozenset(), today=TODAY) == (5, 7)
    frozen = frozenset({TODAY - dt.timedelta(days=2), TODAY - dt.timedelta(days=5)})
    assert habits.recent_share(done, frozen=frozen, today=TODAY) == (5, 5)


# --- streaks that forgive a day away or a rest day -------------------------------------------


def _days(*offsets):
    return sorted(TODAY - dt.timedelta(days=o) for o in offsets)


def test_a_day_away_neither_breaks_nor_extends_a_streak():
    dates = {"checkin": _days(0, 1, 3, 4), "water": [], "exercise": []}
    away = frozenset(_days(2))
    [checkin, *_] = streaks.compute_streaks(dates, today=TODAY, away=away)
    assert (checkin.current, checkin.longest) == (4, 4)
    [broken, *_] = streaks.compute_streaks(dates, today=TODAY)
    assert (broken.current, broken.longest) == (2, 2)


def test_a_rest_day_pauses_only_the_exercise_streak():
    dates = {"checkin": _days(0, 2), "water": [], "exercise": _days(0, 2)}
    found = streaks.compute_streaks(dates, today=TODAY, rest_days=frozenset(_days(1)))
    by_kind = {streak.kind: streak for streak in found}
    assert by_kind["exercise"].current == 2
    assert by_kind["checkin"].current == 1


def test_a_streak_ending_before_a_break_is_still_current_after_it():
    dates = {"checkin": _days(5, 6, 7), "water": [], "exercise": []}
    away = frozenset(_days(1, 2, 3, 4))
    [checkin, *_] = streaks.compute_streaks(dates, today=TODAY, away=away)
    assert checkin.current == 3  # today not logged yet, the days before were away
    assert (checkin.recent_done, checkin.recent_counted) == (2, 3)


# --- carried on from days summed up before (tracker.trends.earlier) ---------------------------


def test_strength_carried_on_from_a_day_is_the_strength_of_one_pass():
    start = TODAY - dt.timedelta(days=99)
    days = [full(start + dt.timedelta(days=n), water_ml=500 * (n % 5), posture=n % 6,
                 rest_day=n % 9 == 0)
            for n in range(100) if n % 4]  # fmt: skip
    away = frozenset(start + dt.timedelta(days=n) for n in range(40, 45))
    at_once = run(days, start=start, away=away)
    split = start + dt.timedelta(days=41)  # inside the time away
    before = run([d for d in days if d.date < split], start=start,
                 end=split - dt.timedelta(days=1), away=away)  # fmt: skip
    after = habits.strengths(
        [d for d in days if d.date >= split],
        goals=GOALS,
        away=away,
        start=split,
        end=TODAY,
        carry=[before.latest(habit) for habit in habits.HABITS],
    )
    for habit in habits.HABITS:
        assert before.scores[habit] + after.scores[habit] == at_once.scores[habit]


def test_a_carried_score_decays_over_days_not_logged():
    after = habits.strengths([], goals=GOALS, away=frozenset(), start=TODAY, end=TODAY,
                             carry=[0.5, 0.5, 0.5, 0.5])  # fmt: skip
    assert math.isclose(after.latest("checkin"), 0.5 * M)


@pytest.mark.parametrize(
    ("done", "away", "current", "longest"),
    [
        ((0, 1, 2, 5, 6, 7, 8), (), 3, 4),  # the run before `since` (day 4) stands alone
        ((0, 1, 2, 3, 4, 5, 6, 7, 8), (), 9, 9),  # one run across `since`
        ((0, 1, 2, 5, 6, 7, 8), (3, 4), 7, 7),  # joined across days away
        ((5, 6, 7, 8), (0, 1, 2, 3, 4), 4, 4),  # away until today: the earlier run is current
        ((0, 1, 6, 7, 8, 9, 10, 11), (), 2, 6),  # the longest run is long ago
    ],
)
def test_streaks_from_a_summary_of_the_days_before_are_the_streaks_of_every_day(
    done, away, current, longest
):
    since = TODAY - dt.timedelta(days=4)
    dates = {"checkin": _days(*done), "water": [], "exercise": []}
    frozen = frozenset(_days(*away))
    [whole_history, *_] = streaks.compute_streaks(dates, today=TODAY, away=frozen)
    assert (whole_history.current, whole_history.longest) == (current, longest)
    before = streaks.earlier_runs(
        {kind: [day for day in days if day < since] for kind, days in dates.items()},
        end=since - dt.timedelta(days=1), away=frozen, rest_days=frozenset(),
    )  # fmt: skip
    [joined, *_] = streaks.compute_streaks(
        {kind: [day for day in days if day >= since] for kind, days in dates.items()},
        today=TODAY, away=frozenset(day for day in frozen if day >= since),
        before=before, since=since,
    )  # fmt: skip
    assert (joined.current, joined.longest) == (current, longest)
    assert joined.unbroken is False  # the whole history: nothing further back to read
