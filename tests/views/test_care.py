import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin, make_user
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.models import CareAlert, CareWording, CheckIn

HTMX = {"HX-Request": "true"}


def _today() -> dt.date:
    return timezone.now().date()


def _post(client, symptoms=(), day: dt.date | None = None, headers=None, **overrides):
    url = (
        reverse("tracker:checkin_day", kwargs={"date": day}) if day else reverse("tracker:checkin")
    )
    data = checkin_post_data(**overrides)
    data["symptoms"] = list(symptoms)
    return client.post(url, data, headers=headers or {})


# --- the checklist -------------------------------------------------------------------------


def test_checklist_is_offered_closed_with_plain_language_groups(logged_in_client):
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert "<summary>Anything new, unusual or hard today?" in html
    assert '<details class="field symptoms">' in html  # closed by default
    for group in ("Legs", "Nerves, bladder and sex", "Other", "Coping"):
        assert f"<legend>{group}</legend>" in html
    assert 'value="saddle_numbness"' in html


def test_symptoms_are_saved_and_exported(logged_in_client, user):
    _post(logged_in_client, ["leg_pain", "cracking_pain"])
    assert CheckIn.objects.get(user=user).symptoms == ["leg_pain", "cracking_pain"]
    csv_text = logged_in_client.get("/export.csv").content.decode()
    assert ",leg_pain;cracking_pain," in csv_text


def test_unknown_symptom_codes_are_refused_and_nothing_else_is_saved(logged_in_client, user):
    response = _post(logged_in_client, ["made_up"])
    assert response.status_code == 200
    assert "not one of the listed symptoms" in response.content.decode()
    assert not CheckIn.objects.exists()
    assert not CareAlert.objects.exists()


def test_an_unknown_code_never_costs_a_listed_symptom(logged_in_client, user):
    response = _post(logged_in_client, ["weight_loss", "made_up"], posture="9")
    html = response.content.decode()
    assert "not one of the listed symptoms" in html
    checkin = CheckIn.objects.get(user=user)
    assert checkin.symptoms == ["weight_loss"]
    assert checkin.posture is None  # the bad posture was not saved
    assert CareAlert.objects.get(user=user).rule == "weight_loss"


# --- how prompts show ------------------------------------------------------------------------


def test_emergency_takes_over_the_page_without_javascript(logged_in_client, user):
    response = _post(logged_in_client, ["saddle_numbness"])
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert (
        "Call your local emergency number (112 works from most mobile phones) or go to the "
        "emergency department now" in html
    )
    assert 'href="tel:112"' in html
    assert "999" in html and "911" in html
    assert 'name="posture"' not in html  # the form is gone: nothing competes with the prompt
    assert "Tips for you" not in html
    assert "Emergency: get professional care" in html
    assert CareAlert.objects.get(user=user).tier == "emergency"


def test_emergency_takes_over_the_page_with_htmx(logged_in_client):
    response = _post(logged_in_client, ["bladder_bowel"], headers=HTMX)
    assert response["HX-Retarget"] == "#main"
    assert response["HX-Reswap"].startswith("innerHTML")
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<div class="emergency-takeover">')
    assert 'href="tel:112"' in html


def test_emergency_number_comes_from_the_deployment_setting(logged_in_client, settings):
    settings.BACKHABITS_EMERGENCY_NUMBER = "999"
    html = _post(logged_in_client, ["chest_pain"]).content.decode()
    assert "Call 999 for an ambulance now" in html
    assert 'href="tel:999"' in html


def test_urgent_prompt_leads_the_htmx_response(logged_in_client):
    html = _post(logged_in_client, ["fever"], headers=HTMX, discomfort="3").content.decode()
    assert html.index('role="alert"') < html.index("Saved your check-in")
    assert "Get an urgent appointment with a doctor today" in html
    assert "/guide/#when-to-seek-help" in html


def test_urgent_prompt_leads_the_plain_response_with_dates(logged_in_client):
    html = _post(logged_in_client, ["night_pain"]).content.decode()
    assert html.index('role="alert"') < html.index("Saved your check-in")
    assert f'<time datetime="{_today().isoformat()}">' in html
    assert "Pain worse at night, or not easing when lying down" in html


def test_a_normal_day_shows_no_prompt(logged_in_client, user):
    response = _post(logged_in_client, [])
    assert response.status_code == 302
    assert not CareAlert.objects.exists()


