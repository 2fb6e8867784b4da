"""The trends dashboard's cache digest (tracker.trends.dashboard): any input the cached charts,
heatmap or insights are drawn from changes it, so a cached drawing is never shown stale. And the
summary kept of a long history's earlier days (tracker.trends.earlier): keyed by everything it
is made from, and adding up with the recent days to the very numbers one pass would give."""

import datetime as dt
import json
import pickle
import random
import time
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import DAY_CHANGE_NAMES, DAY_CHANGES, make_checkin
from tracker.choices import TrackedKind, WaterUnit
from tracker.days import checkins, tracked
from tracker.models import AwayPeriod, CheckIn, TrackedItem
from tracker.trends import (
    buckets,
    charts,
    dashboard,
    earlier,
    habits,
    insights,
    streaks,
    strength_charts,
    whole,
)

TODAY = dt.date(2026, 11, 18)


def _fingerprint(user, *, range_key: str = "30", today: dt.date = TODAY) -> str:
    return dashboard.build(user, range_key=range_key, today=today).fingerprint


@pytest.fixture
def history(user):
    item = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Long drive")
    for n in range(20):
        make_checkin(user, TODAY - dt.timedelta(days=n), sleep_hours=Decimal("7"),
                     woke_from_pain=False, item_ids=[item.pk] if n % 2 else [])  # fmt: skip
    make_checkin(user, TODAY - dt.timedelta(days=40), peg_pain=4, peg_enjoyment=4, peg_activity=4)
    return item


def _set_day(user, **fields):
    # Stamped as every write the app makes to a day is (a save, a water tap): the days before
    # today are read again only when their stamps move (tracker.trends.rows).
    CheckIn.objects.filter(user=user, date=TODAY - dt.timedelta(days=3)).update(
        **fields, updated_at=timezone.now()
    )


def _set_profile(user, **fields):
    for name, value in fields.items():
        setattr(user.profile, name, value)
    user.profile.save()


# Every column a day row carries (insights.DayRow), each changed on one day.
ROW_CHANGES = {
    "posture": {"posture": 1},
    "exercise_minutes": {"exercise_minutes": 5},
    "water_ml": {"water_ml": 250},
    "stress": {"stress": 9},
    "discomfort": {"discomfort": 8},
    "rest_day": {"rest_day": True},
    "sleep_half_hours": {"sleep_hours": Decimal("5.5")},
    "peg_total": {"peg_pain": 1, "peg_enjoyment": 2, "peg_activity": 3},
    "woke_from_pain": {"woke_from_pain": True},
    "item_ids": {"item_ids": []},
}


def test_every_row_field_is_covered_here():
    assert set(ROW_CHANGES) == set(insights.DayRow._fields) - {"date"}


@pytest.mark.parametrize("field", list(ROW_CHANGES))
def test_changing_any_field_of_a_day_changes_the_digest(user, history, field):
    before = _fingerprint(user)
    _set_day(user, **ROW_CHANGES[field])
    assert _fingerprint(user) != before


@pytest.mark.parametrize(
    "change",
    [
        {"water_goal_ml": 2750},
        {"exercise_goal_minutes": 45},
        {"water_unit": WaterUnit.US_FLUID_OUNCES},
    ],
    ids=["water goal", "exercise goal", "water unit"],
)
def test_changing_a_setting_the_charts_read_changes_the_digest(user, history, change):
    before = _fingerprint(user)
    _set_profile(user, **change)
    assert _fingerprint(user) != before


def test_changing_the_range_the_day_or_time_away_changes_the_digest(user, history):
    digests = {
        _fingerprint(user),
        _fingerprint(user, range_key="90"),
        _fingerprint(user, today=TODAY + dt.timedelta(days=1)),
    }
    AwayPeriod.objects.create(
        user=user, start=TODAY - dt.timedelta(days=9), end=TODAY - dt.timedelta(days=8)
    )
    digests.add(_fingerprint(user))
    assert len(digests) == 4


def test_renaming_or_retiring_an_item_changes_the_digest(user, history):
    digests = {_fingerprint(user)}
    TrackedItem.objects.filter(pk=history.pk).update(name="Longer drive")
    digests.add(_fingerprint(user))
    TrackedItem.objects.filter(pk=history.pk).update(retired_at=timezone.now())
    digests.add(_fingerprint(user))
    assert len(digests) == 3


def test_the_same_inputs_give_the_same_digest_and_another_person_another(user, other_user, history):
    assert _fingerprint(user) == _fingerprint(user)
    for n in range(20):
        make_checkin(other_user, TODAY - dt.timedelta(days=n), sleep_hours=Decimal("7"),
                     woke_from_pain=False)  # fmt: skip
    assert _fingerprint(other_user) != _fingerprint(user)


