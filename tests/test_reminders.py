import base64
import datetime as dt
import http.server
import threading

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_checkin, make_user
from tests.threads import run_together
from tracker.accounts import delivery, reminders
from tracker.models import CareAlert, PushSubscription, ReminderSent


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def reminded(name: str, **profile) -> object:
    """Someone who turned reminders on and ticked e-mail (both start off)."""
    profile = {"reminder_email": True, **profile}
    return make_user(name, reminders_enabled=True, reminder_time=dt.time(20, 0), **profile)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def sent_to() -> list[str]:
    return sorted(message.to[0].split("@")[0] for message in mail.outbox)


# --- who is due, in their own time zone ------------------------------------------------------


def test_each_zone_is_reminded_on_its_own_evening_and_only_once(db):
    reminded("tonga", timezone="Pacific/Tongatapu")  # UTC+13
    reminded("london", timezone="UTC")
    reminded("honolulu", timezone="Pacific/Honolulu")  # UTC-10
    # 07:30 UTC is 20:30 in Tonga, and 21:30 on the 14th in Hawaii.
    reminders.send_due_reminders(now=at("2026-06-15T07:30"))
    assert sent_to() == ["honolulu", "tonga"]
    reminders.send_due_reminders(now=at("2026-06-15T08:00"))
    assert sent_to() == ["honolulu", "tonga"]
    reminders.send_due_reminders(now=at("2026-06-15T20:01"))  # 20:01 in UTC
    assert sent_to() == ["honolulu", "london", "tonga"]
    dates = dict(ReminderSent.objects.values_list("user__username", "local_date"))
    assert dates == {
        "tonga": dt.date(2026, 6, 15),
        "honolulu": dt.date(2026, 6, 14),
        "london": dt.date(2026, 6, 15),
    }


@pytest.mark.parametrize(
    ("instant", "due"), [("2026-06-15T19:59", False), ("2026-06-15T20:00", True)]
)
def test_reminder_time_boundary(db, instant, due):
    reminded("ann", timezone="UTC")
    assert reminders.send_due_reminders(now=at(instant)).sent == int(due)


def test_daylight_saving_change_uses_local_time(db):
    reminded("brit", timezone="Europe/London")
    # 29 March 2026: clocks go forward; 20:00 local is 19:00 UTC.
    assert reminders.send_due_reminders(now=at("2026-03-29T18:59")).sent == 0
    assert reminders.send_due_reminders(now=at("2026-03-29T19:00")).sent == 1
    # 25 October 2026: clocks go back; 20:00 local is 20:00 UTC again.
    assert reminders.send_due_reminders(now=at("2026-10-25T19:30")).sent == 0
    assert reminders.send_due_reminders(now=at("2026-10-25T20:00")).sent == 1


def test_someone_who_checked_in_is_skipped(db):
    person = reminded("done", timezone="UTC")
    make_checkin(person, dt.date(2026, 6, 15))
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).due == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    "values", [{"discomfort": 4}, {"symptoms": ["fever"]}, {"notes": "rest day"}, {"stress": 0}]
)
def test_a_partly_logged_day_counts_as_checked_in(db, values):
    person = reminded("partly", timezone="UTC")
    person.checkins.create(date=dt.date(2026, 6, 15), **values)
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).due == 0


def test_a_water_only_day_still_gets_a_reminder(db):
    person = reminded("thirsty", timezone="UTC")
    person.checkins.create(date=dt.date(2026, 6, 15), water_ml=250)
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).sent == 1


def test_reminders_off_or_no_channel_means_no_reminder(db):
    make_user("off", reminders_enabled=False)
    silent = reminded("silent", timezone="UTC")
    silent.profile.reminder_email = False
    silent.profile.save()
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).due == 0


def test_running_the_command_twice_sends_once(db, capsys):
    reminded("ann", timezone="UTC")
    call_command("send_reminders")
    call_command("send_reminders")
    output = capsys.readouterr().out
    assert len(mail.outbox) <= 1
    assert ReminderSent.objects.count() == len(mail.outbox)
    assert "due" in output


