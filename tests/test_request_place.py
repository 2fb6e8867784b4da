"""Where a request is served (its script prefix and URL configuration) is fixed once it has been
routed and forgotten once it has been answered (tracker.middleware.RequestPlaceMiddleware):
tracker.links.page_address reads it from there, and the language afresh, so whatever is kept
under page_address follows each request's own address."""

import re

import pytest
from django.core.handlers.wsgi import get_script_name
from django.http import JsonResponse
from django.test import override_settings
from django.test.client import ClientHandler
from django.urls import get_script_prefix, get_urlconf, include, path, set_script_prefix
from django.utils import translation

from tracker import links

seen_in_views: list[dict] = []


def _where_am_i(request):
    """What page_address says while a view answers, and what it is made from."""
    with translation.override("es"):
        in_spanish = links.page_address()
    seen_in_views.append(
        {
            "fixed": links._REQUEST_PLACE.get(),
            "address": links.page_address(),
            "in_spanish": in_spanish,
            "live": (get_script_prefix(), get_urlconf()),
        }
    )
    return JsonResponse({})


urlpatterns = [
    path("where/", _where_am_i),
    path("", include("backhabits.urls")),
]


class _ServedUnderItsScriptName(ClientHandler):
    """The test client's handler (which keeps the test's database connection open), setting the
    script prefix from SCRIPT_NAME first, as Django's WSGIHandler does (the test client's
    handler does not)."""

    def __call__(self, environ):
        set_script_prefix(get_script_name(environ))
        return super().__call__(environ)


@pytest.fixture
def served(client):
    """`served(path, script_name)`: the response of `path` served under `script_name`."""
    client.handler = _ServedUnderItsScriptName(enforce_csrf_checks=False)
    try:
        yield lambda path, script_name: client.get(path, SCRIPT_NAME=script_name)
    finally:
        set_script_prefix("/")


@pytest.fixture
def views_seen():
    seen_in_views.clear()
    yield seen_in_views
    seen_in_views.clear()


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db
def test_a_routed_request_fixes_its_own_prefix_and_urlconf(served, views_seen):
    for script_name in ("", "/app", "/other/place", ""):
        assert served("/where/", script_name).status_code == 200
    prefixes = [seen["address"][1] for seen in views_seen]
    assert prefixes == ["/", "/app/", "/other/place/", "/"]
    for seen in views_seen:
        assert seen["fixed"] == seen["address"][1:] == seen["live"]
        assert seen["address"] == ("en", *seen["live"])
        assert seen["live"][1] == __name__  # the overriding URLconf, as Django applied it
        # The language is read each time: a view drawing in another language gets its own.
        assert seen["in_spanish"] == ("es", *seen["live"])


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db
def test_the_place_is_forgotten_once_the_request_is_answered(served, views_seen):
    served("/where/", "/app")
    assert views_seen[0]["fixed"] == ("/app/", __name__)
    assert links._REQUEST_PLACE.get() is None
    try:
        set_script_prefix("/elsewhere/")
        assert links.page_address() == ("en", "/elsewhere/", __name__)
    finally:
        set_script_prefix("/")
    assert links.page_address() == ("en", "/", __name__)


@override_settings(ROOT_URLCONF=__name__)
def test_outside_a_request_both_are_read_as_they_are(settings):
    assert links._REQUEST_PLACE.get() is None
    assert links.page_address() == ("en", "/", settings.ROOT_URLCONF)
    try:
        set_script_prefix("/sub/")
        with translation.override("es"):
            assert links.page_address() == ("es", "/sub/", settings.ROOT_URLCONF)
    finally:
        set_script_prefix("/")


@pytest.mark.django_db
def test_each_pages_kept_links_follow_its_own_requests_address(logged_in_client, served):
    """Home, the check-in page and Settings keep drawings (the header, fixed blocks, the form)
    under page_address: asked for under one address and then another, each page links within
    its own."""
    for page in ("/", "/checkin/", "/settings/"):
        response = served(page, "")
        assert response.status_code == 200
        at_root = response.content.decode()
        moved = served(page, "/app").content.decode()
        again = served(page, "").content.decode()
        for link in ("/checkin/", "/trends/", "/settings/"):
            assert f'href="{link}' in at_root and f'href="/app{link}' not in at_root
            assert f'href="/app{link}' in moved and f'href="{link}' not in moved
        assert _links(again) == _links(at_root) != _links(moved)


def _links(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)
