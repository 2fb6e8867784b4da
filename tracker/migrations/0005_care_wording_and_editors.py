"""Creates the editable care-prompt wordings (from the defaults in tracker.redflags) and lets
content editors change them. Only missing rows are created."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from tracker.redflags import RULES, TIER_ADVICE


def load_wordings(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    defaults = {f"tier:{tier}": text for tier, text in TIER_ADVICE.items()}
    defaults.update({f"rule:{rule.code}": rule.explanation for rule in RULES})
    for key, text in defaults.items():
        CareWording.objects.get_or_create(key=key, defaults={"text": text})


def allow_editors(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Content editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="tracker",
            codename__in=["change_carewording", "view_carewording"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_red_flags")]

    operations = [
        migrations.RunPython(load_wordings, migrations.RunPython.noop),
        migrations.RunPython(allow_editors, migrations.RunPython.noop),
    ]
