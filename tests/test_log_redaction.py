"""No log line carries a secret from a URL (a password-reset, e-mail confirmation, unsubscribe
or share token): following a logged path would reset a password or open a person's report.
Every URL pattern with a secret parameter (tests/secret_urls.py finds them) is checked at every
point that logs a path: gunicorn's access line, gunicorn's own warnings (an invalid request
line quotes it) and Django's log records."""

import datetime as dt
import io
import logging
from unittest import mock

import pytest
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from django.urls import clear_url_caches
from django.urls import path as url_path
from django.utils.log import log_response
from gunicorn.config import Config
from gunicorn.http.errors import InvalidRequestLine
from gunicorn.workers.base import Worker

from backhabits import urls as app_urls
from backhabits.gunicorn_logging import RedactingLogger
from tests.secret_urls import SecretUrl, secret_urls
from tracker.log_filters import redact_secrets

SECRET_URLS = secret_urls()


def test_the_urls_with_secrets_are_found():
    # The walk itself must work: these are the ones known today; a new one joins by itself.
    names = {url.name for url in SECRET_URLS}
    assert {
        "password_reset_confirm",
        "tracker:confirm_email",
        "tracker:unsubscribe",
        "tracker:shared_report",
    } <= names


def _variants(url: SecretUrl) -> list[str]:
    # As a browser sends it, with a query, and with the first letter percent-encoded (Django
    # decodes it, so it still opens the page; the raw request line keeps the encoding).
    encoded = f"/%{ord(url.path[1]):02X}{url.path[2:]}"
    return [url.path, url.path + "?next=/", encoded]


def _assert_clean(text: str, url: SecretUrl) -> None:
    for secret in url.secrets:
        assert secret not in text, (url.name, text)
    assert "[token]" in text, (url.name, text)


@pytest.fixture
def console():
    """What the configured `console` handler (LOGGING, with its filters) writes."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.parametrize("url", SECRET_URLS, ids=lambda url: url.name)
def test_gunicorns_access_line_carries_no_secret(url):
    logger = RedactingLogger(Config())
    for path in _variants(url):
        environ = {
            "REQUEST_METHOD": "GET", "RAW_URI": path, "PATH_INFO": path.split("?")[0],
            "QUERY_STRING": "", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "203.0.113.5",
            "HTTP_REFERER": f"https://backhabits.example.org{path}",
        }  # fmt: skip
        response = mock.Mock(status="200 OK", headers=[("Location", path)], sent=10)
        request = mock.Mock(headers=[("REFERER", environ["HTTP_REFERER"])])
        atoms = logger.atoms(response, request, environ, dt.timedelta(milliseconds=5))
        _assert_clean(repr(atoms), url)


@pytest.mark.parametrize("url", SECRET_URLS, ids=lambda url: url.name)
def test_gunicorns_invalid_request_line_warning_carries_no_secret(url):
    logger = RedactingLogger(Config())
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.error_log.addHandler(handler)
    try:
        for path in _variants(url):
            # gunicorn's own handling of a request line it cannot parse, as a worker runs it.
            worker = mock.Mock(log=logger, cfg=Config())
            Worker.handle_error(worker, None, mock.Mock(), ("203.0.113.5", 1),
                                InvalidRequestLine(f"GET {path} HTTP/1.1 extra"))  # fmt: skip
            # …and its line for an application error (Worker.handle_error's wording).
            try:
                raise ValueError(path)
            except ValueError:
                logger.exception("Error handling request %s %s", "GET", path)
    finally:
        logger.error_log.removeHandler(handler)
    assert "Invalid request from ip=203.0.113.5" in stream.getvalue()
    _assert_clean(stream.getvalue(), url)


@pytest.mark.parametrize("url", SECRET_URLS, ids=lambda url: url.name)
def test_djangos_log_records_carry_no_secret(url, console):
    for path in _variants(url):
        request = RequestFactory().get(path)
        # Django's own records name the path: "Not Found: …", "Internal Server Error: …" with
        # a traceback, and the development server's request line.
        log_response("Not Found: %s", request.path, response=HttpResponseNotFound(),
                     request=request)  # fmt: skip
        try:
            raise ValueError(f"could not handle {path}")
        except ValueError:
            logging.getLogger("django.request").exception(
                "Internal Server Error: %s", request.path, extra={"request": request}
            )
        logging.getLogger("django.server").warning('"%s" %s %s', f"GET {path} HTTP/1.1", 404, 0)
        logging.getLogger("django.request").warning(f"Forbidden: {path}")
    _assert_clean(console.getvalue(), url)
    assert console.getvalue().count("Not Found: ") == len(_variants(url))


urlpatterns = [
    *app_urls.urlpatterns,
    url_path("magic-link/<str:token>/", lambda request, token: None, name="magic_link"),
]


def test_a_new_url_with_a_token_is_found_and_must_be_redacted(settings):
    # This module as the URLconf: the app's patterns plus one new URL with a token.
    settings.ROOT_URLCONF = __name__
    clear_url_caches()
    try:
        (new,) = [url for url in secret_urls() if url.name == "magic_link"]
    finally:
        clear_url_caches()
    # Nothing redacts it yet, so the checks above would fail for it until it is listed.
    assert new.secrets[0] in redact_secrets(new.path)