def test_no_self_care_tip_beside_a_fired_rule(logged_in_client, user):
    for n in range(1, 7):
        make_checkin(user, _today() - dt.timedelta(days=n), discomfort=n // 2, exercise_minutes=0)
    html = _post(logged_in_client, ["cracking_pain"], headers=HTMX, discomfort="6",
                 exercise_minutes="0").content.decode()  # fmt: skip
    assert "See a doctor or a physiotherapist in the next few days" in html
    response = logged_in_client.get(reverse("tracker:home"))
    habits = {chosen.tip.habit for chosen in response.context["chosen_tips"]}
    assert habits.isdisjoint({"discomfort", "exercise"})


# --- alerts: one per episode, acknowledgement, edits -----------------------------------------


def test_home_shows_open_alerts_first_highest_tier_first(logged_in_client, user):
    _post(logged_in_client, ["cracking_pain"], day=_today() - dt.timedelta(days=1))
    _post(logged_in_client, ["weight_loss"])
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert html.index("care-urgent") < html.index("care-soon") < html.index("today-card")


def test_one_open_alert_per_rule_per_episode(logged_in_client, user):
    _post(logged_in_client, ["night_pain"], day=_today() - dt.timedelta(days=1))
    _post(logged_in_client, ["night_pain"])
    alert = CareAlert.objects.get(user=user)
    assert [item["date"] for item in alert.evidence] == [
        (_today() - dt.timedelta(days=1)).isoformat(),
        _today().isoformat(),
    ]


def test_answering_closes_the_alert_leaves_a_reminder_and_keeps_it_in_history(
    logged_in_client, user
):
    _post(logged_in_client, ["swelling"])
    alert = CareAlert.objects.get(user=user)
    response = logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "spoken"}
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledgement == "spoken" and alert.acknowledged_at is not None
    home = logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "care-urgent" not in home  # no open alert: a reminder line instead
    assert "care-reminder-urgent" in home
    assert "Reminder, urgent:" in home
    history = logged_in_client.get(reverse("tracker:care")).content.decode()
    assert "A lump, swelling or change of shape" in history
    assert "Spoken to a professional" in history


def test_acknowledging_with_htmx_returns_the_remaining_prompts(logged_in_client, user):
    _post(logged_in_client, ["swelling", "cracking_pain"])
    swelling = CareAlert.objects.get(user=user, rule="swelling")
    response = logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[swelling.pk]),
        {"response": "getting_help", "shown": ["swelling", "cracking_pain"]},
        headers=HTMX,
    )
    html = response.content.decode()
    assert html.startswith('<div id="care-prompts">')
    assert "care-soon" in html and "care-urgent" not in html
    assert "care-reminder-urgent" in html  # the answered alert becomes its one-line reminder
    assert "or for 7 days." in html  # tracker.care.prompts.REMINDER_DAYS


@pytest.mark.parametrize("bad", ["", "ignore", "contacted'; DROP TABLE"])
def test_acknowledgement_needs_one_of_the_two_answers(logged_in_client, user, bad):
    _post(logged_in_client, ["swelling"])
    alert = CareAlert.objects.get(user=user)
    response = logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": bad}
    )
    assert response.status_code == 400
    alert.refresh_from_db()
    assert alert.is_open


def test_another_persons_alert_is_404_and_unchanged(logged_in_client, other_client, user):
    _post(logged_in_client, ["swelling"])
    alert = CareAlert.objects.get(user=user)
    response = other_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "understood"}
    )
    assert response.status_code == 404
    alert.refresh_from_db()
    assert alert.is_open
    assert "swelling" not in other_client.get(reverse("tracker:care")).content.decode().lower()


def test_after_acknowledging_the_same_day_does_not_raise_it_again(logged_in_client, user):
    _post(logged_in_client, ["swelling"])
    alert = CareAlert.objects.get(user=user)
    logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "getting_help"}
    )
    response = _post(logged_in_client, ["swelling"], notes="edited")
    assert response.status_code == 302  # acknowledged already: no second prompt for the same day
    assert CareAlert.objects.filter(user=user).count() == 1


def test_the_symptom_on_a_new_day_is_a_new_episode(logged_in_client, user):
    yesterday = _today() - dt.timedelta(days=1)
    _post(logged_in_client, ["swelling"], day=yesterday)
    alert = CareAlert.objects.get(user=user)
    logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "getting_help"}
    )
    _post(logged_in_client, ["swelling"])
    assert CareAlert.objects.filter(user=user, acknowledged_at=None).count() == 1
    assert CareAlert.objects.filter(user=user).count() == 2


def test_editing_an_old_checkin_can_newly_fire_a_rule(logged_in_client, user):
    old = _today() - dt.timedelta(days=20)
    make_checkin(user, old)
    _post(logged_in_client, ["upper_back_pain"], day=old)
    alert = CareAlert.objects.get(user=user)
    assert alert.evidence[0]["date"] == old.isoformat()


def test_editing_away_the_evidence_clears_a_soon_alert(logged_in_client, user):
    _post(logged_in_client, ["cracking_pain"], discomfort="4")
    assert CareAlert.objects.get(user=user).is_open
    _post(logged_in_client, [], discomfort="4")
    alert = CareAlert.objects.get(user=user)
    assert alert.cleared_at is not None
    assert "care-soon" not in logged_in_client.get(reverse("tracker:home")).content.decode()
    assert "Cleared" in logged_in_client.get(reverse("tracker:care")).content.decode()


