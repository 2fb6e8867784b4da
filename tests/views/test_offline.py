"""Days saved on a phone without a connection and sent later (tracker.days.offline): the endpoint
stores each id once, keeps a newer edit already saved, and never drops a symptom."""

import datetime as dt
import json
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.care import redflags
from tracker.models import CareAlert, CheckIn, OfflineDay

URL = reverse("tracker:checkin_sync")


def _today() -> dt.date:
    return timezone.now().date()


def _day(user, **overrides) -> dict:
    data = {
        "account": str(user.pk),
        "day_id": str(uuid.uuid4()),
        "date": _today().isoformat(),
        "saved_at": timezone.now().isoformat(),
        "discomfort": "4",
        "posture": "3",
    }
    data.update(overrides)
    return data


def test_a_day_sent_once_is_stored_and_says_so(logged_in_client, user):
    response = logged_in_client.post(
        URL,
        _day(
            user,
        ),
    )
    assert response.status_code == 201
    answer = response.json()
    assert (answer["new"], answer["kept"], answer["care"]) == (True, "phone", False)
    assert "sent from this phone and saved" in answer["message"]
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.posture, checkin.stress) == (4, 3, None)


def test_the_same_id_twice_stores_the_day_once(logged_in_client, user):
    sent = _day(user, discomfort="4")
    assert logged_in_client.post(URL, sent).status_code == 201
    # The same request replayed, even after the person edited the day on the page since.
    CheckIn.objects.filter(user=user).update(discomfort=7)
    again = logged_in_client.post(URL, sent)
    assert again.status_code == 200
    assert again.json()["new"] is False
    assert CheckIn.objects.get(user=user).discomfort == 7
    assert OfflineDay.objects.filter(user=user).count() == 1


def test_a_day_another_request_is_storing_that_moment_is_sent_again_not_an_error(
    logged_in_client, user, monkeypatch
):
    # Two sends of one day at once (the page and the service worker): the loser's insert
    # meets the winner's row before the winner's record of the id can be read.
    from django.db import IntegrityError

    from tracker.days import offline

    def collide(**_):
        raise IntegrityError("UNIQUE constraint failed: tracker_checkin.user_id, date")

    monkeypatch.setattr(offline.checkins, "record_day", collide)
    response = logged_in_client.post(URL, _day(user))
    assert response.status_code == 503 and response["Retry-After"] == "1"
    assert "date" not in response.json()  # offline-store.js keeps a day without one
    assert not CheckIn.objects.exists() and not OfflineDay.objects.exists()


def test_a_newer_edit_on_the_server_is_kept_and_the_phones_symptom_still_joins_it(
    logged_in_client, user
):
    an_hour_ago = timezone.now() - dt.timedelta(hours=1)
    make_checkin(user, _today(), discomfort=2, notes="edited on the laptop")
    answer = logged_in_client.post(
        URL, _day(user, saved_at=an_hour_ago.isoformat(), discomfort="8", symptoms=["fever"])
    ).json()
    assert answer["kept"] == "server"
    assert "a newer check-in was already saved, so that one was kept" in answer["message"]
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.notes) == (2, "edited on the laptop")
    assert checkin.symptoms == ["fever"]  # a symptom is never dropped
    assert answer["care"] is True
    assert CareAlert.objects.filter(user=user).exists()


def test_an_older_server_edit_gives_way_to_the_phones(logged_in_client, user):
    make_checkin(user, _today(), discomfort=2)
    answer = logged_in_client.post(URL, _day(user, discomfort="6")).json()
    assert answer["kept"] == "phone"
    assert CheckIn.objects.get(user=user).discomfort == 6


def test_red_flags_run_as_the_day_arrives(logged_in_client, user):
    answer = logged_in_client.post(URL, _day(user, symptoms=["saddle_numbness"])).json()
    assert answer["care"] is True
    alert = CareAlert.objects.get(user=user)
    assert alert.tier == redflags.EMERGENCY
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    # The next page leads with the alert's line: red, read out, the number to call on it.
    assert 'class="care-line care-emergency" role="alert"' in html
    assert html.index('id="care-lines"') < html.index("<main") or html.index(
        'id="care-lines"'
    ) < html.index("<h1")


