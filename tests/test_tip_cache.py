"""The day's tips are worked out once and kept under a digest of everything they are chosen
from (tracker.guide.day_choice.TipInputs): every input, changed, must give a new key, and the
page must then show what a fresh choice shows."""

import dataclasses
import datetime as dt

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import make_checkin
from tracker.days import first_week
from tracker.guide import day_choice, tips
from tracker.models import CareAlert, CheckIn, GuideSection, Tip, TipDismissal
from tracker.trends.insights import DayRow

TODAY = dt.date(2026, 5, 20)  # only handed to pure functions: it never meets the clock
DAY = DayRow(TODAY, 3, 30, 1500, 4, 3)


@pytest.fixture(autouse=True)
def _tips_on_home_from_the_first_day(monkeypatch):
    # About the choice, not the first days' pacing of home (tracker.days.first_week).
    monkeypatch.setattr(first_week, "TIPS_FROM", 0)


def _inputs(**changes) -> day_choice.TipInputs:
    base = day_choice.TipInputs(
        user_id=7,
        today=TODAY,
        language="en",
        water_goal_ml=2000,
        red_flag_active=False,
        days=(DAY, DAY._replace(date=TODAY - dt.timedelta(days=1))),
        content=(32, 32, 57481295094175185, 8, 14370323773515901),
        dismissed=(1, 4, 4),
    )
    return dataclasses.replace(base, **changes)


def test_the_key_covers_every_input():
    changed = {
        "user_id": [8],
        "today": [TODAY + dt.timedelta(days=1)],
        "language": ["es"],
        "water_goal_ml": [2500],
        "red_flag_active": [True],
        "days": [
            (DAY,),  # one day fewer
            *(
                (DAY._replace(**{field: value}), _inputs().days[1])
                for field, value in [
                    ("date", TODAY - dt.timedelta(days=2)),
                    ("posture", 1),
                    ("exercise_minutes", 0),
                    ("water_ml", None),  # a value taken back is not the value
                    ("stress", 9),
                    ("discomfort", 6),
                ]
            ),
        ],
        "content": [
            (33, 33, 57481295094175185, 8, 14370323773515901),
            (32, 32, 57481295094175186, 8, 14370323773515901),
            (32, 32, 57481295094175185, 9, 14370323773515901),
            (32, 32, 57481295094175185, 8, 14370323773515902),
        ],
        "dismissed": [(0, None, None), (2, 9, 13), (1, 9, 9)],
    }
    # A new input must be added here too: the test fails until it is.
    assert set(changed) == {field.name for field in dataclasses.fields(day_choice.TipInputs)}
    variants = [_inputs(**{name: value}) for name, values in changed.items() for value in values]
    keys = {_inputs().cache_key} | {variant.cache_key for variant in variants}
    assert len(keys) == len(variants) + 1
    assert _inputs(days=tuple(_inputs().days)).cache_key == _inputs().cache_key


def test_the_key_names_the_person_and_their_day():
    key = _inputs().cache_key
    assert key.startswith(f"tips:7:{TODAY.isoformat()}:")
    assert "1500" not in key  # a digest, not the figures


# --- from the database: each real change moves the key ---------------------------------------


def _key(user, today, **kwargs) -> str:
    user.refresh_from_db()  # the profile as saved
    return day_choice.tip_inputs(user, today=today, **kwargs).cache_key


def test_every_change_that_can_change_the_choice_moves_the_key(user, other_user):
    today = timezone.localdate()
    keys = [_key(user, today)]

    def changed() -> None:
        key = _key(user, today)
        assert key not in keys
        keys.append(key)

    yesterday = make_checkin(user, today - dt.timedelta(days=1))
    changed()
    yesterday.water_ml = 900
    yesterday.save()
    changed()
    yesterday.water_ml = None  # taken back: not logged is not the same as any amount
    yesterday.save()
    changed()
    make_checkin(user, today)
    changed()
    first, second = Tip.objects.order_by("id")[:2]
    TipDismissal.objects.create(user=user, tip=first)
    changed()
    TipDismissal.objects.filter(user=user).delete()  # restored, and another dismissed:
    TipDismissal.objects.create(user=user, tip=second)  # the count is as it was
    changed()
    first.body = "Sip water through the day."
    first.save()
    changed()
    first.is_active = False
    first.save()
    changed()
    second.safe_beside_alert = not second.safe_beside_alert
    second.save()
    changed()
    section = GuideSection.objects.first()
    section.title = "Renamed"
    section.save()
    changed()
    Tip.objects.create(title="New", body="New.", section=section, habit="water")
    changed()
    user.profile.water_goal_ml = 3000
    user.profile.save()
    changed()
    assert _key(user, today, red_flag_active=True) not in keys
    assert _key(user, today + dt.timedelta(days=1)) not in keys
    assert _key(other_user, today) not in keys
    with translation.override("es"):  # the reasons' words and the tips' rows
        assert _key(user, today) not in keys


