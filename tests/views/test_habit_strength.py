"""Habit strength on the pages, rest days, and goals that feel reached."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.models import CheckIn
from tracker.trends import habits

HTMX = {"HX-Request": "true"}


def _today() -> dt.date:
    return timezone.now().date()


def _shown_percents(html: str) -> dict[str, int]:
    return {
        habit: int(percent)
        for habit, percent in re.findall(r'data-habit-strength="(\w+)">(\d+)%<', html)
    }


def _expected(user, days) -> dict[str, int]:
    logged = [
        habits.LoggedDay(c.date, c.water_ml, c.exercise_minutes, c.posture, c.rest_day)
        for c in CheckIn.objects.filter(user=user)
    ]
    start = _today() - dt.timedelta(days=days)
    result = habits.strengths(
        logged, goals=habits.Goals(2000, 30), away=frozenset(), start=start, end=_today()
    )
    return {habit: result.percent(habit) for habit in habits.HABITS}


def test_home_shows_each_habits_strength_as_a_whole_percent(logged_in_client, user):
    for n in range(20):
        make_checkin(user, _today() - dt.timedelta(days=n), water_ml=1500, posture=5)
    shown = _shown_percents(logged_in_client.get("/").content.decode())
    assert set(shown) == set(habits.HABITS)
    assert shown == _expected(user, 400)
    assert shown["checkin"] == round(100 * (1 - habits.M**20))
    assert shown["water"] == round(75 * (1 - habits.M**20))


def test_trends_draws_each_habits_strength_over_the_range(logged_in_client, user):
    for n in range(40):
        make_checkin(user, _today() - dt.timedelta(days=n))
    html = logged_in_client.get(reverse("tracker:trends") + "?range=30").content.decode()
    for habit in habits.HABITS:
        figure = re.search(rf'id="figure-strength-{habit}".*?</figure>', html, re.S).group(0)
        assert figure.count('class="chart-line"') == 1
        assert re.search(r'd="M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){29}"', figure)  # 30 days, unbroken
    assert _shown_percents(html) == _expected(user, 400)


def test_streaks_sit_next_to_a_gentler_figure(logged_in_client, user):
    for n in (0, 1, 2, 4, 6):
        make_checkin(user, _today() - dt.timedelta(days=n))
    html = logged_in_client.get(reverse("tracker:trends")).content.decode()
    assert re.search(r'data-recent="checkin">5\xa0of\xa07<', html)


# --- rest days ------------------------------------------------------------------------------


def test_a_rest_day_is_saved_and_alone_is_a_day(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"rest_day": "on"})
    checkin = CheckIn.objects.get(user=user)
    assert checkin.rest_day is True and checkin.exercise_minutes is None
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    assert "rest day" in html


def test_a_rest_day_freezes_the_exercise_strength_on_the_page(logged_in_client, user, monkeypatch):
    monkeypatch.setattr(first_week, "HABIT_STRENGTH_FROM", 1)  # not the first days' pacing
    make_checkin(user, _today() - dt.timedelta(days=1), exercise_minutes=30)
    make_checkin(user, _today(), exercise_minutes=0, rest_day=True)
    shown = _shown_percents(logged_in_client.get("/").content.decode())
    assert shown["exercise"] == round(100 * (1 - habits.M))


# --- goals that feel reached ------------------------------------------------------------------


def test_the_tap_that_reaches_the_water_goal_says_so_once(logged_in_client, user):
    user.profile.water_goal_ml = 500
    user.profile.save()
    first = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX).content.decode()
    assert "Water goal reached" not in first
    second = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX).content.decode()
    assert "Water goal reached" in second
    third = logged_in_client.post(reverse("tracker:add_water"), headers=HTMX).content.decode()
    assert "Water goal reached" not in third
    assert 'data-goal-done="water"' in logged_in_client.get("/").content.decode()


def test_a_check_in_that_reaches_a_goal_says_so(logged_in_client, user):
    html = logged_in_client.post(
        reverse("tracker:checkin"), {"exercise_minutes": "45", "water_ml": "100"}, headers=HTMX
    ).content.decode()
    assert "Exercise goal reached." in html and "Water goal reached." not in html
    again = logged_in_client.post(
        reverse("tracker:checkin"), {"exercise_minutes": "50"}, headers=HTMX
    ).content.decode()
    assert "Exercise goal reached." not in again
    assert 'data-goal-done="exercise"' in logged_in_client.get("/").content.decode()
