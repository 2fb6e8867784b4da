"""The import's forms: the upload, the confirmation, and each imported day's values checked
with the check-in's own fields (tracker.forms.day), so a file is held to exactly the ranges
and words a person typing the day would be."""

from django import forms

from tracker.choices import TrackedKind
from tracker.forms.account import TrackedItemForm
from tracker.forms.day import CheckInForm, PegForm

_CHECKIN_FIELDS = CheckInForm(items=None).fields  # water_ml is added per form, in millilitres


class ImportedValuesForm(forms.Form):
    """One imported day's values, as text, in the check-in's fields (the same ranges, the same
    error messages). Water is in millilitres, as the export writes it."""

    posture = _CHECKIN_FIELDS["posture"]
    exercise_minutes = _CHECKIN_FIELDS["exercise_minutes"]
    water_ml = _CHECKIN_FIELDS["water_ml"]
    stress = _CHECKIN_FIELDS["stress"]
    discomfort = _CHECKIN_FIELDS["discomfort"]
    symptoms = _CHECKIN_FIELDS["symptoms"]
    sleep_hours = _CHECKIN_FIELDS["sleep_hours"]
    woke_from_pain = _CHECKIN_FIELDS["woke_from_pain"]
    notes = _CHECKIN_FIELDS["notes"]

    clean_sleep_hours = CheckInForm.clean_sleep_hours


def list_name_error(kind: str, name: str) -> str | None:
    """Why a pain relief or own factor's name could not be added in Settings, if it could not."""
    form = TrackedItemForm(data={"name": name, "kind": kind})
    if form.is_valid():
        return None
    return form.errors["name"][0] if "name" in form.errors else "Choose from your own list."


def peg_errors(pain: str, enjoyment: str, activity: str) -> dict[str, str]:
    form = PegForm(data={"peg_pain": pain, "peg_enjoyment": enjoyment, "peg_activity": activity})
    form.is_valid()
    return {name: errors[0] for name, errors in form.errors.items()}


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Your export file (CSV or JSON)",
        help_text="The file backhabits gave you from Settings → Download everything you logged.",
        error_messages={
            "required": "Choose a file to import.",
            "empty": "The file is empty.",
            "invalid": "Choose a file to import.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )


KEEP, USE_FILE = "keep", "file"


class ImportConfirmForm(forms.Form):
    """What to do with the days that already have answers here, and whether to go ahead."""

    clashes = forms.ChoiceField(
        label="Days that already have answers here",
        choices=[(KEEP, "Keep what's here"), (USE_FILE, "Use the file")],
        initial=KEEP,
        required=False,
        widget=forms.RadioSelect,
    )
    action = forms.ChoiceField(choices=[("confirm", "Import"), ("cancel", "Cancel")])

    def use_file(self) -> bool:
        return self.cleaned_data.get("clashes") == USE_FILE


LIST_LABELS = dict(TrackedKind.choices)
