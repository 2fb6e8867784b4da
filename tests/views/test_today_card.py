"""Home's today card has its three sentences with values worded in Python
(tracker.days.today_card): the card is the markup the template drew with {% blocktranslate %},
in both languages, for every kind of day, unit and flag."""

import datetime as dt
from decimal import Decimal
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


# --- the card drawn once for each way it looks (today_card.card_html, DRAWN) ----------------


@pytest.fixture
def kept(monkeypatch):
    from tracker.days import today_card
    from tracker.kept import Kept

    store = Kept(1000)
    monkeypatch.setattr(today_card, "DRAWN", store)
    return store


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_kept_card_is_what_the_page_draws_afresh_for_every_day(user, kept, language):
    """card_html against the template drawn with the page's whole context (the request's
    own token included): the card reads nothing else, and a kept card is never another's."""
    from tracker.csrf import token_for
    from tracker.days.today_card import card_html

    template = get_template("tracker/partials/today_card.html")
    states = []
    for unit in ("ml", "oz"):
        for values in DAYS:
            for flags in ({}, FLAGS, {"water_error": "Too <much>"}):
                states.append((unit, values, flags))
    drawn = []
    with translation.override(language):
        for unit, values, flags in [*states, *reversed(states)]:
            user.profile.water_unit = unit
            checkin = None if values is None else CheckIn(user=user, date=TODAY, **values)
            context = card_context(user, TODAY, checkin) | flags
            request = _request(user)
            card = card_html(request, context)
            assert card == template.render(context, request)
            drawn.append(card.replace(token_for(request), "token"))
    # Each day's card once, but a day with notes: drawn each time, never kept.
    with_notes = sum(1 for _, values, _ in states if values and values.get("notes"))
    assert len(set(drawn)) == len(states)
    assert len(kept._items) == len(states) - with_notes > 0


def test_a_days_notes_are_never_kept(user, kept):
    from tracker.days.today_card import card_html

    day = CheckIn(user=user, date=TODAY, discomfort=2, notes="Slept badly after the drive")
    card = card_html(_request(user), card_context(user, TODAY, day))
    assert "Slept badly after the drive" in card
    assert len(kept._items) == 0


def test_a_kept_card_follows_the_language_and_the_sites_address(user, kept):
    from django.urls import set_script_prefix

    from tracker.days.today_card import card_html

    context = card_context(user, TODAY, CheckIn(user=user, date=TODAY, water_ml=500))
    template = get_template("tracker/partials/today_card.html")
    try:
        for prefix, language in [("/", "en"), ("/", "es"), ("/app/", "en"), ("/", "en")]:
            set_script_prefix(prefix)
            with translation.override(language):
                request = _request(user)
                assert card_html(request, context) == template.render(context, request)
    finally:
        set_script_prefix("/")
    assert len(kept._items) == 3


def test_each_request_gets_its_own_token_in_a_kept_card(user, kept):
    from tracker.csrf import token_for
    from tracker.days.today_card import card_html

    context = card_context(user, TODAY, CheckIn(user=user, date=TODAY, water_ml=500))
    first, second = _request(user), _request(user)
    cards = [card_html(first, context), card_html(second, context)]
    assert len(kept._items) == 1
    assert token_for(first) in cards[0] and token_for(first) not in cards[1]
    assert token_for(second) in cards[1]


def test_home_shows_the_card_as_the_day_is_now(client, user):
    client.force_login(user)
    with translation.override("en"):
        before = client.get("/").content.decode()
        client.post("/water/add/")
        after = client.get("/").content.decode()
    assert '<strong id="water-today">0 ml</strong>' in before
    assert '<strong id="water-today">250 ml</strong>' in after


