import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin, make_user
from tracker.days import first_week
from tracker.models import GuideSection, Tip, TipDismissal

HTMX = {"HX-Request": "true"}


def test_guide_has_contents_and_a_stable_anchor_per_section(client, db):
    html = client.get(reverse("tracker:guide")).content.decode()
    for section in GuideSection.objects.all():
        assert f'href="#{section.slug}"' in html
        assert f'id="{section.slug}"' in html
    assert "not a diagnosis" in html


def test_guide_query_count_is_constant(client, db, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("tracker:guide"))
    assert response.status_code == 200


def test_section_page_lists_the_tips_that_link_to_it(client, db):
    section = GuideSection.objects.get(language="en", slug="gentle-self-care")
    html = client.get(section.get_absolute_url()).content.decode()
    linked = Tip.objects.filter(section=section, is_active=True)
    assert linked.exists()
    for tip in linked:
        assert tip.title.replace("'", "&#x27;") in html
    other = Tip.objects.filter(language="en").exclude(section=section).first()
    assert other.title.replace("'", "&#x27;") not in html


def test_unknown_section_is_404(client, db):
    assert client.get("/guide/no-such-section/").status_code == 404


def test_tips_page_groups_active_tips_by_habit(client, db):
    hidden = Tip.objects.filter(habit="water", language="en").first()
    hidden.is_active = False
    hidden.save()
    html = client.get(reverse("tracker:tip_list")).content.decode()
    for heading in ("Posture", "Exercise", "Water", "Stress", "Discomfort", "General"):
        assert f">{heading}</h2>" in html
    assert f'id="tip-{hidden.pk}"' not in html
    assert (
        html.count("Read more in the guide")
        == Tip.objects.filter(is_active=True, language="en").count()
    )


def test_every_shown_tip_links_to_its_guide_anchor(client, db):
    html = client.get(reverse("tracker:tip_list")).content.decode()
    for tip in Tip.objects.select_related("section").filter(is_active=True)[:5]:
        assert f'href="/guide/#{tip.section.slug}"' in html


def test_home_shows_at_most_three_tips_with_reasons(logged_in_client, user):
    today = timezone.now().date()
    for n in range(7):
        make_checkin(user, today - dt.timedelta(days=n), posture=1, exercise_minutes=0,
                     water_ml=100, stress=9, discomfort=7 - n)  # fmt: skip
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert html.count('class="tip"') == 3
    assert "Why this tip: Your discomfort has gone from 1 to 7" in html
    assert "Read more in the guide" in html


def test_htmx_save_response_includes_tips_after_the_confirmation(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(), headers=HTMX)
    html = response.content.decode()
    assert html.index("Saved your check-in") < html.index("Tips for you")


def test_not_for_me_stops_a_tip_being_chosen(logged_in_client, user, monkeypatch):
    monkeypatch.setattr(first_week, "TIPS_FROM", 0)  # the choice, not the first days' pacing
    shown = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    assert shown
    first = shown[0].tip
    response = logged_in_client.post(
        reverse("tracker:dismiss_tip", args=[first.pk]), {"next": "/"}, headers=HTMX
    )
    assert b"won't be suggested" in response.content
    for _ in range(3):
        chosen = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
        assert first.pk not in [c.tip.pk for c in chosen]


