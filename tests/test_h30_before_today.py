"""What the days before today give is kept (tracker.trends.before_today) and today's day added:
the same numbers as one pass over every day, and never a kept answer for other days."""

import datetime as dt
import random

import pytest

from tracker.days import tracked
from tracker.trends import (
    before_today,
    buckets,
    charts,
    digests,
    habits,
    insights,
    tracked_insights,
)
from tracker.trends.board import Dashboard
from tracker.trends.insights import MEASURES_BY_KEY
from tracker.trends.series import DayRow

TODAY = dt.date(2026, 11, 29)
WATER = MEASURES_BY_KEY["water_ml"]


@pytest.fixture(autouse=True)
def _nothing_kept():
    before_today.KEPT.clear()
    yield
    before_today.KEPT.clear()


def _rows(seed: int, *, days: int = 200, today: str = "logged", yesterday: bool = True):
    rng = random.Random(seed)
    rows = []
    for offset in range(days, -1, -1):
        day = TODAY - dt.timedelta(days=offset)
        if offset == 0 and today == "none":
            continue
        if offset == 1 and not yesterday:
            continue
        if offset > 0 and rng.random() < 0.15:
            continue

        def maybe(value):
            return None if rng.random() < 0.1 else value

        rows.append(
            DayRow(
                day, maybe(rng.randint(1, 5)), maybe(rng.choice([0, 20, 45])),
                maybe(rng.randrange(500, 3500, 250)), maybe(rng.randint(0, 10)),
                None if offset == 0 and today == "no discomfort" else maybe(rng.randint(0, 10)),
                rng.random() < 0.1, maybe(rng.randint(8, 18)),
            )
        )  # fmt: skip
    return rows


CASES = [
    {"today": "logged"},
    {"today": "none"},
    {"today": "no discomfort"},
    {"today": "logged", "yesterday": False},
]
GOALS = habits.Goals(2000, 30)
AWAY = [(TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=35))]


def _key(rows) -> str:
    """What the trends page keys the kept answers by: a digest of every number of the days
    before today, not their ticked items (here their repr, which is as good)."""
    return repr([row[:-1] for row in before_today.split(rows, TODAY)[0]])


def _strengths_both(rows, *, start, away=AWAY, goals=GOALS, key=None):
    whole = habits.strengths(
        rows, goals=goals, away=habits.away_dates(away, start=start, end=TODAY), start=start,
        end=TODAY,
    )  # fmt: skip
    key = _key(rows) if key is None else key
    kept = before_today.strengths(rows, key=key, goals=goals, away=away, start=start, today=TODAY)
    # Home's: today's scores alone, from the same kept ones.
    todays = before_today.strengths(
        rows, key=key, goals=goals, away=away, start=start, today=TODAY, today_only=True
    )
    assert todays == habits.Strengths(TODAY, {h: whole.scores[h][-1:] for h in habits.HABITS})
    return whole, kept


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
@pytest.mark.parametrize("seed", range(4))
def test_strengths_with_today_added_are_those_of_one_pass(case, seed):
    rows = _rows(seed, **case)
    start = rows[0].date
    for _ in range(2):  # worked out, then from what was kept
        whole, kept = _strengths_both(rows, start=start)
        assert kept == whole


@pytest.mark.parametrize(
    "away",
    [[], [(TODAY, TODAY)], [(TODAY - dt.timedelta(days=3), TODAY + dt.timedelta(days=3))]],
)
def test_strengths_with_today_away_or_nothing_logged_before(away):
    for rows in (_rows(1), [_rows(1)[-1]], [], _rows(1, today="none")[-3:]):
        start = TODAY - dt.timedelta(days=30)
        whole, kept = _strengths_both(rows, start=start, away=away)
        assert kept == whole
    whole, kept = _strengths_both(_rows(2), start=TODAY)  # a range of one day
    assert kept == whole


def _goal_insights_both(in_range, *, start, goals=(2000, 30), key=None):
    words = {"water_goal_ml": goals[0], "exercise_goal_minutes": goals[1], "water": WATER}
    whole = insights.goal_insights(in_range, **words)
    key = _key(in_range) if key is None else key
    kept = before_today.goal_insights(in_range, key=key, start=start, today=TODAY, **words)
    return whole, kept


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
@pytest.mark.parametrize("seed", range(4))
def test_goal_insights_with_today_added_are_those_of_one_pass(case, seed):
    rows = _rows(seed, **case)
    for _ in range(2):
        whole, kept = _goal_insights_both(rows, start=rows[0].date)
        assert kept == whole
        assert any(insight.same_day.enough for insight in kept)


