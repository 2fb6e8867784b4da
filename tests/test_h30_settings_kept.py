"""The settings page draws its settings form, its own lists and its time-away form once for what
they show (tracker.forms.kept_forms.FORMS_DRAWN, tracker.days.tracked_rows.LISTS_DRAWN): each
kept drawing is what drawing afresh gives, changes with everything it is drawn from, never
holds free text or a request's CSRF token, and a kept settings form is not even built."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import reverse, set_script_prefix
from django.utils import translation
from django.utils.html import escape

from tests.conftest import pinned
from tests.factories import make_user
from tracker.choices import TrackedKind, WaterUnit
from tracker.csrf import STAND_IN
from tracker.dates import today_for
from tracker.days import pages, tracked, tracked_rows
from tracker.forms import fieldsets, kept_forms, settings_fields
from tracker.forms.account import SettingsForm
from tracker.forms.history import AwayForm
from tracker.kept import Kept
from tracker.models import AwayPeriod, TrackedItem

SETTINGS = "tracker:settings"


def _empty_store(monkeypatch, module, name: str) -> Kept:
    """The module's store swapped for an empty one, for the test to look into."""
    store = Kept(1000)
    monkeypatch.setattr(module, name, store)
    return store


@pytest.fixture
def forms_kept(monkeypatch) -> Kept:
    return _empty_store(monkeypatch, kept_forms, "FORMS_DRAWN")


@pytest.fixture
def lists_kept(monkeypatch) -> Kept:
    return _empty_store(monkeypatch, tracked_rows, "LISTS_DRAWN")


def _initial(profile) -> dict:
    return {"email": profile.pending_email or profile.user.email}


def _kept_settings(profile) -> str:
    return settings_fields.settings_fields_html(profile, _initial(profile))


def _afresh(profile) -> str:
    return fieldsets.form_fields_html(SettingsForm(instance=profile, initial=_initial(profile)))


# Each of the settings form's values, changed: (field, value).
CHANGES = [
    ("language", "es"),
    ("timezone", "Europe/Madrid"),
    ("country", "ES"),
    ("water_unit", WaterUnit.US_FLUID_OUNCES),
    ("water_goal_ml", 2400),
    ("exercise_goal_minutes", 45),
    ("show_reminder", False),
    ("reminders_enabled", True),
    ("reminder_time", dt.time(7, 30)),
    ("reminder_time_2", dt.time(12, 0)),
    ("reminder_time_3", dt.time(18, 45)),
    ("reminder_email", True),
    ("display_name", "Ana María"),
    ("pending_email", "new@example.com"),
]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_kept_settings_form_is_the_form_drawn_afresh(db, forms_kept, language):
    profile = make_user("ana").profile
    with translation.override(language):
        first, again = _kept_settings(profile), _kept_settings(profile)
        assert first == again == _afresh(profile)
    assert len(forms_kept._items) == 1


@pytest.mark.parametrize(("name", "value"), CHANGES, ids=[name for name, _ in CHANGES])
def test_each_value_changed_draws_the_form_anew(db, forms_kept, name, value):
    profile = make_user("ana").profile
    before = _kept_settings(profile)
    setattr(profile, name, value)
    profile.save()
    after = _kept_settings(profile)
    assert after == _afresh(profile)
    assert after != before


def test_a_new_email_address_is_shown_though_free_text_is_never_kept(db, forms_kept):
    profile = make_user("ana", display_name="Ana María").profile
    assert 'value="ana@example.com"' in _kept_settings(profile)
    profile.user.email = "ana.new@example.com"
    drawn = _kept_settings(profile)
    assert drawn == _afresh(profile)
    assert 'value="ana.new@example.com"' in drawn and 'value="Ana María"' in drawn
    kept = "".join("".join(parts) for parts in forms_kept._items.values())
    assert "example.com" not in kept and "Ana María" not in kept


@pytest.mark.parametrize(
    ("email", "name"),
    [("", ""), ("a&b@example.com", 'Ana "<b>" O\'Neil'), ("x@example.com", "")],
)
def test_free_text_is_drawn_for_its_value_empty_or_not(db, forms_kept, email, name):
    profile = make_user("ana", display_name=name).profile
    profile.user.email = email
    for _ in range(2):
        drawn = _kept_settings(profile)
        assert drawn == _afresh(profile)
    assert kept_forms.VALUE_STAND_IN not in drawn
    for field, value in (("email", email), ("display_name", name)):
        has_value = re.search(f'<input [^>]*name="{field}" value="([^"]*)"', drawn)
        assert (has_value.group(1) if has_value else "") == escape(value)
    kept = "".join(kept_forms.FREE_TEXT_DRAWN._items.values())
    assert all(value not in kept for value in (email, escape(name)) if value)


