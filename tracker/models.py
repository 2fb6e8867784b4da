import datetime as dt
import functools
import operator
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tracker.choices import Acknowledgement, AgeBand, Habit, Posture, Tier, TrackedKind, WaterUnit
from tracker.limits import (
    DEFAULT_EXERCISE_GOAL_MINUTES,
    DEFAULT_WATER_GOAL_ML,
    EXERCISE_MINUTES_MAX,
    NOTES_MAX_LENGTH,
    SLEEP_HALF_HOURS,
    TRACKED_NAME_MAX_LENGTH,
    WATER_GOAL_ML_MIN,
    WATER_ML_MAX,
)
from tracker.ranges import RANGES


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


# What a day can hold, in the check-in's order. A day has content when any of these is given:
# the database's constraint, a change that empties a day, the empty form and a phone's answers
# all read it from here.
DAY_CONTENT_FIELDS = (
    "posture", "exercise_minutes", "water_ml", "stress", "discomfort", "symptoms", "notes",
    "rest_day", "sleep_hours", "woke_from_pain", "item_ids", "peg_pain",
)  # fmt: skip


def is_given(name: str, value: object) -> bool:
    """Whether a day's `name` holds an answer: 0 and "no" are answers; an unticked rest day,
    an empty note or list and None are not."""
    if name == "rest_day":
        return bool(value)
    return value not in (None, "", [])


def given_q(name: str) -> Q:
    """`is_given` as a query."""
    if name == "rest_day":
        return Q(rest_day=True)
    if name == "notes":
        return ~Q(notes="")
    if name in {"symptoms", "item_ids"}:
        return ~Q(**{name: []})
    return Q(**{f"{name}__isnull": False})


def any_given_q(names) -> Q:
    return functools.reduce(operator.or_, [given_q(name) for name in names])


class CheckIn(models.Model):
    """One person's day: any non-empty part of it. A value not logged is NULL, never 0, so a
    day with only a pain score, only symptoms or only water taps is an honest day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkins"
    )
    date = models.DateField()
    posture = models.PositiveSmallIntegerField(choices=Posture.choices, null=True, blank=True)
    exercise_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    water_ml = models.PositiveIntegerField(null=True, blank=True)
    stress = models.PositiveSmallIntegerField(null=True, blank=True)
    discomfort = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(max_length=NOTES_MAX_LENGTH, blank=True)
    # Codes from tracker.care.symptoms; validated by the check-in form, read by
    # tracker.care.redflags.
    symptoms = models.JSONField(default=list, blank=True)
    # "Rest day (planned, or my back needs a break)": the exercise habit is frozen for the day.
    rest_day = models.BooleanField(default=False)
    # The "More" section of the check-in (tracker.forms.day), all optional.
    sleep_hours = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    woke_from_pain = models.BooleanField(null=True, blank=True)
    # The pain reliefs and own factors ticked: TrackedItem ids, kept with the day as its symptom
    # codes are, so the trends page reads a year of them with the days' own row and no join.
    # Entries are retired, never deleted, so an id always names one of the person's entries.
    item_ids = models.JSONField(default=list, blank=True, editable=False)
    # The weekly PEG scale (tracker.days.peg), answered on this day: all three or none.
    peg_pain = models.PositiveSmallIntegerField(null=True, blank=True)
    peg_enjoyment = models.PositiveSmallIntegerField(null=True, blank=True)
    peg_activity = models.PositiveSmallIntegerField(null=True, blank=True)
    # The sum of the day's water taps since its water was last typed: what Undo can still take
    # back, one tap at a time (tracker.days.checkins).
    water_last_tap_ml = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "date"], name="checkin_one_per_day"),
            models.CheckConstraint(
                condition=Q(posture__isnull=True) | Q(posture__gte=1, posture__lte=5),
                name="checkin_posture_1_5",
            ),
            models.CheckConstraint(
                condition=Q(exercise_minutes__isnull=True)
                | Q(exercise_minutes__gte=0, exercise_minutes__lte=EXERCISE_MINUTES_MAX),
                name="checkin_exercise_0_1440",
            ),
            models.CheckConstraint(
                condition=Q(water_ml__isnull=True) | Q(water_ml__gte=0, water_ml__lte=WATER_ML_MAX),
                name="checkin_water_0_10000",
            ),
            models.CheckConstraint(
                condition=Q(stress__isnull=True) | Q(stress__gte=0, stress__lte=10),
                name="checkin_stress_0_10",
            ),
            models.CheckConstraint(
                condition=Q(discomfort__isnull=True) | Q(discomfort__gte=0, discomfort__lte=10),
                name="checkin_discomfort_0_10",
            ),
            # A saved day holds at least one thing: a measure, a symptom, a note or a rest day.
            models.CheckConstraint(
                condition=any_given_q(DAY_CONTENT_FIELDS), name="checkin_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(sleep_hours__isnull=True) | Q(sleep_hours__in=SLEEP_HALF_HOURS),
                name="checkin_sleep_half_hours_0_16",
            ),
            models.CheckConstraint(
                condition=Q(
                    peg_pain__isnull=True, peg_enjoyment__isnull=True, peg_activity__isnull=True
                )
                | Q(
                    # Spelled out: a NULL beside two answers would make the range test unknown,
                    # which a CHECK constraint lets through.
                    peg_pain__isnull=False,
                    peg_enjoyment__isnull=False,
                    peg_activity__isnull=False,
                    peg_pain__gte=0,
                    peg_pain__lte=10,
                    peg_enjoyment__gte=0,
                    peg_enjoyment__lte=10,
                    peg_activity__gte=0,
                    peg_activity__lte=10,
                ),
                name="checkin_peg_all_or_none_0_10",
            ),
        ]
        # The home page, trends and exports all read one user's days by date.
        indexes = [models.Index(fields=["user", "-date"], name="checkin_user_date")]

    def __str__(self) -> str:
        return f"Check-in of user #{self.user_id} on {self.date.isoformat()}"


class TrackedItem(models.Model):
    """Something a person chooses to track: a pain relief they use ("ibuprofen", "heat pack") or
    a factor of their own ("long drive"). Renamed or retired, it keeps its past days."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracked_items"
    )
    kind = models.CharField(max_length=6, choices=TrackedKind.choices)
    name = models.CharField(max_length=TRACKED_NAME_MAX_LENGTH)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "user", "kind", name="trackeditem_name_unique_per_person"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["relief", "factor"]), name="trackeditem_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} of user #{self.user_id}"


