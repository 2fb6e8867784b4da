"""The Spanish care wording beside the English: the same keys, the same placeholders, each
language's contact words for every country with the numbers in one place, and editors'
rewordings kept to their own language."""

import re

import pytest
from django.utils import timezone, translation

from tracker.care import countries, redflags, shown, thresholds, wording, wording_es
from tracker.care.said import wording_in
from tracker.choices import Acknowledgement, Tier
from tracker.models import CareAlert, CareWording

PLACEHOLDER = re.compile(r"\{\w+\}")


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def test_every_english_key_has_spanish_wording_and_no_other():
    assert set(wording_es.RULE_WORDING) == set(wording.RULE_WORDING)
    assert set(wording_es.TIER_HEADLINES) == set(wording.TIER_HEADLINES)
    assert set(wording_es.TIER_ADVICE) == set(wording.TIER_ADVICE)


@pytest.mark.parametrize("code", sorted(wording.RULE_WORDING))
def test_each_rules_spanish_wording_keeps_the_english_placeholders(code):
    english, spanish = wording.RULE_WORDING[code], wording_es.RULE_WORDING[code]
    assert _placeholders(spanish.explanation) == _placeholders(english.explanation)
    assert _placeholders(spanish.title) == _placeholders(english.title)
    assert spanish.title and spanish.explanation and spanish.title != english.title


@pytest.mark.parametrize("key", sorted(wording.TIER_ADVICE))
def test_each_tiers_spanish_advice_keeps_the_english_placeholders(key):
    assert _placeholders(wording_es.TIER_ADVICE[key]) == _placeholders(wording.TIER_ADVICE[key])


@pytest.mark.parametrize("key", sorted(wording.TIER_HEADLINES))
def test_each_tiers_spanish_headline_keeps_the_english_placeholders(key):
    english, spanish = wording.TIER_HEADLINES[key], wording_es.TIER_HEADLINES[key]
    assert _placeholders(spanish) == _placeholders(english)


def test_the_past_event_headline_keeps_its_placeholder():
    assert _placeholders(wording_es.PAST_EVENT_HEADLINE) == {"{headline}"}
    assert shown.past_event_headline("Llama al 112 ahora", "es") == (
        "Si esto sigue pasando, llama al 112 ahora"
    )


def test_the_spanish_pattern_wording_says_the_thresholds_numbers():
    rules = wording_es.RULE_WORDING
    assert f"{thresholds.SEVERE_DISCOMFORT} o más" in rules["severe_three_days"].explanation
    assert "tres días seguidos" in rules["severe_three_days"].title  # SEVERE_CONSECUTIVE_DAYS 3
    assert "seis semanas" in rules["persistent_pain"].title  # PERSISTENT_MIN_SPAN_DAYS 42
    assert "dos tercios" in rules["persistent_pain"].explanation  # PERSISTENT_SHARE 2/3
    assert "cuatro semanas" in rules["age_persisting_pain"].title  # AGE_PAIN_MIN_SPAN_DAYS 28
    assert "30 %" in rules["worsening"].explanation  # WORSENING_MIN_RATIO 13/10
    assert f"{thresholds.LEG_SYMPTOM_DAYS} o más" in rules["leg_symptoms_persisting"].explanation


def test_a_threshold_spanish_cannot_say_fails_loudly():
    with pytest.raises(ValueError):
        wording_es._semanas(43)
    with pytest.raises(IndexError):
        wording_es._palabras(10)


@pytest.mark.parametrize("text", [
    *wording_es.TIER_ADVICE.values(), *wording_es.TIER_HEADLINES.values(),
    *(w.explanation for w in wording_es.RULE_WORDING.values()),
])  # fmt: skip
def test_spanish_wording_names_no_countrys_services_nor_a_diagnosis(text):
    for service in ("112", "911", "999", "061", "024", "urgencias del hospital", "IMSS", "NHS"):
        assert service not in text
    for diagnosis in ("cola de caballo", "cauda equina", "ciática", "fractura", "tumor", "infarto"):
        assert diagnosis not in text.lower()


@pytest.mark.parametrize("key", [redflags.EMERGENCY, wording.AMBULANCE, wording.PAST_EMERGENCY])
def test_spanish_emergency_advice_says_not_to_stretch_crack_or_manipulate(key):
    assert "No estires, no hagas crujir ni manipules la espalda." in wording_es.TIER_ADVICE[key]


@pytest.mark.parametrize("code", sorted(wording_es.RULE_WORDING))
def test_no_spanish_rule_wording_suggests_moving_the_back(code):
    text = wording_es.RULE_WORDING[code].explanation.lower()
    for tip in ("estira", "prueba a", "haz ejercicio", "muévete", "cruje tu", "ejercicios"):
        assert tip not in text


# --- the contacts: numbers in one place, words in each language --------------------------------


@pytest.mark.parametrize("language", countries.LANGUAGES)
def test_every_country_has_words_in_every_language(language):
    for country in ["", *countries.NUMBERS]:
        contacts = countries.contacts_for(country, language)
        assert (
            contacts.emergency_number
            == countries.NUMBERS.get(country, countries.DEFAULT_NUMBERS).emergency
        )
        assert contacts.urgent_care and contacts.routine_care and contacts.mental_health


