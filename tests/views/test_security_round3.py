"""Security, third round: where a form goes back to, HEAD on pages that take a form, the own
lists' limit, the nil UUID offline, list cells in the CSV, share links per person and 429s."""

import csv
import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin
from tracker.accounts import reminders
from tracker.models import (
    AwayPeriod,
    CareAlert,
    CheckIn,
    OfflineDay,
    ShareLink,
    Tip,
    TipDismissal,
    TrackedItem,
    TrackedKind,
)
from tracker.trends import sharing
from tracker.views.share import OPENS_PER_CLIENT

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


# --- next= ------------------------------------------------------------------------------------


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


# --- HEAD -------------------------------------------------------------------------------------


def _pages(user) -> dict[str, str]:
    yesterday = _today() - dt.timedelta(days=1)
    return {
        "checkin": reverse("tracker:checkin"),
        "a day's check-in": reverse("tracker:checkin_day", args=[yesterday]),
        "PEG": reverse("tracker:peg"),
        "settings": reverse("tracker:settings"),
        "health profile": reverse("tracker:health_profile"),
        "delete account": reverse("tracker:delete_account"),
        "unsubscribe": reverse("tracker:unsubscribe", args=[reminders.unsubscribe_token(user)]),
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
    token = reminders.unsubscribe_token(user)
    assert Client().head(reverse("tracker:unsubscribe", args=["bad"])).status_code == 400
    assert Client().head(reverse("tracker:unsubscribe", args=[token])).status_code == 200
    user.profile.refresh_from_db()
    assert user.profile.unsubscribe_key == key
    assert reminders.unsubscribe(token)


def test_head_on_a_day_with_a_checkin_leaves_it_as_it_was(logged_in_client, user):
    day = _today() - dt.timedelta(days=1)
    make_checkin(user, day, discomfort=6, symptoms=["leg_pain"])
    before = CheckIn.objects.filter(user=user).values().get()
    head = logged_in_client.head(reverse("tracker:checkin_day", args=[day]), checkin_post_data())
    assert head.status_code == 200
    assert CheckIn.objects.filter(user=user).values().get() == before


# --- the nil UUID offline ---------------------------------------------------------------------

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


# --- the CSV export's list cells --------------------------------------------------------------


def test_each_name_in_a_list_cell_is_kept_from_running_as_a_formula(logged_in_client, user):
    ibuprofen = TrackedItem.objects.create(
        user=user, kind=TrackedKind.PAIN_RELIEF, name="ibuprofen"
    )
    formula = TrackedItem.objects.create(
        user=user, kind=TrackedKind.PAIN_RELIEF, name='=HYPERLINK("https://evil.example","x")'
    )
    first = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="@SUM(A1)")
    dash = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="-2+3")
    make_checkin(user, _today(), item_ids=[ibuprofen.pk, formula.pk, first.pk, dash.pk])
    rows = list(csv.DictReader(io.StringIO(logged_in_client.get("/export.csv").content.decode())))
    assert rows[0]["pain_relief"] == 'ibuprofen;\'=HYPERLINK("https://evil.example","x")'
    assert rows[0]["factors"] == "'@SUM(A1);'-2+3"


# --- share links per person, and every 429 says when to come back ------------------------------


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
    for n in range(limit):
        clinic.get(f"/shared/guess{n}/")
    response = clinic.get("/shared/guess/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"


def test_too_many_sign_ups_say_when_to_try_again(db):
    passphrase = "a-long-unusual-passphrase-42"
    data = {"password1": passphrase, "password2": passphrase, "confirm_age": "on"}
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


# --- the shared copy's alerts, as they stood when its period ended ------------------------------


def test_a_shared_copy_shows_each_alert_as_it_stood_at_the_end_of_its_period(
    logged_in_client, user
):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    alert = CareAlert.objects.get(user=user)
    html = _page(logged_in_client)
    link = ShareLink.objects.get(user=user)
    path = re.search(r'id="share-url" value="http://testserver([^"]+)"', html)
    tomorrow = link.end_date + dt.timedelta(days=1)
    after_the_end = dt.datetime.combine(tomorrow, dt.time(0, 30), tzinfo=dt.UTC)
    later = {"date": tomorrow.isoformat(), "answers": ["Fever"], "entered": tomorrow.isoformat()}
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=after_the_end,
        acknowledgement="contacted",
        evidence=[*alert.evidence, later],
        corrections=[{"at": after_the_end.isoformat(), "removed": []}],
    )
    html = Client().get(path.group(1)).content.decode()
    assert 'id="report-alerts"' in html
    assert "Not yet" in html  # answered only after the period ended
    assert f'data-logged-for="{link.end_date:%Y-%m-%d}"' in html
    assert f'data-logged-for="{tomorrow:%Y-%m-%d}"' not in html


def test_an_answer_within_the_period_shows_on_the_shared_copy(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    alert = CareAlert.objects.get(user=user)
    html = _page(logged_in_client)
    path = re.search(r'id="share-url" value="http://testserver([^"]+)"', html).group(1)
    link = ShareLink.objects.get(user=user)
    just_before = dt.datetime.combine(link.end_date, dt.time(23, 59), tzinfo=dt.UTC)
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=just_before, acknowledgement="contacted"
    )
    html = Client().get(path).content.decode()
    assert "Not yet" not in html and f"{link.end_date:%-d %b %Y}" in html
