"""Settings -> Import with Loop Habit Tracker's zip: upload, map each habit, preview, confirm.
Only what the person mapped is written; the rest stays NULL ("not logged")."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.factories import make_checkin
from tests.test_h32_loop_format import Habit, loop_zip
from tracker.dates import today_for
from tracker.days.measures import GOOD_POSTURE_AT_LEAST
from tracker.models import CareAlert, CheckIn, ImportDraft

IMPORT = reverse("tracker:import")
LOOP = reverse("tracker:import_loop")
PREVIEW = reverse("tracker:import_preview")


def days_back(user, *offsets: int) -> list[dt.date]:
    today = today_for(user)
    return [today - dt.timedelta(days=n) for n in offsets]


def habits(user) -> list[Habit]:
    """Four habits: walking minutes, glasses of water, a yes/no "sat up straight", and one
    (meditation) with nothing to do with us. Loop writes newest first."""
    d1, d2, d3 = (day.isoformat() for day in days_back(user, 1, 2, 3))
    return [
        Habit("Walk", numeric=True, unit="min", entries=[(d1, 25400, ""), (d2, 0, "")]),
        Habit("Water", numeric=True, unit="glasses", entries=[(d1, 6000, ""), (d3, 3, "")]),
        Habit("Sit up straight", entries=[(d1, 2, ""), (d2, 0, ""), (d3, 1, "")]),
        Habit("Meditate", entries=[(d1, 2, ""), (d2, 2, ""), (d3, 2, "")]),
    ]


def upload(client: Client, content: bytes, name: str = "Loop Habits CSV 2026.zip"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content)})


def skip_all(count: int = 4) -> dict[str, str]:
    return {f"habit_{i}": "skip" for i in range(count)}


def test_upload_map_preview_confirm_writes_the_mapped_measures_only(
    logged_in_client, user, each_kind_of_day
):
    response = upload(logged_in_client, loop_zip(habits(user)))
    assert response.status_code == 302 and response.url == LOOP

    page = logged_in_client.get(LOOP)
    assert page.status_code == 200
    html = page.content.decode()
    for name in ("Walk", "Water", "Sit up straight", "Meditate"):
        assert name in html
    # Nothing pre-chosen: every habit starts as skipped.
    assert page.context["form"]["habit_0"].value() == "skip"
    for index in range(4):
        assert page.context["form"][f"habit_{index}"].initial == "skip"

    mapping = {
        "habit_0": "exercise_minutes",
        "habit_1": "water_glasses",
        "glass_ml_1": "250",
        "habit_2": "good_posture",
        "habit_3": "skip",
    }
    mapped = logged_in_client.post(LOOP, mapping)
    assert mapped.status_code == 302 and mapped.url == PREVIEW

    preview = logged_in_client.get(PREVIEW)
    assert preview.status_code == 200
    shown = preview.context["preview"]
    assert shown.days == 2  # the third day has only SKIP and YES_AUTO: nothing logged
    # Only what the habits give: Loop has no time away, so no "Time away: 0 days" line.
    assert {c.name for c in shown.columns} == {"exercise_minutes", "water_ml", "posture"}
    assert "Change what each Loop habit becomes" in preview.content.decode()

    done = logged_in_client.post(PREVIEW, {"action": "confirm", "clashes": "keep"})
    assert done.status_code == 200
    d1, d2, d3 = days_back(user, 1, 2, 3)
    rows = {c.date: c for c in CheckIn.objects.filter(user=user)}
    assert set(rows) == {d1, d2}
    assert rows[d1].exercise_minutes == 25  # 25.4 minutes, rounded
    assert rows[d1].water_ml == 1500  # 6 glasses of 250 ml
    assert rows[d1].posture == GOOD_POSTURE_AT_LEAST
    assert rows[d2].exercise_minutes == 0  # Loop's "NO" on a numeric habit is 0
    assert rows[d2].posture is None  # a "no" good posture day says not how poor: not logged
    assert d3 not in rows  # water SKIP and posture YES_AUTO: not days the person logged
    for row in rows.values():
        assert row.discomfort is None and row.stress is None and row.sleep_hours is None
    # Loop has no symptoms or discomfort: no red flag is invented.
    assert not CareAlert.objects.filter(user=user).exists()
    assert not ImportDraft.objects.filter(user=user).exists()


def test_yes_no_exercise_takes_the_typed_minutes(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    data = {**skip_all(), "habit_2": "exercise_done", "minutes_2": "20"}
    assert logged_in_client.post(LOOP, data).status_code == 302
    logged_in_client.post(PREVIEW, {"action": "confirm", "clashes": "keep"})
    d1, d2 = days_back(user, 1, 2)
    got = dict(CheckIn.objects.filter(user=user).values_list("date", "exercise_minutes"))
    assert got == {d1: 20, d2: 0}
    assert not CheckIn.objects.filter(user=user, water_ml__isnull=False).exists()


def test_skipping_every_habit_says_nothing_to_import(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    response = logged_in_client.post(LOOP, skip_all())
    assert response.status_code == 400
    assert "Nothing to import" in response.content.decode()
    assert not CheckIn.objects.filter(user=user).exists()
    assert ImportDraft.objects.get(user=user).data.get("days") is None


def test_two_habits_for_one_measure_are_refused(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    data = {**skip_all(), "habit_0": "exercise_minutes", "habit_3": "exercise_done"}
    data["minutes_3"] = "15"
    response = logged_in_client.post(LOOP, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert "can come from one habit only" in form.errors["habit_0"][0]
    assert "can come from one habit only" in form.errors["habit_3"][0]
    assert "“Walk”, “Meditate”" in form.errors["habit_0"][0]


def test_out_of_range_minutes_are_refused_next_to_the_field(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    data = {**skip_all(), "habit_2": "exercise_done", "minutes_2": "5000"}
    response = logged_in_client.post(LOOP, data)
    assert response.status_code == 400
    assert response.context["form"].errors["minutes_2"] == ["Enter at most 1,440 minutes."]
    html = response.content.decode()
    assert 'id="id_minutes_2-error"' in html and 'aria-invalid="true"' in html
    # Chosen without the minutes: asked for them.
    data["minutes_2"] = ""
    response = logged_in_client.post(LOOP, data)
    assert "minutes_2" in response.context["form"].errors


def test_a_slip_in_a_number_that_is_not_used_is_let_be(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    data = {**skip_all(), "habit_2": "good_posture", "minutes_2": "5000"}
    assert logged_in_client.post(LOOP, data).status_code == 302


def test_a_habit_value_out_of_our_range_is_named_by_habit_and_date(logged_in_client, user):
    (d1,) = days_back(user, 1)
    long = Habit("Walk", numeric=True, unit="min", entries=[(d1.isoformat(), 2_000_000, "")])
    upload(logged_in_client, loop_zip([long]))
    response = logged_in_client.post(LOOP, {"habit_0": "exercise_minutes"})
    assert response.status_code == 400
    problems = response.context["problems"]
    assert problems[0].where == f"Walk, {d1:%-d %b %Y}"
    assert problems[0].message == "Enter at most 1,440 minutes."


@pytest.mark.parametrize("clashes, expected", [("keep", 45), ("file", 25)])
def test_clashing_days_are_kept_or_replaced(logged_in_client, user, clashes, expected):
    d1, d2 = days_back(user, 1, 2)
    make_checkin(user, d1, exercise_minutes=45, discomfort=2)
    upload(logged_in_client, loop_zip(habits(user)))
    logged_in_client.post(LOOP, {**skip_all(), "habit_0": "exercise_minutes"})
    preview = logged_in_client.get(PREVIEW)
    assert preview.context["preview"].clashes == [d1]
    logged_in_client.post(PREVIEW, {"action": "confirm", "clashes": clashes})
    assert CheckIn.objects.get(user=user, date=d1).exercise_minutes == expected
    assert CheckIn.objects.get(user=user, date=d2).exercise_minutes == 0


def test_a_broken_loop_zip_is_named_by_file_and_line_never_a_500(logged_in_client, user):
    content = loop_zip(habits(user))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Habits.csv", "Position,Name\nnot-a-number,Walk\n")
    for broken in (out.getvalue(), b"PK\x03\x04 not really a zip", content[:200]):
        response = upload(logged_in_client, broken)
        assert response.status_code == 400
        assert "Nothing was imported" in response.content.decode()
        assert not ImportDraft.objects.filter(user=user).exists()


def test_a_zip_without_habits_csv_is_not_a_loop_export(logged_in_client, user):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    response = upload(logged_in_client, out.getvalue())
    assert response.status_code == 400
    assert "Habits.csv" in response.content.decode()


def test_the_mapping_page_needs_a_loop_draft_and_is_the_persons_own(
    logged_in_client, other_client, user
):
    assert logged_in_client.get(LOOP).url == IMPORT
    upload(logged_in_client, loop_zip(habits(user)))
    assert other_client.get(LOOP).url == IMPORT
    # The preview of an unmapped Loop file sends to the mapping.
    assert logged_in_client.get(PREVIEW).url == LOOP
    cancelled = logged_in_client.post(LOOP, {"action": "cancel"})
    assert cancelled.status_code == 302
    assert not ImportDraft.objects.filter(user=user).exists()


def test_coming_back_from_the_preview_shows_the_choices_made(logged_in_client, user):
    upload(logged_in_client, loop_zip(habits(user)))
    data = {**skip_all(), "habit_1": "water_glasses", "glass_ml_1": "330"}
    assert logged_in_client.post(LOOP, data).status_code == 302
    assert "loop_habits" in ImportDraft.objects.get(user=user).data
    back = logged_in_client.get(LOOP)
    form = back.context["form"]
    assert form["habit_1"].value() == "water_glasses"
    assert form["glass_ml_1"].value() == 330
    assert form["habit_0"].value() == "skip"
    # Changed there: the preview follows the new choice.
    logged_in_client.post(LOOP, {**skip_all(), "habit_0": "water_ml"})
    columns = {c.name for c in logged_in_client.get(PREVIEW).context["preview"].columns}
    assert columns == {"water_ml"}
