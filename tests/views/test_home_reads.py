"""The home page's own reads (issue 30): each gives what the ORM would have given."""

import datetime as dt
import re

from django.template.defaultfilters import date
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.models import AwayPeriod, CheckIn
from tracker.trends import dashboard, habits


def _today() -> dt.date:
    return timezone.now().date()


def _by_the_orm(user, today: dt.date) -> habits.Strengths:
    start = today - dt.timedelta(days=habits.WARM_UP_DAYS)
    logged = [
        habits.LoggedDay(c.date, c.water_ml, c.exercise_minutes, c.posture, c.rest_day)
        for c in CheckIn.objects.filter(user=user, date__range=(start, today))
    ]
    away = habits.away_dates(
        AwayPeriod.objects.filter(user=user).values_list("start", "end"), start=start, end=today
    )
    goals = habits.Goals(user.profile.water_goal_ml, user.profile.exercise_goal_minutes)
    return habits.strengths(logged, goals=goals, away=away, start=start, end=today)


def test_habit_strengths_read_only_the_persons_window_of_days(user, other_user):
    today = _today()
    # Just outside the window, another person's days, a rest day, nulls and a break away.
    make_checkin(user, today - dt.timedelta(days=habits.WARM_UP_DAYS + 1), posture=5)
    make_checkin(user, today - dt.timedelta(days=habits.WARM_UP_DAYS), water_ml=2500)
    for n in range(0, 60, 3):
        make_checkin(other_user, today - dt.timedelta(days=n), posture=5, water_ml=3000)
    for n in range(1, 40, 2):
        make_checkin(
            user,
            today - dt.timedelta(days=n),
            posture=None if n % 5 == 0 else 4,
            water_ml=None if n % 7 == 0 else 900,
            exercise_minutes=0 if n % 3 == 0 else 45,
            rest_day=n % 3 == 0,
        )
    AwayPeriod.objects.create(
        user=user, start=today - dt.timedelta(days=20), end=today - dt.timedelta(days=15)
    )
    shown = dashboard.habit_strengths(user, today=today)
    expected = _by_the_orm(user, today)
    assert shown.first == today  # home shows today's alone
    assert shown.scores == {habit: expected.scores[habit][-1:] for habit in habits.HABITS}
    assert 0 < shown.percent("exercise") < 100 and shown.percent("posture") > 0


def test_the_week_links_and_names_each_day_as_the_url_tag_and_date_filter_would(
    logged_in_client, user, monkeypatch
):
    monkeypatch.setattr(first_week, "WEEK_FROM", 1)  # the week, not the first days' pacing
    today = _today()
    make_checkin(user, today - dt.timedelta(days=2), discomfort=6)
    html = logged_in_client.get("/").content.decode()
    week = html[html.index('<ol class="week">') : html.index("</ol>")]
    expected = [
        (reverse("tracker:checkin_day", kwargs={"date": day}), date(day, "D"), date(day, "j M"))
        for day in (today - dt.timedelta(days=n) for n in range(7))
    ]
    shown = re.findall(
        r'<a href="([^"]+)">\s*<span class="day-name">([^<]+)</span>\s*'
        r'<span class="day-date">([^<]+)</span>',
        week,
    )
    assert shown == expected
    assert week.count("Not logged") == 6 and "Discomfort 6" in week
