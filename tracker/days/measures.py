"""A day's measures: the five numbers a check-in asks for, with their labels, units and how a
value is said in words. The check-in, the trends and the report all read them from here."""

from dataclasses import dataclass

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
    label: str
    unit: str
    low: float
    high: float | None  # None: scale to the data
    per_unit: float = 1  # stored units in one shown unit: ml in a US fl oz for water in ounces

    @property
    def heading(self) -> str:
        """A column heading: amounts carry their unit ("Water (fl oz)"), scores do not."""
        return self.label if self.unit.startswith("/") else f"{self.label} ({self.unit})"


MEASURES: tuple[Measure, ...] = (
    Measure("discomfort", "Discomfort", "/10", 0, 10),
    Measure("posture", "Posture", "/5", 1, 5),
    Measure("exercise_minutes", "Exercise", "min", 0, None),
    Measure("water_ml", "Water", "ml", 0, None),
    Measure("stress", "Stress", "/10", 0, 10),
)
MEASURES_BY_KEY = {measure.key: measure for measure in MEASURES}


def value_words(name: str, value: int, *, water_unit: str) -> str:
    """One day's logged value in words: "3/10", "4/5, mostly upright", "30 minutes"."""
    if name in {"discomfort", "stress"}:
        return f"{value}/10"
    if name == "posture":
        return f"{value}/5, {Posture(value).label.lower()}"
    if name == "exercise_minutes":
        return f"{value} minute{'s' if value != 1 else ''}"
    return units.format_water(value, water_unit)
