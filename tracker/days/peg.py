"""The PEG scale: three questions about the past week's pain, a recognised score a clinician
reads (Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, a
three-item scale assessing pain intensity and interference. J Gen Intern Med 2009;24:733-738).

The score is the mean of the three answers (each 0 to 10), to one decimal. A change of 30% or
more from one score to a later one is marked as meaningful: the threshold used in the PEG's
validation, and the moderately important change in Ostelo et al., Spine 2008."""

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

SOURCE = (
    "Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, a "
    "three-item scale assessing pain intensity and interference. J Gen Intern Med. "
    "2009;24(6):733-738."
)
OFFER_AFTER_DAYS = 7
ANSWER_MIN, ANSWER_MAX = 0, 10
MEANINGFUL_CHANGE = Fraction(30, 100)
# How the pages word the threshold: "30%".
MEANINGFUL_CHANGE_PERCENT = int(MEANINGFUL_CHANGE * 100)


@dataclass(frozen=True)
class Question:
    field: str
    text: str  # lazy, as the three below: said in the page's language
    low: str
    high: str


QUESTIONS = (
    Question(
        "peg_pain",
        _("What number best describes your pain on average in the past week?"),
        _("0 no pain"),
        _("10 pain as bad as you can imagine"),
    ),
    Question(
        "peg_enjoyment",
        _(
            "What number best describes how, during the past week, pain has interfered with "
            "your enjoyment of life?"
        ),
        _("0 does not interfere"),
        _("10 completely interferes"),
    ),
    Question(
        "peg_activity",
        _(
            "What number best describes how, during the past week, pain has interfered with "
            "your general activity?"
        ),
        _("0 does not interfere"),
        _("10 completely interferes"),
    ),
)


def due(last_answered: dt.date | None, *, today: dt.date) -> bool:
    """Offered again once 7 days have passed since the last answers (or never answered)."""
    return last_answered is None or (today - last_answered).days >= OFFER_AFTER_DAYS


def score(pain: int, enjoyment: int, activity: int) -> Decimal:
    """The mean of the three answers, to one decimal (halves rounded up)."""
    return score_from_total(pain + enjoyment + activity)


def score_from_total(total: int) -> Decimal:
    """The same score from the three answers added up (what the trends query reads)."""
    return (Decimal(total) / 3).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Change:
    """From one PEG to a later one, judged on the exact means (the three answers' totals), not
    on the scores rounded for reading: 6.7 to 4.7 is a change of exactly 30%."""

    first_total: int
    latest_total: int

    @property
    def first(self) -> Decimal:
        return score_from_total(self.first_total)

    @property
    def latest(self) -> Decimal:
        return score_from_total(self.latest_total)

    @property
    def points(self) -> Decimal:
        """In the scores as read, so first + points = latest on the page."""
        return self.latest - self.first

    @property
    def _share(self) -> Fraction | None:
        if self.first_total == 0:
            return None
        return Fraction(self.latest_total - self.first_total, self.first_total)

    @property
    def percent(self) -> int | None:
        """The change as a whole percent of the first score; None from a first score of 0."""
        return None if self._share is None else round(100 * self._share)

    @property
    def meaningful(self) -> bool:
        """30% or more either way. From a first score of 0 no share can be taken, so no change
        there is marked."""
        return self._share is not None and abs(self._share) >= MEANINGFUL_CHANGE


def change(totals: list[int]) -> Change | None:
    """From the first PEG (the three answers added up) to the latest, when there are two or
    more."""
    if len(totals) < 2:
        return None
    return Change(totals[0], totals[-1])
