import base64
import binascii
import datetime as dt
import functools
from decimal import Decimal

from cryptography.hazmat.primitives.asymmetric import ec
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, UserCreationForm
from django.core.mail import EmailMultiAlternatives
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.utils import flatatt
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tracker.accounts import outbox, reminders
from tracker.accounts.lifecycle import TooManyWrongPasswords, check_current_password
from tracker.care.symptoms import SYMPTOM_CODES, SYMPTOM_GROUPS, SYMPTOM_LABELS
from tracker.dates import EARLIEST_CHECKIN_DATE, is_valid_timezone, timezone_names
from tracker.days import away, peg, tracked, units
from tracker.days.checkins import MEASURES as MEASURE_FIELDS
from tracker.guide import content
from tracker.models import (
    EXERCISE_MINUTES_MAX,
    NOTES_MAX_LENGTH,
    SLEEP_HOURS_MAX,
    TRACKED_NAME_MAX_LENGTH,
    WATER_ML_MAX,
    Acknowledgement,
    AgeBand,
    GuideSection,
    Posture,
    Profile,
    TrackedKind,
    WaterUnit,
)
from tracker.ranges import RANGES
from tracker.trends import sharing

EARLIEST_REMINDER, LATEST_REMINDER = dt.time(5, 0), dt.time(22, 30)
WATER_OZ_MAX = units.ml_to_oz(WATER_ML_MAX).quantize(Decimal("1"))  # 338 fl oz


def _scale_field(label: str, low: int, high: int, choices=None) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=choices or [(value, str(value)) for value in range(low, high + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": f"Choose a whole number from {low} to {high}."},
    )


def _whole_number_field(label: str, high: int, unit: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=high,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": high}),
        error_messages={
            "invalid": f"Enter a whole number of {unit}, from 0 to {high:,}.",
            "min_value": f"Enter {unit} from 0 to {high:,}.",
            "max_value": f"Enter at most {high:,} {unit}.",
        },
    )


NOTHING_LOGGED = (
    "Nothing was saved: the form was empty. Log at least one thing, such as how your back feels."
)


def _own_list_field(label: str) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=label,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from your own list."},
    )


