"""Medical red flags: when what a person logs means they should get professional care.

This module decides whether a rule fires; nothing else does, and no setting or admin screen can
change it. What a prompt says lives in tracker.care.wording, which editors may reword (never the
logic here). Rules follow the NHS's three levels of urgency and were checked against NICE NG59
(low back pain and sciatica in over-16s), the NHS pages on back pain, sciatica and cauda equina
syndrome, the GIRFT national suspected cauda equina pathway (2023) and the international
framework for spinal red flags (Finucane et al., JOSPT 2020).

Days that were not logged are never treated as zeros: persistence rules count logged days only,
and a day that logged some things and not others is a gap only for what it left out: a pain-only
day counts for the pain rules, a symptom-only day for the symptom rules. Where a gap could hide
a new episode of pain, the rule fires: the safe side. The numbers the rules use, with their
sources, are in tracker.care.thresholds."""

import datetime as dt
import functools
from collections.abc import Callable
from fractions import Fraction

from tracker.care.rulebook import (  # noqa: F401 (callers read them as redflags.X)
    EMERGENCY,
    SOON,
    TIER_RANK,
    URGENT,
    DayRecord,
    Evidence,
    Firing,
    HealthFactors,
    History,
    Predicate,
    Rule,
    highest_tier,
)
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.care.thresholds import (
    ACTIVITIES_STOPPED_DAYS,
    ACTIVITIES_STOPPED_WINDOW_DAYS,
    AGE_PAIN_DISCOMFORT,
    AGE_PAIN_LOOKBACK_DAYS,
    AGE_PAIN_MIN_LOGGED_DAYS,
    AGE_PAIN_MIN_SPAN_DAYS,
    AGE_RISK_BANDS,
    FEVER_DISCOMFORT,
    LEG_SYMPTOM_DAYS,
    LEG_SYMPTOM_WINDOW_DAYS,
    NEW_EPISODE_DISCOMFORT,
    NEW_EPISODE_PAIN_FREE_DAYS,
    PERSISTENT_DISCOMFORT,
    PERSISTENT_MAX_LOOKBACK_DAYS,
    PERSISTENT_MIN_LOGGED_DAYS,
    PERSISTENT_MIN_SPAN_DAYS,
    PERSISTENT_SHARE,
    SEVERE_CONSECUTIVE_DAYS,
    SEVERE_DAYS_IN_WINDOW,
    SEVERE_DISCOMFORT,
    SEVERE_WINDOW_DAYS,
    WORSENING_MIN_LOGGED_DAYS,
    WORSENING_MIN_POINTS,
    WORSENING_MIN_RATIO,
    WORSENING_WINDOW_DAYS,
)
from tracker.choices import AgeBand

AGE_16_19, AGE_20_50, AGE_OVER_50 = AgeBand.AGE_16_19, AgeBand.AGE_20_50, AgeBand.OVER_50
LEG_NERVE_SYMPTOMS = frozenset({"leg_pain", "leg_numbness", "leg_weakness", "legs_getting_worse"})


def _day(history: History, day: dt.date) -> DayRecord | None:
    return history.days.get(day)


def _label(code: str) -> str:
    return SYMPTOM_LABELS[code]


def _discomfort_answer(value: int | None) -> str:
    return "Discomfort not logged" if value is None else f"Discomfort {value} out of 10"


def _has(record: DayRecord | None, code: str) -> bool:
    return record is not None and code in record.symptoms


def _symptom(code: str, *, unless: str = "") -> Predicate:
    def predicate(day: dt.date, history: History, factors: HealthFactors):
        record = _day(history, day)
        if not _has(record, code) or (unless and _has(record, unless)):
            return None
        return (Evidence(day, (_label(code),)),)

    return predicate


def _profile_risks_for_fracture(factors: HealthFactors) -> list[str]:
    risks = []
    if not factors.age_band:
        risks.append("Health profile: age not given")
    if factors.age_band == AGE_OVER_50:
        risks.append("Health profile: over 50")
    if factors.osteoporosis:
        risks.append("Health profile: osteoporosis")
    if factors.long_term_steroids:
        risks.append("Health profile: long-term steroid tablets")
    return risks


INFECTION_RISK_ANSWER = "Health profile: higher risk of infection"


# --- emergency -------------------------------------------------------------------------------


def both_legs_nerve_symptoms(day: dt.date, history: History, factors: HealthFactors):
    # An emergency on its own: trouble walking in both legs may be the only line ticked.
    record = _day(history, day)
    if record is None or "both_legs" not in record.symptoms:
        return None
    present = sorted(LEG_NERVE_SYMPTOMS & record.symptoms)
    return (Evidence(day, (_label("both_legs"), *map(_label, present))),)


# --- urgent ----------------------------------------------------------------------------------


