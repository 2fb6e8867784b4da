"""Nothing going forward. Unapplying the languages (0025) brings back one row per slug, tip key
and care wording key, so every row of another language goes first, in its own migration: on
PostgreSQL the deletes must be committed before 0025 alters those tables ("pending trigger
events")."""

from django.db import migrations


def drop_other_languages(apps, schema_editor):
    db = schema_editor.connection.alias
    # Tips before sections: a tip's section is protected.
    for name in ("Tip", "GuideSection", "CareWording"):
        apps.get_model("tracker", name).objects.using(db).exclude(language="en").delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0025_languages")]

    operations = [migrations.RunPython(migrations.RunPython.noop, drop_other_languages)]
