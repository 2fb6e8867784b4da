import secrets

from django.db import migrations, models

import tracker.models

# Unsubscribe links used to carry the person's id and a version number (readable base64). They
# now carry a random key, signed with the time so they expire. Every profile gets its own key;
# links already sent stop working, which is the point.


def give_each_profile_a_key(apps, schema_editor):
    Profile = apps.get_model("tracker", "Profile")
    for profile in Profile.objects.only("pk").iterator():
        Profile.objects.filter(pk=profile.pk).update(unsubscribe_key=secrets.token_urlsafe(16))


class Migration(migrations.Migration):
    dependencies = [("tracker", "0010_care_for_countries_and_safe_tips")]

    operations = [
        migrations.RemoveField(model_name="profile", name="unsubscribe_version"),
        migrations.AddField(
            model_name="profile",
            name="unsubscribe_key",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(give_each_profile_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="profile",
            name="unsubscribe_key",
            field=models.CharField(
                default=tracker.models.new_unsubscribe_key,
                editable=False,
                max_length=32,
                unique=True,
            ),
        ),
    ]
