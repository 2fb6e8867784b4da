"""Small words on the pages: a planned break on settings and history, a guide section no tip
links to, a worst day's score on the report."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import make_checkin
from tracker.dates import today_for
from tracker.models import AwayPeriod, GuideSection, Tip


@pytest.mark.parametrize("page", ["tracker:settings", "tracker:history"])
def test_a_planned_break_offers_to_be_cancelled_on_both_pages(
    logged_in_client, user, each_kind_of_day, page
):
    today = today_for(user)
    AwayPeriod.objects.create(
        user=user, start=today + dt.timedelta(days=3), end=today + dt.timedelta(days=6)
    )
    html = logged_in_client.get(reverse(page)).content.decode()
    assert "Cancel this break" in html and "You&#x27;ll be away" in html
    assert "end the break" not in html


def test_a_break_under_way_offers_to_end_it_on_settings(logged_in_client, user, each_kind_of_day):
    today = today_for(user)
    AwayPeriod.objects.create(user=user, start=today - dt.timedelta(days=2), end=today)
    html = logged_in_client.get(reverse("tracker:settings")).content.decode()
    assert "I&#x27;m back: end the break" in html and "Cancel this break" not in html


def test_a_guide_section_no_tip_links_to_says_nothing_about_tips(client, db):
    linked = set(Tip.objects.filter(is_active=True).values_list("section", flat=True))
    bare = GuideSection.objects.exclude(pk__in=linked).first()
    assert bare is not None
    html = client.get(reverse("tracker:guide_section", args=[bare.slug])).content.decode()
    assert "No tips link" not in html and "Tips from this section" not in html
    some = GuideSection.objects.filter(pk__in=linked).first()
    html = client.get(reverse("tracker:guide_section", args=[some.slug])).content.decode()
    assert "Tips from this section" in html


def test_the_reports_worst_days_show_whole_scores(logged_in_client, user, each_kind_of_day):
    make_checkin(user, today_for(user), discomfort=8)
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert "8 / 10" in html and "8.0 / 10" not in html
