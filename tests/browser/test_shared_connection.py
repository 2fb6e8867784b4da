"""On in-memory SQLite the live server's requests and the test's own queries share one
connection, and take turns on it (conftest.SHARED_CONNECTION_TURN): a query from the test that
landed mid-request once broke the request's transaction in CI."""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from tests.browser.conftest import SHARED_CONNECTION_TURN, _one_request_at_a_time


@pytest.fixture
def shared(live_server):
    if connections["default"].vendor != "sqlite":
        pytest.skip("PostgreSQL: the live server's requests have connections of their own")
    return live_server


def _in_background(work) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_the_server_shares_the_test_database_s_connection(shared):
    assert shared.thread.connections_override["default"] is connections["default"]


def test_a_query_from_the_test_waits_for_the_request_in_progress(shared):
    holding, released_at = threading.Event(), []

    def request_mid_way():
        with SHARED_CONNECTION_TURN:
            holding.set()
            time.sleep(0.5)
            released_at.append(time.monotonic())

    request = _in_background(request_mid_way)
    holding.wait(timeout=5)
    assert get_user_model().objects.count() == 0
    answered_at = time.monotonic()
    request.join(timeout=5)
    assert released_at and answered_at >= released_at[0]


def _turn_is_free_for_another_thread() -> bool:
    free = []

    def try_it():
        if SHARED_CONNECTION_TURN.acquire(blocking=False):
            SHARED_CONNECTION_TURN.release()
            free.append(True)
        else:
            free.append(False)

    _in_background(try_it).join(timeout=5)
    return free[0]


def test_a_request_holds_the_turn_from_its_start_to_its_last_byte(shared):
    assert getattr(shared.thread.httpd.get_app(), "takes_turns", False)
    seen = []

    def app(environ, start_response):
        seen.append(_turn_is_free_for_another_thread())
        start_response("200 OK", [])
        yield b"first "
        seen.append(_turn_is_free_for_another_thread())
        yield b"last"

    body = _one_request_at_a_time(app)({}, lambda status, headers: None)
    assert body == [b"first ", b"last"]
    assert seen == [False, False]
    assert _turn_is_free_for_another_thread()
