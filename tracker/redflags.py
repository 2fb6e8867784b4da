"""Medical red flags: when what a person logs means they should get professional care.

This module decides whether a rule fires; nothing else does, and no setting or admin screen can
change it. Editors may reword the explanations (CareWording), never the logic. Rules follow the
NHS's three levels of urgency and were checked against NICE NG59 (low back pain and sciatica in
over-16s), the NHS pages on back pain, sciatica and cauda equina syndrome, and the international
framework for spinal red flags (Finucane et al., JOSPT 2020).

Days that were not logged are never treated as zeros: persistence rules count logged days only,
and a day that logged some things and not others is a gap only for what it left out: a pain-only
day counts for the pain rules, a symptom-only day for the symptom rules."""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from tracker.symptoms import SYMPTOM_LABELS

EMERGENCY = "emergency"
URGENT = "urgent"
SOON = "soon"
TIER_RANK = {EMERGENCY: 0, URGENT: 1, SOON: 2}

AGE_16_19 = "16-19"
AGE_20_50 = "20-50"
AGE_OVER_50 = "over-50"

# --- thresholds, each with its source ------------------------------------------------------
# "Soon": severe pain on consecutive days. NHS back pain: see a GP if pain is very bad or not
# improving; 8+/10 on three calendar days in a row is "severe and not settling".
SEVERE_DISCOMFORT = 8
SEVERE_CONSECUTIVE_DAYS = 3
# "Soon": persistent pain. NICE NG59 and the NHS advise review when pain has not improved after
# about 6 weeks. Moderate pain (4+/10) on two thirds of logged days, with at least 12 logged days,
# the first of them 6+ weeks (42 days) before the day checked, looking back at most 8 weeks.
PERSISTENT_DISCOMFORT = 4
PERSISTENT_SHARE = Fraction(2, 3)
PERSISTENT_MIN_LOGGED_DAYS = 12
PERSISTENT_MIN_SPAN_DAYS = 42
PERSISTENT_MAX_LOOKBACK_DAYS = 56
# "Soon": sciatica symptoms that persist. NHS sciatica: see a GP if it has not improved, or
# keeps coming back; symptoms on 7 or more of the last 14 days.
LEG_SYMPTOM_DAYS = 7
LEG_SYMPTOM_WINDOW_DAYS = 14
# "Soon": worsening. The minimal important change on a 0–10 pain scale is 2 points and 30%
# (Ostelo et al., Spine 2008); each 7-day window needs 4+ logged days.
WORSENING_WINDOW_DAYS = 7
WORSENING_MIN_LOGGED_DAYS = 4
WORSENING_MIN_POINTS = 2
WORSENING_MIN_RATIO = Fraction(13, 10)
# "Soon": age. Finucane 2020 and NICE NG59: back pain starting under 20 or over 50 deserves
# earlier review; discomfort 1+ on most (over half) of 6+ logged days across 4 weeks (27+ days).
AGE_PAIN_DISCOMFORT = 1
AGE_PAIN_MIN_SPAN_DAYS = 27
AGE_PAIN_MAX_LOOKBACK_DAYS = 35
AGE_PAIN_MIN_LOGGED_DAYS = 6
AGE_RISK_BANDS = frozenset({AGE_16_19, AGE_OVER_50})
# "Urgent": history of cancer with a new episode of back pain (NICE NG59, Finucane 2020). New
# means discomfort 1+ with no logged discomfort of 1+ on the 28 days before (or no days at all).
CANCER_NEW_PAIN_DISCOMFORT = 1
CANCER_PAIN_FREE_DAYS = 28
# "Urgent": fever with back pain (NHS back pain: high temperature and back pain, see a GP now).
FEVER_DISCOMFORT = 1
# How far back evaluation reads, covering every window above.
HISTORY_DAYS = max(PERSISTENT_MAX_LOOKBACK_DAYS, AGE_PAIN_MAX_LOOKBACK_DAYS)
# A pattern rule already acknowledged is not raised again for the same pattern within this many
# days of its last evidence; a symptom logged on a new day is always a new episode.
PATTERN_EPISODE_GAP_DAYS = 14

