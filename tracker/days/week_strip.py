"""Home's last seven days, drawn in Python.

Through the template each day was a dozen nodes (its link, names, state and discomfort in
words), about a tenth of home. The markup is the one templates/tracker/home.html drew, every
value escaped as the template escaped it; tests/views/test_h30_week_strip.py compares both.

A day's item says only its date, how much of it is logged and its discomfort, in the page's
language and under the site's address: the same for everyone who logged that day alike. Each
item is kept in this process under exactly those (DRAWN), so home draws a day once, not on every
view; what it shows of a person is in the key, and a changed day is a new key."""

import functools
from collections.abc import Iterable

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tracker.days.checkins import DaySummary
from tracker.kept import Kept
from tracker.links import page_address

DAYS_SHOWN = 7  # today and the six before it

# A key is a date, one of three states and one of twelve discomforts, per language and address:
# the eight days any home page shows today hold ~600 at the very most, ~200 bytes each.
DRAWN = Kept(2048)


def week_items(days: Iterable[DaySummary]) -> SafeString:
    """One `<li>` per day, newest first: its weekday and date link to its check-in, then its
    discomfort, or how much of it is logged."""
    # Everything an item is drawn in besides its day: what reverse() and the translations read.
    setting = page_address()
    parts = []
    for day in days:
        discomfort = day.checkin.discomfort if day.checkin is not None else None
        key = (setting, day.date, day.state, discomfort)
        draw = functools.partial(_item, day, discomfort)
        parts.append(DRAWN.get_or_draw(key, draw))
    return mark_safe("".join(parts))


def _item(day: DaySummary, discomfort: int | None) -> str:
    state = day.state
    if discomfort is not None:
        # As {% blocktranslate %}: the translation as it is, the value escaped.
        value = gettext("Discomfort %(value)s") % {"value": escape(discomfort)}
    elif state == "partial":
        value = escape(gettext("Partly logged"))
    else:
        value = escape(gettext("Not logged"))
    aside = ""
    if state == "partial" and discomfort is not None:
        partly_also = escape(gettext(", partly logged"))  # (makemessages reads no f-string)
        aside = f' <span class="visually-hidden">{partly_also}</span>'
    # Spaces between the spans, as the template had: a screen reader reads the link's name as
    # words ("Mon 30 Nov Discomfort 3"), not run together.
    return (
        f'<li class="day day-{escape(state)}"><a href="{escape(day.url)}">'
        f'<span class="day-name">{escape(day.weekday)}</span> '
        f'<span class="day-date">{escape(day.day_month)}</span> '
        f'<span class="day-value">{value}</span>{aside}</a></li>'
    )
