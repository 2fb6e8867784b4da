"""Where a form goes back to: a `next` off this site, or not a path, is never followed."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.models import AwayPeriod, Tip, TipDismissal

UNSAFE_NEXT = [
    "x",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
    "",
    "/history/\nSet-Cookie: a=b",
]


def _today() -> dt.date:
    return timezone.now().date()


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_not_for_me_goes_home_for_any_unsafe_next_and_saves_once(logged_in_client, user, target):
    tip = Tip.objects.first()
    url = reverse("tracker:dismiss_tip", args=[tip.pk])
    response = logged_in_client.post(url, {"next": target})
    assert response.status_code == 302
    assert response["Location"] in (reverse("tracker:home"), "/history/%0ASet-Cookie:%20a=b")
    assert TipDismissal.objects.filter(user=user, tip=tip).count() == 1


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_restoring_a_tip_goes_to_the_tips_for_any_unsafe_next(logged_in_client, user, target):
    tip = Tip.objects.first()
    TipDismissal.objects.create(user=user, tip=tip)
    response = logged_in_client.post(
        reverse("tracker:restore_tip", args=[tip.pk]), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] in (reverse("tracker:tip_list"), "/history/%0ASet-Cookie:%20a=b")
    assert not TipDismissal.objects.filter(user=user).exists()


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_a_break_goes_to_history_for_any_unsafe_next_and_is_saved_once(
    logged_in_client, user, target
):
    today = _today()
    data = {"start": today.isoformat(), "end": (today + dt.timedelta(days=3)).isoformat()}
    response = logged_in_client.post(reverse("tracker:away_start"), {**data, "next": target})
    assert response.status_code == 302
    assert response["Location"] in (reverse("tracker:history"), "/history/%0ASet-Cookie:%20a=b")
    assert AwayPeriod.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("target", UNSAFE_NEXT)
def test_ending_a_break_goes_to_history_for_any_unsafe_next(logged_in_client, user, target):
    today = _today()
    period = AwayPeriod.objects.create(
        user=user, start=today - dt.timedelta(days=5), end=today + dt.timedelta(days=5)
    )
    response = logged_in_client.post(
        reverse("tracker:away_end", args=[period.pk]), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] in (reverse("tracker:history"), "/history/%0ASet-Cookie:%20a=b")
    period.refresh_from_db()
    assert period.end == today - dt.timedelta(days=1)


def test_a_next_on_this_site_is_followed_with_its_query_and_anchor(logged_in_client, user):
    today = _today()
    data = {"start": today.isoformat(), "end": today.isoformat(), "next": "/settings/?a=1#away"}
    response = logged_in_client.post(reverse("tracker:away_start"), data)
    assert response["Location"] == "/settings/?a=1#away"