class AwayPeriod(models.Model):
    """ "I'm away / taking a break": every habit's score and streak freeze over these days, and
    no reminders are sent on them (tracker.trends.habits, tracker.accounts.reminders)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="away_periods"
    )
    start = models.DateField()
    end = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="away_ends_after_start")
        ]
        # Trends, reminders and the history page ask which periods overlap a window.
        indexes = [models.Index(fields=["user", "end"], name="away_user_end")]

    def __str__(self) -> str:
        return f"Away period of user #{self.user_id}: {self.start} to {self.end}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


class GuideSection(models.Model):
    # Code links to these sections by slug (the care prompts link to "when-to-seek-help"), so
    # they can be neither renamed nor deleted.
    SLUGS_LINKED_FROM_CODE = frozenset({"when-to-seek-help", "about-this-guide"})

    # Each language has its own sections (content/<language>/guide/): an editor's change in one
    # language never touches another.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80, help_text="Used in links: /guide/#slug and /guide/slug/."
    )
    order = models.PositiveSmallIntegerField(default=100, help_text="Lower comes first.")
    body = models.TextField(help_text="Markdown. HTML outside a small safe list is removed.")
    updated_at = models.DateTimeField(auto_now=True)
    # What tracker.guide.content last loaded into a built-in section; empty for an editor's own.
    shipped_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="guide_slug_per_language")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("tracker:guide_section", kwargs={"slug": self.slug})

    @property
    def anchor_url(self) -> str:
        from django.urls import reverse

        return f"{reverse('tracker:guide')}#{self.slug}"


class Tip(models.Model):
    # Set only on built-in tips (content/tips/), so loading can tell them from editors' own.
    # NULL, not "", on editors' own tips: the unique constraint below ignores NULLs.
    builtin_key = models.SlugField(max_length=80, null=True, blank=True, editable=False)  # noqa: DJ001
    # The language of the tip; its section is in the same language.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    title = models.CharField(max_length=120)
    body = models.TextField(help_text="Markdown, one to three sentences.")
    section = models.ForeignKey(
        GuideSection,
        on_delete=models.PROTECT,
        related_name="tips",
        help_text="The guide section this tip comes from; its 'Read more' link goes there.",
    )
    habit = models.CharField(max_length=12, choices=Habit.choices)
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Untick to stop showing this tip. Built-in tips cannot be deleted: loading "
        "content/ would bring them back.",
    )
    safe_beside_alert = models.BooleanField(
        "safe beside a care alert",
        default=False,
        help_text="Tick only if this tip is safe to try while a care alert is open: nothing "
        "that moves, stretches, loads or cracks the back. Only these tips are shown to someone "
        "with an open alert.",
    )
    priority = models.PositiveSmallIntegerField(
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="1–100. Higher is shown first among tips that fit.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    # What tracker.guide.content last loaded into a built-in tip; empty for an editor's own.
    shipped_digest = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["habit", "-priority", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=100), name="tip_priority_1_100"
            ),
            models.UniqueConstraint(
                fields=["language", "builtin_key"], name="tip_builtin_key_per_language"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TipDismissal(models.Model):
    """A person's 'not for me' on a tip: it is never chosen for them again."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tip_dismissals"
    )
    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="dismissals")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "tip"], name="tipdismissal_once_per_tip")
        ]

    def __str__(self) -> str:
        return f"Tip #{self.tip_id} dismissed by user #{self.user_id}"


