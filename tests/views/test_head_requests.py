"""HEAD on pages that take a form: answered like GET, with no body, and changing nothing."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin
from tracker.accounts import delivery
from tracker.models import CheckIn


def _today() -> dt.date:
    return timezone.now().date()


def _pages(user) -> dict[str, str]:
    yesterday = _today() - dt.timedelta(days=1)
    return {
        "checkin": reverse("tracker:checkin"),
        "a day's check-in": reverse("tracker:checkin_day", args=[yesterday]),
        "PEG": reverse("tracker:peg"),
        "settings": reverse("tracker:settings"),
        "health profile": reverse("tracker:health_profile"),
        "delete account": reverse("tracker:delete_account"),
        "unsubscribe": reverse("tracker:unsubscribe", args=[delivery.unsubscribe_token(user)]),
    }


def test_head_answers_like_get_with_no_body_on_pages_that_take_a_form(logged_in_client, user):
    for name, url in _pages(user).items():
        got, head = logged_in_client.get(url), logged_in_client.head(url)
        assert (name, head.status_code) == (name, got.status_code)
        assert head.content == b"", name
    assert Client().head(reverse("signup")).status_code == 200


def test_head_changes_nothing(logged_in_client, user):
    profile = user.profile
    profile.reminder_email = True
    profile.save()
    for url in _pages(user).values():
        logged_in_client.head(url)
    user.refresh_from_db()
    assert user.is_active and user.profile.reminder_email
    assert user.profile.health_profile_answered_at is None
    assert not CheckIn.objects.filter(user=user).exists()


def test_head_on_an_unsubscribe_link_keeps_the_link_working(user):
    key = user.profile.unsubscribe_key
    token = delivery.unsubscribe_token(user)
    assert Client().head(reverse("tracker:unsubscribe", args=["bad"])).status_code == 400
    assert Client().head(reverse("tracker:unsubscribe", args=[token])).status_code == 200
    user.profile.refresh_from_db()
    assert user.profile.unsubscribe_key == key
    assert delivery.unsubscribe(token)


def test_head_on_a_day_with_a_checkin_leaves_it_as_it_was(logged_in_client, user):
    day = _today() - dt.timedelta(days=1)
    make_checkin(user, day, discomfort=6, symptoms=["leg_pain"])
    before = CheckIn.objects.filter(user=user).values().get()
    head = logged_in_client.head(reverse("tracker:checkin_day", args=[day]), checkin_post_data())
    assert head.status_code == 200
    assert CheckIn.objects.filter(user=user).values().get() == before
