"""A demo account with a believable history, so a newcomer sees a full app at once."""

import datetime as dt
import math
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from tracker.choices import TrackedKind
from tracker.dates import today_for
from tracker.models import CheckIn, TrackedItem

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "backhabits-demo"
DEMO_DAYS = 120
DEMO_ITEMS = {
    TrackedKind.PAIN_RELIEF: ("Ibuprofen", "Heat pack"),
    TrackedKind.FACTOR: ("Long drive", "Gardening"),
}


def _demo_day(rng: random.Random, day_index: int, date: dt.date) -> tuple[dict, list[str]]:
    """One day's values, and the names of the pain reliefs and own factors it ticks."""
    weekend = date.weekday() >= 5
    # A slow wave plus noise: a flare-up every few weeks, easing with better habits.
    flare = 2.2 * max(0.0, math.sin(day_index / 9.0))
    exercise_minutes = rng.choice([0, 0, 10, 20, 30, 30, 45, 60]) + (15 if weekend else 0)
    posture = max(1, min(5, round(3.4 + rng.gauss(0, 0.9) - (0.6 if weekend else 0))))
    stress = max(0, min(10, round(4 + rng.gauss(0, 1.8) - (1.5 if weekend else 0))))
    water_ml = max(500, min(3500, int(rng.gauss(1800, 450)) // 50 * 50))
    sleep_hours = max(4.0, min(9.5, round(2 * rng.gauss(6.9 - flare / 3, 0.9)) / 2))
    long_drive = not weekend and rng.random() < 0.15
    gardening = weekend and rng.random() < 0.4
    discomfort = round(
        2.0
        + flare
        + 0.25 * stress
        - 0.4 * (posture - 3)
        - exercise_minutes / 60
        + 0.4 * max(0.0, 7 - sleep_hours)
        + (1.2 if long_drive else 0)
        + rng.gauss(0, 0.8)
    )
    discomfort = max(0, min(10, discomfort))
    ticked = ["Long drive"] * long_drive + ["Gardening"] * gardening
    if discomfort >= 5:
        ticked += ["Ibuprofen"] * (rng.random() < 0.6) + ["Heat pack"] * (rng.random() < 0.5)
    notes = rng.choice(["", "", "", "", "Long day at the desk.", "Walked to work."])
    if discomfort >= 5 and rng.random() < 0.35:
        # On a bad day people log what they manage: the pain, perhaps a word.
        values = {"discomfort": discomfort, "notes": rng.choice(["", "", "Too sore to do much."])}
        return values, ticked
    if rng.random() < 0.1:
        water_ml = None  # forgot to count
    values = {
        "posture": posture,
        "exercise_minutes": exercise_minutes,
        "water_ml": water_ml,
        "stress": stress,
        "discomfort": discomfort,
        "notes": notes,
        "sleep_hours": sleep_hours,
        # Woken in the night at a flare's height: a matter of the day in the wave, not of the
        # weekday, so every demo has such nights whatever day it is made on.
        "woke_from_pain": flare > 1.8 and rng.random() < 0.6,
    }
    if day_index % 7 == 6:  # the weekly PEG, answered from the week's pain
        values |= {
            "peg_pain": discomfort,
            "peg_enjoyment": max(0, min(10, discomfort - 1 + rng.randint(0, 2))),
            "peg_activity": max(0, min(10, discomfort + rng.randint(-1, 1))),
        }
    return values, ticked


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
    items = {
        name: TrackedItem.objects.get_or_create(user=user, kind=kind, name=name)[0]
        for kind, names in DEMO_ITEMS.items()
        for name in names
    }
    new_checkins = []
    for index in range(DEMO_DAYS):
        date = first + dt.timedelta(days=index)
        values, ticked = _demo_day(rng, index, date)
        skipped = rng.random() < 0.08 and date != today  # people miss the odd day
        if skipped or date in existing:
            continue
        item_ids = sorted(items[name].pk for name in ticked)
        new_checkins.append(CheckIn(user=user, date=date, item_ids=item_ids, **values))
    CheckIn.objects.bulk_create(new_checkins)
    peg_dates = [checkin.date for checkin in new_checkins if checkin.peg_pain is not None]
    if peg_dates:
        user.profile.peg_last_date = max(peg_dates)
        user.profile.save(update_fields=["peg_last_date"])
    return user.get_username(), DEMO_PASSWORD, len(new_checkins)
