import functools
from decimal import Decimal

from django import forms
from django.utils import formats
from django.utils.functional import lazy
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from tracker.care.symptoms import SYMPTOM_CODES, SYMPTOM_GROUPS, SYMPTOM_LABELS
from tracker.choices import Posture, TrackedKind, WaterUnit
from tracker.days import peg, tracked, units
from tracker.days.measures import MEASURE_FIELDS
from tracker.days.submit import Answers
from tracker.forms import drawing, fieldsets
from tracker.forms.field_copies import SharedChoices, fields_copied_directly
from tracker.limits import EXERCISE_MINUTES_MAX, NOTES_MAX_LENGTH, SLEEP_HOURS_MAX, WATER_ML_MAX
from tracker.models import is_given

WATER_OZ_MAX = units.ml_to_oz(WATER_ML_MAX).quantize(Decimal("1"))  # 338 fl oz


def _text(message, **values) -> str:
    """`message` % `values`, worked out when shown, in the language of that request: a form
    field's messages are made once, at import, for every language."""
    return str(message) % {
        name: formats.number_format(value, force_grouping=True) if isinstance(value, int) else value
        for name, value in values.items()
    }


_lazy_text = lazy(_text, str)


class TypedChoiceField(SharedChoices, forms.TypedChoiceField):
    pass


class MultipleChoiceField(SharedChoices, forms.MultipleChoiceField):
    pass


class TypedMultipleChoiceField(SharedChoices, forms.TypedMultipleChoiceField):
    pass


