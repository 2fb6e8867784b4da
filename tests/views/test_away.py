"""Time away through the pages: setting, ending and cancelling a break, and what it pauses."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.accounts import reminders
from tracker.models import AwayPeriod
from tracker.trends import dashboard, streaks


def _today() -> dt.date:
    return timezone.now().date()


# --- time away --------------------------------------------------------------------------------


def _away(client, start, end, **extra):
    return client.post(
        reverse("tracker:away_start"), {"start": start.isoformat(), "end": end.isoformat(), **extra}
    )


def test_a_break_is_set_from_the_history_page_and_shows_on_the_calendar(
    logged_in_client, user, each_kind_of_day
):
    start = each_kind_of_day - dt.timedelta(days=2)
    response = _away(logged_in_client, start, each_kind_of_day + dt.timedelta(days=3))
    assert response.status_code == 302
    period = AwayPeriod.objects.get(user=user)
    assert (period.start, period.end) == (start, each_kind_of_day + dt.timedelta(days=3))
    # On the 1st and 2nd the break's first day is in last month's calendar.
    html = logged_in_client.get(
        reverse("tracker:history"), {"month": f"{start:%Y-%m}"}
    ).content.decode()
    assert re.search(rf'/checkin/{start.isoformat()}/".*?, away</span>', html, re.S)
    assert "I&#x27;m back: end the break" in html or "I'm back: end the break" in html


@pytest.mark.parametrize(
    ("start_offset", "end_offset", "error"),
    [
        (0, 60, "up to 60 days"),
        (3, 1, "be before the first"),
    ],
)
def test_a_break_is_at_most_60_days_and_ends_after_it_starts(
    logged_in_client, user, start_offset, end_offset, error
):
    response = _away(
        logged_in_client,
        _today() + dt.timedelta(days=start_offset),
        _today() + dt.timedelta(days=end_offset),
    )
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not AwayPeriod.objects.exists()


def test_sixty_days_is_allowed(logged_in_client, user):
    assert _away(logged_in_client, _today(), _today() + dt.timedelta(days=59)).status_code == 302


def test_only_one_open_break_and_no_overlaps(logged_in_client, user):
    _away(logged_in_client, _today(), _today() + dt.timedelta(days=5))
    response = _away(
        logged_in_client, _today() + dt.timedelta(days=10), _today() + dt.timedelta(days=12)
    )
    assert "already have a break" in response.content.decode()
    past = _away(logged_in_client, _today() - dt.timedelta(days=3), _today() - dt.timedelta(days=1))
    assert past.status_code == 302  # an earlier break, over and done, may be added
    overlap = _away(
        logged_in_client, _today() - dt.timedelta(days=2), _today() - dt.timedelta(days=1)
    )
    assert "overlap" in overlap.content.decode()
    assert AwayPeriod.objects.filter(user=user).count() == 2


def test_coming_back_ends_the_break_yesterday_and_a_planned_one_can_be_cancelled(
    logged_in_client, user
):
    started = AwayPeriod.objects.create(
        user=user, start=_today() - dt.timedelta(days=4), end=_today() + dt.timedelta(days=4)
    )
    logged_in_client.post(reverse("tracker:away_end", args=[started.pk]))
    started.refresh_from_db()
    assert started.end == _today() - dt.timedelta(days=1)
    planned = AwayPeriod.objects.create(
        user=user, start=_today() + dt.timedelta(days=3), end=_today() + dt.timedelta(days=9)
    )
    logged_in_client.post(reverse("tracker:away_end", args=[planned.pk]))
    assert not AwayPeriod.objects.filter(pk=planned.pk).exists()


def test_someone_elses_break_is_404(logged_in_client, other_user):
    theirs = AwayPeriod.objects.create(user=other_user, start=_today(), end=_today())
    assert logged_in_client.post(reverse("tracker:away_end", args=[theirs.pk])).status_code == 404
    assert AwayPeriod.objects.filter(pk=theirs.pk).exists()


def test_settings_offer_the_break_too(logged_in_client, user):
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert "taking a break" in html and reverse("tracker:away_start") in html


def test_time_away_freezes_strength_and_streaks(logged_in_client, user):
    for n in range(5, 12):
        make_checkin(user, _today() - dt.timedelta(days=n))
    before = dashboard.habit_strengths(user, today=_today()).percent("checkin")
    AwayPeriod.objects.create(user=user, start=_today() - dt.timedelta(days=4), end=_today())
    after = dashboard.habit_strengths(user, today=_today())
    # The last day before the time away, as its own today.
    frozen_at = dashboard.habit_strengths(user, today=_today() - dt.timedelta(days=5))
    assert after.latest("checkin") == frozen_at.latest("checkin") > 0
    assert after.percent("checkin") > before
    by_kind = {
        s.kind: s
        for s in streaks.over_whole_history(user, today=_today(), away=dashboard.away_periods(user))
    }
    assert by_kind["checkin"].current == 7


def test_no_reminders_on_days_away(db, settings):
    from tests.factories import make_user

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    person = make_user("ann", reminders_enabled=True, reminder_time=dt.time(20, 0),
                       reminder_email=True)  # fmt: skip
    day = dt.date(2026, 6, 15)
    AwayPeriod.objects.create(user=person, start=day, end=day + dt.timedelta(days=2))
    at = dt.datetime(2026, 6, 15, 21, 0, tzinfo=dt.UTC)
    assert reminders.send_due_reminders(now=at).due == 0
    back = dt.datetime(2026, 6, 18, 21, 0, tzinfo=dt.UTC)
    assert reminders.send_due_reminders(now=back).due == 1


def test_the_export_has_rest_day_and_away_columns_and_days_away(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=3), rest_day=True)
    AwayPeriod.objects.create(
        user=user, start=_today() - dt.timedelta(days=2), end=_today() + dt.timedelta(days=5)
    )
    rows = list(csv.DictReader(io.StringIO(logged_in_client.get("/export.csv").content.decode())))
    assert [(row["date"], row["rest_day"], row["away"]) for row in rows] == [
        ((_today() - dt.timedelta(days=3)).isoformat(), "yes", ""),
        ((_today() - dt.timedelta(days=2)).isoformat(), "", "yes"),
        ((_today() - dt.timedelta(days=1)).isoformat(), "", "yes"),
        (_today().isoformat(), "", "yes"),
    ]
    data = json.loads(logged_in_client.get(reverse("tracker:export_json")).content)
    assert data["away_periods"] == [
        {"start": (_today() - dt.timedelta(days=2)).isoformat(),
         "end": (_today() + dt.timedelta(days=5)).isoformat()}
    ]  # fmt: skip
    assert data["checkins"][0]["rest_day"] is True
