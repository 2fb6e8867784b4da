import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_checkin
from tracker.models import CheckIn


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Spanish leaves Spanish active in this thread (Django's LocaleMiddleware
    activates a language and nothing deactivates it): later tests read English."""
    yield
    translation.deactivate()


def test_logged_out_visitors_see_what_the_app_does(client, db):
    html = client.get(reverse("tracker:home")).content.decode()
    assert "Sign up" in html and "Log in" in html
    assert "16 and over" in html


def test_home_shows_today_not_done(logged_in_client):
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "Not checked in yet" in html


def test_home_shows_today_done_and_the_last_seven_days(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    make_checkin(user, today, discomfort=6)
    make_checkin(user, today - dt.timedelta(days=2), discomfort=1)
    make_checkin(user, today - dt.timedelta(days=8), discomfort=9)  # outside the week
    response = logged_in_client.get(reverse("tracker:home"))
    html = response.content.decode()
    assert "Checked in." in html and "<dd>6/10</dd>" in html
    states = [day.state for day in response.context["recent_days"]]
    assert states == ["full", "missing", "full", "missing", "missing", "missing", "missing"]
    assert "Discomfort 9" not in html


def test_home_marks_a_water_only_day_as_partial(logged_in_client, user):
    CheckIn.objects.create(user=user, date=timezone.now().date(), water_ml=250)
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "only water so far" in html
    assert "250 ml" in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_home_query_count_does_not_grow_with_history(
    logged_in_client, user, django_assert_max_num_queries, language
):
    today = timezone.now().date()
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=today - dt.timedelta(days=n), posture=3, exercise_minutes=10,
                water_ml=1000, stress=2, discomfort=2)
        for n in range(400)
    )  # fmt: skip
    # The first view also reads the days habit strength starts from, after what stands for
    # them (tracker.trends.rows.saved_before_and_today), the person's dismissed tips and, the
    # first time in the process, the language's active tips (kept for everyone:
    # tracker.guide.day_choice.ACTIVE_TIPS); a later view reads only the first.
    for most in (9, 6):
        with django_assert_max_num_queries(most):
            response = logged_in_client.get(reverse("tracker:home"), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert response["Content-Language"] == language


def test_daily_reminder_shows_until_today_is_checked_in(logged_in_client, user):
    assert "You haven't checked in today" in logged_in_client.get("/settings/").content.decode()
    make_checkin(user, timezone.now().date())
    assert "checked in today" not in logged_in_client.get("/settings/").content.decode()


def test_daily_reminder_can_be_turned_off(logged_in_client, user):
    user.profile.show_reminder = False
    user.profile.save()
    assert "checked in today" not in logged_in_client.get("/settings/").content.decode()


def test_the_reminder_line_says_when_only_water_is_logged(logged_in_client, user):
    logged_in_client.post(reverse("tracker:add_water"))
    html = logged_in_client.get("/settings/").content.decode()
    assert "Only water logged today so far" in html
    CheckIn.objects.filter(user=user).update(discomfort=3)
    assert "Only water logged" not in logged_in_client.get("/settings/").content.decode()


def test_home_shows_a_partly_logged_day_with_what_is_missing(logged_in_client, user):
    CheckIn.objects.create(user=user, date=timezone.now().date(), discomfort=7)
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "Partly logged today" in html
    assert "Not logged: Stress, posture, exercise, water." in html
    assert "<dd>7/10</dd>" in html
