"""Home's "Tips for you" (and the page after a check-in) is drawn once per choice of tips and
kept under the choice's own key (tracker.guide.tip_cards.tips_for_you): what is kept must be
what drawing it now gives, any change to what the tips were chosen from must show at once, and
no request's CSRF token or address is ever kept."""

import re

import pytest
from django.core.cache import caches
from django.middleware.csrf import _does_token_match
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import include, reverse, set_script_prefix, set_urlconf
from django.urls import path as route
from django.utils import timezone, translation

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.guide import day_choice, tip_cards, tips
from tracker.models import Tip

TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SECTION = re.compile(r'<section class="card tips-for-you".*?</section>', re.S)
TEMPLATE = "tracker/partials/tips_for_you.html"


@pytest.fixture(autouse=True)
def _tips_on_home_from_the_first_day(monkeypatch):
    # About the drawing, not the first days' pacing of home (tracker.days.first_week).
    monkeypatch.setattr(first_week, "TIPS_FROM", 0)


def _section(client, path: str = "") -> str:
    html = client.get(reverse("tracker:home") + path).content.decode()
    found = SECTION.search(html)
    assert found, "home shows no tips"
    return found.group(0)


def _drawn_now(user, path: str = "/") -> str:
    """The section as the template draws it for this person's tips today."""
    request = RequestFactory().get(path)
    request.user = user
    chosen = tips.chosen_with_links(day_choice.tips_for_user(user, today=timezone.localdate()))
    html = render_to_string(TEMPLATE, {"chosen_tips": chosen}, request=request)
    return SECTION.search(html).group(0)


def _without_tokens(html: str) -> str:
    return TOKENS.sub('name="csrfmiddlewaretoken" value=""', html)


def test_drawing_the_section_leaves_the_tips_kept_for_every_request_as_they_were(
    logged_in_client, user
):
    """The cards' links are set on copies: the active tips are kept for every request
    (day_choice.ACTIVE_TIPS), and a page drawn under one prefix must leave them no links for
    a page drawn under another."""
    day_choice.ACTIVE_TIPS.clear()
    caches[day_choice.TIP_CACHE].clear()
    make_checkin(user, timezone.localdate(), water_ml=300, exercise_minutes=0)
    assert "Why this tip:" in _section(logged_in_client)
    kept = [tip for found in day_choice.ACTIVE_TIPS._items.values() for tip in found]
    assert kept and not any(hasattr(tip, "dismiss_url") for tip in kept)


def test_the_kept_section_is_what_drawing_it_now_gives(logged_in_client, user):
    make_checkin(user, timezone.localdate(), water_ml=300, exercise_minutes=0)
    first = _section(logged_in_client)  # drawn and kept
    kept = _section(logged_in_client)  # from the cache
    assert _without_tokens(kept) == _without_tokens(first) == _without_tokens(_drawn_now(user))
    assert "Why this tip:" in kept  # the reasons, worded from the person's own day


def test_the_section_is_drawn_once_per_choice(logged_in_client, user, drawn_templates):
    caches[day_choice.TIP_CACHE].clear()
    _section(logged_in_client)
    _section(logged_in_client)
    assert drawn_templates.count(TEMPLATE) == 1
    make_checkin(user, timezone.localdate(), water_ml=300)  # another day: another choice
    _section(logged_in_client)
    assert drawn_templates.count(TEMPLATE) == 2


def test_a_kept_section_is_shown_without_reading_the_choice_back(
    logged_in_client, user, monkeypatch
):
    """Once drawn, the section stands for its choice: the choice itself, kept apart and maybe
    pushed out of the cache since, is neither read back nor made again to show it."""
    make_checkin(user, timezone.localdate(), water_ml=300, exercise_minutes=0)
    drawn = _section(logged_in_client)
    key = day_choice.tip_inputs(user, today=timezone.localdate()).cache_key
    assert caches[day_choice.TIP_CACHE].get(key)  # the choice was kept beside the drawing
    caches[day_choice.TIP_CACHE].delete(key)

    def chosen_again(*args, **kwargs):
        raise AssertionError("the tips were chosen again to show a kept section")

    monkeypatch.setattr(day_choice, "choose_tips", chosen_again)
    assert _without_tokens(_section(logged_in_client)) == _without_tokens(drawn)
    assert caches[day_choice.TIP_CACHE].get(key) is None  # not read back, not made again


