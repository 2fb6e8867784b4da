"""Reminders that arrive: a confirmed address, up to three times a day, honest about when nothing
can reach the person, and keys that work in development."""

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_checkin, make_user
from tracker.accounts import delivery, lifecycle, reminders
from tracker.models import AwayPeriod, CareAlert, ReminderSent

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def reminded(name: str, **profile):
    """Someone who turned reminders on and ticked e-mail (both start off)."""
    profile = {"reminder_email": True, **profile}
    return make_user(name, reminders_enabled=True, reminder_time=dt.time(8, 0), **profile)


def _link_token(message) -> str:
    path = next(line for line in message.body.splitlines() if "/confirm-email/" in line)
    return path.rstrip("/").rsplit("/", 1)[1]


# --- confirming an address -----------------------------------------------------------------


def test_a_new_address_gets_a_link_and_is_used_only_once_it_is_opened(client, db):
    person = reminded("ann", confirmed_email="")
    person.email = ""
    person.save()
    lifecycle.change_email(person, "ann@new.test")
    person.refresh_from_db()
    assert person.email == "" and person.profile.pending_email == "ann@new.test"
    assert reminders.send_due_reminders(now=at("2026-06-15T09:00")).due == 0
    [message] = mail.outbox
    assert message.to == ["ann@new.test"]
    response = client.get(reverse("tracker:confirm_email", args=[_link_token(message)]))
    assert "Address confirmed" in response.content.decode()
    person.refresh_from_db()
    assert (person.email, person.profile.confirmed_email) == ("ann@new.test", "ann@new.test")
    mail.outbox.clear()
    assert reminders.send_due_reminders(now=at("2026-06-15T09:00")).sent == 1
    assert mail.outbox[0].to == ["ann@new.test"]


def test_a_link_works_once(client, db):
    person = reminded("ann")
    lifecycle.change_email(person, "ann@new.test")
    url = reverse("tracker:confirm_email", args=[_link_token(mail.outbox[0])])
    assert client.get(url).status_code == 200
    again = client.get(url)
    assert "already opened" in again.content.decode()


def test_a_tampered_link_is_refused(client, db):
    person = reminded("ann")
    lifecycle.change_email(person, "ann@new.test")
    token = _link_token(mail.outbox[0])
    response = client.get(reverse("tracker:confirm_email", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.email == "ann@example.com"


def test_a_link_expires_after_three_days(client, db, monkeypatch):
    import time

    person = reminded("ann")
    lifecycle.change_email(person, "ann@new.test")
    token = _link_token(mail.outbox[0])
    later = 3 * 24 * 3600 + 60
    monkeypatch.setattr(time, "time", lambda real=time.time: real() + later)
    assert client.get(reverse("tracker:confirm_email", args=[token])).status_code == 400
    person.refresh_from_db()
    assert person.profile.confirmed_email != "ann@new.test"


def test_a_newer_link_replaces_an_older_one(client, db):
    person = reminded("ann")
    lifecycle.change_email(person, "first@new.test")
    lifecycle.change_email(person, "second@new.test")
    first, second = (_link_token(message) for message in mail.outbox)
    assert (
        "already opened"
        in client.get(reverse("tracker:confirm_email", args=[first])).content.decode()
    )
    client.get(reverse("tracker:confirm_email", args=[second]))
    person.refresh_from_db()
    assert person.email == "second@new.test"


def test_an_unconfirmed_address_gets_no_reminder(db):
    reminded("ann", confirmed_email="")
    assert reminders.send_due_reminders(now=at("2026-06-15T09:00")).due == 0
    assert mail.outbox == []


def test_sign_up_with_an_address_sends_its_link(client, db):
    client.post(reverse("signup"), {
        "username": "newperson", "email": "new@person.test", "timezone": "UTC",
        "password1": "a-long-unusual-passphrase-42", "password2": "a-long-unusual-passphrase-42",
        "confirm_age": "on",
    })  # fmt: skip
    [message] = mail.outbox
    assert message.to == ["new@person.test"] and "/confirm-email/" in message.body


def test_settings_change_the_address_and_show_whether_it_is_confirmed(logged_in_client, user):
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert "alice@example.com <strong>(confirmed)</strong>" in html
    logged_in_client.post(reverse("tracker:settings"), {
        "email": "alice@new.test", "timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
        "exercise_goal_minutes": "30", "reminder_time": "20:00",
    })  # fmt: skip
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert "Waiting for confirmation: alice@new.test" in html
    assert mail.outbox[0].to == ["alice@new.test"]


# --- the honest state ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ({"reminders_enabled": False}, None),
        ({}, None),  # a confirmed address: reminders reach the person
        ({"confirmed_email": ""}, "Confirm your address"),
        ({"email": ""}, "Add an e-mail address"),
        (
            {"pending_email": "new@x.test", "confirmed_email": ""},
            "Open the confirmation link we sent to new@x.test",
        ),
        ({"reminder_email": False}, "Tick “Remind me by e-mail”"),
    ],
)
def test_settings_and_home_say_when_nothing_can_reach_the_person(client, db, setup, expected):
    email = setup.pop("email", None)
    setup.setdefault("reminder_email", True)
    person = make_user("ann", reminders_enabled=setup.pop("reminders_enabled", True), **setup)
    if email is not None:
        person.email = email
        person.save()
    client.force_login(person)
    for path in ("/", reverse("tracker:settings")):
        html = client.get(path).content.decode()
        if expected is None:
            assert "nothing can reach you" not in html
        else:
            assert "Your reminders are on, but nothing can reach you yet." in html, path
            assert expected in html, path


