import dataclasses
import datetime as dt

import pytest

from tracker.trends import insights, streaks, tracked_insights, weekly
from tracker.trends.insights import DayRow
from tracker.trends.sleep import sleep_summary

TODAY = dt.date(2026, 11, 29)  # a Sunday


def row(offset: int, **values) -> DayRow:
    base = {"posture": 3, "exercise_minutes": 30, "water_ml": 2000, "stress": 3, "discomfort": 3}
    base.update(values)
    return DayRow(date=TODAY - dt.timedelta(days=offset), **base)


# --- series ---------------------------------------------------------------------------------------


def _discomfort(rows, *, start):
    return insights.measure_series(rows, ["discomfort"], start=start, end=TODAY)["discomfort"]


def test_series_has_one_point_per_day_and_gaps_stay_gaps():
    rows = [row(4, discomfort=2), row(2, discomfort=6), row(0, discomfort=4)]
    series = _discomfort(rows, start=TODAY - dt.timedelta(days=4))
    assert series.values == [2, None, 6, None, 4]
    assert len(series) == 5


def test_rolling_average_uses_logged_days_in_the_last_seven():
    rows = [row(n, discomfort=n) for n in range(10)]  # value = days ago
    series = _discomfort(rows, start=TODAY)
    assert series.rolling[0] == pytest.approx(sum(range(7)) / 7)


def test_rolling_average_at_the_left_edge_reads_days_before_the_range():
    rows = [row(8, discomfort=10), row(7, discomfort=10), row(6, discomfort=0)]
    start = TODAY - dt.timedelta(days=6)
    rolling = _discomfort(rows, start=start).rolling
    assert rolling[0] == pytest.approx(20 / 3, abs=0.01)  # 8 and 7 days ago are in its window
    assert rolling[4] == pytest.approx(20 / 3, abs=0.01)  # 2 days ago: the window reaches day 8
    assert rolling[5] == pytest.approx(10 / 2)  # 1 day ago: day 8 has left the window


def test_rolling_average_is_none_when_the_window_is_empty():
    series = _discomfort([row(20)], start=TODAY - dt.timedelta(days=2))
    assert series.rolling == [None, None, None]


# --- streaks --------------------------------------------------------------------------------------


def dates(*offsets: int) -> list[dt.date]:
    return sorted(TODAY - dt.timedelta(days=o) for o in offsets)


def streak(offsets) -> streaks.Streak:
    found = streaks.runs(dates(*offsets))
    longest = max((length for _, length in found), default=0)
    return streaks.streak_from_runs("checkin", found[-1] if found else None, longest, today=TODAY)


def test_streak_counts_a_run_ending_today():
    assert (streak([0, 1, 2]).current, streak([0, 1, 2]).longest) == (3, 3)


def test_streak_continues_when_today_is_not_logged_yet():
    assert streak([1, 2, 3]).current == 3


def test_a_gap_ends_the_current_streak_but_not_the_longest():
    result = streak([2, 3, 4, 5, 7, 8])
    assert (result.current, result.longest) == (0, 4)


def test_a_gap_splits_runs():
    result = streak([0, 1, 3, 4, 5])
    assert (result.current, result.longest) == (2, 3)


def test_no_days_no_streak():
    assert (streak([]).current, streak([]).longest) == (0, 0)


# --- weekly summary -------------------------------------------------------------------------------


def test_weekly_summary_in_words():
    this_week = [row(n, discomfort=3) for n in range(3)]  # Fri-Sun
    last_week = [row(n, discomfort=4) for n in range(7, 11)]
    lines = {
        line.measure.key: line.sentence
        for line in weekly.weekly_summary(this_week + last_week, today=TODAY)
    }
    assert lines["discomfort"] == "Discomfort averaged 3, down 1 from last week."
    assert lines["water_ml"] == "Water averaged 2,000 ml a day, the same as last week."


def test_weekly_summary_with_nothing_logged():
    lines = weekly.weekly_summary([row(8)], today=TODAY)
    assert lines[0].sentence == "Discomfort: nothing logged this week yet."


def test_weekly_summary_without_last_week():
    lines = weekly.weekly_summary([row(0, discomfort=5)], today=TODAY)
    assert lines[0].sentence == "Discomfort averaged 5 (nothing logged last week to compare)."


def test_weekly_summary_rising_exercise():
    rows = [row(0, exercise_minutes=40), row(8, exercise_minutes=20)]
    lines = {line.measure.key: line.sentence for line in weekly.weekly_summary(rows, today=TODAY)}
    assert (
        lines["exercise_minutes"]
        == "Exercise averaged 40 minutes a day, up 20 minutes from last week."
    )


# --- insights -------------------------------------------------------------------------------------


def water_days(met: int, missed: int) -> list[DayRow]:
    rows = [row(2 * n, water_ml=2500, discomfort=2) for n in range(met)]
    rows += [row(2 * (met + n), water_ml=500, discomfort=5) for n in range(missed)]
    return rows