def test_unticking_an_urgent_symptom_leaves_the_alert_open_with_ticked_by_mistake_offered(
    logged_in_client, user
):
    _post(logged_in_client, ["fever"], discomfort="4")
    _post(logged_in_client, [], discomfort="4")
    alert = CareAlert.objects.get(user=user)
    assert alert.is_open
    assert "care-urgent" in logged_in_client.get(reverse("tracker:home")).content.decode()
    page = logged_in_client.get(reverse("tracker:care_alert", args=[alert.pk])).content.decode()
    assert "I ticked this by mistake" in page


def test_an_edit_can_complete_a_run_of_severe_days(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=2), discomfort=9)
    make_checkin(user, _today(), discomfort=9)
    _post(logged_in_client, [], day=_today() - dt.timedelta(days=1), discomfort="8")
    alert = CareAlert.objects.get(user=user, rule="severe_three_days")
    assert len(alert.evidence) == 3


def test_people_in_different_zones_get_alerts_dated_their_own_today(client, db, monkeypatch):
    instant = dt.datetime(2026, 6, 15, 11, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    east = make_user("east", timezone="Pacific/Tongatapu")
    west = make_user("west", timezone="Pacific/Honolulu")
    for person in (east, west):
        client.force_login(person)
        _post(client, ["night_pain"])
    assert CareAlert.objects.get(user=east).evidence[0]["date"] == "2026-06-16"
    assert CareAlert.objects.get(user=west).evidence[0]["date"] == "2026-06-15"


def test_the_health_profile_changes_the_injury_wording_not_its_urgency(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:health_profile"), {"age_band": "over-50", "osteoporosis": "on"}
    )
    assert response.status_code == 302
    html = _post(logged_in_client, ["injury"]).content.decode()
    assert "Get an urgent appointment with a doctor today" in html
    assert "emergency department now" not in html
    assert "in case a bone is broken" in html
    assert "Health profile: over 50" in html


def test_health_profile_refuses_an_unknown_age_band(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:health_profile"), {"age_band": "12-15"})
    assert response.status_code == 200
    assert "age_band" in response.context["form"].errors
    user.profile.refresh_from_db()
    assert user.profile.age_band == ""


def test_health_profile_is_asked_once_after_the_first_checkin(logged_in_client, user):
    make_checkin(user, _today())
    assert "Five optional questions" in logged_in_client.get("/").content.decode()
    logged_in_client.post(reverse("tracker:health_profile"), {"skip": "1"})
    assert "Five optional questions" not in logged_in_client.get("/").content.decode()


@pytest.mark.parametrize("history_days", [10, 3000])
def test_saving_uses_the_same_number_of_queries_whatever_the_history(
    logged_in_client, user, django_assert_max_num_queries, history_days
):
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=_today() - dt.timedelta(days=n), posture=3, exercise_minutes=10,
                water_ml=1000, stress=2, discomfort=5, symptoms=["leg_pain"])
        for n in range(1, history_days)
    )  # fmt: skip
    # Two rules fire either way (persistent pain needs 6 weeks, so only the long history has it
    # plus leg symptoms); the bound covers the most that any save can do with them.
    with django_assert_max_num_queries(40):
        response = _post(logged_in_client, ["leg_pain"], discomfort="5")
    assert response.status_code == 200  # the saved day leads with its care prompt
    fired = set(CareAlert.objects.values_list("rule", flat=True))
    assert "leg_symptoms_persisting" in fired
    assert ("persistent_pain" in fired) is (history_days > 42)


# --- editors change wording, never whether a rule fires --------------------------------------


def test_editor_can_reword_a_rule_and_the_prompt_uses_it(client, user, logged_in_client):
    editor = make_user("editor")
    editor.is_staff = True
    editor.save()
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    wording = CareWording.objects.get(key="rule:night_pain", language="en")
    url = reverse("admin:tracker_carewording_change", args=[wording.pk])
    assert (
        client.post(url, {"text": "Night pain: please phone your surgery today."}).status_code
        == 302
    )
    assert client.get(reverse("admin:tracker_carewording_add")).status_code == 403
    html = _post(logged_in_client, ["night_pain"]).content.decode()
    assert "Night pain: please phone your surgery today." in html


def test_care_wording_cannot_be_deleted_and_its_key_is_fixed(admin_client):
    wording = CareWording.objects.get(key="tier:emergency", language="en")
    url = reverse("admin:tracker_carewording_change", args=[wording.pk])
    admin_client.post(url, {"key": "tier:soon", "text": "Changed text {number}"})
    wording.refresh_from_db()
    assert wording.key == "tier:emergency"
    assert (
        admin_client.get(reverse("admin:tracker_carewording_delete", args=[wording.pk])).status_code
        == 403
    )


