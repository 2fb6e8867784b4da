"""Every red-flag rule, table-driven: below, at and above each threshold."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tracker.care import redflags, thresholds
from tracker.care.redflags import (
    AGE_16_19,
    AGE_20_50,
    AGE_OVER_50,
    EMERGENCY,
    SOON,
    URGENT,
    DayRecord,
    HealthFactors,
    History,
)
from tracker.care.said import wording_in
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.care.wording import RULE_WORDING, TIER_ADVICE

D = dt.date(2026, 6, 30)
NO_FACTORS = HealthFactors()


def rec(offset: int, discomfort: int | None = 2, *symptoms: str) -> DayRecord:
    """A logged day `offset` days before D."""
    return DayRecord(D - dt.timedelta(days=offset), discomfort, frozenset(symptoms))


def fired(records, factors: HealthFactors = NO_FACTORS, day: dt.date = D) -> set[str]:
    return {f.rule.code for f in redflags.evaluate(day, History.from_records(records), factors)}


def today(*symptoms: str, discomfort: int = 3) -> list[DayRecord]:
    return [rec(0, discomfort, *symptoms)]


# --- every rule has a tier and exactly one entry ---------------------------------------------


def test_every_rule_is_in_one_tier_and_has_a_unique_code():
    codes = [rule.code for rule in redflags.RULES]
    assert len(codes) == len(set(codes))
    assert {rule.tier for rule in redflags.RULES} == {EMERGENCY, URGENT, SOON}


def test_a_normal_day_fires_nothing():
    assert fired(today()) == set()
    assert fired([rec(n, 3) for n in range(30)]) == set()


# --- single-symptom rules -------------------------------------------------------------------

SYMPTOM_RULES = [
    ("saddle_numbness", "saddle_numbness", EMERGENCY),
    ("bladder_bowel", "bladder_bowel", EMERGENCY),
    ("chest_pain", "chest_pain", EMERGENCY),
    ("major_injury", "major_injury", EMERGENCY),
    ("weight_loss", "weight_loss", URGENT),
    ("night_pain", "night_pain", URGENT),
    ("cough_sneeze_pain", "cough_sneeze_pain", URGENT),
    ("upper_back_pain", "upper_back_pain", URGENT),
    ("swelling", "swelling", URGENT),
    ("cracking_pain", "cracking_pain", SOON),
    ("sexual_dysfunction", "sexual_dysfunction", EMERGENCY),
    ("legs_getting_worse", "legs_getting_worse", URGENT),
    ("struggling_to_cope", "struggling_to_cope", SOON),
    ("both_legs", "both_legs", EMERGENCY),
]


@pytest.mark.parametrize(("symptom", "code", "tier"), SYMPTOM_RULES)
def test_symptom_rule_fires_on_the_day_it_is_logged(symptom, code, tier):
    firings = redflags.evaluate(D, History.from_records(today(symptom)), NO_FACTORS)
    assert [(f.rule.code, f.rule.tier) for f in firings] == [(code, tier)]
    assert firings[0].evidence[0].date == D
    assert firings[0].evidence[0].answers  # says which answer fired it


@pytest.mark.parametrize(("symptom", "code", "tier"), SYMPTOM_RULES)
def test_symptom_rule_does_not_fire_from_another_day(symptom, code, tier):
    assert code not in fired([rec(1, 3, symptom), rec(0, 3)])


# --- legs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("symptoms", "expected"),
    [
        (("both_legs",), {"both_legs"}),
        (("leg_pain",), set()),
        (("leg_numbness",), set()),
        (("leg_pain", "both_legs"), {"both_legs"}),
        (("leg_numbness", "both_legs"), {"both_legs"}),
        (("leg_weakness", "both_legs"), {"both_legs"}),
        (("leg_weakness",), {"one_leg_weakness"}),
        (("legs_getting_worse",), {"legs_getting_worse"}),
        (("legs_getting_worse", "both_legs"), {"both_legs"}),
        (("legs_getting_worse", "leg_weakness", "both_legs"), {"both_legs"}),
    ],
)
def test_leg_symptoms_in_one_or_both_legs(symptoms, expected):
    assert fired(today(*symptoms)) == expected


@pytest.mark.parametrize("symptom", ["leg_pain", "legs_getting_worse"])
def test_leg_symptoms_in_both_legs_are_an_emergency(symptom):
    firing = redflags.evaluate(D, History.from_records(today(symptom, "both_legs")), NO_FACTORS)
    assert [f.rule.tier for f in firing] == [EMERGENCY]


@pytest.mark.parametrize("discomfort", [None, 0, 5])
def test_trouble_in_both_legs_is_an_emergency_on_its_own(discomfort):
    # Walking failing in both legs may be the only line ticked: it needs no other leg answer.
    firings = redflags.evaluate(
        D, History.from_records([rec(0, discomfort, "both_legs")]), NO_FACTORS
    )
    assert [(f.rule.code, f.rule.tier) for f in firings] == [("both_legs", EMERGENCY)]
    assert firings[0].evidence[0].answers[0] == SYMPTOM_LABELS["both_legs"]


def test_the_checklist_asks_about_one_leg_and_both_legs_apart():
    assert "both legs" in SYMPTOM_LABELS["both_legs"]
    assert "trouble walking" in SYMPTOM_LABELS["both_legs"]
    assert "one leg" in SYMPTOM_LABELS["legs_getting_worse"]
    assert "both" not in SYMPTOM_LABELS["legs_getting_worse"]


def test_the_offline_emergency_sets_hold_both_legs_alone():
    sets = redflags.emergency_symptom_sets()
    assert ("both_legs",) in sets
    assert ("legs_getting_worse",) not in sets and ("leg_pain",) not in sets


# --- injury and the health profile ------------------------------------------------------------


@pytest.mark.parametrize(
    ("factors", "expected", "answer"),
    [
        # No fracture risk: 16 to 50, no osteoporosis, no long-term steroids.
        (HealthFactors(age_band=AGE_16_19), ("injury", SOON), None),
        (HealthFactors(age_band=AGE_20_50), ("injury", SOON), None),
        (HealthFactors(age_band=AGE_20_50, infection_risk=True), ("injury", SOON), None),
        (HealthFactors(age_band=AGE_20_50, cancer_history=True), ("injury", SOON), None),
        # Each fracture risk factor on its own makes it urgent.
        (HealthFactors(age_band=AGE_OVER_50), ("injury_fracture_risk", URGENT), "over 50"),
        (
            HealthFactors(age_band=AGE_20_50, osteoporosis=True),
            ("injury_fracture_risk", URGENT),
            "osteoporosis",
        ),
        (
            HealthFactors(age_band=AGE_20_50, long_term_steroids=True),
            ("injury_fracture_risk", URGENT),
            "long-term steroid tablets",
        ),
        (
            HealthFactors(age_band=AGE_16_19, long_term_steroids=True),
            ("injury_fracture_risk", URGENT),
            "long-term steroid tablets",
        ),
        # An age not given could be over 50: the safe side.
        (HealthFactors(), ("injury_fracture_risk", URGENT), "age not given"),
    ],
)
def test_a_minor_knock_is_soon_without_fracture_risk_and_urgent_with_it(factors, expected, answer):
    not_new_pain = [rec(1, 3), *today("injury")]
    firings = redflags.evaluate(D, History.from_records(not_new_pain), factors)
    assert [(f.rule.code, f.rule.tier) for f in firings] == [expected]
    if answer:
        assert f"Health profile: {answer}" in firings[0].evidence[0].answers


@pytest.mark.parametrize(
    "factors",
    [HealthFactors(), HealthFactors(age_band=AGE_20_50), HealthFactors(osteoporosis=True)],
)
def test_a_serious_accident_is_an_emergency_whatever_the_profile(factors):
    firings = redflags.evaluate(D, History.from_records(today("major_injury")), factors)
    assert [(f.rule.code, f.rule.tier) for f in firings] == [("major_injury", EMERGENCY)]


# --- fever --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("discomfort", "answer"),
    [
        (None, "Discomfort not logged"),
        (0, None),
        (1, "Discomfort 1 out of 10"),
        (2, "Discomfort 2 out of 10"),
    ],
)
def test_fever_fires_with_back_pain_or_discomfort_not_logged(discomfort, answer):
    # Not logged is not 0: a fever on a day whose score was left out is still urgent.
    firings = redflags.evaluate(D, History.from_records([rec(0, discomfort, "fever")]), NO_FACTORS)
    by_code = {f.rule.code: f for f in firings}
    if answer is None:
        assert "fever" not in by_code
    else:
        assert by_code["fever"].rule.tier == URGENT
        assert by_code["fever"].evidence[0].answers == (SYMPTOM_LABELS["fever"], answer)


INFECTION_RISK = HealthFactors(infection_risk=True)


@pytest.mark.parametrize("discomfort", [None, 0, 1, 9])
def test_with_a_higher_risk_of_infection_a_fever_is_urgent_at_any_discomfort(discomfort):
    firings = redflags.evaluate(
        D, History.from_records([rec(0, discomfort, "fever")]), INFECTION_RISK
    )
    by_code = {f.rule.code: f for f in firings}
    assert "fever_infection_risk" in by_code and "fever" not in by_code
    assert {f.rule.tier for f in firings} == {URGENT}
    assert (
        "Health profile: higher risk of infection"
        in by_code["fever_infection_risk"].evidence[0].answers
    )


def test_the_infection_risk_fever_wording_says_when_to_call_the_emergency_number():
    assert "{emergency_number}" in RULE_WORDING["fever_infection_risk"].explanation


@pytest.mark.parametrize(("days_since_last_pain", "fires"), [(28, False), (29, True)])
def test_infection_risk_with_a_new_episode_of_pain(days_since_last_pain, fires):
    records = [rec(days_since_last_pain, 3), rec(5, 0), rec(0, 2)]
    assert ("infection_risk_new_pain" in fired(records, INFECTION_RISK)) is fires
    assert "infection_risk_new_pain" not in fired(records)


@pytest.mark.parametrize(("discomfort", "fires"), [(0, False), (1, True)])
def test_infection_risk_first_day_with_pain(discomfort, fires):
    assert (
        "infection_risk_new_pain" in fired(today(discomfort=discomfort), INFECTION_RISK)
    ) is fires


# --- history of cancer with a new episode of pain --------------------------------------------

CANCER = HealthFactors(cancer_history=True)


@pytest.mark.parametrize(("discomfort", "fires"), [(0, False), (1, True), (2, True)])
def test_cancer_history_first_checkin_with_pain(discomfort, fires):
    assert ("cancer_new_pain" in fired(today(discomfort=discomfort), CANCER)) is fires


@pytest.mark.parametrize(("days_since_last_pain", "fires"), [(28, False), (29, True), (30, True)])
def test_cancer_history_pain_after_28_pain_free_days(days_since_last_pain, fires):
    # 29 days back leaves 28 whole days without pain in between.
    records = [rec(days_since_last_pain, 3), rec(5, 0), rec(0, 2)]
    assert ("cancer_new_pain" in fired(records, CANCER)) is fires


def test_cancer_rule_needs_the_history_of_cancer():
    assert "cancer_new_pain" not in fired(today(discomfort=5))


def test_cancer_rule_counts_only_logged_pain_free_days():
    # Unlogged days are not pain-free days; pain logged 10 days ago means this is not new.
    assert "cancer_new_pain" not in fired([rec(10, 4), rec(0, 4)], CANCER)


# --- severe discomfort on three consecutive days -------------------------------------------


@pytest.mark.parametrize(
    ("values", "fires"),
    [((7, 8, 8), False), ((8, 8, 7), False), ((8, 8, 8), True), ((9, 10, 9), True)],
)
def test_severe_three_days_threshold(values, fires):
    records = [rec(2 - n, value) for n, value in enumerate(values)]
    assert ("severe_three_days" in fired(records)) is fires


def test_severe_days_must_be_consecutive_not_scattered():
    records = [rec(4, 9), rec(2, 9), rec(0, 9)]
    assert "severe_three_days" not in fired(records)


def test_a_missing_day_breaks_the_run():
    assert "severe_three_days" not in fired([rec(3, 9), rec(2, 9), rec(0, 9)])


def test_editing_the_middle_day_completes_a_run():
    records = [rec(2, 9), rec(1, 9), rec(0, 9)]
    assert "severe_three_days" in fired(records, day=D - dt.timedelta(days=1))


# --- severe discomfort on 4 of the last 7 days -----------------------------------------------


@pytest.mark.parametrize(
    ("offsets", "value", "fires"),
    [
        ((0, 2, 4), 9, False),  # 3 of 7
        ((0, 2, 4, 6), 9, True),  # 4 of 7, none consecutive
        ((0, 2, 4, 6), 7, False),  # below 8
        ((0, 2, 4, 6), 8, True),  # at 8
        ((0, 2, 4, 7), 9, False),  # the fourth is 8 days back
    ],
)
def test_severe_discomfort_on_most_days_of_a_week(offsets, value, fires):
    records = [rec(offset, value) for offset in offsets]
    assert ("severe_most_days" in fired(records)) is fires
    assert "severe_three_days" not in fired(records)


# --- pain stopping usual activities on 3 of the last 7 days ----------------------------------


@pytest.mark.parametrize(
    ("offsets", "fires"),
    [((0, 3), False), ((0, 3, 6), True), ((0, 3, 7), False), ((0, 1, 2, 3), True)],
)
def test_activities_stopped_on_three_of_seven_days(offsets, fires):
    records = [rec(offset, None, "activities_stopped") for offset in offsets]
    assert ("activities_stopped" in fired(records)) is fires


def test_struggling_to_cope_points_to_someone_to_talk_to():
    assert "{mental_health}" in RULE_WORDING["struggling_to_cope"].explanation


# --- discomfort 4+ on two thirds of logged days over 6+ weeks -------------------------------


def persistent(first_offset: int, logged: int, painful: int) -> list[DayRecord]:
    """`logged` days from `first_offset` days ago to today, the last `painful` of them at 5."""
    offsets = [first_offset] + [
        round(first_offset * (logged - 1 - n) / (logged - 1)) for n in range(1, logged)
    ]
    values = [5 if n >= logged - painful else 1 for n in range(logged)]
    return [rec(offset, value) for offset, value in zip(offsets, values, strict=True)]


@pytest.mark.parametrize(("first_offset", "fires"), [(41, False), (42, True), (43, True)])
def test_persistent_pain_needs_the_first_logged_day_six_weeks_back(first_offset, fires):
    assert ("persistent_pain" in fired(persistent(first_offset, 12, 12))) is fires


@pytest.mark.parametrize(("logged", "fires"), [(11, False), (12, True), (13, True)])
def test_persistent_pain_needs_twelve_logged_days(logged, fires):
    assert ("persistent_pain" in fired(persistent(42, logged, logged))) is fires


@pytest.mark.parametrize(("painful", "fires"), [(7, False), (8, True), (9, True)])
def test_persistent_pain_needs_two_thirds_of_logged_days(painful, fires):
    assert ("persistent_pain" in fired(persistent(42, 12, painful))) is fires


def test_persistent_pain_threshold_is_4():
    at_three = [DayRecord(r.date, 3 if r.discomfort == 5 else 1) for r in persistent(42, 12, 12)]
    at_four = [DayRecord(r.date, 4 if r.discomfort == 5 else 1) for r in persistent(42, 12, 12)]
    assert "persistent_pain" not in fired(at_three)
    assert "persistent_pain" in fired(at_four)


def test_persistent_pain_says_how_many_logged_days():
    firing = next(
        f
        for f in redflags.evaluate(D, History.from_records(persistent(42, 12, 9)), NO_FACTORS)
        if f.rule.code == "persistent_pain"
    )
    assert len(firing.evidence) == 9


# --- leg pain or numbness on 7 of the last 14 days -----------------------------------------


@pytest.mark.parametrize(("days", "fires"), [(6, False), (7, True), (8, True)])
def test_leg_symptoms_on_seven_of_fourteen_days(days, fires):
    records = [rec(n * 2, 3, "leg_pain" if n % 2 else "leg_numbness") for n in range(days)]
    assert ("leg_symptoms_persisting" in fired(records)) is fires


def test_leg_symptom_days_older_than_fourteen_days_do_not_count():
    records = [rec(n, 3, "leg_pain") for n in range(6)] + [rec(14, 3, "leg_pain")]
    assert "leg_symptoms_persisting" not in fired(records)
    records = [rec(n, 3, "leg_pain") for n in range(6)] + [rec(13, 3, "leg_pain")]
    assert "leg_symptoms_persisting" in fired(records)


def test_leg_weakness_alone_does_not_count_towards_the_fourteen_day_rule():
    records = [rec(n, 3, "leg_weakness") for n in range(7)]
    assert "leg_symptoms_persisting" not in fired(records, day=D)


# --- worsening: 2 points and 30% above the week before --------------------------------------


def weeks(prior: list[int], recent: list[int]) -> list[DayRecord]:
    return [rec(13 - n, v) for n, v in enumerate(prior)] + [
        rec(len(recent) - 1 - n, v) for n, v in enumerate(recent)
    ]


@pytest.mark.parametrize(
    ("recent_sum", "fires"),
    [(27, False), (28, True), (29, True)],  # mean 3.86 / 4.0 / 4.14
)
def test_worsening_needs_two_more_points(recent_sum, fires):
    recent = [4] * 7
    recent[0] += recent_sum - 28
    assert ("worsening" in fired(weeks([2, 2, 2, 2], recent))) is fires


@pytest.mark.parametrize(
    ("prior", "recent", "fires"),
    [
        (6, 8, True),  # +2 points, +33%
        (7, 9, False),  # +2 points but only +29%
        (0, 2, True),  # from nothing to 2
        (0, 1, False),
    ],
)
def test_worsening_also_needs_thirty_percent(prior, recent, fires):
    assert ("worsening" in fired(weeks([prior] * 5, [recent] * 5))) is fires


@pytest.mark.parametrize(("logged", "fires"), [(3, False), (4, True)])
def test_worsening_needs_four_logged_days_in_each_week(logged, fires):
    assert ("worsening" in fired(weeks([1] * logged, [6] * 4))) is fires
    assert ("worsening" in fired(weeks([1] * 4, [6] * logged))) is fires


# --- age band with back pain on most logged days over four weeks (the last 90 days) ----------

OVER_50 = HealthFactors(age_band=AGE_OVER_50)


def days(*offsets_and_values: tuple[int, int | None]) -> list[DayRecord]:
    return [rec(offset, value) for offset, value in offsets_and_values]


def age_fired(records, band: str = AGE_OVER_50, day: dt.date = D) -> bool:
    return "age_persisting_pain" in fired(records, HealthFactors(age_band=band), day)


@pytest.mark.parametrize("band", [AGE_16_19, AGE_OVER_50])
@pytest.mark.parametrize(("logged", "fires"), [(3, False), (4, True), (5, True)])
def test_age_rule_needs_four_days_with_discomfort(band, logged, fires):
    offsets = {3: (28, 14, 0), 4: (28, 14, 7, 0), 5: (28, 21, 14, 7, 0)}[logged]
    assert age_fired(days(*((offset, 2) for offset in offsets)), band) is fires


@pytest.mark.parametrize(("first_offset", "fires"), [(27, False), (28, True), (29, True)])
def test_age_rule_needs_the_first_and_last_28_days_apart(first_offset, fires):
    assert age_fired(days((first_offset, 2), (18, 2), (9, 2), (0, 2))) is fires


def test_the_span_runs_to_the_last_day_with_discomfort_not_to_the_day_checked():
    # 24 days between the days with discomfort; the symptom-only day 28 days on adds none.
    records = [*days((28, 2), (20, 2), (12, 2), (4, 2)), rec(0, None, "night_pain")]
    assert not age_fired(records)
    assert age_fired([*days((32, 2), (20, 2), (12, 2), (4, 2)), rec(0, None, "night_pain")])


@pytest.mark.parametrize(("painful", "fires"), [(3, False), (4, True), (5, True)])
def test_age_rule_needs_discomfort_on_more_than_half(painful, fires):
    # 6 days with discomfort logged: 3 is exactly half, 4 is more.
    offsets = [40, 32, 24, 16, 8, 0]
    values = [1 if n < painful else 0 for n in range(6)]
    assert age_fired(days(*zip(offsets, values, strict=True))) is fires


def test_age_rule_threshold_is_discomfort_1():
    assert age_fired(days((28, 1), (14, 1), (7, 1), (0, 1)))
    assert not age_fired(days((28, 0), (14, 0), (7, 0), (0, 0)))


@pytest.mark.parametrize(("oldest", "fires"), [(89, True), (90, True), (91, False)])
def test_age_rule_looks_back_90_days(oldest, fires):
    # Without the oldest day only 3 days with discomfort are left.
    assert age_fired(days((oldest, 2), (50, 2), (30, 2), (0, 2))) is fires


def test_age_rule_prompts_someone_over_50_who_logs_every_12_to_14_days():
    assert age_fired(days((40, 3), (27, 4), (14, 3), (0, 3)))
    assert age_fired(days((42, 3), (28, 3), (14, 3), (0, 3)))


def test_age_rule_counts_days_without_a_score_as_not_logged_not_as_0():
    # 4 days at 2 and 4 symptom-only days: if those were 0, it would be exactly half.
    scored = days((42, 2), (28, 2), (14, 2), (0, 2))
    unscored = [rec(offset, None, "leg_pain") for offset in (35, 21, 7, 1)]
    assert age_fired(scored + unscored)
    # And symptom-only days do not make up the four.
    assert not age_fired(days((42, 2), (28, 2), (0, 2)) + unscored)


def test_age_rule_names_the_band_and_the_days_with_pain():
    firing = next(
        f
        for f in redflags.evaluate(
            D, History.from_records(days((28, 2), (14, 0), (7, 3), (0, 2))), OVER_50
        )
        if f.rule.code == "age_persisting_pain"
    )
    answers = [(e.date, e.answers) for e in firing.evidence]
    assert answers[-1] == (D, ("Health profile: age over 50",))
    assert [d for d, _ in answers[:-1]] == [D - dt.timedelta(days=n) for n in (28, 7, 0)]


@pytest.mark.parametrize("band", ["", AGE_20_50])
def test_age_rule_only_for_the_younger_and_older_bands(band):
    assert not age_fired(days((28, 3), (14, 3), (7, 3), (0, 3)), band)


def test_history_covers_the_age_rule():
    assert thresholds.HISTORY_DAYS >= thresholds.AGE_PAIN_LOOKBACK_DAYS == 90


# --- combinations ---------------------------------------------------------------------------


def test_the_most_urgent_tier_leads():
    firings = redflags.evaluate(
        D, History.from_records(today("cracking_pain", "fever", "saddle_numbness")), NO_FACTORS
    )
    assert [f.rule.tier for f in firings] == [EMERGENCY, URGENT, SOON]
    assert redflags.highest_tier(f.rule.tier for f in firings) == EMERGENCY


def test_all_matching_rules_are_reported_together():
    assert fired(today("chest_pain", "night_pain", "weight_loss")) == {
        "chest_pain",
        "night_pain",
        "weight_loss",
    }


# --- wording ---------------------------------------------------------------------------------


# Each language's wording is checked alike (tracker.care.said): the same rules, no disease
# named, no self-manipulation suggested, no country's services named.
LANGUAGES = ["en", "es"]
DISEASES = {
    "en": ("cauda equina", "cancer of", "tumour", "fracture", "infection of the spine",
           "aneurysm", "heart attack", "sciatica"),
    "es": ("cola de caballo", "cauda equina", "tumor", "fractura", "infección de la columna",
           "aneurisma", "infarto", "ataque cardíaco", "ciática"),
}  # fmt: skip
SELF_MANIPULATION = {
    "en": ("try stretching", "crack it"),
    "es": ("prueba a estirar", "estira la espalda", "hazla crujir", "haz crujir tu espalda"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_has_its_wording(language):
    assert set(wording_in(language).rules) == set(redflags.RULES_BY_CODE)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rule", redflags.RULES, ids=lambda rule: rule.code)
def test_wording_names_no_disease_and_never_suggests_self_manipulation(rule, language):
    said = wording_in(language).rules[rule.code]
    text = (said.title + " " + said.explanation).lower()
    for disease in DISEASES[language]:
        assert disease not in text
    for suggestion in SELF_MANIPULATION[language]:
        assert suggestion not in text


def test_soon_tier_says_most_back_pain_gets_better_and_activity_helps():
    advice = TIER_ADVICE[SOON].lower()
    assert "most back pain gets better" in advice and "active" in advice
    spanish = wording_in("es").advice[SOON].lower()
    assert "la mayoría de los dolores de espalda mejoran" in spanish and "activo" in spanish


@pytest.mark.parametrize("language", LANGUAGES)
def test_emergency_headline_carries_the_number(language):
    assert "{emergency_number}" in wording_in(language).headlines[EMERGENCY]


@pytest.mark.parametrize("language", LANGUAGES)
def test_wording_names_no_countrys_services(language):
    words = wording_in(language)
    texts = [*words.advice.values(), *words.headlines.values(),
             *(w.explanation for w in words.rules.values())]  # fmt: skip
    for text in texts:
        for service in ("111", "999", "911", "112", "061", "024", "A&E", "NHS", "GP surgery",
                        "IMSS"):  # fmt: skip
            assert service not in text


# --- a partly logged day is a gap only for what it left out ----------------------------------


def test_leg_symptoms_count_on_days_without_a_discomfort_score():
    records = [rec(n * 2, None, "leg_pain") for n in range(7)]
    assert "leg_symptoms_persisting" in fired(records)


def test_pain_only_days_count_for_the_severe_pain_rule():
    records = [rec(n, 9) for n in range(3)]  # discomfort alone, nothing else logged
    assert "severe_three_days" in fired(records)


def test_a_symptom_only_day_is_not_a_pain_day_for_the_severe_pain_rule():
    records = [rec(0, 9), rec(1, None, "cough_sneeze_pain"), rec(2, 9)]
    assert "severe_three_days" not in fired(records)


def test_a_symptom_only_day_fires_its_symptom_rule():
    assert "saddle_numbness" in fired([rec(0, None, "saddle_numbness")])


# --- not logged is never 0, in every rule that reads discomfort ------------------------------


def test_worsening_averages_only_the_days_with_discomfort_logged():
    # Read as 0, the three unscored days would pull this week's mean down to 3.4: no prompt.
    recent = [rec(n, 6) for n in range(4)] + [rec(n, None, "leg_pain") for n in range(4, 7)]
    prior = [rec(n, 4) for n in range(7, 11)]
    assert "worsening" in fired(prior + recent)


def test_persistent_pain_share_counts_only_the_days_with_discomfort_logged():
    unscored = [rec(offset, None, "night_pain") for offset in range(1, 42, 3)]
    scored = persistent(42, 12, 12)
    taken = {r.date for r in scored}
    assert "persistent_pain" in fired(scored + [r for r in unscored if r.date not in taken])


def test_a_new_episode_needs_discomfort_logged_on_the_day():
    records = [rec(0, None, "night_pain")]
    assert "cancer_new_pain" not in fired(records, CANCER)
    assert "infection_risk_new_pain" not in fired(records, INFECTION_RISK)


def test_a_day_without_a_score_is_not_a_severe_day():
    records = [rec(2, 9), rec(1, None, "leg_pain"), rec(0, 9)]
    assert "severe_three_days" not in fired(records)
    assert "severe_three_days" in fired([rec(2, 9), rec(1, 8), rec(0, 9)])


# What the rules read of a history: its windows, as the plain filter over its days gives them.
@given(
    offsets=st.sets(st.integers(min_value=-120, max_value=10), max_size=60),
    first=st.integers(min_value=-130, max_value=20),
    length=st.integers(min_value=-3, max_value=100),
)
@hypothesis_settings(max_examples=300, deadline=None)
def test_a_historys_windows_are_its_days_between_both_ends_oldest_first(offsets, first, length):
    records = [rec(offset, None if offset % 3 == 0 else offset % 11) for offset in offsets]
    history = History.from_records(reversed(records))  # any order in, oldest first out
    start, end = D + dt.timedelta(days=first), D + dt.timedelta(days=first + length)
    expected = sorted((r for r in records if start <= r.date <= end), key=lambda r: r.date)
    assert history.recorded(start, end) == expected
    assert history.logged(start, end) == [r for r in expected if r.discomfort is not None]
    # Asked again (the sorted order is kept), the same answer.
    assert history.recorded(start, end) == expected
