"""New profiles start with e-mail reminders unticked, like every other reminder setting: nothing
about reminders is on until the person chooses it. Only the default changes; every existing
profile keeps the choice it has."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0021_one_account_per_confirmed_email"),
    ]

    operations = [
        migrations.AlterField(
            model_name="profile",
            name="reminder_email",
            field=models.BooleanField(default=False, verbose_name="By e-mail"),
        ),
    ]