def test_every_rule_and_tier_has_editable_wording(db):
    from tracker.care import redflags

    for language, _name in settings.LANGUAGES:
        rows = CareWording.objects.filter(language=language)
        keys = set(rows.values_list("key", flat=True))
        assert {f"rule:{rule.code}" for rule in redflags.RULES} <= keys, language
        assert {"tier:emergency", "tier:urgent", "tier:soon"} <= keys, language


# --- edits keep alerts honest ----------------------------------------------------------------


def test_shortening_a_long_severe_run_keeps_the_alert_with_the_days_that_still_count(
    logged_in_client, user
):
    start = _today() - dt.timedelta(days=3)
    for n in range(4):
        _post(logged_in_client, [], day=start + dt.timedelta(days=n), discomfort="9")
    _post(logged_in_client, [], day=_today(), discomfort="2")
    alert = CareAlert.objects.get(user=user, rule="severe_three_days")
    assert alert.is_open
    assert [item["date"] for item in alert.evidence] == [
        (start + dt.timedelta(days=n)).isoformat() for n in range(3)
    ]


def test_removing_a_symptom_from_one_day_keeps_the_other_days_evidence(logged_in_client, user):
    yesterday = _today() - dt.timedelta(days=1)
    _post(logged_in_client, ["night_pain"], day=yesterday)
    _post(logged_in_client, ["night_pain"])
    _post(logged_in_client, [])
    alert = CareAlert.objects.get(user=user)
    assert alert.is_open
    assert [item["date"] for item in alert.evidence] == [yesterday.isoformat()]
    assert alert.last_evidence_date == yesterday


def test_an_acknowledged_pattern_is_not_raised_again_within_its_episode(logged_in_client, user):
    for n in range(2, -1, -1):
        _post(logged_in_client, [], day=_today() - dt.timedelta(days=n + 1), discomfort="9")
    alert = CareAlert.objects.get(user=user, rule="severe_three_days")
    logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "understood"}
    )
    response = _post(logged_in_client, [], discomfort="9")  # a fourth severe day
    assert response.status_code == 302
    assert CareAlert.objects.filter(user=user, rule="severe_three_days").count() == 1


def test_filling_in_earlier_days_can_fire_a_rule_for_today(logged_in_client, user):
    for n in range(4):
        make_checkin(user, _today() - dt.timedelta(days=n), discomfort=6)
    for n in range(7, 11):  # the week before, filled in afterwards with low values
        _post(logged_in_client, [], day=_today() - dt.timedelta(days=n), discomfort="1")
    assert CareAlert.objects.filter(user=user, rule="worsening").exists()


def test_one_evidence_entry_per_date_with_every_answer(logged_in_client, user):
    user.profile.age_band = "over-50"
    user.profile.save()
    for n in range(28, 0, -4):
        make_checkin(user, _today() - dt.timedelta(days=n), discomfort=3)
    _post(logged_in_client, [], discomfort="3")
    alert = CareAlert.objects.get(user=user, rule="age_persisting_pain")
    dates = [item["date"] for item in alert.evidence]
    assert len(dates) == len(set(dates))
    assert alert.evidence[-1]["answers"] == [
        "Discomfort 3 out of 10",
        "Health profile: age over 50",
    ]


def test_acknowledging_the_last_alert_with_htmx_says_none_are_left(logged_in_client, user):
    _post(logged_in_client, ["cracking_pain"])
    alert = CareAlert.objects.get(user=user)
    response = logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]),
        {"response": "understood"},
        headers=HTMX,
    )
    assert "no open care alerts" in response.content.decode()


def test_json_export_includes_the_health_profile_and_care_alerts(logged_in_client, user):
    import json

    logged_in_client.post(
        reverse("tracker:health_profile"), {"age_band": "20-50", "cancer_history": "on"}
    )
    _post(logged_in_client, ["swelling"])
    data = json.loads(logged_in_client.get("/export.json").content)
    assert data["health_profile"]["cancer_history"] is True
    assert [alert["rule"] for alert in data["care_alerts"]] == ["cancer_new_pain", "swelling"] or [
        alert["rule"] for alert in data["care_alerts"]
    ] == ["swelling", "cancer_new_pain"]
    assert data["checkins"][0]["symptoms"] == ["swelling"]


def test_alert_page_shows_the_owners_alert_and_404s_for_anyone_else(
    logged_in_client, other_client, user
):
    _post(logged_in_client, ["swelling"])
    alert = CareAlert.objects.get(user=user)
    url = reverse("tracker:care_alert", args=[alert.pk])
    assert "A lump, swelling or change of shape" in logged_in_client.get(url).content.decode()
    assert other_client.get(url).status_code == 404
    assert logged_in_client.get("/care/999999/").status_code == 404


# --- tips beside an alert: only those marked safe --------------------------------------------

