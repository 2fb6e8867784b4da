"""Share links' tokens, expiry and access log (tracker.trends.sharing), and the report's content
(tracker.trends.reports)."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.factories import make_checkin
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.models import ShareLink
from tracker.trends import insights, reports, sharing

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def _link(user, **overrides):
    values = {"range_key": "30", "end_date": NOW.date(), "days": 7, "include_notes": False}
    values.update(overrides)
    return sharing.create(user, now=NOW, **values)


def test_a_token_carries_256_random_bits_and_only_its_hash_is_stored(user):
    made = [_link(user) for _ in range(sharing.MAX_OPEN_LINKS)]
    tokens = {new.token for new in made}
    assert len(tokens) == sharing.MAX_OPEN_LINKS
    for new in made:
        # token_urlsafe(32): 43 URL-safe characters, 6 bits each, so at least 128 bits.
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", new.token)
        assert new.link.token_hash == sharing.hash_token(new.token)
        assert new.token not in new.link.token_hash
    stored = list(ShareLink.objects.values_list("token_hash", flat=True))
    assert not any(new.token in value for value in stored for new in made)
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in stored)


def test_a_token_finds_its_link_and_nothing_else_does(user):
    new = _link(user)
    assert sharing.find(new.token) == new.link
    assert sharing.find(new.token[:-1] + ("A" if new.token[-1] != "A" else "B")) is None
    assert sharing.find(new.link.token_hash) is None  # the stored hash is not a token


@pytest.mark.parametrize("days", [7, 30])
def test_a_link_is_open_until_the_moment_it_expires(user, days):
    link = _link(user, days=days).link
    expiry = NOW + dt.timedelta(days=days)
    assert link.expires_at == expiry
    assert sharing.is_open(link, now=expiry - dt.timedelta(microseconds=1))
    assert not sharing.is_open(link, now=expiry)
    assert not sharing.is_open(link, now=expiry + dt.timedelta(seconds=1))


@pytest.mark.parametrize("days", [0, 1, 8, 31, 365])
def test_only_7_or_30_days_are_offered(user, days):
    with pytest.raises(ValueError):
        _link(user, days=days)


def test_a_revoked_link_is_closed_at_once_and_leaves_its_open_list(user):
    link = _link(user).link
    assert sharing.open_links(user, now=NOW) == [link]
    sharing.revoke(link, now=NOW + dt.timedelta(minutes=1))
    assert not sharing.is_open(link, now=NOW + dt.timedelta(minutes=1))
    assert sharing.open_links(user, now=NOW) == []


def test_each_opening_is_counted_with_its_time(user):
    link = _link(user).link
    sharing.record_opening(link, now=NOW + dt.timedelta(hours=1))
    sharing.record_opening(link, now=NOW + dt.timedelta(hours=2))
    link.refresh_from_db()
    assert (link.open_count, link.last_opened_at) == (2, NOW + dt.timedelta(hours=2))


def test_the_qr_code_is_plain_svg_without_style_or_script():
    svg = sharing.qr_svg("https://backhabits.example.org/shared/abc/")
    assert svg.startswith("<svg")
    assert "style" not in svg and "<script" not in svg
    assert "<title>QR code of the share link</title>" in svg


# --- the report's content --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "text"),
    [
        ("discomfort", 3.25, "3.2 / 10"),
        ("posture", 4, "4 / 5"),
        ("exercise_minutes", 24.6, "25 minutes"),
        ("water_ml", 1788, "1,788 ml"),
        ("stress", None, "not logged"),
    ],
)
def test_every_number_has_one_format_with_its_unit(key, value, text):
    assert reports.with_unit(insights.MEASURES_BY_KEY[key], value) == text


def test_symptoms_are_counted_by_days_with_their_first_and_last(user):
    today = timezone.now().date()
    make_checkin(user, today - dt.timedelta(days=9), symptoms=["leg_pain", "fever"])
    make_checkin(user, today - dt.timedelta(days=4), symptoms=["leg_pain"])
    make_checkin(user, today - dt.timedelta(days=1), symptoms=["leg_pain"])
    make_checkin(user, today - dt.timedelta(days=40), symptoms=["fever"])  # before the range
    counts = reports.symptom_counts(user, start=today - dt.timedelta(days=29), end=today)
    leg, fever = counts
    assert (leg.days, leg.first, leg.last) == (
        3,
        today - dt.timedelta(days=9),
        today - dt.timedelta(days=1),
    )
    assert (fever.days, fever.first) == (1, today - dt.timedelta(days=9))
    assert leg.label == SYMPTOM_LABELS["leg_pain"] != "leg_pain"


def test_the_five_worst_days_most_recent_first_among_equals(user):
    today = timezone.now().date()
    for offset, discomfort in enumerate([2, 8, 5, 8, 9, 1, 7, None, 6]):
        make_checkin(user, today - dt.timedelta(days=offset), discomfort=discomfort)
    worst = reports.worst_days(user, start=today - dt.timedelta(days=30), end=today)
    assert [(day.date, day.discomfort) for day in worst] == [
        (today - dt.timedelta(days=4), "9 / 10"),
        (today - dt.timedelta(days=1), "8 / 10"),
        (today - dt.timedelta(days=3), "8 / 10"),
        (today - dt.timedelta(days=6), "7 / 10"),
        (today - dt.timedelta(days=8), "6 / 10"),
    ]


def test_notes_are_only_the_days_that_have_them_newest_first(user):
    today = timezone.now().date()
    make_checkin(user, today - dt.timedelta(days=3), notes="older")
    make_checkin(user, today - dt.timedelta(days=2), notes="")
    make_checkin(user, today - dt.timedelta(days=1), notes="newer")
    notes = reports.notes_newest_first(user, start=today - dt.timedelta(days=7), end=today)
    assert notes == [
        (today - dt.timedelta(days=1), "newer"),
        (today - dt.timedelta(days=3), "older"),
    ]


def test_the_report_names_the_person_by_their_display_name(user):
    today = timezone.now().date()
    assert reports.build(user, range_key="30", today=today).name == "alice"
    assert reports.build(user, range_key="30", today=today, shared=True).name == ""
    user.profile.display_name = "Alice Example"
    user.profile.save()
    assert reports.build(user, range_key="30", today=today, shared=True).name == "Alice Example"