def test_a_loaded_row_holds_each_field_of_the_day_in_its_own_slot(user):
    make_checkin(user, TODAY, posture=2, exercise_minutes=35, water_ml=1750, stress=6,
                 discomfort=3, rest_day=True, sleep_hours=Decimal("6.5"), woke_from_pain=True,
                 item_ids=[4, 9], peg_pain=5, peg_enjoyment=6, peg_activity=7)  # fmt: skip
    (row,) = dashboard.load_rows(user, start=TODAY, end=TODAY)
    loaded = row._asdict()
    assert json.loads(loaded.pop("item_ids")) == [4, 9]
    assert loaded == {
        "date": TODAY, "posture": 2, "exercise_minutes": 35, "water_ml": 1750, "stress": 6,
        "discomfort": 3, "rest_day": True, "sleep_half_hours": 13, "peg_total": 18,
        "woke_from_pain": True,
    }  # fmt: skip


def test_a_day_not_logged_loads_as_gaps_not_zeros(user):
    make_checkin(user, TODAY, discomfort=4, posture=None, water_ml=None)
    (row,) = dashboard.load_rows(user, start=TODAY, end=TODAY)
    assert row.discomfort == 4
    assert (row.posture, row.water_ml, row.sleep_half_hours, row.peg_total) == (None,) * 4


# --- a long history's earlier days, summed up once and kept (tracker.trends.earlier) ----------


@pytest.fixture(autouse=True)
def _no_kept_summaries():
    earlier.forget_all()
    yield
    earlier.forget_all()


def _entries(first: dt.date, end: dt.date, today: dt.date) -> dict[int, tracked.Entry]:
    """Items of every kind of life: kept all along, added after the earlier days (and ticked
    on a day before, as a backfilled day can), retired among the earlier days, retired lately,
    and in use for a few days either side of the earlier days' last."""
    return {
        1: tracked.Entry("Ibuprofen", "relief", first + dt.timedelta(days=10), None),
        2: tracked.Entry("Heat pack", "relief", end + dt.timedelta(days=30), None),
        3: tracked.Entry("Long drive", "factor", first, end - dt.timedelta(days=100)),
        4: tracked.Entry("gardening", "factor", first + dt.timedelta(days=50), today - DAY * 20),
        5: tracked.Entry("Yoga", "factor", end - dt.timedelta(days=3), end + dt.timedelta(days=2)),
    }


DAY = dt.timedelta(days=1)


def _random_days(rng, *, first, end, today, entries, shape: str) -> list[insights.DayRow]:
    """Days with gaps, values not logged, rest days, sleep, PEGs and ticked items. `shape`:
    "gaps" anywhere; "kept" every day around `end` saved with both goals met; "no-end" the same
    but `end` itself not saved; "run" every day from 40 before `end` saved and met (a current
    streak longer than the recent days); "quiet" nothing saved after `end`."""
    rows, day = [], first
    while day <= today:
        met = shape in ("kept", "no-end") and abs((day - end).days) < 40
        met = met or (shape == "run" and day >= end - 40 * DAY)
        skip = (shape == "no-end" and day == end) or (shape == "quiet" and day > end)
        if not skip and (met or rng.random() < 0.8):
            ids = [
                item
                for item, entry in entries.items()
                if (entry.since <= day or rng.random() < 0.05)
                and (entry.until is None or day <= entry.until)
                and rng.random() < 0.3
            ]
            rows.append(insights.DayRow(
                day,
                4 if met else rng.choice([None, 1, 2, 3, 4, 5]),
                45 if met else rng.choice([None, 0, 10, 30, 45]),
                2500 if met else rng.choice([None, 0, 500, 1500, 2000, 2500]),
                rng.choice([None, 0, 3, 6, 10]),
                rng.choice([None, 0, 2, 5, 8, 10]),
                not met and rng.random() < 0.1,
                rng.choice([None, 10, 13, 14, 16]),
                rng.choice([None] * 6 + [0, 7, 15, 29, 30]),
                rng.choice([None, True, False]),
                "[" + ", ".join(map(str, sorted(ids))) + "]" if ids else "[]",
            ))  # fmt: skip
        day += DAY
    return rows


