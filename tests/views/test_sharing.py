"""Sharing the report with a clinician: making, listing and revoking links, and opening one
without logging in."""

import datetime as dt
import json
import re
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.models import CareAlert, ShareLink
from tracker.trends import sharing
from tracker.views.share import OPENS_PER_CLIENT


def _today() -> dt.date:
    return timezone.now().date()


def _make(client, **data) -> tuple[str, ShareLink]:
    """Makes a link through the page; returns its URL path as shown once, and the link."""
    posted = {"range": "30", "days": "7", **data}
    response = client.post(reverse("tracker:share_create"), posted)
    assert response.status_code == 200
    html = response.content.decode()
    url = re.search(r'id="share-url" value="([^"]+)"', html).group(1)
    return url.removeprefix("http://testserver"), ShareLink.objects.latest("created_at")


def _history(user):
    today = _today()
    make_checkin(user, today - dt.timedelta(days=2), discomfort=8, notes="Private: argued at work",
                 symptoms=["leg_pain"])  # fmt: skip
    make_checkin(user, today - dt.timedelta(days=1), discomfort=4, notes="Walked 20 minutes")


def test_making_a_link_shows_it_once_with_a_qr_code(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:share_create"), {"range": "90", "days": "30", "include_notes": "on"}
    )
    html = response.content.decode()
    token = re.search(r"/shared/([A-Za-z0-9_-]+)/", html).group(1)
    link = ShareLink.objects.get(user=user)
    assert link.token_hash == sharing.hash_token(token)
    assert (link.range_key, link.include_notes, link.end_date) == ("90", True, _today())
    assert dt.timedelta(days=30) - (link.expires_at - link.created_at) < dt.timedelta(seconds=5)
    assert '<svg viewBox="0 0' in html and "QR code of the share link" in html
    assert response["Cache-Control"] == "no-store"
    # Not shown again: the report page lists the link without its token.
    assert token not in logged_in_client.get(reverse("tracker:report")).content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"range": "30", "days": "14"}, "id_days_errors"),
        ({"range": "30"}, "id_days_errors"),
        ({"range": "1000", "days": "7"}, "id_range_errors"),
        ({"range": "30", "days": "seven"}, "id_days_errors"),
    ],
)
def test_a_bad_choice_makes_no_link_and_says_why_beside_it(logged_in_client, user, data, field):
    response = logged_in_client.post(reverse("tracker:share_create"), data)
    assert response.status_code == 400
    assert f'id="{field}"' in response.content.decode()
    assert not ShareLink.objects.exists()


def test_the_shared_report_opens_without_logging_in_and_is_read_only(logged_in_client, user):
    _history(user)
    user.profile.display_name = "Alice Example"
    user.profile.save()
    path, link = _make(logged_in_client)
    clinician = Client()
    response = clinician.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Back health report: Alice Example" in html
    assert "8 / 10" in html  # the worst day, a whole score
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    # Nothing else of the account: no link anywhere but the page itself, no username, no forms.
    assert re.findall(r'href="([^"#][^"]*)"', html.split("<body", 1)[1]) == []
    assert "<form" not in html
    assert "alice@example.com" not in html and ">alice<" not in html
    # And it opens no other page: the clinician is still not logged in.
    for page in ("/export.csv", "/export.json", "/trends/", "/report/", "/settings/", "/history/"):
        assert clinician.get(page).status_code == 302, page
    link.refresh_from_db()
    assert link.open_count == 1 and link.last_opened_at is not None


def test_notes_are_left_out_unless_the_person_chose_to_include_them(logged_in_client, user):
    _history(user)
    without, _ = _make(logged_in_client)
    with_notes, _ = _make(logged_in_client, include_notes="on")
    left_out = Client().get(without).content.decode()
    assert "Private: argued at work" not in left_out
    assert "Notes are left out of this shared report." in left_out
    included = Client().get(with_notes).content.decode()
    assert included.index("Walked 20 minutes") < included.index("Private: argued at work")


def test_an_unknown_token_is_404_and_an_expired_or_revoked_link_410(logged_in_client, user):
    assert Client().get("/shared/not-a-real-token-at-all/").status_code == 404
    path, link = _make(logged_in_client)
    with mock.patch("tracker.trends.sharing.timezone.now", return_value=link.expires_at):
        expired = Client().get(path)
    assert expired.status_code == 410
    assert "has expired" in expired.content.decode()
    assert expired["Cache-Control"] == "no-store"
    just_before = link.expires_at - dt.timedelta(seconds=1)
    with mock.patch("tracker.trends.sharing.timezone.now", return_value=just_before):
        assert Client().get(path).status_code == 200
    logged_in_client.post(reverse("tracker:share_revoke", args=[link.pk]))
    revoked = Client().get(path)
    assert revoked.status_code == 410
    assert "revoked" in revoked.content.decode()
    link.refresh_from_db()
    assert link.open_count == 1  # the 410s opened nothing


def test_the_report_page_lists_open_links_with_their_access_log(logged_in_client, user):
    path, link = _make(logged_in_client)
    Client().get(path)
    Client().get(path)
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert f'data-share-link="{link.pk}"' in html
    assert "Opened 2 times" in html
    assert "<strong>Last 30 days</strong> to" in html
    _make(logged_in_client, range="all")
    assert "<strong>All days</strong> to" in logged_in_client.get(reverse("tracker:report")).text
    logged_in_client.post(reverse("tracker:share_revoke", args=[link.pk]))
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert f'data-share-link="{link.pk}"' not in html


