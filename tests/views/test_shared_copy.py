"""A shared copy's care alerts, as they stood when its period ended."""

import datetime as dt
import re

from django.test import Client
from django.urls import reverse

from tracker.models import CareAlert, ShareLink


def _share(client):
    return client.post(reverse("tracker:share_create"), {"range": "30", "days": "7"})


def _page(client) -> str:
    """The page a new link is shown on, once."""
    return _share(client).content.decode()


def test_a_shared_copy_shows_each_alert_as_it_stood_at_the_end_of_its_period(
    logged_in_client, user
):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    alert = CareAlert.objects.get(user=user)
    html = _page(logged_in_client)
    link = ShareLink.objects.get(user=user)
    path = re.search(r'id="share-url" value="http://testserver([^"]+)"', html)
    tomorrow = link.end_date + dt.timedelta(days=1)
    after_the_end = dt.datetime.combine(tomorrow, dt.time(0, 30), tzinfo=dt.UTC)
    later = {"date": tomorrow.isoformat(), "answers": ["Fever"], "entered": tomorrow.isoformat()}
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=after_the_end,
        acknowledgement="contacted",
        evidence=[*alert.evidence, later],
        corrections=[{"at": after_the_end.isoformat(), "removed": []}],
    )
    html = Client().get(path.group(1)).content.decode()
    assert 'id="report-alerts"' in html
    assert "Not yet" in html  # answered only after the period ended
    assert f'data-logged-for="{link.end_date:%Y-%m-%d}"' in html
    assert f'data-logged-for="{tomorrow:%Y-%m-%d}"' not in html


def test_an_answer_within_the_period_shows_on_the_shared_copy(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    alert = CareAlert.objects.get(user=user)
    html = _page(logged_in_client)
    path = re.search(r'id="share-url" value="http://testserver([^"]+)"', html).group(1)
    link = ShareLink.objects.get(user=user)
    just_before = dt.datetime.combine(link.end_date, dt.time(23, 59), tzinfo=dt.UTC)
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledged_at=just_before, acknowledgement="contacted"
    )
    html = Client().get(path).content.decode()
    assert "Not yet" not in html and f"{link.end_date:%-d %b %Y}" in html
