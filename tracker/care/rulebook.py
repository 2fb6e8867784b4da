"""The shapes every red-flag rule shares (tracker.care.redflags holds the rules): what a rule
reads (a person's logged days around the day checked, and their health profile), what it gives
(the evidence for a firing), and the order of the tiers."""

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.choices import Tier

EMERGENCY, URGENT, SOON = Tier.EMERGENCY, Tier.URGENT, Tier.SOON
TIER_RANK = {EMERGENCY: 0, URGENT: 1, SOON: 2}


class DayRecord(NamedTuple):
    """One saved day as the rules read it. A named tuple, not a dataclass: every save reads
    three months of them, and a frozen dataclass takes twice as long to make."""

    date: dt.date
    discomfort: int | None
    symptoms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class HealthFactors:
    age_band: str = ""
    cancer_history: bool = False
    infection_risk: bool = False
    osteoporosis: bool = False
    long_term_steroids: bool = False


@dataclass(frozen=True)
class Evidence:
    date: dt.date
    answers: tuple[str, ...]


@dataclass(frozen=True)
class History:
    """A person's logged days around the day being checked, keyed by date."""

    days: Mapping[dt.date, DayRecord]

    @classmethod
    def from_records(cls, records: Iterable[DayRecord]) -> "History":
        return cls({record.date: record for record in records})

    def recorded(self, first: dt.date, last: dt.date) -> list[DayRecord]:
        """Every saved day from first to last, whatever it logged, oldest first."""
        dates, records = self._in_order
        return records[bisect.bisect_left(dates, first) : bisect.bisect_right(dates, last)]

    def logged(self, first: dt.date, last: dt.date) -> list[DayRecord]:
        """The days from first to last with discomfort logged: what the pain rules count."""
        return [r for r in self.recorded(first, last) if r.discomfort is not None]

    @functools.cached_property
    def _in_order(self) -> tuple[list[dt.date], list[DayRecord]]:
        # Sorted once: a save's rules ask for seven windows of the same three months.
        records = sorted(self.days.values(), key=lambda record: record.date)
        return [record.date for record in records], records


Predicate = Callable[[dt.date, History, HealthFactors], tuple[Evidence, ...] | None]


@dataclass(frozen=True)
class Rule:
    code: str
    tier: str
    predicate: Predicate = field(repr=False)
    is_pattern: bool = False
    # Rules about the same pattern share an episode: acknowledging one quiets the others.
    episode: str = ""

    @property
    def episode_key(self) -> str:
        return self.episode or self.code


@dataclass(frozen=True)
class Firing:
    rule: Rule
    evidence: tuple[Evidence, ...]

    @property
    def anchor_date(self) -> dt.date:
        return max(item.date for item in self.evidence)


def highest_tier(tiers: Iterable[str]) -> str | None:
    ranked = sorted(tiers, key=TIER_RANK.__getitem__)
    return ranked[0] if ranked else None