@pytest.mark.parametrize("language", ["en", "es"])
def test_home_reads_its_week_as_day_answers_with_the_card_a_whole_day_gives(user, language):
    """Home reads its week as tracker.days.checkins.DayAnswers, not whole instances: for each
    kind of day (every answer, sleep and waking, ticked entries of both lists, notes, a water
    tap to undo), today's card and the week's strip say what they say of the whole day."""
    from tests.factories import make_checkin
    from tracker.days import checkins, week_strip
    from tracker.models import TrackedItem

    relief = TrackedItem.objects.create(user=user, kind="relief", name="Ibuprofen")
    factor = TrackedItem.objects.create(user=user, kind="factor", name="Long drive")
    today = TODAY
    full = {
        "sleep_hours": Decimal("6.5"), "woke_from_pain": True, "symptoms": ["fever"],
        "rest_day": True, "item_ids": [relief.pk, factor.pk], "notes": "stiff", "peg_pain": 4,
        "peg_enjoyment": 3, "peg_activity": 5,
    }  # fmt: skip
    nothing = dict.fromkeys(("posture", "exercise_minutes", "water_ml", "stress", "discomfort"))
    for offset, day in enumerate([*DAYS[1:], full]):
        make_checkin(user, today - dt.timedelta(days=offset), **{**nothing, **day})
    CheckIn.objects.filter(user=user, date=today).update(water_last_tap_ml=250)
    with translation.override(language):
        read = checkins.recent_days(user=user, today=today)
        whole = [
            checkins.DaySummary(day.date, CheckIn.objects.filter(user=user, date=day.date).first())
            for day in read
        ]
        assert [type(day.checkin) for day in read] == [checkins.DayAnswers] * 7
        for answers, day in zip(read, whole, strict=True):
            # The card asks of the day itself only whether there is one (today_card._SHOWN).
            shown = card_context(user, day.date, answers.checkin)
            expected = card_context(user, day.date, day.checkin)
            assert shown.pop("today_checkin") is not None and expected.pop("today_checkin")
            assert shown == expected, day.date
        assert week_strip.week_items(read) == week_strip.week_items(whole)
        assert [checkins.has_checked_in(day.checkin) for day in read] == [
            checkins.has_checked_in(day.checkin) for day in whole
        ]


# --- home's card kept under the day as stored (today_card.home_card_html, FROM_DAY) -----------

A_DAY = {
    "posture": 4, "exercise_minutes": 20, "water_ml": 1500, "stress": 2, "discomfort": 3,
    "symptoms": [], "notes": "", "rest_day": False, "sleep_hours": None,
    "woke_from_pain": None, "item_ids": [], "peg_pain": None, "water_last_tap_ml": None,
}  # fmt: skip
# Each a change the card shows, one input at a time.
DAY_CHANGES = [
    {"posture": 5}, {"exercise_minutes": 25}, {"water_ml": 1750}, {"stress": 3},
    {"discomfort": 4}, {"symptoms": ["fever"]}, {"rest_day": True},
    {"sleep_hours": Decimal("7.5")}, {"woke_from_pain": True}, {"water_last_tap_ml": 250},
    {"posture": None, "exercise_minutes": None, "stress": None, "discomfort": None},
]  # fmt: skip
SETTING_CHANGES = [
    {"water_unit": "oz"}, {"water_goal_ml": 2500}, {"exercise_goal_minutes": 45},
    {"language": "es"}, {"prefix": "/app/"}, {"today": TODAY + dt.timedelta(days=1)},
]  # fmt: skip


@pytest.fixture
def kept_from_day(monkeypatch, kept):
    from tracker.days import today_card
    from tracker.kept import Kept

    store = Kept(1000)
    monkeypatch.setattr(today_card, "FROM_DAY", store)
    return store


def _answers(user, today, values):
    from tracker.days.checkins import DayAnswers

    return None if values is None else DayAnswers(date=today, user_id=user.pk, **values)


def test_homes_card_kept_under_the_stored_day_is_the_card_drawn_afresh(user, kept_from_day):
    """Every input of the card changed one at a time, there and back: each view's card is the
    template drawn from card_context now, so a key missing any input would hand back another
    state's card. Every state is kept once."""
    from django.urls import set_script_prefix

    from tracker.csrf import token_for
    from tracker.days.today_card import home_card_html

    settings = {"water_unit": "ml", "water_goal_ml": 2000, "exercise_goal_minutes": 30,
                "language": "en", "prefix": "/", "today": TODAY}  # fmt: skip
    states = [(settings, None), (settings, A_DAY)]
    states += [(settings, A_DAY | change) for change in DAY_CHANGES]
    states += [(settings | change, A_DAY) for change in SETTING_CHANGES]
    states.append((settings | SETTING_CHANGES[-1], None))  # a new day with nothing logged yet
    template = get_template("tracker/partials/today_card.html")
    drawn = []
    try:
        for state, values in [*states, *reversed(states)]:
            profile = user.profile
            profile.water_unit = state["water_unit"]
            profile.water_goal_ml = state["water_goal_ml"]
            profile.exercise_goal_minutes = state["exercise_goal_minutes"]
            set_script_prefix(state["prefix"])
            answers = _answers(user, state["today"], values)
            with translation.override(state["language"]):
                request = _request(user)
                card = home_card_html(request, state["today"], answers)
                expected = template.render(card_context(user, state["today"], answers), request)
            assert card == expected, (state, values)
            drawn.append(card.replace(token_for(request), "token"))
    finally:
        set_script_prefix("/")
    assert len(set(drawn)) == len(states)
    assert len(kept_from_day._items) == len(states)


