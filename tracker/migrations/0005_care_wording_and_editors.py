"""Creates the editable care-prompt wordings and lets content editors change them. Only missing
rows are created."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# The wording as it stood when this migration was written: its own copy, so a later edit of
# the defaults never changes what a fresh `migrate` creates.
WORDINGS = {
    "tier:emergency": "Don't wait to see if it gets better. Call {number} or get someone to take you to the emergency department (A&E) now. Tell them what you noticed and when it started: the answers listed here. Don't stretch, crack or manipulate your back.",
    "tier:urgent": "Phone your GP surgery and ask for an urgent appointment today. If it is closed, call your local urgent care line (111 in England, Scotland and Wales). Tell them what you noticed and when it started. If you get numbness around your bottom or genitals, problems peeing or pooing, or weakness in both legs, call {number} straight away. Don't try to crack or stretch your back until you have been seen.",
    "tier:soon": "Book an appointment with a GP or physiotherapist in the next few days and tell them what you have noticed; your logged days and notes can help. Most back pain gets better within a few weeks, and staying gently active usually helps. If new symptoms appear, such as numbness around your bottom or genitals or problems peeing or pooing, get help straight away.",
    "rule:saddle_numbness": "Numbness or tingling around the genitals, bottom or inner thighs can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
    "rule:bladder_bowel": "New problems peeing or pooing, or a new loss of sexual sensation, can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
    "rule:both_legs": "Pain, numbness or weakness in both legs can mean the nerves in your lower back are being squeezed. This needs checking in hospital straight away.",
    "rule:chest_pain": "Chest pain together with back pain needs checking straight away, because it may not be coming from your back.",
    "rule:major_injury": "After a serious accident, back pain needs checking in hospital in case your spine has been hurt. Keep as still as you can until you have been seen.",
    "rule:injury_fracture_risk": "After a fall, knock or blow, bones can break more easily if you are over 50, have osteoporosis or take steroid tablets long term, so this needs checking in hospital.",
    "rule:fever": "A high temperature, or feeling hot and shivery, together with back pain can be a sign of an infection that needs treating quickly.",
    "rule:injury": "Back pain after a fall, knock or blow to the back should be checked by a doctor today.",
    "rule:one_leg_weakness": "New weakness in a leg or foot can mean a nerve in your back is being pressed on. A doctor should check it today.",
    "rule:weight_loss": "Back pain together with weight loss you can't explain should be checked by a doctor today.",
    "rule:night_pain": "Pain that is worse at night, or that doesn't ease when you lie down, should be checked by a doctor today.",
    "rule:cough_sneeze_pain": "Back pain that gets worse when you cough, sneeze or strain should be checked by a doctor today.",
    "rule:upper_back_pain": "Pain high up, between the shoulder blades, is less common than lower back pain and should be checked by a doctor today.",
    "rule:swelling": "A lump or swelling on your back, or a change in its shape, should be checked by a doctor today.",
    "rule:cancer_new_pain": "Because you have had cancer, a new episode of back pain should be checked by a doctor today, even though most back pain has an everyday cause.",
    "rule:severe_three_days": "You logged discomfort of 8 or more on three days in a row. Pain that stays this severe should be looked at.",
    "rule:persistent_pain": "You logged discomfort of 4 or more on at least two thirds of the days you logged over six weeks or more. Pain that lasts this long is worth a professional's view.",
    "rule:leg_symptoms_persisting": "You logged pain or numbness spreading down a leg on 7 or more of the last 14 days.",
    "rule:worsening": "Your average discomfort over the last 7 days is at least 2 points and 30% higher than the 7 days before, counting the days you logged.",
    "rule:age_persisting_pain": "At your age, back pain on most of the days you logged over four weeks is worth getting checked.",
    "rule:cracking_pain": "Cracking or popping that comes with sharp pain is different from a harmless click. Don't try to crack your back yourself; get it checked.",
}


def load_wordings(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, text in WORDINGS.items():
        CareWording.objects.get_or_create(key=key, defaults={"text": text})


def allow_editors(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Content editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="tracker",
            codename__in=["change_carewording", "view_carewording"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_red_flags")]

    operations = [
        migrations.RunPython(load_wordings, migrations.RunPython.noop),
        migrations.RunPython(allow_editors, migrations.RunPython.noop),
    ]
