"""Security, second round: each finding of the probe, and the headers behind the scanner score."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, checkin_post_data, make_user
from tracker.models import CheckIn, GuideSection

STATIC = Path(__file__).resolve().parents[2] / "static"
HEALTH_PAGES = [
    "/", "/checkin/", "/history/", "/trends/", "/trends/table/discomfort/", "/report/",
    "/care/", "/settings/", "/settings/health/", "/export.csv", "/export.json", "/guide/",
]  # fmt: skip


# --- 2. nothing a signed-in person sees is kept by the browser ---------------------------------


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


# --- 3. current-password checks share the log-in's lockout -------------------------------------


def _wrong_deletes(client, times: int):
    for _ in range(times):
        client.post(reverse("tracker:delete_account"), {"password": "not-it"})


def test_wrong_passwords_on_delete_account_lock_it_and_nothing_is_deleted(logged_in_client, user):
    _wrong_deletes(logged_in_client, 5)
    response = logged_in_client.post(reverse("tracker:delete_account"), {"password": PASSWORD})
    assert "Too many wrong passwords" in response.content.decode()
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_four_wrong_passwords_still_let_the_right_one_delete(logged_in_client, user):
    _wrong_deletes(logged_in_client, 4)
    logged_in_client.post(reverse("tracker:delete_account"), {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_wrong_passwords_in_settings_lock_the_log_in_too(logged_in_client, user):
    _wrong_deletes(logged_in_client, 5)
    response = Client().post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429


def test_wrong_current_passwords_on_password_change_are_throttled(logged_in_client, user):
    change = {"new_password1": "an-even-longer-passphrase-99",
              "new_password2": "an-even-longer-passphrase-99"}  # fmt: skip
    for _ in range(5):
        logged_in_client.post(reverse("password_change"), {**change, "old_password": "no"})
    response = logged_in_client.post(
        reverse("password_change"), {**change, "old_password": PASSWORD}
    )
    assert "Too many wrong passwords" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change_still_works(logged_in_client, user):
    response = logged_in_client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "an-even-longer-passphrase-99",
         "new_password2": "an-even-longer-passphrase-99"},
    )  # fmt: skip
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("an-even-longer-passphrase-99")


def test_no_password_is_stored_with_a_failure(logged_in_client, user):
    from axes.models import AccessAttempt

    logged_in_client.post(
        reverse("password_change"),
        {"old_password": "SECRET-OLD", "new_password1": "SECRET-NEW1", "new_password2": "x"},
    )
    logged_in_client.post(reverse("tracker:delete_account"), {"password": "SECRET-DEL"})
    stored = " ".join(AccessAttempt.objects.values_list("post_data", flat=True))
    assert AccessAttempt.objects.exists()
    assert "SECRET" not in stored


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


def test_reset_emails_for_one_address_are_limited(client, user, outbox):
    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": user.email})
        assert response.status_code == 302  # the same answer every time
    assert len(outbox) == 3


def test_reset_emails_from_one_client_are_limited(client, db, outbox):
    for n in range(12):
        make_user(f"p{n}")
        client.post(reverse("password_reset"), {"email": f"p{n}@example.com"})
    assert len(outbox) == 10


def test_sign_ups_from_one_address_are_limited(client, db):
    for n in range(11):
        response = Client().post(
            reverse("signup"),
            {"username": f"new{n}", "password1": "a-long-unusual-passphrase-42",
             "password2": "a-long-unusual-passphrase-42", "confirm_age": "on"},
        )  # fmt: skip
    assert response.status_code == 429
    assert "Too many accounts have been created" in response.content.decode()
    assert get_user_model().objects.filter(username__startswith="new").count() == 10


# --- 4. log-in costs the same whether or not an account exists ---------------------------------


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.mark.parametrize(
    "identifier",
    ["alice", "nobody", "alice@example.com", "nobody@example.com", "ALICE@EXAMPLE.COM"],
)
@pytest.mark.parametrize("password", [PASSWORD, "wrong"])
def test_every_log_in_costs_exactly_one_hash(client, settings, db, identifier, password):
    settings.PASSWORD_HASHERS = ["tests.views.test_hardening.CountingHasher"]
    make_user("alice")
    CountingHasher.calls = 0
    client.post(reverse("login"), {"username": identifier, "password": password})
    assert CountingHasher.calls == 1


# --- 5. HEAD works wherever GET does ------------------------------------------------------------


@pytest.mark.parametrize("path", ["/healthz", "/guide/", "/tips/", "/accounts/login/", "/"])
def test_head_is_answered_like_get(client, db, path):
    assert client.head(path).status_code == client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/trends/", "/history/", "/report/", "/care/", "/export.csv"])
def test_head_on_signed_in_pages(logged_in_client, path):
    assert logged_in_client.head(path).status_code == 200


# --- 6. sections the app links to cannot be deleted --------------------------------------------


def test_protected_guide_sections_cannot_be_deleted_one_or_many(admin_client):
    protected = GuideSection.objects.get(slug="when-to-seek-help")
    # An editor's own section: built-in ones cannot be deleted at all (tests/views/test_guide.py).
    other = GuideSection.objects.create(title="Spare", slug="spare", body="x")
    url = reverse("admin:tracker_guidesection_delete", args=[protected.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    admin_client.post(
        reverse("admin:tracker_guidesection_changelist"),
        {"action": "delete_selected", "_selected_action": [protected.pk, other.pk], "post": "yes"},
    )
    assert GuideSection.objects.filter(pk=protected.pk).exists()
    admin_client.post(
        reverse("admin:tracker_guidesection_delete", args=[other.pk]), {"post": "yes"}
    )
    assert not GuideSection.objects.filter(pk=other.pk).exists()


# --- 8. NUL anywhere is a 400 -------------------------------------------------------------------


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


# --- 9 and the scanner: headers ------------------------------------------------------------------


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


# --- Argon2 ---------------------------------------------------------------------------------------


def test_argon2_is_first_and_old_hashes_are_upgraded_at_log_in(client, db, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    person = make_user("old")
    person.password = (
        "pbkdf2_sha256$1000$salt$"
        + base64.b64encode(hashlib.pbkdf2_hmac("sha256", PASSWORD.encode(), b"salt", 1000)).decode()
    )
    person.save(update_fields=["password"])
    assert (
        client.post(reverse("login"), {"username": "old", "password": PASSWORD}).status_code == 302
    )
    person.refresh_from_db()
    assert person.password.startswith("argon2")


def test_the_configured_hashers_put_argon2_first():
    from importlib import import_module

    configured = import_module("backhabits.settings").PASSWORD_HASHERS
    assert configured[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


# --- leftovers the probe touched ------------------------------------------------------------------


def test_push_refusal_says_why(logged_in_client, settings):
    from tracker.accounts import reminders

    settings.BACKHABITS_VAPID_PUBLIC_KEY, settings.BACKHABITS_VAPID_PRIVATE_KEY = (
        reminders.generate_vapid_keys()
    )
    response = logged_in_client.post(
        reverse("tracker:push_subscribe"),
        {"endpoint": "https://metadata.google.internal./x", "p256dh": "x", "auth": "y"},
    )
    assert response.status_code == 400
    assert "browser's own push service" in response.content.decode()
