"""Care wording from issue 27: the ambulance advice for a serious accident or chest pain, the
safety nets that give numbers, sexual problems beside bladder and bowel ones, a knock that is
"soon" without fracture risk, both legs as their own line, {physio} ("physical therapist" in
the US and Canada), and struggling to cope leading with someone to talk to.

Wording that still reads as the built-in default takes the new default; an editor's own
wording is left alone. This migration carries its own copy of the wording."""

from django.db import migrations

# key: (the default it replaces, the new default)
CHANGED_WORDINGS = {
    "tier:urgent": (
        "Contact {routine_care} and ask for an urgent appointment today. If you can't get one, contact {urgent_care}. Tell them what you noticed and when it started. If you get numbness around your bottom or genitals, problems peeing or pooing, or weakness in both legs, call {emergency_number} straight away. Don't try to crack or stretch your back until you have been seen.",
        "Contact {routine_care} and ask for an urgent appointment today. If you can't get one, contact {urgent_care}. Tell them what you noticed and when it started. If you get numbness around your bottom or genitals, problems peeing or pooing, new problems with erections, ejaculation or feeling during sex, or weakness in both legs, call {emergency_number} straight away. Don't try to crack or stretch your back until you have been seen.",
    ),
    "tier:soon": (
        "Book an appointment with {routine_care} or a physiotherapist in the next few days and tell them what you have noticed; your logged days and notes can help. Most back pain gets better within a few weeks, and staying gently active usually helps. If new symptoms appear, such as numbness around your bottom or genitals or problems peeing or pooing, get help straight away.",
        "Book an appointment with {routine_care} or {physio} in the next few days and tell them what you have noticed; your logged days and notes can help. Most back pain gets better within a few weeks, and staying gently active usually helps. If you get numbness around your bottom or genitals, problems peeing or pooing, or weakness in both legs, call {emergency_number} straight away. If the pain gets much worse or other new symptoms appear, contact {urgent_care}.",
    ),
    "rule:both_legs": (
        "Pain, numbness or weakness in both legs, or leg symptoms getting worse, can mean the nerves in your lower back are being squeezed. This needs checking in hospital straight away.",
        "Pain spreading down both legs, or numbness, weakness or trouble walking in both legs, can mean the nerves in your lower back are being squeezed. This needs checking in hospital straight away.",
    ),
    "rule:fever": (
        "A high temperature, or feeling hot and shivery, together with back pain can be a sign of an infection that needs treating quickly.",
        "A high temperature, or feeling hot and shivery, together with back pain can be a sign of an infection that needs treating quickly. If you feel very unwell, call {emergency_number}.",
    ),
    "rule:injury": (
        "Back pain after a fall, knock or blow to the back should be checked by a doctor today.",
        "Back pain after a fall, knock or blow usually settles, but it is worth getting checked in the next few days. If the pain is severe or getting worse, or you notice numbness or weakness, contact {urgent_care} today.",
    ),
    "rule:legs_getting_worse": (
        "Numbness or weakness in a leg that is getting worse, or new trouble walking, can mean a nerve in your back is being pressed on. A doctor should check it today. If it spreads to both legs, call {emergency_number}.",
        "Numbness or weakness in one leg that is getting worse, or new trouble walking because of it, can mean a nerve in your back is being pressed on. A doctor should check it today. If it spreads to both legs, call {emergency_number}.",
    ),
    "rule:activities_stopped": (
        "You logged that pain stopped you doing your usual activities on 3 or more of the last 7 days. It is worth seeing {routine_care} or a physiotherapist, who can help you get back to them.",
        "You logged that pain stopped you doing your usual activities on 3 or more of the last 7 days. It is worth seeing {routine_care} or {physio}, who can help you get back to them.",
    ),
    "rule:struggling_to_cope": (
        "You said you're struggling to cope with the pain. That is a good reason to see {routine_care}, who can help with the pain and with how it is affecting you. If it feels too much right now, talk to someone: {mental_health}. If you might harm yourself, call {emergency_number}.",
        "You said you're struggling to cope with the pain. If it feels too much right now, talk to someone: {mental_health}. If you might harm yourself, call {emergency_number}. Then see {routine_care} or {physio}, who can help with the pain and with how it is affecting you.",
    ),
}
# key: the new default
NEW_WORDINGS = {
    "tier:emergency_ambulance": "Don't wait to see if it gets better. Call {emergency_number} now and ask for an ambulance; don't drive yourself or ask someone to drive you. Keep as still as you can until help arrives. Tell them what you noticed and when it started: the answers listed here. Don't stretch, crack or manipulate your back."
}


def forwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, (old, new) in CHANGED_WORDINGS.items():
        CareWording.objects.filter(key=key, text=old).update(text=new)
    for key, text in NEW_WORDINGS.items():
        CareWording.objects.get_or_create(key=key, defaults={"text": text})


def backwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, (old, new) in CHANGED_WORDINGS.items():
        CareWording.objects.filter(key=key, text=new).update(text=old)
    CareWording.objects.filter(key__in=NEW_WORDINGS).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0019_care_alert_responses")]

    operations = [migrations.RunPython(forwards, backwards)]
