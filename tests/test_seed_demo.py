from django.contrib.auth import get_user_model
from django.core.management import call_command

from tracker.accounts.demo import DEMO_DAYS, DEMO_PASSWORD, DEMO_USERNAME
from tracker.models import CheckIn


def test_seed_demo_creates_a_demo_user_with_varied_history(db, capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out
    assert DEMO_USERNAME in output and DEMO_PASSWORD in output
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    assert user.check_password(DEMO_PASSWORD)
    days = CheckIn.objects.filter(user=user)
    assert 0.8 * DEMO_DAYS <= days.count() <= DEMO_DAYS
    assert len(set(days.values_list("discomfort", flat=True))) >= 4
    assert len(set(days.values_list("posture", flat=True))) >= 3


def test_seed_demo_twice_changes_nothing(db):
    call_command("seed_demo")
    first = list(CheckIn.objects.order_by("date").values_list("date", "discomfort", "water_ml"))
    call_command("seed_demo")
    second = list(CheckIn.objects.order_by("date").values_list("date", "discomfort", "water_ml"))
    assert first == second


def test_the_demo_shows_partly_logged_days_too(db):
    call_command("seed_demo")
    days = CheckIn.objects.filter(user__username=DEMO_USERNAME)
    assert days.filter(posture__isnull=True, discomfort__isnull=False).exists()
    assert days.filter(water_ml__isnull=True, posture__isnull=False).exists()


def test_the_demo_logs_sleep_its_own_lists_and_a_weekly_peg(db):
    call_command("seed_demo")
    user = get_user_model().objects.get(username=DEMO_USERNAME)
    days = CheckIn.objects.filter(user=user)
    assert days.filter(sleep_hours__isnull=False).count() > DEMO_DAYS / 2
    assert days.filter(woke_from_pain=True).exists()
    assert user.tracked_items.filter(kind="relief").exists()
    assert user.tracked_items.filter(kind="factor").exists()
    own = set(user.tracked_items.values_list("pk", flat=True))
    ticked = [pk for ids in days.values_list("item_ids", flat=True) for pk in ids]
    assert ticked and set(ticked) <= own
    assert days.filter(peg_pain__isnull=False).count() >= 4
    assert user.profile.peg_last_date == days.filter(peg_pain__isnull=False).latest("date").date
