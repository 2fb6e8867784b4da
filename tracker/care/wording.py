"""What care prompts say by default: each rule's title and explanation, and each tier's headline
and advice. Editors may reword the explanations and the advice in the admin (CareWording);
whether a rule fires is decided in tracker.care.redflags alone.

Wording never names a country's services: it uses the placeholders of tracker.care.countries
({emergency_number}, {urgent_care}, {routine_care}, {mental_health}, {physio}), filled in from
the person's country. Plain words, no diagnosis named, and never a suggestion to stretch or crack
the back beside a red flag."""

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from tracker.care.redflags import EMERGENCY, SOON, URGENT
from tracker.care.thresholds import (
    ACTIVITIES_STOPPED_DAYS,
    ACTIVITIES_STOPPED_WINDOW_DAYS,
    AGE_PAIN_MIN_SPAN_DAYS,
    LEG_SYMPTOM_DAYS,
    LEG_SYMPTOM_WINDOW_DAYS,
    PERSISTENT_DISCOMFORT,
    PERSISTENT_MIN_SPAN_DAYS,
    PERSISTENT_SHARE,
    SEVERE_CONSECUTIVE_DAYS,
    SEVERE_DAYS_IN_WINDOW,
    SEVERE_DISCOMFORT,
    SEVERE_WINDOW_DAYS,
    WORSENING_MIN_POINTS,
    WORSENING_MIN_RATIO,
    WORSENING_WINDOW_DAYS,
)


@dataclass(frozen=True)
class RuleWording:
    title: str
    explanation: str


# Sources for the single answers: NHS "Cauda equina syndrome" and the GIRFT national suspected
# cauda equina pathway (saddle numbness, bladder, bowel or sexual problems: emergency); NHS
# "Sciatica" (sciatica on both sides, weakness or numbness in both legs: A&E or 999); NHS "Back
# pain" (chest pain, a serious accident: emergency; a high temperature, weight loss, a lump or
# change of shape, pain worse at night: urgent; struggling to cope: see a GP); NICE CKS
# "Sciatica (lumbar radiculopathy)" (a progressive neurological deficit in one leg: urgent
# assessment; the NHS page says only to see a GP); Finucane et al. 2020 (history of cancer,
# infection risk, fracture risk, pain between the shoulder blades, pain on coughing or straining
# as flags to review; minor trauma matters for fracture risk only, so a knock is "soon" without
# it: see tracker.care.redflags). NHS "When to call 999": an ambulance, not a lift, after a serious
# accident or with chest pain.
_NERVES = (
    "can be a sign of a serious problem with the nerves in your lower back that needs treating "
    "in hospital straight away."
)
# The pattern rules' wording reads its numbers from tracker.care.thresholds, so it says what the
# rules do. _words, _weeks and _SHARES fail at import if a threshold moves to a number they
# cannot say, rather than let the wording fall behind.
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_SHARES = {Fraction(2, 3): "two thirds"}


def _words(n: int) -> str:
    return _NUMBER_WORDS[n]


def _weeks(days: int) -> str:
    weeks, rest = divmod(days, 7)
    if rest:
        raise ValueError(f"{days} days is not a whole number of weeks")
    return f"{_words(weeks)} weeks"


