"""tracker/accounts/sessions: the session row read plainly, as Django's own stores read it
(issue 30)."""

import datetime as dt

import pytest
from django.contrib.sessions.backends import db as django_db
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone

from tracker.accounts.sessions import PlainSessionRead, cached_db, db

STORES = [db.SessionStore, cached_db.SessionStore]


def _saved(data: dict) -> str:
    store = django_db.SessionStore()
    store.update(data)
    store.save()
    return store.session_key


@pytest.mark.django_db
@pytest.mark.parametrize("store", STORES)
def test_a_live_session_loads_as_djangos_own_store_loads_it(store):
    key = _saved({"_auth_user_id": "7", "backhabits_session_generation": 2})
    cache.clear()
    found = store(key)
    assert found.load() == django_db.SessionStore(key).load()
    assert found.load() == {"_auth_user_id": "7", "backhabits_session_generation": 2}
    assert found.session_key == key


@pytest.mark.django_db
@pytest.mark.parametrize("store", STORES)
def test_an_expired_or_unknown_session_is_empty_and_its_key_forgotten(store):
    expired = _saved({"_auth_user_id": "7"})
    Session.objects.filter(session_key=expired).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    cache.clear()
    for key in (expired, "nosuchsession12345678"):
        found = store(key)
        assert found.load() == {}
        assert found.session_key is None


@pytest.mark.django_db
def test_a_session_expiring_a_minute_from_now_still_loads():
    key = _saved({"_auth_user_id": "7"})
    Session.objects.filter(session_key=key).update(
        expire_date=timezone.now() + dt.timedelta(minutes=1)
    )
    assert db.SessionStore(key).load() == {"_auth_user_id": "7"}


@pytest.mark.django_db
def test_the_cached_store_fills_the_cache_from_the_row(django_assert_num_queries):
    key = _saved({"_auth_user_id": "7"})
    cache.clear()
    with django_assert_num_queries(1):
        assert cached_db.SessionStore(key).load() == {"_auth_user_id": "7"}
    with django_assert_num_queries(0):
        assert cached_db.SessionStore(key).load() == {"_auth_user_id": "7"}


def test_a_signed_in_page_reads_its_session_through_the_plain_read(logged_in_client, monkeypatch):
    reads = []
    original = PlainSessionRead._get_session_from_db

    def counted(self):
        reads.append(self.session_key)
        return original(self)

    monkeypatch.setattr(PlainSessionRead, "_get_session_from_db", counted)
    cache.clear()
    response = logged_in_client.get("/")
    assert response.status_code == 200 and response.context["user"].username == "alice"
    assert reads == [logged_in_client.session.session_key]
