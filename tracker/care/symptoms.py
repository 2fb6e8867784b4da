"""The optional 'anything new or unusual today?' checklist: stable codes, plain-language labels."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Symptom:
    code: str
    label: str


@dataclass(frozen=True)
class SymptomGroup:
    title: str
    symptoms: tuple[Symptom, ...]


SYMPTOM_GROUPS: tuple[SymptomGroup, ...] = (
    SymptomGroup(
        "Legs",
        (
            Symptom("leg_pain", "Pain spreading down a leg, below the knee"),
            Symptom("leg_numbness", "Numbness, pins and needles or tingling in a leg"),
            Symptom("leg_weakness", "Weakness in a leg or foot (tripping, foot slapping)"),
            Symptom(
                "legs_getting_worse",
                "Numbness or weakness in one leg that is getting worse, or new trouble walking "
                "because of one leg",
            ),
            # Its own line, an emergency on its own (tracker.care.redflags). The code is kept from
            # when it read "these leg symptoms are in both legs", so past days keep their sense.
            Symptom(
                "both_legs",
                "Pain spreading down both legs, or numbness, weakness or trouble walking in both "
                "legs",
            ),
        ),
    ),
    SymptomGroup(
        "Nerves, bladder and sex",
        (
            Symptom(
                "saddle_numbness",
                "Numbness or tingling around the genitals, bottom or inner thighs, or a change "
                "in feeling when wiping",
            ),
            Symptom(
                "bladder_bowel",
                "New problems peeing or pooing: can't go, can't control it, can't feel it, "
                "or leaking",
            ),
            Symptom(
                "sexual_dysfunction",
                "New problems getting or keeping an erection, ejaculating, or feeling during sex",
            ),
        ),
    ),
    SymptomGroup(
        "Other",
        (
            Symptom("chest_pain", "Chest pain as well"),
            Symptom("fever", "A high temperature, feeling hot and shivery"),
            Symptom("injury", "A recent fall, knock or blow to the back"),
            Symptom("major_injury", "A serious accident (car crash, fall from height)"),
            Symptom("weight_loss", "Weight loss you can't explain"),
            Symptom("night_pain", "Pain worse at night, or not easing when lying down"),
            Symptom("cough_sneeze_pain", "Pain worse when coughing, sneezing or straining"),
            Symptom("upper_back_pain", "Pain high up, between the shoulder blades"),
            Symptom("swelling", "A lump or swelling on the back, or its shape has changed"),
            Symptom("cracking_pain", "Cracking or popping that comes with sharp pain"),
        ),
    ),
    SymptomGroup(
        "Coping",
        (
            Symptom("activities_stopped", "Pain stopped me doing my usual activities"),
            Symptom("struggling_to_cope", "I'm struggling to cope with the pain"),
        ),
    ),
)

SYMPTOM_LABELS: dict[str, str] = {
    symptom.code: symptom.label for group in SYMPTOM_GROUPS for symptom in group.symptoms
}
SYMPTOM_CODES: tuple[str, ...] = tuple(SYMPTOM_LABELS)
