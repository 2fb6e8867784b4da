"""tracker.plain: rows read from a cursor are the instances the ORM gives (issue 30)."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import isolate_apps
from django.utils import timezone

from tests.factories import make_checkin
from tracker import plain
from tracker.care import prompts, redflags
from tracker.days import checkins, tracked
from tracker.models import CareAlert, CheckIn, Profile, TrackedItem


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def _a_day_of_every_kind_of_column(user, day: dt.date, **more) -> CheckIn:
    return make_checkin(
        user,
        day,
        symptoms=["saddle_numbness", "fever"],
        item_ids=[3, 1],
        sleep_hours=Decimal("7.5"),
        woke_from_pain=False,
        rest_day=True,
        notes="ünïcode, 'quotes'",
        **more,
    )


def test_a_plain_read_converts_every_kind_of_column_as_the_orm_does(user, other_user):
    today = timezone.now().date()
    _a_day_of_every_kind_of_column(user, today)
    make_checkin(user, today - dt.timedelta(days=1), posture=None, water_ml=None, stress=None)
    make_checkin(other_user, today)
    read = plain.read(CheckIn, "user_id = %s", [user.pk])
    by_orm = {c.pk: c for c in CheckIn.objects.filter(user=user)}
    assert len(read) == 2
    for instance in read:
        assert _values(instance) == _values(by_orm[instance.pk])
        assert {type(v) for v in _values(instance).values()} == {
            type(v) for v in _values(by_orm[instance.pk]).values()
        }
        assert instance._state.adding is False and instance._state.db == "default"
    day = next(c for c in read if c.date == today)
    assert day.symptoms == ["saddle_numbness", "fever"] and day.sleep_hours == Decimal("7.5")
    assert day.woke_from_pain is False and day.rest_day is True
    assert timezone.is_aware(day.updated_at)


def test_recent_days_are_the_persons_own_last_week(user, other_user):
    today = timezone.now().date()
    for n in (0, 2, 6, 7):
        make_checkin(user, today - dt.timedelta(days=n), discomfort=n)
    make_checkin(other_user, today - dt.timedelta(days=1))
    days = checkins.recent_days(user=user, today=today)
    assert [d.date for d in days] == [today - dt.timedelta(days=n) for n in range(7)]
    assert [d.checkin.discomfort if d.checkin else None for d in days] == [
        0, None, 2, None, None, None, 6,
    ]  # fmt: skip


def test_the_weeks_day_answers_hold_each_value_as_the_orm_reads_it(user):
    """Home reads its week as DayAnswers (no whole instances): each field the value, and of the
    type, that the ORM gives, for every kind of column a day holds."""
    today = timezone.now().date()
    _a_day_of_every_kind_of_column(user, today, peg_pain=4, peg_enjoyment=5, peg_activity=6)
    CheckIn.objects.filter(user=user, date=today).update(water_last_tap_ml=250)
    make_checkin(user, today - dt.timedelta(days=3), posture=None, water_ml=None, stress=None)
    by_orm = {c.date: c for c in CheckIn.objects.filter(user=user)}
    saved = [d.checkin for d in checkins.recent_days(user=user, today=today) if d.checkin]
    assert [day.date for day in saved] == [today, today - dt.timedelta(days=3)]
    for day in saved:
        expected = {name: getattr(by_orm[day.date], name) for name in day._fields}
        assert day._asdict() == expected
        assert {name: type(value) for name, value in day._asdict().items()} == {
            name: type(value) for name, value in expected.items()
        }
    assert saved[0].water_last_tap_ml == 250 and saved[0].sleep_hours == Decimal("7.5")


def test_a_plain_read_of_an_empty_table_is_empty(user):
    assert plain.read(CareAlert, "user_id = %s", [user.pk]) == []


def test_the_care_alerts_read_on_every_page_are_the_querysets(user, other_user):
    now = timezone.now()
    today = now.date()
    hour = dt.timedelta(hours=1)

    def alert(owner, rule, **fields):
        return CareAlert.objects.create(
            user=owner, rule=rule, tier="urgent", last_evidence_date=today, **fields
        )

    alert(user, "open_one", evidence=[{"date": str(today), "answers": ["x"]}])
    alert(user, "open_two")
    alert(user, "reminding", acknowledged_at=now - hour, reminder_until=now + hour)
    alert(user, "reminded", acknowledged_at=now - 2 * hour, reminder_until=now - hour)
    alert(user, "answered", acknowledged_at=now - hour)
    alert(user, "cleared", cleared_at=now - hour)
    alert(other_user, "open_one")
    read = prompts.active_alerts(user, now)
    by_orm = list(prompts.active(user, now))
    assert [a.pk for a in read] == [a.pk for a in by_orm]
    assert {a.rule for a in read} == {"open_one", "open_two", "reminding"}
    assert [_values(a) for a in read] == [_values(a) for a in by_orm]


def test_the_reads_before_a_save_are_the_querysets(user, other_user):
    today = timezone.now().date()
    make_checkin(user, today, symptoms=["fever"], discomfort=None)
    make_checkin(user, today - dt.timedelta(days=3), symptoms=[], discomfort=8)
    make_checkin(user, today - dt.timedelta(days=40))
    make_checkin(other_user, today - dt.timedelta(days=1), discomfort=9)
    first, last = today - dt.timedelta(days=30), today + dt.timedelta(days=2)
    history = prompts.load_history(user, first=first, last=last)
    assert (
        history.days
        == redflags.History.from_records(
            redflags.DayRecord(date=d, discomfort=pain, symptoms=frozenset(symptoms or ()))
            for d, pain, symptoms in CheckIn.objects.filter(
                user=user, date__range=(first, last)
            ).values_list("date", "discomfort", "symptoms")
        ).days
    )
    assert sorted(history.days) == [today - dt.timedelta(days=3), today]
    assert _values(checkins.stored_day(user, today)) == _values(
        CheckIn.objects.get(user=user, date=today)
    )
    assert checkins.stored_day(user, today - dt.timedelta(days=1)) is None


def test_the_tracked_lists_keep_the_models_order(user, other_user):
    for kind, name in [("factor", "b"), ("relief", "z"), ("factor", "a"), ("relief", "y")]:
        TrackedItem.objects.create(user=user, kind=kind, name=name)
    TrackedItem.objects.create(user=other_user, kind="factor", name="c")
    TrackedItem.objects.filter(user=user, name="z").update(retired_at=timezone.now())
    read = tracked.lists_for(user)
    by_orm = TrackedItem.objects.filter(user=user).values_list("pk", "kind", "name", "retired_at")
    assert [tuple(item) for item in read.items] == list(by_orm)
    assert [item.name for item in read.retired("relief")] == ["z"]


def test_the_locked_read_of_a_day_is_the_day(user):
    day = make_checkin(user, timezone.now().date())
    with transaction.atomic():
        assert _values(checkins.stored_day(user, day.date, lock=True)) == _values(day)
        assert checkins.stored_day(user, day.date - dt.timedelta(days=1), lock=True) is None


def test_the_count_compiled_once_is_the_querysets_for_each_kind_of_day(user, other_user):
    from tracker.days import first_week

    today = timezone.now().date()
    # One field given a day: each kind counts as checked in, but water with empty values (an
    # empty note, no symptoms, no ticked items, an unticked rest day) doesn't.
    empty = {"notes": "", "symptoms": [], "item_ids": [], "rest_day": False}
    days = [
        {"water_ml": 500}, {"water_ml": 250, **empty}, {"notes": "stiff"},
        {"symptoms": ["fever"]}, {"item_ids": [4]}, {"rest_day": True},
        {"woke_from_pain": False}, {"sleep_hours": Decimal("7.5")}, {"discomfort": 0},
        {"peg_pain": 3, "peg_enjoyment": 3, "peg_activity": 3},
    ]  # fmt: skip
    seen = []
    for n, fields in enumerate(days):
        CheckIn.objects.create(user=user, date=today - dt.timedelta(days=n), **fields)
        for person in (user, other_user):
            seen.append(
                (
                    plain.compiled_count(first_week._checked_in_days, person.pk),
                    first_week._checked_in_days(person.pk).count(),
                )
            )
    assert all(plain_count == orm_count for plain_count, orm_count in seen)
    # Counted up to the cap, and only the person's own days.
    assert [count for count, _ in seen[::2]] == [0, 0, 1, 2, 3, 4, 5, 6, 7, 7]
    assert {count for count, _ in seen[1::2]} == {0}


def test_the_signed_in_person_and_their_profile_are_read_as_select_related_reads_them(
    user, other_user, django_assert_num_queries
):
    user.profile.display_name = "Ana"
    user.profile.timezone = "Europe/Madrid"
    user.profile.save()
    by_orm = type(user).objects.select_related("profile").get(pk=user.pk)
    with django_assert_num_queries(1):
        read = plain.read_one_with(type(user), "profile", user.pk)
        assert _values(read) == _values(by_orm)
        assert _values(read.profile) == _values(by_orm.profile)
        assert read.profile.user is read  # no query back to the person
    assert timezone.is_aware(read.date_joined)
    assert plain.read_one_with(type(user), "profile", other_user.pk).username == "bob"
    assert plain.read_one_with(type(user), "profile", 10**9) is None


def test_a_person_without_a_profile_reads_as_select_related_leaves_them(
    user, django_assert_num_queries
):
    Profile.objects.filter(user=user).delete()
    with django_assert_num_queries(1):
        read = plain.read_one_with(type(user), "profile", user.pk)
        with pytest.raises(Profile.DoesNotExist):
            read.profile  # noqa: B018  (cached as missing: no second query)


def test_an_update_returns_the_rows_as_the_orm_reads_them_after_it(user, other_user):
    today = timezone.now().date()
    mine = make_checkin(user, today, water_ml=None, sleep_hours=Decimal("6.5"), notes="ü")
    theirs = make_checkin(other_user, today, water_ml=None)
    found = plain.updated(
        CheckIn, "water_ml = COALESCE(water_ml, 0) + %s", "id = %s", [300, mine.pk]
    )
    assert [_values(c) for c in found] == [_values(CheckIn.objects.get(pk=mine.pk))]
    assert found[0].water_ml == 300 and found[0]._state.adding is False
    assert CheckIn.objects.get(pk=theirs.pk).water_ml is None
    assert plain.updated(CheckIn, "water_ml = 1", "id = %s AND water_ml > %s", [mine.pk, 300]) == []
    assert CheckIn.objects.get(pk=mine.pk).water_ml == 300


def test_the_open_alert_a_firing_extends_is_the_querysets(user, other_user):
    now = timezone.now()
    today = now.date()

    def alert(owner, rule, **fields):
        return CareAlert.objects.create(
            user=owner, rule=rule, tier="urgent", last_evidence_date=today, **fields
        )

    alert(user, "night_pain", acknowledged_at=now)  # answered
    alert(user, "night_pain", cleared_at=now)  # cleared
    alert(user, "fever")  # another rule
    alert(other_user, "night_pain")  # someone else's
    with transaction.atomic():
        assert prompts._open_alert(user, "night_pain") is None
    open_one = alert(user, "night_pain", evidence=[{"date": str(today), "answers": ["x"]}])
    by_orm = CareAlert.objects.open().filter(user=user, rule="night_pain").first()
    with transaction.atomic():
        read = prompts._open_alert(user, "night_pain")
    assert read.pk == open_one.pk == by_orm.pk
    assert _values(read) == _values(by_orm)


@pytest.mark.django_db(transaction=True)  # outside the test's own transaction
def test_a_locked_read_outside_a_transaction_is_refused_on_every_database(user):
    # A lock that ends with its statement locks nothing: refused on SQLite too, where
    # select_for_update() is skipped, so a test there catches what PostgreSQL would refuse.
    with pytest.raises(TransactionManagementError):
        plain.read(CareAlert, "user_id = %s", [user.pk], lock=True)
    with pytest.raises(TransactionManagementError):
        checkins.stored_day(user, timezone.now().date(), lock=True)
    assert plain.read(CareAlert, "user_id = %s", [user.pk]) == []


def test_an_empty_json_list_reads_as_a_new_empty_list_each_time_as_the_orm_reads_it(user):
    today = timezone.now().date()
    make_checkin(user, today, symptoms=[], item_ids=[])
    make_checkin(user, today - dt.timedelta(days=1), symptoms=["fever"], item_ids=[])
    stored = CheckIn.objects.values_list("symptoms", flat=True)
    assert sorted(map(str, stored)) == ["['fever']", "[]"]  # as the column holds them
    rows = plain.values(CheckIn, ("date", "symptoms", "item_ids"), "user_id = %s", [user.pk])
    by_orm = CheckIn.objects.filter(user=user).values_list("date", "symptoms", "item_ids")
    assert sorted(map(tuple, rows)) == sorted(by_orm)
    lists = [value for row in rows for value in row[1:] if value == []]
    assert len(lists) == 3 and len({id(value) for value in lists}) == 3  # none shared
    lists[0].append("changed")
    assert lists[1] == [] and lists[2] == []


class _MarkedDecoder(json.JSONDecoder):
    def decode(self, s, *args, **kwargs):
        return ("decoded", s)


def test_a_json_column_with_its_own_decoder_is_read_by_it_even_when_empty(user, monkeypatch):
    make_checkin(user, timezone.now().date(), symptoms=[])
    monkeypatch.setattr(CheckIn._meta.get_field("symptoms"), "decoder", _MarkedDecoder)
    plain._shape.cache_clear()
    try:
        ((symptoms,),) = plain.values(CheckIn, ("symptoms",), "user_id = %s", [user.pk])
    finally:
        plain._shape.cache_clear()
    assert symptoms == ("decoded", "[]")


def _changed(day: CheckIn) -> CheckIn:
    day.symptoms, day.item_ids = ["fever", "saddle_numbness"], [4, 2]
    day.sleep_hours, day.woke_from_pain, day.rest_day = Decimal("6.5"), None, True
    day.posture, day.notes = None, "ünïcode, 'quotes'"
    return day


def test_a_plain_save_of_a_stored_day_writes_what_save_writes(user, other_user):
    from tracker.models import CheckIn

    today = timezone.now().date()
    by_orm = make_checkin(user, today, woke_from_pain=True)
    by_plain = make_checkin(other_user, today, woke_from_pain=True)
    created, updated_before = by_plain.created_at, by_plain.updated_at
    _changed(by_orm).save()
    plain.save_stored(_changed(by_plain))
    assert by_plain.updated_at > updated_before  # stamped, as auto_now is on save()
    stored = {c.user_id: _values(c) for c in CheckIn.objects.all()}
    ignored = ("id", "user_id", "created_at", "updated_at")
    orm_row, plain_row = stored[user.pk], stored[other_user.pk]
    assert {k: v for k, v in plain_row.items() if k not in ignored} == {
        k: v for k, v in orm_row.items() if k not in ignored
    }
    assert plain_row["created_at"] == created and plain_row["updated_at"] == by_plain.updated_at


def test_a_plain_save_of_a_day_deleted_meanwhile_stores_it_again_as_save_does(user):
    from tracker.models import CheckIn

    day = make_checkin(user, timezone.now().date())
    CheckIn.objects.filter(pk=day.pk).delete()
    plain.save_stored(_changed(day))
    assert CheckIn.objects.get(user=user).symptoms == ["fever", "saddle_numbness"]


def test_nothing_listens_for_a_saved_day_which_a_plain_save_would_not_tell():
    from django.db.models.signals import post_save, pre_save

    from tracker.models import CheckIn

    assert not pre_save.has_listeners(CheckIn) and not post_save.has_listeners(CheckIn)


@isolate_apps("tracker")
def test_a_model_in_two_tables_is_not_saved_plainly():
    class Child(CareAlert):  # multi-table inheritance: its fields lie in two tables
        class Meta:
            app_label = "tracker"

    with pytest.raises(TypeError, match="saved by save"):
        plain._update_shape(Child, "default", "any")
    columns = plain._update_shape(CareAlert, "default", "any")[0]
    assert columns.startswith("UPDATE")  # its parent is one table: saved plainly


SAVE_TIMES = [
    dt.datetime(2026, 12, 5, 9, 13, 17, 74820, tzinfo=dt.UTC),
    dt.datetime(2026, 12, 5, 9, 13, 17, tzinfo=dt.UTC),  # stored without a fraction
    dt.datetime(1999, 12, 31, 23, 59, 59, 499999, tzinfo=dt.UTC),
    dt.datetime(2038, 1, 19, 3, 14, 8, 1, tzinfo=dt.UTC),  # past 32-bit seconds
]


def _stamp_of(user) -> object:
    from django.db import connection

    sql = f"SELECT {plain.instants_stamp('updated_at')} FROM tracker_checkin WHERE user_id = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk])
        return plain.stamp(cursor.fetchone()[0])


def test_the_save_times_stamp_moves_with_any_rows_time_and_with_rows_added_or_removed(
    user, other_user
):
    """plain.instants_stamp: the same rows give the same stamp; a row's time moved by one
    microsecond either way (a host whose clock is behind), a row added or removed, each moves
    it, on every database; another person's rows never do. Times without a fraction, before
    2000 and past 32-bit seconds included."""
    today = dt.date(2026, 12, 5)
    days = []
    for offset, saved in enumerate(SAVE_TIMES):
        days.append(make_checkin(user, today - dt.timedelta(days=offset)))
        CheckIn.objects.filter(pk=days[-1].pk).update(updated_at=saved)
    first = _stamp_of(user)
    assert _stamp_of(user) == first
    for day, saved in zip(days, SAVE_TIMES, strict=True):
        for step in (dt.timedelta(microseconds=1), -dt.timedelta(microseconds=1)):
            CheckIn.objects.filter(pk=day.pk).update(updated_at=saved + step)
            assert _stamp_of(user) != first, (saved, step)
        CheckIn.objects.filter(pk=day.pk).update(updated_at=saved)
        assert _stamp_of(user) == first
    make_checkin(other_user, today)
    assert _stamp_of(user) == first
    added = make_checkin(user, today - dt.timedelta(days=30))
    assert _stamp_of(user) != first
    added.delete()
    assert _stamp_of(user) == first
    days[0].delete()
    assert _stamp_of(user) != first


def test_sqlites_stamp_is_the_stored_times_joined_and_digested(user):
    """On SQLite the stamp reads the stored texts as they are (no time parsed): joined, and
    digested in Python to 16 bytes, so a kept key stays small whatever the number of rows."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite stores times as text")
    assert "group_concat(updated_at" in plain.instants_stamp("updated_at")
    for offset in range(200):
        make_checkin(user, dt.date(2026, 1, 1) + dt.timedelta(days=offset))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {plain.instants_stamp('updated_at')} FROM tracker_checkin WHERE user_id = %s",
            [user.pk],
        )
        joined = cursor.fetchone()[0]
    stored = list(CheckIn.objects.filter(user=user).values_list("updated_at", flat=True))
    assert sorted(joined.split(",")) == sorted(
        connection.ops.adapt_datetimefield_value(saved) for saved in stored
    )
    assert len(plain.stamp(joined)) == 16 and plain.stamp(12.5) == 12.5
