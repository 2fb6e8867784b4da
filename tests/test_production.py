"""Production configuration: refuses to start unsafely, passes Django's deployment checks."""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_check(env_overrides: dict, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


GOOD_KEY = secrets.token_urlsafe(50)


def test_production_settings_pass_the_deployment_checks():
    result = _run_check(
        {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "backhabits.example.org"},
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "backhabits.example.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "x.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": GOOD_KEY}, "DJANGO_ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_a_real_key_and_hosts(env, message):
    result = _run_check(env)
    assert result.returncode != 0
    assert message in result.stderr


def test_debug_is_off_unless_asked_for():
    result = subprocess.run(
        [sys.executable, "-c", "from backhabits import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SECRET_KEY": GOOD_KEY,
            "DJANGO_ALLOWED_HOSTS": "x.org",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize("pooler", ["1", "0"])
def test_behind_a_transaction_pooler_no_cursor_or_statement_outlives_a_query(pooler):
    code = (
        "from backhabits import settings; db = settings.DATABASES['default']; "
        "options = db.get('OPTIONS', {}); "
        "print(db.get('DISABLE_SERVER_SIDE_CURSORS', False), "
        "'prepare_threshold' in options, options.get('prepare_threshold', 5))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SECRET_KEY": GOOD_KEY,
            "DJANGO_ALLOWED_HOSTS": "x.org",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
            "DJANGO_DB_TRANSACTION_POOLER": pooler,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    expected = "True True None" if pooler == "1" else "False False 5"
    assert result.stdout.strip() == expected, result.stderr


def test_a_malformed_boolean_is_refused_clearly():
    result = _run_check({"DJANGO_DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be a boolean" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _send(port: int, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(raw)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return received


def test_gunicorn_as_make_serve_runs_it_logs_no_secret_from_a_url(tmp_path):
    """Every URL with a secret (tests/secret_urls.py), sent to gunicorn run as `make serve` runs
    it: a plain request, one with a Referer, and a request line gunicorn cannot parse. Neither
    its access log, its own warnings nor Django's records (the database here has no tables, so
    each page fails with a logged traceback) show a secret."""
    from tests.secret_urls import secret_urls

    urls = secret_urls()
    # Production settings, with static files read from the source (no collectstatic here).
    (tmp_path / "serve_settings.py").write_text(
        "from backhabits.settings import *  # noqa: F403\n"
        "STORAGES = {**STORAGES, 'staticfiles': {'BACKEND': "
        "'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.update({
        "DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SETTINGS_MODULE": "serve_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
    })  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "backhabits.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", "-",
         "--logger-class", "backhabits.gunicorn_logging.RedactingLogger"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                _send(port, b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
                break
            except OSError:
                time.sleep(0.1)
        for url in urls:
            referer = f"https://localhost{url.path}".encode()
            path = url.path.encode()
            _send(port, b"GET " + path + b" HTTP/1.1\r\nHost: localhost\r\nReferer: " + referer
                  + b"\r\nConnection: close\r\n\r\n")  # fmt: skip
            _send(port, b"GET " + path + b"\r\nHost: localhost\r\n\r\n")  # no HTTP version
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    logs = out + err
    # Each URL was logged at every point: gunicorn's warning, the access lines, and Django's
    # records (a 503 with its traceback where a page needs a table).
    assert err.count("Invalid HTTP request line") == len(urls), err
    assert "Traceback" in err, err
    assert out.count('"GET /') == len(urls) + 1, out  # healthz and each well-formed request
    for url in urls:
        for secret in url.secrets:
            assert secret not in logs, (url.name, logs)
