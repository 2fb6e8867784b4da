"""checkins.previous_habits reads its row with a plain query: it must find exactly the row the
ORM query it replaced found, whatever days, users and gaps lie around it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q

from tests.factories import make_checkin
from tracker.choices import WaterUnit
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

MONDAY = dt.date(2027, 3, 1)


def _offer(**changes):
    from tracker.days import pages

    offer = {
        "date": MONDAY - dt.timedelta(days=1),
        "habits": (("posture", 3), ("exercise_minutes", 30)),
        "today": MONDAY,
        "yesterday": True,
        "water_unit": WaterUnit.MILLILITRES,
    }
    return pages.HabitsOffer(**{**offer, **changes})


# Each offer, and its words in English.
OFFERS = [
    (_offer(), "Same as yesterday", {"posture": 3, "exercise_minutes": 30},
     "3/5, mixed · 30 minutes"),
    (_offer(habits=(("posture", 3), ("exercise_minutes", 30), ("water_ml", 2000))),
     "Same as yesterday", {"posture": 3, "exercise_minutes": 30, "water_ml": 2000},
     "3/5, mixed · 30 minutes · 2,000 ml"),
    (_offer(date=MONDAY, today=MONDAY + dt.timedelta(days=3), yesterday=False,
            habits=(("posture", 4), ("exercise_minutes", 0), ("water_ml", 2000)),
            water_unit=WaterUnit.US_FLUID_OUNCES),
     "Same as Monday 1 March", {"posture": 4, "exercise_minutes": 0, "water_ml": Decimal("67.6")},
     "4/5, mostly upright · 0 minutes · 67.6 fl oz"),
    (_offer(date=MONDAY - dt.timedelta(days=3), today=MONDAY + dt.timedelta(days=400),
            yesterday=False, habits=(("posture", 5),)),
     "Same as Friday 26 February 2027", {"posture": 5}, "5/5, upright with regular breaks"),
]  # fmt: skip


def test_an_offers_words_are_its_label_values_and_summary():
    from tracker.days import pages

    for offer, label, values, summary in OFFERS:
        assert pages.offer_words(offer) == {"label": label, "values": values, "summary": summary}


def test_same_as_yesterday_is_drawn_as_the_panel_drew_it_for_every_offer(monkeypatch):
    from django.template import engines
    from django.utils import translation

    from tracker.days import pages
    from tracker.kept import Kept

    monkeypatch.setattr(pages, "SAME_AS_DRAWN", Kept(100))
    before = engines["django"].from_string(_PANEL_BLOCK)
    offers = [offer for offer, *_ in OFFERS]
    drawn = []
    for language in ("en", "es", "en"):
        with translation.override(language):
            for offer in [*offers, *reversed(offers)]:
                drawn.append(pages.same_as_previous_html(offer))
                assert drawn[-1] == before.render({"previous": pages.offer_words(offer)})
    assert pages.same_as_previous_html(None) == ""
    assert 'data-water_ml="67.6"' in drawn[2]
    assert len(set(drawn)) == len(pages.SAME_AS_DRAWN._items) == 2 * len(OFFERS)
    # The words as the partial shows them, escaped as the panel escaped them.
    words = {"label": "Same as <b>yesterday</b>", "values": {"posture": 5}, "summary": "a & b"}
    assert pages.same_as_drawing(words) == before.render({"previous": words})
    assert "&lt;b&gt;yesterday" in pages.same_as_drawing(words)


@pytest.mark.parametrize(
    "change",
    [
        {"date": MONDAY - dt.timedelta(days=2), "yesterday": False},
        {"habits": (("posture", 4), ("exercise_minutes", 30))},
        {"habits": (("posture", 3),)},
        {"today": MONDAY + dt.timedelta(days=400), "yesterday": False},
        {"yesterday": False},
        {"water_unit": WaterUnit.US_FLUID_OUNCES, "habits": (("water_ml", 2000),)},
    ],
)
def test_each_part_of_an_offer_draws_its_own(monkeypatch, change):
    from tracker.days import pages
    from tracker.kept import Kept

    monkeypatch.setattr(pages, "SAME_AS_DRAWN", Kept(100))
    first = _offer(habits=change["habits"]) if "water_unit" in change else _offer()
    changed = _offer(**change)
    drawn = pages.same_as_previous_html(first)
    other = pages.same_as_previous_html(changed)
    assert other == pages.same_as_drawing(pages.offer_words(changed)) != drawn
    assert pages.same_as_previous_html(first) == drawn


def test_the_kept_offers_are_forgotten_when_settings_change(settings):
    from tracker.days import pages

    pages.same_as_previous_html(_offer())
    assert pages.SAME_AS_DRAWN._items
    settings.USE_THOUSAND_SEPARATOR = not settings.USE_THOUSAND_SEPARATOR  # words follow it
    assert not pages.SAME_AS_DRAWN._items
