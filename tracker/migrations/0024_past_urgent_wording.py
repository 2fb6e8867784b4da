"""The advice for an urgent sign logged for a day that has passed (backfilled, or imported from
an old export), so editors can reword it as they can the past emergency's. This migration carries
its own copy of the wording."""

from django.db import migrations

PAST_URGENT_ADVICE = (
    "You logged this for a day that has passed. If it is still happening, or it comes back, "
    "contact {routine_care} and ask for an urgent appointment today; if you can't get one, "
    "contact {urgent_care}. Tell them what you noticed and when it started. If you get "
    "numbness around your bottom or genitals, problems peeing or pooing, new problems with "
    "erections, ejaculation or feeling during sex, or weakness in both legs, call "
    "{emergency_number} straight away. Don't try to crack or stretch your back "
    "until you have been seen."
)


def forwards(apps, schema_editor):
    apps.get_model("tracker", "CareWording").objects.get_or_create(
        key="tier:urgent_past", defaults={"text": PAST_URGENT_ADVICE}
    )


def backwards(apps, schema_editor):
    apps.get_model("tracker", "CareWording").objects.filter(key="tier:urgent_past").delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0023_import_drafts_and_past_emergency_wording")]

    operations = [migrations.RunPython(forwards, backwards)]
