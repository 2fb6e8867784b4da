"""checkins.previous_habits reads its row with a plain query: it must find exactly the row the
ORM query it replaced found, whatever days, users and gaps lie around it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q

from tests.factories import make_checkin
from tracker.days import checkins
from tracker.models import CheckIn

DAY = dt.date(2026, 3, 10)


def _as_the_orm_found_it(user, date: dt.date, day: CheckIn | None):
    habits = [n for n in checkins.COPIED_HABITS if not (n == "water_ml" and day and day.water_ml)]
    logged = Q()
    for name in habits:
        logged |= Q(**{f"{name}__isnull": False})
    row = (
        CheckIn.objects.filter(logged, user=user, date__lt=date)
        .order_by("-date")
        .values("date", *habits)
        .first()
    )
    if row is None:
        return None
    values = {name: row[name] for name in habits if row[name] is not None}
    return checkins.PreviousHabits(date=row["date"], values=values)


@pytest.mark.django_db
def test_the_plain_read_finds_what_the_orm_query_found(user, other_user):
    nothing = {"posture": None, "exercise_minutes": None, "water_ml": None}
    make_checkin(other_user, DAY - dt.timedelta(days=1), posture=5, water_ml=900)
    make_checkin(user, DAY - dt.timedelta(days=1), **nothing, discomfort=4)  # no habits
    make_checkin(user, DAY - dt.timedelta(days=2), **{**nothing, "water_ml": 600})  # water only
    make_checkin(user, DAY - dt.timedelta(days=5), posture=2, exercise_minutes=0, water_ml=None)
    make_checkin(user, DAY + dt.timedelta(days=1), posture=4)  # later: never offered
    tapped = make_checkin(user, DAY, **{**nothing, "water_ml": 250})
    cases = [
        (DAY, None),
        (DAY, tapped),  # water tapped today: only the other habits count
        (DAY - dt.timedelta(days=2), None),
        (DAY - dt.timedelta(days=5), None),  # nothing earlier
        (DAY + dt.timedelta(days=2), None),
    ]
    for date, day in cases:
        assert checkins.previous_habits(user=user, date=date, day=day) == _as_the_orm_found_it(
            user, date, day
        )
    found = checkins.previous_habits(user=user, date=DAY, day=tapped)
    assert found == checkins.PreviousHabits(
        date=DAY - dt.timedelta(days=5), values={"posture": 2, "exercise_minutes": 0}
    )
    assert checkins.previous_habits(user=user, date=DAY, day=None).values == {"water_ml": 600}
    assert checkins.previous_habits(user=user, date=DAY - dt.timedelta(days=5), day=None) is None


# --- "Same as yesterday" drawn once for each day it offers (pages.same_as_previous_html) -----

# The panel's block as it was before it moved to its own partial.
_PANEL_BLOCK = """{% load i18n l10n %}<div class="same-as">
        <button type="submit" name="fill" value="habits" class="button button-secondary" data-fill-habits
                {% for name, value in previous.values.items %} data-{{ name }}="{{ value|unlocalize }}"{% endfor %}
                aria-describedby="same-as-summary">{{ previous.label }}</button>
        <p class="small" id="same-as-summary">{% if "water_ml" in previous.values %}{% blocktranslate trimmed with summary=previous.summary %}Fills in posture, exercise and water: {{ summary }}. Never discomfort, stress or symptoms.{% endblocktranslate %}{% else %}{% blocktranslate trimmed with summary=previous.summary %}Fills in posture and exercise: {{ summary }}. Never discomfort, stress or symptoms.{% endblocktranslate %}{% endif %}</p>
        <p class="visually-hidden" role="status" id="same-as-status"></p>
      </div>
"""  # noqa: E501

OFFERS = [
    {"label": "Same as yesterday", "values": {"posture": 3, "exercise_minutes": 30},
     "summary": "posture 3/5 · exercise 30 min"},
    {"label": "Same as yesterday", "values": {"posture": 3, "exercise_minutes": 30,
     "water_ml": 2000}, "summary": "posture 3/5 · exercise 30 min · water 2,000 ml"},
    {"label": "Same as Monday 1 March", "values": {"posture": 4, "exercise_minutes": 0,
     "water_ml": Decimal("67.6")}, "summary": "posture 4/5 · exercise 0 min · water 67.6 fl oz"},
    {"label": "Same as <b>yesterday</b>", "values": {"posture": 5}, "summary": "a & b"},
]  # fmt: skip


def test_same_as_yesterday_is_drawn_as_the_panel_drew_it_for_every_offer(monkeypatch):
    from django.template import engines
    from django.utils import translation

    from tracker.days import pages
    from tracker.kept import Kept

    monkeypatch.setattr(pages, "SAME_AS_DRAWN", Kept(100))
    before = engines["django"].from_string(_PANEL_BLOCK)
    drawn = []
    for language in ("en", "es", "en"):
        with translation.override(language):
            for offer in [*OFFERS, *reversed(OFFERS)]:
                drawn.append(pages.same_as_previous_html(offer))
                assert drawn[-1] == before.render({"previous": offer})
    assert pages.same_as_previous_html(None) == ""
    assert 'data-water_ml="67.6"' in drawn[2] and "&lt;b&gt;yesterday" in drawn[3]
    assert len(set(drawn)) == len(pages.SAME_AS_DRAWN._items) == 2 * len(OFFERS)
