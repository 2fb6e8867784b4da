"""Shared set-up for the benchmarks: a fresh database and timing helpers."""

import argparse
import importlib.util
import os
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_SQLITE = "sqlite:////tmp/backhabits-bench.sqlite3"


def fresh_database(database_url: str | None) -> str:
    """Points Django at an empty database of its own and migrates it."""
    url = database_url or BENCH_SQLITE
    if url.startswith("sqlite:"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        base, _, name = url.rpartition("/")
        bench_name = f"{name}_bench"
        with psycopg.connect(f"{base}/{name}", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{bench_name}"')
            conn.execute(f'CREATE DATABASE "{bench_name}"')
        url = f"{base}/{bench_name}"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backhabits.settings")
    # Production settings (DEBUG off), minus the HTTPS redirect the test client would hit.
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    django.setup()
    # The benchmark renders pages without collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def start(
    description: str, *, users: int, iterations: int, flags: dict[str, str] | None = None
) -> argparse.Namespace:
    """The benchmarks' shared command line (plus a benchmark's own on/off `flags`, name to
    help), then a fresh database named on the first line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--users", type=int, default=users, help="other users with a year each")
    parser.add_argument("--iterations", type=int, default=iterations)
    for name, help_text in (flags or {}).items():
        parser.add_argument(name, action="store_true", help=help_text)
    args = parser.parse_args()
    url = fresh_database(os.environ.get("DATABASE_URL"))
    from django.db import connection

    print(f"database: {connection.vendor} ({url.rpartition('@')[2]})")
    if connection.vendor != "sqlite":
        print("CPU figures leave out the database server's own work: compare wall-clock ratios")
    return args


def _figures(samples: list[tuple[float, float]]) -> dict:
    """Wall-clock median and p95, and the median CPU time of this thread (`cpu`): what the
    request cost the processor, whatever else the machine's cores were doing meanwhile (on a
    shared virtual machine the wall clock also counts time the core was lent to others)."""
    walls = sorted(wall for wall, _ in samples)
    return {
        "median": statistics.median(walls),
        "p95": walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))],
        "cpu": statistics.median(cpu for _, cpu in samples),
        "n": len(walls),
    }


# Set by as_a_worker: what gunicorn runs after each response (None: nothing).
_after_response: Callable[[], object] | None = None


def as_a_worker() -> None:
    """The garbage collector as each gunicorn worker runs it (backhabits/gunicorn.conf.py, used
    by `make serve` and the load test): what is loaded is frozen, and full collections run
    between requests, after the response, rather than inside whichever request tips the count.
    Call once everything is loaded, before timing; each timed request is then followed, untimed,
    by what gunicorn does after sending a response."""
    global _after_response
    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf", ROOT / "backhabits" / "gunicorn.conf.py"
    )
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    conf.post_worker_init(None)
    _after_response = lambda: conf.post_request(None, None, None, None)  # noqa: E731


def forget_what_is_kept_for_people() -> None:
    """A person's first view of the day, in a process that has not seen them today: what is
    kept per person goes (drawn charts, the trends' kept days and drawings, the day's tips);
    what is kept for everyone stays."""
    from django.core.cache import caches

    from tracker.trends import before_today, chart_points

    for cache in ("fragments", "tips"):
        caches[cache].clear()
    chart_points._drawn_before_last.cache_clear()
    for kept in (before_today.KEPT, before_today.DRAWN, before_today.ROWS):
        kept.clear()


def browser():
    """A test client whose requests name the codings Chromium's name: each page then pays for
    its compression (backhabits/compression.py), as a person's page does. The test client alone
    sends no Accept-Encoding, and would be answered uncompressed."""
    from django.test import Client

    return Client(headers={"Accept-Encoding": "gzip, deflate, br, zstd"})


def page_text(response) -> str:
    """A response's page, uncompressed."""
    import gzip
    import io

    import zstandard

    coding = response.get("Content-Encoding")
    if coding == "gzip":
        return gzip.decompress(response.content).decode()
    if coding == "zstd":
        body = io.BytesIO(response.content)
        decompressor = zstandard.ZstdDecompressor()
        return decompressor.stream_reader(body, read_across_frames=True).read().decode()
    return response.content.decode()


