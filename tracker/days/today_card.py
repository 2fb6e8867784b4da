"""What home's today card shows (templates/tracker/partials/today_card.html): on home and as the
answer to each water tap.

Its three sentences with values in them (the day, exercise against its goal, water against its
goal) are worded here rather than by {% blocktranslate %}, which renders its values, trims its
text and looks its translation up again on every card: those three were two fifths of drawing
the card. Each is worded and escaped exactly as the tag did (the same messages, each value
localised and escaped, the translation as it is); tests/views/test_today_card.py compares both."""

import datetime as dt

from django.utils.formats import localize
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tracker.dates import day_name
from tracker.days import checkins, day_summary
from tracker.models import CheckIn


def card_context(user, today: dt.date, checkin: CheckIn | None) -> dict:
    profile = user.profile
    water = checkins.water_status(checkin, profile=profile)
    exercise_minutes = checkin.exercise_minutes if checkin is not None else None
    return {
        "today": today,
        "today_checkin": checkin,
        "today_heading": _worded(gettext("Today, %(day)s"), day=day_name(today)),
        "today_summary": day_summary.describe_day(
            checkin, date=today, water_unit=profile.water_unit
        ),
        "water": water,
        "water_line": _worded(
            gettext('Water: <strong id="water-today">%(total)s</strong> of %(goal)s'),
            total=water.text,
            goal=water.goal_text,
        ),
        "exercise_line": None
        if exercise_minutes is None
        else _worded(
            gettext("Exercise: <strong>%(minutes)s min</strong> of %(goal)s"),
            minutes=exercise_minutes,
            goal=profile.exercise_goal_minutes,
        ),
        "exercise_goal_reached": exercise_minutes is not None
        and exercise_minutes >= profile.exercise_goal_minutes,
    }


def _worded(sentence: str, **values) -> SafeString:
    """As {% blocktranslate %} puts values in its translation: each localised and escaped,
    the translation itself as it is."""
    return mark_safe(sentence % {name: escape(localize(value)) for name, value in values.items()})
