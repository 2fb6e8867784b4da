"""The all-tips page's cards are drawn once per version of what they show
(tracker.guide.tip_cards): every input, changed, must give a new key, the kept cards must be
what drawing them now gives, and no request's CSRF token or address is ever kept."""

import re

import pytest
from django.core.cache import caches
from django.middleware.csrf import _does_token_match, _unmask_cipher_token
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.urls import include, reverse, set_script_prefix, set_urlconf
from django.urls import path as route

from tracker.guide import day_choice, tip_cards, tips
from tracker.models import Tip, TipDismissal

TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _tips() -> list:
    return tips.with_links(
        Tip.objects.filter(is_active=True, language="en").select_related("section")
    )


def _key(user=None, *, signed_in=True, language="en") -> str:
    content, dismissed = day_choice.content_and_dismissals(user.pk if user else None)
    return tip_cards.cards_key(content, dismissed, signed_in=signed_in, language=language)


def test_the_key_covers_everything_the_cards_are_drawn_from(user):
    keys = {_key(user)}

    def changed() -> None:
        key = _key(user)
        assert key not in keys
        keys.add(key)

    first, second = Tip.objects.filter(is_active=True, language="en").select_related("section")[:2]
    for field, value in [("title", "New title"), ("body", "New body."), ("habit", "stress"),
                         ("priority", 99), ("is_active", False)]:  # fmt: skip
        setattr(first, field, value)
        first.save()
        changed()
    for field, value in [("title", "Renamed section"), ("slug", "renamed")]:
        setattr(second.section, field, value)
        second.section.save()
        changed()
    Tip.objects.create(title="New", body="New.", section=second.section, habit="water")
    changed()
    TipDismissal.objects.create(user=user, tip=second)
    changed()
    TipDismissal.objects.filter(user=user).delete()
    TipDismissal.objects.create(user=user, tip=first)  # as many dismissed as before
    changed()
    assert _key(user, signed_in=False) not in keys
    assert _key(user, language="es") not in keys  # the cards of another language
    set_script_prefix("/app/")
    try:
        assert _key(user) not in keys
    finally:
        set_script_prefix("/")
    set_urlconf(__name__)  # the cards' links routed elsewhere
    try:
        assert _key(user) not in keys
    finally:
        set_urlconf(None)
    assert _key(user) in keys  # nothing changed: the same key


# The app's addresses one folder down: the cards' links under another URL configuration.
urlpatterns = [route("elsewhere/", include("backhabits.urls"))]


def test_signed_out_visitors_share_one_key(user, other_user):
    TipDismissal.objects.create(user=user, tip=Tip.objects.filter(language="en").first())
    assert _key(None, signed_in=False) == _key(None, signed_in=False)
    assert _key(user) != _key(other_user)


def _page(client, path: str = "") -> str:
    return client.get(reverse("tracker:tip_list") + path).content.decode()


def _drawn_now(client, user) -> str:
    """The groups as drawn on every request before the cards were kept."""
    request = RequestFactory().get(reverse("tracker:tip_list"))
    request.user = user
    dismissed = set(TipDismissal.objects.filter(user=user).values_list("tip_id", flat=True))
    return render_to_string(
        "tracker/partials/tip_groups.html",
        {"groups": tip_cards.groups(_tips()), "dismissed_ids": dismissed},
        request=request,
    )


def _without_tokens(html: str) -> str:
    return TOKENS.sub('name="csrfmiddlewaretoken" value=""', html)


def test_kept_cards_are_what_drawing_them_now_gives(logged_in_client, user):
    TipDismissal.objects.create(user=user, tip=Tip.objects.filter(language="en").first())
    _page(logged_in_client)  # drawn and kept
    html = _page(logged_in_client)  # from the cache
    assert _without_tokens(_drawn_now(logged_in_client, user)) in _without_tokens(html)


def test_each_response_carries_its_own_token_and_address(logged_in_client, other_user):
    _page(logged_in_client)
    client = Client()
    client.force_login(other_user)
    for person, path in ((logged_in_client, "?from=a"), (client, "?a=1&b=2")):
        html = _page(person, path)
        secret = person.cookies["csrftoken"].value
        tokens = TOKENS.findall(html)
        assert tokens and all(_does_token_match(token, secret) for token in tokens)
        assert f'name="next" value="/tips/{path.replace("&", "&amp;")}"' in html
        assert "stand-in" not in html
    assert _unmask_cipher_token(TOKENS.findall(_page(logged_in_client))[0]) != (
        client.cookies["csrftoken"].value
    )


def test_the_cards_are_drawn_once(logged_in_client, user, drawn_templates):
    caches[tip_cards.CARDS_CACHE].clear()
    _page(logged_in_client)
    _page(logged_in_client)
    assert drawn_templates.count("tracker/partials/tip_groups.html") == 1


@pytest.mark.parametrize("change", ["tip", "section", "dismiss", "restore"])
def test_the_page_shows_a_change_at_once(logged_in_client, user, change):
    tip = Tip.objects.filter(is_active=True, language="en").select_related("section").first()
    TipDismissal.objects.create(
        user=user, tip=Tip.objects.filter(is_active=True, language="en").last()
    )
    _page(logged_in_client)
    if change == "tip":
        tip.title = "A title an editor just wrote"
        tip.save()
        assert "A title an editor just wrote" in _page(logged_in_client)
    elif change == "section":
        tip.section.title = "A section just renamed"
        tip.section.save()
        assert ": A section just renamed</span>" in _page(logged_in_client)
    elif change == "dismiss":
        logged_in_client.post(reverse("tracker:dismiss_tip", args=[tip.pk]))
        assert _page(logged_in_client).count("Suggest it again") == 2
    else:
        TipDismissal.objects.filter(user=user).delete()
        assert "Suggest it again" not in _page(logged_in_client)


def test_signed_out_visitors_get_no_forms(logged_in_client):
    _page(logged_in_client)
    html = _page(Client())
    assert "Not for me" not in html
    assert "csrfmiddlewaretoken" not in html.split("<main")[1]
