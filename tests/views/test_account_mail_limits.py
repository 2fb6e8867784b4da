"""Account e-mails are limited per address and per account, and the admin's password change
counts wrong old passwords like every other password check (issue 28)."""

from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, make_user
from tracker.accounts import lifecycle

SETTINGS = {
    "timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
    "exercise_goal_minutes": "30", "reminder_time": "20:00",
}  # fmt: skip


def _to(address: str) -> int:
    return sum(1 for message in mail.outbox if message.to == [address])


def test_sending_the_link_again_and_again_is_limited_per_address(logged_in_client, user):
    lifecycle.change_email(user, "third@party.test")
    for _ in range(10):
        response = logged_in_client.post(reverse("tracker:resend_confirmation"), follow=True)
        assert response.status_code == 200
    assert _to("third@party.test") == 3
    assert "Too many e-mails" in response.content.decode()


def test_the_owner_of_a_registered_address_gets_a_limited_number_of_notices(db):
    owner = make_user("owner")
    for n in range(6):
        client = Client()
        client.force_login(make_user(f"p{n}"))
        client.post(reverse("tracker:settings"), {**SETTINGS, "email": owner.email})
    assert _to(owner.email) == 3


def test_one_account_can_ask_for_a_limited_number_of_emails(logged_in_client, user):
    for n in range(12):
        logged_in_client.post(reverse("tracker:settings"), {**SETTINGS, "email": f"a{n}@x.test"})
    assert len(mail.outbox) == 5


def test_sign_ups_naming_one_address_send_it_a_limited_number_of_emails(db):
    for n in range(6):
        Client(REMOTE_ADDR=f"10.0.0.{n}").post(reverse("signup"), {
            "username": f"new{n}", "email": "target@x.test", "timezone": "UTC",
            "password1": "a-long-unusual-passphrase-42",
            "password2": "a-long-unusual-passphrase-42", "confirm_age": "on",
        })  # fmt: skip
    assert _to("target@x.test") == 3


def test_the_admin_password_change_locks_after_wrong_old_passwords(client, db, settings):
    staff = make_user("editor")
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    url = reverse("admin:password_change")
    wrong = {"old_password": "not-it", "new_password1": "a-new-long-passphrase-77",
             "new_password2": "a-new-long-passphrase-77"}  # fmt: skip
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert "not right" in client.post(url, wrong).content.decode()
    assert client.post(url, wrong).status_code == 429  # locked, as the log-in is
    # Locked: even the right password changes nothing now.
    right = client.post(url, {**wrong, "old_password": PASSWORD})
    assert "Too many wrong passwords" in right.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_the_admin_password_change_still_changes_it_for_staff_only(client, db):
    person = make_user("plain")
    client.force_login(person)
    url = reverse("admin:password_change")
    assert client.get(url)["Location"].startswith(reverse("admin:login"))
    person.is_staff = True
    person.save()
    response = client.post(url, {"old_password": PASSWORD,
                                 "new_password1": "a-new-long-passphrase-77",
                                 "new_password2": "a-new-long-passphrase-77"})  # fmt: skip
    assert response["Location"] == reverse("admin:password_change_done")
    person.refresh_from_db()
    assert person.check_password("a-new-long-passphrase-77")
