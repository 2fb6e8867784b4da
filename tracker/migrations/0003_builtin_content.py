"""Creates the Content editors group.

It first loaded the built-in guide and tips too, from its own copy. They now live as files
under content/, which `migrate` loads once every migration has run (tracker.guide.content)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_EDITORS_GROUP = "Content editors"
EDITABLE_MODELS = ("guidesection", "tip")


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
        migrations.RunPython(create_content_editors_group, migrations.RunPython.noop),
    ]
