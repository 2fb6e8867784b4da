"""Forms of the account pages: sign-up, Settings (with a person's own lists), changing and
resetting the password, and deleting the account."""

import datetime as dt
import json
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    UserCreationForm,
    UsernameField,
)
from django.core.mail import EmailMultiAlternatives
from django.core.validators import MaxValueValidator, MinValueValidator
from django.template.loader import render_to_string
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker.accounts import outbox
from tracker.accounts.lifecycle import TooManyWrongPasswords, check_current_password
from tracker.choices import TrackedKind, WaterUnit
from tracker.dates import canonical_timezone, zone_aliases
from tracker.days import units
from tracker.forms.field_copies import fields_copied_directly
from tracker.forms.long_select import LongSelect
from tracker.forms.places import SignupZoneField, ZoneField, country_choices
from tracker.limits import (
    EXERCISE_MINUTES_MAX,
    TRACKED_NAME_MAX_LENGTH,
    WATER_GOAL_ML_MIN,
    WATER_ML_MAX,
)
from tracker.models import Profile

EARLIEST_REMINDER, LATEST_REMINDER = dt.time(5, 0), dt.time(22, 30)
MINIMUM_AGE = 16


def minimum_password_length() -> int:
    """The shortest password the validators allow (Django's MinimumLengthValidator), the one
    rule the sign-up page states; the others speak only when a password breaks them."""
    lengths = [
        validator.min_length
        for validator in password_validation.get_default_password_validators()
        if isinstance(validator, password_validation.MinimumLengthValidator)
    ]
    return max(lengths, default=1)


