"""A chart's points before the last are drawn once and kept (chart_points._drawn_before_last): the
chart drawn from what is kept must be the chart drawn whole, whatever changed in between."""

import datetime as dt
import random
import re

import pytest

from tracker.trends import buckets, chart_points, charts, strength_charts
from tracker.trends.insights import MEASURES_BY_KEY, Series

TODAY = dt.date(2026, 11, 29)


def _days(count: int, end: dt.date = TODAY) -> list[dt.date]:
    return [end - dt.timedelta(days=count - 1 - i) for i in range(count)]


def _whole(days, bucket, values, rolling, top, scale) -> tuple[str, str, str]:
    """Every point drawn in one pass, nothing kept."""
    return chart_points._marks(tuple(days), bucket, values, rolling, top, scale, 0, len(days))


def _kept(days, bucket, values, rolling, top, scale) -> tuple[str, str, str]:
    return chart_points.points(tuple(days), bucket, tuple(values), tuple(rolling), top, scale)


@pytest.fixture(autouse=True)
def _nothing_kept():
    chart_points._drawn_before_last.cache_clear()
    yield
    chart_points._drawn_before_last.cache_clear()


@pytest.mark.parametrize("bucket", [buckets.DAY, buckets.WEEK, buckets.MONTH])
@pytest.mark.parametrize("count", [1, 2, 3, 30, 365])
def test_a_chart_from_its_kept_points_is_the_chart_drawn_whole(bucket, count):
    rng = random.Random(count)
    days = _days(count)
    for _ in range(20):
        values = [None if rng.random() < 0.3 else rng.choice([0, 2.5, 5, 10]) for _ in days]
        rolling = [None if rng.random() < 0.2 else rng.random() * 10 for _ in days]
        top, scale = 186.0, 17.2
        assert _kept(days, bucket, values, rolling, top, scale) == _whole(
            days, bucket, values, rolling, top, scale
        )
        # Drawn again (now from what was kept): still the same.
        assert _kept(days, bucket, values, rolling, top, scale) == _whole(
            days, bucket, values, rolling, top, scale
        )


def test_what_is_kept_changes_with_each_thing_it_is_drawn_from():
    """One after another on the same process: today's point changing, then each input of the
    kept points. A key that left any of them out would draw the old points."""
    days = _days(40)
    values = [float(i % 11) for i in range(40)]
    rolling = [None, *[v + 0.5 for v in values[1:]]]
    base = {"days": days, "bucket": buckets.DAY, "values": values, "rolling": rolling}
    base |= {"top": 186.0, "scale": 17.2}
    changes = [
        {"values": [*values[:-1], None]},  # today not logged
        {"values": [*values[:-1], 3.0]},  # today logged
        {"values": [4.0, *values[1:]]},  # an earlier day changed
        {"values": [*values[:20], None, *values[21:]]},  # an earlier day removed
        {"rolling": [*rolling[:10], 9.9, *rolling[11:]]},
        {"top": 100.0},  # a higher day elsewhere rescales the chart
        {"scale": 10.0},
        {"days": _days(40, TODAY + dt.timedelta(days=1))},  # a new day: every point moves
        {"bucket": buckets.WEEK},
    ]
    drawn = {_kept(**base)}
    for change in changes:
        both = {**base, **change}
        kept = _kept(**both)
        assert kept == _whole(**both), change
        drawn.add(kept)
    assert len(drawn) == len(changes) + 1
    assert _kept(**base) == _whole(**base)


def test_a_line_chart_is_the_same_drawn_from_kept_points():
    measure = MEASURES_BY_KEY["water_ml"]
    days = _days(365)
    rng = random.Random(5)
    values = [None if rng.random() < 0.1 else rng.randrange(500, 3500, 50) for _ in days]

    def draw(values):
        return charts.line_chart(
            measure=measure, series=Series(days, values, values), goal=2000, chart_id="c",
            caption="Water",
        ).svg  # fmt: skip

    first = draw(values)
    for today in (None, 100, 9000, values[-1]):  # the last one rescales the chart
        changed = [*values[:-1], today]
        kept = draw(changed)
        chart_points._drawn_before_last.cache_clear()
        assert kept == draw(changed)
    assert draw(values) == first


