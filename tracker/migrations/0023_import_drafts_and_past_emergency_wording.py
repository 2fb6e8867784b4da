"""Importing a file (issue 32): the parsed file kept between its preview and the confirmation
(ImportDraft), and the advice for an emergency logged for a day that has passed, so editors can
reword it. This migration carries its own copy of the wording."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

PAST_EMERGENCY_ADVICE = (
    "You logged this for a day that has passed. If it is still happening, or it comes back, "
    "don't wait: call {emergency_number} straight away and tell them when it started. If it has "
    "stopped and no one has checked it yet, contact {urgent_care} today and tell them what you "
    "noticed and when. Don't stretch, crack or manipulate your back."
)


def forwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    CareWording.objects.get_or_create(
        key="tier:emergency_past", defaults={"text": PAST_EMERGENCY_ADVICE}
    )


def backwards(apps, schema_editor):
    apps.get_model("tracker", "CareWording").objects.filter(key="tier:emergency_past").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0022_reminder_email_off_by_default"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportDraft",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("source", models.CharField(max_length=20)),
                ("filename", models.CharField(blank=True, max_length=100)),
                ("data", models.JSONField()),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="import_draft",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
