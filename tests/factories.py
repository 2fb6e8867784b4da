"""Builders for test data: explicit values, sensible defaults."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from tracker.models import CheckIn

PASSWORD = "correct-horse-battery-staple"


def make_user(username: str, *, timezone: str = "UTC", **profile_fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password=PASSWORD
    )
    profile = user.profile
    profile.timezone = timezone
    profile.confirmed_email = user.email  # its confirmation link opened, unless told otherwise
    for name, value in profile_fields.items():
        setattr(profile, name, value)
    profile.save()
    return user


def make_checkin(user, date: dt.date, **overrides) -> CheckIn:
    values = {
        "posture": 3,
        "exercise_minutes": 30,
        "water_ml": 1500,
        "stress": 4,
        "discomfort": 3,
        "notes": "",
    }
    values.update(overrides)
    return CheckIn.objects.create(user=user, date=date, **values)


def checkin_post_data(**overrides) -> dict:
    data = {
        "posture": "4",
        "exercise_minutes": "25",
        "water_ml": "1750",
        "stress": "3",
        "discomfort": "2",
        "notes": "Walked at lunch.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# Every way the app changes a saved day (tracker.days.checkins.DayChange's keyword arguments),
# for tests that what is kept of the days follows each: pytest.mark.parametrize("change", ...,
# ids=DAY_CHANGE_NAMES).
DAY_CHANGES = [
    {"values": {"discomfort": 9}},
    {"values": {"sleep_hours": Decimal("5.5"), "item_ids": [3]}},
    {"water_tap_ml": 250},
    {"symptoms_added": ("night_pain",)},
]
DAY_CHANGE_NAMES = ["a measure", "the More section", "a water tap", "a symptom"]
