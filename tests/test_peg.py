"""The PEG scale's score, its 30% mark and when it is offered (tracker.days.peg)."""

import datetime as dt
from decimal import Decimal

import pytest

from tracker.days import peg


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ((0, 0, 0), "0.0"),
        ((10, 10, 10), "10.0"),
        ((1, 1, 2), "1.3"),  # 1.333…
        ((1, 2, 2), "1.7"),  # 1.666…
        ((3, 4, 8), "5.0"),
        ((7, 2, 0), "3.0"),
    ],
)
def test_score_is_the_mean_to_one_decimal(answers, expected):
    assert peg.score(*answers) == Decimal(expected)
    assert peg.score_from_total(sum(answers)) == Decimal(expected)


def test_the_three_questions_are_the_published_ones():
    fields = [question.field for question in peg.QUESTIONS]
    assert fields == ["peg_pain", "peg_enjoyment", "peg_activity"]
    pain, enjoyment, activity = (question.text for question in peg.QUESTIONS)
    assert "pain on average in the past week" in pain
    assert "enjoyment of life" in enjoyment
    assert "general activity" in activity
    assert "Krebs" in peg.SOURCE and "2009" in peg.SOURCE


@pytest.mark.parametrize(
    ("first_total", "latest_total", "meaningful", "percent"),
    [
        (20, 14, True, -30),  # exactly 30% down, though read as 6.7 to 4.7 (29.85%)
        (10, 13, True, 30),  # exactly 30% up
        (30, 21, True, -30),
        (30, 22, False, -27),  # just under
        (10, 7, True, -30),
        (7, 9, False, 29),  # 28.6%, though read as 2.3 to 3.0 (30.4%)
        (18, 6, True, -67),
        (12, 12, False, 0),
    ],
)
def test_a_change_is_meaningful_at_30_percent_either_way_on_the_exact_means(
    first_total, latest_total, meaningful, percent
):
    change = peg.change([first_total, 29, latest_total])
    assert (change.first, change.latest) == (
        peg.score_from_total(first_total),
        peg.score_from_total(latest_total),
    )
    assert change.meaningful is meaningful
    assert change.percent == percent
    assert change.first + change.points == change.latest


def test_from_a_first_score_of_zero_no_share_is_taken():
    change = peg.change([0, 12])
    assert change.points == Decimal("4.0")
    assert change.percent is None
    assert change.meaningful is False


def test_one_score_is_no_change():
    assert peg.change([]) is None
    assert peg.change([15]) is None


@pytest.mark.parametrize(
    ("days_since", "due"), [(None, True), (0, False), (6, False), (7, True), (30, True)]
)
def test_offered_once_seven_days_have_passed(days_since, due):
    today = dt.date(2026, 3, 10)
    last = None if days_since is None else today - dt.timedelta(days=days_since)
    assert peg.due(last, today=today) is due