def test_the_language_is_part_of_what_is_kept(db, forms_kept):
    profile = make_user("ana").profile
    with translation.override("en"):
        english = _kept_settings(profile)
    with translation.override("es"):
        spanish = _kept_settings(profile)
        assert spanish == _afresh(profile)
    assert "Zona horaria" in spanish and "Time zone" in english


def test_a_kept_form_is_not_built_again(db, forms_kept):
    profile = make_user("ana").profile
    built = []

    def make():
        built.append(1)
        return SettingsForm(instance=profile, initial=_initial(profile))

    shown = settings_fields.drawn_from(profile, _initial(profile))
    free = settings_fields.free_text(profile, _initial(profile))
    first = kept_forms.kept_form_fields_html(SettingsForm, shown, make, free)
    second = kept_forms.kept_form_fields_html(SettingsForm, shown, make, free)
    assert first == second and built == [1]


def test_only_an_unbound_form_is_kept(db, forms_kept):
    profile = make_user("ana").profile
    with pytest.raises(ValueError):
        kept_forms.kept_form_fields_html(
            SettingsForm, ("bound",), lambda: SettingsForm({"timezone": "UTC"}, instance=profile)
        )
    with pytest.raises(ValueError):
        kept_forms.kept_form_fields_html(
            SettingsForm, ("prefixed",), lambda: SettingsForm(instance=profile, prefix="p")
        )
    assert not forms_kept._items


def test_a_changed_setting_forgets_the_kept_forms(db):
    profile = make_user("ana").profile
    _kept_settings(profile)
    assert kept_forms.FORMS_DRAWN._items
    with override_settings(LANGUAGES=[("en", "English")]):
        assert not kept_forms.FORMS_DRAWN._items
        drawn = _kept_settings(profile)
        assert drawn == _afresh(profile) and "Español" not in drawn


def test_the_time_away_form_is_kept_for_each_day(db, forms_kept):
    drawn = []
    for today in (dt.date(2027, 3, 1), dt.date(2027, 3, 2), dt.date(2027, 3, 1)):
        kept = kept_forms.kept_form_fields_html(
            AwayForm, (today,), lambda day=today: AwayForm(today=day)
        )
        assert kept == fieldsets.form_fields_html(AwayForm(today=today))
        assert f'value="{today:%Y-%m-%d}"' in kept
        drawn.append(kept)
    assert drawn[0] == drawn[2] != drawn[1]
    assert len(forms_kept._items) == 2


# --- through the page -------------------------------------------------------------------------


def _page(client) -> str:
    response = client.get(reverse(SETTINGS))
    assert response.status_code == 200
    return response.content.decode()


def _tokens(page: str) -> set[str]:
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))


def test_the_page_shows_settings_just_saved(logged_in_client, user, forms_kept):
    assert 'value="Europe/Madrid" selected' not in _page(logged_in_client)
    form = {"timezone": "Europe/Madrid", "country": "", "water_unit": "ml", "water_goal": "2000",
            "exercise_goal_minutes": "30", "reminder_time": "20:00", "language": "",
            "email": user.email}  # fmt: skip
    response = logged_in_client.post(reverse(SETTINGS), form)
    assert response.status_code == 302, response.context["form"].errors
    assert 'value="Europe/Madrid" selected' in _page(logged_in_client)


def test_the_settings_form_is_not_built_on_a_view_that_finds_it_kept(
    logged_in_client, forms_kept, monkeypatch
):
    first = _page(logged_in_client)
    built = []
    real_init = SettingsForm.__init__

    def counted(self, *args, **kwargs):
        built.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(SettingsForm, "__init__", counted)
    again = _page(logged_in_client)
    assert built == []
    form = re.compile(r'class="account-form">.*?</form>', re.S)
    drawn = [_without_tokens(form.search(page).group()) for page in (first, again)]
    assert drawn[0] == drawn[1] and 'id="id_timezone"' in drawn[1]


