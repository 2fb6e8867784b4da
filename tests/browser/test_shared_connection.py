"""On in-memory SQLite the live server's requests and the test's own queries share one
connection, and take turns on it (conftest.SHARED_CONNECTION_TURN): a query from the test that
landed mid-request once broke the request's transaction in CI."""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connections

from tests.browser.conftest import SHARED_CONNECTION_TURN, _one_request_at_a_time, stored


@pytest.fixture
def shared(live_server):
    database = connections["default"]
    if database.vendor != "sqlite" or not database.is_in_memory_db():
        pytest.skip("a database on disk: the live server's requests have connections of their own")
    return live_server


def _in_background(work) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_the_server_shares_the_test_database_s_connection(shared):
    assert shared.thread.connections_override["default"] is connections["default"]


def _request_mid_way(order: list) -> threading.Thread:
    """A request in the background, holding the turn for half a second; returns once it does."""
    holding = threading.Event()

    def request():
        with SHARED_CONNECTION_TURN:
            holding.set()
            time.sleep(0.5)  # the test asks meanwhile
            order.append("request done")

    thread = _in_background(request)
    holding.wait()
    return thread


def test_a_query_from_the_test_waits_for_the_request_in_progress(shared):
    order = []
    request = _request_mid_way(order)
    assert get_user_model().objects.count() == 0
    order.append("query answered")
    request.join()
    assert order == ["request done", "query answered"]


def test_a_poll_of_the_database_waits_for_the_request_in_progress(shared):
    order = []
    request = _request_mid_way(order)
    assert stored(lambda: order.append("polled") or True)()
    request.join()
    assert order == ["request done", "polled"]


def _turn_is_free_for_another_thread() -> bool:
    free = []

    def try_it():
        if SHARED_CONNECTION_TURN.acquire(blocking=False):
            SHARED_CONNECTION_TURN.release()
            free.append(True)
        else:
            free.append(False)

    _in_background(try_it).join()
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
