"""Loads the built-in guide and tips, and creates the Content editors group.

Only missing rows are created, so an editor's later changes are never overwritten."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from tracker.migrations._0003_builtin_content import GUIDE_SECTIONS, TIPS

CONTENT_EDITORS_GROUP = "Content editors"
EDITABLE_MODELS = ("guidesection", "tip")


def load_builtin_content(apps, schema_editor):
    GuideSection = apps.get_model("tracker", "GuideSection")
    Tip = apps.get_model("tracker", "Tip")
    sections = {}
    for item in GUIDE_SECTIONS:
        section, _ = GuideSection.objects.get_or_create(
            slug=item["slug"],
            defaults={"title": item["title"], "order": item["order"], "body": item["body"]},
        )
        sections[item["slug"]] = section
    for item in TIPS:
        Tip.objects.get_or_create(
            builtin_key=item["key"],
            defaults={
                "title": item["title"],
                "body": item["body"],
                "habit": item["habit"],
                "priority": item["priority"],
                "section": sections[item["section"]],
            },
        )


def create_content_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label="tracker", content_type__model__in=EDITABLE_MODELS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_guide_and_tips"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(load_builtin_content, migrations.RunPython.noop),
        migrations.RunPython(create_content_editors_group, migrations.RunPython.noop),
    ]
