"""Settings -> Import for backhabits' own exports: the round trip, clashes both ways, the
transaction, red flags on imported days with past wording, throttling, and isolation."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import make_checkin, make_user
from tracker.accounts import lifecycle
from tracker.choices import TrackedKind
from tracker.dates import today_for
from tracker.days import tracked
from tracker.imports import apply as import_apply
from tracker.models import AwayPeriod, CareAlert, CheckIn, ImportDraft, TrackedItem

IMPORT = reverse("tracker:import")
PREVIEW = reverse("tracker:import_preview")


def upload(client: Client, content: bytes | str, name: str = "export.csv", **extra):
    if isinstance(content, str):
        content = content.encode()
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content)}, **extra)


def confirm(client: Client, clashes: str = "keep", **extra):
    return client.post(PREVIEW, {"action": "confirm", "clashes": clashes}, **extra)


def rich_history(user) -> None:
    """Every column the export writes: the five measures, symptoms, notes (one a spreadsheet
    would run), rest days, time away, sleep, waking, pain relief and own factors (one retired),
    the PEG, and a day away with nothing logged."""
    today = today_for(user)
    heat = tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="heat pack")
    ibu = tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="ibuprofen")
    desk = tracked.add(user, kind=TrackedKind.FACTOR, name="desk day")
    drive = tracked.add(user, kind=TrackedKind.FACTOR, name="long drive")
    tracked.retire(drive)
    for offset in range(40, 0, -1):
        day = today - dt.timedelta(days=offset)
        if offset in (20, 21, 22):
            continue  # away, nothing logged
        values = {
            "posture": 1 + offset % 5,
            "exercise_minutes": offset * 3 if offset % 4 else None,
            "water_ml": 250 * (offset % 9) or None,
            "stress": offset % 11,
            "discomfort": offset % 7 if offset % 6 else None,
            "notes": {5: '=SUM("x")', 9: "Sore, after gardening\nand a long walk"}.get(offset, ""),
            "rest_day": offset % 10 == 0,
            "sleep_hours": Decimal(offset % 17) / 2 if offset % 3 else None,
            "woke_from_pain": {0: None, 1: True, 2: False}[offset % 3],
            "item_ids": sorted(
                {1: [ibu.pk, heat.pk], 2: [ibu.pk, desk.pk], 3: [drive.pk, desk.pk], 4: []}[
                    1 + offset % 4
                ]
            ),
        }
        if offset == 12:
            values["symptoms"] = ["leg_pain", "night_pain"]
        if offset == 14:
            values.update(peg_pain=6, peg_enjoyment=5, peg_activity=4)
        make_checkin(user, day, **values)
    AwayPeriod.objects.create(
        user=user, start=today - dt.timedelta(days=23), end=today - dt.timedelta(days=19)
    )


def exported(client: Client) -> tuple[str, dict]:
    csv_text = client.get(reverse("tracker:export_csv")).content.decode()
    data = json.loads(client.get(reverse("tracker:export_json")).content)
    return csv_text, data


def comparable(data: dict) -> dict:
    """The JSON export without what differs between two accounts holding the same days: ids,
    the account, and when things were made here (care alerts are raised afresh on import)."""
    return {
        "checkins": data["checkins"],
        "peg": data["peg"],
        "away_periods": data["away_periods"],
        "tracked": [(t["kind"], t["name"], t["retired_at"] is None) for t in data["tracked"]],
    }


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_delete_sign_up_import_gives_the_same_export_back(client, db, kind):
    first = make_user("alice")
    client.force_login(first)
    rich_history(first)
    csv_before, json_before = exported(client)
    lifecycle.delete_account(first)
    assert not CheckIn.objects.exists()

    again = make_user("alice2")
    client.force_login(again)
    file = csv_before if kind == "csv" else json.dumps(json_before)
    response = upload(client, file, name=f"export.{kind}")
    assert response.status_code == 302 and response["Location"] == PREVIEW
    page = client.get(PREVIEW).content.decode()
    assert "<strong>40 days</strong>" in page and "Nothing is saved yet" in page
    assert not CheckIn.objects.filter(user=again).exists()  # nothing before confirming
    done = confirm(client)
    assert done.status_code == 200 and "Your days are in" in done.content.decode()
    csv_after, json_after = exported(client)
    if kind == "csv":
        assert csv_after == csv_before  # byte for byte: the CSV holds no ids
        assert comparable(json_after)["checkins"] == comparable(json_before)["checkins"]
    else:
        assert comparable(json_after) == comparable(json_before)
        assert csv_after == csv_before
    assert not ImportDraft.objects.exists()  # the file's days leave nothing behind


def test_the_preview_says_what_the_file_holds_and_what_clashes(logged_in_client, user):
    today = today_for(user)
    make_checkin(user, today - dt.timedelta(days=2), discomfort=1)
    rows = [
        f"{(today - dt.timedelta(days=n)).isoformat()},,,,,4,,,,,,,ibuprofen," for n in (3, 2, 1)
    ]
    header = ",".join(
        ["date", "posture", "exercise_minutes", "water_ml", "stress", "discomfort", "symptoms",
         "notes", "rest_day", "away", "sleep_hours", "woke_from_pain", "pain_relief", "factors"]
    )  # fmt: skip
    upload(logged_in_client, "\n".join([header, *rows]) + "\n")
    page = logged_in_client.get(PREVIEW).content.decode()
    assert "<strong>3 days</strong>" in page
    assert "1 day already has answers here" in page
    assert "Back discomfort (0–10)" in page and "Pain relief: ibuprofen" in page
    assert "Keep what&#x27;s here" in page and "Use the file" in page
    assert 'hx-indicator="#import-progress"' in page
    assert logged_in_client.get(PREVIEW)["Cache-Control"] == "no-store"


def test_the_preview_lists_time_away_only_when_the_file_has_some(logged_in_client, user):
    today = today_for(user)
    days = [(today - dt.timedelta(days=n)).isoformat() for n in (3, 2)]
    upload(logged_in_client, f"date,discomfort,away\n{days[0]},4,\n{days[1]},3,\n")
    assert "Time away" not in logged_in_client.get(PREVIEW).content.decode()
    upload(logged_in_client, f"date,discomfort,away\n{days[0]},4,yes\n{days[1]},3,\n")
    assert "Time away: breaks of up to 60 days" in logged_in_client.get(PREVIEW).content.decode()


def _clash_file(today: dt.date) -> str:
    day = (today - dt.timedelta(days=2)).isoformat()
    new = (today - dt.timedelta(days=3)).isoformat()
    return f"date,discomfort,notes\n{new},6,from the file\n{day},7,from the file\n"


def test_a_clash_keeps_what_is_here_when_asked(logged_in_client, user):
    today = today_for(user)
    make_checkin(user, today - dt.timedelta(days=2), discomfort=1, notes="mine")
    upload(logged_in_client, _clash_file(today))
    confirm(logged_in_client, "keep")
    kept = CheckIn.objects.get(user=user, date=today - dt.timedelta(days=2))
    assert (kept.discomfort, kept.notes, kept.posture) == (1, "mine", 3)
    assert (
        CheckIn.objects.get(user=user, date=today - dt.timedelta(days=3)).notes == "from the file"
    )


def test_a_clash_takes_the_file_when_asked_and_leaves_what_it_does_not_carry(
    logged_in_client, user
):
    today = today_for(user)
    make_checkin(user, today - dt.timedelta(days=2), discomfort=1, notes="mine")
    upload(logged_in_client, _clash_file(today))
    confirm(logged_in_client, "file")
    day = CheckIn.objects.get(user=user, date=today - dt.timedelta(days=2))
    assert (day.discomfort, day.notes) == (7, "from the file")
    assert day.posture == 3  # the file has no posture column: the day keeps its own


def test_use_the_file_clears_what_the_file_leaves_blank(logged_in_client, user):
    today = today_for(user)
    make_checkin(user, today - dt.timedelta(days=2), discomfort=1, posture=4)
    day = (today - dt.timedelta(days=2)).isoformat()
    upload(logged_in_client, f"date,posture,discomfort\n{day},,5\n")
    confirm(logged_in_client, "file")
    stored = CheckIn.objects.get(user=user)
    assert (stored.posture, stored.discomfort) == (None, 5)  # blank: not logged, never 0


def test_a_failure_midway_leaves_nothing_written(logged_in_client, user, monkeypatch):
    today = today_for(user)
    rows = "".join(
        f"{(today - dt.timedelta(days=n)).isoformat()},{n % 10},,yes,ibuprofen\n"
        for n in range(1, 8)
    )
    upload(logged_in_client, "date,discomfort,notes,away,pain_relief\n" + rows)
    calls = []
    real = import_apply.checkins.record_day

    def failing(**kwargs):
        calls.append(kwargs["date"])
        if len(calls) == 4:
            raise RuntimeError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(import_apply.checkins, "record_day", failing)
    client = logged_in_client
    client.raise_request_exception = False
    response = confirm(client)
    assert response.status_code == 500 and len(calls) == 4
    assert not CheckIn.objects.filter(user=user).exists()
    assert not TrackedItem.objects.filter(user=user).exists()
    assert not AwayPeriod.objects.filter(user=user).exists()
    assert ImportDraft.objects.filter(user=user).exists()  # the file can be confirmed again
    monkeypatch.setattr(import_apply.checkins, "record_day", real)
    assert confirm(client).status_code == 200
    assert CheckIn.objects.filter(user=user).count() == 7
    assert AwayPeriod.objects.filter(user=user).count() == 1


def test_an_emergency_imported_from_months_ago_reads_as_a_past_event(logged_in_client, user):
    profile = user.profile
    profile.country = "GB"
    profile.save()
    long_ago = today_for(user) - dt.timedelta(days=120)
    upload(
        logged_in_client, f"date,discomfort,symptoms\n{long_ago.isoformat()},6,saddle_numbness\n"
    )
    page = confirm(logged_in_client).content.decode()
    assert CareAlert.objects.get(user=user).rule == "saddle_numbness"  # the rules ran
    assert "If this is still happening, call 999 or go to the emergency department now" in page
    assert "You logged this for a day that has passed" in page
    assert "Don&#x27;t wait to see if it gets better" not in page  # not "call now"
    assert 'href="tel:999"' in page  # the number stays one tap away
    home = logged_in_client.get("/").content.decode()
    assert "If this is still happening, call 999" in home


def test_an_emergency_imported_for_today_is_still_worded_as_now(logged_in_client, user):
    profile = user.profile
    profile.country = "GB"
    profile.save()
    today = today_for(user)
    upload(logged_in_client, f"date,symptoms\n{today.isoformat()},saddle_numbness\n")
    page = confirm(logged_in_client).content.decode()
    assert "Call 999 or go to the emergency department now" in page
    assert "Don&#x27;t wait to see if it gets better" in page


def test_the_past_wording_is_the_editors_to_change(logged_in_client, user):
    from tracker.models import CareWording

    CareWording.objects.filter(key="tier:emergency_past").update(
        text="Edited: if still there, call {emergency_number}."
    )
    long_ago = today_for(user) - dt.timedelta(days=90)
    upload(logged_in_client, f"date,symptoms\n{long_ago.isoformat()},bladder_bowel\n")
    page = confirm(logged_in_client).content.decode()
    # Filled in from the person's country, as every care wording is (no country set here).
    assert "Edited: if still there, call your local emergency number" in page


def test_another_persons_data_is_never_touched(logged_in_client, user, other_user):
    today = today_for(user)
    day = today - dt.timedelta(days=2)
    theirs = make_checkin(other_user, day, discomfort=2, notes="bob's")
    tracked.add(other_user, kind=TrackedKind.PAIN_RELIEF, name="ibuprofen")
    upload(
        logged_in_client, f"date,discomfort,pain_relief,away\n{day.isoformat()},8,ibuprofen,yes\n"
    )
    confirm(logged_in_client, "file")
    theirs.refresh_from_db()
    assert (theirs.discomfort, theirs.notes) == (2, "bob's")
    assert TrackedItem.objects.filter(user=other_user).count() == 1
    assert not AwayPeriod.objects.filter(user=other_user).exists()
    assert CheckIn.objects.get(user=user).discomfort == 8
    # Nor can anyone else see or confirm this person's draft.
    upload(logged_in_client, f"date,discomfort\n{day.isoformat()},3\n")
    bob = Client()
    bob.force_login(other_user)
    assert bob.get(PREVIEW)["Location"] == IMPORT
    bob.post(PREVIEW, {"action": "confirm", "clashes": "file"})
    assert CheckIn.objects.get(user=user).discomfort == 8
    assert ImportDraft.objects.filter(user=user).exists()


def test_cancel_writes_nothing_and_forgets_the_file(logged_in_client, user):
    day = today_for(user) - dt.timedelta(days=1)
    upload(logged_in_client, f"date,discomfort\n{day.isoformat()},3\n")
    response = logged_in_client.post(PREVIEW, {"action": "cancel"})
    assert response["Location"] == reverse("tracker:settings")
    assert not CheckIn.objects.exists() and not ImportDraft.objects.exists()


def test_lists_are_filled_within_their_limits_and_the_rest_kept_retired(logged_in_client, user):
    for n in range(7):
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name=f"mine {n}")
    day = today_for(user) - dt.timedelta(days=1)
    upload(logged_in_client, f"date,pain_relief\n{day.isoformat()},MINE 1;new a;new b;new c\n")
    page = logged_in_client.get(PREVIEW).content.decode()
    assert "Pain relief: new a" in page and "no longer tracked" in page
    confirm(logged_in_client)
    lists = tracked.lists_for(user)
    assert len(lists.active(TrackedKind.PAIN_RELIEF)) == 8  # the limit
    assert [i.name for i in lists.retired(TrackedKind.PAIN_RELIEF)] == ["new b", "new c"]
    assert TrackedItem.objects.filter(user=user, name__iexact="mine 1").count() == 1
    ticked = set(
        TrackedItem.objects.filter(pk__in=CheckIn.objects.get(user=user).item_ids).values_list(
            "name", flat=True
        )
    )
    assert ticked == {"mine 1", "new a", "new b", "new c"}


def test_uploads_are_throttled_per_person(logged_in_client, user, other_client):
    for _ in range(10):
        assert upload(logged_in_client, "not,a,file\n").status_code == 400
    refused = upload(logged_in_client, "not,a,file\n")
    assert refused.status_code == 429 and int(refused["Retry-After"]) == 3600
    assert upload(other_client, "not,a,file\n").status_code == 400  # someone else: not yet


def test_the_flow_works_with_htmx_too(logged_in_client, user):
    day = today_for(user) - dt.timedelta(days=1)
    htmx = {"HTTP_HX_REQUEST": "true"}
    bad = upload(logged_in_client, "date,discomfort\n2000-13-01,3\n", **htmx)
    assert bad.status_code == 200 and "is not a date written as YYYY-MM-DD" in bad.content.decode()
    good = upload(logged_in_client, f"date,discomfort\n{day.isoformat()},3\n", **htmx)
    assert good["HX-Redirect"] == PREVIEW
    done = confirm(logged_in_client, **htmx)
    assert 'id="import-main"' in done.content.decode()
    assert CheckIn.objects.get(user=user).discomfort == 3


def test_settings_links_to_the_import(logged_in_client):
    page = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert f'href="{IMPORT}"' in page
    response = logged_in_client.get(IMPORT)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_signed_out_people_are_sent_to_log_in(client, db):
    assert client.get(IMPORT).status_code == 302
    assert client.post(PREVIEW, {"action": "confirm"}).status_code == 302


def test_the_file_waits_in_a_row_of_its_own_never_in_the_session(logged_in_client, user):
    day = today_for(user) - dt.timedelta(days=1)
    upload(logged_in_client, f"date,discomfort,notes\n{day.isoformat()},3,a private note\n")
    session = logged_in_client.session
    assert "a private note" not in json.dumps(dict(session.items()))
    draft = ImportDraft.objects.get(user=user)
    assert draft.data["days"][0]["values"]["notes"] == "a private note"


def test_a_forgotten_draft_goes_after_an_hour(logged_in_client, user, other_user):
    import time_machine

    day = today_for(user) - dt.timedelta(days=1)
    upload(logged_in_client, f"date,discomfort\n{day.isoformat()},3\n")
    with time_machine.travel(dt.timedelta(minutes=61)):
        assert logged_in_client.get(PREVIEW)["Location"] == IMPORT  # too old: not offered
        bob = Client()
        bob.force_login(other_user)
        upload(bob, f"date,discomfort\n{day.isoformat()},4\n")  # anyone's upload sweeps
        assert not ImportDraft.objects.filter(user=user).exists()
    assert not CheckIn.objects.filter(user=user).exists()
