"""What every response says to the browser: not kept when signed in, HEAD like GET, a NUL is a
400, and the headers behind the scanner score (tracker.middleware, backhabits.settings)."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import checkin_post_data
from tracker.models import CheckIn

STATIC = Path(__file__).resolve().parents[2] / "static"
HEALTH_PAGES = [
    "/", "/checkin/", "/history/", "/trends/", "/trends/table/discomfort/", "/report/",
    "/care/", "/settings/", "/settings/health/", "/export.csv", "/export.json", "/guide/",
]  # fmt: skip


# --- nothing a signed-in person sees is kept by the browser ---------------------------------


@pytest.mark.parametrize("path", HEALTH_PAGES)
def test_every_response_to_a_signed_in_person_is_no_store(logged_in_client, path):
    for headers in ({}, {"HX-Request": "true"}):
        response = logged_in_client.get(path, headers=headers)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "no-store"


def test_a_save_and_a_water_tap_are_no_store_too(logged_in_client):
    htmx = {"HX-Request": "true"}
    for response in (
        logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(), headers=htmx),
        logged_in_client.post(reverse("tracker:add_water"), headers=htmx),
    ):
        assert response["Cache-Control"] == "no-store"


def test_htmx_keeps_no_history_snapshots(logged_in_client):
    html = logged_in_client.get("/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", html).group(1)
    assert '"historyCacheSize": 0' in config and '"refreshOnHistoryMiss": true' in config


# --- HEAD works wherever GET does ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz", "/guide/", "/tips/", "/accounts/login/", "/"])
def test_head_is_answered_like_get(client, db, path):
    assert client.head(path).status_code == client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/trends/", "/history/", "/report/", "/care/", "/export.csv"])
def test_head_on_signed_in_pages(logged_in_client, path):
    assert logged_in_client.head(path).status_code == 200


# --- NUL anywhere is a 400 -------------------------------------------------------------------


def test_a_nul_in_an_admin_filter_is_a_400(admin_client):
    response = admin_client.get(reverse("admin:tracker_tip_changelist"), {"q": "a\x00b"})
    assert response.status_code == 400


@pytest.mark.parametrize("field", ["notes", "discomfort", "symptoms"])
def test_a_nul_in_form_data_is_a_400_and_nothing_is_saved(logged_in_client, field):
    data = checkin_post_data(**{field: "3\x00"})
    response = logged_in_client.post(reverse("tracker:checkin"), data)
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_nul_in_a_query_string_is_a_400(logged_in_client):
    assert logged_in_client.get("/trends/?range=%00").status_code == 400
    assert logged_in_client.get("/history/?month=2026-0%001").status_code == 400


# --- the scanner: headers ------------------------------------------------------------------


def test_permissions_policy_turns_off_what_the_app_never_uses(client, db):
    policy = client.get("/").headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_csp_allows_nothing_by_default(client, db):
    csp = client.get("/").headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'none'"
    for needed in ("script-src", "style-src", "connect-src", "manifest-src", "worker-src"):
        assert directives[needed] == "'self'", needed


def _sri(path: Path) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def test_our_scripts_and_stylesheet_carry_their_integrity(client, db):
    import django_htmx

    html = client.get("/").content.decode()
    htmx = Path(django_htmx.__file__).parent / "static" / "django_htmx" / "htmx-2.min.js"
    for path in (STATIC / "js" / "app.js", STATIC / "css" / "app.css", htmx):
        assert f'integrity="{_sri(path)}"' in html, path.name
    tags = re.findall(r"<script [^>]*>", html)
    assert tags and all("integrity=" in tag for tag in tags)
