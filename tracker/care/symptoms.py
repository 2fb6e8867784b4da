"""The optional 'anything new or unusual today?' checklist: stable codes, plain-language labels.

The labels stay English here: an alert's evidence stores them as written (tracker.care.prompts),
and reports and exports read them back. They are marked (gettext_noop) so the catalogue holds
them; a page shows them through gettext(label) (tracker.templatetags.care_tags.answers_said)."""

from dataclasses import dataclass

from django.utils.translation import gettext_noop as _


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
        _("Legs"),
        (
            Symptom("leg_pain", _("Pain spreading down a leg, below the knee")),
            Symptom("leg_numbness", _("Numbness, pins and needles or tingling in a leg")),
            Symptom("leg_weakness", _("Weakness in a leg or foot (tripping, foot slapping)")),
            Symptom(
                "legs_getting_worse",
                _(
                    "Numbness or weakness in one leg that is getting worse, or new trouble walking "
                    "because of one leg"
                ),
            ),
            # Its own line, an emergency on its own (tracker.care.redflags). The code is kept from
            # when it read "these leg symptoms are in both legs", so past days keep their sense.
            Symptom(
                "both_legs",
                _(
                    "Pain spreading down both legs, or numbness, weakness or trouble walking in "
                    "both legs"
                ),
            ),
        ),
    ),
    SymptomGroup(
        _("Nerves, bladder and sex"),
        (
            Symptom(
                "saddle_numbness",
                _(
                    "Numbness or tingling around the genitals, bottom or inner thighs, or a change "
                    "in feeling when wiping"
                ),
            ),
            Symptom(
                "bladder_bowel",
                _(
                    "New problems peeing or pooing: can't go, can't control it, can't feel it, "
                    "or leaking"
                ),
            ),
            Symptom(
                "sexual_dysfunction",
                _(
                    "New problems getting or keeping an erection, ejaculating, or feeling during "
                    "sex"
                ),
            ),
        ),
    ),
    SymptomGroup(
        _("Other"),
        (
            Symptom("chest_pain", _("Chest pain as well")),
            Symptom("fever", _("A high temperature, feeling hot and shivery")),
            Symptom("injury", _("A recent fall, knock or blow to the back")),
            Symptom("major_injury", _("A serious accident (car crash, fall from height)")),
            Symptom("weight_loss", _("Weight loss you can't explain")),
            Symptom("night_pain", _("Pain worse at night, or not easing when lying down")),
            Symptom("cough_sneeze_pain", _("Pain worse when coughing, sneezing or straining")),
            Symptom("upper_back_pain", _("Pain high up, between the shoulder blades")),
            Symptom("swelling", _("A lump or swelling on the back, or its shape has changed")),
            Symptom("cracking_pain", _("Cracking or popping that comes with sharp pain")),
        ),
    ),
    SymptomGroup(
        _("Coping"),
        (
            Symptom("activities_stopped", _("Pain stopped me doing my usual activities")),
            Symptom("struggling_to_cope", _("I'm struggling to cope with the pain")),
        ),
    ),
)

SYMPTOM_LABELS: dict[str, str] = {
    symptom.code: symptom.label for group in SYMPTOM_GROUPS for symptom in group.symptoms
}
SYMPTOM_CODES: tuple[str, ...] = tuple(SYMPTOM_LABELS)
