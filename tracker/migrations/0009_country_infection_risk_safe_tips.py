import django_countries.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tracker", "0008_checkin_any_part_of_a_day")]

    operations = [
        # The profile's "weakened immune system" becomes the wider "higher risk of infection",
        # which the infection rules read (tracker.care.redflags); a rename keeps every answer.
        migrations.RenameField(
            model_name="profile", old_name="weakened_immune_system", new_name="infection_risk"
        ),
        migrations.AlterField(
            model_name="profile",
            name="infection_risk",
            field=models.BooleanField(
                default=False,
                verbose_name="I have a higher risk of infection: a weakened immune system (for "
                "example chemotherapy or medicines that lower immunity), or I have injected drugs",
            ),
        ),
        migrations.AddField(
            model_name="profile",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True,
                help_text="Where you live, for the right care numbers.",
                max_length=2,
            ),
        ),
        migrations.AddField(
            model_name="tip",
            name="safe_beside_alert",
            field=models.BooleanField(
                default=False,
                help_text="Tick only if this tip is safe to try while a care alert is open: "
                "nothing that moves, stretches, loads or cracks the back. Only these tips are "
                "shown to someone with an open alert.",
                verbose_name="safe beside a care alert",
            ),
        ),
    ]
