import datetime as dt
import re

from tracker.days.measures import MEASURES
from tracker.trends import buckets, chart_points, charts, insights
from tracker.trends.insights import MEASURES_BY_KEY, Series

TODAY = dt.date(2026, 11, 29)


def series(values):
    start = TODAY - dt.timedelta(days=len(values) - 1)
    return Series([start + dt.timedelta(days=i) for i in range(len(values))], values, values)


def render(values, goal=None, key="discomfort"):
    return charts.line_chart(
        measure=MEASURES_BY_KEY[key], series=series(values), goal=goal, chart_id="c", caption="Test"
    )


def test_one_point_per_logged_day_each_with_its_value():
    chart = render([3, None, 5, 7, None])
    svg = str(chart.svg)
    assert svg.count("<circle") == 3
    assert re.findall(r"<title>[^<]*: (\d+)</title>", svg) == ["3", "5", "7"]


def test_a_missing_day_breaks_the_line_instead_of_dropping_to_zero():
    svg = str(render([3, None, 5]).svg)
    line = re.search(r'class="chart-line" d="([^"]*)"', svg).group(1)
    assert line.count("M") == 2 and "L" not in line


def test_chart_is_accessible():
    svg = str(render([1, 2]).svg)
    assert 'role="img"' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Test</title>' in svg
    assert "2 days logged, average 1.5" in svg


def test_goal_line_drawn_only_when_there_is_a_goal():
    assert "chart-goal" in str(render([1000, 2500], goal=2000, key="water_ml").svg)
    assert "chart-goal" not in str(render([1, 2]).svg)


def test_values_map_inside_the_plot():
    svg = str(render([0, 10]).svg)
    ys = [float(y) for y in re.findall(r'cy="([\d.]+)"', svg)]
    assert ys[0] == chart_points.PAD_TOP + chart_points.PLOT_H
    assert ys[1] == chart_points.PAD_TOP


def test_long_ranges_become_weekly_averages():
    values = [5] * 800
    chart = render(values)
    assert chart.weekly is True
    assert str(chart.svg).count("<circle") == len(charts.weekly(series(values)))
    assert "Week of" in str(chart.svg)


def test_heatmap_has_a_cell_per_day_and_values_in_titles():
    values = {TODAY: 7, TODAY - dt.timedelta(days=3): 0}
    svg = str(charts.discomfort_heatmap(values, today=TODAY))
    assert svg.count("<rect") == 52 * 7 + TODAY.weekday() + 1  # 52 full weeks and this one
    assert f"{TODAY:%a} {TODAY.day} {TODAY:%b %Y}: discomfort 7" in svg
    assert svg.count("discomfort not logged</title>") == svg.count("<rect") - 2


def test_every_heatmap_day_links_to_its_check_in():
    svg = str(charts.discomfort_heatmap({TODAY: 4}, today=TODAY))
    links = re.findall(r'<a href="/checkin/(\d{4}-\d\d-\d\d)/"><title>', svg)
    assert len(links) == svg.count("<rect")
    assert links[-1] == TODAY.isoformat()
    assert links == sorted(links) and len(set(links)) == len(links)


def test_heatmap_levels():
    assert [charts.heatmap_level(v) for v in (None, 0, 1, 2, 3, 5, 7, 10)] == [
        "none", "0", "1", "1", "2", "3", "4", "4",
    ]  # fmt: skip


def test_measures_cover_every_habit_and_discomfort():
    assert {m.key for m in MEASURES} == {
        "discomfort", "posture", "exercise_minutes", "water_ml", "stress",
    }  # fmt: skip


def test_y_coordinates_are_the_exact_position_to_a_tenth():
    top, scale = 164.0, 15.2  # discomfort's 0–10 scale
    values = [n / 7 for n in range(71)]  # rolling averages: sevenths from 0 to 10
    texts = chart_points.y_texts(values, top=top, scale=scale)
    for value, text in zip(values, texts, strict=True):
        assert abs(float(text) - (top - value * scale)) <= 0.05 + 1e-9


def test_y_coordinates_far_off_the_chart_are_still_drawn():
    texts = chart_points.y_texts([None, 1000.0, -1000.0], top=164.0, scale=15.2)
    assert texts == [None, "-15036.0", "15364.0"]


def test_auto_scale_keeps_an_early_rolling_average_inside_the_plot():
    day = TODAY - dt.timedelta(days=1)
    # The first day's 7-day average reads days before the range and is higher than any day in it.
    chart = charts.line_chart(
        measure=MEASURES_BY_KEY["water_ml"],
        series=Series([day, TODAY], [1000, 1000], [3000.0, 1000.0]),
        goal=None,
        chart_id="c",
        caption="Test",
    )
    rolling = re.search(r'class="chart-rolling" d="([^"]*)"', str(chart.svg)).group(1)
    ys = [float(y) for y in re.findall(r"[-\d.]+ ([-\d.]+)", rolling)]
    assert min(ys) >= chart_points.PAD_TOP


def test_weekly_means_skip_unlogged_days_and_an_empty_week_stays_a_gap():
    weeks = charts.weekly(series([1, None, 3, None, None, None, None] + [None] * 7 + [4]))
    assert weeks.values == [2, None, 4]
    assert weeks.rolling == [2, None, 4]
    assert weeks.days == [TODAY - dt.timedelta(days=14), TODAY - dt.timedelta(days=7), TODAY]


