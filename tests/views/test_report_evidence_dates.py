"""The report and its shared copy show, for each care alert, the day each answer was logged for
and the day it was entered: a symptom backfilled weeks later does not read as logged that day."""

import datetime as dt
import html as html_module
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.models import CareAlert
from tracker.trends import reports

NOW = dt.datetime(2024, 12, 2, 12, 0, tzinfo=dt.UTC)  # Monday 2 December, in UTC (the user's)
BACKFILLED = dt.date(2024, 10, 23)


@pytest.fixture(autouse=True)
def _pinned_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _share(client) -> str:
    posted = {"range": "90", "days": "7"}
    html = client.post(reverse("tracker:share_create"), posted).content.decode()
    return re.search(r'id="share-url" value="([^"]+)"', html).group(1)


def _evidence_lines(html: str) -> list[str]:
    table = html.split('id="report-alerts"', 1)[1].split("</table>", 1)[0]
    return [
        html_module.unescape(re.sub(r"<[^>]+>", "", line))
        for line in re.findall(r"<li[^>]*>.*?</li>", table)
    ]


def test_a_backfilled_symptom_shows_the_day_it_was_logged_for_and_the_day_it_was_entered(
    logged_in_client, user
):
    night_pain, weight_loss = SYMPTOM_LABELS["night_pain"], SYMPTOM_LABELS["weight_loss"]
    day = reverse("tracker:checkin_day", args=[BACKFILLED])
    logged_in_client.post(day, {"symptoms": ["night_pain"]})  # its care prompt answers
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["weight_loss"]})
    assert CareAlert.objects.filter(user=user).count() == 2
    url = _share(logged_in_client)

    own = logged_in_client.get(reverse("tracker:report") + "?range=90").content.decode()
    shared = Client().get(url.removeprefix("http://testserver")).content.decode()
    for html in (own, shared):
        lines = _evidence_lines(html)
        assert f"{night_pain}, logged for 23 Oct (entered 2 Dec)" in lines
        assert f"{weight_loss}, logged for 2 Dec (entered the same day)" in lines
        assert 'data-logged-for="2024-10-23"' in html
        assert "2 Dec 2024" in html.split('id="report-alerts"', 1)[1]  # raised


def _alert(created_at: dt.datetime, evidence: list[dict]) -> CareAlert:
    return CareAlert(
        rule="night_pain",
        tier="urgent",
        evidence=evidence,
        last_evidence_date=dt.date.fromisoformat(evidence[-1]["date"]),
        created_at=created_at,
    )


def test_the_entered_day_is_the_persons_own_and_a_later_answer_is_not_dated_before_itself():
    # 23:30 on 2 December in UTC is already 3 December in Tokyo.
    raised_at = dt.datetime(2024, 12, 2, 23, 30, tzinfo=dt.UTC)
    alert = _alert(
        raised_at,
        [
            {"date": "2024-12-01", "answers": ["Pain at night"]},
            {"date": "2024-12-03", "answers": ["Pain at night"]},
            {"date": "2024-12-05", "answers": ["Pain at night"]},
            {"date": "2024-12-06", "answers": ["Pain at night"], "entered": "2024-12-08"},
        ],
    )
    entry = reports.alert_entry(alert, timezone_name="Asia/Tokyo")
    assert entry.raised == dt.date(2024, 12, 3)
    assert [line.words for line in entry.evidence] == [
        "Pain at night, logged for 1 Dec (entered 3 Dec)",
        "Pain at night, logged for 3 Dec (entered the same day)",
        "Pain at night, logged for 5 Dec (added after the alert was raised)",
        "Pain at night, logged for 6 Dec (entered 8 Dec)",
    ]
    in_utc = reports.alert_entry(alert, timezone_name="UTC")
    assert in_utc.evidence[0].words == "Pain at night, logged for 1 Dec (entered 2 Dec)"


def test_a_day_from_another_year_names_both_years():
    alert = _alert(
        dt.datetime(2025, 1, 2, 9, 0, tzinfo=dt.UTC),
        [{"date": "2024-12-28", "answers": ["Pain at night", "Discomfort 8 out of 10"]}],
    )
    (line,) = reports.alert_entry(alert, timezone_name="UTC").evidence
    assert line.words == (
        "Pain at night, Discomfort 8 out of 10, logged for 28 Dec 2024 (entered 2 Jan 2025)"
    )