def test_a_check_in_today_changes_only_what_is_added():
    """The kept days stay kept while today's row changes, and the answers follow today's."""
    rows = _rows(3)
    start = rows[0].date
    for today_row in (None, rows[-1], rows[-1]._replace(discomfort=10, posture=5, water_ml=9000)):
        changed = [*rows[:-1], *([today_row] if today_row else [])]
        assert (
            _goal_insights_both(changed, start=start)[1]
            == _goal_insights_both(changed, start=start, key="fresh")[0]
        )
        whole, kept = _strengths_both(changed, start=start)
        assert kept == whole


def test_what_is_kept_is_keyed_by_goals_away_and_start_as_well_as_the_days():
    """The same digest of days with other goals, time away or a first day: worked out again."""
    rows = _rows(5)
    start = rows[0].date
    _strengths_both(rows, start=start)
    _goal_insights_both(rows, start=start)
    for goals in (habits.Goals(1000, 30), habits.Goals(2000, 10)):
        whole, kept = _strengths_both(rows, start=start, goals=goals)
        assert kept == whole
        whole, kept = _goal_insights_both(
            rows, start=start, goals=(goals.water_ml, goals.exercise_minutes)
        )
        assert kept == whole
    whole, kept = _strengths_both(rows, start=start, away=[])
    assert kept == whole
    later = [row for row in rows if row.date >= start + dt.timedelta(days=50)]
    whole, kept = _strengths_both(rows, start=start + dt.timedelta(days=50))
    assert kept == whole
    whole, kept = _goal_insights_both(later, start=start + dt.timedelta(days=50))
    assert kept == whole


def _dashboard(rows, **changes):
    made = {
        "account": "1@2020-01-01", "range_key": "365", "start": TODAY - dt.timedelta(days=364),
        "today": TODAY, "rows": rows, "goals": {"water_ml": 2000, "exercise_minutes": 30},
        "water_unit": "ml", "streaks": [], "streaks_all_time": False, "alerts": [], "away": AWAY,
    }  # fmt: skip
    return Dashboard(**{**made, **changes})


def test_the_digest_of_the_days_before_today_covers_each_of_their_numbers():
    rows = _rows(6, days=30)
    base = _dashboard(rows)._before_today
    yesterday = rows[-2]
    changed = [
        {"rows": [*rows[:-2], yesterday._replace(**{field: value}), rows[-1]]}
        for field, value in (
            ("posture", 5 if yesterday.posture != 5 else 4),
            ("exercise_minutes", 91), ("water_ml", 3333), ("stress", 11),
            ("discomfort", 11), ("rest_day", not yesterday.rest_day),
            ("sleep_half_hours", 19), ("peg_total", 7), ("woke_from_pain", True),
            ("posture", None),
        )
    ] + [
        {"rows": [*rows[:3], *rows[4:]]},  # a day removed
        {"rows": [rows[0]._replace(date=rows[0].date - dt.timedelta(days=1)), *rows]},
        {"account": "1@2021-01-01"},
        {"start": TODAY - dt.timedelta(days=29)},
        {"today": TODAY + dt.timedelta(days=1)},
    ]  # fmt: skip
    digests = {base} | {_dashboard(**{"rows": rows, **change})._before_today for change in changed}
    assert len(digests) == len(changed) + 1
    # Today's row is added on each view, not part of the digest; nor are the ticked items.
    assert _dashboard([*rows[:-1], rows[-1]._replace(discomfort=9)])._before_today == base
    assert _dashboard(rows[:-1])._before_today == base
    assert _dashboard([row._replace(item_ids="[1]") for row in rows])._before_today == base


def test_an_earlier_day_changed_is_never_answered_from_what_was_kept():
    rows = _rows(7)
    start = TODAY - dt.timedelta(days=364)  # the range's, before the first row
    first = _dashboard(rows)
    assert first.strengths == habits.strengths(
        rows, goals=GOALS, away=habits.away_dates(AWAY, start=start, end=TODAY),
        start=start, end=TODAY,
    )  # fmt: skip
    first.insights  # noqa: B018 (kept now)
    edited = [*rows[:-5], rows[-5]._replace(posture=1, discomfort=0, water_ml=None), *rows[-4:]]
    second = _dashboard(edited)
    assert second.strengths == habits.strengths(
        edited, goals=GOALS, away=habits.away_dates(AWAY, start=start, end=TODAY),
        start=start, end=TODAY,
    )  # fmt: skip
    assert second.insights == insights.goal_insights(
        second.in_range, water_goal_ml=2000, exercise_goal_minutes=30, water=WATER
    )
    assert second.strengths != first.strengths


