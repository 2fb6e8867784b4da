"""Small words: plural agreement, whole scores without ".0", the streak table's share, a planned
break's button, and the heatmap's labels inside the picture."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from tracker.days import away
from tracker.days.day_summary import describe_day
from tracker.days.measures import MEASURES_BY_KEY
from tracker.models import AwayPeriod, CheckIn
from tracker.trends import heatmap, insights, reports, streaks, weekly
from tracker.trends.series import DayRow

EXERCISE, DISCOMFORT = MEASURES_BY_KEY["exercise_minutes"], MEASURES_BY_KEY["discomfort"]
MONDAY = dt.date(2026, 6, 8)  # only handed to pure functions: it never meets the clock


@pytest.mark.parametrize(
    ("minutes", "words"), [(1, "1 minute"), (0.6, "1 minute"), (2, "2 minutes"), (0, "0 minutes")]
)
def test_minutes_agree_with_their_number(minutes, words):
    assert insights.format_value(EXERCISE, minutes) == words


def _row(day: dt.date, exercise: int) -> DayRow:
    return DayRow(day, 3, exercise, 1500, 4, 3)


@pytest.mark.parametrize(("last", "words"), [(30, "down 1 minute"), (31, "down 2 minutes")])
def test_the_weekly_summary_says_one_minute_in_the_singular(last, words):
    today = MONDAY + dt.timedelta(days=2)
    rows = [_row(MONDAY - dt.timedelta(days=n), last) for n in range(1, 8)]
    rows += [_row(MONDAY + dt.timedelta(days=n), 29) for n in range(3)]
    (line,) = weekly.weekly_summary(rows, today=today, measures=[EXERCISE])
    assert line.sentence == f"Exercise averaged 29 minutes a day, {words} from last week."


@pytest.mark.parametrize(
    ("value", "words"),
    [(8, "8 / 10"), (8.0, "8 / 10"), (7.5, "7.5 / 10"), (Decimal("4.0"), "4 / 10"), (0, "0 / 10"),
     (3.96, "4 / 10"), (3.94, "3.9 / 10")],
)  # fmt: skip
def test_whole_scores_have_no_point_nought(value, words):
    assert reports.with_unit(DISCOMFORT, value) == words


def _streak(done: int, counted: int, kind: str = "checkin") -> streaks.Streak:
    return streaks.Streak(kind, streaks.STREAK_LABELS[kind], 0, 0, done, counted)


def test_the_streak_share_is_short_and_held_together():
    assert _streak(7, 7).recent_words == "7\u00a0of\u00a07"
    assert _streak(4, 6).recent_words == "4\u00a0of\u00a06 (others away)"
    assert _streak(2, 5, "exercise").recent_words == "2\u00a0of\u00a05 (others away or rest days)"


@pytest.mark.parametrize(
    ("starts_in", "lead", "button"),
    [
        (3, "You'll be away", "Cancel this break"),
        (0, "You're away", "Cancel this break"),  # ending it today removes it: it is cancelled
        (-2, "You're away", "I'm back: end the break"),
    ],
)
def test_a_break_not_begun_offers_to_be_cancelled(starts_in, lead, button):
    today = MONDAY
    start = today + dt.timedelta(days=starts_in)
    period = AwayPeriod(start=start, end=start + dt.timedelta(days=5))
    words = away.break_words(period, today=today)
    assert words.sentence.startswith(f"{lead} from ")
    assert words.button == button


@pytest.mark.parametrize("hours", [("1.0", "1 hour"), ("1.5", "1.5 hours"), ("7", "7 hours")])
def test_sleep_hours_agree_with_their_number(hours):
    checkin = CheckIn(date=MONDAY, sleep_hours=Decimal(hours[0]))
    described = describe_day(checkin, date=MONDAY, water_unit="ml")
    assert ("Sleep", hours[1]) in described.more


def _labels(svg: str) -> list[tuple[float, str, str]]:
    return [
        (float(x), anchor or "start", name)
        for x, anchor, name in re.findall(
            r'<text class="chart-label" x="([\d.]+)" y="12"(?: text-anchor="(\w+)")?>(\w+)</text>',
            svg,
        )
    ]


@pytest.mark.parametrize(
    "today",
    [dt.date(2026, 6, 3), dt.date(2026, 6, 1), dt.date(2026, 6, 14), dt.date(2027, 3, 1),
     dt.date(2028, 1, 1), dt.date(2026, 12, 6)],
)  # fmt: skip
def test_every_month_label_sits_inside_the_heatmap(today):
    svg = str(heatmap.discomfort_heatmap({}, today=today))
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    labels = _labels(svg)
    assert len(labels) >= 12
    for x, anchor, _name in labels:
        start = x - heatmap.MONTH_LABEL_WIDTH if anchor == "end" else x
        assert start >= 0 and start + heatmap.MONTH_LABEL_WIDTH <= width
    last_monday = today - dt.timedelta(days=today.weekday())
    if last_monday.day <= 7:  # a month begun in the last week shown is still named, in full
        assert labels[-1][2] == f"{last_monday:%b}" and labels[-1][1] == "end"