def test_people_with_the_same_day_and_goals_share_one_card(user, other_user, kept_from_day):
    from tracker.csrf import token_for
    from tracker.days.today_card import home_card_html

    cards = []
    for person in (user, other_user):
        request = _request(person)
        card = home_card_html(request, TODAY, _answers(person, TODAY, A_DAY))
        cards.append(card.replace(token_for(request), "token"))
    assert len(kept_from_day._items) == 1
    assert cards[0] == cards[1]


def test_a_day_with_notes_or_ticked_entries_is_worded_each_time(user, kept_from_day):
    """Notes are never kept; an entry can be renamed under the same id, and the card then says
    its new name."""
    from tracker.days.today_card import home_card_html
    from tracker.models import TrackedItem

    relief = TrackedItem.objects.create(user=user, kind="relief", name="Ibuprofen")
    with_notes = _answers(user, TODAY, A_DAY | {"notes": "Slept badly after the drive"})
    assert "Slept badly after the drive" in home_card_html(_request(user), TODAY, with_notes)
    ticked = _answers(user, TODAY, A_DAY | {"item_ids": [relief.pk]})
    assert "Ibuprofen" in home_card_html(_request(user), TODAY, ticked)
    relief.name = "Paracetamol"
    relief.save()
    card = home_card_html(_request(user), TODAY, ticked)
    assert "Paracetamol" in card and "Ibuprofen" not in card
    assert len(kept_from_day._items) == 0


def test_home_shows_the_goals_as_they_are_now(client, user):
    from tests.factories import make_checkin
    from tracker.dates import today_for

    make_checkin(user, today_for(user), water_ml=1500, exercise_minutes=20)
    client.force_login(user)
    with translation.override("en"):
        before = client.get("/").content.decode()
        user.profile.__class__.objects.filter(pk=user.profile.pk).update(
            water_goal_ml=2500, exercise_goal_minutes=45
        )
        after = client.get("/").content.decode()
    assert "of 2,000 ml" in before and "of 30" in before
    assert "of 2,500 ml" in after and "of 45" in after


def test_a_second_view_of_an_unchanged_day_finds_its_card_without_wording_it(
    client, user, kept_from_day, monkeypatch
):
    """Through home itself: the day read back from the database gives the same key each view,
    so only the first words the card; a change to the day words it again."""
    from tests.factories import make_checkin
    from tracker.dates import today_for
    from tracker.days import today_card

    worded = []
    real = today_card.card_context
    monkeypatch.setattr(
        today_card, "card_context", lambda *args: worded.append(args[2]) or real(*args)
    )
    make_checkin(user, today_for(user), water_ml=1500, sleep_hours=Decimal("7.5"), stress=2)
    client.force_login(user)
    pages = [client.get("/").content.decode() for _ in range(3)]
    assert len(worded) == 1 and len(kept_from_day._items) == 1
    assert "7.5" in pages[2] and 'id="water-today">1,500 ml' in pages[2]
    client.post("/water/add/")
    worded.clear()
    assert 'id="water-today">1,750 ml' in client.get("/").content.decode()
    assert len(worded) == 1 and len(kept_from_day._items) == 2


def test_a_kept_card_follows_the_number_format_settings(user, kept_from_day, settings):
    """The key holds the day's numbers, not their words: a change of how numbers are written
    (only ever under test) forgets what is kept."""
    from tracker.csrf import token_for
    from tracker.days.today_card import home_card_html

    day = _answers(user, TODAY, A_DAY | {"exercise_minutes": 1200})
    with translation.override("en"):
        settings.USE_THOUSAND_SEPARATOR = True
        request = _request(user)
        assert "1,200 min" in home_card_html(request, TODAY, day)
        settings.USE_THOUSAND_SEPARATOR = False
        request = _request(user)
        card = home_card_html(request, TODAY, day)
    assert "1200 min" in card and "1,200" not in card.replace(token_for(request), "")
