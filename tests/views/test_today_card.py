"""Home's today card has its three sentences with values worded in Python
(tracker.days.today_card): the card is the markup the template drew with {% blocktranslate %},
in both languages, for every kind of day, unit and flag."""

import datetime as dt
from pathlib import Path

import pytest
from django.template import engines
from django.template.loader import get_template
from django.test import RequestFactory
from django.utils import translation

from tracker.days.today_card import card_context
from tracker.models import CheckIn

# partials/today_card.html as it was before its sentences moved to Python.
_TEMPLATE = (Path(__file__).parent.parent / "data" / "today_card_template.html").read_text()
TODAY = dt.date(2026, 3, 2)  # handed to card_context only: it never meets the clock

DAYS = [
    None,  # nothing logged
    {"water_ml": 500},  # water only: started
    {"discomfort": 3},  # partly logged, no exercise
    {"discomfort": 3, "posture": 4, "exercise_minutes": 20, "water_ml": 1500, "stress": 0},
    {"discomfort": 0, "posture": 2, "exercise_minutes": 45, "water_ml": 2500, "stress": 9},
    {"exercise_minutes": 1200, "water_ml": 9750},  # values past a thousand
    {"exercise_minutes": 0, "notes": "<b>&</b>"},
]


FLAGS = {"water_error": "Too <much>", "water_goal_reached_now": True}  # a tap's answer


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("unit", ["ml", "oz"])
@pytest.mark.parametrize("flags", [{}, FLAGS])
def test_the_card_is_the_markup_the_template_drew(user, language, unit, flags):
    user.profile.water_unit = unit
    user.profile.exercise_goal_minutes = 30
    request = RequestFactory().get("/")
    request.user = user
    old, new = (
        engines["django"].from_string(_TEMPLATE),
        get_template("tracker/partials/today_card.html"),
    )
    with translation.override(language):
        for values in DAYS:
            checkin = None if values is None else CheckIn(user=user, date=TODAY, **values)
            context = card_context(user, TODAY, checkin) | flags | {"csrf_token": "token"}
            # What the template's exercise sentence read, which the card no longer needs.
            expected = old.render(context | {"exercise_goal": 30}, request)
            drawn = new.render(context, request)
            assert drawn == expected, values
            assert 'id="water-today"' in drawn


def test_the_sentences_say_the_days_own_figures(user):
    user.profile.exercise_goal_minutes = 30
    checkin = CheckIn(user=user, date=TODAY, exercise_minutes=1200, water_ml=750)
    with translation.override("es"):
        context = card_context(user, TODAY, checkin)
    assert "1200 min" in context["exercise_line"] and "30" in context["exercise_line"]
    assert "750" in context["water_line"]
    assert "2 de marzo" in context["today_heading"]
    assert card_context(user, TODAY, CheckIn(user=user, date=TODAY))["exercise_line"] is None
