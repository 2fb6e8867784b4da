"""The guide leads with "When to get help" (tracker.guide.get_help): the emergency signs in the
care prompts' words, with the person's own numbers, signed in or out, and a link to the full
section; then the sections."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_user
from tracker.care import countries, redflags
from tracker.care.wording import AMBULANCE, RULE_WORDING, TIER_HEADLINES
from tracker.guide import get_help
from tracker.models import GuideSection

pytestmark = pytest.mark.django_db


def _guide(client) -> str:
    return client.get(reverse("tracker:guide")).content.decode()


def _summary(html: str) -> str:
    return html.split('id="get-help"', 1)[1].split("</section>", 1)[0]


def test_the_summary_comes_before_the_contents_and_every_section(client):
    html = _guide(client)
    summary_at = html.index('id="get-help"')
    assert summary_at < html.index('id="toc-heading"')
    for section in GuideSection.objects.all():
        assert summary_at < html.index(f'id="{section.slug}"')
    # The first <section> of the guide, and the first entry of its contents.
    article = html.split('<article class="guide">', 1)[1]
    assert re.search(r"<section[^>]*>", article)[0].count('id="get-help"') == 1
    assert re.search(r"<ol><li><a href=\"([^\"]+)\">([^<]+)<", article).groups() == (
        "#get-help",
        "When to get help",
    )


def test_a_person_in_the_uk_sees_999_and_the_link_to_the_full_section(client):
    client.force_login(make_user("uk", country="GB"))
    summary = _summary(_guide(client))
    assert "Call 999 or go to the emergency department now" in summary
    assert "Call 999 for an ambulance now" in summary
    assert 'href="tel:999"' in summary
    assert "Get an urgent appointment with a doctor today" in summary
    assert "For example, a high temperature with back pain, weight loss" in summary
    assert "NHS 111" in summary and "Samaritans on 116 123" in summary
    assert 'href="/guide/when-to-seek-help/"' in summary
    assert "112" not in summary


def test_every_emergency_sign_is_listed_in_the_rules_own_words(client):
    summary = _summary(_guide(client))
    emergency = [rule.code for rule in redflags.RULES if rule.tier == redflags.EMERGENCY]
    assert len(emergency) >= 6
    for code in emergency:
        assert RULE_WORDING[code].title.replace("'", "&#x27;") in summary, code


def test_the_urgent_examples_are_urgent_rules():
    for code in get_help.URGENT_EXAMPLES:
        assert redflags.RULES_BY_CODE[code].tier == redflags.URGENT, code


@pytest.mark.parametrize(
    ("country", "number", "urgent"),
    [("US", "911", "an urgent care center"), ("AU", "000", "healthdirect on 1800 022 222")],
)
def test_each_country_gets_its_own_numbers(client, country, number, urgent):
    client.force_login(make_user(f"p{country}", country=country))
    summary = _summary(_guide(client))
    assert f'href="tel:{number}"' in summary
    assert countries.fill(TIER_HEADLINES[AMBULANCE], countries.contacts_for(country)) in summary
    assert urgent in summary
    assert "Away from home? Call the local emergency number." in summary


def test_signed_out_the_default_numbers_and_the_numbers_of_the_usual_countries(client):
    summary = _summary(_guide(client))
    assert 'href="tel:112"' in summary
    assert countries.DEFAULT.emergency_words in summary
    assert countries.NUMBERS_WHEN_UNSET in summary
    assert "Set your country" not in summary  # nothing to set while signed out


def test_signed_out_the_deployments_default_country_is_used(client, settings):
    settings.BACKHABITS_DEFAULT_COUNTRY = "GB"
    summary = _summary(_guide(client))
    assert 'href="tel:999"' in summary
    assert countries.NUMBERS_WHEN_UNSET not in summary


def test_signed_in_without_a_country_the_summary_asks_for_it(client):
    client.force_login(make_user("nowhere"))
    summary = _summary(_guide(client))
    assert countries.NUMBERS_WHEN_UNSET in summary
    assert f'href="{reverse("tracker:settings")}#id_country"' in summary