LEG_NERVE_SYMPTOMS = frozenset({"leg_pain", "leg_numbness", "leg_weakness"})


@dataclass(frozen=True)
class DayRecord:
    date: dt.date
    discomfort: int | None
    symptoms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class HealthFactors:
    age_band: str = ""
    cancer_history: bool = False
    weakened_immune_system: bool = False
    osteoporosis: bool = False
    long_term_steroids: bool = False


@dataclass(frozen=True)
class Evidence:
    date: dt.date
    answers: tuple[str, ...]


@dataclass(frozen=True)
class History:
    """A person's logged days around the day being checked, keyed by date."""

    days: Mapping[dt.date, DayRecord]

    @classmethod
    def from_records(cls, records: Iterable[DayRecord]) -> "History":
        return cls({record.date: record for record in records})

    def recorded(self, first: dt.date, last: dt.date) -> list[DayRecord]:
        """Every saved day from first to last, whatever it logged, oldest first."""
        return sorted(
            (r for r in self.days.values() if first <= r.date <= last),
            key=lambda record: record.date,
        )

    def logged(self, first: dt.date, last: dt.date) -> list[DayRecord]:
        """The days from first to last with discomfort logged: what the pain rules count."""
        return [r for r in self.recorded(first, last) if r.discomfort is not None]


Predicate = Callable[[dt.date, History, HealthFactors], tuple[Evidence, ...] | None]


@dataclass(frozen=True)
class Rule:
    code: str
    tier: str
    title: str
    explanation: str  # default wording; editors may override it, not the predicate
    predicate: Predicate = field(repr=False)
    is_pattern: bool = False


@dataclass(frozen=True)
class Firing:
    rule: Rule
    evidence: tuple[Evidence, ...]

    @property
    def anchor_date(self) -> dt.date:
        return max(item.date for item in self.evidence)


def _day(history: History, day: dt.date) -> DayRecord | None:
    return history.days.get(day)


def _label(code: str) -> str:
    return SYMPTOM_LABELS[code]


def _discomfort_answer(value: int) -> str:
    return f"Discomfort {value} out of 10"


def _has(record: DayRecord | None, code: str) -> bool:
    return record is not None and code in record.symptoms


def _symptom(code: str) -> Predicate:
    def predicate(day: dt.date, history: History, factors: HealthFactors):
        record = _day(history, day)
        if not _has(record, code):
            return None
        return (Evidence(day, (_label(code),)),)

    return predicate


def _profile_risks_for_fracture(factors: HealthFactors) -> list[str]:
    risks = []
    if factors.age_band == AGE_OVER_50:
        risks.append("Health profile: over 50")
    if factors.osteoporosis:
        risks.append("Health profile: osteoporosis")
    if factors.long_term_steroids:
        risks.append("Health profile: long-term steroid tablets")
    return risks


# --- emergency -------------------------------------------------------------------------------