def test_an_edit_saved_with_a_clock_behind_still_moves_the_key(user, time_machine):
    """Tips saved "in the past" (a host whose clock is behind) still change the key."""
    today = timezone.localdate()
    before = _key(user, today)
    time_machine.move_to(timezone.now() - dt.timedelta(days=400), tick=True)
    tip = Tip.objects.first()
    tip.title = "Edited on a slow clock"
    tip.save()
    assert _key(user, today) != before


def test_days_older_than_the_ones_read_leave_the_key_alone(user):
    today = timezone.localdate()
    for n in range(1, tips.HYDRATION_WINDOW_DAYS + 1):
        make_checkin(user, today - dt.timedelta(days=n))
    old = make_checkin(user, today - dt.timedelta(days=30))
    before = _key(user, today)
    old.water_ml = 100
    old.save()
    assert _key(user, today) == before


# --- the pages: kept, and never out of date ----------------------------------------------------


def _shown(client) -> list:
    return client.get(reverse("tracker:home")).context["chosen_tips"]


def test_the_choice_is_kept_and_read_back_without_choosing_again(
    logged_in_client, user, django_assert_num_queries
):
    today = timezone.localdate()
    chosen = day_choice.tips_for_user(user, today=today)
    with django_assert_num_queries(1):  # the inputs only: no tip query
        again = day_choice.tips_for_user(user, today=today)
    assert [c.tip.pk for c in again] == [c.tip.pk for c in chosen]
    assert [c.reason for c in again] == [c.reason for c in chosen]
    key = day_choice.tip_inputs(user, today=today).cache_key
    assert caches[day_choice.TIP_CACHE].get(key) is not None


def test_a_dismissed_tip_is_gone_and_a_restored_one_back(logged_in_client, user):
    first = _shown(logged_in_client)[0].tip
    logged_in_client.post(reverse("tracker:dismiss_tip", args=[first.pk]))
    assert first.pk not in [c.tip.pk for c in _shown(logged_in_client)]
    logged_in_client.post(reverse("tracker:restore_tip", args=[first.pk]))
    assert first.pk in [c.tip.pk for c in _shown(logged_in_client)]


def test_an_edited_tip_shows_as_edited(logged_in_client, user):
    tip = _shown(logged_in_client)[0].tip
    tip = Tip.objects.get(pk=tip.pk)
    tip.title = "A title an editor just wrote"
    tip.save()
    assert "A title an editor just wrote" in logged_in_client.get("/").content.decode()
    tip.is_active = False
    tip.save()
    assert tip.pk not in [c.tip.pk for c in _shown(logged_in_client)]


def test_an_edited_section_shows_as_edited(logged_in_client, user):
    section = _shown(logged_in_client)[0].tip.section
    section = GuideSection.objects.get(pk=section.pk)
    section.title = "A section renamed today"
    section.save()
    assert ": A section renamed today</span>" in logged_in_client.get("/").content.decode()


def test_a_new_day_logged_changes_the_reasons(logged_in_client, user):
    today = timezone.localdate()
    for n in range(1, 4):
        make_checkin(user, today - dt.timedelta(days=n), posture=1, stress=2)
    assert any("posture" in c.reason for c in _shown(logged_in_client))
    CheckIn.objects.filter(user=user).update(posture=5)  # every day edited
    assert not any("posture" in c.reason for c in _shown(logged_in_client))


def test_no_movement_tip_once_an_alert_opens_after_the_choice_was_kept(logged_in_client, user):
    today = timezone.localdate()
    for n in range(2, 9):  # the exercise reason fires: movement tips fit it
        make_checkin(user, today - dt.timedelta(days=n), exercise_minutes=0)
    before = _shown(logged_in_client)
    assert any(not c.tip.safe_beside_alert for c in before)
    CareAlert.objects.create(
        user=user, rule="night_pain", tier="urgent", last_evidence_date=today,
        evidence=[{"date": today.isoformat(), "answers": ["logged"]}],
    )  # fmt: skip
    after = _shown(logged_in_client)
    assert after and all(c.tip.safe_beside_alert for c in after)
    assert after[0].reason == tips.ALERT_OPEN_REASON


