"""A link that opens a read-only copy of a person's report."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from tracker.ranges import RANGES


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