MOVEMENT_TIPS = (
    "move-every-30-minutes", "get-outside", "evening-wind-down", "back-roll", "ten-minute-walk",
    "keep-gently-moving", "no-need-to-crack", "lift-with-your-legs",
)  # fmt: skip


def _open_alert(user, rule="night_pain", tier="urgent", day=None):
    day = day or _today() - dt.timedelta(days=1)
    make_checkin(user, day, symptoms=[rule] if rule in SYMPTOM_LABELS else [])
    return CareAlert.objects.create(
        user=user, rule=rule, tier=tier, last_evidence_date=day,
        evidence=[{"date": day.isoformat(), "answers": ["logged"]}],
    )  # fmt: skip


# The built-in tips reviewed as safe beside an open alert: nothing that moves, stretches, loads
# or cracks the back (the list migration 0010 set). A tip's flag is one line in content/tips/;
# changing it changes this list, so it is reviewed here too.
REVIEWED_SAFE_TIPS = {
    "screen-at-eye-level", "feet-flat-on-floor", "phone-up-not-head-down", "water-bottle-in-sight",
    "check-urine-colour", "drink-with-meals", "slow-breathing", "drop-your-shoulders",
    "protect-your-sleep",
    "talk-to-someone", "log-same-time-daily", "patterns-are-clues", "check-sleep-setup",
    "bring-log-to-appointments",
}  # fmt: skip


def test_built_in_movement_tips_are_not_safe_beside_an_alert(db):
    from tracker.models import Tip

    safe = Tip.objects.filter(builtin_key__isnull=False, safe_beside_alert=True)
    assert set(safe.values_list("builtin_key", flat=True)) == REVIEWED_SAFE_TIPS
    assert not Tip.objects.filter(builtin_key__in=MOVEMENT_TIPS, safe_beside_alert=True).exists()
    assert Tip.objects.filter(builtin_key="bring-log-to-appointments", safe_beside_alert=True)
    assert Tip._meta.get_field("safe_beside_alert").default is False


def test_with_an_open_alert_only_safe_tips_are_chosen_on_home_and_after_a_save(
    logged_in_client, user
):
    for n in range(2, 9):  # stress, posture and exercise reasons all fire
        make_checkin(user, _today() - dt.timedelta(days=n), posture=1, stress=9,
                     exercise_minutes=0, water_ml=100)  # fmt: skip
    _open_alert(user)
    home = logged_in_client.get(reverse("tracker:home"))
    saved = logged_in_client.post(
        reverse("tracker:checkin"), {"discomfort": "3", "stress": "9", "posture": "1"},
        headers=HTMX,
    )  # fmt: skip
    for response in (home, saved):
        chosen = response.context["chosen_tips"]
        assert chosen and all(item.tip.safe_beside_alert for item in chosen)
        assert chosen[0].reason.startswith("A care alert is open")
    assert saved.content.decode().index('role="alert"') < saved.content.decode().index(
        "Saved your check-in"
    )


def test_without_an_alert_movement_tips_may_be_chosen(logged_in_client, user):
    for n in range(7):
        make_checkin(user, _today() - dt.timedelta(days=n), exercise_minutes=0)
    habits = {c.tip.habit for c in logged_in_client.get("/").context["chosen_tips"]}
    assert "exercise" in habits


@pytest.mark.parametrize("path", ["/tips/", "/guide/", "/guide/about-this-guide/"])
def test_tips_and_guide_lead_with_a_notice_while_an_alert_is_open(logged_in_client, user, path):
    assert "You have an open care alert" not in logged_in_client.get(path).content.decode()
    _open_alert(user)
    html = logged_in_client.get(path).content.decode()
    main = html[html.index('<main id="main"') :]
    assert main.index("You have an open care alert") < main.index("<h1")
    assert "get professional advice before you try anything" in html


def test_editors_see_and_set_the_safe_flag_in_the_admin(admin_client, db):
    from tracker.models import Tip

    tip = Tip.objects.get(language="en", builtin_key="get-outside")
    page = admin_client.get(reverse("admin:tracker_tip_change", args=[tip.pk])).content.decode()
    assert 'name="safe_beside_alert"' in page
    assert (
        "safe_beside_alert"
        in admin_client.get(reverse("admin:tracker_tip_changelist")).content.decode()
    )


# --- the health profile takes effect at once --------------------------------------------------


def test_adding_a_fracture_risk_after_an_injury_was_logged_changes_the_alert_now(
    logged_in_client, user
):
    user.profile.age_band = "20-50"  # no fracture risk yet
    user.profile.save()
    _post(logged_in_client, ["injury"])
    assert CareAlert.objects.get(user=user, cleared_at=None).rule == "injury"
    response = logged_in_client.post(reverse("tracker:health_profile"), {"age_band": "over-50"})
    assert response["Location"] == reverse("tracker:home")
    open_rules = set(
        CareAlert.objects.filter(user=user, cleared_at=None, acknowledged_at=None).values_list(
            "rule", flat=True
        )
    )
    assert open_rules == {"injury_fracture_risk"}
    html = logged_in_client.get(reverse("tracker:care")).content.decode()
    assert "in case a bone is broken" in html