def test_another_persons_id_is_refused_and_nothing_of_theirs_is_touched(
    logged_in_client, other_client, user, other_user
):
    sent = _day(other_user, discomfort="3")
    assert other_client.post(URL, sent).status_code == 201
    response = logged_in_client.post(URL, {**sent, "account": str(user.pk), "discomfort": "9"})
    assert response.status_code == 409
    assert not CheckIn.objects.filter(user=user).exists()
    assert CheckIn.objects.get(user=other_user).discomfort == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"discomfort": "11"}, "discomfort"),
        ({"posture": "lots"}, "posture"),
        ({"day_id": "not-a-uuid"}, "day_id"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": "1999-12-31"}, "date"),
        ({"saved_at": "yesterday"}, "saved_at"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_stored(logged_in_client, user, changes, field):
    response = logged_in_client.post(URL, _day(user, **changes))
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not CheckIn.objects.exists()
    assert not OfflineDay.objects.exists()


def test_a_day_in_the_future_is_refused(logged_in_client, user):
    tomorrow = (_today() + dt.timedelta(days=1)).isoformat()
    assert logged_in_client.post(URL, _day(user, date=tomorrow)).status_code == 400
    assert not CheckIn.objects.exists()


def test_a_valid_symptom_beside_a_bad_answer_is_still_saved_and_checked(logged_in_client, user):
    response = logged_in_client.post(URL, _day(user, stress="99", symptoms=["saddle_numbness"]))
    assert response.status_code == 400
    assert response.json()["symptoms_saved"] is True
    checkin = CheckIn.objects.get(user=user)
    assert checkin.symptoms == ["saddle_numbness"] and checkin.stress is None
    assert CareAlert.objects.filter(user=user, tier=redflags.EMERGENCY).exists()


def test_sending_needs_login_and_a_csrf_token(user):
    anonymous = Client()
    assert (
        anonymous.post(
            URL,
            _day(
                user,
            ),
        ).status_code
        == 302
    )
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert (
        strict.post(
            URL,
            _day(
                user,
            ),
        ).status_code
        == 403
    )
    assert not CheckIn.objects.exists()


def test_the_kept_pages_hold_no_days_answers(logged_in_client, user):
    make_checkin(user, _today(), discomfort=9, notes="private words")
    shell = logged_in_client.get(reverse("tracker:checkin_shell")).content.decode()
    assert "private words" not in shell
    assert not re.search(r"<input[^>]*\schecked", shell)  # nothing ticked or chosen
    assert "data-offline-shell" in shell
    sets = json.loads(
        shell.split('data-emergency-sets="', 1)[1].split('"', 1)[0].replace("&quot;", '"')
    )
    assert ["saddle_numbness"] in sets and ["both_legs"] in sets
    emergency = logged_in_client.get(reverse("tracker:offline_emergency")).content.decode()
    assert 'href="tel:' in emergency


def test_the_emergency_sets_come_from_the_rules_and_fire_them():
    today = _today()
    for codes in redflags.emergency_symptom_sets():
        history = redflags.History.from_records([redflags.DayRecord(today, None, frozenset(codes))])
        tiers = {f.rule.tier for f in redflags.evaluate(today, history, redflags.HealthFactors())}
        assert redflags.EMERGENCY in tiers, codes
    # A symptom in one leg is not an emergency; trouble in both legs is, on its own.
    assert ("leg_pain",) not in redflags.emergency_symptom_sets()
    assert ("both_legs",) in redflags.emergency_symptom_sets()


def test_two_edits_of_a_day_saved_offline_arrive_in_the_order_they_were_made(
    logged_in_client, user
):
    first_saved = timezone.now() - dt.timedelta(minutes=10)
    second_saved = timezone.now() - dt.timedelta(minutes=5)
    # Sent one after the other, later: the first arrives after the second was made.
    logged_in_client.post(URL, _day(user, saved_at=first_saved.isoformat(), discomfort="3"))
    answer = logged_in_client.post(
        URL, _day(user, saved_at=second_saved.isoformat(), discomfort="6")
    )
    assert answer.json()["kept"] == "phone"
    assert CheckIn.objects.get(user=user).discomfort == 6
    # Sent the other way round, the older one gives way.
    late = logged_in_client.post(URL, _day(user, saved_at=first_saved.isoformat(), discomfort="1"))
    assert late.json()["kept"] == "server"
    assert CheckIn.objects.get(user=user).discomfort == 6


def test_a_day_saved_while_someone_else_was_signed_in_waits_for_them(
    logged_in_client, user, other_user
):
    response = logged_in_client.post(URL, _day(other_user, discomfort="7"))
    assert response.status_code == 403  # the phone keeps it: not 2xx, not 409
    assert "another account" in response.json()["errors"]["account"][0]["message"]
    assert not CheckIn.objects.exists() and not OfflineDay.objects.exists()


def test_a_day_from_the_phone_adds_to_the_day_and_clears_nothing(logged_in_client, user):
    make_checkin(user, _today(), posture=4, stress=6, notes="from the laptop", symptoms=["fever"])
    CheckIn.objects.filter(user=user).update(updated_at=timezone.now() - dt.timedelta(hours=2))
    answer = logged_in_client.post(
        URL, _day(user, posture="", discomfort="5", symptoms=["night_pain"])
    ).json()
    assert answer["kept"] == "phone"
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.posture, checkin.stress) == (5, 4, 6)
    assert checkin.notes == "from the laptop"
    assert checkin.symptoms == ["fever", "night_pain"]


@pytest.mark.parametrize(
    "saved_at",
    ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2099-01-01T00:00:00+00:00",
     "1999-12-31T23:00:00+00:00"],
)  # fmt: skip
def test_a_saved_time_outside_the_possible_is_refused(logged_in_client, user, saved_at):
    response = logged_in_client.post(URL, _day(user, saved_at=saved_at))
    assert response.status_code == 400
    assert "saved_at" in response.json()["errors"]
    assert not CheckIn.objects.exists()


