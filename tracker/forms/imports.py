"""The import's forms: the upload, the confirmation, and each imported day's values checked
with the check-in's own fields (tracker.forms.day), so a file is held to exactly the ranges
and words a person typing the day would be."""

from dataclasses import dataclass

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.choices import TrackedKind
from tracker.forms.account import TrackedItemForm
from tracker.forms.day import CheckInForm, PegForm
from tracker.imports import loop_mapping
from tracker.imports.days import Parsed, Problem, Refused
from tracker.imports.loop import LoopHabit

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
    return (
        form.errors["name"][0] if "name" in form.errors else gettext("Choose from your own list.")
    )


def peg_errors(pain: str, enjoyment: str, activity: str) -> dict[str, str]:
    form = PegForm(data={"peg_pain": pain, "peg_enjoyment": enjoyment, "peg_activity": activity})
    form.is_valid()
    return {name: errors[0] for name, errors in form.errors.items()}


ACCEPTED_FILES = ".csv,.json,.zip,text/csv,application/json,application/zip"


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your export file (CSV, JSON, or Loop zip)"),
        help_text=_(
            "The file backhabits gave you from Settings → Download everything you logged, or "
            "the zip Loop Habit Tracker makes with Settings → Export as CSV."
        ),
        error_messages={
            "required": _("Choose a file to import."),
            "empty": _("The file is empty."),
            "invalid": _("Choose a file to import."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_FILES}),
    )


KEEP, USE_FILE = "keep", "file"


class ImportConfirmForm(forms.Form):
    """What to do with the days that already have answers here, and whether to go ahead."""

    clashes = forms.ChoiceField(
        label=_("Days that already have answers here"),
        choices=[(KEEP, _("Keep what's here")), (USE_FILE, _("Use the file"))],
        initial=KEEP,
        required=False,
        widget=forms.RadioSelect,
    )
    action = forms.ChoiceField(choices=[("confirm", _("Import")), ("cancel", _("Cancel"))])

    def use_file(self) -> bool:
        return self.cleaned_data.get("clashes") == USE_FILE


LIST_LABELS = dict(TrackedKind.choices)

GLASS_ML_MIN, GLASS_ML_MAX, GLASS_ML_USUAL = 50, 1_000, 250


@dataclass(frozen=True)
class HabitRow:
    """One Loop habit on the mapping page: its choice, and the number field that goes with it."""

    habit: LoopHabit
    days: int
    choice: forms.BoundField
    amounts: list[forms.BoundField]  # minutes of a "yes" day, or a glass's size