class SignupForm(UserCreationForm):
    """What an account needs, asked in plain words: a name to log in with, a password (once,
    with one rule; every validator still runs) and the age. The e-mail is optional and says
    once what it is for; the time zone is chosen for the person (the browser's, by
    static/js/app.js) and shown so they can change it."""

    username = UsernameField(
        label=_("A name to log in with"),
        help_text=_("Letters, numbers and . _ - + (no spaces)."),
        max_length=get_user_model()._meta.get_field("username").max_length,
        # The model's own messages list "@/./+/-/_" and say "username".
        error_messages={
            "invalid": _("Use only letters, numbers and . _ - + (no spaces)."),
            "unique": _("That name is taken. Try another."),
        },
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_(
            "We send a link to confirm it. Then you can log in with it, get a new password "
            "if you forget yours, and get reminders if you turn them on."
        ),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # Asked once: static/js/app.js adds a "Show password" button to check what was typed.
    password2 = None
    timezone = SignupZoneField(
        label=_("Time zone"),
        required=False,
        help_text=_("When your day starts and ends. You can change it in settings."),
    )
    # Its label and message carry the age: set per form, in the page's language (__init__).
    confirm_age = forms.BooleanField()

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        length = minimum_password_length()
        password = self.fields["password1"]
        password.help_text = ngettext(
            "At least %(count)d character.", "At least %(count)d characters.", length
        ) % {"count": length}
        age = self.fields["confirm_age"]
        age.label = gettext("I am %(age)d or older") % {"age": MINIMUM_AGE}
        age.error_messages["required"] = gettext(
            "backhabits is for people aged %(age)d and over."
        ) % {"age": MINIMUM_AGE}
        password.widget.attrs["data-min-length"] = length
        zone = self.fields["timezone"]
        zone.initial = canonical_timezone(settings.TIME_ZONE) or settings.TIME_ZONE
        if not self.is_bound:
            # A new form takes the browser's zone (app.js), named as the list names it; a
            # form shown again after an error keeps what was chosen.
            zone.widget.attrs["data-browser-zone"] = json.dumps(
                zone_aliases(), separators=(",", ":"), sort_keys=True
            )
        # One line per field, with no colon after the question.
        self.label_suffix = ""

    def clean_username(self) -> str:
        # Django's check returns None after recording "a user with that username exists".
        username = super().clean_username()
        # "@" is kept for e-mail addresses, so a username can never be mistaken for one.
        if username and "@" in username:
            raise forms.ValidationError(
                gettext("A name to log in with can't contain @. Put your e-mail below.")
            )
        return username

    def clean_email(self) -> str:
        # An address with an account is not an error: saying so would tell anyone which
        # addresses have accounts. It waits for confirmation like any other
        # (tracker.accounts.lifecycle).
        return self.cleaned_data.get("email", "").strip()

    def clean(self):
        # Django's clean compares the two passwords; there is one.
        return forms.ModelForm.clean(self)

    def _post_clean(self) -> None:
        forms.ModelForm._post_clean(self)
        # Every validator, against the account as typed (the password too like its name).
        self.validate_password_for_user(self.instance, "password1")


class LoginForm(AuthenticationForm):
    """Django's log-in, saying what the first field takes (tracker.accounts.auth_backends
    accepts a confirmed e-mail address too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext("Username or e-mail")


def language_choices() -> list[tuple[str, str]]:
    """Blank (follow the browser) and each language by its own name ("Español"), so a person
    finds theirs whatever language the page is in."""
    return [("", gettext("Same as my browser")), *settings.LANGUAGES]


@fields_copied_directly
class SettingsForm(forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_(
            "For logging in, a new password if you forget yours, and e-mail reminders. A new "
            "address gets a confirmation link; reminders go to it once it is opened."
        ),
    )
    timezone = ZoneField(label=_("Time zone"))
    # The language of pages, e-mails and push messages (tracker.middleware reads it).
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=language_choices, widget=forms.RadioSelect
    )
    water_goal = forms.DecimalField(
        label=_("Daily water goal"),
        min_value=Decimal(0),
        max_digits=7,
        decimal_places=1,
        help_text=_("In the unit chosen above."),
    )
    exercise_goal_minutes = forms.IntegerField(
        label=_("Daily exercise goal (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(EXERCISE_MINUTES_MAX)],
    )
    # Defined alike on every form (fieldsets.kept_field_group_html); not the free text.
    drawn_alike = frozenset(
        {"language", "country", "timezone", "water_unit", "water_goal", "exercise_goal_minutes",
         "show_reminder", "reminders_enabled", "reminder_time", "reminder_time_2",
         "reminder_time_3", "reminder_email"}
    )  # fmt: skip

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
            "language",
        )
        labels = {
            "country": _("Country you live in (for the right emergency and care numbers)"),
            "water_unit": _("Water unit"),
            "show_reminder": _("Show a 'not checked in yet' line in the app"),
            "reminders_enabled": _(
                "Send me a daily reminder (e-mail or this device's notifications)"
            ),
            "reminder_email": _("Remind me by e-mail"),
        }
        widgets = {
            "water_unit": forms.RadioSelect,
            "reminder_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "reminder_time_2": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "reminder_time_3": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        error_messages = {
            name: {"invalid": _("Enter a time such as 20:00.")}
            for name in ("reminder_time", "reminder_time_2", "reminder_time_3")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        if profile.water_unit == WaterUnit.US_FLUID_OUNCES:
            self.initial.setdefault("water_goal", units.ml_to_oz(profile.water_goal_ml))
        else:
            self.initial.setdefault("water_goal", profile.water_goal_ml)
        country = self.fields["country"]
        country.choices = country_choices()
        country.help_text = ""
        country.widget = LongSelect(choices=country.choices)
        # The language first: someone who can't read the page finds their language's own name.
        self.order_fields(["language", "email", "country", "timezone", "water_unit", "water_goal"])

    def _reminder_time(self, name: str):
        value = self.cleaned_data.get(name)
        # Before midnight with room to spare: a reminder due at 23:58 could be overtaken by the
        # date changing before the next send_reminders run.
        if value is not None and not (EARLIEST_REMINDER <= value <= LATEST_REMINDER):
            raise forms.ValidationError(
                gettext("Choose a time between %(earliest)s and %(latest)s.")
                % {
                    "earliest": f"{EARLIEST_REMINDER:%H:%M}",
                    "latest": f"{LATEST_REMINDER:%H:%M}",
                }
            )
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
        if not WATER_GOAL_ML_MIN <= goal_ml <= WATER_ML_MAX:
            low = units.format_water(WATER_GOAL_ML_MIN, unit)
            high = units.format_water(WATER_ML_MAX, unit)
            self.add_error(
                "water_goal",
                gettext("Choose a goal from %(low)s to %(high)s.") % {"low": low, "high": high},
            )
        else:
            cleaned["water_goal_ml"] = goal_ml
        return cleaned

    def save(self, commit: bool = True) -> Profile:
        self.instance.water_goal_ml = self.cleaned_data["water_goal_ml"]
        return super().save(commit=commit)


def _current_password_error(request, user, password: str, *, nothing_changed: str):
    """None when the password is right; otherwise what to say (throttled like the log-in).
    `nothing_changed` is a whole sentence of its own, translated."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    try:
        if check_current_password(request, user, password):
            return None
    except TooManyWrongPasswords:
        too_many = ngettext(
            "Too many wrong passwords. For your safety, try again in %(minutes)d minute.",
            "Too many wrong passwords. For your safety, try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        return f"{too_many} {nothing_changed}"
    wrong = gettext("That password is not right.")
    return f"{wrong} {nothing_changed}"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user, self.request = user, request
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        error = _current_password_error(
            self.request, self.user, password, nothing_changed=gettext("Nothing was deleted.")
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
            self.request,
            self.user,
            old_password,
            nothing_changed=gettext("Your password is unchanged."),
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


class TrackedItemForm(forms.Form):
    """Adding or renaming an entry of a person's pain relief or own factors."""

    name = forms.CharField(
        label=_("Name"),
        max_length=TRACKED_NAME_MAX_LENGTH,
        error_messages={
            "required": _("Give it a name."),
            # Django fills in %(limit_value)d.
            "max_length": _("Keep it to %(limit_value)d characters."),
        },
    )
    kind = forms.ChoiceField(choices=TrackedKind.choices, widget=forms.HiddenInput)

    def __init__(self, *args, item=None, **kwargs):
        self.item = item
        super().__init__(*args, **kwargs)
        if item is not None:
            self.fields["kind"].required = False

    def clean(self):
        cleaned = super().clean()
        if self.item is not None:
            cleaned["kind"] = self.item.kind
        if ";" in (cleaned.get("name") or ""):
            # The export lists a day's names separated by semicolons.
            self.add_error("name", gettext("Leave out semicolons (;)."))
        return cleaned
