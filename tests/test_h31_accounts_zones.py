"""The time-zone list (issue 31): current names only, grouped by region, and old names still
accepted and shown as their current ones."""

import datetime as dt
import zoneinfo

import pytest

from tracker import dates
from tracker.forms.account import SettingsForm, SignupForm
from tracker.forms.places import timezone_choices, zone_options

OLD_TO_CURRENT = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Europe/Kiev": "Europe/Kyiv",
    "US/Eastern": "America/New_York",
    "GB": "Europe/London",
    "Zulu": "UTC",
    "Etc/UTC": "UTC",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
}


def test_the_list_has_current_names_only():
    listed = {zone.name for zone in dates.canonical_zones()}
    assert not listed & set(OLD_TO_CURRENT) - {"UTC"}
    assert set(OLD_TO_CURRENT.values()) <= listed
    # Places that are still their own entry in the database's table stay, under their name.
    assert {"Europe/Oslo", "Atlantic/Reykjavik", "Asia/Tokyo"} <= listed
    assert 400 < len(listed) < len(zoneinfo.available_timezones())
    for name in listed:
        zoneinfo.ZoneInfo(name)  # each one loads


@pytest.mark.parametrize(("old", "current"), OLD_TO_CURRENT.items())
def test_an_old_name_maps_to_its_current_one(old, current):
    assert dates.canonical_timezone(old) == current
    assert dates.zone_aliases()[old] == current
    # Both name the same clock.
    moment = dt.datetime(2026, 7, 1, 12, tzinfo=zoneinfo.ZoneInfo(old))
    assert moment.utcoffset() == moment.replace(tzinfo=zoneinfo.ZoneInfo(current)).utcoffset()


def test_every_known_name_is_listed_mapped_or_kept_as_it_is():
    listed = {zone.name for zone in dates.canonical_zones()}
    for name in zoneinfo.available_timezones():
        current = dates.canonical_timezone(name)
        assert current in listed or current == name, name
    assert dates.canonical_timezone("Etc/GMT+5") == "Etc/GMT+5"  # valid, not offered
    assert dates.canonical_timezone("Mars/Olympus_Mons") is None
    assert dates.canonical_timezone("") is None


def test_the_list_is_grouped_by_region_with_every_zone_once():
    html = zone_options()
    assert html.startswith('<optgroup label="Africa">')
    assert html.count("<option ") == len(dates.canonical_zones())
    regions = [part.split('"')[1] for part in html.split("<optgroup label=")[1:]]
    assert regions[-1] == "Other" and regions[:-1] == sorted(regions[:-1])
    assert {"Americas", "Asia", "Europe", "Pacific Ocean"} <= set(regions)
    assert '<option value="Asia/Kolkata">Kolkata (India)</option>' in html
    assert '<option value="America/Argentina/Buenos_Aires">Buenos Aires, Argentina</option>' in html
    assert '<option value="UTC">UTC (Coordinated Universal Time)</option>' in html
    assert [name for name, _label in timezone_choices()].count("Europe/London") == 1


def test_a_stored_old_name_is_shown_as_its_current_one_and_saves(db):
    from tests.factories import make_user

    profile = make_user("old", timezone="Asia/Calcutta").profile
    drawn = str(SettingsForm(instance=profile)["timezone"])
    assert '<option value="Asia/Kolkata" selected>' in drawn
    assert "Calcutta" not in drawn


def test_a_valid_zone_that_is_not_offered_stays_chosen(db):
    from tests.factories import make_user

    profile = make_user("sailor", timezone="Etc/GMT+5").profile
    drawn = str(SettingsForm(instance=profile)["timezone"])
    assert drawn.count(" selected") == 1
    assert '<option value="Etc/GMT+5" selected>Etc/GMT+5</option>' in drawn


def test_an_unknown_zone_is_not_shown_as_a_choice(db):
    from tests.factories import make_user

    form = SettingsForm({"timezone": "Mars/X"}, instance=make_user("x").profile)
    drawn = str(form["timezone"])
    assert "Mars/X" not in drawn and " selected" not in drawn


def test_a_new_sign_up_form_carries_the_old_names_for_the_browser_and_a_refused_one_does_not():
    fresh = str(SignupForm()["timezone"])
    assert "data-browser-zone=" in fresh and "Asia/Calcutta&quot;:&quot;Asia/Kolkata" in fresh
    assert '<option value="UTC" selected>' in fresh  # without JavaScript: the server's default
    refused = SignupForm({"timezone": "Asia/Calcutta"})
    assert "data-browser-zone" not in str(refused["timezone"])
    assert '<option value="Asia/Kolkata" selected>' in str(refused["timezone"])