@pytest.mark.parametrize(
    ("met", "missed", "enough"), [(9, 12, False), (10, 10, True), (12, 9, False), (11, 11, True)]
)
def test_insights_need_ten_days_each_side(met, missed, enough):
    water = insights.goal_insights(
        water_days(met, missed), water_goal_ml=2000, exercise_goal_minutes=30
    )[2]
    assert water.habit == "Water"
    assert water.same_day.enough is enough
    assert (water.same_day.met_days, water.same_day.missed_days) == (met, missed)


def test_insight_averages_same_day_and_next_day():
    rows = []
    for n in range(24):  # alternate days: goal met -> next day's discomfort low
        met = n % 2 == 0
        rows.append(row(23 - n, water_ml=2500 if met else 100, discomfort=1 if n % 2 else 6))
    water = insights.goal_insights(rows, water_goal_ml=2000, exercise_goal_minutes=30)[2]
    assert water.same_day.met_mean == 6 and water.same_day.missed_mean == 1
    assert water.next_day.met_mean == 1 and water.next_day.missed_mean == 6
    assert water.next_day.met_days == 12 and water.next_day.missed_days == 11


def test_next_day_skips_days_not_logged():
    rows = [row(4), row(2), row(0)]
    water = insights.goal_insights(rows, water_goal_ml=2000, exercise_goal_minutes=30)[2]
    assert water.next_day.met_days + water.next_day.missed_days == 0


def test_insight_sentences_give_both_sides_and_their_day_counts():
    enough = insights.Comparison(met_mean=2.04, met_days=12, missed_mean=3.96, missed_days=10)
    short = insights.Comparison(met_mean=2.0, met_days=12, missed_mean=4.0, missed_days=9)
    insight = insights.Insight("Water", "your water goal", same_day=enough, next_day=short)
    assert insight.same_day_sentence == (
        "on days you met it, discomfort averaged 2.0 over 12 days; on days you didn't, 4.0 over "
        "10 days."
    )
    assert insight.next_day_sentence == "The day after: not enough days to compare yet."
    swapped = insights.Insight("Water", "your water goal", same_day=short, next_day=enough)
    assert swapped.same_day_sentence == (
        "not enough days to compare yet: it needs 10 logged days each way, and there are 12 and 9."
    )
    assert swapped.next_day_sentence == (
        "The day after: 2.0 over 12 days against 4.0 over 10 days."
    )


def test_water_in_ounces_is_converted_for_reading_only():
    ounces = dataclasses.replace(
        insights.MEASURES_BY_KEY["water_ml"], unit="fl oz", per_unit=29.5735
    )
    assert insights.format_value(ounces, 2000) == "68 fl oz"
    assert insights.format_value(insights.MEASURES_BY_KEY["water_ml"], 2000) == "2,000 ml"
    series = insights.Series([TODAY], [2000], [1000.0])
    shown = insights.in_shown_units(series, ounces)
    assert (round(shown.values[0], 1), round(shown.rolling[0], 1)) == (67.6, 33.8)
    assert insights.in_shown_units(series, insights.MEASURES_BY_KEY["water_ml"]) is series
    rows = [row(0, water_ml=2000), row(7, water_ml=1900)]
    water = next(line for line in weekly.weekly_summary(rows, today=TODAY, measures=(ounces,)))
    assert water.sentence == "Water averaged 68 fl oz a day, up 3 fl oz from last week."
    assert ounces.heading == "Water (fl oz)"
    assert insights.MEASURES_BY_KEY["discomfort"].heading == "Discomfort"


def test_runs_of_consecutive_days():
    day = [TODAY - dt.timedelta(days=n) for n in range(10)][::-1]  # oldest first
    assert streaks.runs([]) == []
    assert streaks.runs([day[0]]) == [(day[0], 1)]
    assert streaks.runs([day[0], day[1], day[3], day[7], day[8], day[9]]) == [
        (day[1], 2), (day[3], 1), (day[9], 3),
    ]  # fmt: skip


# --- partly logged days: a missing measure is a gap for that measure only -------------------------


def test_weekly_summary_averages_only_the_days_that_logged_each_measure():
    rows = [row(0, water_ml=None), row(1, water_ml=1000, discomfort=None), row(2, water_ml=3000)]
    lines = {line.measure.key: line for line in weekly.weekly_summary(rows, today=TODAY)}
    assert lines["water_ml"].this_week == 2000
    assert lines["discomfort"].this_week == 3


def test_series_leave_a_gap_only_for_the_measure_not_logged():
    rows = [row(0, stress=None)]
    series = insights.measure_series(rows, ["stress", "discomfort"], start=TODAY, end=TODAY)
    assert (series["stress"].values, series["discomfort"].values) == ([None], [3])


