"""The range's sleep: nights with hours logged, their average, and how often back pain woke the
person. Whole-number sums, so two stretches of days add up (tracker.trends.whole)."""

from collections.abc import Sequence
from dataclasses import dataclass

from tracker.trends.series import DayRow


@dataclass(frozen=True)
class SleepSummary:
    nights: int  # nights with hours logged
    average_hours: float | None
    answered: int  # nights with "Back pain woke me" answered, yes or no
    woken: int


def sleep_summary(rows: Sequence[DayRow]) -> SleepSummary:
    return sleep_from(sleep_sums(rows))


def sleep_sums(rows: Sequence[DayRow]) -> tuple[int, int, int, int]:
    """(nights with hours logged, their half hours, nights "woke me" was answered, woken):
    whole numbers, so two stretches of days add up."""
    half_hours = [row.sleep_half_hours for row in rows if row.sleep_half_hours is not None]
    woken = [row.woke_from_pain for row in rows if row.woke_from_pain is not None]
    return len(half_hours), sum(half_hours), len(woken), sum(woken)


def sleep_from(sums: Sequence[int]) -> SleepSummary:
    nights, half_hours, answered, woken = sums
    return SleepSummary(nights, half_hours / 2 / nights if nights else None, answered, woken)
