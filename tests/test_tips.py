import datetime as dt

import pytest

from tracker.choices import Habit
from tracker.guide import tips
from tracker.guide.tips import TipReason
from tracker.trends.insights import DayRow

TODAY = dt.date(2026, 5, 20)
GOAL = 2000


def day(offset: int, **values) -> DayRow:
    """A logged day `offset` days before TODAY, on track unless told otherwise."""
    base = {"posture": 4, "exercise_minutes": 30, "water_ml": 2500, "stress": 3, "discomfort": 2}
    base.update(values)
    return DayRow(date=TODAY - dt.timedelta(days=offset), **base)


def habits(reasons: list[TipReason]) -> list[str]:
    return [reason.habit for reason in reasons]


def on_track(count: int = 7) -> list[DayRow]:
    return [day(offset) for offset in range(count)]


# --- hydration: water under goal on 3 of the last 7 logged days ---------------------------


@pytest.mark.parametrize(("misses", "fires"), [(2, False), (3, True), (4, True)])
def test_hydration_rule_around_three_misses(misses, fires):
    days = [day(n, water_ml=GOAL - 1 if n < misses else GOAL) for n in range(7)]
    reason = tips.hydration_reason(days, water_goal_ml=GOAL)
    assert (reason is not None) is fires
    if fires:
        assert (
            reason.reason
            == f"Your water was under your goal on {misses} of the last 7 days you logged."
        )


def test_hydration_at_exactly_the_goal_is_not_a_miss():
    days = [day(n, water_ml=GOAL) for n in range(7)]
    assert tips.hydration_reason(days, water_goal_ml=GOAL) is None


def test_hydration_counts_logged_days_not_calendar_days():
    # Three misses spread over a fortnight still count: gaps are skipped, not zeros.
    days = [day(n * 2, water_ml=500 if n < 3 else 3000) for n in range(7)]
    assert tips.hydration_reason(days, water_goal_ml=GOAL) is not None


# --- posture: 2 or lower on 2 of the last 3 logged days -----------------------------------


@pytest.mark.parametrize(
    ("postures", "fires"),
    [
        ((2, 3, 3), False),
        ((2, 2, 3), True),
        ((3, 2, 1), True),
        ((3, 3, 3), False),
        ((3, 3, 3, 1, 1), False),
    ],
)
def test_posture_rule(postures, fires):
    days = [day(n, posture=value) for n, value in enumerate(postures)]
    assert (tips.posture_reason(days) is not None) is fires


# --- stress: 7 or more on the latest day, if it is today or yesterday ---------------------


@pytest.mark.parametrize(("stress", "fires"), [(6, False), (7, True), (8, True)])
def test_stress_rule_around_seven(stress, fires):
    assert (tips.stress_reason([day(0, stress=stress)], today=TODAY) is not None) is fires


@pytest.mark.parametrize(("offset", "fires"), [(0, True), (1, True), (2, False)])
def test_stress_rule_only_for_a_recent_day(offset, fires):
    reason = tips.stress_reason([day(offset, stress=9)], today=TODAY)
    assert (reason is not None) is fires


def test_stress_reason_says_when():
    assert tips.stress_reason([day(1, stress=8)], today=TODAY).reason.endswith("yesterday.")


# --- discomfort rising over the last 7 days -----------------------------------------------


def test_rising_discomfort_fires_and_says_from_and_to():
    days = [day(6 - n, discomfort=value) for n, value in enumerate([1, 2, 2, 3, 4, 4, 5])]
    reason = tips.discomfort_reason(days, today=TODAY)
    assert reason.reason == "Your discomfort has gone from 1 to 5 over the last 7 days."


def test_flat_or_falling_discomfort_does_not_fire():
    flat = [day(n, discomfort=4) for n in range(7)]
    falling = [day(6 - n, discomfort=6 - n) for n in range(7)]
    assert tips.discomfort_reason(flat, today=TODAY) is None
    assert tips.discomfort_reason(falling, today=TODAY) is None


@pytest.mark.parametrize(
    ("values", "fires"),
    [
        ((0, 0, 0, 1, 0, 1), False),  # least-squares slope 3/17.5 = 0.171 a day
        ((0, 0, 1, 0, 1, 1), True),  # exactly 0.2 a day
        ((0, 0, 0, 0, 1, 1), True),  # 0.229 a day
    ],
)
def test_discomfort_slope_threshold(values, fires):
    days = [day(5 - n, discomfort=value) for n, value in enumerate(values)]
    assert (tips.discomfort_reason(days, today=TODAY) is not None) is fires


@pytest.mark.parametrize(("points", "fires"), [(3, False), (4, True)])
def test_discomfort_needs_four_logged_days_in_the_week(points, fires):
    days = [day(offset, discomfort=8 - offset) for offset in range(points)]
    assert (tips.discomfort_reason(days, today=TODAY) is not None) is fires


def test_discomfort_ignores_days_older_than_a_week():
    days = [day(0, discomfort=5), day(1, discomfort=4), day(2, discomfort=3), day(8, discomfort=0)]
    assert tips.discomfort_reason(days, today=TODAY) is None