def test_a_day_counts_for_an_insight_only_when_both_measures_are_logged():
    rows = [row(n, water_ml=2500) for n in range(12)] + [
        row(n, water_ml=100) for n in range(12, 24)
    ]
    rows += [row(n, water_ml=None, discomfort=9) for n in range(24, 30)]  # no water: left out
    rows += [row(n, discomfort=None) for n in range(30, 36)]  # no discomfort: left out
    water = next(i for i in insights.goal_insights(rows, water_goal_ml=2000,
                 exercise_goal_minutes=30) if i.habit == "Water")  # fmt: skip
    assert (water.same_day.met_days, water.same_day.missed_days) == (12, 12)
    assert water.same_day.missed_mean == 3
    assert water.title == "Water goal of 2,000 ml met"


# --- sleep, pain relief and own factors -----------------------------------------------------------


def _sleep(rows):
    found = insights.goal_insights(rows, water_goal_ml=2000, exercise_goal_minutes=30)
    return next(insight for insight in found if insight.habit == "Sleep")


@pytest.mark.parametrize(
    ("half_hours", "long_enough"), [(13, False), (14, True), (15, True), (0, False), (32, True)]
)
def test_a_long_enough_night_is_seven_hours_or_more(half_hours, long_enough):
    sleep = _sleep([row(0, sleep_half_hours=half_hours)])
    assert (sleep.same_day.met_days, sleep.same_day.missed_days) == (
        (1, 0) if long_enough else (0, 1)
    )


@pytest.mark.parametrize(
    ("long", "short", "enough"), [(9, 10, False), (10, 10, True), (11, 9, False)]
)
def test_sleep_compares_nights_of_seven_hours_against_fewer(long, short, enough):
    rows = [row(2 * n, sleep_half_hours=14, discomfort=2) for n in range(long)]
    rows += [row(2 * (long + n), sleep_half_hours=13, discomfort=6) for n in range(short)]
    rows.append(row(1, sleep_half_hours=None, discomfort=9))  # no sleep logged: left out
    sleep = _sleep(rows)
    assert (sleep.same_day.met_days, sleep.same_day.missed_days) == (long, short)
    assert sleep.same_day.enough is enough
    assert (sleep.same_day.met_mean, sleep.same_day.missed_mean) == (2, 6)
    if enough:
        assert "on days after a long enough night, discomfort averaged 2.0" in (
            sleep.same_day_sentence
        )


def _tag(offsets, since_offset):
    return tracked_insights.Tag(
        title="Long drive, your own factor",
        since=TODAY - dt.timedelta(days=since_offset),
        days=frozenset(TODAY - dt.timedelta(days=n) for n in offsets),
    )


@pytest.mark.parametrize(
    ("with_it", "without_it", "enough"),
    [(9, 10, False), (10, 9, False), (10, 10, True), (11, 11, True)],
)
def test_a_tag_needs_ten_logged_days_with_it_and_without_it(with_it, without_it, enough):
    days = with_it + without_it
    rows = [row(n, discomfort=6 if n < with_it else 2) for n in range(days)]
    (insight,) = tracked_insights.tag_insights(rows, [_tag(range(with_it), days - 1)])
    assert insight.same_day.enough is enough
    assert (insight.same_day.met_days, insight.same_day.missed_days) == (with_it, without_it)
    assert (insight.same_day.met_mean, insight.same_day.missed_mean) == (6, 2)
    assert insight.words == ("with it", "without it")


def test_a_tag_compares_the_day_after_as_well():
    # Every other day is a long drive (discomfort 3); each day after one has discomfort 7.
    rows = [row(n, discomfort=3 if n % 2 == 0 else 7) for n in range(1, 44)]
    (insight,) = tracked_insights.tag_insights(rows, [_tag(range(2, 44, 2), 43)])
    assert insight.same_day.met_mean == 3 and insight.same_day.missed_mean == 7
    # The day after a drive (an odd offset, one day later) is 7; after other days, 3.
    assert insight.next_day.met_mean == 7 and insight.next_day.missed_mean == 3
    assert insight.next_day.enough


def test_a_tag_counts_only_days_since_it_existed_and_with_discomfort_logged():
    rows = [row(n, discomfort=4) for n in range(30)]
    rows += [row(n, discomfort=None) for n in range(30, 40)]
    (insight,) = tracked_insights.tag_insights(rows, [_tag([0, 35], since_offset=35)])
    # Days 0..29 logged discomfort (day 35 did not); day 0 is with it, 29 without.
    assert (insight.same_day.met_days, insight.same_day.missed_days) == (1, 29)
    (later,) = tracked_insights.tag_insights(rows, [_tag([0], since_offset=9)])
    assert (later.same_day.met_days, later.same_day.missed_days) == (1, 9)


def test_sleep_summary_counts_nights_and_waking():
    rows = [
        row(0, sleep_half_hours=14, woke_from_pain=True),
        row(1, sleep_half_hours=11, woke_from_pain=False),
        row(2, sleep_half_hours=None, woke_from_pain=True),
        row(3),
    ]
    summary = sleep_summary(rows)
    assert (summary.nights, summary.average_hours) == (2, 6.25)
    assert (summary.answered, summary.woken) == (3, 2)
    assert sleep_summary([row(0)]).average_hours is None
