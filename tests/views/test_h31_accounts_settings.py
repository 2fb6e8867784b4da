"""Settings and reminders (issue 31): old zone names still save, and nothing about reminders
is on until the person turns it on."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from tests.factories import make_user
from tracker.models import Profile

SETTINGS = {
    "timezone": "Asia/Kolkata", "water_unit": "ml", "water_goal": "2000",
    "exercise_goal_minutes": "30", "reminder_time": "20:00",
}  # fmt: skip


@pytest.mark.parametrize(
    ("stored", "posted", "saved"),
    [
        ("Asia/Calcutta", "Asia/Kolkata", "Asia/Kolkata"),  # the page as shown
        ("Asia/Calcutta", "Asia/Calcutta", "Asia/Kolkata"),  # a page from before the change
        ("Europe/Kiev", "US/Eastern", "America/New_York"),
        ("Etc/GMT+5", "Etc/GMT+5", "Etc/GMT+5"),  # valid, not offered: kept
    ],
)
def test_a_person_with_an_old_zone_name_can_save_settings(client, db, stored, posted, saved):
    person = make_user("ann", timezone=stored)
    client.force_login(person)
    response = client.post(reverse("tracker:settings"), {**SETTINGS, "timezone": posted})
    assert response.status_code == 302, response.content.decode()[:2000]
    person.profile.refresh_from_db()
    assert person.profile.timezone == saved


def test_an_unknown_zone_is_refused_in_settings(client, db):
    person = make_user("ann", timezone="Europe/Paris")
    client.force_login(person)
    response = client.post(reverse("tracker:settings"), {**SETTINGS, "timezone": "Mars/X"})
    assert response.status_code == 200
    assert "Choose a time zone from the list." in response.content.decode()
    person.profile.refresh_from_db()
    assert person.profile.timezone == "Europe/Paris"


def test_a_new_account_has_every_reminder_off_and_settings_show_them_unticked(client, db):
    client.post(
        reverse("signup"),
        {"username": "newcomer", "password1": "a-long-unusual-passphrase-42",
         "confirm_age": "on", "timezone": "Europe/London"},
    )  # fmt: skip
    profile = get_user_model().objects.get(username="newcomer").profile
    assert (profile.reminders_enabled, profile.reminder_email) == (False, False)
    html = client.get(reverse("tracker:settings")).content.decode()
    for name in ("reminders_enabled", "reminder_email"):
        box = html.split(f'name="{name}"')[1].split(">")[0]
        assert "checked" not in box, name
    assert Profile._meta.get_field("reminder_email").default is False


@pytest.mark.django_db(transaction=True)
def test_the_new_default_keeps_each_existing_persons_choice():
    def migrate(target):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("tracker", target)])
        return executor.loader.project_state([("tracker", target)]).apps

    old = migrate("0021_one_account_per_confirmed_email")
    try:
        user_model, profile_model = (
            old.get_model("auth", "User"),
            old.get_model("tracker", "Profile"),
        )
        chose = user_model.objects.create(username="chose")
        left = user_model.objects.create(username="left")
        profile_model.objects.create(user_id=chose.pk, reminder_email=True)
        profile_model.objects.create(user_id=left.pk, reminder_email=False)
        new = migrate("0022_reminder_email_off_by_default")
        kept = dict(
            new.get_model("tracker", "Profile").objects.values_list(
                "user__username", "reminder_email"
            )
        )
        assert kept == {"chose": True, "left": False}
    finally:
        migrate_to_latest = MigrationExecutor(connection)
        migrate_to_latest.migrate(migrate_to_latest.loader.graph.leaf_nodes())