def test_due_query_is_one_per_time_zone_whatever_the_number_of_people(
    db, django_assert_max_num_queries
):
    zones = ["UTC", "Europe/Lisbon", "Europe/Paris"]
    for n in range(60):
        reminded(f"p{n}", timezone=zones[n % 3])
    # The zones in use; then per zone, one query per reminder slot and one for the devices of
    # the people found: the same for 60 people as for 60,000.
    with django_assert_max_num_queries(1 + len(zones) * (3 + 1)):
        due = list(reminders.due_people(now=at("2026-06-15T21:30")))
    assert len(due) == 60


# --- what the reminder says ------------------------------------------------------------------


def test_email_says_what_is_left_and_can_be_unsubscribed_once_without_logging_in(client, db):
    reminded("ann", timezone="UTC")
    reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    message = mail.outbox[0]
    assert "You haven't checked in today. 20 seconds?" in message.body
    assert "http://127.0.0.1:8000/checkin/" in message.body
    html = message.alternatives[0][0]
    assert 'href="http://127.0.0.1:8000/checkin/"' in html
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    path = link.removeprefix("http://127.0.0.1:8000")
    # Opening the link (as a mail scanner might) changes nothing; its button does.
    assert "Stop the daily reminder e-mails" in client.get(path).content.decode()
    ann = reminders.Profile.objects.get(user__username="ann")
    assert ann.reminder_email is True
    assert "won't get reminder e-mails" in client.post(path).content.decode()
    assert "already been used" in client.post(path).content.decode()
    ann.refresh_from_db()
    assert ann.reminder_email is False


def test_one_click_post_from_a_mail_client_unsubscribes(client, db):
    person = reminded("ann", timezone="UTC")
    token = delivery.unsubscribe_token(person)
    assert client.post(reverse("tracker:unsubscribe", args=[token])).status_code == 200
    person.profile.refresh_from_db()
    assert person.profile.reminder_email is False


def test_a_tampered_or_foreign_unsubscribe_link_is_refused(client, db):
    ann, bob = reminded("ann", timezone="UTC"), reminded("bob", timezone="UTC")
    token = delivery.unsubscribe_token(ann)
    signature = token.rpartition(":")[2]
    bob_token = delivery.unsubscribe_token(bob)
    forged = bob_token.rpartition(":")[0] + ":" + signature
    for bad in (token[:-2] + "xx", forged, "nonsense"):
        for method in (client.get, client.post):
            assert method(reverse("tracker:unsubscribe", args=[bad])).status_code == 400
    for person in (ann, bob):
        person.profile.refresh_from_db()
        assert person.profile.reminder_email is True


def test_an_open_care_alert_is_mentioned_first_and_linked(db):
    person = reminded("ann", timezone="UTC")
    alert = CareAlert.objects.create(
        user=person, rule="night_pain", tier="urgent", last_evidence_date=dt.date(2026, 6, 15),
        evidence=[{"date": "2026-06-15", "answers": ["x"]}],
    )  # fmt: skip
    message = reminders.build_message(person)
    assert message.body.startswith("You have an open care alert in backhabits.")
    assert "night" not in message.body.lower()  # no health detail on a lock screen
    assert message.path == f"/care/{alert.pk}/"


