import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import make_checkin
from tracker.models import CheckIn

DAY = dt.date(2026, 3, 2)


def test_one_checkin_per_user_per_day(user):
    make_checkin(user, DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_checkin(user, DAY)


def test_two_users_may_log_the_same_day(user, other_user):
    make_checkin(user, DAY)
    make_checkin(other_user, DAY)
    assert CheckIn.objects.filter(date=DAY).count() == 2


@pytest.mark.parametrize(
    ("field", "bad_value"),
    [
        ("posture", 0),
        ("posture", 6),
        ("exercise_minutes", 1441),
        ("water_ml", 10001),
        ("stress", 11),
        ("discomfort", 11),
    ],
)
def test_database_refuses_out_of_range_values(user, field, bad_value):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_checkin(user, DAY, **{field: bad_value})


@pytest.mark.parametrize(
    "values",
    [
        {"posture": 3},
        {"exercise_minutes": 0},
        {"water_ml": 0},
        {"stress": 0},
        {"discomfort": 0},
        {"symptoms": ["fever"]},
        {"notes": "Slept badly."},
    ],
    ids=lambda values: next(iter(values)),
)
def test_any_single_answer_is_a_valid_day(user, values):
    checkin = CheckIn.objects.create(user=user, date=DAY, **values)
    others = {"posture", "exercise_minutes", "water_ml", "stress", "discomfort"} - set(values)
    assert all(getattr(checkin, name) is None for name in others)


def test_the_database_refuses_an_empty_day(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(user=user, date=DAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(user=user, date=DAY, symptoms=[], notes="")


def test_new_user_gets_a_profile_with_default_goals(user):
    assert user.profile.water_goal_ml == 2000
    assert user.profile.exercise_goal_minutes == 30