def fever_with_back_pain(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if factors.infection_risk or not _has(record, "fever"):
        return None  # with a higher risk of infection, fever_with_infection_risk speaks
    if record.discomfort is not None and record.discomfort < FEVER_DISCOMFORT:
        return None  # a logged 0: no back pain that day
    return (Evidence(day, (_label("fever"), _discomfort_answer(record.discomfort))),)


def fever_with_infection_risk(day: dt.date, history: History, factors: HealthFactors):
    record = _day(history, day)
    if not factors.infection_risk or not _has(record, "fever"):
        return None
    return (Evidence(day, (_label("fever"), INFECTION_RISK_ANSWER)),)


def injury_without_fracture_risk(day: dt.date, history: History, factors: HealthFactors):
    if _profile_risks_for_fracture(factors) or not _has(_day(history, day), "injury"):
        return None
    return (Evidence(day, (_label("injury"),)),)


def injury_with_fracture_risk(day: dt.date, history: History, factors: HealthFactors):
    risks = _profile_risks_for_fracture(factors)
    if not risks or not _has(_day(history, day), "injury"):
        return None
    return (Evidence(day, (_label("injury"), *risks)),)


def _new_episode(day: dt.date, history: History) -> DayRecord | None:
    """The day, when it logs discomfort 1+ after 28 days without any logged (see above)."""
    record = _day(history, day)
    # Discomfort not logged shows no pain, new or not.
    if record is None or record.discomfort is None:
        return None
    if record.discomfort < NEW_EPISODE_DISCOMFORT:
        return None
    before = history.logged(
        day - dt.timedelta(days=NEW_EPISODE_PAIN_FREE_DAYS), day - dt.timedelta(days=1)
    )
    if any(r.discomfort >= NEW_EPISODE_DISCOMFORT for r in before):
        return None
    return record


def _new_pain_with(has_factor: Callable[[HealthFactors], bool], answer: str) -> Predicate:
    def predicate(day: dt.date, history: History, factors: HealthFactors):
        if not has_factor(factors) or (record := _new_episode(day, history)) is None:
            return None
        pain_free = f"No discomfort logged in the {NEW_EPISODE_PAIN_FREE_DAYS} days before"
        return (Evidence(day, (_discomfort_answer(record.discomfort), pain_free, answer)),)

    return predicate


cancer_history_new_pain = _new_pain_with(
    lambda factors: factors.cancer_history, "Health profile: history of cancer"
)
infection_risk_new_pain = _new_pain_with(
    lambda factors: factors.infection_risk, INFECTION_RISK_ANSWER
)


# --- soon ------------------------------------------------------------------------------------


def severe_on_consecutive_days(day: dt.date, history: History, factors: HealthFactors):
    # Any run of three calendar days that includes this day, so an edit to a middle day counts.
    for start_offset in range(SEVERE_CONSECUTIVE_DAYS - 1, -1, -1):
        start = day - dt.timedelta(days=start_offset)
        run = [_day(history, start + dt.timedelta(days=n)) for n in range(SEVERE_CONSECUTIVE_DAYS)]
        # A day in the run without discomfort logged breaks it: unknown is not severe.
        if all(r and r.discomfort is not None and r.discomfort >= SEVERE_DISCOMFORT for r in run):
            return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in run)
    return None


def severe_on_most_days_of_a_week(day: dt.date, history: History, factors: HealthFactors):
    if severe_on_consecutive_days(day, history, factors):
        return None  # the run of three says it already
    window = history.logged(day - dt.timedelta(days=SEVERE_WINDOW_DAYS - 1), day)
    severe = [r for r in window if r.discomfort >= SEVERE_DISCOMFORT]
    if len(severe) < SEVERE_DAYS_IN_WINDOW:
        return None
    return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in severe)


def persistent_pain(day: dt.date, history: History, factors: HealthFactors):
    # The span starts at the latest logged day 6+ weeks back, within the lookback.
    starts = history.logged(
        day - dt.timedelta(days=PERSISTENT_MAX_LOOKBACK_DAYS),
        day - dt.timedelta(days=PERSISTENT_MIN_SPAN_DAYS),
    )
    if not starts:
        return None
    logged = history.logged(starts[-1].date, day)
    painful = [r for r in logged if r.discomfort >= PERSISTENT_DISCOMFORT]
    if len(logged) < PERSISTENT_MIN_LOGGED_DAYS:
        return None
    if Fraction(len(painful), len(logged)) < PERSISTENT_SHARE:
        return None
    return tuple(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in painful)


def _symptom_on_days(codes: frozenset[str], *, days: int, window_days: int) -> Predicate:
    """Any of `codes` logged on `days` or more of the last `window_days`, on any saved day."""
    wanted = codes

    def predicate(day: dt.date, history: History, factors: HealthFactors):
        window = history.recorded(day - dt.timedelta(days=window_days - 1), day)
        matching = [r for r in window if r.symptoms & wanted]
        if len(matching) < days:
            return None
        return tuple(
            Evidence(r.date, tuple(_label(c) for c in sorted(r.symptoms & wanted)))
            for r in matching
        )

    return predicate


