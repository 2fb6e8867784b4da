"""No one learns from the pages which e-mail addresses have accounts, and an address is only
ever confirmed by one account (issue 28)."""

import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import make_user
from tracker.accounts import lifecycle
from tracker.models import Profile

SETTINGS = {
    "timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
    "exercise_goal_minutes": "30", "reminder_time": "20:00", "reminders_enabled": "on",
    "reminder_email": "on",
}  # fmt: skip
SIGNUP = {
    "password1": "a-long-unusual-passphrase-42", "password2": "a-long-unusual-passphrase-42",
    "timezone": "UTC", "confirm_age": "on",
}  # fmt: skip


def _as_seen(html: str, *names: str) -> str:
    """The page with what legitimately differs between two people taken out: their names and
    addresses, and the per-request tokens."""
    for name in names:
        html = html.replace(name, "NAME")
    html = re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", html)
    return re.sub(r'(nonce|data-signed-in)="[^"]*"', r"\1=X", html)


def _settings_after_changing_email(person, address: str) -> tuple[str, str]:
    client = Client()
    client.force_login(person)
    response = client.post(reverse("tracker:settings"), {**SETTINGS, "email": address}, follow=True)
    return response.content.decode(), client.get(reverse("tracker:settings")).content.decode()


def test_a_taken_address_in_settings_looks_like_a_free_one(db):
    owner = make_user("owner")
    ann, ben = make_user("qqann"), make_user("qqben")
    for person in (ann, ben):
        person.email = ""
        person.save()
        Profile.objects.filter(user=person).update(confirmed_email="")
    taken = [
        _as_seen(page, "qqann", owner.email)
        for page in _settings_after_changing_email(ann, owner.email)
    ]
    free = [
        _as_seen(page, "qqben", "free@new.test")
        for page in _settings_after_changing_email(ben, "free@new.test")
    ]
    assert "Waiting for confirmation: NAME" in taken[1]
    assert taken == free
    # Only the address's owner is told; the free address gets its link.
    assert [(message.to, "already" in message.body) for message in mail.outbox] == [
        ([owner.email], True),
        (["free@new.test"], False),
    ]


def test_a_taken_address_at_sign_up_looks_like_a_free_one_afterwards(db):
    owner = make_user("owner")
    pages = []
    for username, address in (("qqann", owner.email), ("qqben", "free@new.test")):
        client = Client()
        client.post(reverse("signup"), {**SIGNUP, "username": username, "email": address})
        page = client.get(reverse("tracker:settings")).content.decode()
        pages.append(_as_seen(page, username, address))
    assert "Waiting for confirmation: NAME" in pages[0]
    assert pages[0] == pages[1]


def test_sending_the_link_again_for_a_taken_address_tells_only_its_owner(db):
    owner, ann = make_user("owner"), make_user("ann")
    lifecycle.change_email(ann, owner.email.upper())
    mail.outbox.clear()
    client = Client()
    client.force_login(ann)
    client.post(reverse("tracker:resend_confirmation"))
    [notice] = mail.outbox
    assert notice.to == [owner.email.upper()] and "/confirm-email/" not in notice.body


def _link(message) -> str:
    return re.search(r"/confirm-email/(\S+?)/", message.body).group(0)


def test_an_address_is_confirmed_only_while_it_is_still_free(client, db):
    ann, ben = make_user("ann"), make_user("ben")
    lifecycle.change_email(ann, "shared@new.test")
    lifecycle.change_email(ben, "Shared@New.test")
    ann_link, ben_link = (_link(message) for message in mail.outbox)
    assert "Address confirmed" in client.get(ben_link).content.decode()
    refused = client.get(ann_link)
    assert "already belongs to another account" in refused.content.decode()
    ann.refresh_from_db()
    assert (ann.email, ann.profile.confirmed_email) == ("ann@example.com", "ann@example.com")
    # Log-in by that address still finds exactly one account.
    response = Client().post(
        reverse("login"),
        {"username": "shared@new.test", "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302


def test_the_database_holds_one_confirmed_address_per_account(db):
    make_user("ann", confirmed_email="same@x.test")
    ben = make_user("ben")
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.filter(user=ben).update(confirmed_email="SAME@x.test")
    # Accounts without a confirmed address are many.
    make_user("cat", confirmed_email="")
    make_user("dan", confirmed_email="")


@pytest.mark.django_db(transaction=True)
def test_databases_where_two_accounts_confirmed_one_address_keep_it_on_one():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(target)
        return executor.loader.project_state(target).apps

    old = migrate([("tracker", "0020_care_wording_issue_27")])
    try:
        user_model, profile_model = (
            old.get_model("auth", "User"),
            old.get_model("tracker", "Profile"),
        )
        for name, email, confirmed in [
            ("first", "old@x.test", "SHARED@x.test"),  # moved on to another address since
            ("second", "shared@x.test", "shared@x.test"),
            ("third", "Shared@X.test", "Shared@X.test"),
            ("alone", "alone@x.test", "alone@x.test"),
        ]:
            person = user_model.objects.create(username=name, email=email)
            profile_model.objects.create(user=person, confirmed_email=confirmed)
        new = migrate([("tracker", "0021_one_account_per_confirmed_email")])
        kept = dict(
            new.get_model("tracker", "Profile").objects.values_list(
                "user__username", "confirmed_email"
            )
        )
        assert kept == {
            "first": "",
            "second": "shared@x.test",
            "third": "",
            "alone": "alone@x.test",
        }
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