# Open: not yet answered and not cleared by an edited day. The one definition of an open alert,
# read by CareAlert.objects.open() and by the constraint that allows one open alert per rule.
OPEN_CARE_ALERT = Q(acknowledged_at__isnull=True, cleared_at__isnull=True)


class CareAlertQuerySet(models.QuerySet):
    def open(self) -> "CareAlertQuerySet":
        return self.filter(OPEN_CARE_ALERT)

    def closed(self) -> "CareAlertQuerySet":
        """Answered or cleared: the history the care page lists."""
        return self.exclude(OPEN_CARE_ALERT)


class CareAlert(models.Model):
    """A red flag that fired for a person: open until they acknowledge it, then kept as history."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_alerts"
    )
    rule = models.CharField(max_length=40)
    tier = models.CharField(max_length=10, choices=Tier.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # [{"date": "YYYY-MM-DD", "answers": ["..."]}, ...]: which logged answers fired the rule.
    evidence = models.JSONField(default=list)
    last_evidence_date = models.DateField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement = models.CharField(max_length=20, choices=Acknowledgement.choices, blank=True)
    # Set when an edited check-in no longer supports the alert.
    cleared_at = models.DateTimeField(null=True, blank=True)
    # After "I'm getting help now" or "I've spoken to a professional" on an emergency or urgent
    # alert, a one-line reminder replaces the full prompt until then (tracker.care.prompts ends it
    # sooner when a later day is logged without the answers that raised it).
    reminder_until = models.DateTimeField(null=True, blank=True)
    # Answers the person said they ticked by mistake and that were taken off their day:
    # [{"at": ISO datetime, "removed": [{"date": "YYYY-MM-DD", "answers": ["..."]}]}, ...]
    corrections = models.JSONField(default=list, blank=True)

    objects = CareAlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rule"],
                condition=OPEN_CARE_ALERT,
                name="carealert_one_open_per_rule",
            ),
        ]
        # Open alerts are read on every home page and check-in save.
        indexes = [models.Index(fields=["user", "acknowledged_at"], name="carealert_user_ack")]

    def __str__(self) -> str:
        return f"{self.tier} alert {self.rule} for user #{self.user_id}"

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None and self.cleared_at is None


class CareWording(models.Model):
    """Editable wording for a care tier's advice or a rule's explanation. Whether a rule fires is
    decided in tracker/care/redflags.py and cannot be changed here."""

    key = models.CharField(max_length=60, editable=False)
    # Each language's wording is its own row: rewording one never changes another.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    text = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key", "language"]
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], name="care_wording_per_language")
        ]
        verbose_name = "care prompt wording"

    def __str__(self) -> str:
        return self.key


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


class ShareLink(models.Model):
    """A read-only copy of a person's report for a clinician, opened without logging in. Only a
    hash of its token is kept (tracker.trends.sharing), so a leaked database opens no report."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The report's period: the range chosen, ending on the person's day the link was made.
    range_key = models.CharField(max_length=3)
    end_date = models.DateField()
    include_notes = models.BooleanField(default=False)
    # Set by tracker.trends.sharing.create from the same `now` as expires_at, never a second clock.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Its access log: how often and when it was last opened.
    open_count = models.PositiveIntegerField(default=0)
    last_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(range_key__in=list(RANGES)),
                name="sharelink_range_key",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="sharelink_expires_after_made"
            ),
        ]

    def __str__(self) -> str:
        return f"Share link #{self.pk} of user #{self.user_id}"

    @property
    def range_words(self) -> str:
        return RANGES[self.range_key].words


class OfflineDay(models.Model):
    """A day saved on a phone without a connection and sent later under the id the phone gave
    it (tracker.days.offline): the database holds each id once, so a day sent twice is stored
    once."""

    class Kept(models.TextChoices):
        PHONE = "phone", _("The phone's")
        SERVER = "server", _("The one already saved")

    uuid = models.UUIDField(unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offline_days"
    )
    date = models.DateField()
    saved_at = models.DateTimeField()  # on the phone, by its clock
    received_at = models.DateTimeField(auto_now_add=True)
    kept = models.CharField(max_length=6, choices=Kept.choices)

    def __str__(self) -> str:
        return f"Offline day {self.uuid} of user #{self.user_id}"


class ImportDraft(models.Model):
    """A file's days between the import's preview and its confirmation (tracker.imports.drafts):
    one per person, kept in the database rather than the session, which may live in a shared
    cache (REDIS_URL). Deleted on confirm or cancel, replaced by the next upload, ignored and
    removed once older than drafts.DRAFT_MINUTES, and deleted with the account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_draft"
    )
    source = models.CharField(max_length=20)  # "backhabits-csv", "backhabits-json", ...
    filename = models.CharField(max_length=100, blank=True)
    data = models.JSONField()  # the parsed days and lists, as tracker.imports.days.Parsed.as_json
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Import draft of user #{self.user_id}"