# --- exercise: none on the last 3 logged days ----------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "fires"),
    [((0, 0, 10), False), ((0, 0, 0), True), ((0, 0), False), ((5, 0, 0, 0), False)],
)
def test_no_exercise_rule(minutes, fires):
    days = [day(n, exercise_minutes=value) for n, value in enumerate(minutes)]
    assert (tips.exercise_reason(days) is not None) is fires


# --- combining the rules ------------------------------------------------------------------


def test_everything_on_track_gives_a_prevention_tip():
    assert habits(tips.tip_reasons(on_track(), today=TODAY, water_goal_ml=GOAL)) == [Habit.GENERAL]


def test_a_new_person_gets_a_getting_started_tip():
    reasons = tips.tip_reasons(on_track(2), today=TODAY, water_goal_ml=GOAL)
    assert habits(reasons) == [Habit.GENERAL]
    assert "first days" in reasons[0].reason


def test_at_most_three_tips_even_when_everything_fires():
    days = [
        day(6 - n, posture=1, exercise_minutes=0, water_ml=0, stress=9, discomfort=n)
        for n in range(7)
    ]
    days.sort(key=lambda d: d.date, reverse=True)
    reasons = tips.tip_reasons(days, today=TODAY, water_goal_ml=GOAL)
    assert habits(reasons)[:3] == [Habit.DISCOMFORT, Habit.STRESS, Habit.POSTURE]
    candidates = [FakeTip(n, habit) for n, habit in enumerate(Habit.values)]
    chosen = tips.pick_tips(reasons, candidates, today=TODAY, user_id=1)
    assert [c.tip.habit for c in chosen] == [Habit.DISCOMFORT, Habit.STRESS, Habit.POSTURE]


def test_an_open_alert_leads_with_a_tip_for_the_appointment():
    days = [day(6 - n, exercise_minutes=0, discomfort=n, water_ml=0) for n in range(7)]
    days.sort(key=lambda d: d.date, reverse=True)
    reasons = tips.tip_reasons(days, today=TODAY, water_goal_ml=GOAL, red_flag_active=True)
    assert reasons[0] == TipReason(Habit.GENERAL, tips.ALERT_OPEN_REASON)
    assert Habit.WATER in habits(reasons)


def test_a_reason_without_a_fitting_tip_leaves_room_for_the_next():
    reasons = [TipReason(Habit.EXERCISE, "e"), TipReason(Habit.WATER, "w")]
    chosen = tips.pick_tips(reasons, [FakeTip(1, Habit.WATER)], today=TODAY, user_id=1)
    assert [c.reason for c in chosen] == ["w"]


# --- picking and rotating ------------------------------------------------------------------


class FakeTip:
    def __init__(self, pk: int, habit: str):
        self.pk, self.habit = pk, habit


def test_rotation_shows_a_different_tip_on_consecutive_days():
    candidates = [FakeTip(1, Habit.WATER), FakeTip(2, Habit.WATER), FakeTip(3, Habit.WATER)]
    reason = [TipReason(Habit.WATER, "why")]
    shown = [
        tips.pick_tips(reason, candidates, today=TODAY + dt.timedelta(days=n), user_id=7)[0].tip.pk
        for n in range(3)
    ]
    assert len(set(shown)) == 3


def test_a_reason_with_no_fitting_tip_is_skipped():
    picked = tips.pick_tips(
        [TipReason(Habit.STRESS, "why")], [FakeTip(1, Habit.WATER)], today=TODAY, user_id=1
    )
    assert picked == []


# --- partly logged days: each rule reads only the days that logged what it looks at -----------


def test_days_without_water_are_no_evidence_of_missing_the_goal():
    days = [day(n, water_ml=None) for n in range(7)]
    assert tips.hydration_reason(days, water_goal_ml=GOAL) is None
    days[0] = day(0, water_ml=500)
    assert tips.hydration_reason(days, water_goal_ml=GOAL) is None  # one logged miss of one


def test_the_hydration_window_counts_the_days_that_logged_water():
    days = [day(n, water_ml=500 if n < 3 else None) for n in range(7)]
    reason = tips.hydration_reason(days, water_goal_ml=GOAL)
    assert reason.reason == "Your water was under your goal on 3 of the last 3 days you logged."


def test_pain_only_days_leave_the_habit_rules_quiet_and_give_no_errors():
    days = [DayRow(TODAY - dt.timedelta(days=n), None, None, None, None, 5) for n in range(7)]
    reasons = tips.tip_reasons(days, today=TODAY, water_goal_ml=GOAL)
    assert habits(reasons) == [Habit.GENERAL]


def test_stress_rule_reads_the_latest_day_that_logged_stress():
    days = [day(0, stress=None), day(1, stress=8)]
    assert (
        tips.stress_reason(days, today=TODAY).reason
        == "You logged stress of 8 out of 10 yesterday."
    )


def test_exercise_rule_needs_three_days_that_logged_exercise():
    days = [day(0, exercise_minutes=0), day(1, exercise_minutes=None), day(2, exercise_minutes=0)]
    assert tips.exercise_reason(days) is None
    days.append(day(3, exercise_minutes=0))
    assert tips.exercise_reason(days) is not None
