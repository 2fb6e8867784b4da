"""Care advice for the person's country, new rules, and tips marked safe beside a care alert.

- Wording that still reads as the built-in default moves to the country placeholders (an editor's
  own wording is left alone); the new rules get their editable wording.
- The built-in tips that neither move, stretch, load nor crack the back are marked safe to show
  while a care alert is open; every other tip stays not safe, the default.

This migration carries its own copy of the wording and of the tips' keys."""

from django.db import migrations

# key: (the default it replaces, the new default)
CHANGED_WORDINGS = {
    "tier:emergency": (
        "Don't wait to see if it gets better. Call {number} or get someone to take you to the emergency department (A&E) now. Tell them what you noticed and when it started: the answers listed here. Don't stretch, crack or manipulate your back.",
        "Don't wait to see if it gets better. Call {emergency_number} or get someone to take you to the emergency department now. Tell them what you noticed and when it started: the answers listed here. Don't stretch, crack or manipulate your back.",
    ),
    "tier:urgent": (
        "Phone your GP surgery and ask for an urgent appointment today. If it is closed, call your local urgent care line (111 in England, Scotland and Wales). Tell them what you noticed and when it started. If you get numbness around your bottom or genitals, problems peeing or pooing, or weakness in both legs, call {number} straight away. Don't try to crack or stretch your back until you have been seen.",
        "Contact {routine_care} and ask for an urgent appointment today. If you can't get one, contact {urgent_care}. Tell them what you noticed and when it started. If you get numbness around your bottom or genitals, problems peeing or pooing, or weakness in both legs, call {emergency_number} straight away. Don't try to crack or stretch your back until you have been seen.",
    ),
    "tier:soon": (
        "Book an appointment with a GP or physiotherapist in the next few days and tell them what you have noticed; your logged days and notes can help. Most back pain gets better within a few weeks, and staying gently active usually helps. If new symptoms appear, such as numbness around your bottom or genitals or problems peeing or pooing, get help straight away.",
        "Book an appointment with {routine_care} or a physiotherapist in the next few days and tell them what you have noticed; your logged days and notes can help. Most back pain gets better within a few weeks, and staying gently active usually helps. If new symptoms appear, such as numbness around your bottom or genitals or problems peeing or pooing, get help straight away.",
    ),
    "rule:saddle_numbness": (
        "Numbness or tingling around the genitals, bottom or inner thighs can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
        "Numbness or tingling around the genitals, bottom or inner thighs, or a change in feeling when you wipe, can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
    ),
    "rule:bladder_bowel": (
        "New problems peeing or pooing, or a new loss of sexual sensation, can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
        "New problems peeing or pooing can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
    ),
    "rule:both_legs": (
        "Pain, numbness or weakness in both legs can mean the nerves in your lower back are being squeezed. This needs checking in hospital straight away.",
        "Pain, numbness or weakness in both legs, or leg symptoms getting worse, can mean the nerves in your lower back are being squeezed. This needs checking in hospital straight away.",
    ),
    "rule:injury_fracture_risk": (
        "After a fall, knock or blow, bones can break more easily if you are over 50, have osteoporosis or take steroid tablets long term, so this needs checking in hospital.",
        "After a fall, knock or blow, bones break more easily if you are over 50, have osteoporosis or take steroid tablets long term. Get it checked by a doctor the same day, in case a bone is broken.",
    ),
}
NEW_WORDINGS = {
    "rule:sexual_dysfunction": "New problems getting or keeping an erection, ejaculating, or feeling during sex can be a sign of a serious problem with the nerves in your lower back that needs treating in hospital straight away.",
    "rule:fever_infection_risk": "A high temperature, or feeling hot and shivery, should be checked by a doctor today because your health profile says you have a higher risk of infection. If you feel very unwell, call {emergency_number}.",
    "rule:legs_getting_worse": "Numbness or weakness in a leg that is getting worse, or new trouble walking, can mean a nerve in your back is being pressed on. A doctor should check it today. If it spreads to both legs, call {emergency_number}.",
    "rule:infection_risk_new_pain": "Because your health profile says you have a higher risk of infection, a new episode of back pain should be checked by a doctor today, even though most back pain has an everyday cause.",
    "rule:severe_most_days": "You logged discomfort of 8 or more on at least 4 of the last 7 days. Pain that stays this severe should be looked at.",
    "rule:activities_stopped": "You logged that pain stopped you doing your usual activities on 3 or more of the last 7 days. It is worth seeing {routine_care} or a physiotherapist, who can help you get back to them.",
    "rule:struggling_to_cope": "You said you're struggling to cope with the pain. That is a good reason to see {routine_care}, who can help with the pain and with how it is affecting you. If it feels too much right now, talk to someone: {mental_health}. If you might harm yourself, call {emergency_number}.",
}
SAFE_BESIDE_AN_ALERT = (
    # posture set-up, with no movement
    "screen-at-eye-level",
    "feet-flat-on-floor",
    "phone-up-not-head-down",
    # drinking
    "water-bottle-in-sight",
    "check-urine-colour",
    "drink-with-meals",
    "extra-on-hot-or-active-days",
    "realistic-about-water",
    # calm, sleep and support, with no movement
    "slow-breathing",
    "drop-your-shoulders",
    "protect-your-sleep",
    "talk-to-someone",
    # logging and appointments
    "log-same-time-daily",
    "patterns-are-clues",
    "check-sleep-setup",
    "bring-log-to-appointments",
)


def forwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, (old, new) in CHANGED_WORDINGS.items():
        CareWording.objects.filter(key=key, text=old).update(text=new)
    for key, text in NEW_WORDINGS.items():
        CareWording.objects.get_or_create(key=key, defaults={"text": text})
    Tip = apps.get_model("tracker", "Tip")
    Tip.objects.filter(builtin_key__in=SAFE_BESIDE_AN_ALERT).update(safe_beside_alert=True)


def backwards(apps, schema_editor):
    CareWording = apps.get_model("tracker", "CareWording")
    for key, (old, new) in CHANGED_WORDINGS.items():
        CareWording.objects.filter(key=key, text=new).update(text=old)
    CareWording.objects.filter(key__in=NEW_WORDINGS).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0009_country_infection_risk_safe_tips")]

    operations = [migrations.RunPython(forwards, backwards)]
