"""What care prompts say by default, filled in for a country: how to get there, the safety
nets, and each country's own words."""

import pytest

from tracker.care import countries
from tracker.care.redflags import EMERGENCY, RULES, SOON, URGENT
from tracker.care.wording import (
    AMBULANCE,
    RULE_WORDING,
    TIER_ADVICE,
    TIER_HEADLINES,
    advice_key,
)


def filled(text: str, country: str) -> str:
    return countries.fill(text, countries.CONTACTS[country])


# --- how to get there ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["chest_pain"], AMBULANCE),
        (["major_injury"], AMBULANCE),
        (["saddle_numbness", "chest_pain"], AMBULANCE),  # one needing an ambulance is enough
        (["saddle_numbness"], EMERGENCY),
        (["bladder_bowel", "sexual_dysfunction", "both_legs"], EMERGENCY),
    ],
)
def test_an_emergency_after_a_serious_accident_or_with_chest_pain_calls_an_ambulance(
    codes, expected
):
    assert advice_key(EMERGENCY, codes) == expected


@pytest.mark.parametrize("tier", [URGENT, SOON])
def test_other_tiers_keep_their_own_advice(tier):
    codes = [rule.code for rule in RULES if rule.tier == tier]
    assert advice_key(tier, codes) == tier


def test_the_ambulance_advice_says_not_to_be_driven():
    advice = filled(TIER_ADVICE[AMBULANCE], "GB")
    assert "Call 999 now and ask for an ambulance" in advice
    assert "don't drive yourself or ask someone to drive you" in advice
    assert "take you" not in advice
    assert filled(TIER_HEADLINES[AMBULANCE], "GB") == "Call 999 for an ambulance now"


def test_the_other_emergencies_may_still_be_driven_in():
    assert "get someone to take you to the emergency department" in TIER_ADVICE[EMERGENCY]


# --- safety nets ---------------------------------------------------------------------------


def test_the_soon_advice_gives_the_numbers_to_call():
    advice = filled(TIER_ADVICE[SOON], "GB")
    assert "problems peeing or pooing, or weakness in both legs, call 999 straight away" in advice
    assert "contact NHS 111" in advice
    assert "get help straight away" not in advice


def test_the_urgent_safety_net_lists_sexual_problems_with_bladder_and_bowel():
    advice = TIER_ADVICE[URGENT]
    net = advice[advice.index("If you get numbness") :]
    assert "problems peeing or pooing" in net
    assert "erections, ejaculation or feeling during sex" in net
    assert "call {emergency_number} straight away" in net


@pytest.mark.parametrize("code", ["fever", "fever_infection_risk"])
def test_a_fever_prompt_says_when_to_call_the_emergency_number(code):
    text = filled(RULE_WORDING[code].explanation, "AU")
    assert "If you feel very unwell, call 000." in text


def test_a_minor_knock_says_when_to_get_help_sooner():
    text = filled(RULE_WORDING["injury"].explanation, "NZ")
    assert "next few days" in text and "Healthline on 0800 611 116 today" in text


def test_one_leg_and_both_legs_are_told_apart():
    assert "one leg" in RULE_WORDING["legs_getting_worse"].explanation
    assert "both legs" in RULE_WORDING["both_legs"].explanation
    assert "trouble walking" in RULE_WORDING["both_legs"].explanation


# --- each country's own words -------------------------------------------------------------

SOON_TEXTS = [
    TIER_HEADLINES[SOON],
    TIER_ADVICE[SOON],
    RULE_WORDING["activities_stopped"].explanation,
    RULE_WORDING["struggling_to_cope"].explanation,
]


@pytest.mark.parametrize("country", ["US", "CA", "PR"])
@pytest.mark.parametrize("text", SOON_TEXTS)
def test_north_america_says_physical_therapist(country, text):
    assert "physical therapist" in filled(text, country)
    assert "physiotherapist" not in filled(text, country)


@pytest.mark.parametrize("country", ["GB", "IE", "AU", "NZ"])
@pytest.mark.parametrize("text", SOON_TEXTS)
def test_elsewhere_it_says_physiotherapist(country, text):
    assert "a physiotherapist" in filled(text, country)
    assert "{physio}" in text  # never written out in the wording itself


@pytest.mark.parametrize("country", list(countries.CONTACTS))
def test_struggling_to_cope_leads_with_the_line_to_talk_to(country):
    text = filled(RULE_WORDING["struggling_to_cope"].explanation, country)
    contacts = countries.CONTACTS[country]
    assert text.index(contacts.mental_health) < text.index(contacts.routine_care)
    assert text.index(contacts.mental_health) < text.index(contacts.physio)


@pytest.mark.parametrize("country", ["PR", "GU", "VI", "AS", "MP", "UM"])
def test_us_territories_call_911(country):
    contacts = countries.contacts_for(country)
    assert (contacts.emergency_number, contacts.emergency_words) == ("911", "911")
    assert contacts.country == country


@pytest.mark.parametrize("country", ["DE", "FR", ""])
def test_a_country_not_in_the_table_says_your_local_emergency_number(country):
    contacts = countries.contacts_for(country)
    assert contacts.emergency_number == "112"  # the number a phone can dial
    assert countries.fill(TIER_HEADLINES[EMERGENCY], contacts) == (
        "Call your local emergency number (112 works from most mobile phones) or go to the "
        "emergency department now"
    )


def test_the_uk_urgent_line_reads_right_in_all_four_nations():
    urgent = filled(TIER_ADVICE[URGENT], "GB")
    assert "NHS 111 (call 111) in England, Scotland and Wales" in urgent
    assert "GP out-of-hours service in Northern Ireland" in urgent


def test_every_placeholder_is_filled_for_every_country():
    for code in [*countries.CONTACTS, "", "DE"]:
        contacts = countries.contacts_for(code)
        for text in [*TIER_ADVICE.values(), *TIER_HEADLINES.values(),
                     *(w.explanation for w in RULE_WORDING.values())]:  # fmt: skip
            assert "{" not in countries.fill(text, contacts), (code, text)


@pytest.mark.parametrize(
    "migration, name, key",
    [
        (
            "0023_import_drafts_and_past_emergency_wording",
            "PAST_EMERGENCY_ADVICE",
            "emergency_past",
        ),
        ("0024_past_urgent_wording", "PAST_URGENT_ADVICE", "urgent_past"),
    ],
)
def test_each_past_advice_migration_carries_the_codes_own_words(migration, name, key):
    import importlib

    from tracker.care.wording import TIER_ADVICE

    copy = getattr(importlib.import_module(f"tracker.migrations.{migration}"), name)
    assert copy == TIER_ADVICE[key]
