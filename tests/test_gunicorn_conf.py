"""backhabits/gunicorn.conf.py: full garbage collections happen between requests, never inside
one, and `make serve` and the load test both run gunicorn with it."""

import gc
import os
import runpy
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "backhabits" / "gunicorn.conf.py"


@pytest.fixture
def conf():
    threshold = gc.get_threshold()
    yield runpy.run_path(str(CONF))
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_a_worker_freezes_the_loaded_app_and_leaves_full_collections_to_itself(conf):
    conf["post_worker_init"](worker=None)
    assert gc.get_freeze_count() > 0
    young, middle, full = gc.get_threshold()
    assert (young, middle) == (700, 10)  # Python's own, untouched
    assert full >= conf["NEVER"]


def test_a_full_collection_runs_after_a_request_as_often_as_python_would(conf):
    conf["post_worker_init"](worker=None)
    collections = gc.get_stats()[2]["collections"]
    while gc.get_count()[2] < conf["FULL_EVERY"] - 1:
        gc.collect(1)  # the middle generation, as allocation would trigger it
    conf["post_request"](None, None, {}, None)
    assert gc.get_stats()[2]["collections"] == collections  # not yet
    gc.collect(1)
    conf["post_request"](None, None, {}, None)
    assert gc.get_stats()[2]["collections"] == collections + 1
    assert gc.get_count()[2] == 0


def test_make_serve_and_the_load_test_use_it():
    assert "--config backhabits/gunicorn.conf.py" in (ROOT / "Makefile").read_text()
    load_test = (ROOT / "benchmarks" / "load_test.py").read_text()
    assert '"--config", str(ROOT / "backhabits" / "gunicorn.conf.py")' in load_test


def test_gunicorn_starts_and_answers_with_it(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    (tmp_path / "serve_settings.py").write_text(
        "from backhabits.settings import *  # noqa: F403\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update({
        "DJANGO_SECRET_KEY": "s" * 60, "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "serve_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
    })  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "backhabits.wsgi", "--config", str(CONF),
         "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                _healthz(port)
                break
            except OSError:
                time.sleep(0.1)
        # Each after the last one's post_request ran.
        assert [_healthz(port) for _ in range(3)] == [b"HTTP/1.1 200 OK"] * 3
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "Exception in post_request hook" not in output


def _healthz(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        return client.recv(4096).split(b"\r\n")[0]
