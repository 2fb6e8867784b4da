"""Shared set-up for the benchmarks: a fresh database and timing helpers."""

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


def timed(action: Callable[[], object], *, iterations: int, warmup: int = 3) -> dict:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))],
        "n": iterations,
    }


def report(name: str, figures: dict, floor: dict | None) -> None:
    ratio = f"{figures['median'] / floor['median']:5.1f}x floor" if floor else "    (floor)"
    print(
        f"{name:<42} median {figures['median']:7.2f} ms   p95 {figures['p95']:7.2f} ms   "
        f"{ratio}   n={figures['n']}"
    )