class LoopMappingForm(forms.Form):
    """What each of a Loop file's habits becomes: skipped unless the person says otherwise.
    A "yes" exercise day needs its minutes (checked as the check-in checks exercise), a water
    habit counted in glasses needs the glass's size. The result is `parsed`, a
    tracker.imports.days.Parsed, once valid."""

    def __init__(self, habits: list[LoopHabit], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.habits = habits
        self.parsed: Parsed | None = None
        self.problems: list[Problem] = []
        glass_limits = {
            "min": number_format(GLASS_ML_MIN, force_grouping=True),
            "max": number_format(GLASS_ML_MAX, force_grouping=True),
        }
        for index, habit in enumerate(habits):
            if habit.kind_guessed:  # an older export: Loop did not say, so offer both
                choices = loop_mapping.CHOICES_BY_KIND["numeric"]
                choices = choices + loop_mapping.CHOICES_BY_KIND["yes_no"][1:]
            else:
                choices = loop_mapping.CHOICES_BY_KIND[habit.kind]
            self.fields[f"habit_{index}"] = forms.ChoiceField(
                label=habit.name,
                choices=choices,
                initial=loop_mapping.SKIP,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the options.")},
            )
            if habit.kind == "yes_no" or habit.kind_guessed:
                minutes = _CHECKIN_FIELDS["exercise_minutes"]
                self.fields[f"minutes_{index}"] = forms.IntegerField(
                    label=_("For exercise: minutes on a “yes” day"),
                    required=False,
                    min_value=0,
                    max_value=minutes.max_value,
                    error_messages=minutes.error_messages,
                    widget=forms.NumberInput(
                        attrs={"inputmode": "numeric", "min": 0, "max": minutes.max_value}
                    ),
                )
            if habit.kind == "numeric" or habit.kind_guessed:
                self.fields[f"glass_ml_{index}"] = forms.IntegerField(
                    label=_("For glasses: ml in one glass"),
                    required=False,
                    initial=GLASS_ML_USUAL,
                    min_value=GLASS_ML_MIN,
                    max_value=GLASS_ML_MAX,
                    error_messages={
                        "invalid": gettext("Enter whole ml, %(min)s to %(max)s.") % glass_limits,
                        "min_value": gettext("Enter at least %(min)s ml.") % glass_limits,
                        "max_value": gettext("Enter at most %(max)s ml.") % glass_limits,
                    },
                    widget=forms.NumberInput(
                        attrs={"inputmode": "numeric", "min": GLASS_ML_MIN, "max": GLASS_ML_MAX}
                    ),
                )

    def rows(self) -> list[HabitRow]:
        rows = []
        for index, habit in enumerate(self.habits):
            names = (f"minutes_{index}", f"glass_ml_{index}")
            amounts = [self[name] for name in names if name in self.fields]
            rows.append(HabitRow(habit, len(habit.values), self[f"habit_{index}"], amounts))
        return rows

    def clean(self) -> dict:
        cleaned = super().clean()
        choices: list[loop_mapping.Choice] = []
        for index in range(len(self.habits)):
            target = cleaned.get(f"habit_{index}")
            if target is None:
                return cleaned  # that field's own error says why
            # A number only matters with the choice it goes with: a slip in the other is let be.
            unused = {
                loop_mapping.EXERCISE_DONE: f"glass_ml_{index}",
                loop_mapping.WATER_GLASSES: f"minutes_{index}",
            }
            for name in (f"minutes_{index}", f"glass_ml_{index}"):
                if name in self._errors and unused.get(target, name) == name:
                    del self._errors[name]
            amount = None
            if target == loop_mapping.EXERCISE_DONE:
                amount = self._needed(
                    f"minutes_{index}", gettext("Type the minutes a “yes” day was.")
                )
            elif target == loop_mapping.WATER_GLASSES:
                amount = self._needed(
                    f"glass_ml_{index}", gettext("Type how many ml one glass holds.")
                )
            choices.append(loop_mapping.Choice(target, amount))
        twice = loop_mapping.duplicate_measures(choices)
        for measure in twice:
            chosen = [
                index
                for index, c in enumerate(choices)
                if loop_mapping.MEASURE.get(c.target) == measure
            ]
            names = ", ".join(f"“{self.habits[i].name}”" for i in chosen)
            for index in chosen:
                said = loop_mapping.ONE_HABIT_ONLY[measure] % {"names": names}
                self.add_error(f"habit_{index}", said)
        if self.errors:
            return cleaned
        try:
            self.parsed = loop_mapping.build(self.habits, choices)
        except Refused as refused:
            whole = [p.message for p in refused.problems if not p.where]
            # A value out of range is listed by habit and date; a whole-file reason is the error.
            self.problems = [p for p in refused.problems if p.where]
            raise forms.ValidationError(
                whole
                or [
                    gettext(
                        "Nothing was imported: some of the chosen habits' days are out of range."
                    )
                ]
            ) from None
        return cleaned

    def choices_made(self) -> dict[str, object]:
        """The valid form's answers, kept with the draft to show again if the person comes back
        from the preview to change them."""
        return {name: value for name, value in self.cleaned_data.items() if value is not None}

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:  # the field says why, next to it, to a screen reader too
            if name.startswith(("minutes_", "glass_ml_")):
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )

    def _needed(self, name: str, message: str) -> int | None:
        value = self.cleaned_data.get(name)
        if value is None and name not in self.errors:
            self.add_error(name, message)
        return value