def test_a_device_is_enough_to_reach_someone(client, db, settings):
    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        delivery.generate_vapid_keys()
    )
    person = reminded("ann", confirmed_email="")
    person.push_subscriptions.create(endpoint="https://fcm.googleapis.com/x", p256dh="x", auth="y")
    client.force_login(person)
    assert "nothing can reach you" not in client.get("/").content.decode()


# --- three reminders a day ---------------------------------------------------------------------


def three_slots(name, zone):
    return make_user(name, timezone=zone, reminders_enabled=True, reminder_time=dt.time(8, 0),
                     reminder_time_2=dt.time(13, 0), reminder_time_3=dt.time(20, 0),
                     reminder_email=True)  # fmt: skip


def _run(moment: str) -> list[tuple[str, int]]:
    before = set(ReminderSent.objects.values_list("user__username", "slot", "local_date"))
    reminders.send_due_reminders(now=at(moment))
    after = set(ReminderSent.objects.values_list("user__username", "slot", "local_date"))
    return sorted((name, slot) for name, slot, _ in after - before)


def _sent_to(name: str, moment: str) -> list[int]:
    return [slot for who, slot in _run(moment) if who == name]


def test_three_slots_in_three_zones_are_each_sent_once_across_a_dst_change(db):
    three_slots("london", "Europe/London")  # clocks go back on 25 October 2026
    three_slots("newyork", "America/New_York")  # ... and on 1 November 2026
    three_slots("tokyo", "Asia/Tokyo")  # no daylight saving
    # London on BST (UTC+1) on 24 October: 08:00, 13:00 and 20:00 are 07:00, 12:00, 19:00 UTC.
    assert _sent_to("london", "2026-10-24T06:59") == []
    assert _sent_to("london", "2026-10-24T07:00") == [1]
    assert _sent_to("london", "2026-10-24T07:30") == []  # once per slot
    assert _sent_to("london", "2026-10-24T12:00") == [2]
    assert _sent_to("london", "2026-10-24T19:00") == [3]
    assert _sent_to("london", "2026-10-24T21:00") == []
    # London on GMT from the 25th: 08:00 is 08:00 UTC.
    assert _sent_to("london", "2026-10-26T07:00") == []
    assert _sent_to("london", "2026-10-26T08:00") == [1]
    # New York: 08:00 EDT is 12:00 UTC on 31 October, 08:00 EST is 13:00 UTC on 2 November.
    assert _sent_to("newyork", "2026-10-31T12:00") == [1]
    assert _sent_to("newyork", "2026-11-02T12:00") == []
    assert _sent_to("newyork", "2026-11-02T13:00") == [1]
    # Tokyo: 08:00, 13:00 and 20:00 JST are 23:00 (the day before), 04:00 and 11:00 UTC.
    assert _sent_to("tokyo", "2026-11-02T23:00") == [1]
    assert _sent_to("tokyo", "2026-11-03T04:00") == [2]
    assert _sent_to("tokyo", "2026-11-03T11:00") == [3]
    sent = ReminderSent.objects.values_list("user__username", "local_date", "slot")
    assert len(sent) == len(set(sent))


def test_a_late_run_sends_one_reminder_for_the_latest_slot(db):
    three_slots("ann", "UTC")
    assert _run("2026-06-15T13:30") == [("ann", 2)]  # not slot 1 as well
    assert _run("2026-06-15T14:00") == []
    assert len(mail.outbox) == 1


