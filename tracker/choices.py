"""The choices the models store: the one source of each set of names. Kept apart from
tracker.models so the feature packages read them from here and tracker.models imports no
feature package."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.TextChoices):
    """How soon to get care: the NHS's three levels. The one source of the tier names."""

    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent")
    SOON = "soon", _("Soon")


class AgeBand(models.TextChoices):
    """The health profile's age bands: the one source of their names."""

    AGE_16_19 = "16-19", _("16 to 19")
    AGE_20_50 = "20-50", _("20 to 50")
    OVER_50 = "over-50", _("Over 50")


class WaterUnit(models.TextChoices):
    MILLILITRES = "ml", _("Millilitres (ml)")
    US_FLUID_OUNCES = "oz", _("US fluid ounces (fl oz)")


class Posture(models.IntegerChoices):
    SLUMPED = 1, _("Slumped most of the day")
    OFTEN_SLUMPED = 2, _("Often slumped")
    MIXED = 3, _("Mixed")
    MOSTLY_UPRIGHT = 4, _("Mostly upright")
    UPRIGHT_WITH_BREAKS = 5, _("Upright with regular breaks")


class TrackedKind(models.TextChoices):
    PAIN_RELIEF = "relief", _("Pain relief")
    FACTOR = "factor", _("Your own factor")


class Habit(models.TextChoices):
    POSTURE = "posture", _("Posture")
    EXERCISE = "exercise", _("Exercise")
    WATER = "water", _("Water")
    STRESS = "stress", _("Stress")
    DISCOMFORT = "discomfort", _("Discomfort")
    GENERAL = "general", _("General")


class Acknowledgement(models.TextChoices):
    """How a person answered an alert. An emergency or urgent alert takes only GETTING_HELP or
    SPOKEN (or is corrected as ticked by mistake); UNDERSTOOD is for "soon" alerts. CONTACTED
    was the one professional answer before the two were split, and keeps its meaning on old
    rows."""

    GETTING_HELP = "getting_help", _("Getting help now")
    SPOKEN = "spoken", _("Spoken to a professional")
    CONTACTED = "contacted", _("I've contacted a professional")
    UNDERSTOOD = "understood", _("Understood")