KEYS = [*MEASURES_BY_KEY, "peg_total"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
@pytest.mark.parametrize("days", [0, 3, 6, 7, 8, 30, 364])
def test_series_with_today_added_are_those_of_one_pass(case, days):
    rows = _rows(days, days=400, **case)
    rows = [row._replace(peg_total=row.stress) for row in rows]  # a PEG on most days
    start = TODAY - dt.timedelta(days=days)
    for _ in range(2):
        whole = insights.measure_series(rows, KEYS, start=start, end=TODAY)
        kept = before_today.series(rows, KEYS, key=_key(rows), start=start, today=TODAY)
        assert kept == whole


def test_series_follow_today_and_are_keyed_by_the_days_before_it():
    rows = _rows(9, days=60)
    start = TODAY - dt.timedelta(days=29)
    edited = [*rows[:-3], rows[-3]._replace(water_ml=None, discomfort=0), *rows[-2:]]
    for changed in (rows, rows[:-1], [*rows[:-1], rows[-1]._replace(water_ml=3)], edited):
        kept = before_today.series(changed, KEYS, key=_key(changed), start=start, today=TODAY)
        assert kept == insights.measure_series(changed, KEYS, start=start, end=TODAY)
    other_start = start + dt.timedelta(days=1)
    kept = before_today.series(rows, KEYS, key=_key(rows), start=other_start, today=TODAY)
    assert kept == insights.measure_series(rows, KEYS, start=other_start, end=TODAY)


def _ticking(rows, seed: int):
    rng = random.Random(seed)
    return [
        row._replace(item_ids=str(sorted(rng.sample(range(1, 9), rng.randint(0, 3)))))
        for row in rows
    ]


ENTRIES = {
    pk: tracked.Entry(f"item {pk}", "factor", TODAY - dt.timedelta(days=500), None)
    for pk in range(1, 8)
}  # fmt: skip (8 is ticked but no longer the person's)


def _ticked_both(rows, entries=ENTRIES):
    start = rows[0].date if rows else TODAY
    whole = tracked.ticked_on(entries, rows)
    kept = before_today.ticked(entries, rows, key=_key(rows), start=start, today=TODAY)
    return whole, kept


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
@pytest.mark.parametrize("seed", range(3))
def test_ticked_with_today_added_is_that_of_one_pass(case, seed):
    rows = _ticking(_rows(seed, **case), seed)
    for _ in range(2):
        whole, kept = _ticked_both(rows)
        assert kept == whole
        assert list(kept.days) == list(whole.days)  # in the order one pass finds them
        assert 8 not in kept.days


def test_ticked_follows_today_earlier_days_and_the_persons_items():
    rows = _ticking(_rows(11, days=40), 11)
    _ticked_both(rows)
    changes = [
        [*rows[:-1], rows[-1]._replace(item_ids="[7]")],  # today: only an item not seen yet
        [*rows[:-1], rows[-1]._replace(item_ids="[]")],
        [*rows[:-5], rows[-5]._replace(item_ids="[1, 2, 3]"), *rows[-4:]],  # an earlier day
        [*rows[:-5], rows[-5]._replace(item_ids="[]"), *rows[-4:]],
    ]
    for changed in changes:
        whole, kept = _ticked_both(changed)
        assert kept == whole and list(kept.days) == list(whole.days)
    fewer = {pk: entry for pk, entry in ENTRIES.items() if pk != 3}
    whole, kept = _ticked_both(rows, entries=fewer)
    assert kept == whole and 3 not in kept.days


def _tags(rows, seed: int) -> list[tracked_insights.Tag]:
    """Tags ticked on random days, one ticked today, one added today, one retired yesterday
    and one since yesterday: each edge of the days added to the kept sums."""
    rng = random.Random(seed)
    days = [row.date for row in rows]
    yesterday = TODAY - dt.timedelta(days=1)
    picked = [frozenset(rng.sample(days, min(len(days), rng.randint(0, 60)))) for _ in range(5)]
    return [
        tracked_insights.Tag("a", TODAY - dt.timedelta(days=500), picked[0]),
        tracked_insights.Tag("today", TODAY - dt.timedelta(days=90), picked[1] | {TODAY}),
        tracked_insights.Tag("added today", TODAY, frozenset({TODAY})),
        tracked_insights.Tag("retired", TODAY - dt.timedelta(days=300), picked[2], until=yesterday),
        tracked_insights.Tag("since yesterday", yesterday, frozenset({yesterday})),
        tracked_insights.Tag(
            "retired long ago",
            TODAY - dt.timedelta(days=300),
            picked[3],
            until=TODAY - dt.timedelta(days=100),
        ),
        tracked_insights.Tag("never", TODAY - dt.timedelta(days=30), frozenset()),
    ]


def _tag_insights_both(in_range, tags, *, start, key=None):
    whole = tracked_insights.tag_insights(in_range, tags)
    key = _key(in_range) if key is None else key
    kept = before_today.tag_insights(in_range, tags, key=key, start=start, today=TODAY)
    return whole, kept


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
@pytest.mark.parametrize("seed", range(4))
def test_tag_insights_with_today_added_are_those_of_one_pass(case, seed):
    rows = _rows(seed, **case)
    tags = _tags(rows, seed)
    for _ in range(2):  # worked out, then from what was kept
        whole, kept = _tag_insights_both(rows, tags, start=rows[0].date)
        assert kept == whole
        assert any(insight.same_day.enough for insight in kept)
    assert len(before_today.KEPT._items) == 1


def test_tag_insights_follow_today_and_are_keyed_by_the_days_before_it():
    """Today's discomfort changed, removed, or today not saved: the kept sums answer, today's
    follows. An earlier day changed, another first day or another today: summed afresh."""
    rows = _rows(12, days=120)
    tags = _tags(rows, 12)
    start = rows[0].date
    _tag_insights_both(rows, tags, start=start)
    for changed in (
        [*rows[:-1], rows[-1]._replace(discomfort=10)],
        [*rows[:-1], rows[-1]._replace(discomfort=None)],
        rows[:-1],
    ):
        whole, kept = _tag_insights_both(changed, tags, start=start, key=_key(rows))
        assert kept == whole
    assert len(before_today.KEPT._items) == 1
    edited = [*rows[:-3], rows[-3]._replace(discomfort=(rows[-3].discomfort or 0) + 1), *rows[-2:]]
    whole, kept = _tag_insights_both(edited, tags, start=start)
    assert kept == whole
    later = start + dt.timedelta(days=10)
    whole, kept = _tag_insights_both([r for r in rows if r.date >= later], tags, start=later)
    assert kept == whole
    assert len(before_today.KEPT._items) == 3
    # The same digest of days for another today is not answered from today's sums.
    key = _key(rows)
    before_today.tag_insights(rows, tags, key=key, start=start, today=TODAY)
    before_today.tag_insights(
        rows[:-1], tags, key=key, start=start, today=TODAY + dt.timedelta(days=1)
    )
    assert len(before_today.KEPT._items) == 4


def test_sums_plus_a_later_day_are_the_sums_of_all():
    pairs = [(TODAY - dt.timedelta(days=n), n % 7 or None) for n in range(30, 0, -1)]
    whole = tracked_insights.RunningSums([*pairs, (TODAY, 5)])
    more = tracked_insights.RunningSums(pairs).plus(TODAY, 5)
    assert (more.value, more.days, more.totals) == (whole.value, whole.days, whole.totals)
    assert (
        tracked_insights.RunningSums(pairs).plus(TODAY, None).days
        == tracked_insights.RunningSums(pairs).days
    )
    with pytest.raises(ValueError):
        tracked_insights.RunningSums(pairs).plus(TODAY - dt.timedelta(days=3), 1)


@pytest.mark.parametrize("case", CASES, ids=lambda case: "-".join(map(str, case.values())))
def test_the_row_numbers_are_each_rows_numbers_in_turn(case):
    """Every field but the ticked items, the date as its ordinal, -1 for not logged, a
    boolean as 0 or 1: what the digests were always taken over."""
    rows = _ticking(_rows(13, days=50, **case), 13)
    rows[3] = rows[3]._replace(woke_from_pain=True, rest_day=True, peg_total=None)
    expected = [
        -1 if number is None else int(number)
        for row in rows
        for number in (row.date.toordinal(), *row[1:-1])
    ]
    assert list(digests.row_numbers(rows)) == expected
    assert list(digests.row_numbers([])) == []


def _kept(rows) -> before_today.KeptDays:
    """`rows` before today as ROWS keeps them."""
    return before_today.KeptDays(before_today.split(rows, TODAY)[0])


DIGESTS = ("fingerprint", "heatmap_fingerprint", "_before_today", "_year_before_today")


@pytest.mark.parametrize("today", ["logged", "none"])
def test_digests_kept_with_the_days_are_the_digests_taken_now(today):
    rows = _ticking(_rows(21, days=420, today=today), 21)
    kept = _kept(rows)
    for name in DIGESTS:
        assert getattr(_dashboard(rows, kept_before=kept), name) == getattr(_dashboard(rows), name)
    assert list(kept.digests) == [TODAY - dt.timedelta(days=charts.HEATMAP_DAYS)]
    # Read again from what is kept: the same, for today's row changed too.
    before, todays = before_today.split(rows, TODAY)
    todays = todays or rows[-1]._replace(date=TODAY)
    changed = [*before, todays._replace(discomfort=10, water_ml=111)]
    for name in DIGESTS:
        assert getattr(_dashboard(changed, kept_before=kept), name) == getattr(
            _dashboard(changed), name
        )


def test_digests_are_taken_once_for_kept_days(monkeypatch):
    rows = _rows(22, days=100)
    kept = _kept(rows)
    taken = []
    real = digests.row_numbers
    monkeypatch.setattr(digests, "row_numbers", lambda days: taken.append(len(days)) or real(days))
    first = _dashboard(rows, kept_before=kept).fingerprint
    assert _dashboard(rows, kept_before=kept).fingerprint == first
    assert taken == [len(kept), 1, 1]  # the kept days once; today's row on each view
    assert _dashboard(rows).fingerprint == first
    assert taken[3:] == [len(kept), 1]  # days that are not kept: digested on each view


def test_kept_days_that_are_not_the_rows_before_today_are_not_read():
    rows = _rows(23, days=100)
    other = _kept(rows[:-5])  # fewer days than the rows hold before today
    for name in DIGESTS:
        assert getattr(_dashboard(rows, kept_before=other), name) == getattr(_dashboard(rows), name)


def test_a_change_to_a_day_before_today_changes_the_kept_digests():
    rows = _rows(24, days=100)
    yesterday = rows[-2]
    changed = [*rows[:-2], yesterday._replace(stress=11), rows[-1]]
    for name in DIGESTS:
        assert getattr(_dashboard(rows, kept_before=_kept(rows)), name) != getattr(
            _dashboard(changed, kept_before=_kept(changed)), name
        )


@pytest.mark.parametrize("day", [-2, -1], ids=["yesterday", "today"])
def test_what_a_day_ticked_is_in_the_fingerprint_kept_or_not(day):
    rows = _rows(25, days=100)
    ticked = list(rows)
    ticked[day] = ticked[day]._replace(item_ids="[4]")
    for kept in (True, False):

        def board(rows, kept=kept):
            return _dashboard(rows, kept_before=_kept(rows) if kept else None)

        assert board(ticked).fingerprint != board(rows).fingerprint
        # Nothing kept by tracker.trends.before_today reads them.
        assert board(ticked)._before_today == board(rows)._before_today


@pytest.mark.parametrize("size", [buckets.WEEK, buckets.MONTH])
@pytest.mark.parametrize("today", ["logged", "none"])
@pytest.mark.parametrize("shift", [0, 1, 3])  # today a month's first day, or just after
@pytest.mark.parametrize("weekday", [0, 3])  # today a week's first day (from start), or not
@pytest.mark.parametrize("first_back", [40, 1, 0])  # the later days begin 40 days ago, or so
def test_bucket_sums_up_to_yesterday_and_today_are_one_pass(
    size, today, shift, weekday, first_back
):
    rows = _rows(30 + shift, days=300, today=today)
    # Days moved so that today falls on the first of a month (shift 0) or just after it.
    moved = dt.date(2026, 12, 1) + dt.timedelta(days=shift) - TODAY
    rows = [row._replace(date=row.date + moved) for row in rows]
    day = TODAY + moved
    start = day - dt.timedelta(days=280 + weekday)
    first = day - dt.timedelta(days=first_back)
    window = [row for row in rows if row.date >= first - dt.timedelta(days=6)]
    key = repr([row[:-1] for row in before_today.split(window, day)[0]])

    def kept(rows):
        return before_today.bucket_sums(
            rows, key=key, size=size, start=start, first=first, today=day
        )

    def one_pass(rows):
        return buckets.sums_of(rows, size=size, start=start, first=first, last=day)

    assert kept(window) == one_pass(window)
    assert kept(window) == one_pass(window)  # read again from what was kept
    # Today's day changed, the days before it the same (the same key): today's is added anew.
    before, todays = before_today.split(window, day)
    todays = (todays or window[-1]._replace(date=day))._replace(water_ml=3333, discomfort=9)
    changed = [*before, todays]
    assert kept(changed) == one_pass(changed) != one_pass(window)
