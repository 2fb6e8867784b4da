"""What home's today card shows (templates/tracker/partials/today_card.html): on home and as the
answer to each water tap.

Its three sentences with values in them (the day, exercise against its goal, water against its
goal) are worded here rather than by {% blocktranslate %}, which renders its values, trims its
text and looks its translation up again on every card: those three were two fifths of drawing
the card. Each is worded and escaped exactly as the tag did (the same messages, each value
localised and escaped, the translation as it is); tests/views/test_today_card.py compares both.

The card drawn is kept in this process (DRAWN, card_html) under a digest of all it shows: its
sentences, the day described, the water, any message of a tap, the language and the site's
address; so home draws a day's card once until the day, the goals or the language change. A day
with notes is drawn each time. The CSRF token of its water buttons is put in for each request
(tracker.csrf.with_token).

Home also keeps the card under what it is drawn from (FROM_DAY, home_card_html): the day as
stored, the unit and goals it is measured against, the date, the language and the site's
address. A view of an unchanged day then skips wording it (card_context was about a tenth of
home)."""

import datetime as dt

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tracker.csrf import STAND_IN, with_token
from tracker.dates import day_name
from tracker.days import checkins, day_summary
from tracker.kept import Kept, digest
from tracker.links import page_address
from tracker.models import CheckIn

TEMPLATE = "tracker/partials/today_card.html"
# ~2 KB each: a card for each person's day as it last looked, in each language.
DRAWN = Kept(2000)
# Home's cards by what they are drawn from: the same entries as DRAWN, a second way in.
FROM_DAY = Kept(2000)
# What the card's template reads: card_context's, and a water tap's message.
_SHOWN = (
    "today_heading", "today_summary", "water", "water_line", "exercise_line",
    "exercise_goal_reached", "water_error", "water_goal_reached_now",
)  # fmt: skip


def card_context(user, today: dt.date, checkin: "CheckIn | checkins.DayAnswers | None") -> dict:
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


def card_html(request: HttpRequest, context: dict) -> SafeString:
    """The today card for card_context's `context` (with a water tap's `water_error` or
    `water_goal_reached_now`, if any), with this request's CSRF token; with DEBUG on (a
    template being edited) drawn every time."""
    return mark_safe(with_token(_drawn(context), request))


def _drawn(context: dict) -> str:
    """card_html's card, with the token's stand-in."""
    shown = {name: context.get(name) for name in _SHOWN}
    shown["today_checkin"] = context["today_checkin"] is not None  # only ever asked whether

    def draw() -> str:
        return render_to_string(TEMPLATE, {**shown, "csrf_token": STAND_IN})

    if shown["today_summary"].notes:
        # A day's notes are the person's own words: never kept (and seldom twice the same).
        return draw()
    seen = (*page_address(), *(shown[name] for name in sorted(shown)))
    return DRAWN.get_or_draw(digest(seen), draw)


def home_card_html(
    request: HttpRequest, today: dt.date, day: checkins.DayAnswers | None
) -> SafeString:
    """Home's today card for `day` as stored (recent_days' answers), as card_html draws it.
    A day with notes or with ticked entries of the person's own lists is worded each time: the
    notes are never kept, and an entry can be renamed under the same id."""
    user = request.user
    if day is not None and (day.notes or day.item_ids):
        return card_html(request, card_context(user, today, day))
    profile = user.profile
    # Everything card_context reads. The person is left out (only their entries' names,
    # excluded above, would need them), so people with the same day and goals share a card.
    stored = None if day is None else day._replace(user_id=None)
    drawn_from = (
        *page_address(), today, stored,
        profile.water_unit, profile.water_goal_ml, profile.exercise_goal_minutes,
    )  # fmt: skip
    drawn = FROM_DAY.get_or_draw(digest(drawn_from), lambda: _drawn(card_context(user, today, day)))
    return mark_safe(with_token(drawn, request))


@receiver(setting_changed)
def _forget_cards_by_day(**kwargs) -> None:
    # FROM_DAY's key holds the day's raw values, not their words: how numbers and dates are
    # written follows settings too (they change only under test).
    FROM_DAY.clear()
