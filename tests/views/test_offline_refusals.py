"""A day from a phone that the server refuses whole (its date, or the phone's clock): its
symptoms are still saved and checked, on the person's today when the date is refused, and the
answer says exactly what was kept and what was not (tracker.days.offline.day_for_refused names
the day, tracker.days.submit saves it)."""

import datetime as dt
import uuid

import pytest
import time_machine
from django.urls import reverse

from tests.factories import make_checkin, make_user
from tracker.care import prompts, redflags
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.dates import today_for
from tracker.models import CareAlert, CheckIn, OfflineDay

URL = reverse("tracker:checkin_sync")
# 02:00 in London on Wednesday 4 December is still Tuesday 3 December in New York.
NOW = dt.datetime(2024, 12, 4, 2, 0, tzinfo=dt.UTC)
TODAY = dt.date(2024, 12, 3)  # the account's today (America/New_York) at NOW
PHONE_DAY = dt.date(2024, 12, 4)  # the phone's, in London


@pytest.fixture(autouse=True)
def _pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def traveller(db):
    return make_user("traveller", timezone="America/New_York")


@pytest.fixture
def client_of(client, traveller):
    client.force_login(traveller)
    return client


def _day(user, **overrides) -> dict:
    data = {
        "account": str(user.pk),
        "day_id": str(uuid.uuid4()),
        "date": PHONE_DAY.isoformat(),
        "saved_at": (NOW - dt.timedelta(minutes=5)).isoformat(),
        "discomfort": "7",
        "posture": "2",
        "notes": "written on the plane",
        "symptoms": ["night_pain"],
    }
    data.update(overrides)
    return data


def test_the_clock_is_pinned_where_the_phone_is_a_day_ahead(traveller):
    assert today_for(traveller) == TODAY  # and so PHONE_DAY is tomorrow for the account


def test_a_refused_date_keeps_its_symptoms_on_today_checks_them_and_says_so(client_of, traveller):
    response = client_of.post(URL, _day(traveller))
    assert response.status_code == 400
    answer = response.json()
    assert "date" in answer["errors"]
    assert answer["symptoms_saved"] is True
    assert answer["saved_for"] == TODAY.isoformat()
    assert answer["care"] is True
    assert answer["message"].startswith(
        "Your symptoms were saved for today (Tuesday 3 December) and checked; the rest of the "
        "day for Wednesday 4 December was not saved: by your account's time zone "
        "(America/New York) it is still Tuesday 3 December."
    )
    assert "could not be saved" not in answer["message"]
    checkin = CheckIn.objects.get(user=traveller)
    assert checkin.date == TODAY and checkin.symptoms == ["night_pain"]
    # Nothing else of the refused day: not its pain score, posture or notes.
    assert (checkin.discomfort, checkin.posture, checkin.notes) == (None, None, "")
    alert = CareAlert.objects.get(user=traveller)
    assert alert.rule == "night_pain" and alert.is_open
    assert alert.evidence == [
        {
            "date": TODAY.isoformat(),
            "answers": [SYMPTOM_LABELS["night_pain"]],
            "entered": TODAY.isoformat(),
        }
    ]
    assert not OfflineDay.objects.exists()  # its id was not taken: the rest can come again


def test_symptoms_moved_to_today_join_what_today_holds_and_remove_nothing(client_of, traveller):
    make_checkin(traveller, TODAY, discomfort=3, posture=4, notes="at home", symptoms=["fever"])
    answer = client_of.post(URL, _day(traveller, symptoms=["night_pain", "fever"])).json()
    assert answer["symptoms_saved"] is True
    checkin = CheckIn.objects.get(user=traveller)
    assert checkin.symptoms == ["fever", "night_pain"]
    assert (checkin.discomfort, checkin.posture, checkin.notes) == (3, 4, "at home")


def test_an_emergency_symptom_on_a_refused_date_opens_the_emergency_prompt(client_of, traveller):
    answer = client_of.post(URL, _day(traveller, symptoms=["saddle_numbness"])).json()
    assert answer["care"] is True
    alert = CareAlert.objects.get(user=traveller)
    assert (alert.tier, alert.is_open) == (redflags.EMERGENCY, True)
    assert prompts.open_alerts(traveller) == [alert]  # what leads the next page


def test_the_same_refused_day_sent_twice_changes_nothing_more(client_of, traveller):
    sent = _day(traveller)
    client_of.post(URL, sent)
    again = client_of.post(URL, sent)
    assert again.status_code == 400 and again.json()["symptoms_saved"] is True
    assert CheckIn.objects.get(user=traveller).symptoms == ["night_pain"]
    assert CareAlert.objects.filter(user=traveller).count() == 1


def test_a_refused_phone_clock_keeps_the_symptoms_on_their_own_day(client_of, traveller):
    yesterday = TODAY - dt.timedelta(days=1)
    make_checkin(traveller, yesterday, discomfort=2)
    response = client_of.post(
        URL, _day(traveller, date=yesterday.isoformat(), saved_at="2099-01-01T00:00:00+00:00")
    )
    assert response.status_code == 400
    answer = response.json()
    assert "saved_at" in answer["errors"] and "date" not in answer["errors"]
    assert answer["saved_for"] == yesterday.isoformat()
    assert answer["message"].startswith(
        "Your symptoms for Monday 2 December were saved and checked; the rest of the day was "
        "not saved: this phone's clock"
    )
    checkin = CheckIn.objects.get(user=traveller)
    assert checkin.date == yesterday
    assert (checkin.symptoms, checkin.discomfort) == (["night_pain"], 2)
    assert answer["care"] is True


def test_a_date_that_is_no_date_keeps_its_symptoms_on_today(client_of, traveller):
    answer = client_of.post(URL, _day(traveller, date="2024-02-30")).json()
    assert answer["saved_for"] == TODAY.isoformat()
    assert "the rest of the day for the day this phone gave was not saved" in answer["message"]
    assert CheckIn.objects.get(user=traveller).date == TODAY


def test_a_refused_day_without_symptoms_says_it_could_not_be_saved(client_of, traveller):
    response = client_of.post(URL, _day(traveller, symptoms=[]))
    assert response.status_code == 400
    answer = response.json()
    assert (answer["symptoms_saved"], answer["saved_for"], answer["care"]) == (False, None, False)
    assert answer["message"].startswith("Wednesday 4 December could not be saved: by your")
    assert not CheckIn.objects.exists()


def test_a_refused_day_of_another_account_waits_and_saves_nothing(client_of, traveller):
    someone = make_user("someone")
    response = client_of.post(URL, _day(someone, symptoms=["saddle_numbness"]))
    assert response.status_code == 403
    assert not CheckIn.objects.exists() and not CareAlert.objects.exists()


def test_a_refused_answer_says_which_answers_were_kept(client_of, traveller):
    response = client_of.post(URL, _day(traveller, date=TODAY.isoformat(), exercise_minutes="5000"))
    assert response.status_code == 400
    answer = response.json()
    assert answer["message"].startswith(
        "Your symptoms and discomfort for Tuesday 3 December were saved and checked; "
        "the rest of the day was not saved: Exercise (minutes):"
    )
    assert (answer["symptoms_saved"], answer["care"]) == (True, True)
    checkin = CheckIn.objects.get(user=traveller)
    assert (checkin.symptoms, checkin.discomfort, checkin.posture) == (["night_pain"], 7, None)
