"""The check-in's water entry is drawn once for each way it can look and kept
(tracker.days.water_entry.DRAWN): a kept entry is always what the template draws afresh, and a
form sent back with errors, or a tap refused, is drawn each time."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

from tests.factories import make_user
from tracker.choices import WaterUnit
from tracker.days import water_entry
from tracker.days.checkins import WaterStatus
from tracker.forms.day import CheckInForm
from tracker.kept import Kept

ML, OZ = WaterUnit.MILLILITRES, WaterUnit.US_FLUID_OUNCES


@pytest.fixture
def kept(monkeypatch) -> Kept:
    store = Kept(1000)
    monkeypatch.setattr(water_entry, "DRAWN", store)
    return store


def _afresh(form, water, action_url, water_error=None, goal_reached_now=False) -> str:
    return render_to_string(
        water_entry.TEMPLATE,
        {
            "form": form,
            "water": water,
            "action_url": action_url,
            "water_error": water_error,
            "water_goal_reached_now": goal_reached_now,
        },
    )


# (form, water, action_url, goal reached now): every way the entry can differ.
ENTRIES = [
    (lambda: CheckInForm(initial={"water_seen_ml": 0}), WaterStatus(None, 2000, ML, False),
     "/checkin/", False),
    (lambda: CheckInForm(initial={"water_seen_ml": 0}), WaterStatus(None, 2500, ML, False),
     "/checkin/", False),
    (lambda: CheckInForm(initial={"water_ml": 750, "water_seen_ml": 750}),
     WaterStatus(750, 2000, ML, True), "/checkin/", False),
    (lambda: CheckInForm(initial={"water_ml": 750, "water_seen_ml": 750}),
     WaterStatus(750, 2000, ML, False), "/checkin/", False),
    (lambda: CheckInForm(initial={"water_ml": 2000, "water_seen_ml": 2000}),
     WaterStatus(2000, 2000, ML, True), "/checkin/", True),
    (lambda: CheckInForm(initial={"water_ml": 2000, "water_seen_ml": 2000}),
     WaterStatus(2000, 2000, ML, True), "/checkin/", False),
    (lambda: CheckInForm(initial={"water_ml": 2000, "water_seen_ml": 2000}),
     WaterStatus(2000, 2000, ML, True), "/checkin/2027-03-01/", False),
    (lambda: CheckInForm(initial={"water_ml": 750, "water_seen_ml": 750}, water_unit=OZ),
     WaterStatus(750, 2000, OZ, True), "/checkin/", False),
    (lambda: CheckInForm(initial={"water_ml": 750, "water_seen_ml": 500}),
     WaterStatus(750, 2000, ML, True), "/checkin/", False),  # a tap made meanwhile
    (lambda: CheckInForm(initial={"water_ml": 1500, "water_seen_ml": 750}),
     WaterStatus(750, 2000, ML, True), "/checkin/", False),  # "Same as yesterday" filled in
    (lambda: CheckInForm(initial={"water_seen_ml": 0}, prefix="day"),
     WaterStatus(None, 2000, ML, False), "/checkin/", False),
    (lambda: CheckInForm(initial={"water_seen_ml": 0}, auto_id="w_%s"),
     WaterStatus(None, 2000, ML, False), "/checkin/", False),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_entry_is_drawn_as_afresh_whichever_came_before(db, kept, language):
    drawn = []
    with translation.override(language):
        for make, water, url, now in [*ENTRIES, *reversed(ENTRIES)]:
            entry = water_entry.water_entry_html(
                make(), water, action_url=url, goal_reached_now=now
            )
            assert entry == _afresh(make(), water, url, goal_reached_now=now)
            drawn.append(str(entry))
    assert len(set(drawn)) == len(ENTRIES) == len(kept._items)


def test_each_language_has_its_own_entry(db, kept):
    make, water, url, _ = ENTRIES[4]
    drawn = {}
    for language in ("en", "es", "en"):
        with translation.override(language):
            drawn[language] = water_entry.water_entry_html(make(), water, action_url=url)
            assert drawn[language] == _afresh(make(), water, url)
    assert "2,000 ml" in drawn["en"] and "2\xa0000 ml" in drawn["es"]


def test_an_entry_sent_back_with_errors_is_drawn_each_time_with_them(db, kept):
    form = CheckInForm({"water_ml": "lots", "water_seen_ml": "0"})
    form.is_valid()
    water = WaterStatus(None, 2000, ML, False)
    entry = water_entry.water_entry_html(form, water, action_url="/checkin/")
    assert entry == _afresh(form, water, "/checkin/")
    assert 'aria-invalid="true"' in entry and 'value="lots"' in entry
    refused = water_entry.water_entry_html(
        CheckInForm(), water, action_url="/checkin/", water_error="Too much water."
    )
    assert "Too much water." in refused
    assert len(kept._items) == 0


def test_with_debug_on_an_entry_is_drawn_each_time(db, kept):
    make, water, url, _ = ENTRIES[0]
    with override_settings(DEBUG=True):
        water_entry.water_entry_html(make(), water, action_url=url)
    assert len(kept._items) == 0


def test_the_check_in_shows_the_water_as_it_is_now(client, db):
    user = make_user("ana")
    client.force_login(user)
    with translation.override("en"):
        first = client.get("/checkin/").content.decode()
        assert "Goal: 2,000 ml." in first and "the last water tap" not in first
        client.post("/water/add/")
        after_tap = client.get("/checkin/").content.decode()
    assert re.search(r'<input[^>]*name="water_ml"[^>]*value="250"', after_tap)
    assert "the last water tap" in after_tap
    user.profile.water_goal_ml = 250
    user.profile.save()
    reached = client.get("/checkin/").content.decode()
    assert "Goal of 250 ml reached." in reached
