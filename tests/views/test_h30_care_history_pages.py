"""Issue 30: the care page lists earlier alerts a page at a time, newest first, so it costs the
same after years of alerts (it drew every one: 56 ms for 200 of them). Every alert is still
reachable, and nothing a person types in `?page=` gives an error."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.care import redflags
from tracker.care.shown import EARLIER_ALERTS_A_PAGE
from tracker.models import CareAlert

RAISED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # only ever compared with itself
RULE = redflags.RULES[0]


def _closed_alerts(user, count: int) -> list[CareAlert]:
    """`count` answered alerts, one raised a day, the newest last."""
    alerts = []
    for n in range(count):
        day = (RAISED + dt.timedelta(days=n)).date()
        alert = CareAlert.objects.create(
            user=user, rule=RULE.code, tier=RULE.tier, last_evidence_date=day,
            evidence=[{"date": day.isoformat(), "answers": [RULE.code]}],
            acknowledged_at=RAISED + dt.timedelta(days=n, hours=1), acknowledgement="understood",
        )  # fmt: skip
        CareAlert.objects.filter(pk=alert.pk).update(created_at=RAISED + dt.timedelta(days=n))
        alerts.append(alert)
    return alerts


def _page(client, page=None) -> str:
    query = {} if page is None else {"page": page}
    response = client.get(reverse("tracker:care"), query)
    assert response.status_code == 200
    return response.content.decode()


def _listed(html: str) -> list[int]:
    """The alerts the page lists, by id, in its order."""
    history = html.split('id="history-heading"', 1)[1]
    return [int(pk) for pk in re.findall(r'<h3><a href="/care/(\d+)/">', history)]


def test_the_newest_alerts_come_first_a_page_at_a_time_and_each_is_listed_once(
    logged_in_client, user
):
    alerts = _closed_alerts(user, 2 * EARLIER_ALERTS_A_PAGE + 5)
    newest_first = [alert.pk for alert in reversed(alerts)]
    pages = [_listed(_page(logged_in_client, number)) for number in (1, 2, 3)]
    assert [len(listed) for listed in pages] == [EARLIER_ALERTS_A_PAGE, EARLIER_ALERTS_A_PAGE, 5]
    assert [pk for listed in pages for pk in listed] == newest_first


def test_each_page_links_to_its_neighbours_and_says_where_it_is(logged_in_client, user):
    _closed_alerts(user, 2 * EARLIER_ALERTS_A_PAGE + 1)
    first, middle, last = (_page(logged_in_client, number) for number in (1, 2, 3))
    assert "Page 1 of 3" in first and "Newer alerts" not in first
    assert 'href="?page=2#history-heading" rel="next">Older alerts' in first
    assert 'href="?page=1#history-heading" rel="prev">Newer alerts' in middle
    assert 'href="?page=3#history-heading" rel="next">Older alerts' in middle
    assert "Page 3 of 3" in last and "Older alerts" not in last
    assert _listed(_page(logged_in_client)) == _listed(first)


def test_a_history_of_one_page_shows_no_page_links(logged_in_client, user):
    _closed_alerts(user, EARLIER_ALERTS_A_PAGE)
    html = _page(logged_in_client)
    assert len(_listed(html)) == EARLIER_ALERTS_A_PAGE
    assert 'class="link-row pager"' not in html and "Page 1 of" not in html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("abc", 1), ("0", 2), ("-1", 2), ("999", 2), ("2.5", 1), ("", 1), ("9" * 400, 2)],
)
def test_any_page_typed_shows_the_nearest_page_there_is(logged_in_client, user, typed, shown):
    alerts = _closed_alerts(user, EARLIER_ALERTS_A_PAGE + 3)
    html = _page(logged_in_client, typed)
    expected = [alert.pk for alert in reversed(alerts)]
    start = (shown - 1) * EARLIER_ALERTS_A_PAGE
    assert _listed(html) == expected[start : start + EARLIER_ALERTS_A_PAGE]


@pytest.mark.parametrize("count", [EARLIER_ALERTS_A_PAGE + 1, 10 * EARLIER_ALERTS_A_PAGE])
def test_the_page_costs_the_same_queries_and_draws_one_page_whatever_the_history(
    logged_in_client, user, django_assert_num_queries, count
):
    _closed_alerts(user, count)
    _page(logged_in_client)  # the session and the person are read the same way both times
    with django_assert_num_queries(6):
        html = _page(logged_in_client)
    assert html.count('class="alert-record"') == EARLIER_ALERTS_A_PAGE


def test_nobody_pages_through_anothers_alerts(logged_in_client, other_client, user, other_user):
    mine = {alert.pk for alert in _closed_alerts(user, EARLIER_ALERTS_A_PAGE + 2)}
    theirs = _closed_alerts(other_user, 3)
    for number in (1, 2):
        assert set(_listed(_page(logged_in_client, number))) <= mine
    assert _listed(_page(other_client)) == [alert.pk for alert in reversed(theirs)]
    assert _listed(_page(other_client, 2)) == [alert.pk for alert in reversed(theirs)]


def test_an_open_alert_leads_whatever_page_of_the_history_is_shown(logged_in_client, user):
    _closed_alerts(user, EARLIER_ALERTS_A_PAGE + 1)
    today = timezone.localdate()
    CareAlert.objects.create(
        user=user, rule=RULE.code, tier=RULE.tier, last_evidence_date=today,
        evidence=[{"date": today.isoformat(), "answers": [RULE.code]}],
    )  # fmt: skip
    html = _page(logged_in_client, 2)
    prompt = html.find('class="care care-')
    assert 0 <= prompt < html.index('id="history-heading"')