def post_form(client, path: str, form: dict, **extra):
    """A form's POST with its fields encoded as a browser sends a form without `enctype` (and
    htmx sends one): URL-encoded. The test client's default is multipart, whose parsing cost a
    save about 8 % that no person's request pays."""
    from urllib.parse import urlencode

    return client.post(
        path, urlencode(form, doseq=True), content_type="application/x-www-form-urlencoded",
        **extra,
    )  # fmt: skip


def save_a_day(client, form: dict) -> None:
    """The check-in's plain POST, as a person sends it: its answer is a redirect to home, whose
    page shows the "Saved" message and so empties the messages cookie. The benchmarks request
    the save alone, again and again; without emptying it the cookie would fill with unread
    messages, and each save would spend a sixth of its time fitting them back into it."""
    from django.contrib.messages.storage.cookie import CookieStorage

    response = post_form(client, "/checkin/", form)
    assert response.status_code == 302, response.status_code
    client.cookies.pop(CookieStorage.cookie_name, None)


def _elapsed_ms(action: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock ms, CPU ms of this thread) of one request (the test client runs it, and
    SQLite, in this thread). The CPU time counts what the worker does after the response
    too (a full garbage collection, now and then): the person doesn't wait for it, the
    processor still does it. On PostgreSQL the server's own work is in neither figure's CPU."""
    start, start_cpu = time.perf_counter(), time.thread_time()
    action()
    elapsed = (time.perf_counter() - start) * 1000
    if _after_response is not None:
        _after_response()
    return elapsed, (time.thread_time() - start_cpu) * 1000


def timed(action: Callable[[], object], *, iterations: int, warmup: int = 3) -> dict:
    for _ in range(warmup):
        action()
    return _figures([_elapsed_ms(action) for _ in range(iterations)])


def timed_against(
    action: Callable[[], object],
    floor: Callable[[], object],
    *,
    iterations: int,
    block: int = 10,
    warmup: int = 3,
    prepare: Callable[[], object] = lambda: None,
) -> tuple[dict, dict]:
    """Times `action` and the floor in alternating blocks, so that a machine that speeds up or
    slows down during the run (shared cores, frequency scaling) moves both figures alike and
    the ratio stays fair. Blocks rather than single requests, each block opened by one untimed
    request: the first request after a block of the other kind pays some of its clean-up.
    `prepare` runs untimed before each timed `action`."""
    for _ in range(warmup):
        floor()
        action()
    action_samples, floor_samples = [], []
    while len(action_samples) < iterations:
        floor()
        floor_samples.extend(_elapsed_ms(floor) for _ in range(block))
        prepare()
        action()
        for _ in range(block):
            prepare()
            action_samples.append(_elapsed_ms(action))
    return _figures(action_samples), _figures(floor_samples)


def report(name: str, figures: dict, floor: dict | None, alone: dict | None = None) -> None:
    """One line per page: wall-clock median and p95, median CPU, and its ratio (CPU) to the
    floor timed alongside it (with the wall-clock ratio beside it) and, when given, to the
    floor timed on its own (a little lower: it never follows a heavy page)."""
    ratio = ""
    if floor:
        ratio = (
            f"{figures['cpu'] / floor['cpu']:5.2f}x floor alongside "
            f"(wall {figures['median'] / floor['median']:4.1f}x)"
        )
        if alone:
            ratio += f", {figures['cpu'] / alone['cpu']:4.1f}x floor on its own"
    print(
        f"{name:<56} median {figures['median']:7.2f} ms   p95 {figures['p95']:7.2f} ms   "
        f"cpu {figures['cpu']:6.2f} ms   n={figures['n']:<4} {ratio}"
    )