def both_legs_nerve_symptoms(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if record is None or "both_legs" not in record.symptoms:
        return None
    present = sorted(LEG_NERVE_SYMPTOMS & record.symptoms)
    if not present:
        return None
    return (Evidence(day, (*map(_label, present), _label("both_legs"))),)


def injury_with_fracture_risk(day: dt.date, history: History, factors: HealthFactors):
    risks = _profile_risks_for_fracture(factors)
    if not risks or not _has(_day(history, day), "injury"):
        return None
    return (Evidence(day, (_label("injury"), *risks)),)


# --- urgent ----------------------------------------------------------------------------------


def fever_with_back_pain(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if not _has(record, "fever") or (record.discomfort or 0) < FEVER_DISCOMFORT:
        return None
    return (Evidence(day, (_label("fever"), _discomfort_answer(record.discomfort))),)


def injury_without_fracture_risk(day: dt.date, history: History, factors: HealthFactors):
    if _profile_risks_for_fracture(factors) or not _has(_day(history, day), "injury"):
        return None
    return (Evidence(day, (_label("injury"),)),)


def weakness_in_one_leg(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if not _has(record, "leg_weakness") or "both_legs" in record.symptoms:
        return None
    return (Evidence(day, (_label("leg_weakness"),)),)


def cancer_history_new_pain(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if not factors.cancer_history or record is None:
        return None
    if (record.discomfort or 0) < CANCER_NEW_PAIN_DISCOMFORT:
        return None
    before = history.logged(day - dt.timedelta(days=CANCER_PAIN_FREE_DAYS), day - dt.timedelta(1))
    if any(r.discomfort >= CANCER_NEW_PAIN_DISCOMFORT for r in before):
        return None
    return (
        Evidence(
            day,
            (
                _discomfort_answer(record.discomfort),
                f"No discomfort logged in the {CANCER_PAIN_FREE_DAYS} days before",
                "Health profile: history of cancer",
            ),
        ),
    )


# --- soon ------------------------------------------------------------------------------------


def severe_on_consecutive_days(day: dt.date, history: History, factors: HealthFactors):
    # Any run of three calendar days that includes this day, so an edit to a middle day counts.
    for start_offset in range(SEVERE_CONSECUTIVE_DAYS - 1, -1, -1):
        start = day - dt.timedelta(days=start_offset)
        run = [_day(history, start + dt.timedelta(days=n)) for n in range(SEVERE_CONSECUTIVE_DAYS)]
        if all(r is not None and (r.discomfort or 0) >= SEVERE_DISCOMFORT for r in run):
            return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in run)
    return None


def _span_start(
    history: History, day: dt.date, *, min_span_days: int, max_lookback_days: int
) -> dt.date | None:
    """The latest logged day at least `min_span_days` before `day` (within the lookback)."""
    candidates = history.logged(
        day - dt.timedelta(days=max_lookback_days), day - dt.timedelta(days=min_span_days)
    )
    return candidates[-1].date if candidates else None


def persistent_pain(day: dt.date, history: History, factors: HealthFactors):
    first = _span_start(
        history,
        day,
        min_span_days=PERSISTENT_MIN_SPAN_DAYS,
        max_lookback_days=PERSISTENT_MAX_LOOKBACK_DAYS,
    )
    if first is None:
        return None
    logged = history.logged(first, day)
    painful = [r for r in logged if r.discomfort >= PERSISTENT_DISCOMFORT]
    if len(logged) < PERSISTENT_MIN_LOGGED_DAYS:
        return None
    if Fraction(len(painful), len(logged)) < PERSISTENT_SHARE:
        return None
    return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in painful)


def leg_symptoms_persisting(day: dt.date, history: History, factors: HealthFactors):
    # Symptoms count on any saved day, with or without a discomfort score.
    window = history.recorded(day - dt.timedelta(days=LEG_SYMPTOM_WINDOW_DAYS - 1), day)
    matching = [r for r in window if r.symptoms & {"leg_pain", "leg_numbness"}]
    if len(matching) < LEG_SYMPTOM_DAYS:
        return None
    return tuple(
        Evidence(
            r.date, tuple(_label(c) for c in sorted(r.symptoms & {"leg_pain", "leg_numbness"}))
        )
        for r in matching
    )


def discomfort_worsening(day: dt.date, history: History, factors: HealthFactors):
    recent = history.logged(day - dt.timedelta(days=WORSENING_WINDOW_DAYS - 1), day)
    prior = history.logged(
        day - dt.timedelta(days=2 * WORSENING_WINDOW_DAYS - 1),
        day - dt.timedelta(days=WORSENING_WINDOW_DAYS),
    )
    if len(recent) < WORSENING_MIN_LOGGED_DAYS or len(prior) < WORSENING_MIN_LOGGED_DAYS:
        return None
    recent_mean = Fraction(sum(r.discomfort for r in recent), len(recent))
    prior_mean = Fraction(sum(r.discomfort for r in prior), len(prior))
    if recent_mean - prior_mean < WORSENING_MIN_POINTS:
        return None
    if recent_mean < prior_mean * WORSENING_MIN_RATIO:
        return None
    return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in prior + recent)


def age_band_with_persisting_pain(day: dt.date, history: History, factors: HealthFactors):
    if factors.age_band not in AGE_RISK_BANDS:
        return None
    first = _span_start(
        history,
        day,
        min_span_days=AGE_PAIN_MIN_SPAN_DAYS,
        max_lookback_days=AGE_PAIN_MAX_LOOKBACK_DAYS,
    )
    if first is None:
        return None
    logged = history.logged(first, day)
    painful = [r for r in logged if r.discomfort >= AGE_PAIN_DISCOMFORT]
    if len(logged) < AGE_PAIN_MIN_LOGGED_DAYS or 2 * len(painful) <= len(logged):
        return None
    band = "16–19" if factors.age_band == AGE_16_19 else "over 50"
    return (
        *(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in painful),
        Evidence(day, (f"Health profile: age {band}",)),
    )


RULES: tuple[Rule, ...] = (
    Rule("saddle_numbness", EMERGENCY, "Numbness around the genitals, bottom or inner thighs",
         "Numbness or tingling around the genitals, bottom or inner thighs can be a sign of a "
         "serious problem with the nerves in your lower back that needs treating in hospital "
         "straight away.",
         _symptom("saddle_numbness")),
    Rule("bladder_bowel", EMERGENCY, "New bladder, bowel or sexual problems",
         "New problems peeing or pooing, or a new loss of sexual sensation, can be a sign of a "
         "serious problem with the nerves in your lower back that needs treating in hospital "
         "straight away.",
         _symptom("bladder_bowel")),
    Rule("both_legs", EMERGENCY, "Leg symptoms in both legs",
         "Pain, numbness or weakness in both legs can mean the nerves in your lower back are "
         "being squeezed. This needs checking in hospital straight away.",
         both_legs_nerve_symptoms),
    Rule("chest_pain", EMERGENCY, "Chest pain with back pain",
         "Chest pain together with back pain needs checking straight away, because it may not "
         "be coming from your back.",
         _symptom("chest_pain")),
    Rule("major_injury", EMERGENCY, "A serious accident",
         "After a serious accident, back pain needs checking in hospital in case your spine "
         "has been hurt. Keep as still as you can until you have been seen.",
         _symptom("major_injury")),
    Rule("injury_fracture_risk", EMERGENCY, "A fall or blow, with bones that may break easily",
         "After a fall, knock or blow, bones can break more easily if you are over 50, have "
         "osteoporosis or take steroid tablets long term, so this needs checking in hospital.",
         injury_with_fracture_risk),
    Rule("fever", URGENT, "A high temperature with back pain",
         "A high temperature, or feeling hot and shivery, together with back pain can be a sign "
         "of an infection that needs treating quickly.",
         fever_with_back_pain),
    Rule("injury", URGENT, "A recent fall, knock or blow",
         "Back pain after a fall, knock or blow to the back should be checked by a doctor today.",
         injury_without_fracture_risk),
    Rule("one_leg_weakness", URGENT, "Weakness in a leg or foot",
         "New weakness in a leg or foot can mean a nerve in your back is being pressed on. "
         "A doctor should check it today.",
         weakness_in_one_leg),
    Rule("weight_loss", URGENT, "Weight loss you can't explain",
         "Back pain together with weight loss you can't explain should be checked by a doctor "
         "today.",
         _symptom("weight_loss")),
    Rule("night_pain", URGENT, "Pain worse at night",
         "Pain that is worse at night, or that doesn't ease when you lie down, should be checked "
         "by a doctor today.",
         _symptom("night_pain")),
    Rule("cough_sneeze_pain", URGENT, "Pain worse when coughing or sneezing",
         "Back pain that gets worse when you cough, sneeze or strain should be checked by a "
         "doctor today.",
         _symptom("cough_sneeze_pain")),
    Rule("upper_back_pain", URGENT, "Pain between the shoulder blades",
         "Pain high up, between the shoulder blades, is less common than lower back pain and "
         "should be checked by a doctor today.",
         _symptom("upper_back_pain")),
    Rule("swelling", URGENT, "A lump, swelling or change of shape",
         "A lump or swelling on your back, or a change in its shape, should be checked by a "
         "doctor today.",
         _symptom("swelling")),
    Rule("cancer_new_pain", URGENT, "New back pain after cancer",
         "Because you have had cancer, a new episode of back pain should be checked by a doctor "
         "today, even though most back pain has an everyday cause.",
         cancer_history_new_pain),
    Rule("severe_three_days", SOON, "Severe discomfort three days running",
         "You logged discomfort of 8 or more on three days in a row. Pain that stays this "
         "severe should be looked at.",
         severe_on_consecutive_days, is_pattern=True),
    Rule("persistent_pain", SOON, "Discomfort lasting six weeks",
         "You logged discomfort of 4 or more on at least two thirds of the days you logged over "
         "six weeks or more. Pain that lasts this long is worth a professional's view.",
         persistent_pain, is_pattern=True),
    Rule("leg_symptoms_persisting", SOON, "Leg pain or numbness on most days",
         "You logged pain or numbness spreading down a leg on 7 or more of the last 14 days.",
         leg_symptoms_persisting, is_pattern=True),
    Rule("worsening", SOON, "Discomfort getting clearly worse",
         "Your average discomfort over the last 7 days is at least 2 points and 30% higher than "
         "the 7 days before, counting the days you logged.",
         discomfort_worsening, is_pattern=True),
    Rule("age_persisting_pain", SOON, "Back pain on most days for four weeks",
         "At your age, back pain on most of the days you logged over four weeks is worth "
         "getting checked.",
         age_band_with_persisting_pain, is_pattern=True),
    Rule("cracking_pain", SOON, "Cracking with sharp pain",
         "Cracking or popping that comes with sharp pain is different from a harmless click. "
         "Don't try to crack your back yourself; get it checked.",
         _symptom("cracking_pain")),
)  # fmt: skip

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}

