"""Care alerts (a red flag that fired for a person) and the editable wording of care advice."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from tracker.choices import Acknowledgement, Tier

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
