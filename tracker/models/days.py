"""A recorded day (CheckIn) and what a day can hold, a person's own lists (TrackedItem), time
away (AwayPeriod), days sent from a phone that was offline (OfflineDay) and a file's days
waiting to be imported (ImportDraft)."""

import functools
import operator

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.choices import Posture, TrackedKind
from tracker.limits import (
    EXERCISE_MINUTES_MAX,
    NOTES_MAX_LENGTH,
    SLEEP_HALF_HOURS,
    TRACKED_NAME_MAX_LENGTH,
    WATER_ML_MAX,
)

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