def test_a_check_in_before_the_second_slot_cancels_the_rest_of_the_day(db):
    person = three_slots("ann", "UTC")
    assert _run("2026-06-15T08:00") == [("ann", 1)]
    make_checkin(person, dt.date(2026, 6, 15), discomfort=2)
    assert _run("2026-06-15T13:00") == [] and _run("2026-06-15T20:00") == []
    assert _run("2026-06-16T08:00") == [("ann", 1)]


def test_away_days_send_nothing(db):
    person = three_slots("ann", "UTC")
    AwayPeriod.objects.create(user=person, start=dt.date(2026, 6, 15), end=dt.date(2026, 6, 15))
    for moment in ("2026-06-15T08:00", "2026-06-15T13:00", "2026-06-15T20:00"):
        assert _run(moment) == []


def test_slots_outside_the_day_are_refused(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:settings"), {
        "timezone": "UTC", "water_unit": "ml", "water_goal": "2000", "exercise_goal_minutes": "30",
        "reminder_time": "20:00", "reminder_time_2": "23:30",
    })  # fmt: skip
    assert list(response.context["form"].errors) == ["reminder_time_2"]


# --- what it says -------------------------------------------------------------------------------


def test_the_email_changes_with_an_open_alert_never_naming_it_and_always_unsubscribes(db):
    reminded("calm")
    worried = reminded("worried")
    CareAlert.objects.create(
        user=worried, rule="saddle_numbness", tier="emergency", evidence=[],
        last_evidence_date=dt.date(2026, 6, 15),
    )  # fmt: skip
    reminders.send_due_reminders(now=at("2026-06-15T09:00"))
    by_person = {message.to[0].split("@")[0]: message for message in mail.outbox}
    assert by_person["calm"].subject != by_person["worried"].subject
    assert "care alert" in by_person["worried"].subject
    for message in mail.outbox:
        text = message.body + message.alternatives[0][0]
        assert "numb" not in text.lower() and "emergency" not in text.lower()
        assert "/reminders/unsubscribe/" in text and message.extra_headers["List-Unsubscribe"]


@pytest.mark.django_db(transaction=True)  # no test transaction around it: savepoints would count
def test_a_reminder_costs_one_query_for_email_plus_a_fixed_number_per_zone():
    for n in range(30):
        reminded(f"p{n}", timezone=["UTC", "Europe/Lisbon"][n % 2])
    with CaptureQueriesContext(connection) as queries:
        summary = reminders.send_due_reminders(now=at("2026-06-15T09:00"))
    assert summary.sent == 30
    fixed = 1 + 2 * (3 + 1)  # zones; per zone, a query per slot and one for devices
    assert len(queries) <= fixed + 30


# --- push in development ----------------------------------------------------------------------


def test_the_development_key_file_is_made_once_and_ignored_by_git(settings, tmp_path, capsys):
    settings.DEV_VAPID_KEYS_FILE = tmp_path / ".dev-vapid-keys.json"
    call_command("generate_vapid_keys", "--dev-file")
    first = json.loads(settings.DEV_VAPID_KEYS_FILE.read_text())
    call_command("generate_vapid_keys", "--dev-file")
    assert json.loads(settings.DEV_VAPID_KEYS_FILE.read_text()) == first
    assert "created" in capsys.readouterr().out.split("\n")[0]
    assert len(first["public"]) > 80 and len(first["private"]) > 40
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".dev-vapid-keys.json"], cwd=ROOT, check=False
    )
    assert ignored.returncode == 0


def test_only_debug_reads_the_development_keys(tmp_path):
    keys = tmp_path / "keys.json"
    keys.write_text(json.dumps({"public": "PUBLIC-DEV", "private": "PRIVATE-DEV"}))

    def public_key(**env) -> str:
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "python"), "-c",
             "import backhabits.settings as s; print(s.BACKHABITS_VAPID_PUBLIC_KEY or '-')"],
            cwd=ROOT, capture_output=True, text=True, check=True,
            env={"PATH": "/usr/bin:/bin", "BACKHABITS_DEV_VAPID_KEYS_FILE": str(keys), **env},
        )  # fmt: skip
        return result.stdout.strip()

    assert public_key(DJANGO_DEBUG="1") == "PUBLIC-DEV"
    production = {"DJANGO_SECRET_KEY": "x" * 60, "DJANGO_ALLOWED_HOSTS": "example.org"}
    assert public_key(DJANGO_DEBUG="0", **production) == "-"
    assert public_key(DJANGO_DEBUG="1", BACKHABITS_VAPID_PUBLIC_KEY="ENV",
                      BACKHABITS_VAPID_PRIVATE_KEY="ENV") == "ENV"  # fmt: skip