def test_adding_a_history_of_cancer_checks_the_latest_logged_day(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=2), discomfort=3)
    logged_in_client.post(reverse("tracker:health_profile"), {"cancer_history": "on"})
    assert CareAlert.objects.get(user=user).rule == "cancer_new_pain"


def test_taking_a_profile_answer_back_clears_what_it_raised(logged_in_client, user):
    make_checkin(user, _today() - dt.timedelta(days=1), discomfort=3)
    logged_in_client.post(reverse("tracker:health_profile"), {"cancer_history": "on"})
    response = logged_in_client.post(reverse("tracker:health_profile"), {"age_band": ""})
    assert response["Location"] == reverse("tracker:settings")
    assert CareAlert.objects.get(user=user).cleared_at is not None


def test_a_profile_change_with_nothing_logged_raises_nothing(logged_in_client, user):
    response = logged_in_client.post(reverse("tracker:health_profile"), {"age_band": "over-50"})
    assert response["Location"] == reverse("tracker:settings")
    assert not CareAlert.objects.exists()


def test_the_new_checklist_answers_are_saved_and_exported(logged_in_client, user):
    _post(logged_in_client, ["struggling_to_cope", "sexual_dysfunction", "legs_getting_worse"])
    csv_text = logged_in_client.get("/export.csv").content.decode()
    assert ",legs_getting_worse;sexual_dysfunction;struggling_to_cope," in csv_text
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert "<legend>Coping</legend>" in html


# --- issue 27: answers that say what they do, lines instead of prompts -------------------------


def _ack(client, alert, response, headers=None):
    return client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": response},
        headers=headers or {},
    )  # fmt: skip


def _main(html: str) -> str:
    return html[html.index('<main id="main"') :]


def _gb(user) -> None:
    user.profile.country = "GB"
    user.profile.save()


@pytest.mark.parametrize("symptom", ["saddle_numbness", "night_pain"])
@pytest.mark.parametrize("response", ["understood", "contacted"])
def test_understood_or_an_old_answer_to_an_emergency_or_urgent_alert_is_refused(
    logged_in_client, user, symptom, response
):
    _post(logged_in_client, [symptom])
    alert = CareAlert.objects.get(user=user)
    before = (alert.acknowledged_at, alert.acknowledgement, alert.reminder_until, alert.updated_at)
    assert _ack(logged_in_client, alert, response).status_code == 400
    alert.refresh_from_db()
    assert alert.is_open
    assert (alert.acknowledged_at, alert.acknowledgement, alert.reminder_until,
            alert.updated_at) == before  # fmt: skip


def test_each_tier_offers_its_own_answers_each_saying_what_it_does(logged_in_client, user):
    html = _post(logged_in_client, ["saddle_numbness", "cracking_pain"]).content.decode()
    emergency = html[html.index("care-emergency") : html.index("care-soon")]
    soon = html[html.index("care-soon") :]
    for words in ("I&#x27;m getting help now", "I&#x27;ve spoken to a professional",
                  "I ticked this by mistake"):  # fmt: skip
        assert words in emergency and words not in soon
    assert "Understood" not in emergency and ">Understood</button>" in soon
    assert "Keeps a one-line reminder on your home page and check-in instead" in emergency
    assert "no full message for this again for 14 days" in emergency
    assert "Asks you to confirm, then takes it off that day's check-in" in emergency
    assert "Hides this message" in soon
    alert = CareAlert.objects.get(user=user, rule="saddle_numbness")
    assert f'aria-describedby="answer-{alert.pk}-getting_help"' in emergency
    assert f'id="answer-{alert.pk}-getting_help"' in emergency


def test_an_urgent_prompt_has_no_understood(logged_in_client, user):
    _post(logged_in_client, ["fever"], discomfort="3")
    html = logged_in_client.get(reverse("tracker:care")).content.decode()
    assert "care-urgent" in html and "I&#x27;m getting help now" in html
    assert "Understood" not in html


def test_getting_help_leaves_a_one_line_reminder_with_the_number_on_home_and_checkin(
    logged_in_client, user
):
    _post(logged_in_client, ["saddle_numbness"])
    alert = CareAlert.objects.get(user=user)
    assert _ack(logged_in_client, alert, "getting_help").status_code == 302
    for url in (reverse("tracker:home"), reverse("tracker:checkin")):
        main = _main(logged_in_client.get(url).content.decode())
        assert 'class="care-line care-reminder care-reminder-emergency" role="status"' in main
        assert 'href="tel:112"' in main
        assert f'href="/care/{alert.pk}/"' in main
        assert "You said: getting help now" in main
        assert "Don&#x27;t wait to see if it gets better" not in main  # no full prompt
        assert 'class="care-line care-emergency"' not in main  # answered: not open any more