def test_captions_give_the_average_in_the_measures_own_unit():
    assert (
        render([1000, None, 2471], key="water_ml").summary == "average 1,736 ml over 2 logged days"
    )
    assert render([30], key="exercise_minutes").summary == "average 30 minutes over 1 logged day"
    assert render([2, 3]).summary == "average 2.5 over 2 logged days"
    assert render([None, None]).summary == "nothing logged in this range"
    assert render([5] * 800).summary == "average 5 over 800 logged days · weekly averages"


# --- long ranges: weekly and monthly averages from whole-number sums ---------------------------


def _days(count: int, seed: int = 3) -> list[insights.DayRow]:
    import random

    rng = random.Random(seed)
    first = TODAY - dt.timedelta(days=count - 1)
    return [
        insights.DayRow(first + dt.timedelta(days=n), rng.choice([None, 1, 5]),
                        rng.choice([None, 0, 45]), rng.choice([None, 0, 1250, 10000]),
                        rng.choice([None, 0, 10]), rng.choice([None, 0, 3, 10]),
                        peg_total=rng.choice([None, None, 0, 7, 30]))
        for n in range(count)
        if rng.random() < 0.8
    ]  # fmt: skip


def test_a_range_is_drawn_by_day_up_to_400_days_then_by_week_then_by_month():
    def size(days):
        return buckets.size_for(TODAY - dt.timedelta(days=days - 1), TODAY)

    assert [size(7), size(366), size(400)] == [buckets.DAY] * 3
    assert [size(401), size(156 * 7)] == [buckets.WEEK] * 2
    assert [size(156 * 7 + 1), size(3650)] == [buckets.MONTH] * 2


def test_sums_of_two_stretches_of_days_add_up_to_the_sums_of_both():
    rows = _days(900)
    start = rows[0].date
    for size in (buckets.WEEK, buckets.MONTH):
        at_once = buckets.sums_of(rows, size=size, start=start, first=start, last=TODAY)
        for split in (start, start + dt.timedelta(days=6), TODAY - dt.timedelta(days=400)):
            earlier = buckets.sums_of(
                [row for row in rows if row.date <= split],
                size=size, start=start, first=start, last=split,
            )  # fmt: skip
            later = buckets.sums_of(rows, size=size, start=start,
                                    first=split + dt.timedelta(days=1), last=TODAY)  # fmt: skip
            assert buckets.merge(earlier, later) == at_once


def test_weekly_sums_give_the_weekly_averages_of_the_days():
    rows = _days(500)
    start = rows[0].date
    daily = insights.measure_series(rows, ["water_ml"], start=start, end=TODAY)["water_ml"]
    sums = buckets.sums_of(rows, size=buckets.WEEK, start=start, first=start, last=TODAY)
    weeks = buckets.series(sums, "water_ml")
    assert weeks.days == charts.weekly(daily).days
    assert weeks.values == charts.weekly(daily).values  # gaps where nothing was logged
    for mine, theirs in zip(weeks.rolling, charts.weekly(daily).rolling, strict=True):
        assert mine == theirs or abs(mine - theirs) <= 0.01  # the same mean, summed exactly


def test_months_begin_on_the_first_and_the_range_on_its_own_day():
    start = dt.date(2020, 1, 20)
    assert buckets.first_day(0, size=buckets.MONTH, start=start) == start
    assert buckets.first_day(1, size=buckets.MONTH, start=start) == dt.date(2020, 2, 1)
    assert buckets.first_day(12, size=buckets.MONTH, start=start) == dt.date(2021, 1, 1)
    assert buckets.index_of(dt.date(2021, 1, 31), size=buckets.MONTH, start=start) == 12


def test_a_monthly_chart_labels_its_months_and_keeps_gaps_as_gaps():
    rows = [row for row in _days(1500) if row.date.month != 6]  # no June at all
    start = rows[0].date
    sums = buckets.sums_of(rows, size=buckets.MONTH, start=start, first=start, last=TODAY)
    chart = charts.bucket_chart(measure=MEASURES_BY_KEY["discomfort"], sums=sums,
                                field="discomfort", last=TODAY, goal=None, chart_id="c",
                                caption="Test")  # fmt: skip
    svg = str(chart.svg)
    assert chart.bucket == buckets.MONTH and chart.each == "each month"
    assert chart.summary.endswith(" · monthly averages")
    assert "<title>June " not in svg and re.search(r"<title>July \d{4}: [\d.]+</title>", svg)
    assert svg.count("<circle") == len([v for v in chart.series.values if v is not None])
    logged = [row.discomfort for row in rows if row.discomfort is not None]
    assert chart.logged_days == len(logged)
    assert chart.average == round(sum(logged) / len(logged), 1)
    assert f">{start:%-d %b %Y}</text>" in svg  # years apart: the first date has its year


def test_a_peg_drawn_by_month_averages_its_scores():
    day = dt.date(2026, 3, 2)
    rows = [insights.DayRow(day, None, None, None, None, None, peg_total=10),  # 3.3
            insights.DayRow(day + dt.timedelta(days=7), None, None, None, None, None,
                            peg_total=11)]  # 3.7  # fmt: skip
    sums = buckets.sums_of(rows, size=buckets.MONTH, start=day, first=day, last=TODAY)
    assert buckets.series(sums, "peg_total").values[0] == 3.5
    assert buckets.series(sums, "peg_total").rolling == [None] * sums.count
