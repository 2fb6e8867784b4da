"""One account per confirmed e-mail address, in any capitals (issue 28). Before this, two
accounts could both open a link for one address. Where that happened, the address stays
confirmed on one account (the one whose e-mail it still is, the oldest first) and the others
go back to unconfirmed: their reminders stop going to someone else's inbox."""

from django.db import migrations, models
from django.db.models.functions import Lower


def keep_one_confirmation_per_address(apps, schema_editor):
    profile_model = apps.get_model("tracker", "Profile")
    by_address: dict[str, list] = {}
    confirmed = profile_model.objects.exclude(confirmed_email="").select_related("user")
    for profile in confirmed.order_by("user_id"):
        by_address.setdefault(profile.confirmed_email.lower(), []).append(profile)
    for profiles in by_address.values():
        if len(profiles) < 2:
            continue
        profiles.sort(key=lambda p: (p.user.email.lower() != p.confirmed_email.lower(), p.user_id))
        profile_model.objects.filter(pk__in=[p.pk for p in profiles[1:]]).update(confirmed_email="")


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0020_care_wording_issue_27"),
    ]

    operations = [
        migrations.RunPython(keep_one_confirmation_per_address, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="profile",
            constraint=models.UniqueConstraint(
                Lower("confirmed_email"),
                condition=models.Q(("confirmed_email", ""), _negated=True),
                name="profile_confirmed_email_unique",
            ),
        ),
    ]
