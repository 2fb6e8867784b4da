"""The guide, its sections, the tips page and the tips chosen for a person, in Spanish (issue 33):
each page reads the rows of the page's language (Accept-Language, or the person's setting), none
of the English text, and as many queries as in English."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.guide import content
from tracker.models import CareAlert, GuideSection, Tip, TipDismissal

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
BY_LANGUAGE = content.read_languages()


@pytest.fixture(autouse=True)
def _tips_on_home_from_the_first_day(monkeypatch):
    # About the choice, not the first days' pacing of home (tracker.days.first_week).
    monkeypatch.setattr(first_week, "TIPS_FROM", 0)


def _opening(body: str, words: int = 7) -> str:
    """A section's or tip's first words, as a page would show them."""
    return escape(" ".join(body.split()[:words]))


def _texts(language: str) -> dict[str, list[str]]:
    sections, tips = BY_LANGUAGE[language]
    plain = re.compile(r"^[^*\"'#\[\]_`]+$")  # no Markdown or quotes changed in rendering
    return {
        "section_titles": [escape(s.title) for s in sections],
        "section_openings": [o for s in sections if plain.match(o := _opening(s.body))],
        "tip_titles": [escape(t.title) for t in tips],
    }


def _spanish_and_no_english(html: str, *kinds: str) -> None:
    spanish, english = _texts("es"), _texts("en")
    for kind in kinds:
        assert english[kind] and spanish[kind]
        for text in spanish[kind]:
            assert text in html, text
        for text in english[kind]:
            assert text not in html, text


@pytest.mark.parametrize("how", ["accept-language", "profile"])
def test_the_guide_in_spanish(client, user, how):
    headers = ES
    if how == "profile":
        user.profile.language = "es"
        user.profile.save()
        client.force_login(user)
        headers = EN  # the person's setting wins over the browser
    html = client.get(reverse("tracker:guide"), **headers).content.decode()
    # The opening "When to get help" summary is tracker.guide.get_help's (the care wording's
    # own words, checked with it); the sections are read from this language's rows.
    html = re.sub(r'<section class="card get-help".*?</section>', "", html, flags=re.S)
    _spanish_and_no_english(html, "section_titles", "section_openings")
    assert "Cuidar tu espalda: la guía" in html
    assert "Looking after your back" not in html
    for slug in {s.slug for s in BY_LANGUAGE["es"][0]}:  # the same anchors as in English
        assert f'id="{slug}"' in html and f'href="#{slug}"' in html


def test_the_guide_in_english_is_unchanged(client, db):
    html = client.get(reverse("tracker:guide"), **EN).content.decode()
    spanish, english = _texts("es"), _texts("en")
    for text in english["section_titles"] + english["section_openings"]:
        assert text in html, text
    for text in spanish["section_titles"] + spanish["section_openings"]:
        assert text not in html, text
    assert "Looking after your back: the guide" in html


@pytest.mark.parametrize("slug", [*sorted(GuideSection.SLUGS_LINKED_FROM_CODE), "prevention"])
def test_a_section_in_spanish_at_the_same_address(client, db, slug):
    """Code links to sections by slug: the same link works in both languages."""
    url = reverse("tracker:guide_section", args=[slug])
    es = GuideSection.objects.get(language="es", slug=slug)
    en = GuideSection.objects.get(language="en", slug=slug)
    html = client.get(url, **ES).content.decode()
    assert f"<h1>{escape(es.title)}</h1>" in html
    assert _opening(es.body) in html and _opening(en.body) not in html
    assert escape(en.title) not in html
    assert "Toda la guía" in html and "The whole guide" not in html
    english = client.get(url, **EN).content.decode()
    assert f"<h1>{escape(en.title)}</h1>" in english and escape(es.title) not in english


def test_a_sections_tips_in_spanish(client, db):
    html = client.get(reverse("tracker:guide_section", args=["gentle-self-care"]), **ES)
    html = html.content.decode()
    linked = Tip.objects.filter(language="es", section__slug="gentle-self-care", is_active=True)
    assert linked.exists()
    for tip in linked:
        assert escape(tip.title) in html
        english = Tip.objects.get(language="en", builtin_key=tip.builtin_key)
        assert escape(english.title) not in html
    assert "Consejos de esta sección" in html and "Leer más en la guía" in html


def test_the_offline_seek_help_page_template_is_translated(client, db):
    """Its view (tracker.views.offline) is not this module's; its template's words are."""
    from django.template.loader import render_to_string
    from django.utils import translation

    from tracker.guide import get_help

    section = GuideSection.objects.get(language="es", slug="when-to-seek-help")
    with translation.override("es"):
        html = render_to_string(
            "tracker/offline_guide_section.html",
            {"section": section, "get_help": get_help.summary("ES")},
        )
    assert "Toda la guía" in html and "Llamar al" in html
    assert "The whole guide" not in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_tips_page_in_spanish(client, user, signed_in):
    if signed_in:
        client.force_login(user)
    html = client.get(reverse("tracker:tip_list"), **ES).content.decode()
    _spanish_and_no_english(html, "tip_titles")
    assert "Todos los consejos" in html and "All tips" not in html
    assert (
        html.count("Leer más en la guía")
        == Tip.objects.filter(language="es", is_active=True).count()
    )
    assert "Read more in the guide" not in html
    assert ("No es para mí" in html) is signed_in


def test_the_tips_page_keeps_one_set_of_cards_per_language(client, db):
    """The cards are kept (tracker.guide.tip_cards): English after Spanish is still English."""
    spanish = client.get(reverse("tracker:tip_list"), **ES).content.decode()
    english = client.get(reverse("tracker:tip_list"), **EN).content.decode()
    again = client.get(reverse("tracker:tip_list"), **ES).content.decode()
    en_title = escape(BY_LANGUAGE["en"][1][0].title)
    es_title = escape(BY_LANGUAGE["es"][1][0].title)
    assert es_title in spanish and en_title not in spanish
    assert en_title in english and es_title not in english
    assert es_title in again and en_title not in again


def _logged_days(user, **values) -> None:
    today = timezone.localdate()
    for n in range(2, 9):
        make_checkin(user, today - dt.timedelta(days=n), **values)


def _spanish(user) -> None:
    user.profile.language = "es"
    user.profile.save()


def test_the_tips_chosen_for_a_spanish_speaker_are_spanish(logged_in_client, user):
    _spanish(user)
    _logged_days(user, posture=1, exercise_minutes=0, water_ml=100, stress=9)
    response = logged_in_client.get(reverse("tracker:home"))
    chosen = response.context["chosen_tips"]
    assert chosen and all(item.tip.language == "es" for item in chosen)
    html = response.content.decode()
    assert "Consejos para ti" in html and "Por qué este consejo:" in html
    assert "Tu postura fue de 2 o menos" in html or "No registraste ejercicio" in html
    assert "Why this tip" not in html


def test_the_days_tips_are_kept_per_language(logged_in_client, user):
    _logged_days(user, exercise_minutes=0)
    english = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    _spanish(user)
    spanish = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    assert english and all(item.tip.language == "en" for item in english)
    assert spanish and all(item.tip.language == "es" for item in spanish)
    assert [c.tip.builtin_key for c in spanish] == [c.tip.builtin_key for c in english]


def _open_alert(user) -> None:
    today = timezone.localdate()
    CareAlert.objects.create(
        user=user, rule="night_pain", tier="urgent", last_evidence_date=today,
        evidence=[{"date": today.isoformat(), "answers": ["logged"]}],
    )  # fmt: skip


def test_in_spanish_only_safe_tips_are_shown_beside_an_open_alert(logged_in_client, user):
    """As tests/views/test_care.py checks in English."""
    _spanish(user)
    _logged_days(user, posture=1, stress=9, exercise_minutes=0, water_ml=100)
    before = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    assert any(not c.tip.safe_beside_alert for c in before)
    _open_alert(user)
    chosen = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    assert chosen and all(c.tip.safe_beside_alert and c.tip.language == "es" for c in chosen)
    assert chosen[0].reason.startswith("Tienes un aviso de salud abierto")


def test_not_for_me_holds_in_every_language(logged_in_client, user):
    """Dismissed in English, a built-in tip is not suggested in Spanish either, and shows as
    dismissed on the Spanish tips page; suggesting it again there brings back both."""
    _logged_days(user, exercise_minutes=0)
    first = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"][0].tip
    logged_in_client.post(reverse("tracker:dismiss_tip", args=[first.pk]))
    _spanish(user)
    spanish_tip = Tip.objects.get(language="es", builtin_key=first.builtin_key)
    for _ in range(2):
        chosen = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
        assert spanish_tip.pk not in [c.tip.pk for c in chosen]
    page = logged_in_client.get(reverse("tracker:tip_list")).content.decode()
    assert "lo marcaste como «no es para mí»" in page
    assert f'<div class="tip tip-dismissed" id="tip-{spanish_tip.pk}">' in page
    logged_in_client.post(reverse("tracker:restore_tip", args=[spanish_tip.pk]))
    assert not TipDismissal.objects.filter(user=user).exists()


def test_a_language_without_content_reads_the_english_rows(client, db, monkeypatch):
    monkeypatch.setattr(content, "_languages_with_content", lambda: frozenset({"en"}))
    html = client.get(reverse("tracker:guide"), **ES).content.decode()
    assert escape(BY_LANGUAGE["en"][0][0].title) in html
    assert "Cuidar tu espalda: la guía" in html  # the interface is still Spanish
    section = client.get(reverse("tracker:guide_section", args=["when-to-seek-help"]), **ES)
    assert section.status_code == 200 and "When to seek help" in section.content.decode()


def _queries(client, url: str, headers: dict) -> int:
    client.get(url, **headers)  # anything kept is kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, **headers).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("tracker:guide"),
        reverse("tracker:guide_section", args=["gentle-self-care"]),
        reverse("tracker:tip_list"),
        reverse("tracker:home"),
    ],
)
def test_spanish_pages_make_as_many_queries_as_english(logged_in_client, user, url):
    _logged_days(user, exercise_minutes=0)
    english = _queries(logged_in_client, url, EN)
    _spanish(user)
    assert _queries(logged_in_client, url, ES) == english
