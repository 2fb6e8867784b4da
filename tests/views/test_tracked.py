"""Sleep, pain relief and a person's own factors, through the pages."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin, make_user
from tracker.choices import TrackedKind
from tracker.days import tracked
from tracker.models import CareAlert, CheckIn, TrackedItem

HTMX = {"HX-Request": "true"}
RELIEF, FACTOR = TrackedKind.PAIN_RELIEF, TrackedKind.FACTOR


def _today() -> dt.date:
    return timezone.now().date()  # the test users live in UTC


def _add(client, kind, name):
    return client.post(reverse("tracker:tracked_add"), {"kind": kind, "name": name})


def _item(user, kind, name, **fields) -> TrackedItem:
    return TrackedItem.objects.create(user=user, kind=kind, name=name, **fields)


def _csv(client) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get("/export.csv").content.decode())))


# --- sleep and waking: ranges and bad input -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"), [("0", "0"), ("7.5", "7.5"), ("16", "16"), ("8", "8")]
)
def test_hours_slept_in_whole_and_half_hours_from_0_to_16_are_saved(
    logged_in_client, user, typed, stored
):
    logged_in_client.post(reverse("tracker:checkin"), {"sleep_hours": typed})
    assert CheckIn.objects.get(user=user).sleep_hours == Decimal(stored)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-0.5", "Enter hours from 0 to 16."),
        ("16.5", "Enter at most 16 hours."),
        ("7.25", "Use whole or half hours"),
        ("7.3", "Use whole or half hours"),
        ("abc", "Enter hours from 0 to 16, such as 7 or 7.5."),
        ("1e3", "Enter at most 16 hours."),
        ("NaN", "Enter hours from 0 to 16, such as 7 or 7.5."),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_hours_show_an_error_beside_the_field_and_save_nothing(
    logged_in_client, user, typed, message, headers
):
    data = {"sleep_hours": typed, "discomfort": "3"}
    response = logged_in_client.post(reverse("tracker:checkin"), data, headers=headers)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_sleep_hours_errors"' in html
    assert message in html
    assert "Nothing was saved" in html
    assert not CheckIn.objects.filter(user=user).exists()
    # The "More" section opens to show where the error is.
    assert '<details class="field more" open>' in html


@pytest.mark.parametrize(("answer", "stored"), [("yes", True), ("no", False), ("", None)])
def test_back_pain_woke_me_is_yes_no_or_not_logged(logged_in_client, user, answer, stored):
    logged_in_client.post(reverse("tracker:checkin"), {"discomfort": "4", "woke_from_pain": answer})
    assert CheckIn.objects.get(user=user).woke_from_pain is stored


def test_a_waking_answer_other_than_yes_or_no_is_refused(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "4", "woke_from_pain": "maybe"}
    )
    assert "Choose yes or no." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_night_alone_is_a_day(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"woke_from_pain": "no"})
    checkin = CheckIn.objects.get(user=user)
    assert checkin.woke_from_pain is False
    assert checkin.discomfort is None and checkin.sleep_hours is None  # not 0: not logged


@pytest.mark.parametrize("hours", ["7.25", "-0.5", "16.5"])
def test_the_database_refuses_hours_off_the_half_hour_grid(user, hours):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(user=user, date=_today(), sleep_hours=Decimal(hours))


# --- the check-in's own lists ---------------------------------------------------------------------


def test_the_more_section_is_closed_by_default_and_shows_the_persons_own_lists(
    logged_in_client, user, other_user
):
    _item(user, RELIEF, "Ibuprofen")
    _item(user, FACTOR, "Long drive")
    _item(user, FACTOR, "Old factor", retired_at=timezone.now())
    _item(other_user, FACTOR, "Bob's secret factor")
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert '<details class="field more">' in html
    assert "Ibuprofen" in html and "Long drive" in html
    assert "Old factor" not in html
    assert "Bob&#x27;s secret factor" not in html and "Bob's secret factor" not in html


def test_ticked_items_are_saved_with_the_day_and_can_be_unticked(logged_in_client, user):
    ibuprofen = _item(user, RELIEF, "Ibuprofen")
    drive = _item(user, FACTOR, "Long drive")
    url = reverse("tracker:checkin")
    logged_in_client.post(url, {"pain_relief": [ibuprofen.pk], "factors": [drive.pk]})
    checkin = CheckIn.objects.get(user=user)
    assert checkin.item_ids == sorted([ibuprofen.pk, drive.pk])  # ticking only them is a day
    logged_in_client.post(url, {"discomfort": "3", "factors": [drive.pk]})
    checkin.refresh_from_db()
    assert checkin.item_ids == [drive.pk]


def test_a_save_that_ticks_no_entry_reads_no_list_and_a_refused_one_still_shows_them(
    logged_in_client, user
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _item(user, RELIEF, "Ibuprofen")
    _item(user, FACTOR, "Long drive")
    url = reverse("tracker:checkin")
    with CaptureQueriesContext(connection) as saved:
        assert logged_in_client.post(url, {"discomfort": "3"}).status_code == 302
    assert not [q for q in saved if TrackedItem._meta.db_table in q["sql"]]
    assert CheckIn.objects.get(user=user).discomfort == 3
    # Refused (exercise out of range): the page comes back with both lists to tick.
    html = logged_in_client.post(url, {"discomfort": "3", "exercise_minutes": "2000"})
    html = html.content.decode()
    assert "Ibuprofen" in html and "Long drive" in html


def test_someone_elses_item_is_refused_but_the_symptoms_beside_it_are_still_checked(
    logged_in_client, user, other_user
):
    theirs = _item(other_user, FACTOR, "Bob's factor")
    response = logged_in_client.post(
        reverse("tracker:checkin"),
        {"factors": [theirs.pk], "symptoms": ["saddle_numbness"], "discomfort": "4"},
    )
    assert "Choose from your own list." in response.content.decode()
    saved = CheckIn.objects.get(user=user)  # the symptom is kept, the foreign id is not
    assert (saved.symptoms, saved.item_ids) == (["saddle_numbness"], [])
    assert CareAlert.objects.filter(user=user).exists()


def test_a_bogus_item_id_is_a_clear_error_not_a_500(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), {"factors": ["x"]})
    assert response.status_code == 200
    assert "Choose from your own list." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_editing_a_past_day_still_shows_a_retired_item_it_ticked(logged_in_client, user):
    day = _today() - dt.timedelta(days=3)
    heat = _item(user, RELIEF, "Heat pack")
    make_checkin(user, day, item_ids=[heat.pk])
    tracked.retire(heat)
    url = reverse("tracker:checkin_day", kwargs={"date": day})
    html = logged_in_client.get(url).content.decode()
    assert "Heat pack" in html
    assert "Heat pack" not in logged_in_client.get(reverse("tracker:checkin")).content.decode()
    # Saving the past day again keeps it ticked.
    logged_in_client.post(url, {"discomfort": "5", "pain_relief": [heat.pk]})
    assert CheckIn.objects.get(user=user, date=day).item_ids == [heat.pk]


# --- settings: add, rename, retire ----------------------------------------------------------------


def test_adding_items_to_each_list(logged_in_client, user):
    response = _add(logged_in_client, RELIEF, "  Ibuprofen ")
    assert response.status_code == 302
    _add(logged_in_client, FACTOR, "Long drive")
    assert [(i.kind, i.name) for i in TrackedItem.objects.filter(user=user)] == [
        (FACTOR, "Long drive"),
        (RELIEF, "Ibuprofen"),
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give it a name."),
        ("x" * 41, "Keep it to 40 characters."),
        ("heat; ice", "Leave out semicolons (;)."),
        ("IBUPROFEN", "You already have “Ibuprofen” on this list."),
    ],
)
def test_a_bad_name_is_refused_next_to_the_field_with_what_was_typed_kept(
    logged_in_client, user, name, message
):
    _item(user, RELIEF, "Ibuprofen")
    response = _add(logged_in_client, RELIEF, name)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="add-relief-error"' in html
    assert message in html
    assert TrackedItem.objects.filter(user=user).count() == 1


def test_the_same_name_may_be_on_both_lists_and_for_another_person(
    logged_in_client, user, other_user
):
    _item(other_user, FACTOR, "Gardening")
    _item(user, RELIEF, "Gardening")
    assert _add(logged_in_client, FACTOR, "gardening").status_code == 302
    with pytest.raises(IntegrityError), transaction.atomic():
        _item(user, FACTOR, "GARDENING")  # the database holds it too, whatever the case


def test_a_bogus_kind_is_a_400_not_a_500(logged_in_client, user):
    response = _add(logged_in_client, "medicine", "Ibuprofen")
    assert response.status_code == 400
    assert not TrackedItem.objects.exists()


def test_lists_are_limited_and_retiring_makes_room(logged_in_client, user):
    for n in range(tracked.ACTIVE_LIMITS[RELIEF]):
        assert _add(logged_in_client, RELIEF, f"Relief {n}").status_code == 302
    response = _add(logged_in_client, RELIEF, "One too many")
    # The page no longer offers the add field; a post anyway is refused with the reason.
    assert response.status_code == 400
    assert "Up to 8 at a time" in response.content.decode()
    first = TrackedItem.objects.get(user=user, name="Relief 0")
    logged_in_client.post(reverse("tracker:tracked_retire", args=[first.pk]))
    assert _add(logged_in_client, RELIEF, "One too many").status_code == 302
    # Now full again: the retired one can't come back until another goes.
    logged_in_client.post(reverse("tracker:tracked_retire", args=[first.pk]))
    first.refresh_from_db()
    assert first.retired_at is not None
    assert tracked.lists_for(user).room_for(RELIEF) == 0
    # Own factors have their own limit of 10.
    for n in range(10):
        assert _add(logged_in_client, FACTOR, f"Factor {n}").status_code == 302
    assert _add(logged_in_client, FACTOR, "Factor 10").status_code == 400


def test_a_retired_name_is_brought_back_not_added_twice(logged_in_client, user):
    drive = _item(user, FACTOR, "Long drive", retired_at=timezone.now())
    response = _add(logged_in_client, FACTOR, "long drive")
    assert "is retired: bring it back" in response.content.decode()
    logged_in_client.post(reverse("tracker:tracked_retire", args=[drive.pk]))
    drive.refresh_from_db()
    assert drive.retired_at is None


def test_renaming_keeps_the_past_days_under_the_new_name(logged_in_client, user):
    drive = _item(user, FACTOR, "Drive")
    make_checkin(user, _today() - dt.timedelta(days=2), item_ids=[drive.pk])
    response = logged_in_client.post(
        reverse("tracker:tracked_rename", args=[drive.pk]), {"name": "Long drive"}
    )
    assert response.status_code == 302
    rows = _csv(logged_in_client)
    assert rows[0]["factors"] == "Long drive"


def test_a_rename_clash_is_shown_beside_that_entry(logged_in_client, user):
    _item(user, FACTOR, "Gardening")
    drive = _item(user, FACTOR, "Drive")
    response = logged_in_client.post(
        reverse("tracker:tracked_rename", args=[drive.pk]), {"name": "gardening"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="rename-{drive.pk}-error"' in html
    assert "You already have “Gardening” on this list." in html
    drive.refresh_from_db()
    assert drive.name == "Drive"
    # Renaming to a different case of its own name is fine.
    logged_in_client.post(reverse("tracker:tracked_rename", args=[drive.pk]), {"name": "DRIVE"})
    drive.refresh_from_db()
    assert drive.name == "DRIVE"


def test_a_retired_item_keeps_its_past_days_in_export_and_report(logged_in_client, user):
    heat = _item(user, RELIEF, "Heat pack")
    day = _today() - dt.timedelta(days=4)
    make_checkin(user, day, item_ids=[heat.pk])
    logged_in_client.post(reverse("tracker:tracked_retire", args=[heat.pk]))
    heat.refresh_from_db()
    assert heat.retired_at is not None
    assert _csv(logged_in_client)[0]["pain_relief"] == "Heat pack"
    exported = json.loads(logged_in_client.get("/export.json").content)
    assert exported["checkins"][0]["pain_relief"] == ["Heat pack"]
    report = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert "Heat pack" in report and "(no longer tracked)" in report


@pytest.mark.parametrize("action", ["tracked_rename", "tracked_retire"])
def test_another_persons_item_is_404_and_untouched(logged_in_client, other_user, action):
    theirs = _item(other_user, FACTOR, "Bob's factor")
    response = logged_in_client.post(reverse(f"tracker:{action}", args=[theirs.pk]), {"name": "x"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.retired_at) == ("Bob's factor", None)


def test_the_list_pages_need_login_and_post(client, logged_in_client, user):
    item = _item(user, FACTOR, "Drive")
    assert (
        client.post(reverse("tracker:tracked_add"), {"kind": FACTOR, "name": "x"}).status_code
        == 302
    )
    assert (
        logged_in_client.get(reverse("tracker:tracked_retire", args=[item.pk])).status_code == 405
    )


def test_deleting_the_account_deletes_its_lists(logged_in_client, user):
    _item(user, FACTOR, "Drive")
    user.delete()
    assert not TrackedItem.objects.exists()


# --- exports --------------------------------------------------------------------------------------


def test_csv_and_json_exports_carry_sleep_waking_relief_and_factors(logged_in_client, user):
    ibuprofen, heat = _item(user, RELIEF, "Ibuprofen"), _item(user, RELIEF, "Heat pack")
    drive, desk = _item(user, FACTOR, "Long drive"), _item(user, FACTOR, "=desk day")
    first, second = _today() - dt.timedelta(days=2), _today() - dt.timedelta(days=1)
    make_checkin(user, first, sleep_hours=Decimal("6.5"), woke_from_pain=True,
                 item_ids=[ibuprofen.pk, heat.pk, drive.pk, desk.pk])  # fmt: skip
    make_checkin(user, second, sleep_hours=Decimal("8"), woke_from_pain=False)
    make_checkin(user, _today(), peg_pain=6, peg_enjoyment=5, peg_activity=5)
    rows = _csv(logged_in_client)
    assert [
        (r["sleep_hours"], r["woke_from_pain"], r["pain_relief"], r["factors"]) for r in rows
    ] == [
        ("6.5", "yes", "Ibuprofen;Heat pack", "Long drive;'=desk day"),  # each name guarded
        ("8.0", "no", "", ""),
        ("", "", "", ""),
    ]
    data = json.loads(logged_in_client.get("/export.json").content)
    day = data["checkins"][0]
    assert (day["sleep_hours"], day["woke_from_pain"]) == (6.5, True)
    assert day["pain_relief"] == ["Ibuprofen", "Heat pack"]  # in the order they were added
    assert day["factors"] == ["Long drive", "=desk day"]
    assert data["checkins"][2]["sleep_hours"] is None
    assert data["peg"] == [
        {"date": _today().isoformat(), "pain": 6, "enjoyment": 5, "activity": 5, "score": 5.3}
    ]
    assert {(t["kind"], t["name"]) for t in data["tracked"]} >= {("factor", "Long drive")}


def test_exports_hold_none_of_another_persons_items(logged_in_client, user, other_user):
    theirs = _item(other_user, FACTOR, "Bob secret factor")
    make_checkin(other_user, _today(), item_ids=[theirs.pk])
    make_checkin(user, _today())
    assert b"Bob secret factor" not in logged_in_client.get("/export.csv").content
    assert b"Bob secret factor" not in logged_in_client.get("/export.json").content


# --- trends and the report ------------------------------------------------------------------------


def _weeks_of_days(user, *, days=40, items=()):
    today = _today()
    for n in range(days):
        make_checkin(
            user,
            today - dt.timedelta(days=n),
            discomfort=6 if n % 2 else 2,
            sleep_hours=Decimal("7") if n % 2 == 0 else Decimal("5.5"),
            item_ids=sorted(item.pk for item in items) if n % 2 else [],
        )


def test_trends_compare_days_with_and_without_each_item_and_sleep(logged_in_client, user):
    drive = _item(user, FACTOR, "Long drive")
    TrackedItem.objects.filter(pk=drive.pk).update(
        created_at=timezone.now() - dt.timedelta(days=60)
    )
    _weeks_of_days(user, items=[drive])
    dashboard = logged_in_client.get(reverse("tracker:trends")).context["dashboard"]
    (drive_insight,) = dashboard.tag_insights
    assert drive_insight.title == "Long drive, your own factor"
    assert (drive_insight.same_day.met_mean, drive_insight.same_day.missed_mean) == (6, 2)
    assert drive_insight.same_day.enough
    sleep = next(i for i in dashboard.insights if i.habit == "Sleep")
    assert (sleep.same_day.met_mean, sleep.same_day.missed_mean) == (2, 6)
    html = logged_in_client.get(reverse("tracker:trends")).content.decode()
    assert "Long drive, your own factor" in html
    assert "association, not proof" in html


# --- a constant number of queries however many items ----------------------------------------------


def _person_with_items(name: str, count: int):
    person = make_user(name)
    items = [_item(person, RELIEF if n < 8 else FACTOR, f"Item {n}") for n in range(count)]
    _weeks_of_days(person, days=120, items=items)
    return person


@pytest.mark.parametrize("count", [2, 18])
@pytest.mark.parametrize(
    ("page", "limit"),
    # One more than a person without own lists on trends and the report: the items' names
    # (and the report's one aggregate for the period it opens on). The first views of trends,
    # the report and home also read the days before today after what stands for them
    # (tracker.trends.rows.saved_before_and_today; a later view reads only that); home's first
    # view in a process reads the language's active tips once for everyone
    # (tracker.guide.day_choice.ACTIVE_TIPS).
    [("tracker:trends", 9), ("tracker:home", 9), ("tracker:checkin", 9), ("tracker:report", 14)],
)
def test_pages_take_the_same_queries_however_many_items(
    client, db, django_assert_max_num_queries, count, page, limit
):
    client.force_login(_person_with_items(f"p{count}", count))
    with django_assert_max_num_queries(limit):
        response = client.get(reverse(page))
    assert response.status_code == 200


def test_saving_a_check_in_with_many_items_takes_a_fixed_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries
):
    items = [_item(user, FACTOR, f"Factor {n}") for n in range(10)]
    with django_assert_max_num_queries(26):
        response = logged_in_client.post(
            reverse("tracker:checkin"), {"discomfort": "3", "factors": [i.pk for i in items]},
            headers=HTMX,
        )  # fmt: skip
    assert response.status_code == 200
    assert CheckIn.objects.get(user=user).item_ids == [i.pk for i in items]


def test_a_list_cell_that_starts_like_a_formula_is_neutralised(logged_in_client, user):
    formula = _item(user, FACTOR, "=HYPERLINK(x)")
    make_checkin(user, _today(), item_ids=[formula.pk])
    assert _csv(logged_in_client)[0]["factors"] == "'=HYPERLINK(x)"


def test_swapping_one_ticked_item_for_another_draws_the_charts_afresh(user):
    from tracker.trends import dashboard as trends

    drive, garden = _item(user, FACTOR, "Long drive"), _item(user, FACTOR, "Gardening")
    checkin = make_checkin(user, _today(), item_ids=[drive.pk])

    def fingerprint():
        return trends.build(user, range_key="30", today=_today()).fingerprint

    before = fingerprint()
    CheckIn.objects.filter(pk=checkin.pk).update(item_ids=[garden.pk])  # one for another
    swapped = fingerprint()
    TrackedItem.objects.filter(pk=garden.pk).update(name="Allotment")
    renamed = fingerprint()
    assert len({before, swapped, renamed}) == 3
    assert fingerprint() == renamed  # and the same inputs give the same digest


@pytest.mark.parametrize("value", ["²", "9" * 5000, "-1", "1.5"])
@pytest.mark.parametrize("extra", [{"fill": "habits"}, {"water": "add"}, {}])
def test_any_typed_item_id_gets_an_answer_not_a_500(logged_in_client, user, value, extra):
    response = logged_in_client.post(reverse("tracker:checkin"), {"factors": value, **extra})
    assert response.status_code in (200, 302, 400)
    assert not CheckIn.objects.filter(user=user).exclude(item_ids=[]).exists()


def test_a_name_the_database_refuses_is_an_error_beside_the_field_not_a_500(logged_in_client, user):
    from unittest import mock

    drive = _item(user, FACTOR, "Long drive")
    garden = _item(user, FACTOR, "Gardening")
    # As if the name check had missed the clash (a second tap on Add, a case-folding corner).
    with mock.patch("tracker.days.tracked.find_by_name", return_value=None):
        added = _add(logged_in_client, FACTOR, "long drive")
        renamed = logged_in_client.post(
            reverse("tracker:tracked_rename", args=[garden.pk]), {"name": "LONG DRIVE"}
        )
    for response in (added, renamed):
        assert response.status_code == 400
        assert "You already have that name on this list." in response.content.decode()
    garden.refresh_from_db()
    assert garden.name == "Gardening"
    assert TrackedItem.objects.filter(user=user).count() == 2 and drive.pk


def test_without_it_days_end_when_an_item_is_retired(user):
    from tracker.trends import dashboard as trends

    drive = _item(user, FACTOR, "Long drive")
    today = _today()
    TrackedItem.objects.filter(pk=drive.pk).update(
        created_at=timezone.now() - dt.timedelta(days=60),
        retired_at=timezone.now() - dt.timedelta(days=20),
    )
    for n in range(60):
        ticked = [drive.pk] if n >= 20 and n % 2 else []
        make_checkin(user, today - dt.timedelta(days=n), discomfort=3, item_ids=ticked)
    dashboard = trends.build(user, range_key="90", today=today)
    (insight,) = dashboard.tag_insights
    # 40 days on the list (days 20 to 59 back): 20 with it, 20 without; not the 20 after.
    assert (insight.same_day.met_days, insight.same_day.missed_days) == (20, 20)
