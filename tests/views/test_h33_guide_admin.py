"""Editors keep each language's guide, tips and care wording in the admin (issue 33): the language
is a column and a filter, a saved row stays in its language, and editing one language's row
never touches the other's."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import make_user
from tracker.models import CareWording, GuideSection, Tip


@pytest.fixture
def editor_client(client, db):
    person = make_user("editor")
    person.is_staff = True
    person.save()
    person.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(person)
    return client


@pytest.mark.parametrize(
    ("model", "name"),
    [(GuideSection, "guidesection"), (Tip, "tip"), (CareWording, "carewording")],
)
def test_each_list_shows_and_filters_by_language(editor_client, model, name):
    url = reverse(f"admin:tracker_{name}_changelist")
    listing = editor_client.get(url)
    assert listing.status_code == 200
    assert "language" in listing.context["cl"].list_display
    html = listing.content.decode()
    assert "?language__exact=es" in html and "?language__exact=en" in html
    spanish = editor_client.get(url, {"language__exact": "es"}).context["cl"]
    assert spanish.result_count == model.objects.filter(language="es").count()
    if model is not CareWording:  # care wording in Spanish is the care helper's to add
        assert spanish.result_count > 0
    assert all(row.language == "es" for row in spanish.result_list)


def _section_form(section: GuideSection, **changes) -> dict:
    data = {"title": section.title, "slug": section.slug, "order": section.order,
            "body": section.body}  # fmt: skip
    return data | changes


def test_editing_a_spanish_section_leaves_the_english_one_alone(editor_client):
    es = GuideSection.objects.get(language="es", slug="prevention")
    en = GuideSection.objects.get(language="en", slug="prevention")
    url = reverse("admin:tracker_guidesection_change", args=[es.pk])
    page = editor_client.get(url).content.decode()
    assert "Español" in page  # read-only: a saved section stays in its language
    response = editor_client.post(url, _section_form(es, body="Texto nuevo.", language="en"))
    assert response.status_code == 302
    es.refresh_from_db()
    assert (es.language, es.body) == ("es", "Texto nuevo.")
    assert GuideSection.objects.get(pk=en.pk).body == en.body
    html = editor_client.get(reverse("tracker:guide"), HTTP_ACCEPT_LANGUAGE="es")
    assert "Texto nuevo." in html.content.decode()
    english = editor_client.get(reverse("tracker:guide"), HTTP_ACCEPT_LANGUAGE="en")
    assert "Texto nuevo." not in english.content.decode()


def test_a_spanish_built_in_sections_slug_cannot_be_renamed(editor_client):
    es = GuideSection.objects.get(language="es", slug="what-the-crack-is")
    url = reverse("admin:tracker_guidesection_change", args=[es.pk])
    response = editor_client.post(url, _section_form(es, slug="el-crujido"))
    assert response.status_code == 200
    assert "content/es/guide/what-the-crack-is.md" in response.content.decode()
    assert GuideSection.objects.get(pk=es.pk).slug == "what-the-crack-is"


def test_a_slug_is_taken_per_language(editor_client):
    add = reverse("admin:tracker_guidesection_add")
    own = {"title": "Nuestra", "slug": "nuestra", "order": 90, "body": "Texto."}
    assert editor_client.post(add, own | {"language": "es"}).status_code == 302
    assert editor_client.post(add, own | {"language": "en", "title": "Ours"}).status_code == 302
    again = editor_client.post(add, own | {"language": "es"})
    assert again.status_code == 200
    assert "already has this slug" in again.content.decode()
    # Renamed onto another section's slug in its language: refused, not a database error.
    ours = GuideSection.objects.get(language="es", slug="nuestra")
    url = reverse("admin:tracker_guidesection_change", args=[ours.pk])
    taken = editor_client.post(url, _section_form(ours, slug="prevention"))
    assert taken.status_code == 200 and "already has this slug" in taken.content.decode()


def test_a_tip_leads_to_a_section_of_its_own_language(editor_client):
    tip = Tip.objects.select_related("section").get(language="es", builtin_key="slow-breathing")
    english_section = GuideSection.objects.get(language="en", slug="prevention")
    url = reverse("admin:tracker_tip_change", args=[tip.pk])
    data = {"title": tip.title, "body": tip.body, "section": english_section.pk,
            "habit": tip.habit, "is_active": "on", "priority": tip.priority}  # fmt: skip
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "the tip&#x27;s language" in response.content.decode()
    assert Tip.objects.get(pk=tip.pk).section_id == tip.section_id
    data["section"] = tip.section_id
    data["title"] = "Respira despacio dos minutos"
    assert editor_client.post(url, data).status_code == 302
    assert Tip.objects.get(language="en", builtin_key="slow-breathing").title == (
        "Try two minutes of slow breathing"
    )
