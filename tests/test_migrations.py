import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("tracker", "0007_reminders")]
AFTER = [("tracker", "0008_checkin_any_part_of_a_day")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_any_part_of_a_day_keeps_every_existing_row():
    old = _migrate(BEFORE)
    try:
        user = old.get_model("auth", "User").objects.create(username="kept")
        old_checkin = old.get_model("tracker", "CheckIn")
        old_checkin.objects.create(
            user_id=user.pk, date=dt.date(2026, 1, 1), posture=3, exercise_minutes=0,
            water_ml=0, stress=2, discomfort=4, notes="whole day",
        )  # fmt: skip
        old_checkin.objects.create(user_id=user.pk, date=dt.date(2026, 1, 2), water_ml=750)
        new = _migrate(AFTER)
        rows = list(
            new.get_model("tracker", "CheckIn")
            .objects.order_by("date")
            .values_list("date", "posture", "exercise_minutes", "water_ml", "stress", "discomfort")
        )
        assert rows == [
            (dt.date(2026, 1, 1), 3, 0, 0, 2, 4),
            (dt.date(2026, 1, 2), None, None, 750, None, None),
        ]
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_an_older_database_keeps_its_guide_and_tips_when_content_moves_to_files():
    """A database that loaded the content from migration 0003 holds the same rows with no
    digest: migrating on adopts each one that reads as the files, keeps an editor's edit, and
    creates nothing twice. Migrating back to before digests loads nothing."""
    from django.core.management import call_command

    from tracker.guide import content
    from tracker.models import GuideSection, Tip

    sections, tips = content.read_all()
    try:
        call_command("migrate", "tracker", "0016", verbosity=0)
        old_tip = (
            MigrationExecutor(connection)
            .loader.project_state([("tracker", "0016_offline_days")])
            .apps.get_model("tracker", "Tip")
        )
        old_tip.objects.filter(builtin_key=tips[0].key).update(title="An editor's title")
        call_command("migrate", verbosity=0)
        assert GuideSection.objects.filter(language="en").count() == len(sections)
        assert Tip.objects.filter(language="en").count() == len(tips)
        edited = Tip.objects.get(language="en", builtin_key=tips[0].key)
        assert (edited.title, edited.shipped_digest) == ("An editor's title", "")
        assert Tip.objects.filter(language="en").exclude(shipped_digest="").count() == len(tips) - 1
        assert all(section.shipped_digest for section in GuideSection.objects.all())
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
