"""tracker.middleware.AuthenticationMiddleware: the signed-in person is read once, at the start
of the request, as Django's own middleware would read them lazily (issue 30)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import LazyObject

from tests.factories import make_user
from tracker.middleware import AuthenticationMiddleware


def _through_the_middleware(client, path: str = "/"):
    """A request carrying `client`'s session cookie, after the session and person middleware."""
    request = RequestFactory().get(path)
    request.COOKIES.update({name: morsel.value for name, morsel in client.cookies.items()})
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    AuthenticationMiddleware(lambda r: HttpResponse()).process_request(request)
    return request


@pytest.mark.django_db
def test_a_signed_in_person_is_the_person_itself_not_a_lazy_wrapper(client):
    person = make_user("reader")
    client.force_login(person)
    request = _through_the_middleware(client)
    assert not isinstance(request.user, LazyObject)
    assert type(request.user) is type(person)
    assert request.user.pk == person.pk


@pytest.mark.django_db
def test_no_session_is_the_anonymous_person(client):
    request = _through_the_middleware(client)
    assert isinstance(request.user, AnonymousUser)
    assert not isinstance(request.user, LazyObject)


@pytest.mark.django_db
def test_a_session_for_a_deleted_person_is_anonymous(client):
    person = make_user("gone")
    client.force_login(person)
    person.delete()
    assert isinstance(_through_the_middleware(client).user, AnonymousUser)


@pytest.mark.django_db
def test_pages_see_the_signed_in_person_and_others_are_sent_to_log_in(client):
    person = make_user("pages")
    assert client.get("/checkin/").status_code == 302
    client.force_login(person)
    response = client.get("/checkin/")
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == person.pk
    assert not isinstance(response.wsgi_request.user, LazyObject)