def test_generate_vapid_keys_prints_a_usable_pair(capsys):
    call_command("generate_vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    public = base64.urlsafe_b64decode(lines["BACKHABITS_VAPID_PUBLIC_KEY"] + "==")
    private = base64.urlsafe_b64decode(lines["BACKHABITS_VAPID_PRIVATE_KEY"] + "==")
    assert len(public) == 65 and public[0] == 4 and len(private) == 32


# --- Web Push through pywebpush's real encryption, to a pretend push service ------------------


class PushService(http.server.BaseHTTPRequestHandler):
    statuses: dict[str, int] = {}
    received: list[dict] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        PushService.received.append(
            {"path": self.path, "encoding": self.headers.get("Content-Encoding"),
             "auth": self.headers.get("Authorization", ""), "size": len(body), "body": body}
        )  # fmt: skip
        self.send_response(PushService.statuses.get(self.path, 201))
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def push_service(settings, monkeypatch):
    public, private = delivery.generate_vapid_keys()
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = public, private
    PushService.received, PushService.statuses = [], {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PushService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    pretend = f"http://127.0.0.1:{server.server_address[1]}"
    # The pretend service is on this machine, which the real allow-list refuses by design.
    monkeypatch.setattr(delivery, "push_endpoint_allowed", lambda url: url.startswith(pretend))
    yield pretend
    server.shutdown()


def _device(user, endpoint: str) -> PushSubscription:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return PushSubscription.objects.create(
        user=user, endpoint=endpoint,
        p256dh=base64.urlsafe_b64encode(public).rstrip(b"=").decode(),
        auth=base64.urlsafe_b64encode(b"0123456789abcdef").rstrip(b"=").decode(),
    )  # fmt: skip


def test_push_201_records_success(db, push_service):
    person = reminded("ann", timezone="UTC", reminder_email=False)
    device = _device(person, f"{push_service}/push/ok")
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).sent == 1
    device.refresh_from_db()
    assert device.last_success_at is not None
    request = PushService.received[0]
    assert request["encoding"] == "aes128gcm" and request["auth"].startswith("vapid t=")
    assert b"20 seconds" not in request["body"]  # encrypted, not plain text


def test_push_410_removes_the_subscription(db, push_service):
    person = reminded("ann", timezone="UTC", reminder_email=False)
    _device(person, f"{push_service}/push/gone")
    PushService.statuses["/push/gone"] = 410
    summary = reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    assert summary.failed == 1
    assert not PushSubscription.objects.exists()


def test_push_500_keeps_the_subscription_and_retries_next_run(db, push_service):
    person = reminded("ann", timezone="UTC", reminder_email=False)
    _device(person, f"{push_service}/push/flaky")
    PushService.statuses["/push/flaky"] = 500
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).failed == 1
    assert PushSubscription.objects.count() == 1
    assert not ReminderSent.objects.exists()
    PushService.statuses["/push/flaky"] = 201
    assert reminders.send_due_reminders(now=at("2026-06-15T21:05")).sent == 1


def test_push_and_email_together_count_once(db, push_service):
    person = reminded("ann", timezone="UTC")
    _device(person, f"{push_service}/push/ok")
    reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    reminders.send_due_reminders(now=at("2026-06-15T21:10"))
    assert len(PushService.received) == 1 and len(mail.outbox) == 1


# --- exactly once with two runs at the same time on PostgreSQL --------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_one_reminder_on_postgresql(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for n in range(20):
        reminded(f"p{n}", timezone="UTC")
    summaries = run_together(
        2, lambda index: reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    )
    assert sum(s.sent for s in summaries) == 20
    assert len(mail.outbox) == 20
    assert ReminderSent.objects.count() == 20


def test_a_subscription_with_unusable_keys_cannot_stop_the_run(db, push_service):
    first = reminded("a-first", timezone="UTC", reminder_email=False)
    PushSubscription.objects.create(
        user=first, endpoint=f"{push_service}/push/bad", p256dh="A" * 87, auth="AAAA"
    )
    reminded("b-second", timezone="UTC")
    summary = reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    assert (summary.failed, summary.sent) == (1, 1)
    assert sent_to() == ["b-second"]
    assert not PushSubscription.objects.exists()


def test_the_claim_is_committed_before_sending_and_released_on_failure(db, monkeypatch):
    person = reminded("ann", timezone="UTC")
    seen_during_send = []

    def failing_email(user, message):
        seen_during_send.append(ReminderSent.objects.filter(user=user).exists())
        return False

    monkeypatch.setattr(delivery, "send_email", failing_email)
    assert reminders.remind(person, local_date=dt.date(2026, 6, 15)) == "failed"
    assert seen_during_send == [True]
    assert not ReminderSent.objects.exists()


