"""Care alerts as a domain (tracker.care.prompts), without HTTP: what check_day records, how an
alert grows, clears and is acknowledged, and what the person is shown, most urgent first."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_checkin
from tracker.care import prompts as care
from tracker.care import redflags, responses, shown
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


def test_open_alerts_are_those_neither_answered_nor_cleared(user):
    now = timezone.now()
    make = {"user": user, "tier": redflags.SOON, "last_evidence_date": TODAY}
    still_open = CareAlert.objects.create(rule="a", **make)
    answered = CareAlert.objects.create(rule="b", acknowledged_at=now, **make)
    cleared = CareAlert.objects.create(rule="c", cleared_at=now, **make)
    assert list(CareAlert.objects.open()) == [still_open]
    assert set(CareAlert.objects.closed()) == {answered, cleared}
    assert [a.is_open for a in (still_open, answered, cleared)] == [True, False, False]


def test_each_day_of_evidence_keeps_the_day_it_was_entered(user):
    backfilled = TODAY - dt.timedelta(days=26)
    CheckIn.objects.create(user=user, date=backfilled, symptoms=["night_pain"])
    care.check_day(user=user, date=backfilled, today=TODAY - dt.timedelta(days=1))
    _log(user, TODAY, symptoms=["night_pain"])  # entered on its own day
    alert = CareAlert.objects.get(user=user)
    assert [(item["date"], item["entered"]) for item in alert.evidence] == [
        (backfilled.isoformat(), (TODAY - dt.timedelta(days=1)).isoformat()),
        (TODAY.isoformat(), TODAY.isoformat()),
    ]
    # Saved again, the day keeps when it was first entered.
    _log(user, TODAY, symptoms=["night_pain", "fever"])
    alert.refresh_from_db()
    assert alert.evidence[0]["entered"] == (TODAY - dt.timedelta(days=1)).isoformat()


def test_the_same_rule_on_a_later_day_extends_the_open_alert(user):
    _log(user, TODAY - dt.timedelta(days=1), symptoms=["night_pain"])
    _log(user, TODAY, symptoms=["night_pain"])
    alert = CareAlert.objects.get(user=user)
    assert alert.last_evidence_date == TODAY
    assert {item["date"] for item in alert.evidence} == {
        (TODAY - dt.timedelta(days=1)).isoformat(),
        TODAY.isoformat(),
    }


def test_saving_the_same_day_again_leaves_its_alert_unwritten(user):
    # A day saved again (a note added, water typed) finds the same evidence: the alert's row is
    # not written again. New evidence still is.
    first, second = (dt.datetime(2026, 11, 18, hour, tzinfo=dt.UTC) for hour in (8, 20))
    with time_machine.travel(first, tick=False):
        _log(user, TODAY, symptoms=["night_pain"])
    with time_machine.travel(second, tick=False):
        _log(user, TODAY, symptoms=["night_pain"], notes="stiff after work")
    alert = CareAlert.objects.get(user=user)
    assert alert.updated_at == first
    assert [item["date"] for item in alert.evidence] == [TODAY.isoformat()]
    with time_machine.travel(second, tick=False):
        _log(user, TODAY - dt.timedelta(days=1), symptoms=["night_pain"])  # new evidence
    alert.refresh_from_db()
    assert alert.updated_at == second
    assert len(alert.evidence) == 2


# The rules' read of a person's days (tracker.care.prompts.load_history), as sent.
_HISTORY_READ = (
    'SELECT "tracker_checkin"."date", "tracker_checkin"."discomfort", "tracker_checkin"."symptoms"'
)


def _history_reads(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith(_HISTORY_READ))


def test_reconciling_a_day_reads_its_history_once(user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _log(user, TODAY, symptoms=["night_pain"])
    with CaptureQueriesContext(connection) as queries:
        _log(user, TODAY, symptoms=["night_pain"], notes="stiff after work")
    assert _history_reads(queries.captured_queries) == 1


def test_an_alerts_days_before_the_checks_window_are_read_around_them(user):
    long_ago = TODAY - dt.timedelta(days=120)  # before the window a check of TODAY reads
    CheckIn.objects.create(user=user, date=long_ago, discomfort=3, symptoms=["night_pain"])
    care.check_day(user=user, date=long_ago, today=long_ago)
    _log(user, TODAY, symptoms=["night_pain"])
    _log(user, TODAY, symptoms=[])  # today's evidence goes; long ago's still holds
    alert = CareAlert.objects.get(user=user)
    assert alert.is_open
    assert [item["date"] for item in alert.evidence] == [long_ago.isoformat()]


def test_firings_come_most_urgent_first(user):
    firings = _log(user, TODAY, symptoms=["night_pain", "cracking_pain", "chest_pain"])
    tiers = [f.rule.tier for f in firings]
    assert tiers == sorted(tiers, key=redflags.TIER_RANK.__getitem__)
    assert tiers[0] == redflags.EMERGENCY


def test_editing_the_day_away_clears_a_soon_alert(user):
    _log(user, TODAY, symptoms=["cracking_pain"])
    assert care.has_open_alert(user)
    _log(user, TODAY, symptoms=[])
    alert = CareAlert.objects.get(user=user)
    assert alert.cleared_at is not None
    assert not care.has_open_alert(user)
    assert "Cleared" in shown.describe(alert).status


@pytest.mark.parametrize("symptom", ["fever", "saddle_numbness"])
def test_unticking_an_urgent_or_emergency_symptom_leaves_its_alert_open_until_answered(
    user, symptom
):
    _log(user, TODAY, symptoms=[symptom])
    _log(user, TODAY, symptoms=[])  # the box unticked and the day saved again
    alert = CareAlert.objects.get(user=user)
    assert alert.is_open and alert.evidence[0]["date"] == TODAY.isoformat()
    # "I ticked this by mistake", confirmed, is what closes it, and says so in its history.
    (answer,) = responses.ticked_answers(alert)
    responses.correct_mistake(alert, keys=[answer.key], today=TODAY)
    alert.refresh_from_db()
    assert alert.cleared_at is not None and alert.corrections
    assert not care.has_open_alert(user)


def test_an_urgent_alert_from_a_score_pattern_still_follows_the_edited_day(user):
    user.profile.cancer_history = True
    user.profile.save()
    _log(user, TODAY, discomfort=3)  # new pain after a history of cancer: urgent, no tick
    assert CareAlert.objects.get(user=user).tier == redflags.URGENT
    _log(user, TODAY, discomfort=0)
    assert not care.has_open_alert(user)


def test_an_acknowledged_episode_is_not_raised_again_for_the_same_day(user):
    _log(user, TODAY, symptoms=["night_pain"])
    responses.acknowledge(CareAlert.objects.get(user=user), response="getting_help")
    assert not care.has_open_alert(user)
    assert _log(user, TODAY, symptoms=["night_pain"], notes="saved again") == []
    assert CareAlert.objects.filter(user=user).count() == 1


def test_prompts_carry_the_persons_country_and_lead_with_the_emergency(user):
    user.profile.country = "GB"
    user.profile.save()
    _log(user, TODAY, symptoms=["night_pain", "bladder_bowel"])
    prompts = shown.open_prompts(user)
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


# --- answers: what closes an alert, reminders, the quiet after a professional ---------------


def _alert(user, rule):
    return CareAlert.objects.get(user=user, rule=rule, cleared_at=None)


def _lines(user, today=TODAY):
    return responses.page_care(user, today=today).lines


@pytest.mark.parametrize("rule, symptom", [("saddle_numbness", "saddle_numbness"),
                                           ("night_pain", "night_pain")])  # fmt: skip
def test_understood_does_not_close_an_emergency_or_urgent_alert(user, rule, symptom):
    _log(user, TODAY, symptoms=[symptom])
    alert = _alert(user, rule)
    with pytest.raises(responses.RefusedResponse):
        responses.acknowledge(alert, response="understood")
    alert.refresh_from_db()
    assert alert.is_open and alert.acknowledgement == "" and alert.reminder_until is None


def test_a_soon_alert_takes_understood_and_nothing_else(user):
    _log(user, TODAY, symptoms=["cracking_pain"])
    alert = _alert(user, "cracking_pain")
    with pytest.raises(responses.RefusedResponse):
        responses.acknowledge(alert, response="getting_help")
    responses.acknowledge(alert, response="understood")
    alert.refresh_from_db()
    assert not alert.is_open and alert.reminder_until is None
    assert _lines(user) == []  # quiet for the episode, no reminder


def test_getting_help_records_its_time_and_leaves_a_reminder_line_with_the_number(user):
    user.profile.country = "GB"
    user.profile.save()
    _log(user, TODAY, symptoms=["saddle_numbness"])
    moment = dt.datetime(2026, 11, 18, 9, 30, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=False):
        responses.acknowledge(_alert(user, "saddle_numbness"), response="getting_help")
        [line] = _lines(user)
    alert = line.alert
    assert (alert.acknowledgement, alert.acknowledged_at) == ("getting_help", moment)
    assert alert.reminder_until == moment + dt.timedelta(days=care.REMINDER_DAYS)
    assert line.reminder and line.tier == "emergency" and line.emergency_number == "999"
    assert line.logged_on == TODAY
    assert not care.has_open_alert(user)


def test_the_reminder_ends_after_seven_days(user):
    _log(user, TODAY, symptoms=["night_pain"])
    start = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        responses.acknowledge(_alert(user, "night_pain"), response="spoken")
    with time_machine.travel(start + dt.timedelta(days=7, minutes=-1), tick=False):
        assert len(_lines(user)) == 1
    with time_machine.travel(start + dt.timedelta(days=7), tick=False):
        assert _lines(user) == []


def test_the_reminder_ends_once_a_later_day_is_logged_without_the_symptom(user):
    yesterday = TODAY - dt.timedelta(days=1)
    _log(user, yesterday, symptoms=["saddle_numbness"])
    responses.acknowledge(_alert(user, "saddle_numbness"), response="getting_help")
    # A day with habits only says nothing about symptoms: the reminder stays.
    make_checkin(user, TODAY, discomfort=None)
    care.check_day(user=user, date=TODAY, today=TODAY)
    assert len(_lines(user)) == 1
    _log(user, TODAY, symptoms=["leg_pain"])
    assert _lines(user) == []


def test_the_same_emergency_on_a_later_day_after_getting_help_is_a_new_full_alert(user):
    _log(user, TODAY - dt.timedelta(days=1), symptoms=["bladder_bowel"])
    responses.acknowledge(_alert(user, "bladder_bowel"), response="getting_help")
    firings = _log(user, TODAY, symptoms=["bladder_bowel"])
    assert [f.rule.code for f in firings] == ["bladder_bowel"]
    [line] = _lines(user)  # the open alert's line; the older reminder gives way to it
    assert not line.reminder and line.logged_on == TODAY


def test_after_speaking_to_a_professional_the_same_rule_is_quiet_for_14_days(user):
    start = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        _log(user, TODAY, symptoms=["night_pain"])
        responses.acknowledge(_alert(user, "night_pain"), response="spoken")
    day_13 = TODAY + dt.timedelta(days=13)
    with time_machine.travel(start + dt.timedelta(days=13), tick=False):
        CheckIn.objects.create(user=user, date=day_13, discomfort=3, symptoms=["night_pain"])
        assert care.check_day(user=user, date=day_13, today=day_13) == []
        answered = CareAlert.objects.get(user=user)
        assert answered.last_evidence_date == day_13  # the day joins the answered alert
        assert [line.reminder for line in _lines(user, day_13)] == [True]
    day_15 = TODAY + dt.timedelta(days=15)
    with time_machine.travel(start + dt.timedelta(days=15), tick=False):
        CheckIn.objects.create(user=user, date=day_15, discomfort=3, symptoms=["night_pain"])
        assert [f.rule.code for f in care.check_day(user=user, date=day_15, today=day_15)] == [
            "night_pain"
        ]
    assert CareAlert.objects.filter(user=user, acknowledged_at=None).count() == 1


def test_the_quiet_after_a_professional_ends_at_once_when_the_tier_rises(user):
    # An answered alert stored at a lower tier than its rule has now (as when a rule's tier is
    # raised): the rule fires again in full at once.
    CareAlert.objects.create(
        user=user, rule="night_pain", tier="soon", last_evidence_date=TODAY,
        evidence=[{"date": TODAY.isoformat(), "answers": ["Pain worse at night"]}],
        acknowledgement="spoken", acknowledged_at=timezone.now(),
    )  # fmt: skip
    firings = _log(user, TODAY + dt.timedelta(days=1), symptoms=["night_pain"])
    assert [f.rule.code for f in firings] == ["night_pain"]


def test_a_worse_symptom_fires_at_once_after_speaking_to_a_professional(user):
    _log(user, TODAY, symptoms=["leg_weakness"])
    responses.acknowledge(_alert(user, "one_leg_weakness"), response="spoken")
    firings = _log(user, TODAY, symptoms=["leg_weakness", "both_legs"])
    assert [f.rule.code for f in firings] == ["both_legs"]


def test_an_old_contacted_answer_keeps_its_meaning(user):
    _log(user, TODAY - dt.timedelta(days=1), symptoms=["swelling"])
    alert = _alert(user, "swelling")
    CareAlert.objects.filter(pk=alert.pk).update(
        acknowledgement="contacted", acknowledged_at=timezone.now()
    )
    alert.refresh_from_db()
    assert shown.describe(alert).status == "I've contacted a professional"
    assert _lines(user) == []  # old rows never had a reminder
    assert _log(user, TODAY, symptoms=["swelling"]) == []  # quiet, as after "spoken"
    assert [line.reminder for line in _lines(user)] == [True]  # still logged: a reminder


# --- "I ticked this by mistake" --------------------------------------------------------------


def test_a_mistaken_tick_comes_off_its_day_and_the_rest_of_the_day_stays(user):
    day = TODAY - dt.timedelta(days=3)
    CheckIn.objects.create(user=user, date=day, discomfort=4, posture=3, notes="long drive",
                           symptoms=["leg_pain", "saddle_numbness"])  # fmt: skip
    care.check_day(user=user, date=day, today=TODAY)
    alert = _alert(user, "saddle_numbness")
    [answer] = responses.ticked_answers(alert)
    alert = responses.correct_mistake(alert, keys=[answer.key], today=TODAY)
    checkin = CheckIn.objects.get(user=user, date=day)
    assert checkin.symptoms == ["leg_pain"]
    assert (checkin.discomfort, checkin.posture, checkin.notes) == (4, 3, "long drive")
    assert alert.cleared_at is not None and alert.acknowledged_at is None
    assert alert.corrections[0]["removed"] == [{"date": day.isoformat(), "answers": [answer.label]}]
    assert shown.describe(alert).status.startswith("Corrected: ticked by mistake")


def test_a_correction_checks_the_rules_again(user):
    # "Both legs" ticked by mistake: weakness in one leg is still urgent, and says so at once.
    CheckIn.objects.create(user=user, date=TODAY, symptoms=["leg_weakness", "both_legs"])
    care.check_day(user=user, date=TODAY, today=TODAY)
    alert = _alert(user, "both_legs")
    keys = {a.code: a.key for a in responses.ticked_answers(alert)}
    responses.correct_mistake(alert, keys=[keys["both_legs"]], today=TODAY)
    open_rules = set(
        CareAlert.objects.filter(user=user, acknowledged_at=None, cleared_at=None).values_list(
            "rule", flat=True
        )
    )
    assert open_rules == {"one_leg_weakness"}


def test_a_correction_needs_an_answer_the_alert_rests_on(user):
    _log(user, TODAY, symptoms=["saddle_numbness"])
    alert = _alert(user, "saddle_numbness")
    with pytest.raises(ValueError):
        responses.correct_mistake(alert, keys=[f"{TODAY}:leg_pain"], today=TODAY)
    assert CheckIn.objects.get(user=user).symptoms == ["saddle_numbness"]


def test_scores_and_profile_answers_are_not_offered_as_ticked_by_mistake(user):
    user.profile.cancer_history = True
    user.profile.save()
    _log(user, TODAY, discomfort=3)
    assert responses.ticked_answers(_alert(user, "cancer_new_pain")) == []


# --- what pages show: lines, most urgent first, the past told as past ------------------------


def test_an_emergency_logged_more_than_two_days_back_is_told_as_maybe_past(user):
    user.profile.country = "GB"
    user.profile.save()
    for back in (2, 3):
        day = TODAY - dt.timedelta(days=back)
        CheckIn.objects.create(user=user, date=day, symptoms=["bladder_bowel"])
        care.check_day(user=user, date=day, today=TODAY)
        [prompt] = shown.prompts_for_alerts(care.open_alerts(user), country="GB", today=TODAY)
        [line] = _lines(user)
        if back == 2:
            assert (
                prompt.headline
                == line.headline
                == ("Call 999 or go to the emergency department now")
            )
        else:
            assert (
                prompt.headline
                == line.headline
                == ("If this is still happening, call 999 or go to the emergency department now")
            )
        CareAlert.objects.all().delete()
        CheckIn.objects.all().delete()


@pytest.mark.parametrize("back", [1, 2, 3, 120])  # PAST_EVENT_DAYS is 2
def test_an_urgent_sign_logged_more_than_two_days_back_is_told_as_maybe_past(user, back):
    user.profile.country = "GB"
    user.profile.save()
    day = TODAY - dt.timedelta(days=back)
    CheckIn.objects.create(user=user, date=day, symptoms=["night_pain"])
    care.check_day(user=user, date=day, today=TODAY)
    [prompt] = shown.prompts_for_alerts(care.open_alerts(user), country="GB", today=TODAY)
    [line] = _lines(user)
    today_words = "Get an urgent appointment with a doctor today"
    if back <= 2:
        assert prompt.headline == line.headline == today_words
        assert "a day that has passed" not in prompt.advice
    else:
        assert (
            prompt.headline
            == line.headline
            == ("If this is still happening, get an urgent appointment with a doctor today")
        )
        assert prompt.advice.startswith("You logged this for a day that has passed.")
        assert "call 999 straight away" in prompt.advice  # the safety net stays
    assert "Don't try to crack or stretch your back" in prompt.advice


def test_a_soon_sign_from_long_ago_keeps_its_own_words(user):
    day = TODAY - dt.timedelta(days=120)
    CheckIn.objects.create(user=user, date=day, symptoms=["cracking_pain"])
    care.check_day(user=user, date=day, today=TODAY)
    [prompt] = shown.prompts_for_alerts(care.open_alerts(user), country="GB", today=TODAY)
    assert prompt.tier == redflags.SOON
    assert not prompt.headline.startswith("If this is still happening")


def test_the_past_urgent_advice_is_the_editors_to_reword(user):
    from tracker.models import CareWording

    CareWording.objects.update_or_create(
        key="tier:urgent_past",
        language="en",
        defaults={"text": "Edited: if still there, see {urgent_care}."},
    )
    day = TODAY - dt.timedelta(days=30)
    CheckIn.objects.create(user=user, date=day, symptoms=["weight_loss"])
    care.check_day(user=user, date=day, today=TODAY)
    [prompt] = shown.prompts_for_alerts(care.open_alerts(user), country="GB", today=TODAY)
    assert prompt.advice.startswith("Edited: if still there, see ")
    assert prompt.headline.startswith("If this is still happening")  # the code decides that


def test_lines_come_most_urgent_first_from_one_query(user, django_assert_num_queries):
    _log(user, TODAY, symptoms=["night_pain"])
    responses.acknowledge(_alert(user, "night_pain"), response="getting_help")
    _log(user, TODAY - dt.timedelta(days=1), symptoms=["cracking_pain", "swelling", "chest_pain"])
    user.profile  # noqa: B018 (loaded before counting, as a request has it)
    with django_assert_num_queries(1):
        lines = _lines(user)
    assert [(line.tier, line.reminder) for line in lines] == [
        ("emergency", False), ("urgent", False), ("urgent", True), ("soon", False),
    ]  # fmt: skip