RULE_WORDING: dict[str, RuleWording] = {
    "saddle_numbness": RuleWording(
        "Numbness around the genitals, bottom or inner thighs",
        "Numbness or tingling around the genitals, bottom or inner thighs, or a change in "
        f"feeling when you wipe, {_NERVES}",
    ),
    "bladder_bowel": RuleWording(
        "New bladder or bowel problems", f"New problems peeing or pooing {_NERVES}"
    ),
    "sexual_dysfunction": RuleWording(
        "New problems with erections, ejaculation or feeling during sex",
        f"New problems getting or keeping an erection, ejaculating, or feeling during sex "
        f"{_NERVES}",
    ),
    "both_legs": RuleWording(
        "Symptoms in both legs",
        "Pain spreading down both legs, or numbness, weakness or trouble walking in both legs, "
        "can mean the nerves in your lower back are being squeezed. This needs checking in "
        "hospital straight away.",
    ),
    "chest_pain": RuleWording(
        "Chest pain with back pain",
        "Chest pain together with back pain needs checking straight away, because it may not be "
        "coming from your back.",
    ),
    "major_injury": RuleWording(
        "A serious accident",
        "After a serious accident, back pain needs checking in hospital in case your spine has "
        "been hurt. Keep as still as you can until you have been seen.",
    ),
    "fever_infection_risk": RuleWording(
        "A high temperature, with a higher risk of infection",
        "A high temperature, or feeling hot and shivery, should be checked by a doctor today "
        "because your health profile says you have a higher risk of infection. If you feel very "
        "unwell, call {emergency_number}.",
    ),
    "fever": RuleWording(
        "A high temperature with back pain",
        "A high temperature, or feeling hot and shivery, together with back pain can be a sign "
        "of an infection that needs treating quickly. If you feel very unwell, call "
        "{emergency_number}.",
    ),
    "injury_fracture_risk": RuleWording(
        "A fall or blow, with bones that may break easily",
        "After a fall, knock or blow, bones break more easily if you are over 50, have "
        "osteoporosis or take steroid tablets long term. Get it checked by a doctor the same "
        "day, in case a bone is broken.",
    ),
    "injury": RuleWording(
        "A recent fall, knock or blow",
        "Back pain after a fall, knock or blow usually settles, but it is worth getting checked "
        "in the next few days. If the pain is severe or getting worse, or you notice numbness "
        "or weakness, contact {urgent_care} today.",
    ),
    "legs_getting_worse": RuleWording(
        "Numbness or weakness in one leg getting worse",
        "Numbness or weakness in one leg that is getting worse, or new trouble walking because "
        "of it, can mean a nerve in your back is being pressed on. A doctor should check it "
        "today. If it spreads to both legs, call {emergency_number}.",
    ),
    "one_leg_weakness": RuleWording(
        "Weakness in a leg or foot",
        "New weakness in a leg or foot can mean a nerve in your back is being pressed on. A "
        "doctor should check it today.",
    ),
    "weight_loss": RuleWording(
        "Weight loss you can't explain",
        "Back pain together with weight loss you can't explain should be checked by a doctor "
        "today.",
    ),
    "night_pain": RuleWording(
        "Pain worse at night",
        "Pain that is worse at night, or that doesn't ease when you lie down, should be checked "
        "by a doctor today.",
    ),
    "cough_sneeze_pain": RuleWording(
        "Pain worse when coughing or sneezing",
        "Back pain that gets worse when you cough, sneeze or strain should be checked by a "
        "doctor today.",
    ),
    "upper_back_pain": RuleWording(
        "Pain between the shoulder blades",
        "Pain high up, between the shoulder blades, is less common than lower back pain and "
        "should be checked by a doctor today.",
    ),
    "swelling": RuleWording(
        "A lump, swelling or change of shape",
        "A lump or swelling on your back, or a change in its shape, should be checked by a "
        "doctor today.",
    ),
    "cancer_new_pain": RuleWording(
        "New back pain after cancer",
        "Because you have had cancer, a new episode of back pain should be checked by a doctor "
        "today, even though most back pain has an everyday cause.",
    ),
    "infection_risk_new_pain": RuleWording(
        "New back pain, with a higher risk of infection",
        "Because your health profile says you have a higher risk of infection, a new episode of "
        "back pain should be checked by a doctor today, even though most back pain has an "
        "everyday cause.",
    ),
    "severe_three_days": RuleWording(
        f"Severe discomfort {_words(SEVERE_CONSECUTIVE_DAYS)} days running",
        f"You logged discomfort of {SEVERE_DISCOMFORT} or more on "
        f"{_words(SEVERE_CONSECUTIVE_DAYS)} days in a row. Pain that stays this severe "
        "should be looked at.",
    ),
    "severe_most_days": RuleWording(
        "Severe discomfort on most days this week",
        f"You logged discomfort of {SEVERE_DISCOMFORT} or more on at least "
        f"{SEVERE_DAYS_IN_WINDOW} of the last {SEVERE_WINDOW_DAYS} days. Pain that stays "
        "this severe should be looked at.",
    ),
    "persistent_pain": RuleWording(
        f"Discomfort lasting {_weeks(PERSISTENT_MIN_SPAN_DAYS)}",
        f"You logged discomfort of {PERSISTENT_DISCOMFORT} or more on at least "
        f"{_SHARES[PERSISTENT_SHARE]} of the days you logged over "
        f"{_weeks(PERSISTENT_MIN_SPAN_DAYS)} or more. Pain that lasts this long is worth a "
        "professional's view.",
    ),
    "leg_symptoms_persisting": RuleWording(
        "Leg pain or numbness on most days",
        f"You logged pain or numbness spreading down a leg on {LEG_SYMPTOM_DAYS} or more of the "
        f"last {LEG_SYMPTOM_WINDOW_DAYS} days.",
    ),
    "worsening": RuleWording(
        "Discomfort getting clearly worse",
        f"Your average discomfort over the last {WORSENING_WINDOW_DAYS} days is at least "
        f"{WORSENING_MIN_POINTS} points and {float(WORSENING_MIN_RATIO - 1):.0%} higher than "
        f"the {WORSENING_WINDOW_DAYS} days before, counting the days you logged.",
    ),
    "age_persisting_pain": RuleWording(
        f"Back pain on most days for {_weeks(AGE_PAIN_MIN_SPAN_DAYS)}",
        "At your age, back pain on most of the days you logged over "
        f"{_weeks(AGE_PAIN_MIN_SPAN_DAYS)} is worth getting checked.",
    ),
    "activities_stopped": RuleWording(
        "Pain stopping your usual activities",
        "You logged that pain stopped you doing your usual activities on "
        f"{ACTIVITIES_STOPPED_DAYS} or more of the last {ACTIVITIES_STOPPED_WINDOW_DAYS} "
        "days. It is worth seeing {routine_care} or {physio}, who can help you get back to "
        "them.",
    ),
    "struggling_to_cope": RuleWording(
        "Struggling to cope with the pain",
        "You said you're struggling to cope with the pain. If it feels too much right now, "
        "talk to someone: {mental_health}. If you might harm yourself, call "
        "{emergency_number}. Then see {routine_care} or {physio}, who can help with the pain "
        "and with how it is affecting you.",
    ),
    "cracking_pain": RuleWording(
        "Cracking with sharp pain",
        "Cracking or popping that comes with sharp pain is different from a harmless click. "
        "Don't try to crack your back yourself; get it checked.",
    ),
}