def _strength_whole(values, top, scale) -> str:
    return chart_points.polyline(
        chart_points.x_positions(len(values)), chart_points.y_texts(values, top=top, scale=scale)
    )


@pytest.mark.parametrize("count", [1, 2, 3, 90])
def test_a_strength_line_from_its_kept_points_is_the_line_drawn_whole(count):
    strength_charts._path_before_last.cache_clear()
    rng = random.Random(count)
    top, scale = 186.0, 1.58
    values = tuple(rng.random() * 100 for _ in range(count))
    changes = [
        values,
        (*values[:-1], 0.0),  # today's changed
        (55.5, *values[1:]),  # an earlier day's
        (*values[:-2], 12.0, values[-1]) if count > 1 else values,
    ]
    drawn = set()
    for changed in changes:
        line = strength_charts._line_path(changed, top=top, scale=scale)
        assert line == _strength_whole(changed, top, scale)
        drawn.add(line)
    assert len(drawn) == len(set(changes))
    assert strength_charts._line_path(values, top=top, scale=100.0) == _strength_whole(
        values, top, 100.0
    )


def _circled_days(circles: str, days: list[dt.date]) -> list[dt.date]:
    """The days whose points have a circle (each circle's x is its day's)."""
    xs = re.findall(r'<circle r="[\d.]+" cx="([\d.]+)"', circles)
    by_x = dict(zip(chart_points.x_positions(len(days)), days, strict=True))
    return [by_x[x] for x in xs]


@pytest.mark.parametrize("count", [181, 365])
def test_a_long_chart_circles_only_the_points_its_line_does_not_reach(count):
    """Past MARKED_POINTS_AT_MOST points the circles ran together over the line: only a point
    with no logged day on either side keeps one (the line alone would not show it), whether
    it is the first, one in the middle, the one before today or today; kept or drawn whole."""
    days = _days(count)
    values: list[float | None] = [float(i % 7) for i in range(count)]
    alone = [0, 50, count - 3, count - 1]  # the first day, a day in a gap, the day before today
    for index in alone:
        values[index] = 4.0
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < count:
                values[neighbour] = None
    values[100:110] = [None] * 10  # a gap between two runs: their ends are reached by the line
    rolling = [None] * count
    for _ in range(2):  # drawn, then from what was kept
        circles, line_d, _ = _kept(days, buckets.DAY, values, rolling, 186.0, 17.2)
        assert (circles, line_d) == _whole(days, buckets.DAY, values, rolling, 186.0, 17.2)[:2]
        assert _circled_days(circles, days) == [days[index] for index in alone]
    # The day before today alone, then today logged: the kept points before today must lose
    # the day before's circle (the line reaches it now), and get it back when today is not.
    values[-3:] = [None, 3.0, None]
    for today, circled in ((None, [0, 50, count - 2]), (5.0, [0, 50]), (None, [0, 50, count - 2])):
        values[-1] = today
        circles, _, _ = _kept(days, buckets.DAY, values, rolling, 186.0, 17.2)
        assert circles == _whole(days, buckets.DAY, values, rolling, 186.0, 17.2)[0]
        assert _circled_days(circles, days) == [days[index] for index in circled]


def test_a_chart_of_up_to_180_points_circles_every_logged_point():
    days = _days(chart_points.MARKED_POINTS_AT_MOST)
    values = [None if i % 5 == 0 else float(i % 11) for i in range(len(days))]
    circles, _, _ = _kept(days, buckets.DAY, values, [None] * len(days), 186.0, 17.2)
    assert _circled_days(circles, days) == [
        d for d, v in zip(days, values, strict=True) if v is not None
    ]