@pytest.mark.parametrize("path", ["tracker:home", "tracker:tip_list"])
def test_tip_cards_link_as_before(logged_in_client, user, path):
    html = logged_in_client.get(reverse(path)).content.decode()
    tip = Tip.objects.filter(is_active=True).select_related("section").first()
    if path == "tracker:home":
        tip = _shown(logged_in_client)[0].tip
    dismiss = reverse("tracker:dismiss_tip", args=[tip.pk])
    assert f'<article class="tip" id="tip-{tip.pk}" aria-labelledby="tip-{tip.pk}-title">' in html
    assert f'action="{dismiss}" class="inline-form"' in html
    assert f'hx-post="{dismiss}" hx-target="#tip-{tip.pk}"' in html
    assert f'href="{reverse("tracker:guide")}#{tip.section.slug}"' in html


# --- each language's active tips, kept for everyone ---------------------------------------------


def _content() -> tuple:
    return day_choice.content_and_dismissals(None)[0]


def test_the_kept_active_tips_are_the_ones_the_database_gives(db):
    kept = day_choice.active_tips("en", content=_content())
    expected = Tip.objects.filter(is_active=True, language="en").order_by("-priority", "id")
    assert [tip.pk for tip in kept] == [tip.pk for tip in expected]
    assert kept and all(tip.language == "en" and tip.is_active for tip in kept)
    assert {tip.language for tip in day_choice.active_tips("es", content=_content())} == {"es"}


def test_the_active_tips_are_read_once_while_no_tip_or_section_changes(
    db, django_assert_num_queries
):
    content = _content()
    first = day_choice.active_tips("en", content=content)
    with django_assert_num_queries(0):
        again = day_choice.active_tips("en", content=content)
        assert [tip.section.slug for tip in again] == [tip.section.slug for tip in first]


def test_an_editors_priority_or_deactivation_is_seen_on_the_next_choice(db):
    kept = day_choice.active_tips("en", content=_content())
    last = Tip.objects.get(pk=kept[-1].pk)
    last.priority = 100
    last.save()
    assert day_choice.active_tips("en", content=_content())[0].pk == last.pk
    last.is_active = False
    last.save()
    assert last.pk not in [tip.pk for tip in day_choice.active_tips("en", content=_content())]


def test_a_persons_dismissals_leave_other_peoples_choices_alone(user, other_user):
    today = timezone.localdate()
    for person in (user, other_user):
        make_checkin(person, today - dt.timedelta(days=1))
    chosen = day_choice.tips_for_user(user, today=today)[0].tip
    others_before = [c.tip.pk for c in day_choice.tips_for_user(other_user, today=today)]
    TipDismissal.objects.create(user=user, tip=chosen)
    caches[day_choice.TIP_CACHE].clear()  # both choices made afresh
    dismissed = (frozenset({chosen.pk}), frozenset({chosen.builtin_key}))
    assert day_choice.dismissals(user.pk) == dismissed
    assert day_choice.dismissals(other_user.pk) == (frozenset(), frozenset())
    assert chosen.pk not in [c.tip.pk for c in day_choice.tips_for_user(user, today=today)]
    assert [c.tip.pk for c in day_choice.tips_for_user(other_user, today=today)] == others_before


def test_the_figures_sql_is_written_for_each_kind_of_database(db):
    """Written once per kind of database (day_choice._figures_sql and _inputs_sql are kept per
    vendor): each kind gets its own stamp of save times, and the one this database
    runs answers as the ORM would."""
    from django.db import connection
    from django.db.models import Count, Max

    sqlite, postgresql = day_choice._figures_sql("sqlite"), day_choice._figures_sql("postgresql")
    assert "group_concat(updated_at" in sqlite and "EXTRACT(EPOCH" not in sqlite
    assert "EXTRACT(EPOCH" in postgresql and "group_concat(" not in postgresql
    assert day_choice._figures_sql(connection.vendor) in day_choice._inputs_sql(connection.vendor)
    assert day_choice._figures_sql("postgresql") in day_choice._inputs_sql("postgresql")
    content, _dismissed = day_choice.content_and_dismissals(None)
    assert content[:2] == tuple(Tip.objects.aggregate(n=Count("id"), newest=Max("id")).values())
    assert content[3] == GuideSection.objects.count()