class CheckInForm(forms.Form):
    """A day's check-in. Every answer is optional (a person in pain logs what they can) and
    strictly checked when given; an answer left out is stored as "not logged". Field names match
    the export columns; people who measure water in ounces type `water_oz`, stored as
    `water_ml`."""

    posture = _scale_field("Posture", 1, 5, choices=Posture.choices)
    exercise_minutes = _whole_number_field("Exercise (minutes)", EXERCISE_MINUTES_MAX, "minutes")
    stress = _scale_field("Stress (0 calm – 10 extreme)", 0, 10)
    discomfort = _scale_field("Back discomfort (0 none – 10 worst imaginable)", 0, 10)
    symptoms = forms.MultipleChoiceField(
        label="Anything new, unusual or hard?",
        required=False,
        choices=[(code, label) for code, label in SYMPTOM_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "“%(value)s” is not one of the listed symptoms.",
            "invalid_list": "Choose from the listed symptoms.",
        },
    )
    rest_day = forms.BooleanField(
        label="Rest day (planned, or my back needs a break)",
        required=False,
        help_text="Your exercise habit is paused for the day: it neither rises nor falls.",
    )
    # The "More" section: sleep, pain relief and the person's own factors.
    sleep_hours = forms.DecimalField(
        label="Hours slept last night",
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(SLEEP_HOURS_MAX),
        max_digits=3,
        decimal_places=1,
        widget=forms.NumberInput(
            attrs={"inputmode": "decimal", "step": "0.5", "min": 0, "max": SLEEP_HOURS_MAX}
        ),
        error_messages={
            "invalid": f"Enter hours from 0 to {SLEEP_HOURS_MAX}, such as 7 or 7.5.",
            "min_value": f"Enter hours from 0 to {SLEEP_HOURS_MAX}.",
            "max_value": f"Enter at most {SLEEP_HOURS_MAX} hours.",
            "max_digits": "Use whole or half hours, such as 7 or 7.5.",
            "max_decimal_places": "Use whole or half hours, such as 7 or 7.5.",
        },
    )
    woke_from_pain = forms.TypedChoiceField(
        label="Did back pain wake you in the night?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose yes or no."},
    )
    # The person's own lists; their choices are set per person in __init__.
    pain_relief = _own_list_field("Pain relief you used")
    factors = _own_list_field("Your own factors today")
    # The water total when the form was shown, so taps made meanwhile are added, not lost.
    water_seen_ml = forms.IntegerField(
        required=False, min_value=0, max_value=WATER_ML_MAX, widget=forms.HiddenInput
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        max_length=NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTES_MAX_LENGTH}),
    )

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
            self.fields["water_oz"] = forms.DecimalField(
                label="Water (US fl oz)",
                required=False,
                min_value=Decimal(0),
                max_value=WATER_OZ_MAX,
                max_digits=5,
                decimal_places=1,
                widget=forms.NumberInput(
                    attrs={"inputmode": "decimal", "min": 0, "max": WATER_OZ_MAX, "step": "0.1"}
                ),
                error_messages={
                    "invalid": f"Enter a number of fluid ounces, from 0 to {WATER_OZ_MAX}.",
                },
            )
        else:
            self.fields["water_ml"] = _whole_number_field("Water (ml)", WATER_ML_MAX, "millilitres")
        self.order_fields(["posture", "exercise_minutes", "water_ml", "water_oz"])
        # The person's own lists: what is in use, and anything retired the day already ticks.
        for name, kind in (("pain_relief", TrackedKind.PAIN_RELIEF),
                           ("factors", TrackedKind.FACTOR)):  # fmt: skip
            offered = []
            if items:
                offered = items.active(kind) + [
                    item for item in items.retired(kind) if item.pk in ticked
                ]
            self.fields[name].choices = [(item.pk, item.name) for item in offered]

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
            for name in (*MEASURE_FIELDS, "symptoms", "notes", "sleep_hours", "woke_from_pain",
                         "pain_relief", "factors")
            if cleaned.get(name) not in (None, "", [])  # 0 and False are answers
        ]  # fmt: skip
        if cleaned.get("rest_day"):
            answered.append("rest_day")
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
            raise forms.ValidationError("Use whole or half hours, such as 7 or 7.5.")
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
        return any(self.initial.get(name) not in (None, "", []) for name in names)

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

    def answers_as_initial(self) -> dict:
        """The submitted answers, as typed, to show again in a fresh form (nothing saved)."""
        return {name: self._raw(name) for name in self.fields}

    def _raw(self, name: str):
        widget = self.fields[name].widget
        return widget.value_from_datadict(self.data, self.files, self.add_prefix(name))

    def symptom_groups(self) -> list[tuple[str, list]]:
        """The checklist in its three groups, each checkbox bound to this form."""
        boxes = {box.data["value"]: box for box in self["symptoms"]}
        return [
            (group.title, [boxes[symptom.code] for symptom in group.symptoms])
            for group in SYMPTOM_GROUPS
        ]


@functools.cache
def _timezone_choices() -> tuple[tuple[str, str], ...]:
    return tuple((name, name.replace("_", " ")) for name in sorted(timezone_names()))


def timezone_choices() -> list[tuple[str, str]]:
    return list(_timezone_choices())