TIER_HEADLINES = {
    EMERGENCY: "Call {number} or go to the emergency department now",
    URGENT: "Get an urgent appointment with a doctor today",
    SOON: "See a GP or physiotherapist in the next few days",
}
TIER_TITLES = {EMERGENCY: "Emergency", URGENT: "Urgent", SOON: "Soon"}
# Default advice per tier; editors may reword it in the admin. {number} is the emergency number.
TIER_ADVICE = {
    EMERGENCY: (
        "Don't wait to see if it gets better. Call {number} or get someone to take you to the "
        "emergency department (A&E) now. Tell them what you noticed and when it started: the "
        "answers listed here. Don't stretch, crack or manipulate your back."
    ),
    URGENT: (
        "Phone your GP surgery and ask for an urgent appointment today. If it is closed, call "
        "your local urgent care line (111 in England, Scotland and Wales). Tell them what you "
        "noticed and when it started. If you get numbness around your bottom or genitals, "
        "problems peeing or pooing, or weakness in both legs, call {number} straight away. "
        "Don't try to crack or stretch your back until you have been seen."
    ),
    SOON: (
        "Book an appointment with a GP or physiotherapist in the next few days and tell them "
        "what you have noticed; your logged days and notes can help. Most back pain gets better "
        "within a few weeks, and staying gently active usually helps. If new symptoms appear, "
        "such as numbness around your bottom or genitals or problems peeing or pooing, get help "
        "straight away."
    ),
}


def evaluate(day: dt.date, history: History, factors: HealthFactors) -> list[Firing]:
    """Every rule that fires for `day`, most urgent first."""
    firings = []
    for rule in RULES:
        evidence = rule.predicate(day, history, factors)
        if evidence:
            firings.append(Firing(rule=rule, evidence=evidence))
    return sorted(firings, key=lambda firing: TIER_RANK[firing.rule.tier])


def highest_tier(tiers: Iterable[str]) -> str | None:
    ranked = sorted(tiers, key=TIER_RANK.__getitem__)
    return ranked[0] if ranked else None
