"""Concurrent requests on PostgreSQL (SQLite serialises writers, so these skip there)."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD, checkin_post_data, make_user
from tests.threads import run_together
from tracker.models import CareAlert, CheckIn

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_first_saves_leave_one_row_and_no_error():
    person = make_user("racer")

    def save(index: int) -> int:
        client = Client()
        client.force_login(person)
        data = checkin_post_data(discomfort=str(index + 3)) | {"symptoms": ["night_pain"]}
        return client.post("/checkin/", data).status_code

    statuses = run_together(2, save)
    assert sorted(statuses) in ([200, 200], [200, 302], [302, 302]), statuses
    assert CheckIn.objects.filter(user=person, date=timezone.now().date()).count() == 1
    assert (
        CareAlert.objects.filter(user=person, rule="night_pain", acknowledged_at=None).count() == 1
    )


def test_simultaneous_water_taps_over_http_all_count():
    person = make_user("thirsty")

    def tap(index: int) -> int:
        client = Client()
        client.force_login(person)
        return client.post("/water/add/").status_code

    assert run_together(20, tap) == [302] * 20
    assert CheckIn.objects.get(user=person).water_ml == 20 * 250


def test_simultaneous_logins_for_one_person_all_succeed():
    person = make_user("busy")

    def log_in(index: int) -> int:
        return (
            Client()
            .post("/accounts/login/", {"username": "busy", "password": PASSWORD})
            .status_code
        )

    assert run_together(5, log_in) == [302] * 5
    assert person.pk


def test_one_offline_day_sent_four_times_at_once_is_stored_once():
    import uuid

    from tracker.models import OfflineDay

    person = make_user("patchy")
    sent = {
        "account": str(person.pk),
        "day_id": str(uuid.uuid4()),
        "date": timezone.now().date().isoformat(),
        "saved_at": timezone.now().isoformat(),
        "discomfort": "5",
    }

    def send(index: int) -> int:
        client = Client()
        client.force_login(person)
        return client.post("/checkin/sync/", sent).status_code

    statuses = run_together(4, send)
    assert sorted(statuses) == [200, 200, 200, 201], statuses
    assert OfflineDay.objects.filter(user=person).count() == 1
    assert CheckIn.objects.get(user=person).discomfort == 5