def _board(rows, *, start, today, goals, away, entries, summary=None) -> dashboard.Dashboard:
    return dashboard.Dashboard(
        account="7@2020-01-01", range_key="all", start=start, today=today, rows=rows,
        goals=goals, water_unit="oz" if goals["water_ml"] == 1900 else "ml", streaks=[],
        streaks_all_time=True, alerts=[], away=away, items=entries, earlier=summary,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seed", "years", "end_day", "shape"),
    [
        (1, 2, 300, "kept"),  # weekly averages
        (2, 2, 500, "gaps"),
        (3, 3.5, 800, "no-end"),  # monthly averages
        (4, 5, 1200, "run"),
        (5, 2, 0, "kept"),  # the earlier days are a single day
        (6, 6, 1826, "quiet"),
        (7, 10, 3000, "gaps"),
    ],
)
def test_the_kept_summary_and_the_recent_days_give_every_number_one_pass_would(
    seed, years, end_day, shape
):
    """The all-days page of a long history adds the kept summary of its earlier days to the
    recent days: every chart, insight, PEG, sleep figure, strength and streak is the very one
    worked out from every day at once (kept summaries are pickled, as the cache keeps them)."""
    rng = random.Random(seed)
    first = TODAY - dt.timedelta(days=int(365 * years))
    end = first + dt.timedelta(days=end_day)
    entries = _entries(first, end, TODAY)
    away = [(first + 40 * DAY, first + 45 * DAY), (TODAY - 9 * DAY, TODAY - 8 * DAY)]
    if seed % 2:
        away.append((end - 2 * DAY, end + 3 * DAY))  # a break across the earlier days' last
    goals = {"water_ml": 1900 if seed % 3 else 2000, "exercise_minutes": 30}
    rows = _random_days(rng, first=first, end=end, today=TODAY, entries=entries, shape=shape)
    start, length = rows[0].date, (TODAY - rows[0].date).days + 1
    summary = earlier.summarize(
        [row for row in rows if row.date <= end], summary_key="k", end=end, goals=goals,
        away=sorted(away), size=buckets.size_for(start, TODAY),
        step=strength_charts.strength_step(length),
    )  # fmt: skip
    summary = pickle.loads(pickle.dumps(summary))
    recent = [row for row in rows if row.date > end - 6 * DAY]  # as the page loads them
    both = {"start": start, "today": TODAY, "goals": goals, "away": sorted(away)}
    both["entries"] = entries
    split = _board(recent, summary=summary, **both)
    whole_history = _board(rows, **both)
    assert split.bucket == whole_history.bucket != buckets.DAY
    for part in ("logged_days", "charts", "peg_chart", "habit_charts", "insights",
                 "tag_insights", "sleep", "peg_scores", "peg_change", "item_days"):  # fmt: skip
        assert getattr(split, part) == getattr(whole_history, part), part
    # Both boards add today's day to what is kept of the days before it: one pass too.
    water = split.measures["water_ml"]
    one_pass = insights.goal_insights(
        [row for row in rows if row.date >= start], water_goal_ml=goals["water_ml"],
        exercise_goal_minutes=goals["exercise_minutes"], water=water,
    )  # fmt: skip
    assert split.insights == one_pass
    assert split.fingerprint != whole_history.fingerprint  # the summary's key is in it
    in_streaks = whole.streak_list(
        summary, whole.recent(summary, recent), goals=goals, away=sorted(away), today=TODAY
    )
    at_once = streaks.compute_streaks(
        streaks.streak_dates([
            (row.date, row.water_ml is not None and row.water_ml >= goals["water_ml"],
             row.exercise_minutes is not None and row.exercise_minutes >= 30) for row in rows
        ]),
        today=TODAY,
        away=habits.away_dates(away, start=start, end=TODAY),
        rest_days=frozenset(row.date for row in rows if row.rest_day),
    )  # fmt: skip
    for got, want in zip(in_streaks, at_once, strict=True):
        assert (got.current, got.longest, got.recent_done, got.recent_counted) == (
            want.current, want.longest, want.recent_done, want.recent_counted
        )  # fmt: skip
    if shape == "run":
        assert in_streaks[0].current > 365  # the run crosses into the earlier days


def _summary_key(**changes) -> str:
    inputs = {
        "account": "7@2020-01-01",
        "end": TODAY - 400 * DAY,
        "stats": (300, "2026-11-18 10:00:00.000001", TODAY - 900 * DAY),
        "goals": {"water_ml": 2000, "exercise_minutes": 30},
        "away": [(TODAY - 500 * DAY, TODAY - 490 * DAY)],
        "size": buckets.WEEK,
        "step": 7,
    }
    return earlier.key(**{**inputs, **changes})