def test_getting_help_with_htmx_swaps_the_prompt_for_its_reminder(logged_in_client, user):
    _post(logged_in_client, ["bladder_bowel"])
    alert = CareAlert.objects.get(user=user)
    html = _ack(logged_in_client, alert, "getting_help", headers=HTMX).content.decode()
    assert html.startswith('<div id="care-prompts">')
    assert "care-reminder-emergency" in html and 'href="tel:112"' in html
    assert "no open care alerts" not in html


def test_home_trends_peg_and_tips_show_one_line_per_alert_emergency_first(logged_in_client, user):
    _gb(user)
    _post(logged_in_client, ["cracking_pain"], day=_today() - dt.timedelta(days=2))
    _post(logged_in_client, ["weight_loss"], day=_today() - dt.timedelta(days=1))
    _post(logged_in_client, ["saddle_numbness"])
    for url in ("/", "/trends/", "/peg/", "/tips/", "/guide/"):
        main = _main(logged_in_client.get(url).content.decode())
        assert main.count('class="care-line care-') == 3, url
        emergency = main.index('class="care-line care-emergency" role="alert"')
        urgent = main.index('class="care-line care-urgent" role="alert"')
        soon = main.index('class="care-line care-soon" role="alert"')
        assert emergency < urgent < soon, url
        assert "Call 999 or go to the emergency department now" in main
        assert 'href="tel:999"' in main
        assert "Don&#x27;t wait to see if it gets better" not in main, url  # no full prompt
        assert "care-item" not in main and "care-ack" not in main, url


def test_the_checkin_page_leads_with_lines_then_its_question(logged_in_client, user):
    _post(logged_in_client, ["swelling"])
    html = logged_in_client.get(reverse("tracker:checkin")).content.decode()
    assert html.index('class="care-line care-urgent"') < html.index('id="checkin-heading"')
    assert "Contact " not in html[: html.index('id="checkin-heading"')]  # no tier advice
    assert '<section class="care care-urgent"' not in html


def test_a_save_shows_in_full_what_fired_and_other_alerts_as_lines(logged_in_client, user):
    _post(logged_in_client, ["cracking_pain"], day=_today() - dt.timedelta(days=1))
    html = _post(logged_in_client, ["night_pain"], headers=HTMX).content.decode()
    assert '<section class="care care-urgent" role="alert"' in html
    assert '<section class="care care-soon"' not in html
    assert 'class="care-line care-soon" role="alert"' in html


def test_an_emergency_backfilled_three_days_back_is_worded_as_maybe_past(logged_in_client, user):
    _gb(user)
    html = _post(
        logged_in_client, ["saddle_numbness"], day=_today() - dt.timedelta(days=3)
    ).content.decode()
    past = "If this is still happening, call 999 or go to the emergency department now"
    assert past in html and 'href="tel:999"' in html
    assert past in logged_in_client.get("/").content.decode()
    html = _post(
        logged_in_client, ["bladder_bowel"], day=_today() - dt.timedelta(days=2)
    ).content.decode()
    assert '<h2 id="care-emergency-heading">Call 999 or go to the emergency department now' in html
    assert 'class="care-line care-emergency"' in html  # the earlier one, as a line


def test_ticked_by_mistake_asks_once_then_takes_just_that_answer_off(logged_in_client, user):
    day = _today() - dt.timedelta(days=1)
    _post(logged_in_client, ["saddle_numbness", "leg_pain"], day=day, discomfort="4")
    alert = CareAlert.objects.get(user=user, rule="saddle_numbness")
    url = reverse("tracker:alert_mistake", args=[alert.pk])
    page = logged_in_client.get(url).content.decode()
    assert "This takes “Numbness" in page and "Yes, I ticked it by mistake" in page
    assert set(CheckIn.objects.get(user=user).symptoms) == {"saddle_numbness", "leg_pain"}
    response = logged_in_client.post(url, {"remove": f"{day.isoformat()}:saddle_numbness"})
    assert response["Location"] == reverse("tracker:care")
    checkin = CheckIn.objects.get(user=user)
    assert checkin.symptoms == ["leg_pain"] and checkin.discomfort == 4
    alert.refresh_from_db()
    assert alert.cleared_at is not None
    history = logged_in_client.get(reverse("tracker:care")).content.decode()
    assert "Corrected: ticked by mistake" in history
    assert "Ticked by mistake, taken off" in history
    assert "care-emergency" not in _main(logged_in_client.get("/").content.decode())


@pytest.mark.parametrize("remove", ["", "2020-01-01:saddle_numbness", "nonsense"])
def test_ticked_by_mistake_refuses_anything_but_an_answer_the_alert_rests_on(
    logged_in_client, user, remove
):
    _post(logged_in_client, ["saddle_numbness"])
    alert = CareAlert.objects.get(user=user)
    url = reverse("tracker:alert_mistake", args=[alert.pk])
    assert logged_in_client.post(url, {"remove": remove}).status_code == 400
    assert CheckIn.objects.get(user=user).symptoms == ["saddle_numbness"]
    alert.refresh_from_db()
    assert alert.is_open and alert.corrections == []


