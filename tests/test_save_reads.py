"""Saving a day reads the stored day once under its lock, and the person's active care alerts once
for the whole red-flag check (tracker.days.checkins.record_day, tracker.care.prompts)."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin
from tracker.days import checkins
from tracker.models import CareAlert, CheckIn


def _values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in CheckIn._meta.concrete_fields}


def _selects(queries, table: str) -> list[str]:
    return [
        q["sql"] for q in queries if q["sql"].startswith("SELECT") and f'FROM "{table}"' in q["sql"]
    ]


def test_a_save_reads_the_day_and_the_alerts_once_each(logged_in_client, user):
    today = timezone.localdate()
    make_checkin(user, today)
    with CaptureQueriesContext(connection) as captured:
        response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data())
    assert response.status_code == 302
    # The form's own read of the day, the locked read the change applies to, and the red-flag
    # history (three columns over the weeks the rules look at).
    day_reads = _selects(captured, "tracker_checkin")
    assert len(day_reads) == 3
    assert sum("FOR UPDATE" in sql for sql in day_reads) == (
        1 if connection.features.has_select_for_update else 0
    )
    assert len(_selects(captured, "tracker_carealert")) == 1


def test_a_water_tap_on_a_stored_day_reads_it_once(user):
    today = timezone.localdate()
    make_checkin(user, today, water_ml=500)
    with CaptureQueriesContext(connection) as captured:
        saved = checkins.record_day(
            user=user, date=today, today=today, change=checkins.DayChange(water_tap_ml=250)
        )
    assert saved.checkin.water_ml == 750 and saved.checkin.water_last_tap_ml == 250
    # The locked read, then one statement that adds the water and returns the day.
    assert len(_selects(captured, "tracker_checkin")) == 1
    updates = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and "RETURNING" in updates[0]
    assert _values(saved.checkin) == _values(CheckIn.objects.get(pk=saved.checkin.pk))


def test_goals_reached_still_compare_with_the_day_before_the_change(user):
    today = timezone.localdate()
    user.profile.water_goal_ml = 1000
    user.profile.save()
    make_checkin(user, today, water_ml=900, exercise_minutes=None)
    change = checkins.DayChange(water_tap_ml=250)
    assert checkins.record_day(user=user, date=today, today=today, change=change).goals_reached == (
        "water",
    )
    assert (
        checkins.record_day(user=user, date=today, today=today, change=change).goals_reached == ()
    )


def test_one_check_clears_an_alert_and_ends_a_reminder_in_the_same_save(logged_in_client, user):
    """Both steps walk the alerts read once; each sees what the other changed."""
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    make_checkin(user, yesterday, symptoms=["swelling"])
    open_alert = CareAlert.objects.create(
        user=user, rule="swelling", tier="soon", last_evidence_date=yesterday,
        evidence=[{"date": yesterday.isoformat(), "answers": ["logged"]}],
    )  # fmt: skip
    earlier = yesterday - dt.timedelta(days=3)
    reminder = CareAlert.objects.create(
        user=user, rule="night_pain", tier="urgent", last_evidence_date=earlier,
        evidence=[{"date": earlier.isoformat(), "answers": ["logged"]}],
        acknowledged_at=timezone.now(), acknowledgement="getting_help",
        reminder_until=timezone.now() + dt.timedelta(days=5),
    )  # fmt: skip
    logged_in_client.post(
        reverse("tracker:checkin_day", kwargs={"date": yesterday}),
        checkin_post_data(discomfort="2"),  # swelling unticked, the back logged without it
    )
    open_alert.refresh_from_db()
    reminder.refresh_from_db()
    assert open_alert.cleared_at is not None
    assert reminder.reminder_until <= timezone.now()
