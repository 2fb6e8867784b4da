"""Home's last seven days, drawn in Python.

Through the template each day was a dozen nodes (its link, names, state and discomfort in
words), about a tenth of home. The markup is the one templates/tracker/home.html drew, every
value escaped as the template escaped it; tests/views/test_h30_week_strip.py compares both."""

from collections.abc import Iterable

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from tracker.days.checkins import DaySummary


def week_items(days: Iterable[DaySummary]) -> SafeString:
    """One `<li>` per day, newest first: its weekday and date link to its check-in, then its
    discomfort, or how much of it is logged."""
    # The words every day shares, looked up once a page.
    partly, not_logged = escape(gettext("Partly logged")), escape(gettext("Not logged"))
    partly_also = escape(gettext(", partly logged"))  # (makemessages reads no f-string)
    partly_aside = f'<span class="visually-hidden">{partly_also}</span>'
    discomfort_words = gettext("Discomfort %(value)s")
    parts = []
    for day in days:
        state = day.state
        discomfort = day.checkin.discomfort if day.checkin is not None else None
        if discomfort is not None:
            # As {% blocktranslate %}: the translation as it is, the value escaped.
            value = discomfort_words % {"value": escape(discomfort)}
        else:
            value = partly if state == "partial" else not_logged
        aside = partly_aside if state == "partial" and discomfort is not None else ""
        parts.append(
            # Spaces between the spans, as the template had: a screen reader reads the
            # link's name as words ("Mon 30 Nov Discomfort 3"), not run together.
            f'<li class="day day-{escape(state)}"><a href="{escape(day.url)}">'
            f'<span class="day-name">{escape(day.weekday)}</span> '
            f'<span class="day-date">{escape(day.day_month)}</span> '
            f'<span class="day-value">{value}</span>{" " if aside else ""}{aside}</a></li>'
        )
    return mark_safe("".join(parts))