def test_ticked_by_mistake_is_404_for_someone_else_or_without_a_ticked_answer(
    logged_in_client, other_client, user
):
    _post(logged_in_client, ["saddle_numbness"])
    alert = CareAlert.objects.get(user=user)
    url = reverse("tracker:alert_mistake", args=[alert.pk])
    assert other_client.get(url).status_code == 404
    assert other_client.post(url, {"remove": f"{_today()}:saddle_numbness"}).status_code == 404
    assert CheckIn.objects.get(user=user).symptoms == ["saddle_numbness"]
    pain = _open_alert(user, rule="cancer_new_pain")
    assert logged_in_client.get(reverse("tracker:alert_mistake", args=[pain.pk])).status_code == 404


@pytest.mark.parametrize("alerts", [1, 5])
def test_home_reads_alerts_in_a_constant_number_of_queries(
    logged_in_client, user, django_assert_max_num_queries, alerts
):
    symptoms = ["swelling", "night_pain", "weight_loss", "cracking_pain", "saddle_numbness"]
    _post(logged_in_client, symptoms[:alerts])
    with django_assert_max_num_queries(21):
        response = logged_in_client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    # Three lines at most, the rest summed up in one, so the day still leads the page.
    assert html.count('class="care-line care-') == min(alerts, 4)
    assert ("2 more care alerts" in html) is (alerts == 5)


def test_no_movement_tip_beside_a_reminder(logged_in_client, user):
    for n in range(2, 9):
        make_checkin(user, _today() - dt.timedelta(days=n), exercise_minutes=0, stress=9)
    _post(logged_in_client, ["night_pain"], day=_today() - dt.timedelta(days=1))
    _ack(logged_in_client, CareAlert.objects.get(user=user), "getting_help")
    chosen = logged_in_client.get("/").context["chosen_tips"]
    assert chosen and all(item.tip.safe_beside_alert for item in chosen)


@pytest.mark.parametrize(
    "page",
    [
        "tracker:home",
        "tracker:history",
        "tracker:trends",
        "tracker:report",
        "tracker:peg",
        "tracker:settings",
        "tracker:health_profile",
        "tracker:delete_account",
        "tracker:tip_list",
        "tracker:guide",
    ],
)
def test_an_open_emergency_leads_every_page_in_one_line_with_the_number(
    logged_in_client, user, page
):
    _post(logged_in_client, symptoms=["saddle_numbness"])
    html = logged_in_client.get(reverse(page)).content.decode()
    line = html.index('class="care-line care-emergency" role="alert"')
    assert line < html.index("<h1") or line < html.index("<h2")
    assert 'href="tel:' in html[line:] and "emergency department now" in html[line:]
    assert html.count('class="care-line care-emergency"') == 1  # once, whatever the page
    assert 'id="care-prompts"' not in html  # the full prompt is where it fired and on /care/


def test_the_shared_copy_shows_none_of_the_viewers_own_alerts(logged_in_client, user):
    from tracker.trends import sharing

    _post(logged_in_client, symptoms=["saddle_numbness"])
    owner = make_user("owner")
    link = sharing.create(owner, range_key="30", end_date=_today(), days=7, include_notes=False)
    html = logged_in_client.get(reverse("tracker:shared_report", args=[link.token])).content
    assert b"care-line" not in html


def test_a_reminder_after_an_answer_shows_on_home_and_the_check_in_not_on_every_page(
    logged_in_client, user
):
    _post(logged_in_client, symptoms=["saddle_numbness"])
    alert = CareAlert.objects.get(user=user)
    logged_in_client.post(
        reverse("tracker:acknowledge_alert", args=[alert.pk]), {"response": "getting_help"}
    )
    for page in ("tracker:home", "tracker:checkin"):
        html = logged_in_client.get(reverse(page)).content.decode()
        assert "care-reminder-emergency" in html and 'href="tel:' in html
    for page in ("tracker:history", "tracker:trends", "tracker:settings"):
        assert "care-reminder" not in logged_in_client.get(reverse(page)).content.decode()


def test_an_injury_alert_raised_urgent_before_the_rule_became_soon_can_still_be_answered(
    logged_in_client, user
):
    # Before issue 27 every knock was urgent; an alert raised then is still open as urgent.
    alert = _open_alert(user, rule="injury", tier="urgent")
    html = logged_in_client.get(reverse("tracker:care")).content.decode()
    assert "care-urgent" in html and "care-soon" not in html
    assert "I&#x27;m getting help now" in html and ">Understood</button>" not in html
    assert _ack(logged_in_client, alert, "getting_help").status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledgement == "getting_help"
