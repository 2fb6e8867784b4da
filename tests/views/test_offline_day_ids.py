"""The nil UUID as an offline day's id: refused, and never one person's block on another."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.models import CheckIn, OfflineDay


def _today() -> dt.date:
    return timezone.now().date()


NIL_UUID = "00000000-0000-0000-0000-000000000000"


def _offline_day(user, **overrides) -> dict:
    return {
        "account": str(user.pk),
        "day_id": NIL_UUID,
        "date": _today().isoformat(),
        "saved_at": timezone.now().isoformat(),
        "discomfort": "4",
        **overrides,
    }


@pytest.mark.parametrize("day_id", [NIL_UUID, "{00000000-0000-0000-0000-000000000000}", "0" * 32])
def test_the_nil_uuid_is_refused_offline_and_nothing_is_saved(logged_in_client, user, day_id):
    response = logged_in_client.post(
        reverse("tracker:checkin_sync"), _offline_day(user, day_id=day_id)
    )
    assert response.status_code == 400
    (error,) = response.json()["errors"]["day_id"]
    assert "nil" in error["message"].lower() or "all zeros" in error["message"]
    assert not CheckIn.objects.exists()
    assert not OfflineDay.objects.exists()


def test_one_persons_nil_uuid_never_blocks_another(
    logged_in_client, other_client, user, other_user
):
    other_client.post(reverse("tracker:checkin_sync"), _offline_day(other_user))
    response = logged_in_client.post(reverse("tracker:checkin_sync"), _offline_day(user))
    assert response.status_code == 400 and "day_id" in response.json()["errors"]