def test_each_list_change_shows_and_rows_carry_this_requests_token(
    logged_in_client, user, lists_kept
):
    heat = TrackedItem.objects.create(user=user, kind=TrackedKind.PAIN_RELIEF, name="Heat pack")
    first = _page(logged_in_client)
    assert "Heat pack" in first
    steps = [
        ("tracked_rename", [heat.pk], {"name": "Hot water bottle"}, "Hot water bottle"),
        ("tracked_add", [], {"kind": TrackedKind.FACTOR, "name": "Long drive"}, "Long drive"),
        ("tracked_retire", [heat.pk], {}, "Retired, kept in your history"),
    ]
    for view, args, data, shown in steps:
        response = logged_in_client.post(reverse(f"tracker:{view}", args=args), data)
        assert response.status_code == 302
        page = _page(logged_in_client)
        assert shown in page
        assert _without_tokens(_lists_afresh(user)) in _without_tokens(page)
    # The kept drawings hold no token; each page's rows carry its own, one per page.
    kept = "".join(lists_kept._items.values())
    assert _tokens(kept) == {STAND_IN}
    pages = [_page(logged_in_client), _page(logged_in_client)]
    tokens = [_tokens(page) for page in pages]
    assert all(len(each) == 1 for each in tokens) and tokens[0] != tokens[1]
    secret = logged_in_client.cookies["csrftoken"].value
    assert all(_unmask_cipher_token(next(iter(each))) == secret for each in tokens)


def _lists_afresh(user) -> str:
    csrf_input = '<input type="hidden" name="csrfmiddlewaretoken" value="afresh">'
    sections = tracked_rows.sections(tracked.lists_for(user), None, csrf_input)
    return tracked_rows.sections_html(sections, csrf_input)


