"""Every red-flag rule, in English and in Spanish, for each country: the prompt's tier and
headline in the person's language, the emergency number to call (a tel: link for an emergency,
the number said in the advice for every tier), and never a movement tip beside an open alert."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories import make_checkin, make_user
from tracker.care import countries, redflags
from tracker.care.said import wording_in
from tracker.care.wording import advice_key
from tracker.models import CareAlert

LANGUAGES = ["en", "es"]
# Country → the number dialled: a Spanish speaker in the US gets 911, as an English speaker does.
NUMBER = {"US": "911", "ES": "112", "MX": "911", "GB": "999", "": "112"}
# What an English page would say and a Spanish one must not (and the other way round).
NOT_IN = {
    "en": ("Llama al", "busca atención médica", "No estires"),
    "es": ("Call ", "get professional care", "Don't stretch", "Tell them what you noticed"),
}
RULES = [pytest.param(rule, id=rule.code) for rule in redflags.RULES]


def _today() -> dt.date:
    return timezone.now().date()


def _person(language: str, country: str):
    user = make_user("ana", language=language)
    user.profile.country = country
    user.profile.save()
    return user


def _alert(user, rule: redflags.Rule) -> CareAlert:
    day = _today()
    return CareAlert.objects.create(
        user=user, rule=rule.code, tier=rule.tier, last_evidence_date=day,
        evidence=[{"date": day.isoformat(), "answers": ["Discomfort 8 out of 10"]}],
    )  # fmt: skip


@pytest.mark.parametrize("country", list(NUMBER))
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rule", RULES)
def test_each_rules_prompt_in_each_language_and_country(client, db, rule, language, country):
    user = _person(language, country)
    _alert(user, rule)
    client.force_login(user)
    html = client.get(reverse("tracker:care")).content.decode()
    words = wording_in(language)
    contacts = countries.contacts_for(country, language)
    headline = countries.fill(words.headlines[advice_key(rule.tier, [rule.code])], contacts)
    assert f'class="care care-{rule.tier}"' in html
    assert escape(headline) in html
    assert escape(words.rules[rule.code].title) in html
    # The number to call, in the advice of every tier, and as the button for an emergency.
    assert NUMBER[country] in html
    if rule.tier == redflags.EMERGENCY:
        assert f'href="tel:{NUMBER[country]}"' in html
    assert all(
        f'href="tel:{number}"' not in html for number in set(NUMBER.values()) - {NUMBER[country]}
    )
    for english_or_spanish in NOT_IN[language]:
        assert english_or_spanish not in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rule", RULES)
def test_each_rules_compact_line_on_other_pages_in_each_language(client, db, rule, language):
    user = _person(language, "US")
    _alert(user, rule)
    client.force_login(user)
    html = client.get(reverse("tracker:guide")).content.decode()
    line = html.index(f'class="care-line care-{rule.tier}"')
    assert escape(wording_in(language).rules[rule.code].title) in html[line:]
    if rule.tier == redflags.EMERGENCY:
        assert 'href="tel:911"' in html[line:]
        headline = countries.fill(
            wording_in(language).headlines[advice_key(rule.tier, [rule.code])],
            countries.contacts_for("US", language),
        )
        assert escape(headline) in html[line:]
    notice = {"en": "You have an open care alert", "es": "Tienes un aviso de salud abierto"}
    assert notice[language] in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rule", RULES)
def test_no_movement_tip_beside_each_rules_open_alert(client, db, rule, language):
    user = _person(language, "GB")
    for n in range(2, 9):  # stress, posture and exercise reasons all fire
        make_checkin(user, _today() - dt.timedelta(days=n), posture=1, stress=9,
                     exercise_minutes=0, water_ml=100)  # fmt: skip
    _alert(user, rule)
    client.force_login(user)
    chosen = client.get(reverse("tracker:home")).context["chosen_tips"]
    assert all(item.tip.safe_beside_alert for item in chosen)
    if language == "en":  # English tips are always installed: the check is not vacuous
        assert chosen


@pytest.mark.parametrize(("language", "said"), [("en", "Call 911"), ("es", "Llamar al 911")])
def test_a_spanish_speaker_in_the_us_gets_911_in_their_language(client, db, language, said):
    user = _person(language, "US")
    _alert(user, redflags.RULES_BY_CODE["saddle_numbness"])
    client.force_login(user)
    html = client.get(reverse("tracker:care")).content.decode()
    assert 'href="tel:911"' in html and said in html
    if language == "es":
        assert "Llama al 911 o ve a urgencias ahora" in html
        assert "No estires, no hagas crujir ni manipules la espalda." in html
        assert "Molestia 8 de 10" in html  # the evidence, said in Spanish too


def test_without_a_country_spanish_names_spain_and_mexico(client, db):
    user = _person("es", "")
    _alert(user, redflags.RULES_BY_CODE["chest_pain"])
    client.force_login(user)
    html = client.get(reverse("tracker:care")).content.decode()
    assert "En España llama al 112; en México, al 911" in html
    assert 'href="tel:112"' in html
    assert "Llama al número local de emergencias (el 112 funciona" in html


def test_the_browsers_language_is_used_without_a_profile_language(client, db):
    user = _person("", "MX")
    _alert(user, redflags.RULES_BY_CODE["fever"])
    client.force_login(user)
    html = client.get(reverse("tracker:care"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Pide una cita urgente con un médico hoy" in html
    assert "Unidad de Medicina Familiar" in html and "911" in html
    english = client.get(reverse("tracker:care"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Get an urgent appointment with a doctor today" in english
