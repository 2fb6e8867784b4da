"""checkins.previous_habits reads its row with a plain query: it must find exactly the row the
ORM query it replaced found, whatever days, users and gaps lie around it."""

import datetime as dt

import pytest
from django.db.models import Q

from tests.factories import make_checkin
from tracker.days import checkins
from tracker.models import CheckIn

DAY = dt.date(2026, 3, 10)


def _as_the_orm_found_it(user, date: dt.date, day: CheckIn | None):
    habits = [n for n in checkins.COPIED_HABITS if not (n == "water_ml" and day and day.water_ml)]
    logged = Q()
    for name in habits:
        logged |= Q(**{f"{name}__isnull": False})
    row = (
        CheckIn.objects.filter(logged, user=user, date__lt=date)
        .order_by("-date")
        .values("date", *habits)
        .first()
    )
    if row is None:
        return None
    values = {name: row[name] for name in habits if row[name] is not None}
    return checkins.PreviousHabits(date=row["date"], values=values)


@pytest.mark.django_db
def test_the_plain_read_finds_what_the_orm_query_found(user, other_user):
    nothing = {"posture": None, "exercise_minutes": None, "water_ml": None}
    make_checkin(other_user, DAY - dt.timedelta(days=1), posture=5, water_ml=900)
    make_checkin(user, DAY - dt.timedelta(days=1), **nothing, discomfort=4)  # no habits
    make_checkin(user, DAY - dt.timedelta(days=2), **{**nothing, "water_ml": 600})  # water only
    make_checkin(user, DAY - dt.timedelta(days=5), posture=2, exercise_minutes=0, water_ml=None)
    make_checkin(user, DAY + dt.timedelta(days=1), posture=4)  # later: never offered
    tapped = make_checkin(user, DAY, **{**nothing, "water_ml": 250})
    cases = [
        (DAY, None),
        (DAY, tapped),  # water tapped today: only the other habits count
        (DAY - dt.timedelta(days=2), None),
        (DAY - dt.timedelta(days=5), None),  # nothing earlier
        (DAY + dt.timedelta(days=2), None),
    ]
    for date, day in cases:
        assert checkins.previous_habits(user=user, date=date, day=day) == _as_the_orm_found_it(
            user, date, day
        )
    found = checkins.previous_habits(user=user, date=DAY, day=tapped)
    assert found == checkins.PreviousHabits(
        date=DAY - dt.timedelta(days=5), values={"posture": 2, "exercise_minutes": 0}
    )
    assert checkins.previous_habits(user=user, date=DAY, day=None).values == {"water_ml": 600}
    assert checkins.previous_habits(user=user, date=DAY - dt.timedelta(days=5), day=None) is None