def test_someone_elses_link_cannot_be_revoked_or_seen(logged_in_client, other_client, user):
    _, link = _make(logged_in_client)
    response = other_client.post(reverse("tracker:share_revoke", args=[link.pk]))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
    html = other_client.get(reverse("tracker:report")).content.decode()
    assert f'data-share-link="{link.pk}"' not in html


def test_making_and_revoking_need_login_and_post(logged_in_client, user):
    _, link = _make(logged_in_client)
    client = Client()  # not logged in
    assert (
        client.post(reverse("tracker:share_create"), {"range": "30", "days": "7"}).status_code
        == 302
    )
    assert client.post(reverse("tracker:share_revoke", args=[link.pk])).status_code == 302
    assert logged_in_client.get(reverse("tracker:share_create")).status_code == 405
    assert logged_in_client.get(reverse("tracker:share_revoke", args=[link.pk])).status_code == 405
    assert Client().post(f"/shared/{'x' * 43}/").status_code == 405


def test_opening_links_is_rate_limited_per_client_address(db):
    limit = int(OPENS_PER_CLIENT.split("/")[0])
    clinic, elsewhere = Client(REMOTE_ADDR="203.0.113.5"), Client(REMOTE_ADDR="198.51.100.7")
    # The clock held where it is: the limit counts in fixed windows of the clock, and requests
    # that straddled a window's end were counted in two (a run failed so, a year ahead).
    with time_machine.travel(timezone.now(), tick=False):
        statuses = [clinic.get(f"/shared/guess{n}/").status_code for n in range(limit + 1)]
        assert statuses[:limit] == [404] * limit  # guesses count too
        assert statuses[limit] == 429
        assert clinic.get("/shared/another-guess/")["Cache-Control"] == "no-store"
        assert elsewhere.get("/shared/guess/").status_code == 404


def test_deleting_the_account_deletes_its_links(logged_in_client, user):
    path, _ = _make(logged_in_client)
    user.delete()
    assert not ShareLink.objects.exists()
    assert Client().get(path).status_code == 404


def test_the_shared_report_shows_alerts_with_their_acknowledgement(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    alert = CareAlert.objects.get(user=user)
    path, _ = _make(logged_in_client)
    assert "Not yet" in Client().get(path).content.decode()
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=timezone.now(), acknowledgement="contacted"
    )
    html = Client().get(path).content.decode()
    assert 'id="report-alerts"' in html
    assert timezone.now().strftime("%-d %b %Y") in html


def test_the_json_export_lists_links_without_their_tokens(logged_in_client, user):
    _make(logged_in_client, include_notes="on")
    data = json.loads(logged_in_client.get("/export.json").content)
    (link,) = data["share_links"]
    assert (link["range"], link["include_notes"], link["opened"]) == ("30", True, 0)
    assert "token" not in json.dumps(link)


def test_no_log_line_carries_a_share_token(logged_in_client, user):
    import datetime as _dt
    import logging

    from gunicorn.config import Config

    from backhabits.gunicorn_logging import RedactingLogger
    from tracker.log_filters import DropRequestData

    path, _ = _make(logged_in_client)
    token = path.split("/")[2]
    # Django's own warning for a refused request names its path.
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                               "Too Many Requests: %s", (path,), None)  # fmt: skip
    DropRequestData().filter(record)
    assert token not in record.getMessage()
    assert "/shared/[token]/" in record.getMessage()
    # gunicorn's access log line, as `make serve` writes it.
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "QUERY_STRING": "",
        "REMOTE_ADDR": "203.0.113.5",
    }
    response = mock.Mock(status="200 OK", headers=[], sent=100)
    atoms = RedactingLogger(Config()).atoms(response, mock.Mock(headers=[]), environ,
                                            _dt.timedelta(milliseconds=5))  # fmt: skip
    assert token not in repr(atoms)
    assert atoms["r"] == "GET /shared/[token]/ HTTP/1.1"


@pytest.mark.parametrize("days", [10, 400])
def test_the_report_and_the_shared_copy_take_a_fixed_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries, days
):
    for n in range(days):
        make_checkin(user, _today() - dt.timedelta(days=n), notes="x" if n % 3 == 0 else "",
                     symptoms=["leg_pain"] if n % 5 == 0 else [])  # fmt: skip
    path, _ = _make(logged_in_client, include_notes="on")
    # 12, and one aggregate for the period a report opens on: the days logged, up to 90.
    with django_assert_max_num_queries(13):
        assert logged_in_client.get(reverse("tracker:report")).status_code == 200
    with django_assert_max_num_queries(10):
        assert Client().get(path).status_code == 200


def test_a_shared_copy_holds_no_care_alert_raised_after_its_period(logged_in_client, user):
    path, link = _make(logged_in_client)
    ShareLink.objects.filter(pk=link.pk).update(end_date=_today() - dt.timedelta(days=10))
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    assert CareAlert.objects.filter(user=user).exists()
    html = Client().get(path).content.decode()
    assert 'id="report-alerts"' not in html  # raised today, after the shared period ended
    assert 'id="report-alerts"' in logged_in_client.get(reverse("tracker:report")).content.decode()


def test_a_head_request_reads_no_report_and_counts_no_opening(logged_in_client, user):
    path, link = _make(logged_in_client)
    assert Client().head(path).status_code == 200
    link.refresh_from_db()
    assert link.open_count == 0
