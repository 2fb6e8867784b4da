"""Where a request is served (its script prefix and URL configuration) is fixed once it has been
routed and forgotten once it has been answered (tracker.middleware.RequestPlaceMiddleware):
tracker.links.page_address reads it from there, and the language afresh, so whatever is kept
under page_address follows each request's own address."""

import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.http import JsonResponse
from django.test import RequestFactory, override_settings
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


def _served(path: str, script_name: str, cookie: str = "") -> tuple[str, str]:
    """The status and page of `path` served under `script_name` as a WSGI server serves it
    (Django's handler sets the script prefix from it; the test client's does not)."""
    environ = RequestFactory().get(path, SCRIPT_NAME=script_name, HTTP_COOKIE=cookie).environ
    answered = {}

    def start_response(status, headers):
        answered["status"] = status

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response).decode()
    finally:
        response.close()
    return answered["status"], body


@pytest.fixture
def views_seen():
    seen_in_views.clear()
    yield seen_in_views
    seen_in_views.clear()


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.django_db
def test_a_routed_request_fixes_its_own_prefix_and_urlconf(views_seen):
    for script_name in ("", "/app", "/other/place", ""):
        assert _served("/where/", script_name)[0].startswith("200")
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
def test_the_place_is_forgotten_once_the_request_is_answered(views_seen):
    _served("/where/", "/app")
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
def test_each_pages_kept_links_follow_its_own_requests_address(logged_in_client):
    """Home, the check-in page and Settings keep drawings (the header, fixed blocks, the form)
    under page_address: asked for under one address and then another, each page links within
    its own."""
    cookie = logged_in_client.cookies.output(attrs=[], header="", sep=";").strip()
    for page in ("/", "/checkin/", "/settings/"):
        status, at_root = _served(page, "", cookie)
        assert status.startswith("200")
        moved = _served(page, "/app", cookie)[1]
        again = _served(page, "", cookie)[1]
        for link in ("/checkin/", "/trends/", "/settings/"):
            assert f'href="{link}' in at_root and f'href="/app{link}' not in at_root
            assert f'href="/app{link}' in moved and f'href="{link}' not in moved
        assert _links(again) == _links(at_root) != _links(moved)


def _links(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)
