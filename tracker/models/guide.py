"""The guide's sections, its tips and a person's "not for me" on a tip."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from tracker.choices import Habit


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
    # What tracker.guide.loading last loaded into a built-in section; empty for an editor's own.
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
    # What tracker.guide.loading last loaded into a built-in tip; empty for an editor's own.
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
