"""Care alerts record how an emergency or urgent alert was answered ("getting help now",
"spoken to a professional"), how long its one-line reminder lasts, and answers corrected as
ticked by mistake. Old rows keep their answers ("contacted", "understood") and meaning: only
fields are added, and the answer's column is widened."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0018_sharelink_made_at_now"),
    ]

    operations = [
        migrations.AddField(
            model_name="carealert",
            name="corrections",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="carealert",
            name="reminder_until",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="carealert",
            name="acknowledgement",
            field=models.CharField(
                blank=True,
                choices=[
                    ("getting_help", "Getting help now"),
                    ("spoken", "Spoken to a professional"),
                    ("contacted", "I've contacted a professional"),
                    ("understood", "Understood"),
                ],
                max_length=20,
            ),
        ),
    ]
