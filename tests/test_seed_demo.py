from django.contrib.auth import get_user_model
from django.core.management import call_command

from tracker.demo import DEMO_DAYS, DEMO_PASSWORD, DEMO_USERNAME
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
