"""The header's "not checked in yet" line reads today's answers in plain SQL
(tracker.context_processors): each answer must count exactly as `is_given` counts it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tracker.days.checkins import CHECKED_IN_FIELDS
from tracker.models import CheckIn

NOT_CHECKED_IN = "You haven't checked in today"
WATER_ONLY = "Only water logged today so far"

# One answer each, the least that counts: 0 and "no" are answers.
ANSWERS = {
    "posture": 1,
    "exercise_minutes": 0,
    "stress": 0,
    "discomfort": 0,
    "symptoms": ["swelling"],
    "notes": "x",
    "rest_day": True,
    "sleep_hours": Decimal("0.5"),
    "woke_from_pain": False,
    "item_ids": [1],
    "peg_pain": 0,
}
# The PEG's three answers are saved together or not at all.
TOGETHER = {"peg_pain": {"peg_enjoyment": 0, "peg_activity": 0}}


def _settings_page(client) -> str:
    return client.get("/settings/").content.decode()


def test_every_answer_that_makes_a_check_in_is_covered():
    assert set(ANSWERS) == set(CHECKED_IN_FIELDS)


@pytest.mark.parametrize(("name", "value"), ANSWERS.items(), ids=list(ANSWERS))
def test_any_one_answer_is_a_check_in(logged_in_client, user, name, value):
    CheckIn.objects.create(
        user=user, date=timezone.localdate(), **{name: value}, **TOGETHER.get(name, {})
    )
    page = _settings_page(logged_in_client)
    assert NOT_CHECKED_IN not in page
    assert WATER_ONLY not in page


def test_empty_lists_an_empty_note_and_no_rest_day_are_no_answers(logged_in_client, user):
    CheckIn.objects.create(
        user=user, date=timezone.localdate(), water_ml=250, symptoms=[], item_ids=[], notes="",
        rest_day=False,
    )  # fmt: skip
    assert WATER_ONLY in _settings_page(logged_in_client)


def test_another_day_or_another_person_does_not_count(logged_in_client, user, other_user):
    CheckIn.objects.create(user=user, date=timezone.localdate() - dt.timedelta(days=1), stress=2)
    CheckIn.objects.create(user=other_user, date=timezone.localdate(), stress=2)
    assert NOT_CHECKED_IN in _settings_page(logged_in_client)


def test_not_on_home_nor_the_check_in(logged_in_client, user):
    for path in ("/", "/checkin/"):
        assert NOT_CHECKED_IN not in logged_in_client.get(path).content.decode()
