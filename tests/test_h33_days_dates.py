"""A day's words in the page's language: dates name their day and month in it, numbers are
written its way (units stay), and what is kept between requests is kept per language."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from tracker.dates import day_name
from tracker.days import units
from tracker.days.day_summary import describe_day
from tracker.days.measures import MEASURES_BY_KEY, value_words
from tracker.forms.long_select import LongSelect
from tracker.forms.places import country_choices
from tracker.models import CheckIn
from tracker.templatetags.backhabits import iso_day

MONDAY = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Monday 2 March"), ("es", "lunes 2 de marzo")]
)
def test_the_same_day_is_named_in_the_active_language(language, words):
    with translation.override(language):
        assert day_name(MONDAY) == words


def test_a_day_named_in_spanish_then_english_is_not_kept_in_the_first():
    with translation.override("es"):
        day_name(MONDAY)
    with translation.override("en"):
        assert day_name(MONDAY) == "Monday 2 March"
    with translation.override("es"):
        assert day_name(MONDAY) == "lunes 2 de marzo"


def test_a_named_day_is_kept_as_that_day_only():
    with translation.override("en"):
        assert day_name(MONDAY) == "Monday 2 March"
        assert day_name(MONDAY + dt.timedelta(days=1)) == "Tuesday 3 March"
        assert day_name(MONDAY + dt.timedelta(days=365)) == "Tuesday 2 March"


def test_evidence_dates_are_named_in_the_active_language():
    with translation.override("en"):
        assert iso_day("2026-11-21") == "Sat 21 Nov 2026"
    with translation.override("es"):
        assert iso_day("2026-11-21") == "sáb 21 Nov 2026"


@pytest.mark.parametrize(
    ("language", "ml", "oz"),
    [("en", "1,500 ml", "12.5 fl oz"), ("es", "1\xa0500 ml", "12,5 fl oz")],
)
def test_water_is_written_as_the_language_writes_numbers_with_its_unit_kept(language, ml, oz):
    with translation.override(language):
        assert units.format_water(1500, "ml") == ml
        assert units.format_water(units.oz_to_ml(Decimal("12.5")), "oz") == oz
        assert units.format_water(units.oz_to_ml(Decimal("8")), "oz") == "8 fl oz"


@pytest.mark.parametrize(
    ("language", "one", "many", "posture"),
    [
        ("en", "1 minute", "30 minutes", "4/5, mostly upright"),
        ("es", "1 minuto", "30 minutos", "4/5, casi siempre erguido"),
    ],
)
def test_a_days_values_in_words_agree_with_their_number(language, one, many, posture):
    with translation.override(language):
        assert value_words("exercise_minutes", 1, water_unit="ml") == one
        assert value_words("exercise_minutes", 30, water_unit="ml") == many
        assert value_words("posture", 4, water_unit="ml") == posture


def test_a_day_described_in_spanish():
    checkin = CheckIn(date=MONDAY, discomfort=3, sleep_hours=Decimal("1.5"), woke_from_pain=False)
    with translation.override("es"):
        described = describe_day(checkin, date=MONDAY, water_unit="ml")
        heading = MEASURES_BY_KEY["water_ml"].heading
    assert described.logged == [("Molestia", "3/10")]
    assert described.missing == ["Estrés", "Postura", "Ejercicio", "Agua"]
    assert ("Sueño", "1,5 horas") in described.more
    assert ("Despertó por dolor", "no") in described.more
    assert heading == "Agua (ml)"


def test_the_kept_list_of_options_is_one_per_language():
    """A FixedChoices writes its <option>s once and keeps them: the country list is kept per
    language, so a Spanish page never gets the English names kept by an earlier request."""
    with translation.override("en"):
        english = country_choices()
        english_html = LongSelect(choices=english).render("country", "ES")
    with translation.override("es"):
        spanish = country_choices()
        spanish_html = LongSelect(choices=spanish).render("country", "ES")
    assert english is not spanish
    assert ">Spain</option>" in english_html
    assert ">España</option>" in spanish_html
    with translation.override("en"):
        assert country_choices() is english


def test_the_periods_are_named_in_the_active_language():
    from tracker.ranges import RANGES, range_words

    with translation.override("es"):
        assert [str(period.label) for period in RANGES.values()] == [
            "7 días", "30 días", "90 días", "1 año", "Todo",
        ]  # fmt: skip
        assert str(range_words("365")) == "últimos 365 días"
    with translation.override("en"):
        assert str(range_words("365")) == "last 365 days"
