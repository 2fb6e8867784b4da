"""A day's measures: the five numbers a check-in asks for, with their labels, units and how a
value is said in words. The check-in, the trends and the report all read them from here."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker.choices import Posture
from tracker.days import units

# The measures' fields, in the order the form lays them out (the export's columns too).
MEASURE_FIELDS = ("posture", "exercise_minutes", "water_ml", "stress", "discomfort")
# The order the check-in asks in, and a day is described in: how the back is first.
ASKED_ORDER = ("discomfort", "stress", "posture", "exercise_minutes", "water_ml")
# Posture has no personal goal: a good posture day is this or better ("mostly upright").
GOOD_POSTURE_AT_LEAST = 4


@dataclass(frozen=True)
class Measure:
    key: str
    label: str  # lazy: said in the language of the page that shows it
    unit: str
    low: float
    high: float | None  # None: scale to the data
    per_unit: float = 1  # stored units in one shown unit: ml in a US fl oz for water in ounces

    @property
    def heading(self) -> str:
        """A column heading: amounts carry their unit ("Water (fl oz)"), scores do not."""
        if self.unit.startswith("/"):
            return str(self.label)
        # Translators: a column heading, a measure and its unit: "Water (ml)".
        return gettext("%(measure)s (%(unit)s)") % {"measure": self.label, "unit": self.unit}


MEASURES: tuple[Measure, ...] = (
    Measure("discomfort", _("Discomfort"), "/10", 0, 10),
    Measure("posture", _("Posture"), "/5", 1, 5),
    Measure("exercise_minutes", _("Exercise"), "min", 0, None),
    Measure("water_ml", _("Water"), "ml", 0, None),
    Measure("stress", _("Stress"), "/10", 0, 10),
)
MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}


def value_words(name: str, value: int, *, water_unit: str) -> str:
    """One day's logged value in words: "3/10", "4/5, mostly upright", "30 minutes"."""
    if name in {"discomfort", "stress"}:
        return f"{value}/10"
    if name == "posture":
        return gettext("%(value)s/5, %(words)s") % {
            "value": value,
            "words": str(Posture(value).label).lower(),
        }
    if name == "exercise_minutes":
        return ngettext("%(count)s minute", "%(count)s minutes", value) % {
            "count": formats.number_format(value, force_grouping=True)
        }
    return units.format_water(value, water_unit)
