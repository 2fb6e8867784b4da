"""Running the same action in several threads at once, for PostgreSQL concurrency tests."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection


def run_together(count: int, action: Callable[[int], object]) -> list:
    """Starts `count` threads that call action(index) at the same moment; returns each
    result, or the exception it raised. Skips on SQLite, which serialises writers."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent connections (CI runs it)")
    barrier, results = threading.Barrier(count), []

    def run(index: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            results.append(action(index))
        except Exception as exc:  # collected and asserted by the caller
            results.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