def test_dismissing_plain_redirects_back_safely(logged_in_client, user):
    tip = Tip.objects.first()
    response = logged_in_client.post(
        reverse("tracker:dismiss_tip", args=[tip.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("tracker:home")
    assert TipDismissal.objects.filter(user=user, tip=tip).exists()


def test_dismissing_twice_is_harmless_and_restore_brings_it_back(logged_in_client, user):
    tip = Tip.objects.first()
    url = reverse("tracker:dismiss_tip", args=[tip.pk])
    logged_in_client.post(url)
    logged_in_client.post(url)
    assert TipDismissal.objects.filter(user=user).count() == 1
    logged_in_client.post(reverse("tracker:restore_tip", args=[tip.pk]))
    assert not TipDismissal.objects.filter(user=user).exists()


def test_dismiss_needs_login_post_and_a_real_tip(client, logged_in_client, db):
    tip = Tip.objects.first()
    assert client.post(reverse("tracker:dismiss_tip", args=[tip.pk])).status_code == 302
    assert logged_in_client.get(reverse("tracker:dismiss_tip", args=[tip.pk])).status_code == 405
    assert logged_in_client.post("/tips/999999/not-for-me/").status_code == 404


def test_one_persons_dismissal_does_not_affect_another(logged_in_client, other_client, user):
    tip = Tip.objects.filter(habit="general").first()
    logged_in_client.post(reverse("tracker:dismiss_tip", args=[tip.pk]))
    html = other_client.get(reverse("tracker:tip_list")).content.decode()
    assert "Suggest it again" not in html


# --- the admin ----------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    person = make_user("editor")
    person.is_staff = True
    person.save()
    person.groups.add(Group.objects.get(name="Content editors"))
    return person


def _tip_form(tip: Tip, **changes) -> dict:
    data = {
        "title": tip.title,
        "body": tip.body,
        "section": tip.section_id,
        "habit": tip.habit,
        "is_active": "on",
        "priority": tip.priority,
    }
    data.update(changes)
    return data


def test_editor_edit_shows_on_the_guide_page_at_once(client, editor):
    client.force_login(editor)
    tip = Tip.objects.select_related("section").first()
    url = reverse("admin:tracker_tip_change", args=[tip.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _tip_form(tip, body="Freshly **edited** wording."))
    assert response.status_code == 302
    html = client.get(tip.section.get_absolute_url()).content.decode()
    assert "Freshly <strong>edited</strong> wording." in html


def test_editor_cannot_inject_script_into_the_guide(client, editor):
    client.force_login(editor)
    section = GuideSection.objects.get(language="en", slug="prevention")
    url = reverse("admin:tracker_guidesection_change", args=[section.pk])
    data = {"title": section.title, "slug": section.slug, "order": section.order,
            "body": "Safe text <script>alert(1)</script> [x](javascript:alert(2))"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    html = client.get(reverse("tracker:guide")).content.decode()
    assert "Safe text" in html
    assert "alert(1)" not in html and "javascript:alert" not in html


def test_a_tip_must_link_to_a_section(client, editor):
    client.force_login(editor)
    tip = Tip.objects.first()
    url = reverse("admin:tracker_tip_change", args=[tip.pk])
    response = client.post(url, _tip_form(tip, section=""))
    assert response.status_code == 200
    assert "section" in response.context["adminform"].form.errors


def test_priority_outside_1_to_100_is_refused_clearly(client, editor):
    client.force_login(editor)
    tip = Tip.objects.first()
    response = client.post(
        reverse("admin:tracker_tip_change", args=[tip.pk]), _tip_form(tip, priority=101)
    )
    assert "less than or equal to 100" in response.content.decode()


def test_the_slug_care_prompts_link_to_cannot_be_renamed(client, editor):
    client.force_login(editor)
    section = GuideSection.objects.get(language="en", slug="when-to-seek-help")
    url = reverse("admin:tracker_guidesection_change", args=[section.pk])
    data = {"title": section.title, "slug": "renamed", "order": section.order, "body": section.body}
    response = client.post(url, data)
    assert response.status_code == 200
    assert GuideSection.objects.filter(slug="when-to-seek-help").exists()


def test_a_built_in_sections_slug_cannot_be_renamed(client, editor):
    """Loading content/ finds the section, and its tips' links, by the file's name."""
    client.force_login(editor)
    section = GuideSection.objects.get(language="en", slug="prevention")
    url = reverse("admin:tracker_guidesection_change", args=[section.pk])
    data = {"title": "Staying well", "slug": "staying-well", "order": section.order,
            "body": section.body}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 200
    assert "built-in section (content/guide/prevention.md)" in response.content.decode()
    assert GuideSection.objects.get(pk=section.pk).slug == "prevention"


def test_a_built_in_section_edited_before_digests_cannot_be_renamed_either(client, editor):
    section = GuideSection.objects.get(language="en", slug="what-the-crack-is")
    GuideSection.objects.filter(pk=section.pk).update(shipped_digest="", body="Edited before.")
    url = reverse("admin:tracker_guidesection_change", args=[section.pk])
    client.force_login(editor)
    data = {"title": "x", "slug": "the-crack", "order": section.order, "body": "Edited before."}
    assert client.post(url, data).status_code == 200
    assert GuideSection.objects.get(pk=section.pk).slug == "what-the-crack-is"


def test_built_in_sections_and_tips_cannot_be_deleted_an_editors_own_can(client, editor):
    """Loading content/ would bring a deleted built-in one back: tips are retired instead."""
    client.force_login(editor)
    section = GuideSection.objects.get(language="en", slug="prevention")
    tip = Tip.objects.filter(builtin_key__isnull=False).first()
    section_delete = reverse("admin:tracker_guidesection_delete", args=[section.pk])
    assert client.get(section_delete).status_code == 403
    assert client.get(reverse("admin:tracker_tip_delete", args=[tip.pk])).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [tip.pk], "post": "yes"}
    client.post(reverse("admin:tracker_tip_changelist"), bulk)
    assert Tip.objects.filter(pk=tip.pk).exists()
    own = Tip.objects.create(title="Ours", body="Our own.", habit="general", section=section)
    delete = reverse("admin:tracker_tip_delete", args=[own.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Tip.objects.filter(pk=own.pk).exists()


def test_renaming_an_editors_own_section_keeps_tip_links_working(client, editor):
    client.force_login(editor)
    section = GuideSection.objects.create(title="Ours", slug="ours", order=90, body="Our text.")
    Tip.objects.create(title="Our tip", body="Try it.", habit="general", section=section)
    url = reverse("admin:tracker_guidesection_change", args=[section.pk])
    data = {"title": section.title, "slug": "staying-well", "order": 90, "body": section.body}
    assert client.post(url, data).status_code == 302
    html = client.get(reverse("tracker:tip_list")).content.decode()
    assert 'href="/guide/#staying-well"' in html
    assert 'href="/guide/#ours"' not in html


def test_editor_sees_only_content_in_the_admin(client, editor, user):
    make_checkin(user, dt.date(2026, 1, 1))
    client.force_login(editor)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Guide sections" in index and "Tips" in index
    assert "Users" not in index and "Check" not in index
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(f"/admin/auth/user/{user.pk}/change/").status_code == 403
    assert client.get("/admin/tracker/checkin/").status_code == 404
    assert client.get("/admin/tracker/profile/").status_code == 404


def test_admin_lists_have_search_filters_and_preview(client, editor):
    client.force_login(editor)
    listing = client.get(
        reverse("admin:tracker_tip_changelist"), {"q": "water", "habit__exact": "water"}
    )
    assert listing.status_code == 200
    assert listing.context["cl"].result_count >= 1
    tip = Tip.objects.first()
    change = client.get(reverse("admin:tracker_tip_change", args=[tip.pk])).content.decode()
    assert "Preview (as saved)" in change
    add = client.get(reverse("admin:tracker_guidesection_add")).content.decode()
    assert "prepopulated" in add


def test_restoring_a_tip_that_does_not_exist_is_404(logged_in_client):
    assert logged_in_client.post("/tips/999999/restore/").status_code == 404


# --- sections the app links to cannot be deleted --------------------------------------------


def test_protected_guide_sections_cannot_be_deleted_one_or_many(admin_client):
    protected = GuideSection.objects.get(language="en", slug="when-to-seek-help")
    # An editor's own section: built-in ones cannot be deleted at all (tests/views/test_guide.py).
    other = GuideSection.objects.create(title="Spare", slug="spare", body="x")
    url = reverse("admin:tracker_guidesection_delete", args=[protected.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    admin_client.post(
        reverse("admin:tracker_guidesection_changelist"),
        {"action": "delete_selected", "_selected_action": [protected.pk, other.pk], "post": "yes"},
    )
    assert GuideSection.objects.filter(pk=protected.pk).exists()
    admin_client.post(
        reverse("admin:tracker_guidesection_delete", args=[other.pk]), {"post": "yes"}
    )
    assert not GuideSection.objects.filter(pk=other.pk).exists()
