"""Care alerts as a domain (tracker.care), without HTTP: what check_day records, how an alert
grows, clears and is acknowledged, and what the person is shown, most urgent first."""

import datetime as dt

from tests.factories import make_checkin
from tracker import care, redflags
from tracker.models import CareAlert, CheckIn

TODAY = dt.date(2026, 11, 18)


def _log(user, day, **fields):
    CheckIn.objects.update_or_create(user=user, date=day, defaults={"discomfort": 3, **fields})
    return care.check_day(user=user, date=day, today=TODAY)


def test_a_red_flag_opens_one_alert_with_its_evidence(user):
    firings = _log(user, TODAY, symptoms=["saddle_numbness"])
    assert [f.rule.code for f in firings] == ["saddle_numbness"]
    alert = CareAlert.objects.get(user=user)
    assert (alert.rule, alert.tier, alert.last_evidence_date) == (
        "saddle_numbness",
        redflags.EMERGENCY,
        TODAY,
    )
    assert alert.evidence[0]["date"] == TODAY.isoformat()


def test_the_same_rule_on_a_later_day_extends_the_open_alert(user):
    _log(user, TODAY - dt.timedelta(days=1), symptoms=["night_pain"])
    _log(user, TODAY, symptoms=["night_pain"])
    alert = CareAlert.objects.get(user=user)
    assert alert.last_evidence_date == TODAY
    assert {item["date"] for item in alert.evidence} == {
        (TODAY - dt.timedelta(days=1)).isoformat(),
        TODAY.isoformat(),
    }


def test_firings_come_most_urgent_first(user):
    firings = _log(user, TODAY, symptoms=["night_pain", "cracking_pain", "chest_pain"])
    tiers = [f.rule.tier for f in firings]
    assert tiers == sorted(tiers, key=redflags.TIER_RANK.__getitem__)
    assert tiers[0] == redflags.EMERGENCY


def test_editing_the_day_away_clears_the_alert(user):
    _log(user, TODAY, symptoms=["fever"])
    assert care.has_open_alert(user)
    _log(user, TODAY, symptoms=[])
    alert = CareAlert.objects.get(user=user)
    assert alert.cleared_at is not None
    assert not care.has_open_alert(user)
    assert "Cleared" in care.describe(alert).status


def test_an_acknowledged_episode_is_not_raised_again_for_the_same_day(user):
    _log(user, TODAY, symptoms=["night_pain"])
    care.acknowledge(CareAlert.objects.get(user=user), response="understood")
    assert not care.has_open_alert(user)
    assert _log(user, TODAY, symptoms=["night_pain"], notes="saved again") == []
    assert CareAlert.objects.filter(user=user).count() == 1


def test_prompts_carry_the_persons_country_and_lead_with_the_emergency(user):
    user.profile.country = "GB"
    user.profile.save()
    _log(user, TODAY, symptoms=["night_pain", "bladder_bowel"])
    prompts = care.open_prompts(user)
    assert prompts[0].tier == redflags.EMERGENCY
    assert prompts[0].emergency_number == "999"
    assert [p.tier for p in prompts] == sorted(
        (p.tier for p in prompts), key=redflags.TIER_RANK.__getitem__
    )


def test_the_health_profile_is_read_into_the_rules(user):
    user.profile.osteoporosis = True
    user.profile.age_band = "over_50"
    user.profile.save()
    factors = care.health_factors(user.profile)
    assert factors.osteoporosis is True
    make_checkin(user, TODAY, symptoms=["injury"])
    firings = care.check_day(user=user, date=TODAY, today=TODAY)
    assert "injury_fracture_risk" in {f.rule.code for f in firings}