def test_an_unknown_zone_falls_back_to_utc(db):
    person = reminded("lost", timezone="UTC")
    reminders.Profile.objects.filter(user=person).update(timezone="Nowhere/Atlantis")
    assert reminders.send_due_reminders(now=at("2026-06-15T20:30")).sent == 1


def test_push_only_people_are_not_due_without_vapid_keys(db, settings):
    settings.BACKHABITS_VAPID_PUBLIC_KEY = settings.BACKHABITS_VAPID_PRIVATE_KEY = ""
    person = reminded("pushy", timezone="UTC", reminder_email=False)
    PushSubscription.objects.create(
        user=person, endpoint="https://push.example.net/x", p256dh="x", auth="y"
    )
    assert reminders.send_due_reminders(now=at("2026-06-15T21:00")).due == 0


@pytest.mark.parametrize(
    ("endpoint", "allowed"),
    [
        ("https://fcm.googleapis.com/fcm/send/abc", True),
        ("https://fcm.googleapis.com:443/fcm/send/abc", True),
        ("https://updates.push.services.mozilla.com/wpush/v2/abc", True),
        ("https://web.push.apple.com/QGuQ", True),
        ("https://wns2-par02p.notify.windows.com/w/?token=abc", True),
        ("https://FCM.googleapis.com/x", True),
        ("http://fcm.googleapis.com/x", False),
        ("https://fcm.googleapis.com:6379/x", False),
        ("https://fcm.googleapis.com./x", False),
        ("https://user:pass@fcm.googleapis.com/x", False),
        ("https://metadata.google.internal./x", False),
        ("https://127.0.0.1.nip.io/x", False),
        ("https://kubernetes.default.svc/x", False),
        ("https://push.apple.com/x", False),
        ("https://a.b.push.apple.com/x", False),
        ("https://evilnotify.windows.com/x", False),
        ("https://[::1]/x", False),
        ("https://fcm.googleapis.com:99999/x", False),
    ],
)
def test_push_endpoints_are_allowed_only_to_browser_push_services(endpoint, allowed):
    assert delivery.push_endpoint_allowed(endpoint) is allowed


def test_an_operator_can_add_a_push_service(settings):
    settings.BACKHABITS_PUSH_SERVICE_HOSTS = [
        *settings.BACKHABITS_PUSH_SERVICE_HOSTS,
        "push.example.org",
    ]
    assert delivery.push_endpoint_allowed("https://push.example.org/x")


def test_a_stored_endpoint_is_checked_again_before_each_send(db, settings, monkeypatch):
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )
    sent = []
    monkeypatch.setattr(delivery, "send_push", lambda subscription, message: sent.append(1))
    person = reminded("ann", timezone="UTC", reminder_email=False)
    PushSubscription.objects.create(
        user=person, endpoint="https://10.0.0.8/x", p256dh="x", auth="y"
    )  # stored before the allow-list existed
    reminders.send_due_reminders(now=at("2026-06-15T21:00"))
    assert sent == []
    assert not PushSubscription.objects.exists()


def test_an_unsubscribe_link_names_no_one_and_expires_after_60_days(client, db, monkeypatch):
    import time

    person = reminded("ann", timezone="UTC")
    token = delivery.unsubscribe_token(person)
    key = token.split(":")[0]
    assert key == person.profile.unsubscribe_key and len(key) >= 20
    with pytest.raises((signing.BadSignature, ValueError)):  # no payload to read, as old links had
        signing.loads(token, salt=delivery.UNSUBSCRIBE_SALT)
    sixty_one_days = 61 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda real=time.time: real() + sixty_one_days)
    response = client.post(reverse("tracker:unsubscribe", args=[token]))
    assert response.status_code == 400
    person.profile.refresh_from_db()
    assert person.profile.reminder_email is True


def test_every_profile_has_its_own_unsubscribe_key(db):
    keys = {reminded(f"p{n}").profile.unsubscribe_key for n in range(5)}
    assert len(keys) == 5
