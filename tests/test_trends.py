"""The trends dashboard's cache digest (tracker.trends.dashboard): any input the cached charts,
heatmap or insights are drawn from changes it, so a cached drawing is never shown stale."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import make_checkin
from tracker.choices import TrackedKind, WaterUnit
from tracker.models import AwayPeriod, CheckIn, TrackedItem
from tracker.trends import dashboard, insights

TODAY = dt.date(2026, 11, 18)


def _fingerprint(user, *, range_key: str = "30", today: dt.date = TODAY) -> str:
    return dashboard.build(user, range_key=range_key, today=today).fingerprint


@pytest.fixture
def history(user):
    item = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Long drive")
    for n in range(20):
        make_checkin(user, TODAY - dt.timedelta(days=n), sleep_hours=Decimal("7"),
                     woke_from_pain=False, item_ids=[item.pk] if n % 2 else [])  # fmt: skip
    make_checkin(user, TODAY - dt.timedelta(days=40), peg_pain=4, peg_enjoyment=4, peg_activity=4)
    return item


def _set_day(user, **fields):
    CheckIn.objects.filter(user=user, date=TODAY - dt.timedelta(days=3)).update(**fields)


def _set_profile(user, **fields):
    for name, value in fields.items():
        setattr(user.profile, name, value)
    user.profile.save()


# Every column a day row carries (insights.DayRow), each changed on one day.
ROW_CHANGES = {
    "posture": {"posture": 1},
    "exercise_minutes": {"exercise_minutes": 5},
    "water_ml": {"water_ml": 250},
    "stress": {"stress": 9},
    "discomfort": {"discomfort": 8},
    "rest_day": {"rest_day": True},
    "sleep_half_hours": {"sleep_hours": Decimal("5.5")},
    "peg_total": {"peg_pain": 1, "peg_enjoyment": 2, "peg_activity": 3},
    "woke_from_pain": {"woke_from_pain": True},
    "item_ids": {"item_ids": []},
}


def test_every_row_field_is_covered_here():
    assert set(ROW_CHANGES) == set(insights.DayRow._fields) - {"date"}


@pytest.mark.parametrize("field", list(ROW_CHANGES))
def test_changing_any_field_of_a_day_changes_the_digest(user, history, field):
    before = _fingerprint(user)
    _set_day(user, **ROW_CHANGES[field])
    assert _fingerprint(user) != before


@pytest.mark.parametrize(
    "change",
    [
        {"water_goal_ml": 2750},
        {"exercise_goal_minutes": 45},
        {"water_unit": WaterUnit.US_FLUID_OUNCES},
    ],
    ids=["water goal", "exercise goal", "water unit"],
)
def test_changing_a_setting_the_charts_read_changes_the_digest(user, history, change):
    before = _fingerprint(user)
    _set_profile(user, **change)
    assert _fingerprint(user) != before


def test_changing_the_range_the_day_or_time_away_changes_the_digest(user, history):
    digests = {
        _fingerprint(user),
        _fingerprint(user, range_key="90"),
        _fingerprint(user, today=TODAY + dt.timedelta(days=1)),
    }
    AwayPeriod.objects.create(
        user=user, start=TODAY - dt.timedelta(days=9), end=TODAY - dt.timedelta(days=8)
    )
    digests.add(_fingerprint(user))
    assert len(digests) == 4


def test_renaming_or_retiring_an_item_changes_the_digest(user, history):
    digests = {_fingerprint(user)}
    TrackedItem.objects.filter(pk=history.pk).update(name="Longer drive")
    digests.add(_fingerprint(user))
    TrackedItem.objects.filter(pk=history.pk).update(retired_at=timezone.now())
    digests.add(_fingerprint(user))
    assert len(digests) == 3


def test_the_same_inputs_give_the_same_digest_and_another_person_another(user, other_user, history):
    assert _fingerprint(user) == _fingerprint(user)
    for n in range(20):
        make_checkin(other_user, TODAY - dt.timedelta(days=n), sleep_hours=Decimal("7"),
                     woke_from_pain=False)  # fmt: skip
    assert _fingerprint(other_user) != _fingerprint(user)


def test_a_loaded_row_holds_each_field_of_the_day_in_its_own_slot(user):
    make_checkin(user, TODAY, posture=2, exercise_minutes=35, water_ml=1750, stress=6,
                 discomfort=3, rest_day=True, sleep_hours=Decimal("6.5"), woke_from_pain=True,
                 item_ids=[4, 9], peg_pain=5, peg_enjoyment=6, peg_activity=7)  # fmt: skip
    (row,) = dashboard.load_rows(user, start=TODAY, end=TODAY)
    loaded = row._asdict()
    assert json.loads(loaded.pop("item_ids")) == [4, 9]
    assert loaded == {
        "date": TODAY, "posture": 2, "exercise_minutes": 35, "water_ml": 1750, "stress": 6,
        "discomfort": 3, "rest_day": True, "sleep_half_hours": 13, "peg_total": 18,
        "woke_from_pain": True,
    }  # fmt: skip


def test_a_day_not_logged_loads_as_gaps_not_zeros(user):
    make_checkin(user, TODAY, discomfort=4, posture=None, water_ml=None)
    (row,) = dashboard.load_rows(user, start=TODAY, end=TODAY)
    assert row.discomfort == 4
    assert (row.posture, row.water_ml, row.sleep_half_hours, row.peg_total) == (None,) * 4