leg_symptoms_persisting = _symptom_on_days(
    frozenset({"leg_pain", "leg_numbness"}),
    days=LEG_SYMPTOM_DAYS,
    window_days=LEG_SYMPTOM_WINDOW_DAYS,
)
activities_stopped_often = _symptom_on_days(
    frozenset({"activities_stopped"}),
    days=ACTIVITIES_STOPPED_DAYS,
    window_days=ACTIVITIES_STOPPED_WINDOW_DAYS,
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
    logged = history.logged(day - dt.timedelta(days=AGE_PAIN_LOOKBACK_DAYS), day)
    if len(logged) < AGE_PAIN_MIN_LOGGED_DAYS:
        return None
    if (logged[-1].date - logged[0].date).days < AGE_PAIN_MIN_SPAN_DAYS:
        return None
    painful = [r for r in logged if r.discomfort >= AGE_PAIN_DISCOMFORT]
    if 2 * len(painful) <= len(logged):
        return None
    band = "16–19" if factors.age_band == AGE_16_19 else "over 50"
    return (
        *(Evidence(r.date, (_discomfort_answer(r.discomfort),)) for r in painful),
        Evidence(day, (f"Health profile: age {band}",)),
    )


# The order within a tier is the order prompts list them. Sources are with the thresholds above
# and, for single answers, in tracker.care.wording beside each rule's wording.
RULES: tuple[Rule, ...] = (
    Rule("saddle_numbness", EMERGENCY, _symptom("saddle_numbness")),
    Rule("bladder_bowel", EMERGENCY, _symptom("bladder_bowel")),
    Rule("sexual_dysfunction", EMERGENCY, _symptom("sexual_dysfunction")),
    Rule("both_legs", EMERGENCY, both_legs_nerve_symptoms),
    Rule("chest_pain", EMERGENCY, _symptom("chest_pain")),
    Rule("major_injury", EMERGENCY, _symptom("major_injury")),
    Rule("fever_infection_risk", URGENT, fever_with_infection_risk),
    Rule("fever", URGENT, fever_with_back_pain),
    Rule("injury_fracture_risk", URGENT, injury_with_fracture_risk),
    Rule("legs_getting_worse", URGENT, _symptom("legs_getting_worse", unless="both_legs")),
    Rule("one_leg_weakness", URGENT, _symptom("leg_weakness", unless="both_legs")),
    Rule("weight_loss", URGENT, _symptom("weight_loss")),
    Rule("night_pain", URGENT, _symptom("night_pain")),
    Rule("cough_sneeze_pain", URGENT, _symptom("cough_sneeze_pain")),
    Rule("upper_back_pain", URGENT, _symptom("upper_back_pain")),
    Rule("swelling", URGENT, _symptom("swelling")),
    Rule("cancer_new_pain", URGENT, cancer_history_new_pain),
    Rule("infection_risk_new_pain", URGENT, infection_risk_new_pain),
    Rule("severe_three_days", SOON, severe_on_consecutive_days, True, "severe_pain"),
    Rule("severe_most_days", SOON, severe_on_most_days_of_a_week, True, "severe_pain"),
    Rule("persistent_pain", SOON, persistent_pain, is_pattern=True),
    Rule("leg_symptoms_persisting", SOON, leg_symptoms_persisting, is_pattern=True),
    Rule("worsening", SOON, discomfort_worsening, is_pattern=True),
    Rule("age_persisting_pain", SOON, age_band_with_persisting_pain, is_pattern=True),
    Rule("activities_stopped", SOON, activities_stopped_often, is_pattern=True),
    Rule("injury", SOON, injury_without_fracture_risk),
    Rule("struggling_to_cope", SOON, _symptom("struggling_to_cope")),
    Rule("cracking_pain", SOON, _symptom("cracking_pain")),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def evaluate(day: dt.date, history: History, factors: HealthFactors) -> list[Firing]:
    """Every rule that fires for `day`, most urgent first."""
    firings = []
    for rule in RULES:
        evidence = rule.predicate(day, history, factors)
        if evidence:
            firings.append(Firing(rule=rule, evidence=evidence))
    return sorted(firings, key=lambda firing: TIER_RANK[firing.rule.tier])


@functools.cache
def emergency_symptom_sets() -> tuple[tuple[str, ...], ...]:
    """The smallest sets of symptoms (one, or a pair should a rule ever need two answers)
    that fire an emergency rule on a day with nothing else known, found by asking the rules
    themselves. A phone without a connection reads them from the page (tracker.days.offline), so
    this module stays their only source."""
    day = dt.date(2000, 1, 1)
    codes = sorted(SYMPTOM_LABELS)

    def fires(symptoms: frozenset[str]) -> bool:
        history = History.from_records([DayRecord(day, None, symptoms)])
        return any(
            rule.tier == EMERGENCY and rule.predicate(day, history, HealthFactors())
            for rule in RULES
        )

    singles = [(code,) for code in codes if fires(frozenset({code}))]
    pairs = [
        (first, second)
        for index, first in enumerate(codes)
        for second in codes[index + 1 :]
        if (first,) not in singles and (second,) not in singles
        and fires(frozenset({first, second}))
    ]  # fmt: skip
    return (*singles, *pairs)
