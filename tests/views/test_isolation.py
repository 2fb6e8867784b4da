"""The isolation matrix: every URL that takes an id or a date, requested by someone else.

Check-ins are addressed by date within the requester's own account, so another person's date
URL shows the requester's own (empty) day and never the owner's values. Objects addressed by id
answer 404 to anyone but their owner. Nothing the outsider does changes the owner's rows."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import checkin_post_data, make_checkin
from tracker.models import CareAlert, CheckIn

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def owners_data(user):
    checkin = make_checkin(user, DAY, notes="owner's private note", discomfort=7)
    alert = CareAlert.objects.create(
        user=user, rule="swelling", tier="urgent", last_evidence_date=DAY,
        evidence=[{"date": DAY.isoformat(), "answers": ["owner's answer"]}],
    )  # fmt: skip
    return checkin, alert


def _snapshot(user):
    return (
        list(CheckIn.objects.filter(user=user).values()),
        list(CareAlert.objects.filter(user=user).values()),
    )


ID_URLS = [
    ("get", "tracker:care_alert", {}),
    ("post", "tracker:acknowledge_alert", {"response": "understood"}),
]


@pytest.mark.parametrize(("method", "name", "data"), ID_URLS)
def test_someone_elses_object_is_404_and_unchanged(
    other_client, user, owners_data, method, name, data
):
    _, alert = owners_data
    before = _snapshot(user)
    response = getattr(other_client, method)(reverse(name, args=[alert.pk]), data)
    assert response.status_code == 404
    assert _snapshot(user) == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_elses_date_shows_only_the_requesters_own_day(
    other_client, other_user, user, owners_data, method
):
    before = _snapshot(user)
    url = reverse("tracker:checkin_day", kwargs={"date": DAY})
    response = getattr(other_client, method)(url, checkin_post_data() if method == "post" else None)
    assert b"owner&#x27;s private note" not in response.content
    assert b"owner's private note" not in response.content
    assert _snapshot(user) == before
    if method == "post":
        assert CheckIn.objects.filter(user=other_user, date=DAY).exists()


@pytest.mark.parametrize(
    "path",
    ["/", "/trends/?range=all", "/report/?range=all", "/care/", "/export.csv", "/export.json"],
)
def test_listing_pages_never_show_someone_elses_data(other_client, owners_data, path):
    body = other_client.get(path).content.decode()
    assert "owner's" not in body and "owner&#x27;s" not in body


def test_anonymous_visitors_are_sent_to_log_in_everywhere(client, owners_data):
    _, alert = owners_data
    for url in [
        "/checkin/",
        f"/checkin/{DAY}/",
        "/trends/",
        "/report/",
        "/care/",
        f"/care/{alert.pk}/",
        "/settings/",
        "/settings/health/",
        "/export.csv",
        "/export.json",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