def _without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_refused_entry_is_drawn_where_it_was_typed_and_not_kept(
    logged_in_client, user, lists_kept
):
    TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Gardening")
    _page(logged_in_client)
    entries = len(lists_kept._items)
    response = logged_in_client.post(
        reverse("tracker:tracked_add"), {"kind": TrackedKind.FACTOR, "name": "gardening"}
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert len(lists_kept._items) == entries
    assert 'aria-invalid="true"' not in _page(logged_in_client)


def test_people_with_the_same_settings_share_one_drawing_each_with_their_own_address(
    db, client, forms_kept
):
    pages, entries = {}, []
    for name in ("ana", "ben"):
        client.force_login(make_user(name, display_name=name.title()))
        pages[name] = _page(client)
        entries.append(len(forms_kept._items))
    assert entries[0] == entries[1] > 0
    assert 'value="ana@example.com"' in pages["ana"] and "ben@example" not in pages["ana"]
    assert 'value="ben@example.com"' in pages["ben"] and "ana@example" not in pages["ben"]
    assert 'value="Ben"' in pages["ben"] and 'value="Ana"' not in pages["ben"]


def test_a_form_with_free_text_needs_its_values(db, forms_kept):
    profile = make_user("ana").profile
    with pytest.raises(ValueError):
        kept_forms.kept_form_fields_html(
            SettingsForm, ("no free text",), lambda: SettingsForm(instance=profile)
        )


# --- the "I'm away" section (tracker.days.pages.AWAY_DRAWN) ----------------------------------


@pytest.fixture
def away_kept(monkeypatch) -> Kept:
    return _empty_store(monkeypatch, pages, "AWAY_DRAWN")


def _away_section(page: str) -> str:
    return re.search(r'<section class="card away".*?</section>', page, re.S).group()


# The partial as it was before the section was kept, drawn through the template engine.
_AWAY_BEFORE = (Path(__file__).parent / "data" / "away_partial_template.html").read_text()


def _away_before(client, path: str) -> str:
    """The section as the partial drew it for the page's own request, nothing kept."""
    response = client.get(path)
    request = response.wsgi_request
    context = {"away_form": AwayForm(today=today_for(request.user)), "away_max_days": 60}
    with translation.override(request.LANGUAGE_CODE):
        return engines["django"].from_string(_AWAY_BEFORE).render(context, request)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_away_section_is_the_partial_as_it_was(logged_in_client, user, away_kept, language):
    user.profile.language = language
    user.profile.save()
    paths = ["/settings/", "/history/", '/history/?month=2027-02&x="<b>"']
    for path in [*paths, *paths]:  # drawn, then kept
        section = _away_section(_page_at(logged_in_client, path))
        assert _without_tokens(section) == _without_tokens(
            _away_section(_away_before(logged_in_client, path))
        )
        here = logged_in_client.get(path).wsgi_request.get_full_path()
        assert f'name="next" value="{escape(here)}#away"' in section
    assert len(away_kept._items) == 1  # the same section for every page, its address put in


def test_a_refused_form_comes_back_to_the_page_not_to_where_it_posted(logged_in_client, user):
    refused = logged_in_client.post(reverse("tracker:away_start"), {"start": "", "end": ""})
    assert refused.status_code == 400
    assert 'name="next" value="/history/#away"' in refused.content.decode()
    TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Gardening")
    refused = logged_in_client.post(
        reverse("tracker:tracked_add"), {"kind": TrackedKind.FACTOR, "name": "gardening"}
    )
    assert refused.status_code == 400
    assert 'name="next" value="/settings/#away"' in refused.content.decode()


def test_a_changed_setting_forgets_the_kept_lists_and_away_section(logged_in_client, user):
    TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Gardening")
    _page(logged_in_client)
    assert tracked_rows.LISTS_DRAWN._items and pages.AWAY_DRAWN._items
    with override_settings(LANGUAGES=[("en", "English")]):
        assert not tracked_rows.LISTS_DRAWN._items and not pages.AWAY_DRAWN._items


def test_the_away_section_follows_the_day_and_each_page_has_its_own_token(client, user, away_kept):
    days = [dt.date(2027, 3, 1), dt.date(2027, 3, 2)]
    for today in days:
        with pinned(today):
            client.force_login(user)
            sections = [_away_section(_page(client)) for _ in range(2)]
        assert f'value="{today:%Y-%m-%d}"' in sections[0]
        tokens = [_tokens(section) for section in sections]
        assert all(len(each) == 1 for each in tokens) and tokens[0] != tokens[1]
    assert _tokens("".join(away_kept._items.values())) == {STAND_IN}


def test_a_break_set_is_shown_and_not_kept(client, user, away_kept):
    with pinned(dt.date(2027, 3, 1)):
        client.force_login(user)
        assert "Set my break" in _away_section(_page(client))
        kept = len(away_kept._items)
        response = client.post(
            reverse("tracker:away_start"), {"start": "2027-03-01", "end": "2027-03-05"}
        )
        assert response.status_code == 302
        section = _away_section(_page(client))
        period = AwayPeriod.objects.get(user=user)
        assert "Set my break" not in section
        assert f'action="{reverse("tracker:away_end", args=[period.pk])}"' in section
        assert len(away_kept._items) == kept


def _page_at(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_lists_are_kept_per_language(logged_in_client, user, lists_kept):
    TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Gardening")
    assert "Your own factors" in _page(logged_in_client)
    user.profile.language = "es"
    user.profile.save()
    page = _page(logged_in_client)
    assert "Your own factors" not in page and "Gardening" in page
    assert _without_tokens(_lists_afresh_in(user, "es")) in _without_tokens(page)


def _lists_afresh_in(user, language: str) -> str:
    with translation.override(language):
        return _lists_afresh(user)


def _drawn_at_root_elsewhere_and_root(draw) -> list[str]:
    """draw() at the site's root, under /elsewhere/ and at the root again."""
    drawn = []
    try:
        for prefix in ("/", "/elsewhere/", "/"):
            set_script_prefix(prefix)
            drawn.append(str(draw()))
    finally:
        set_script_prefix("/")
    return drawn


def test_the_kept_away_section_follows_the_sites_prefix(user, away_kept):
    request = RequestFactory().get("/settings/")
    request.user = user
    today = dt.date(2027, 3, 1)
    at_root, elsewhere, again = _drawn_at_root_elsewhere_and_root(
        lambda: pages.away_context(user, today=today, request=request, here="/settings/")[
            "away_html"
        ]
    )
    assert 'action="/away/#away"' in at_root and "/elsewhere/" not in at_root
    assert 'action="/elsewhere/away/#away"' in elsewhere
    assert _without_tokens(again) == _without_tokens(at_root) and len(away_kept._items) == 2


def test_the_kept_lists_follow_the_sites_prefix(user, lists_kept):
    request = RequestFactory().get("/settings/")
    request.user = user
    item = TrackedItem(pk=7, user=user, kind=TrackedKind.FACTOR, name="Gardening")
    lists = tracked.Lists([item])
    at_root, elsewhere, again = _drawn_at_root_elsewhere_and_root(
        lambda: tracked_rows.lists_html(lists, None, request)
    )
    assert 'action="/settings/tracked/"' in at_root and "/elsewhere/" not in at_root
    assert 'action="/elsewhere/settings/tracked/"' in elsewhere
    assert f'action="/elsewhere{reverse("tracker:tracked_rename", args=[7])}"' in elsewhere
    assert _without_tokens(again) == _without_tokens(at_root) and len(lists_kept._items) == 2
