import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker import history
from tracker.models import CheckIn


def _today() -> dt.date:
    return timezone.now().date()


def _day_link(html: str, day: dt.date) -> str | None:
    found = re.search(rf'<a [^>]*href="/checkin/{day.isoformat()}/"[^>]*>.*?</a>', html, re.S)
    return found.group(0) if found else None


def test_history_needs_login(client, db):
    assert client.get(reverse("tracker:history")).status_code == 302


def test_each_day_of_the_month_links_to_its_check_in_with_its_state(logged_in_client, user):
    first = _today().replace(day=1)
    make_checkin(user, first, discomfort=8)
    partial = first + dt.timedelta(days=1)
    if partial <= _today():
        CheckIn.objects.create(user=user, date=partial, discomfort=2)
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    full_link = _day_link(html, first)
    assert "full day, discomfort 8" in full_link and "hm-bg-4" in full_link
    if partial <= _today():
        assert "partly logged, discomfort 2" in _day_link(html, partial)
    assert 'aria-current="date"' in _day_link(html, _today())
    assert "not logged" in _day_link(html, _today())


def test_days_still_to_come_are_not_links(logged_in_client, user):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    tomorrow = _today() + dt.timedelta(days=1)
    assert _day_link(html, tomorrow) is None
    if tomorrow.month == _today().month:
        assert "still to come" in html


def test_previous_month_link_and_no_next_month_from_the_current_one(logged_in_client, user):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    previous = (_today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert f'href="?month={previous:%Y-%m}" rel="prev"' in html
    assert 'rel="next"' not in html
    older = logged_in_client.get(reverse("tracker:history"), {"month": f"{previous:%Y-%m}"})
    assert f'href="?month={_today():%Y-%m}" rel="next"' in older.content.decode()


@pytest.mark.parametrize("month", ["", "abc", "2026-13", "2026-00", "1999-12", "9999-01", "-1-2"])
def test_any_month_value_gives_a_page(logged_in_client, month):
    response = logged_in_client.get(reverse("tracker:history"), {"month": month})
    assert response.status_code == 200
    assert response.context["month"].first == _today().replace(day=1)


def test_an_old_month_shows_its_days(logged_in_client, user):
    day = dt.date(2024, 2, 29)
    make_checkin(user, day, discomfort=1)
    html = logged_in_client.get(reverse("tracker:history"), {"month": "2024-02"}).content.decode()
    assert "February 2024" in html
    assert "full day, discomfort 1" in _day_link(html, day)
    assert len(re.findall(r'href="/checkin/2024-02-\d\d/"', html)) == 29


def test_only_the_persons_own_days_show(logged_in_client, other_user):
    make_checkin(other_user, _today(), discomfort=9)
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    assert "discomfort 9" not in html


@pytest.mark.parametrize("days", [10, 2000])
def test_a_month_takes_a_fixed_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries, days
):
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=_today() - dt.timedelta(days=n), discomfort=n % 9)
        for n in range(days)
    )
    with django_assert_max_num_queries(6):
        assert logged_in_client.get(reverse("tracker:history")).status_code == 200


def test_month_calendar_counts_each_state_and_starts_on_monday(user):
    today = dt.date(2026, 11, 29)
    make_checkin(user, dt.date(2026, 11, 2))
    CheckIn.objects.create(user=user, date=dt.date(2026, 11, 3), notes="just a note")
    month = history.month_calendar(user, first=dt.date(2026, 11, 1), today=today)
    assert month.counts == {"full": 1, "partial": 1, "missing": 27}
    assert month.weeks[0][:6] == [None] * 6  # 1 November 2026 is a Sunday
    assert month.weeks[0][6].date == dt.date(2026, 11, 1)
    assert month.weeks[-1][0].date == dt.date(2026, 11, 30)
    assert month.weeks[-1][0].state == "future"
    assert month.next is None and month.previous == dt.date(2026, 10, 1)


def test_a_january_links_back_to_the_december_before(user):
    month = history.month_calendar(user, first=dt.date(2026, 1, 1), today=dt.date(2026, 11, 29))
    assert (month.previous, month.next) == (dt.date(2025, 12, 1), dt.date(2026, 2, 1))
