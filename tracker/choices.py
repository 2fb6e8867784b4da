"""Choices the models store that the domain also reads: the care tiers and the health profile's
age bands. Kept here so tracker.models imports no feature package (tracker.care.redflags reads
them from here)."""

from django.db import models


class Tier(models.TextChoices):
    """How soon to get care: the NHS's three levels. The one source of the tier names."""

    EMERGENCY = "emergency", "Emergency"
    URGENT = "urgent", "Urgent"
    SOON = "soon", "Soon"


class AgeBand(models.TextChoices):
    """The health profile's age bands: the one source of their names."""

    AGE_16_19 = "16-19", "16 to 19"
    AGE_20_50 = "20-50", "20 to 50"
    OVER_50 = "over-50", "Over 50"
