"""The choices the models store: the one source of each set of names. Kept apart from
tracker.models so the feature packages read them from here and tracker.models imports no
feature package."""

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


class WaterUnit(models.TextChoices):
    MILLILITRES = "ml", "Millilitres (ml)"
    US_FLUID_OUNCES = "oz", "US fluid ounces (fl oz)"


class Posture(models.IntegerChoices):
    SLUMPED = 1, "Slumped most of the day"
    OFTEN_SLUMPED = 2, "Often slumped"
    MIXED = 3, "Mixed"
    MOSTLY_UPRIGHT = 4, "Mostly upright"
    UPRIGHT_WITH_BREAKS = 5, "Upright with regular breaks"


class TrackedKind(models.TextChoices):
    PAIN_RELIEF = "relief", "Pain relief"
    FACTOR = "factor", "Your own factor"


class Habit(models.TextChoices):
    POSTURE = "posture", "Posture"
    EXERCISE = "exercise", "Exercise"
    WATER = "water", "Water"
    STRESS = "stress", "Stress"
    DISCOMFORT = "discomfort", "Discomfort"
    GENERAL = "general", "General"


class Acknowledgement(models.TextChoices):
    """How a person answered an alert. An emergency or urgent alert takes only GETTING_HELP or
    SPOKEN (or is corrected as ticked by mistake); UNDERSTOOD is for "soon" alerts. CONTACTED
    was the one professional answer before the two were split, and keeps its meaning on old
    rows."""

    GETTING_HELP = "getting_help", "Getting help now"
    SPOKEN = "spoken", "Spoken to a professional"
    CONTACTED = "contacted", "I've contacted a professional"
    UNDERSTOOD = "understood", "Understood"