def _scale_field(label: str, low: int, high: int, choices=None) -> TypedChoiceField:
    return TypedChoiceField(
        label=label,
        choices=choices or [(value, str(value)) for value in range(low, high + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _lazy_text(
                _("Choose a whole number from %(low)s to %(high)s."), low=low, high=high
            )
        },
    )


# Each amount's range messages as whole sentences (a unit's word changes the sentence around it
# in other languages): "minutes" for exercise, "millilitres" for water.
_WHOLE_NUMBER_MESSAGES = {
    "minutes": {
        "invalid": _("Enter a whole number of minutes, from 0 to %(high)s."),
        "min_value": _("Enter minutes from 0 to %(high)s."),
        "max_value": _("Enter at most %(high)s minutes."),
    },
    "millilitres": {
        "invalid": _("Enter a whole number of millilitres, from 0 to %(high)s."),
        "min_value": _("Enter millilitres from 0 to %(high)s."),
        "max_value": _("Enter at most %(high)s millilitres."),
    },
}


def _whole_number_field(label: str, high: int, unit: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=high,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": high}),
        error_messages={
            code: _lazy_text(message, high=high)
            for code, message in _WHOLE_NUMBER_MESSAGES[unit].items()
        },
    )


NOTHING_LOGGED = _(
    "Nothing was saved: the form was empty. Log at least one thing, such as how your back feels."
)


def _offered_pairs(
    items: tracked.Lists | None, kind: str, ticked: frozenset[int]
) -> list[tuple[int, str]]:
    """A list's (id, name) choices: its entries in use, and any retired one the day ticks."""
    if not items:
        return []
    offered = items.active(kind) + [item for item in items.retired(kind) if item.pk in ticked]
    return [(item.pk, item.name) for item in offered]


def _own_list_field(label: str) -> TypedMultipleChoiceField:
    return TypedMultipleChoiceField(
        label=label,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from your own list.")},
    )


@fields_copied_directly
class CheckInForm(forms.Form):
    """A day's check-in. Every answer is optional (a person in pain logs what they can) and
    strictly checked when given; an answer left out is stored as "not logged". Field names match
    the export columns; people who measure water in ounces type `water_oz`, stored as
    `water_ml`."""

    posture = _scale_field(_("Posture"), 1, 5, choices=Posture.choices)
    exercise_minutes = _whole_number_field(_("Exercise (minutes)"), EXERCISE_MINUTES_MAX, "minutes")
    # In ounces for those who measure so: __init__ puts `water_oz` in its place.
    water_ml = _whole_number_field(_("Water (ml)"), WATER_ML_MAX, "millilitres")
    stress = _scale_field(_("Stress (0 calm – 10 extreme)"), 0, 10)
    discomfort = _scale_field(_("Back discomfort (0 none – 10 worst imaginable)"), 0, 10)
    symptoms = MultipleChoiceField(
        label=_("Anything new, unusual or hard?"),
        required=False,
        # The labels are stored English (an alert's evidence keeps them as written): each is
        # said in the page's language when drawn.
        choices=[(code, _(label)) for code, label in SYMPTOM_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("“%(value)s” is not one of the listed symptoms."),
            "invalid_list": _("Choose from the listed symptoms."),
        },
    )
    rest_day = forms.BooleanField(
        label=_("Rest day (planned, or my back needs a break)"),
        required=False,
        help_text=_("Your exercise habit is paused for the day: it neither rises nor falls."),
    )
    # The "More" section: sleep, pain relief and the person's own factors.
    sleep_hours = forms.DecimalField(
        label=_("Hours slept last night"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(SLEEP_HOURS_MAX),
        max_digits=3,
        decimal_places=1,
        widget=forms.NumberInput(
            attrs={"inputmode": "decimal", "step": "0.5", "min": 0, "max": SLEEP_HOURS_MAX}
        ),
        error_messages={
            "invalid": _lazy_text(
                _("Enter hours from 0 to %(high)s, such as 7 or 7.5."), high=SLEEP_HOURS_MAX
            ),
            "min_value": _lazy_text(_("Enter hours from 0 to %(high)s."), high=SLEEP_HOURS_MAX),
            "max_value": _lazy_text(_("Enter at most %(high)s hours."), high=SLEEP_HOURS_MAX),
            "max_digits": _("Use whole or half hours, such as 7 or 7.5."),
            "max_decimal_places": _("Use whole or half hours, such as 7 or 7.5."),
        },
    )
    woke_from_pain = TypedChoiceField(
        label=_("Did back pain wake you in the night?"),
        choices=[
            ("yes", pgettext_lazy("an answer", "Yes")),
            ("no", pgettext_lazy("an answer", "No")),
        ],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose yes or no.")},
    )
    # The person's own lists; their choices are set per person in __init__.
    pain_relief = _own_list_field(_("Pain relief you used"))
    factors = _own_list_field(_("Your own factors today"))
    # The water total when the form was shown, so taps made meanwhile are added, not lost.
    water_seen_ml = forms.IntegerField(
        required=False, min_value=0, max_value=WATER_ML_MAX, widget=forms.HiddenInput
    )
    notes = forms.CharField(
        label=_("Notes (optional)"),
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTES_MAX_LENGTH}),
    )

    # Defined alike on every form (fieldsets.kept_widget_html); not the notes (free text), nor
    # the water fields (their unit is the person's: tracker.days.water_entry keeps those), nor
    # the lists (each person's own).
    drawn_alike = frozenset({"exercise_minutes", "rest_day", "sleep_hours", "woke_from_pain"})

    def __init__(
        self,
        *args,
        water_unit: str = WaterUnit.MILLILITRES,
        items: tracked.Lists | None = None,
        ticked: frozenset[int] = frozenset(),
        **kwargs,
    ):
        initial = dict(kwargs.pop("initial", None) or {})
        self.water_unit = water_unit
        if water_unit == WaterUnit.US_FLUID_OUNCES and initial.get("water_ml") not in (None, ""):
            initial["water_oz"] = units.ml_to_oz(int(initial["water_ml"]))
        super().__init__(*args, initial=initial, **kwargs)
        if water_unit == WaterUnit.US_FLUID_OUNCES:
            del self.fields["water_ml"]
            self.fields["water_oz"] = forms.DecimalField(
                label=_("Water (US fl oz)"),
                required=False,
                min_value=Decimal(0),
                max_value=WATER_OZ_MAX,
                max_digits=5,
                decimal_places=1,
                widget=forms.NumberInput(
                    attrs={"inputmode": "decimal", "min": 0, "max": WATER_OZ_MAX, "step": "0.1"}
                ),
                error_messages={
                    "invalid": _text(
                        _("Enter a number of fluid ounces, from 0 to %(high)s."),
                        high=formats.number_format(WATER_OZ_MAX),
                    ),
                },
            )
            self.order_fields(["posture", "exercise_minutes", "water_oz"])
        # The person's own lists: what is in use, and anything retired the day already ticks.
        # Read only when the choices are first walked (drawn, or an entry ticked to validate):
        # a save that ticks nothing needs neither list, so a lazy `items` is never read.
        for name, kind in (("pain_relief", TrackedKind.PAIN_RELIEF),
                           ("factors", TrackedKind.FACTOR)):  # fmt: skip
            self.fields[name].set_pairs_when_asked(
                functools.partial(_offered_pairs, items, kind, ticked)
            )

    @property
    def water_field(self) -> forms.BoundField:
        return self[self.water_field_name]

    @property
    def water_field_name(self) -> str:
        return "water_oz" if self.water_unit == WaterUnit.US_FLUID_OUNCES else "water_ml"

    def clean(self):
        cleaned = super().clean()
        if "water_oz" in cleaned:
            ounces = cleaned.pop("water_oz")
            cleaned["water_ml"] = (
                None if ounces is None else min(units.oz_to_ml(ounces), WATER_ML_MAX)
            )
        answered = [
            name
            for name in (*MEASURE_FIELDS, "symptoms", "notes", "rest_day", "sleep_hours",
                         "woke_from_pain", "pain_relief", "factors")
            if is_given(name, cleaned.get(name))
        ]  # fmt: skip
        if not answered and not self.errors:
            raise forms.ValidationError(NOTHING_LOGGED, code="empty")
        return cleaned

    @property
    def is_empty_submission(self) -> bool:
        return any(error.code == "empty" for error in self.non_field_errors().as_data())

    def day_values(self) -> dict:
        """Every answer of a valid form; None for what was left out."""
        data = self.cleaned_data
        values = {name: data.get(name) for name in MEASURE_FIELDS}
        values["symptoms"] = sorted(set(data["symptoms"]), key=SYMPTOM_CODES.index)
        values["notes"] = data["notes"]
        values["rest_day"] = data["rest_day"]
        values["sleep_hours"] = data.get("sleep_hours")
        values["woke_from_pain"] = data.get("woke_from_pain")
        values["item_ids"] = sorted({*data.get("pain_relief", []), *data.get("factors", [])})
        return values

    def clean_sleep_hours(self):
        hours = self.cleaned_data.get("sleep_hours")
        if hours is not None and hours * 2 != int(hours * 2):
            raise forms.ValidationError(_("Use whole or half hours, such as 7 or 7.5."))
        return hours

    @property
    def tracked_fields(self) -> list[forms.BoundField]:
        return [self["pain_relief"], self["factors"]]

    @property
    def more_answered(self) -> bool:
        """Keeps the "More" section open when it holds an answer or an error."""
        names = ("sleep_hours", "woke_from_pain", "pain_relief", "factors")
        if self.is_bound:
            return any(self.errors.get(name) or self.data.get(name) for name in names)
        return any(is_given(name, self.initial.get(name)) for name in names)

    def care_answers(self) -> tuple[tuple[str, ...], dict]:
        """What the red-flag rules read, from a form that may have errors elsewhere: every
        listed symptom ticked (an unknown code beside them is no reason to drop them) and the
        discomfort score if it is valid."""
        ticked = set(self._raw("symptoms") or ())
        symptoms = tuple(code for code in SYMPTOM_CODES if code in ticked)
        values = {}
        if "discomfort" not in self.errors and self.cleaned_data.get("discomfort") is not None:
            values["discomfort"] = self.cleaned_data["discomfort"]
        return symptoms, values

    def answers(self) -> Answers:
        """The answers for tracker.days.submit, whether or not the form is valid."""
        valid = self.is_valid()
        symptoms, care_values = self.care_answers()
        return Answers(
            values=self.day_values() if valid else None,
            symptoms=symptoms,
            care_values=care_values,
            water_seen_ml=self.cleaned_data.get("water_seen_ml"),
        )

    def answers_as_initial(self) -> dict:
        """The submitted answers, as typed, to show again in a fresh form (nothing saved)."""
        return {name: self._raw(name) for name in self.fields}

    def _raw(self, name: str):
        widget = self.fields[name].widget
        return widget.value_from_datadict(self.data, self.files, self.add_prefix(name))

    def symptom_checklist(self) -> SafeString:
        """The checklist's groups drawn (fieldsets.check_groups_html), kept per language and
        per all that can differ between two forms' checklists: which boxes are ticked, whether
        the answer was refused (each box is then marked invalid), and the form's ids and names.
        Nearly everyone's is the same (nothing ticked), so it is drawn once, not on every
        check-in page."""
        field = self["symptoms"]
        ticked = frozenset(field.field.widget.format_value(field.value()))
        key = (
            type(self), get_language(), self.auto_id, field.html_name, ticked, bool(field.errors)
        )  # fmt: skip
        return fieldsets.DRAWN.get_or_make(
            key, lambda: fieldsets.check_groups_html(self.symptom_groups())
        )

    def symptom_groups(self) -> list[tuple[str, list[drawing.CheckBox]]]:
        """The checklist in its three groups, each checkbox drawn for this form's value and
        errors (drawing.checkboxes)."""
        boxes = {box.value: box for box in drawing.checkboxes(self["symptoms"])}
        return [
            (gettext(group.title), [boxes[symptom.code] for symptom in group.symptoms])
            for group in SYMPTOM_GROUPS
        ]


class PegForm(forms.Form):
    """The PEG scale's three questions as published (tracker.days.peg), each answered 0 to 10."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in peg.QUESTIONS:
            field = _scale_field(question.text, peg.ANSWER_MIN, peg.ANSWER_MAX)
            field.required = True
            field.error_messages["required"] = _text(
                _("Choose a number from %(low)s to %(high)s."),
                low=peg.ANSWER_MIN,
                high=peg.ANSWER_MAX,
            )
            self.fields[question.field] = field

    def scale_fields(self) -> list[tuple[forms.BoundField, str, str]]:
        return [(self[q.field], q.low, q.high) for q in peg.QUESTIONS]
