"""Care advice for the person's country: the right numbers, never another country's service."""

import pytest
from django.urls import reverse

from tests.factories import make_user
from tracker.care import countries
from tracker.models import Profile

# country: (the tel: number, words the urgent advice must carry)
EXPECTED = {
    "GB": ("999", "NHS 111 (call 111) in England, Scotland and Wales, or the GP out-of-hours"),
    "IE": ("112", "out-of-hours GP"),
    "US": ("911", "urgent care center"),
    "PR": ("911", "urgent care center"),  # a US territory: the US contacts
    "CA": ("911", "811, your province"),  # not "811" alone: a token on the page may hold it
    "AU": ("000", "healthdirect on 1800 022 222"),
    "NZ": ("111", "Healthline on 0800 611 116"),
    "DE": ("112", "a local urgent care service"),  # no table of its own: the default
    "": ("112", "a local urgent care service"),
}


def _post_symptoms(client, *symptoms):
    return client.post(reverse("tracker:checkin"), {"symptoms": list(symptoms), "discomfort": "4"})


@pytest.mark.parametrize("country", list(EXPECTED))
def test_the_emergency_page_calls_the_persons_country_number(client, db, country):
    person = make_user("ana", country=country)
    client.force_login(person)
    number, _urgent = EXPECTED[country]
    html = _post_symptoms(client, "saddle_numbness").content.decode()
    assert f'href="tel:{number}"' in html
    assert f"Call {number}" in html


@pytest.mark.parametrize("country", list(EXPECTED))
def test_urgent_advice_names_the_countrys_own_service_and_no_other(client, db, country):
    person = make_user("ana", country=country)
    client.force_login(person)
    _number, urgent = EXPECTED[country]
    html = _post_symptoms(client, "night_pain").content.decode()
    assert urgent in html
    others = {words for code, (_, words) in EXPECTED.items() if words != urgent} - {"NHS 111"}
    assert not any(words in html for words in others)
    assert "111 in England" not in html


def test_ireland_says_both_its_emergency_numbers(client, db):
    client.force_login(make_user("ana", country="IE"))
    html = _post_symptoms(client, "saddle_numbness").content.decode()
    assert "Call 112 or 999 or go to the emergency department now" in html


@pytest.mark.parametrize("symptom", ["chest_pain", "major_injury"])
def test_chest_pain_or_a_serious_accident_calls_an_ambulance(client, db, symptom):
    client.force_login(make_user("ana", country="US"))
    html = _post_symptoms(client, symptom).content.decode()
    assert "Call 911 for an ambulance now" in html
    assert "ask for an ambulance; don&#x27;t drive yourself" in html
    assert "get someone to take you" not in html


def test_other_emergencies_may_still_be_driven_in(client, db):
    client.force_login(make_user("ana", country="US"))
    html = _post_symptoms(client, "both_legs").content.decode()
    assert "Call 911 or go to the emergency department now" in html
    assert "for an ambulance" not in html


@pytest.mark.parametrize("country", ["DE", "BR"])
def test_a_country_without_a_table_says_the_local_number_and_does_not_ask_to_set_it(
    client, db, country
):
    client.force_login(make_user("ana", country=country))
    html = _post_symptoms(client, "saddle_numbness").content.decode()
    assert "Call your local emergency number (112 works from most mobile phones)" in html
    assert 'href="tel:112"' in html
    assert "Set your country" not in html


def test_the_us_says_physical_therapist(client, db):
    client.force_login(make_user("ana", country="US"))
    html = _post_symptoms(client, "struggling_to_cope").content.decode()
    assert "See your primary care doctor or a physical therapist in the next few days" in html
    assert "physiotherapist" not in html.split('id="care-soon-heading"', 1)[1].split("</h2>")[0]


