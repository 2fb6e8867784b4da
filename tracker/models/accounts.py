"""A person's settings (Profile) and what reaches them: their devices' push subscriptions and
the reminders sent, one per day and slot."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tracker.choices import AgeBand, WaterUnit
from tracker.limits import (
    DEFAULT_EXERCISE_GOAL_MINUTES,
    DEFAULT_WATER_GOAL_ML,
    EXERCISE_MINUTES_MAX,
    WATER_GOAL_ML_MIN,
    WATER_ML_MAX,
)


def new_unsubscribe_key() -> str:
    return secrets.token_urlsafe(16)


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    timezone = models.CharField(max_length=64, default="UTC")
    # How the report names the person (a clinician reads it); optional, never required.
    display_name = models.CharField(
        _("Your name on reports"),
        max_length=80,
        blank=True,
        help_text=_("Optional: how a report you print or share names you."),
    )
    water_unit = models.CharField(
        max_length=2, choices=WaterUnit.choices, default=WaterUnit.MILLILITRES
    )
    water_goal_ml = models.PositiveIntegerField(default=DEFAULT_WATER_GOAL_ML)
    exercise_goal_minutes = models.PositiveIntegerField(default=DEFAULT_EXERCISE_GOAL_MINUTES)
    show_reminder = models.BooleanField(default=True)
    # The optional health profile, used only by the red-flag rules (tracker.care.redflags).
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, blank=True)
    cancer_history = models.BooleanField(_("I have had cancer"), default=False)
    infection_risk = models.BooleanField(
        _(
            "I have a higher risk of infection: a weakened immune system (for example "
            "chemotherapy or medicines that lower immunity), or I have injected drugs"
        ),
        default=False,
    )
    osteoporosis = models.BooleanField(_("I have osteoporosis"), default=False)
    long_term_steroids = models.BooleanField(_("I take steroid tablets long term"), default=False)
    health_profile_answered_at = models.DateTimeField(null=True, blank=True)
    # When the weekly PEG scale was last answered: the home page offers it again after 7 days.
    peg_last_date = models.DateField(null=True, blank=True, editable=False)
    # Where care advice points: emergency and urgent-care numbers (tracker.care.countries).
    country = CountryField(blank=True, help_text=_("Where you live, for the right care numbers."))
    # The language of pages, e-mails and push messages; empty until chosen in Settings, and then
    # pages follow the browser's Accept-Language (tracker.middleware.PersonLanguageMiddleware).
    language = models.CharField(_("Language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    # Raised by "log out everywhere"; sessions remember the value they started with.
    session_generation = models.PositiveIntegerField(default=0)
    # Daily reminders (tracker.accounts.reminders): off, e-mail included, until the person turns
    # them on.
    reminders_enabled = models.BooleanField(_("Send me a daily reminder"), default=False)
    reminder_time = models.TimeField(_("Reminder time (your local time)"), default=dt.time(20, 0))
    reminder_time_2 = models.TimeField(_("A second reminder (optional)"), null=True, blank=True)
    reminder_time_3 = models.TimeField(_("A third reminder (optional)"), null=True, blank=True)
    reminder_email = models.BooleanField(_("By e-mail"), default=False)
    # Reminders go only to a confirmed address: `confirmed_email` is the address whose link was
    # opened (reminders use it while it is still the account's address). A new address waits
    # in `pending_email` until its link, which carries `email_confirm_key`, is opened.
    confirmed_email = models.EmailField(blank=True, editable=False)
    pending_email = models.EmailField(blank=True, editable=False)
    email_confirm_key = models.CharField(
        max_length=32, null=True, blank=True, unique=True, editable=False
    )
    # What an unsubscribe link carries, signed: random, so the link names no one; replaced when
    # a link is used, so each link works once (tracker.accounts.reminders).
    unsubscribe_key = models.CharField(
        max_length=32, unique=True, default=new_unsubscribe_key, editable=False
    )

    class Meta:
        # send_reminders asks, per time zone and reminder slot, who has reminders on and whose
        # time has passed.
        indexes = [
            models.Index(
                fields=["reminders_enabled", "timezone", "reminder_time"],
                name="profile_reminder_due",
            ),
            models.Index(
                fields=["reminders_enabled", "timezone", "reminder_time_2"],
                name="profile_reminder_2_due",
            ),
            models.Index(
                fields=["reminders_enabled", "timezone", "reminder_time_3"],
                name="profile_reminder_3_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(water_goal_ml__gte=WATER_GOAL_ML_MIN, water_goal_ml__lte=WATER_ML_MAX),
                name="profile_water_goal_range",
            ),
            models.CheckConstraint(
                condition=Q(exercise_goal_minutes__gte=1)
                & Q(exercise_goal_minutes__lte=EXERCISE_MINUTES_MAX),
                name="profile_exercise_goal_range",
            ),
            # One account per confirmed address, in any capitals: log-in by e-mail and the
            # reminders both rely on it (tracker.accounts.lifecycle.confirm_email).
            models.UniqueConstraint(
                Lower("confirmed_email"),
                condition=~Q(confirmed_email=""),
                name="profile_confirmed_email_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"Profile of user #{self.user_id}"


class PushSubscription(models.Model):
    """One device's Web Push subscription."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    device_label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_success_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Push subscription #{self.pk} of user #{self.user_id}"

    @property
    def label_words(self) -> str:
        """The stored label ("Chrome on Android", "Browser": tracker.accounts.delivery
        .device_label, kept in English) in the page's language."""
        browser, _on, system = self.device_label.partition(" on ")
        if browser in ("", "Browser"):
            browser = str(_("A browser"))
        if system:
            return gettext("%(browser)s on %(system)s") % {"browser": browser, "system": system}
        return browser


class ReminderSent(models.Model):
    """At most one reminder per person, per local date, per reminder slot (1 to 3), enforced
    by the database, so two send_reminders runs at once (even on two hosts) send one, not two."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    local_date = models.DateField()
    slot = models.PositiveSmallIntegerField(default=1)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_date", "slot"], name="reminder_once_per_slot"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder for user #{self.user_id} on {self.local_date.isoformat()}"
