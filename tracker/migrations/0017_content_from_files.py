"""Built-in sections and tips remember what was loaded into them, so a later load from
content/ can tell an unedited row (it takes the new text) from an editor's (it is left alone)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0016_offline_days"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidesection",
            name="shipped_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="tip",
            name="shipped_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="tip",
            name="is_active",
            field=models.BooleanField(
                default=True,
                help_text="Untick to stop showing this tip. Built-in tips cannot be deleted: loading content/ would bring them back.",
                verbose_name="active",
            ),
        ),
    ]