def test_the_page_context_still_holds_the_days_choice(logged_in_client, user):
    make_checkin(user, timezone.localdate(), water_ml=300, exercise_minutes=0)
    logged_in_client.get(reverse("tracker:home"))  # drawn and kept
    chosen = logged_in_client.get(reverse("tracker:home")).context["chosen_tips"]
    assert [c.tip.pk for c in chosen] == [
        c.tip.pk for c in day_choice.tips_for_user(user, today=timezone.localdate())
    ]
    assert chosen, "the day's choice is not empty"


def test_each_response_carries_its_own_token_and_address(logged_in_client, other_user):
    _section(logged_in_client)
    other = Client()
    other.force_login(other_user)
    for person, path in ((logged_in_client, "?from=a"), (other, "?a=1&b=2")):
        html = _section(person, path)
        secret = person.cookies["csrftoken"].value
        tokens = TOKENS.findall(html)
        assert tokens and all(_does_token_match(token, secret) for token in tokens)
        assert f'name="next" value="/{path.replace("&", "&amp;")}"' in html
        assert "stand-in" not in html
    # Two views of the same kept section: each its own masked token.
    assert TOKENS.findall(_section(logged_in_client)) != TOKENS.findall(_section(logged_in_client))


def test_not_for_me_from_a_kept_section_works_and_shows_at_once(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    html = _section(client)
    _section(client)  # kept
    html = _section(client)
    dismiss_url = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    token = TOKENS.search(html).group(1)
    response = client.post(dismiss_url, {"csrfmiddlewaretoken": token, "next": "/"})
    assert response.status_code == 302
    assert f'action="{dismiss_url}"' not in _section(client)


def test_an_edited_tip_shows_at_once(logged_in_client):
    html = _section(logged_in_client)
    card_id = re.search(r'<article class="tip" id="tip-(\d+)"', html).group(1)
    tip = Tip.objects.get(pk=card_id)
    tip.title = "A title an editor just wrote"
    tip.save()
    assert "A title an editor just wrote" in _section(logged_in_client)


def test_each_language_has_its_own(logged_in_client, user):
    english = _section(logged_in_client)
    profile = user.profile
    profile.language = "es"
    profile.save()
    spanish = _section(logged_in_client)
    assert "Tips for you" in english and "Consejos para ti" in spanish
    with translation.override("es"):
        assert _without_tokens(spanish) == _without_tokens(_drawn_now(user))
    profile.language = "en"
    profile.save()
    assert _without_tokens(_section(logged_in_client)) == _without_tokens(english)


def test_each_address_prefix_has_its_own(user):
    """The same choice kept under "/" is not handed to a site served under "/app/"."""
    request = RequestFactory().get("/")
    request.user = user

    def drawn_under(prefix: str) -> str:
        set_script_prefix(prefix)
        try:
            choice = day_choice.day_choice(user, today=timezone.localdate())
            return tip_cards.tips_for_you(request, choice)
        finally:
            set_script_prefix("/")

    with translation.override("en"):
        at_root = drawn_under("/")
        under_app = drawn_under("/app/")
        assert 'href="/guide/' in at_root and 'href="/app/' not in at_root
        assert 'href="/app/guide/' in under_app
        # Each kept, neither replaced the other (each drawing masks the token afresh).
        assert _without_tokens(drawn_under("/")) == _without_tokens(at_root)
        assert TOKENS.search(at_root) and "stand-in" not in under_app


# The app's addresses one folder down: the section under another URL configuration.
urlpatterns = [route("elsewhere/", include("backhabits.urls"))]


def test_each_url_configuration_has_its_own(user):
    """As each prefix: the cards' links follow the URL configuration that routes them."""
    request = RequestFactory().get("/")
    request.user = user

    def drawn_with(urlconf) -> str:
        set_urlconf(urlconf)
        try:
            choice = day_choice.day_choice(user, today=timezone.localdate())
            return tip_cards.tips_for_you(request, choice)
        finally:
            set_urlconf(None)

    with translation.override("en"):
        at_root = drawn_with(None)
        elsewhere = drawn_with(__name__)
    assert 'href="/guide/' in at_root and 'href="/elsewhere/' not in at_root
    assert 'href="/elsewhere/guide/' in elsewhere and 'href="/guide/' not in elsewhere


def test_the_page_after_a_check_in_shows_the_same_section(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:checkin"),
        {"posture": "2", "water_ml": "300", "exercise_minutes": "0"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    saved = SECTION.search(response.content.decode()).group(0)
    assert 'name="next" value="/checkin/"' in saved  # its own address, as the template wrote
    assert _without_tokens(saved).replace('value="/checkin/"', 'value="/"') == _without_tokens(
        _section(logged_in_client)
    )
