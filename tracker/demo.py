"""A demo account with a believable history, so a newcomer sees a full app at once."""

import datetime as dt
import math
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from tracker.dates import today_for
from tracker.models import CheckIn

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "backhabits-demo"
DEMO_DAYS = 120


def _demo_day(rng: random.Random, day_index: int, date: dt.date) -> dict:
    weekend = date.weekday() >= 5
    # A slow wave plus noise: a flare-up every few weeks, easing with better habits.
    flare = 2.2 * max(0.0, math.sin(day_index / 9.0))
    exercise_minutes = rng.choice([0, 0, 10, 20, 30, 30, 45, 60]) + (15 if weekend else 0)
    posture = max(1, min(5, round(3.4 + rng.gauss(0, 0.9) - (0.6 if weekend else 0))))
    stress = max(0, min(10, round(4 + rng.gauss(0, 1.8) - (1.5 if weekend else 0))))
    water_ml = max(500, min(3500, int(rng.gauss(1800, 450)) // 50 * 50))
    discomfort = round(
        2.0
        + flare
        + 0.25 * stress
        - 0.4 * (posture - 3)
        - exercise_minutes / 60
        + rng.gauss(0, 0.8)
    )
    discomfort = max(0, min(10, discomfort))
    notes = rng.choice(["", "", "", "", "Long day at the desk.", "Walked to work.", "Slept badly."])
    if discomfort >= 5 and rng.random() < 0.35:
        # On a bad day people log what they manage: the pain, perhaps a word.
        return {"discomfort": discomfort, "notes": rng.choice(["", "", "Too sore to do much."])}
    if rng.random() < 0.1:
        water_ml = None  # forgot to count
    return {
        "posture": posture,
        "exercise_minutes": exercise_minutes,
        "water_ml": water_ml,
        "stress": stress,
        "discomfort": discomfort,
        "notes": notes,
    }


@transaction.atomic
def seed_demo(*, now: dt.datetime | None = None) -> tuple[str, str, int]:
    """Creates or refreshes the demo user; returns (username, password, check-ins created)."""
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=DEMO_USERNAME)
    user.set_password(DEMO_PASSWORD)
    user.save()
    today = today_for(user, now=now)
    # The same seed for every run keeps the history identical, so running it twice changes nothing.
    rng = random.Random(20250330)
    first = today - dt.timedelta(days=DEMO_DAYS - 1)
    existing = set(
        CheckIn.objects.filter(user=user, date__gte=first).values_list("date", flat=True)
    )
    new_checkins = []
    for index in range(DEMO_DAYS):
        date = first + dt.timedelta(days=index)
        values = _demo_day(rng, index, date)
        skipped = rng.random() < 0.08 and date != today  # people miss the odd day
        if skipped or date in existing:
            continue
        new_checkins.append(CheckIn(user=user, date=date, **values))
    CheckIn.objects.bulk_create(new_checkins)
    return user.get_username(), DEMO_PASSWORD, len(new_checkins)
