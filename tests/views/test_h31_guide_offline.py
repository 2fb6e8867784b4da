"""The pages the phone keeps for offline (tracker.views.offline): the page shown in place of one
that needs the network, and "When to seek help" without that day's care alerts and notices."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import make_checkin, make_user
from tracker.care import countries
from tracker.models import CareAlert, GuideSection

pytestmark = pytest.mark.django_db


def test_the_offline_page_offers_the_check_in_and_the_emergency_advice(client):
    client.force_login(make_user("uk", country="GB"))
    html = client.get(reverse("tracker:offline")).content.decode()
    assert "This page needs a connection" in html
    assert f'href="{reverse("tracker:checkin")}"' in html
    assert f'href="{reverse("tracker:offline_emergency")}"' in html
    assert 'href="/guide/when-to-seek-help/"' in html
    assert 'href="tel:999"' in html
    assert "data-retry" in html


def test_signed_out_the_offline_page_has_the_default_numbers_and_no_check_in(client):
    html = client.get(reverse("tracker:offline")).content.decode()
    assert 'href="tel:112"' in html and countries.NUMBERS_WHEN_UNSET in html
    assert f'href="{reverse("tracker:checkin")}"' not in html.split("<main", 1)[1]


def test_the_kept_seek_help_section_holds_no_care_alert_or_reminder(client, each_kind_of_day):
    alice = make_user("alice", country="GB", show_reminder=True)
    yesterday = each_kind_of_day - dt.timedelta(days=1)
    make_checkin(alice, yesterday, symptoms=["night_pain"])
    CareAlert.objects.create(
        user=alice, rule="night_pain", tier="urgent", last_evidence_date=yesterday,
        evidence=[{"date": yesterday.isoformat(), "answers": ["logged"]}],
    )  # fmt: skip
    client.force_login(alice)
    # The live section page shows the open alert (so the kept copy must leave it out).
    live = client.get("/guide/when-to-seek-help/").content.decode()
    assert "You have an open care alert" in live
    kept = client.get(reverse("tracker:offline_seek_help")).content.decode()
    section = GuideSection.objects.get(language="en", slug="when-to-seek-help")
    assert section.title in kept
    assert "numbness or tingling around your genitals" in kept
    assert 'href="tel:999"' in kept
    assert "open care alert" not in kept and "Pain worse at night" not in kept
    assert "You haven&#x27;t checked in today" not in kept


def test_the_offline_emergency_page_lists_the_emergency_signs(client):
    client.force_login(make_user("us", country="US"))
    html = client.get(reverse("tracker:offline_emergency")).content.decode()
    assert "Call 911 now" in html and 'href="tel:911"' in html
    assert "Chest pain with back pain" in html
    assert "New bladder or bowel problems" in html


def test_the_service_worker_keeps_the_new_pages_under_a_new_cache_name(client):
    sw = client.get("/sw.js").content.decode()
    assert 'var SHELL = "backhabits-shell-v1"' not in sw
    assert 'var SHELL = "backhabits-shell-v' in sw
    pages = sw.split("var PAGES = [", 1)[1].split("]", 1)[0]
    assert pages.split(", ") == ["CHECKIN_SHELL", "EMERGENCY", "NEEDS_NETWORK", "SEEK_HELP"]
    assert f'var NEEDS_NETWORK = "{reverse("tracker:offline")}"' in sw
    assert 'KEPT_FOR["/guide/when-to-seek-help/"] = SEEK_HELP' in sw
