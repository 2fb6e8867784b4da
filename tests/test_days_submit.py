"""tracker.days.submit.submit_day, called directly as any later caller would, and the limits
the domain enforces whichever page asks."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from tests.factories import checkin_post_data
from tracker.choices import TrackedKind
from tracker.days import away, offline, submit, tracked
from tracker.forms.day import CheckInForm
from tracker.models import AwayPeriod, CareAlert, CheckIn, TrackedItem

pytestmark = pytest.mark.django_db


def _answers(**data) -> submit.Answers:
    return CheckInForm(checkin_post_data(**data)).answers()


def test_a_valid_day_is_saved_whole(user):
    today = dt.date(2026, 3, 10)
    result = submit.submit_day(user, date=today, today=today, answers=_answers())
    assert not result.refused and not result.firings and not result.emergency
    day = CheckIn.objects.get(user=user, date=today)
    assert (day.posture, day.discomfort, day.water_ml) == (4, 2, 1750)


def test_a_refused_answer_keeps_the_symptoms_and_checks_them(user):
    today = dt.date(2026, 3, 10)
    answers = _answers(posture="9", symptoms=["saddle_numbness"])
    assert answers.values is None
    result = submit.submit_day(user, date=today, today=today, answers=answers)
    assert result.refused and result.care_saved and result.emergency
    day = CheckIn.objects.get(user=user, date=today)
    assert day.symptoms == ["saddle_numbness"]
    assert day.discomfort == 2  # a valid discomfort score is care, kept too
    assert day.posture is None  # the rest stays unsaved
    assert CareAlert.objects.filter(user=user, rule="saddle_numbness").exists()


def test_a_refused_answer_without_symptoms_saves_nothing(user):
    today = dt.date(2026, 3, 10)
    result = submit.submit_day(user, date=today, today=today, answers=_answers(posture="9"))
    assert result.refused and result.saved is None and not result.care_saved
    assert not CheckIn.objects.filter(user=user).exists()


def test_a_day_from_a_phone_goes_through_the_offline_rules(user):
    today = dt.date(2026, 3, 10)
    phone = submit.FromPhone(day_id=uuid.uuid4(), saved_at=timezone.now())
    first = submit.submit_day(user, date=today, today=today, answers=_answers(), phone=phone)
    again = submit.submit_day(user, date=today, today=today, answers=_answers(), phone=phone)
    assert first.phone_outcome.new and not again.phone_outcome.new
    assert CheckIn.objects.get(user=user, date=today).posture == 4


def test_a_refused_phone_day_with_a_bad_answer_keeps_its_symptoms(user):
    today = dt.date(2026, 3, 10)
    phone = submit.FromPhone(day_id=uuid.uuid4(), saved_at=timezone.now())
    answers = _answers(stress="11", symptoms=["fever"])
    result = submit.submit_day(user, date=today, today=today, answers=answers, phone=phone)
    assert result.refused and result.care_saved and result.phone_outcome is None
    assert CheckIn.objects.get(user=user, date=today).symptoms == ["fever"]


def test_a_phone_day_refused_whole_keeps_its_symptoms_on_today(user):
    today = dt.date(2026, 3, 10)
    tomorrow = today + dt.timedelta(days=1)
    kept_for = offline.day_for_refused(tomorrow, date_allowed=False, today=today)
    assert kept_for == today
    assert offline.day_for_refused(tomorrow, date_allowed=True, today=tomorrow) == tomorrow
    assert offline.day_for_refused(None, date_allowed=True, today=today) == today
    answers = submit.Answers(None, ("fever",))
    result = submit.submit_day(user, date=kept_for, today=today, answers=answers)
    assert result.care_saved and result.firings
    assert CheckIn.objects.get(user=user, date=today).symptoms == ["fever"]


def test_take_break_enforces_its_limits_without_the_form(user):
    today = dt.date(2026, 3, 10)
    with pytest.raises(away.Refused):
        away.take_break(
            user, start=today, end=today + dt.timedelta(days=away.MAX_AWAY_DAYS), today=today
        )
    away.take_break(user, start=today, end=today + dt.timedelta(days=3), today=today)
    with pytest.raises(away.Refused, match="already have a break"):
        away.take_break(user, start=today, end=today + dt.timedelta(days=1), today=today)
    with pytest.raises(away.Refused, match="overlap"):
        # Ten days on the break has ended, so only the overlap refuses it.
        later = today + dt.timedelta(days=10)
        away.take_break(user, start=today + dt.timedelta(days=1), end=later, today=later)
    assert AwayPeriod.objects.filter(user=user).count() == 1


def test_tracked_add_and_rename_refuse_a_name_on_the_list_without_the_form(user):
    heat = tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="Heat pack")
    ice = tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="Ice")
    with pytest.raises(tracked.NameTaken, match="already have “Heat pack”"):
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="  heat PACK ")
    with pytest.raises(tracked.NameTaken, match="already have “Heat pack”"):
        tracked.rename(ice, name="HEAT PACK")
    tracked.retire(heat)
    with pytest.raises(tracked.NameTaken, match="“Heat pack” is retired"):
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="heat pack")
    tracked.rename(ice, name="ice")  # its own name in other capitals is not a clash
    # The same name on the other list is no clash.
    tracked.add(user, kind=TrackedKind.FACTOR, name="Heat pack")
    assert sorted(TrackedItem.objects.filter(user=user).values_list("name", flat=True)) == [
        "Heat pack", "Heat pack", "ice",
    ]  # fmt: skip


def test_tracked_add_enforces_the_list_limit_without_the_form(user):
    for number in range(tracked.ACTIVE_LIMITS[TrackedKind.PAIN_RELIEF]):
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name=f"Relief {number}")
    with pytest.raises(tracked.ListFull):
        tracked.add(user, kind=TrackedKind.PAIN_RELIEF, name="One more")


def test_a_zero_and_a_no_from_a_phone_are_answers_and_join_the_day(user):
    """An unanswered field never clears the server's answer; 0 and "no" are answers."""
    today = dt.date(2026, 3, 10)
    CheckIn.objects.create(user=user, date=today, discomfort=5, woke_from_pain=True)
    phone = submit.FromPhone(day_id=uuid.uuid4(), saved_at=timezone.now())
    answers = CheckInForm({"discomfort": "0", "woke_from_pain": "no"}).answers()
    submit.submit_day(user, date=today, today=today, answers=answers, phone=phone)
    day = CheckIn.objects.get(user=user, date=today)
    assert (day.discomfort, day.woke_from_pain) == (0, False)