# A serious accident (keep still) or chest pain: call an ambulance, don't be driven in.
AMBULANCE = "emergency_ambulance"
AMBULANCE_RULES = frozenset({"major_injury", "chest_pain"})


def advice_key(tier: str, rule_codes: Iterable[str]) -> str:
    """The key, in TIER_HEADLINES and TIER_ADVICE (and CareWording's "tier:<key>"), of what a
    prompt of `tier` listing these rules says: the ambulance advice if any of them needs one,
    else the tier's own."""
    if tier == EMERGENCY and not AMBULANCE_RULES.isdisjoint(rule_codes):
        return AMBULANCE
    return tier


# An emergency logged for a day that has passed (tracker.care.shown.is_past_event: backfilled, or
# imported from an export months old) may be over: its advice says what to do if it is still
# happening, and what to do if it stopped without being checked, rather than "call now". Its
# headline is the tier's own behind "If this is still happening, ..." (shown.past_event_headline).
PAST_EMERGENCY = "emergency_past"
# The same for an urgent sign: "today" would read as though the day logged were today.
PAST_URGENT = "urgent_past"
# How a past event's headline is said: the tier's headline, its first letter lowered, after this.
PAST_EVENT_HEADLINE = "If this is still happening, {headline}"

TIER_HEADLINES = {
    EMERGENCY: "Call {emergency_number} or go to the emergency department now",
    AMBULANCE: "Call {emergency_number} for an ambulance now",
    URGENT: "Get an urgent appointment with a doctor today",
    SOON: "See {routine_care} or {physio} in the next few days",
}
# Default advice per tier (and for emergencies that need an ambulance); editors may reword it in
# the admin.
TIER_ADVICE = {
    EMERGENCY: (
        "Don't wait to see if it gets better. Call {emergency_number} or get someone to take you "
        "to the emergency department now. Tell them what you noticed and when it started: the "
        "answers listed here. Don't stretch, crack or manipulate your back."
    ),
    AMBULANCE: (
        "Don't wait to see if it gets better. Call {emergency_number} now and ask for an "
        "ambulance; don't drive yourself or ask someone to drive you. Keep as still as you can "
        "until help arrives. Tell them what you noticed and when it started: the answers listed "
        "here. Don't stretch, crack or manipulate your back."
    ),
    URGENT: (
        "Contact {routine_care} and ask for an urgent appointment today. If you can't get one, "
        "contact {urgent_care}. Tell them what you noticed and when it started. If you get "
        "numbness around your bottom or genitals, problems peeing or pooing, new problems with "
        "erections, ejaculation or feeling during sex, or weakness in both legs, call "
        "{emergency_number} straight away. Don't try to crack or stretch your back "
        "until you have been seen."
    ),
    PAST_EMERGENCY: (
        "You logged this for a day that has passed. If it is still happening, or it comes "
        "back, don't wait: call {emergency_number} straight away and tell them when it started. "
        "If it has stopped and no one has checked it yet, contact {urgent_care} today and tell "
        "them what you noticed and when. Don't stretch, crack or manipulate your back."
    ),
    PAST_URGENT: (
        "You logged this for a day that has passed. If it is still happening, or it comes back, "
        "contact {routine_care} and ask for an urgent appointment today; if you can't get one, "
        "contact {urgent_care}. Tell them what you noticed and when it started. If you get "
        "numbness around your bottom or genitals, problems peeing or pooing, new problems with "
        "erections, ejaculation or feeling during sex, or weakness in both legs, call "
        "{emergency_number} straight away. Don't try to crack or stretch your back "
        "until you have been seen."
    ),
    SOON: (
        "Book an appointment with {routine_care} or {physio} in the next few days and tell them "
        "what you have noticed; your logged days and notes can help. Most back pain gets better "
        "within a few weeks, and staying gently active usually helps. If you get numbness "
        "around your bottom or genitals, problems peeing or pooing, or weakness in both legs, "
        "call {emergency_number} straight away. If the pain gets much worse or other new "
        "symptoms appear, contact {urgent_care}."
    ),
}
