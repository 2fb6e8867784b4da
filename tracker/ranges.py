"""The periods the trends page, the report and a share link cover: one list, with each period's
length, its button label and how a sentence names it, so no page words a period on its own."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Range:
    key: str  # in the address (?range=90) and stored on a share link
    days: int | None  # None: from the first logged day
    # Both lazy: said in the language of the page that shows them.
    label: str  # on its button: "1 year"
    words: str  # inside a sentence: "Discomfort, last 365 days"


RANGES: dict[str, Range] = {
    period.key: period
    for period in (
        Range("7", 7, _("7 days"), _("last 7 days")),
        Range("30", 30, _("30 days"), _("last 30 days")),
        Range("90", 90, _("90 days"), _("last 90 days")),
        Range("365", 365, _("1 year"), _("last 365 days")),
        Range("all", None, pgettext_lazy("range", "All"), _("all days")),
    )
}
DEFAULT_RANGE = "30"
REPORT_RANGE = "90"  # what a clinician usually asks about
ALL = "all"


def parse_range(value: str | None, *, default: str = DEFAULT_RANGE) -> str:
    """A range key from the address, or the default for anything else typed there."""
    return value if value in RANGES else default


def range_words(range_key: str) -> str:
    return RANGES[range_key].words


def range_start(range_key: str, *, today: dt.date, first_logged: dt.date | None) -> dt.date:
    days = RANGES[range_key].days
    if days is None:
        return min(first_logged or today, today)
    return today - dt.timedelta(days=days - 1)
