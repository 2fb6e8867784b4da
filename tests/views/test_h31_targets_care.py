"""The care page's earlier alerts: a list, each alert under its own heading with its facts named
(a table scrolled its Status column off a phone's screen)."""

import datetime as dt
import re

from django.db import transaction
from django.urls import reverse

from tracker.care import prompts, responses
from tracker.models import CareAlert, CheckIn


def _answered(user, day: dt.date, today: dt.date, symptoms: list[str], response: str) -> CareAlert:
    with transaction.atomic():
        CheckIn.objects.create(user=user, date=day, discomfort=4, symptoms=symptoms)
        prompts.check_day(user=user, date=day, today=today)
    alert = CareAlert.objects.get(user=user, acknowledged_at=None)
    responses.acknowledge(alert, response=response)
    alert.refresh_from_db()
    return alert


def _history(html: str) -> str:
    start = html.index('id="history-heading"')
    return html[start : html.index("</section>", start)]


def _facts(record: str) -> list[tuple[str, str]]:
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", record, flags=re.S)
    return [(term, re.sub(r"<[^>]+>", "", value).strip()) for term, value in pairs]


def test_each_earlier_alert_is_a_list_item_with_its_facts_named(
    logged_in_client, user, each_kind_of_day
):
    today = each_kind_of_day
    night_day, crack_day = today - dt.timedelta(days=3), today - dt.timedelta(days=5)
    crack = _answered(user, crack_day, today, ["cracking_pain"], "understood")
    night = _answered(user, night_day, today, ["night_pain"], "spoken")

    history = _history(logged_in_client.get(reverse("tracker:care")).content.decode())

    assert "<table" not in history
    assert history.count('<ol class="alert-history">') == 1
    records = re.findall(r'<li class="alert-record">(.*?)</li>', history, flags=re.S)
    assert len(records) == 2
    by_alert = {
        int(re.search(r'<h3><a href="/care/(\d+)/">', record).group(1)): record
        for record in records
    }
    assert set(by_alert) == {crack.pk, night.pk}

    record = by_alert[night.pk]
    assert re.search(r"<h3><a [^>]*>Pain worse at night</a></h3>", record)
    answered = f"{night.acknowledged_at:%-d %b %Y, %H:%M}"
    assert _facts(record) == [
        ("Raised", f"{night.created_at:%-d %b %Y}"),
        ("Level", "Urgent"),
        ("Dates logged", f"{night_day:%a} {night_day.day} {night_day:%b %Y}"),
        ("Status", f"Spoken to a professional ({answered})"),
    ]
    assert dict(_facts(by_alert[crack.pk]))["Level"] == "Soon"


def test_with_no_earlier_alert_the_page_says_none_yet(logged_in_client):
    history = _history(logged_in_client.get(reverse("tracker:care")).content.decode())
    assert "None yet." in history
    assert "alert-history" not in history
