import pytest
from django.urls import reverse

from tracker.accounts import delivery
from tracker.models import PushSubscription

SUBSCRIPTION = {
    "endpoint": "https://fcm.googleapis.com/fcm/send/abc123",
    "p256dh": (
        "BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U"
    ),
    "auth": "tBHItJI5svbpez7KI4CCXg",
}


@pytest.fixture
def with_vapid(settings):
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )


def test_service_worker_is_served_from_the_root_for_the_whole_app(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    body = response.content.decode()
    assert "showNotification" in body and "openWindow" in body and "/checkin/" in body


def test_without_keys_people_are_simply_not_offered_push_and_staff_are_told(
    logged_in_client, admin_client
):
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert 'id="push-form"' not in html and "VAPID" not in html
    admin = admin_client.get(reverse("admin:index")).content.decode()
    assert "no Web Push (VAPID) keys" in admin and "generate_vapid_keys" in admin


def test_with_keys_staff_see_no_notice(admin_client, with_vapid):
    assert "VAPID" not in admin_client.get(reverse("admin:index")).content.decode()


def test_settings_offer_push_with_keys(logged_in_client, with_vapid, settings):
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert f'data-vapid-key="{settings.BACKHABITS_VAPID_PUBLIC_KEY}"' in html


def _settings(reminder_time: str, **extra) -> dict:
    return {
        "timezone": "UTC",
        "water_unit": "ml",
        "water_goal": "2000",
        "exercise_goal_minutes": "30",
        "reminders_enabled": "on",
        "reminder_time": reminder_time,
        **extra,
    }


def test_settings_save_reminder_time_and_channels(logged_in_client, user):
    data = _settings("07:45", reminder_email="on")
    assert logged_in_client.post(reverse("tracker:settings"), data).status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.reminders_enabled and str(user.profile.reminder_time) == "07:45:00"


@pytest.mark.parametrize("bad_time", ["25:00", "evening", "7pm"])
def test_a_bad_reminder_time_is_refused(logged_in_client, user, bad_time):
    response = logged_in_client.post(reverse("tracker:settings"), _settings(bad_time))
    assert "reminder_time" in response.context["form"].errors


def test_push_subscription_is_stored_per_device(logged_in_client, user, with_vapid):
    response = logged_in_client.post(
        reverse("tracker:push_subscribe"), SUBSCRIPTION,
        headers={"User-Agent": "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile Safari/537.36"},
    )  # fmt: skip
    assert response.status_code == 201
    device = PushSubscription.objects.get(user=user)
    assert device.device_label == "Chrome on Android"
    assert "Chrome on Android" in logged_in_client.get(reverse("tracker:settings")).content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("endpoint", "not a url"),
        ("endpoint", ""),
        ("endpoint", "http://push.example.net/send/abc"),
        ("endpoint", "https://127.0.0.1:6379/x"),
        ("endpoint", "https://10.0.0.8/x"),
        ("endpoint", "https://[::1]/x"),
        ("endpoint", "https://localhost/x"),
        ("endpoint", "https://redis.internal/x"),
        ("endpoint", "https://push.example.net/send/abc"),  # not a browser's push service
        ("endpoint", "https://metadata.google.internal./x"),
        ("endpoint", "https://foo.localhost./x"),
        ("endpoint", "https://127.0.0.1.nip.io/x"),
        ("endpoint", "https://kubernetes.default.svc/x"),
        ("endpoint", "https://fcm.googleapis.com:6379/x"),
        ("endpoint", "https://fcm.googleapis.com./x"),
        ("endpoint", "https://user:pass@fcm.googleapis.com/x"),
        ("endpoint", "https://fcm.googleapis.com.evil.example/x"),
        ("endpoint", "https://a.b.push.apple.com/x"),
        ("p256dh", "<script>"),
        ("p256dh", "A" * 87),
        ("auth", ""),
        ("auth", "AAAA"),
    ],
)
def test_a_malformed_subscription_is_refused(logged_in_client, with_vapid, field, value):
    response = logged_in_client.post(
        reverse("tracker:push_subscribe"), SUBSCRIPTION | {field: value}
    )
    assert response.status_code == 400
    assert not PushSubscription.objects.exists()


def test_subscribing_without_keys_is_refused(logged_in_client):
    assert logged_in_client.post(reverse("tracker:push_subscribe"), SUBSCRIPTION).status_code == 404


def test_resubscribing_refreshes_the_keys(logged_in_client, with_vapid):
    logged_in_client.post(reverse("tracker:push_subscribe"), SUBSCRIPTION)
    fresh = SUBSCRIPTION | {"auth": "AAAAAAAAAAAAAAAAAAAAAA"}
    assert logged_in_client.post(reverse("tracker:push_subscribe"), fresh).status_code == 200
    assert PushSubscription.objects.get().auth == "AAAAAAAAAAAAAAAAAAAAAA"


@pytest.mark.parametrize(
    ("value", "ok"), [("04:59", False), ("05:00", True), ("22:30", True), ("22:31", False)]
)
def test_reminder_time_window(logged_in_client, user, value, ok):
    response = logged_in_client.post(reverse("tracker:settings"), _settings(value))
    assert (response.status_code == 302) is ok


def test_a_device_can_be_removed_by_its_owner_only(
    logged_in_client, other_client, user, with_vapid
):
    logged_in_client.post(reverse("tracker:push_subscribe"), SUBSCRIPTION)
    device = PushSubscription.objects.get()
    assert other_client.post(reverse("tracker:push_delete", args=[device.pk])).status_code == 404
    assert PushSubscription.objects.exists()
    assert (
        logged_in_client.post(reverse("tracker:push_delete", args=[device.pk])).status_code == 302
    )
    assert not PushSubscription.objects.exists()


def test_push_refusal_says_why(logged_in_client, settings):
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )
    response = logged_in_client.post(
        reverse("tracker:push_subscribe"),
        {"endpoint": "https://metadata.google.internal./x", "p256dh": "x", "auth": "y"},
    )
    assert response.status_code == 400
    assert "browser's own push service" in response.content.decode()