def test_the_kept_form_posts_to_the_check_in_and_offers_no_other_days_answers(
    logged_in_client, user
):
    make_checkin(user, _today() - dt.timedelta(days=1), posture=2, exercise_minutes=45)
    shell = logged_in_client.get(reverse("tracker:checkin_shell")).content.decode()
    assert f'action="{reverse("tracker:checkin")}"' in shell
    assert "data-fill-habits" not in shell and 'data-exercise_minutes="45"' not in shell
    saved = logged_in_client.post(reverse("tracker:checkin"), {"discomfort": "4"})
    assert saved.status_code == 302  # the kept form, online again, saves as the page does


def test_a_phones_day_reads_the_own_lists_only_to_check_a_ticked_entry(
    logged_in_client, user, other_user
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.models import TrackedItem

    mine = TrackedItem.objects.create(user=user, kind="factor", name="Long drive")
    theirs = TrackedItem.objects.create(user=other_user, kind="factor", name="Bob's factor")
    table = TrackedItem._meta.db_table
    with CaptureQueriesContext(connection) as plain_day:
        assert logged_in_client.post(URL, _day(user)).status_code == 201
    assert not [q for q in plain_day if table in q["sql"]]
    ticked = logged_in_client.post(URL, _day(user, date=_today().isoformat(), factors=[mine.pk]))
    assert ticked.status_code in (200, 201)
    assert CheckIn.objects.get(user=user).item_ids == [mine.pk]
    refused = logged_in_client.post(URL, _day(user, factors=[theirs.pk]))
    assert refused.status_code == 400
    assert "factors" in refused.json()["errors"]