def test_no_words_hold_a_number_of_their_own():
    """A number changes in NUMBERS alone: the words name it through a placeholder."""
    for language, table in countries.WORDS.items():
        for country, words in table.items():
            for text in (words.emergency_words, words.urgent_care, words.routine_care,
                         words.mental_health):  # fmt: skip
                # Names with a number in them ("NHS 111", "the 988 Suicide…") are names.
                digits = re.sub(r"\{\w+\}|NHS 111|9-8-8|988 Suicide|Línea 988", "", text)
                assert not re.search(r"\d{3}", digits), (language, country, text)


@pytest.mark.parametrize(
    ("country", "number", "spanish_words"),
    [
        ("ES", "112", ("centro de salud", "061", "024", "médico de familia")),
        ("MX", "911", ("Unidad de Medicina Familiar", "800 911 2000", "médico familiar")),
        ("US", "911", ("988", "atiende en español", "atención primaria")),
        ("GB", "999", ("NHS 111", "116 123")),
    ],
)
def test_spain_mexico_and_the_us_in_spanish(country, number, spanish_words):
    contacts = countries.contacts_for(country, "es")
    assert contacts.emergency_number == number
    said = " ".join((contacts.urgent_care, contacts.routine_care, contacts.mental_health))
    for words in spanish_words:
        assert words in said


def test_spain_and_mexico_in_english_too():
    spain, mexico = countries.contacts_for("ES", "en"), countries.contacts_for("MX", "en")
    assert spain.emergency_number == "112" and "024" in spain.mental_health
    assert mexico.emergency_number == "911" and "800 911 2000" in mexico.mental_health
    assert (
        "your family doctor" in spain.routine_care and "your family doctor" in mexico.routine_care
    )


def test_the_numbers_said_without_a_country_in_spanish_come_from_the_table():
    said = countries.numbers_when_unset("es")
    assert said.startswith("En España llama al 112; en México, al 911;")
    assert countries.numbers_when_unset("en") == countries.NUMBERS_WHEN_UNSET
    assert "España" not in countries.NUMBERS_WHEN_UNSET


def test_the_active_language_chooses_the_words_and_an_unknown_one_reads_english():
    with translation.override("es"):
        assert wording_in() is wording_in("es")
        assert countries.contacts_for("US").routine_care == "tu médico de atención primaria"
    with translation.override("en"):
        assert countries.contacts_for("US").routine_care == "your primary care doctor"
    assert wording_in("fr") is wording_in("en")
    assert wording_in("es-mx") is wording_in("es")


# --- editors' rewordings stay in their language --------------------------------------------------


def _night_pain_today(user) -> None:
    day = timezone.now().date()
    CareAlert.objects.create(
        user=user, rule="night_pain", tier=redflags.URGENT,
        last_evidence_date=day, evidence=[{"date": day.isoformat(), "answers": []}],
    )  # fmt: skip


def _prompt(user, language: str):
    with translation.override(language):
        [prompt] = shown.open_prompts(user)
    return prompt


def test_an_editors_spanish_rewording_changes_only_the_spanish_prompt(user):
    _night_pain_today(user)
    CareWording.objects.update_or_create(
        key="rule:night_pain", language="es",
        defaults={"text": "Texto del editor: llama al {emergency_number}."},
    )  # fmt: skip
    CareWording.objects.update_or_create(
        key="tier:urgent",
        language="es",
        defaults={"text": "Consejo del editor para {routine_care}."},
    )
    spanish, english = _prompt(user, "es"), _prompt(user, "en")
    assert (
        spanish.items[0].explanation == "Texto del editor: llama al número local de "
        "emergencias (el 112 funciona desde la mayoría de los móviles)."
    )
    assert spanish.advice == "Consejo del editor para un médico."
    assert english.items[0].explanation == wording.RULE_WORDING["night_pain"].explanation
    assert english.advice == countries.fill(
        wording.TIER_ADVICE[redflags.URGENT], countries.contacts_for("", "en")
    )


def test_an_editors_english_rewording_never_touches_the_spanish_prompt(user):
    _night_pain_today(user)
    # The English rows are the migrations' (0005 onwards): an editor changes one.
    CareWording.objects.filter(key="rule:night_pain", language="en").update(text="Editor's words.")
    assert _prompt(user, "en").items[0].explanation == "Editor's words."
    assert _prompt(user, "es").items[0].explanation == (
        wording_es.RULE_WORDING["night_pain"].explanation
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_tier_and_answer_is_said_as_its_choice_reads(language):
    """shown.tier_said and answer_said read the choices' labels from tracker.choices, in the
    active language, as the model's get_*_display gives them."""
    with translation.override(language):
        for tier in Tier.values:
            alert = CareAlert(tier=tier)
            assert shown.tier_said(alert) == shown.said(alert.get_tier_display()) != ""
        for answer in Acknowledgement.values:
            alert = CareAlert(acknowledgement=answer)
            assert shown.answer_said(alert) == shown.said(alert.get_acknowledgement_display())
            assert shown.answer_said(alert) != ""
        assert shown.answer_said(CareAlert(acknowledgement="")) == ""
        assert shown.tier_said(CareAlert(tier="retired-tier")) == "retired-tier"
    if language == "es":
        with translation.override("es"):
            assert shown.tier_said(CareAlert(tier=Tier.URGENT)) != "Urgent"