def test_a_fever_on_a_day_without_a_score_is_urgent(client, db):
    client.force_login(make_user("ana", country="GB"))
    html = client.post(reverse("tracker:checkin"), {"symptoms": ["fever"]}).content.decode()
    assert "A high temperature with back pain" in html
    assert "Discomfort not logged" in html


def test_the_deployments_number_replaces_only_the_default(client, db, settings):
    settings.BACKHABITS_EMERGENCY_NUMBER = "999"
    client.force_login(make_user("ana", country=""))
    assert 'href="tel:999"' in _post_symptoms(client, "chest_pain").content.decode()
    client.force_login(make_user("bo", country="US"))
    assert 'href="tel:911"' in _post_symptoms(client, "chest_pain").content.decode()


def test_without_a_country_the_prompt_points_to_settings(client, db):
    client.force_login(make_user("ana", country=""))
    html = _post_symptoms(client, "chest_pain").content.decode()
    assert "Set your country" in html and "In the UK call 999" in html


def test_struggling_to_cope_points_to_the_countrys_line_to_talk_to(client, db):
    client.force_login(make_user("ana", country="AU"))
    html = _post_symptoms(client, "struggling_to_cope").content.decode()
    assert "Lifeline on 13 11 14" in html
    assert "See your GP or a physiotherapist in the next few days" in html


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("America/Toronto", "CA"),
        ("Australia/Sydney", "AU"),
        ("Europe/Berlin", "DE"),
        ("UTC", ""),
        ("", ""),
    ],
)
def test_sign_up_guesses_the_country_from_an_unambiguous_zone(client, db, zone, country):
    client.post(
        reverse("signup"),
        {
            "username": "newperson",
            "password1": "a-long-unusual-passphrase-42",
            "password2": "a-long-unusual-passphrase-42",
            "timezone": zone,
            "confirm_age": "on",
        },
    )
    assert Profile.objects.get(user__username="newperson").country == country


def test_sign_up_falls_back_to_the_deployments_default_country(settings):
    settings.BACKHABITS_DEFAULT_COUNTRY = "NZ"
    assert countries.guess_country("Etc/UTC") == "NZ"
    assert countries.guess_country("Europe/Dublin") == "IE"


def test_settings_set_the_country_and_refuse_an_unknown_one(logged_in_client, user):
    data = {"timezone": "UTC", "water_unit": "ml", "water_goal": "2000",
            "exercise_goal_minutes": "30", "reminder_time": "20:00"}  # fmt: skip
    response = logged_in_client.post(reverse("tracker:settings"), {**data, "country": "XX"})
    assert list(response.context["form"].errors) == ["country"]
    logged_in_client.post(reverse("tracker:settings"), {**data, "country": "NZ"})
    user.profile.refresh_from_db()
    assert user.profile.country == "NZ"


def test_placeholders_are_filled_and_a_stray_brace_is_harmless():
    text = "Call {emergency_number}, or {urgent_care}; {routine_care}. {number} {oops"
    filled = countries.fill(text, countries.CONTACTS["NZ"])
    assert filled == ("Call 111, or Healthline on 0800 611 116; your GP. 111 {oops")


def test_the_us_advice_says_physical_therapist_and_struggling_leads_with_988(client, db):
    client.force_login(make_user("ana", country="US"))
    html = _post_symptoms(client, "struggling_to_cope", "activities_stopped").content.decode()
    # The care prompt's own words (a tip beside it is the guide's, in one English for all).
    prompt = html[html.index('id="care-prompts"') : html.index('id="checkin-heading"')]
    assert "physiotherapist" not in prompt and "a physical therapist" in prompt
    assert prompt.index("988 Suicide") < prompt.index("Then see your primary care doctor")


def test_the_soon_advice_gives_the_emergency_and_urgent_numbers(client, db):
    client.force_login(make_user("ana", country="GB"))
    html = _post_symptoms(client, "cracking_pain").content.decode()
    assert "or weakness in both legs, call 999 straight away" in html
    assert "contact NHS 111 (call 111)" in html
