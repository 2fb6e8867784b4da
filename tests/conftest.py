import datetime as dt
import os

import pytest
import time_machine
from django.contrib.auth import get_user_model

from tests.factories import make_user

# --- the clock -----------------------------------------------------------------------------------
# The days on which date arithmetic goes wrong: a month's first days (yesterday is last month),
# its last day (tomorrow is next month) and a year's first day. Tests that depend on today take
# the `each_kind_of_day` fixture and run once on each, with the whole process's clock pinned
# there (the live server's thread too), so nothing in them meets the real clock.
KINDS_OF_DAY: dict[str, dt.date] = {
    "1st-of-a-month": dt.date(2027, 3, 1),
    "2nd-of-a-month": dt.date(2027, 3, 2),
    "last-of-a-month": dt.date(2027, 4, 30),
    "1-january": dt.date(2028, 1, 1),
}
# Midday in UTC is the same date in every zone from UTC-11 to UTC+11, the test users' zones.
PINNED_HOUR = dt.time(12, 0, tzinfo=dt.UTC)


def pinned(day: dt.date):
    """The process's clock at midday UTC on `day`, moving on from there as time passes."""
    return time_machine.travel(dt.datetime.combine(day, PINNED_HOUR), tick=True)


def pytest_generate_tests(metafunc):
    # A test that takes `each_kind_of_day` runs once on each kind of day, and gets that date.
    if "each_kind_of_day" in metafunc.fixturenames:
        metafunc.parametrize(
            "each_kind_of_day", list(KINDS_OF_DAY.values()), ids=list(KINDS_OF_DAY)
        )


def _day_from_environment() -> dt.date | None:
    # BACKHABITS_TEST_TODAY=YYYY-MM-DD runs the whole suite as if that were today (browser tests
    # aside: Chromium keeps the real clock, so they choose their data from the page they show).
    value = os.environ.get("BACKHABITS_TEST_TODAY", "")
    return dt.date.fromisoformat(value) if value else None


@pytest.fixture(autouse=True)
def _pinned_clock(request):
    """Pins the clock before any other fixture of the test runs, so the accounts, sessions and
    rows they make are all of the pinned day."""
    callspec = getattr(request.node, "callspec", None)
    day = callspec.params.get("each_kind_of_day") if callspec else None
    if day is None and not request.node.get_closest_marker("browser"):
        day = _day_from_environment()
    if day is None:
        yield
        return
    with pinned(day):
        yield


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
def _english_after_each_test():
    """A request in another language leaves that language active in the test's thread; the
    next test starts in English, as a new request would."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits count in the default cache: each test starts with none used.
    from django.core.cache import caches

    caches["default"].clear()
    # Each language's active tips are kept per process under the saved tips' figures; a test's
    # rolled-back rows could give the next test the same figures.
    from tracker.guide.day_choice import ACTIVE_TIPS

    ACTIVE_TIPS.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # A real password hash takes about half a second by design; the suite creates hundreds of
    # accounts. Tests of hashing itself set PASSWORD_HASHERS back (tests/views/test_passwords.py).
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


@pytest.fixture
def drawn_templates():
    """The names of the templates drawn while the test runs, in order (the test runner's
    template_rendered signal): for tests that something kept is not drawn again."""
    from django.test.signals import template_rendered

    drawn: list[str] = []

    def record(sender, template, **kwargs):
        drawn.append(template.name)

    template_rendered.connect(record)
    yield drawn
    template_rendered.disconnect(record)