def test_the_summarys_key_covers_every_input():
    changed = [
        {"account": "8@2020-01-01"},
        {"account": "7@2021-01-01"},  # an id used again
        {"end": TODAY - 401 * DAY},
        {"stats": (301, "2026-11-18 10:00:00.000001", TODAY - 900 * DAY)},
        {"stats": (300, "2026-11-18 10:00:00.000002", TODAY - 900 * DAY)},
        {"stats": (300, "2026-11-18 10:00:00.000001", TODAY - 901 * DAY)},
        {"goals": {"water_ml": 2001, "exercise_minutes": 30}},
        {"goals": {"water_ml": 2000, "exercise_minutes": 31}},
        {"away": []},
        {"away": [(TODAY - 500 * DAY, TODAY - 489 * DAY)]},
        {"size": buckets.MONTH},
        {"step": 14},
    ]
    keys = {_summary_key()} | {_summary_key(**change) for change in changed}
    assert len(keys) == len(changed) + 1
    assert _summary_key() == _summary_key()


@pytest.fixture
def long_history(user):
    """Days from 1,000 to 950 days ago, long among the earlier days, and the last few days."""
    for offset in [*range(950, 1001), *range(5)]:
        make_checkin(user, TODAY - offset * DAY, water_ml=1000)
    return TODAY - 975 * DAY


def _change(user, day: dt.date, **kind) -> None:
    checkins.record_day(user=user, date=day, today=TODAY, change=checkins.DayChange(**kind))


@pytest.mark.parametrize("change", DAY_CHANGES, ids=DAY_CHANGE_NAMES)
def test_every_way_a_day_is_changed_changes_what_the_summary_is_keyed_by(
    user, long_history, change
):
    before = dashboard.earlier_stats(user, before=earlier.recent_start(TODAY))
    time.sleep(0.001)  # a later moment than the days were saved in
    _change(user, long_history, **change)
    assert dashboard.earlier_stats(user, before=earlier.recent_start(TODAY)) != before


def test_a_day_added_undone_or_emptied_changes_what_the_summary_is_keyed_by(user, long_history):
    def stats():
        return dashboard.earlier_stats(user, before=earlier.recent_start(TODAY))

    first = stats()
    backfilled = long_history - 100 * DAY
    _change(user, backfilled, water_tap_ml=250)  # a new day, older than any
    added = stats()
    _change(user, backfilled, undo_water_tap=True)  # and gone again: the days are as they were
    assert stats() == first != added
    time.sleep(0.001)
    _change(user, long_history, water_tap_ml=250)
    _change(user, long_history, undo_water_tap=True)  # a tap undone: the same water as before
    undone = stats()
    emptied = dict.fromkeys(("posture", "exercise_minutes", "water_ml", "stress", "discomfort"))
    _change(user, long_history, values=emptied)  # nothing left: the day is removed
    assert not CheckIn.objects.filter(user=user, date=long_history).exists()
    assert len({first, added, undone, stats()}) == 4


def test_an_earlier_day_saved_on_a_clock_behind_still_changes_the_kept_summary(
    user, long_history, time_machine
):
    """Hosts' clocks differ by seconds: a day saved after another but stamped before it (the
    latest change among the earlier days unmoved) still changes what the summary is keyed by,
    so the all-days page adds up the day as it is now, as a summary made afresh does."""

    def all_days():
        return dashboard.build(user, range_key="all", today=TODAY)

    _change(user, long_history, values={"water_ml": 1500})
    kept = all_days().earlier  # made now, and kept
    time_machine.move_to(timezone.now() - dt.timedelta(seconds=5), tick=True)
    _change(user, long_history - DAY, values={"water_ml": 3000})
    stamped = dict(CheckIn.objects.filter(user=user).values_list("date", "updated_at"))
    assert stamped[long_history - DAY] < stamped[long_history]  # saved later, stamped earlier
    shown = all_days().earlier
    earlier.forget_all()
    afresh = all_days().earlier
    assert shown == afresh != kept
    days, total = kept.sums.logged("water_ml")
    assert shown.sums.logged("water_ml") == (days, total + 2000)  # 1,000 ml became 3,000


def test_the_recent_days_and_the_summarys_days_meet(user, long_history):
    """The all-days page reads the days from the first of the month a heatmap's year ago (and
    the six before, for the 7-day averages): the summary ends the day before."""
    summary_end = earlier.recent_start(TODAY) - DAY
    board = dashboard.build(user, range_key="all", today=TODAY)
    assert board.earlier.end == summary_end and board.earlier.first == TODAY - 1000 * DAY
    assert board.rows[0].date >= summary_end - 5 * DAY
    assert (TODAY - summary_end).days > charts.HEATMAP_DAYS
    assert board.logged_days == 56
