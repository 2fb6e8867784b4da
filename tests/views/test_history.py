import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_checkin
from tracker.models import CheckIn
from tracker.trends import history


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request in Spanish leaves Spanish active in this thread (Django's LocaleMiddleware
    activates a language and nothing deactivates it): later tests read English."""
    yield
    translation.deactivate()


def _today() -> dt.date:
    return timezone.now().date()


def _day_link(html: str, day: dt.date) -> str | None:
    found = re.search(rf'<a [^>]*href="/checkin/{day.isoformat()}/"[^>]*>.*?</a>', html, re.S)
    return found.group(0) if found else None


def test_history_needs_login(client, db):
    assert client.get(reverse("tracker:history")).status_code == 302


def _month(client, day: dt.date) -> str:
    """The history calendar of the month `day` is in."""
    return client.get(reverse("tracker:history"), {"month": f"{day:%Y-%m}"}).content.decode()


def test_each_day_links_to_its_check_in_with_its_state(logged_in_client, user, each_kind_of_day):
    today = each_kind_of_day
    yesterday, day_before = today - dt.timedelta(days=1), today - dt.timedelta(days=2)
    make_checkin(user, today, discomfort=8)
    CheckIn.objects.create(user=user, date=yesterday, discomfort=2)
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    today_link = _day_link(html, today)
    assert "full day, discomfort 8" in today_link and "hm-bg-4" in today_link
    assert 'aria-current="date"' in today_link
    # Yesterday and the day before are in last month's calendar on the 1st and 2nd.
    assert "partly logged, discomfort 2" in _day_link(
        _month(logged_in_client, yesterday), yesterday
    )
    assert "not logged" in _day_link(_month(logged_in_client, day_before), day_before)


def test_days_still_to_come_are_not_links(logged_in_client, user, each_kind_of_day):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    tomorrow = each_kind_of_day + dt.timedelta(days=1)
    assert _day_link(html, tomorrow) is None
    if tomorrow.month == each_kind_of_day.month:
        assert "still to come" in html
    else:  # the last day of a month: the calendar ends with today
        assert "still to come" not in html


def test_previous_month_link_and_no_next_month_from_the_current_one(
    logged_in_client, user, each_kind_of_day
):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    previous = (each_kind_of_day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert f'href="?month={previous:%Y-%m}" rel="prev"' in html
    assert 'rel="next"' not in html
    older = logged_in_client.get(reverse("tracker:history"), {"month": f"{previous:%Y-%m}"})
    assert f'href="?month={each_kind_of_day:%Y-%m}" rel="next"' in older.content.decode()


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


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("days", [10, 2000])
def test_a_month_takes_a_fixed_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries, days, language
):
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=_today() - dt.timedelta(days=n), discomfort=n % 9)
        for n in range(days)
    )
    # Seven: the session, the person, the profile, the month's days, time away, the reminder
    # line and the open care alerts' lines.
    with django_assert_max_num_queries(7):
        response = logged_in_client.get(reverse("tracker:history"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response["Content-Language"] == language


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
