"""Share links per person, and every 429 says when to come back."""

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tracker.models import ShareLink
from tracker.trends import sharing
from tracker.views.share import OPENS_PER_CLIENT


def _share(client):
    return client.post(reverse("tracker:share_create"), {"range": "30", "days": "7"})


def _page(client) -> str:
    """The page a new link is shown on, once."""
    return _share(client).content.decode()


def test_open_share_links_are_capped_per_person(logged_in_client, user, other_client):
    for _ in range(sharing.MAX_OPEN_LINKS):
        assert _share(logged_in_client).status_code == 200
    response = _share(logged_in_client)
    assert response.status_code == 400
    assert f"{sharing.MAX_OPEN_LINKS} open links" in response.content.decode()
    assert ShareLink.objects.filter(user=user).count() == sharing.MAX_OPEN_LINKS
    assert _share(other_client).status_code == 200  # each person has their own
    # Revoking one, or one expiring, makes room again.
    sharing.revoke(ShareLink.objects.filter(user=user).first())
    assert _share(logged_in_client).status_code == 200
    ShareLink.objects.filter(user=user).update(expires_at=timezone.now())
    assert _share(logged_in_client).status_code == 200


def test_a_share_link_opened_too_often_says_when_to_try_again(db):
    clinic = Client(REMOTE_ADDR="203.0.113.9")
    limit = int(OPENS_PER_CLIENT.split("/")[0])
    # Held still: the limit counts in fixed windows of the clock, which a run may straddle.
    with time_machine.travel(timezone.now(), tick=False):
        for n in range(limit):
            clinic.get(f"/shared/guess{n}/")
        response = clinic.get("/shared/guess/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"


def test_too_many_sign_ups_say_when_to_try_again(db):
    passphrase = "a-long-unusual-passphrase-42"
    data = {"password1": passphrase, "password2": passphrase, "confirm_age": "on"}
    with time_machine.travel(timezone.now(), tick=False):  # one window of the limit's clock
        for n in range(11):
            response = Client().post(reverse("signup"), {**data, "username": f"new{n}"})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"


def test_a_locked_log_in_says_when_to_try_again(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    response = client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    assert response.status_code == 429
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert "Too many failed log-in attempts" in response.content.decode()
