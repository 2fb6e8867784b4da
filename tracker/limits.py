"""The range of each value a person can enter or set, and the defaults: the one source that
the models' constraints, the forms and the pages read."""

from decimal import Decimal

WATER_ML_MAX = 10_000
WATER_GOAL_ML_MIN = 250  # one glass: a smaller daily goal is a typing slip
EXERCISE_MINUTES_MAX = 1_440
NOTES_MAX_LENGTH = 1_000
TRACKED_NAME_MAX_LENGTH = 40
SLEEP_HOURS_MAX = 16
SLEEP_HALF_HOURS = [Decimal(n) / 2 for n in range(2 * SLEEP_HOURS_MAX + 1)]
DEFAULT_WATER_GOAL_ML = 2_000
DEFAULT_EXERCISE_GOAL_MINUTES = 30
ML_PER_US_FL_OZ = 29.5735
