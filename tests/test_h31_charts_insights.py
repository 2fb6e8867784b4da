"""Insights worth reading: only the comparisons with enough days, the strongest first (by the
size of the difference in discomfort, tracker.trends.insights), each drawn with its two averages
and their day counts; the rest in one line saying what each still needs."""

import datetime as dt
import re

from tracker.trends import figures, insights, tracked_insights
from tracker.trends.insights import Comparison, DayRow, Insight
from tracker.trends.tracked_insights import Tag

TODAY = dt.date(2026, 11, 29)


def _insight(title: str, met: float, met_days: int, missed: float, missed_days: int, **kw):
    same = Comparison(met, met_days, missed, missed_days)
    return Insight(title, title, same, Comparison(None, 0, None, 0), **kw)


def test_the_difference_is_the_two_averages_as_they_read_and_needs_enough_days():
    assert Comparison(6.26, 12, 4.24, 13).difference == 2.1  # 6.3 against 4.2, as shown
    assert Comparison(2.0, 10, 5.5, 10).difference == -3.5
    assert Comparison(9.0, 9, 1.0, 30).difference is None  # 9 days: too few to compare
    assert Comparison(9.0, 9, 1.0, 30).more_needed == (1, 0)
    assert Comparison(None, 0, None, 0).more_needed == (10, 10)


def test_only_those_with_enough_days_are_ranked_strongest_first_either_way():
    drive = _insight("Long drive", 6.3, 13, 4.2, 12, words=("with it", "without it"))
    water = _insight("Water", 3.0, 12, 4.5, 13)  # lower when met: 1.5, strong too
    posture = _insight("Posture", 4.4, 11, 4.6, 14)
    short = _insight("Sleep", 2.0, 4, 8.0, 20)  # the biggest gap, on 4 days: not yet
    found = insights.ranked([posture, short, water, drive])
    assert [insight.title for insight in found.compared] == ["Long drive", "Water", "Posture"]
    assert [insight.strength for insight in found.compared] == [2.1, 1.5, 0.2]
    assert found.waiting == [short]


def test_equal_strengths_rank_more_days_first_then_by_name():
    few = _insight("B few", 5.0, 10, 4.0, 10)
    many = _insight("C many", 5.0, 20, 4.0, 20)
    same = _insight("A few", 4.0, 10, 5.0, 10)
    assert [i.title for i in insights.ranked([few, same, many]).compared] == [
        "C many",
        "A few",
        "B few",
    ]


def test_what_an_insight_says_and_what_a_waiting_one_still_needs():
    drive = _insight("Drive", 6.3, 13, 4.2, 12, words=("with it", "without it"))
    assert drive.difference_words == "discomfort 2.1 higher on days with it"
    water = _insight("Water", 3.0, 12, 4.5, 13)
    assert water.difference_words == "discomfort 1.5 lower on days you met it"
    assert _insight("Even", 4.0, 12, 4.0, 13).difference_words == (
        "discomfort about the same either way"
    )
    assert _insight("W", 3.0, 9, 4.5, 2).waiting_words == (
        "1 more day you met it and 8 more days you didn't"
    )
    assert _insight("W", 3.0, 14, 4.5, 7).waiting_words == "3 more days you didn't"
    assert _insight("S", None, 0, None, 0).waiting_words == (
        "nothing logged yet: 10 days each way needed"
    )


def _first_month() -> tuple[list[DayRow], list[Tag]]:
    """The issue's first month: 25 logged days; a long drive on 13 of them goes with more
    discomfort, every habit still short of days one way or the other."""
    rows, drive_days = [], set()
    for back in range(25):
        day = TODAY - dt.timedelta(days=back)
        drive = back % 2 == 0
        if drive:
            drive_days.add(day)
        rows.append(
            DayRow(day, posture=4 if back < 6 else 2, exercise_minutes=30 if back < 7 else 0,
                   water_ml=2500 if back < 17 else 1000, stress=3 if back < 18 else 6,
                   discomfort=6 if drive else 4)
        )  # fmt: skip
    rows.sort(key=lambda row: row.date)
    since = TODAY - dt.timedelta(days=30)
    tags = [
        Tag("Long drive, your own factor", since, frozenset(drive_days)),
        Tag("Ibuprofen, pain relief you used", since, frozenset(sorted(drive_days)[:5])),
    ]
    return rows, tags


def test_after_a_month_the_long_drive_leads_and_the_rest_wait_in_one_line():
    rows, tags = _first_month()
    goals = insights.goal_insights(rows, water_goal_ml=2000, exercise_goal_minutes=30)
    tagged = tracked_insights.tag_insights(rows, tags)
    html = figures.insight_items(goals, tagged)
    items = re.findall(r"<li class=\"insight\"[^>]*>.*?</ul><p[^>]*>.*?</p></li>", html)
    assert len(items) == 1  # only the long drive has 10 days each way
    drive = items[0]
    assert "data-tag-insight" in drive
    headline = "<strong>Long drive, your own factor</strong>: discomfort 2.0 higher on days with it"
    assert headline in drive
    # Its two averages as bars, each beside its number and its days.
    assert re.findall(r'<rect class="hm-(\d)" width="([\d.]+)"', drive) == [
        ("3", "60.0"),
        ("2", "40.0"),
    ]
    assert "With it · 13 days" in drive and "Without it · 12 days" in drive
    assert re.findall(r"discomfort averaged </span>([\d.]+)<", drive) == ["6.0", "4.0"]
    # Then one line for all the rest, saying what each needs; no per-insight "not enough".
    waiting = re.findall(r"<li class=\"insights-waiting\".*?</li>", html)
    assert len(waiting) == 1 and html.endswith(waiting[0])
    line = waiting[0]
    assert "Posture 4 or better: 4 more days you met it" in line
    assert "Water goal of 2,000 ml met: 2 more days you didn&#x27;t" in line
    assert "Ibuprofen, pain relief you used: 5 more days with it" in line
    assert "7 hours&#x27; sleep or more the night before: nothing logged yet" in line
    assert html.count("Not enough days to compare yet") == 1


def test_strongest_first_across_habits_and_own_factors():
    rows, tags = _first_month()
    # Ten more days, with water met on the painless half: water now has a stronger link.
    for back in range(25, 45):
        rows.insert(0, DayRow(TODAY - dt.timedelta(days=back), 3, 30,
                              2500 if back % 2 else 500, 3, 1 if back % 2 else 9))  # fmt: skip
    goals = insights.goal_insights(rows, water_goal_ml=2000, exercise_goal_minutes=30)
    tagged = tracked_insights.tag_insights(rows, tags)
    html = figures.insight_items(goals, tagged)
    strengths = [float(s) for s in re.findall(r'data-strength="([\d.]+)"', html)]
    titles = re.findall(r'<li class="insight"[^>]*><p><strong>([^<]+)</strong>', html)
    assert strengths == sorted(strengths, reverse=True) and len(strengths) >= 3
    assert titles[0] == "Water goal of 2,000 ml met"
    assert titles.index("Long drive, your own factor") > 0
    # An item per ranked insight, each with its two bars.
    assert html.count('class="insight-bar"') == 2 * len(titles)


def test_nothing_waiting_means_no_waiting_line():
    drive = _insight("Drive", 6.3, 13, 4.2, 12)
    html = figures.insight_items([drive], [])
    assert "insights-waiting" not in html and html.count('<li class="insight"') == 1