class LongSelect(forms.Select):
    """A <select> written out in one pass. Django renders each option through a template,
    which for the ~600 time zones took most of the settings page's time."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = set(self.format_value(value))
        options = "".join(
            [
                f'<option value="{escape(option)}"{" selected" if str(option) in chosen else ""}>'
                f"{escape(label)}</option>"
                for option, label in self.choices
            ]
        )
        select_attrs = flatatt({"name": name, **self.build_attrs(self.attrs, attrs)})
        return mark_safe(f"<select{select_attrs}>{options}</select>")


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label="E-mail (optional, for password reset)",
        required=False,
    )
    timezone = forms.CharField(required=False, widget=forms.HiddenInput)
    confirm_age = forms.BooleanField(
        label="I am 16 or older",
        error_messages={"required": "backhabits is for people aged 16 and over."},
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def clean_username(self) -> str:
        # Django's check returns None after recording "a user with that username exists".
        username = super().clean_username()
        # "@" is kept for e-mail addresses, so a username can never be mistaken for one.
        if username and "@" in username:
            raise forms.ValidationError("A username can't contain @. Put your e-mail below.")
        return username

    def clean_email(self) -> str:
        # An address with an account is not an error: saying so would tell anyone which
        # addresses have accounts. It waits for confirmation like any other
        # (tracker.accounts.lifecycle).
        return self.cleaned_data.get("email", "").strip()

    def clean_timezone(self) -> str:
        # Filled in by the browser; an unknown or missing zone falls back to the server default.
        name = self.cleaned_data.get("timezone", "")
        return name if is_valid_timezone(name) else settings.TIME_ZONE


class SettingsForm(forms.ModelForm):
    email = forms.EmailField(
        label="E-mail address (for reminders and password reset)",
        required=False,
        help_text="A new address gets a confirmation link; reminders go to it once it is opened.",
    )
    timezone = forms.ChoiceField(label="Time zone", choices=timezone_choices, widget=LongSelect)
    water_goal = forms.DecimalField(
        label="Daily water goal",
        min_value=Decimal(0),
        max_digits=7,
        decimal_places=1,
        help_text="In the unit chosen above.",
    )
    exercise_goal_minutes = forms.IntegerField(
        label="Daily exercise goal (minutes)",
        validators=[MinValueValidator(1), MaxValueValidator(EXERCISE_MINUTES_MAX)],
    )

    class Meta:
        model = Profile
        fields = (
            "display_name",
            "timezone",
            "country",
            "water_unit",
            "exercise_goal_minutes",
            "show_reminder",
            "reminders_enabled",
            "reminder_time",
            "reminder_time_2",
            "reminder_time_3",
            "reminder_email",
        )
        labels = {
            "country": "Country you live in (for the right emergency and care numbers)",
            "water_unit": "Water unit",
            "show_reminder": "Show a 'not checked in yet' line in the app",
            "reminders_enabled": "Send me a daily reminder (e-mail or this device's notifications)",
            "reminder_email": "Remind me by e-mail",
        }
        widgets = {
            "water_unit": forms.RadioSelect,
            "reminder_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "reminder_time_2": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "reminder_time_3": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        error_messages = {
            name: {"invalid": "Enter a time such as 20:00."}
            for name in ("reminder_time", "reminder_time_2", "reminder_time_3")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        if profile.water_unit == WaterUnit.US_FLUID_OUNCES:
            self.initial.setdefault("water_goal", units.ml_to_oz(profile.water_goal_ml))
        else:
            self.initial.setdefault("water_goal", profile.water_goal_ml)
        countries = [choice for choice in self.fields["country"].choices if choice[0]]
        self.fields["country"].choices = [("", "Not set: the general advice"), *countries]
        self.fields["country"].help_text = ""
        self.fields["country"].widget = LongSelect(choices=self.fields["country"].choices)
        self.order_fields(["email", "country", "timezone", "water_unit", "water_goal"])

    def _reminder_time(self, name: str):
        value = self.cleaned_data.get(name)
        # Before midnight with room to spare: a reminder due at 23:58 could be overtaken by the
        # date changing before the next send_reminders run.
        if value is not None and not (EARLIEST_REMINDER <= value <= LATEST_REMINDER):
            raise forms.ValidationError("Choose a time between 05:00 and 22:30.")
        return value

    def clean_reminder_time(self):
        return self._reminder_time("reminder_time")

    def clean_reminder_time_2(self):
        return self._reminder_time("reminder_time_2")

    def clean_reminder_time_3(self):
        return self._reminder_time("reminder_time_3")

    def clean(self):
        cleaned = super().clean()
        goal, unit = cleaned.get("water_goal"), cleaned.get("water_unit")
        if goal is None or unit is None:
            return cleaned
        previous = self.instance
        if unit != previous.water_unit and goal == self.initial.get("water_goal"):
            # The unit changed but the number was left as it was: keep the same amount of water.
            goal_ml = previous.water_goal_ml
        elif unit == WaterUnit.US_FLUID_OUNCES:
            goal_ml = units.oz_to_ml(goal)
        else:
            goal_ml = int(goal)
        if not 250 <= goal_ml <= WATER_ML_MAX:
            low, high = units.format_water(250, unit), units.format_water(WATER_ML_MAX, unit)
            self.add_error("water_goal", f"Choose a goal from {low} to {high}.")
        else:
            cleaned["water_goal_ml"] = goal_ml
        return cleaned

    def save(self, commit: bool = True) -> Profile:
        self.instance.water_goal_ml = self.cleaned_data["water_goal_ml"]
        return super().save(commit=commit)


TOO_MANY_WRONG_PASSWORDS = (
    "Too many wrong passwords. For your safety, try again in {minutes} minutes."
)


def _current_password_error(request, user, password: str, *, nothing_changed: str):
    """None when the password is right; otherwise what to say (throttled like the log-in)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    try:
        if check_current_password(request, user, password):
            return None
    except TooManyWrongPasswords:
        return f"{TOO_MANY_WRONG_PASSWORDS.format(minutes=minutes)} {nothing_changed}"
    return f"That password is not right. {nothing_changed}"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        error = _current_password_error(
            self.request, self.user, password, nothing_changed="Nothing was deleted."
        )
        if error:
            raise forms.ValidationError(error)
        return password


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the current password checked under the log-in's
    throttle."""

    def __init__(self, user, *args, request, **kwargs):
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        error = _current_password_error(
            self.request, self.user, old_password, nothing_changed="Your password is unchanged."
        )
        if error:
            raise forms.ValidationError(error, code="password_incorrect")
        return old_password


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail sent after the response (tracker.accounts.outbox): only
    a registered address gets one, and sending takes long enough to tell."""

    def save(self, **kwargs) -> None:
        self.request = kwargs.get("request")
        super().save(**kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None) -> None:  # fmt: skip
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        outbox.send(message, kind="password reset", request=self.request)


class HealthProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = (
            "age_band",
            "cancer_history",
            "infection_risk",
            "osteoporosis",
            "long_term_steroids",
        )
        labels = {"age_band": "Your age"}
        widgets = {"age_band": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["age_band"].choices = [("", "Prefer not to say"), *AgeBand.choices]


class AwayForm(forms.Form):
    """ "I'm away / taking a break": up to MAX_AWAY_DAYS days, and at most one break that has
    not ended yet."""

    start = forms.DateField(
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date such as 2026-12-24."},
    )
    end = forms.DateField(
        label="Until (the last day away)",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter a date such as 2026-12-31."},
    )

    def __init__(self, *args, user, today: dt.date, **kwargs):
        self.user, self.today = user, today
        kwargs.setdefault("initial", {"start": today, "end": today + dt.timedelta(days=6)})
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if start < EARLIEST_CHECKIN_DATE:
            self.add_error("start", "Choose a date from 2000 on.")
        elif end < start:
            self.add_error("end", "The last day away can't be before the first.")
        elif (end - start).days + 1 > away.MAX_AWAY_DAYS:
            self.add_error("end", f"A break can be up to {away.MAX_AWAY_DAYS} days long.")
        elif end >= self.today and away.open_period(self.user, today=self.today):
            self.add_error(None, "You already have a break set. End or cancel it first.")
        elif away.overlapping(self.user, start=start, end=end).exists():
            self.add_error(None, "Those days overlap a break you already set.")
        return cleaned


class TrackedItemForm(forms.Form):
    """Adding or renaming an entry of a person's pain relief or own factors."""

    name = forms.CharField(
        label="Name",
        max_length=TRACKED_NAME_MAX_LENGTH,
        error_messages={
            "required": "Give it a name.",
            "max_length": f"Keep it to {TRACKED_NAME_MAX_LENGTH} characters.",
        },
    )
    kind = forms.ChoiceField(choices=TrackedKind.choices, widget=forms.HiddenInput)

    def __init__(self, *args, user, item=None, **kwargs):
        self.user, self.item = user, item
        super().__init__(*args, **kwargs)
        if item is not None:
            self.fields["kind"].required = False

    def clean(self):
        cleaned = super().clean()
        kind = self.item.kind if self.item else cleaned.get("kind")
        name = (cleaned.get("name") or "").strip()
        if not kind or not name:
            return cleaned
        cleaned["kind"] = kind
        same = tracked.find_by_name(
            self.user, kind=kind, name=name, exclude=self.item.pk if self.item else None
        )
        if ";" in name:
            # The export lists a day's names separated by semicolons.
            self.add_error("name", "Leave out semicolons (;).")
        elif same is not None and same.retired_at is not None:
            self.add_error("name", f"“{same.name}” is retired: bring it back from the list below.")
        elif same is not None:
            self.add_error("name", f"You already have “{same.name}” on this list.")
        elif self.item is None and tracked.lists_for(self.user).room_for(kind) <= 0:
            limit = tracked.ACTIVE_LIMITS[kind]
            self.add_error("name", f"Up to {limit} at a time: retire one to add another.")
        return cleaned


class PegForm(forms.Form):
    """The PEG scale's three questions as published (tracker.days.peg), each answered 0 to 10."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in peg.QUESTIONS:
            field = _scale_field(question.text, 0, 10)
            field.required = True
            field.error_messages["required"] = "Choose a number from 0 to 10."
            self.fields[question.field] = field

    def scale_fields(self) -> list[tuple[forms.BoundField, str, str]]:
        return [(self[q.field], q.low, q.high) for q in peg.QUESTIONS]


class ShareLinkForm(forms.Form):
    """A share link for a clinician: which period of the report, for how long, notes or not."""

    range = forms.ChoiceField(
        label="Period of the report",
        choices=[(key, period.label) for key, period in RANGES.items()],
        error_messages={"invalid_choice": "Choose one of the periods listed."},
    )
    days = forms.TypedChoiceField(
        label="The link stops working after",
        choices=[(days, f"{days} days") for days in sharing.EXPIRY_DAYS],
        coerce=int,
        initial=sharing.EXPIRY_DAYS[0],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose 7 or 30 days."},
    )
    include_notes = forms.BooleanField(
        label="Include my notes",
        required=False,
        help_text="Left out unless you tick this: notes can say more than a clinician needs.",
    )


OFFLINE_CLOCK_GRACE = dt.timedelta(minutes=10)


class OfflineDayForm(forms.Form):
    """What a phone sends with a day it saved without a connection (tracker.days.offline): the id it
    gave the day, the day, and when it was saved there."""

    day_id = forms.UUIDField(error_messages={"invalid": "The day's id is not a valid UUID."})
    date = forms.DateField(error_messages={"invalid": "Enter a date as YYYY-MM-DD."})
    saved_at = forms.DateTimeField(
        error_messages={"invalid": "Enter when it was saved as an ISO date and time."}
    )
    # Who was signed in when the day was saved on the phone: sent only by that person.
    account = forms.IntegerField(error_messages={"invalid": "The account is a whole number."})

    def __init__(self, *args, today: dt.date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_day_id(self):
        """Never the nil UUID: a phone whose id generator failed sends it for every day, and the
        first of them, whoever sent it, would make all the others read as already received."""
        day_id = self.cleaned_data["day_id"]
        if day_id.int == 0:
            raise forms.ValidationError(
                "The day's id is the nil UUID (all zeros): this phone did not give the day an id."
            )
        return day_id

    def clean_saved_at(self):
        """Not before the day could be logged nor after now (a few minutes' grace for a phone's
        clock): a time in the future would win every later conflict."""
        saved_at = self.cleaned_data["saved_at"]
        now = timezone.now()
        earliest = dt.datetime.combine(EARLIEST_CHECKIN_DATE, dt.time(), tzinfo=dt.UTC)
        if not earliest <= saved_at <= now + OFFLINE_CLOCK_GRACE:
            raise forms.ValidationError("That time is outside the days you can log.")
        return min(saved_at, now)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day < EARLIEST_CHECKIN_DATE or day > self.today:
            raise forms.ValidationError("That day is outside the days you can log.")
        return day


def _b64url_bytes(value: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error) as error:
        raise forms.ValidationError("Not base64url.") from error


class PushSubscriptionForm(forms.Form):
    """What a browser's PushManager hands over. The endpoint is where the cron job will POST,
    so only a known browser push service is accepted (tracker.accounts.reminders)."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)

    def clean_endpoint(self) -> str:
        endpoint = self.cleaned_data["endpoint"]
        if not reminders.push_endpoint_allowed(endpoint):
            raise forms.ValidationError(
                "Reminders are sent only through a browser's own push service (https, port 443)."
            )
        return endpoint

    def clean_p256dh(self) -> str:
        raw = _b64url_bytes(self.cleaned_data["p256dh"])
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        except ValueError as error:
            raise forms.ValidationError("Not a P-256 public key.") from error
        return self.cleaned_data["p256dh"]

    def clean_auth(self) -> str:
        if len(_b64url_bytes(self.cleaned_data["auth"])) != 16:
            raise forms.ValidationError("The auth secret must be 16 bytes.")
        return self.cleaned_data["auth"]


class AcknowledgeForm(forms.Form):
    """An answer to a care alert, from those its tier takes (never "Understood" to an
    emergency or urgent alert)."""

    response = forms.ChoiceField(choices=Acknowledgement.choices)

    def __init__(self, *args, responses: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = [
            (value, label) for value, label in Acknowledgement.choices if value in responses
        ]


class MistakeForm(forms.Form):
    """Which ticked answers behind a care alert were ticked by mistake ("date:code" keys)."""

    remove = forms.MultipleChoiceField(
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose what you ticked by mistake."},
    )

    def __init__(self, *args, answers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remove"].choices = [
            (answer.key, f"{answer.label} ({answer.date:%a} {answer.date.day} {answer.date:%b})")
            for answer in answers
        ]


class GuideSectionForm(forms.ModelForm):
    """A guide section in the admin: the slugs the app or content/ finds a section by stay."""

    class Meta:
        model = GuideSection
        fields = ("title", "slug", "order", "body")

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        original = self.instance.slug if self.instance.pk else None
        if original in GuideSection.SLUGS_LINKED_FROM_CODE and slug != original:
            raise forms.ValidationError(
                f"The app links to “{original}” directly (for example from care prompts), "
                "so this slug cannot change. Edit the title instead."
            )
        if original in content.builtin_section_slugs() and slug != original:
            # Loading content/ finds a built-in section, and its tips' links, by this slug.
            raise forms.ValidationError(
                f"“{original}” is a built-in section (content/guide/{original}.md), found by "
                "this slug, so it cannot change. Edit the title instead."
            )
        return slug
