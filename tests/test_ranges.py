import datetime as dt

import pytest

from tracker import ranges
from tracker.models import ShareLink

TODAY = dt.date(2026, 11, 29)


@pytest.mark.parametrize(
    ("value", "expected"), [("abc", "30"), (None, "30"), ("90", "90"), ("all", "all"), ("-1", "30")]
)
def test_range_parameter_falls_back_to_the_default(value, expected):
    assert ranges.parse_range(value) == expected


def test_all_range_starts_at_the_first_logged_day():
    first = TODAY - dt.timedelta(days=400)
    assert ranges.range_start("all", today=TODAY, first_logged=first) == first
    assert ranges.range_start("all", today=TODAY, first_logged=None) == TODAY
    assert ranges.range_start("7", today=TODAY, first_logged=first) == TODAY - dt.timedelta(days=6)


def test_a_range_ends_today_and_holds_its_number_of_days():
    for key, period in ranges.RANGES.items():
        if period.days is None:
            continue
        start = ranges.range_start(key, today=TODAY, first_logged=None)
        assert (TODAY - start).days + 1 == period.days, key


@pytest.mark.parametrize(
    ("key", "words"), [("7", "last 7 days"), ("365", "last 365 days"), ("all", "all days")]
)
def test_a_share_link_and_a_chart_caption_name_a_period_alike(key, words):
    assert ShareLink(range_key=key).range_words == ranges.range_words(key) == words


def test_the_defaults_are_ranges():
    assert ranges.DEFAULT_RANGE in ranges.RANGES
    assert ranges.REPORT_RANGE in ranges.RANGES
