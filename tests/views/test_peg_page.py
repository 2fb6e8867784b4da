"""The weekly PEG scale through the pages: answering it, and its scores on the report and trends."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.models import CareAlert, CheckIn


def _today() -> dt.date:
    return timezone.now().date()  # the test users live in UTC


@pytest.mark.parametrize(
    "answers",
    [
        {"peg_pain": 5},
        {"peg_pain": 5, "peg_enjoyment": 5},
        {"peg_pain": 11, "peg_enjoyment": 5, "peg_activity": 5},
        {"peg_pain": 5, "peg_enjoyment": 5, "peg_activity": 11},
    ],
)
def test_the_database_holds_all_three_peg_answers_from_0_to_10_or_none(user, answers):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(user=user, date=_today(), **answers)
    CheckIn.objects.create(
        user=user, date=_today(), peg_pain=0, peg_enjoyment=10, peg_activity=3
    )  # at both ends: accepted


# --- the weekly PEG -------------------------------------------------------------------------------


def test_the_peg_page_cites_its_source_and_saves_the_three_answers(logged_in_client, user):
    html = logged_in_client.get(reverse("tracker:peg")).content.decode()
    assert "Krebs EE" in html and "J Gen Intern Med" in html
    assert "enjoyment of life" in html
    response = logged_in_client.post(
        reverse("tracker:peg"), {"peg_pain": "1", "peg_enjoyment": "2", "peg_activity": "2"},
        follow=True,
    )  # fmt: skip
    assert "Your PEG score this week: 1.7 out of 10." in response.content.decode()
    checkin = CheckIn.objects.get(user=user, date=_today())
    assert (checkin.peg_pain, checkin.peg_enjoyment, checkin.peg_activity) == (1, 2, 2)
    user.profile.refresh_from_db()
    assert user.profile.peg_last_date == _today()


def test_peg_answers_join_an_existing_day_without_changing_it(logged_in_client, user):
    make_checkin(user, _today(), discomfort=6, notes="kept")
    logged_in_client.post(
        reverse("tracker:peg"), {"peg_pain": "4", "peg_enjoyment": "4", "peg_activity": "4"}
    )
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.notes, checkin.peg_pain) == (6, "kept", 4)


@pytest.mark.parametrize(
    "answers",
    [
        {"peg_pain": "4", "peg_enjoyment": "4"},
        {"peg_pain": "11", "peg_enjoyment": "4", "peg_activity": "4"},
        {"peg_pain": "-1", "peg_enjoyment": "4", "peg_activity": "4"},
        {"peg_pain": "four", "peg_enjoyment": "4", "peg_activity": "4"},
        {"peg_pain": "4.5", "peg_enjoyment": "4", "peg_activity": "4"},
    ],
)
def test_incomplete_or_bad_peg_answers_save_nothing(logged_in_client, user, answers):
    response = logged_in_client.post(reverse("tracker:peg"), answers)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert "field-error" in html
    assert not CheckIn.objects.exists()
    user.profile.refresh_from_db()
    assert user.profile.peg_last_date is None


def test_an_open_care_alert_leads_the_peg_page_in_one_line(logged_in_client, user):
    logged_in_client.post(reverse("tracker:checkin"), {"symptoms": ["fever"], "discomfort": "5"})
    html = logged_in_client.get(reverse("tracker:peg")).content.decode()
    assert CareAlert.objects.filter(user=user).exists()
    assert 'id="care-prompts"' not in html  # the full prompt is on /care/ and where it fired
    assert html.index('class="care-line care-urgent" role="alert"') < html.index('id="peg-heading"')


@pytest.mark.parametrize(("days_ago", "offered"), [(None, True), (6, False), (7, True)])
def test_home_offers_the_peg_after_todays_check_in_once_seven_days_have_passed(
    logged_in_client, user, days_ago, offered, monkeypatch
):
    monkeypatch.setattr(first_week, "PEG_FROM", 1)  # when it is due, not the first days' pacing
    if days_ago is not None:
        user.profile.peg_last_date = _today() - dt.timedelta(days=days_ago)
        user.profile.save()
    assert "peg-offer-heading" not in logged_in_client.get(reverse("tracker:home")).content.decode()
    make_checkin(user, _today())
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert ("peg-offer-heading" in html) is offered


# --- the report and trends ---------------------------------------------------------------------


def test_the_report_lists_peg_scores_and_marks_a_meaningful_change(logged_in_client, user):
    today = _today()
    make_checkin(user, today - dt.timedelta(days=14), peg_pain=6, peg_enjoyment=6, peg_activity=6)
    make_checkin(user, today - dt.timedelta(days=7), peg_pain=5, peg_enjoyment=5, peg_activity=5)
    make_checkin(user, today, peg_pain=4, peg_enjoyment=4, peg_activity=4, sleep_hours=7)
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert 'id="report-peg"' in html
    assert "6.0" in html and "4.0" in html
    assert 'data-peg-meaningful="yes"' in html  # 6.0 to 4.0: 33% down
    assert "Krebs" in html
    assert 'id="report-sleep"' in html


def test_a_small_peg_change_is_not_marked(logged_in_client, user):
    today = _today()
    make_checkin(user, today - dt.timedelta(days=7), peg_pain=5, peg_enjoyment=5, peg_activity=5)
    make_checkin(user, today, peg_pain=4, peg_enjoyment=4, peg_activity=4)  # 20% down
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert 'data-peg-meaningful="no"' in html


def test_trends_draw_a_peg_chart_over_the_range(logged_in_client, user):
    today = _today()
    for weeks in range(4):
        make_checkin(user, today - dt.timedelta(days=7 * weeks),
                     peg_pain=weeks, peg_enjoyment=weeks, peg_activity=weeks)  # fmt: skip
    dashboard = logged_in_client.get(reverse("tracker:trends")).context["dashboard"]
    assert [score for _, score in dashboard.peg_scores] == [
        Decimal("3.0"), Decimal("2.0"), Decimal("1.0"), Decimal("0.0"),
    ]  # fmt: skip
    assert dashboard.peg_chart
