import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_user


@pytest.fixture(autouse=True)
def _plain_static_storage(settings, tmp_path_factory):
    # Hashed static names need `collectstatic`; tests render templates without running it, and
    # read the source files (integrity hashes too), never a `staticfiles/` a `make run` left.
    settings.STATIC_ROOT = tmp_path_factory.getbasetemp() / "no-collected-static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits count in the default cache: each test starts with none used.
    from django.core.cache import caches

    caches["default"].clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # A real password hash takes about half a second by design; the suite creates hundreds of
    # accounts. Tests of hashing itself set PASSWORD_HASHERS back (tests/test_passwords.py).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def user(db):
    return make_user("alice")


@pytest.fixture
def other_user(db):
    return make_user("bob")


@pytest.fixture
def logged_in_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def other_client(db, other_user):
    from django.test import Client

    other = Client()
    other.force_login(other_user)
    return other


@pytest.fixture
def user_model():
    return get_user_model()
