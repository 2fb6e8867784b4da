"""A day in a few lines (checkins.DayDescription): what was logged and what was not, drawn in
Python for home's today card and the page after a check-in.

The markup is the one templates/tracker/partials/day_summary.html drew, every value escaped as
the template escaped it; tests/test_day_summary.py compares both."""

from collections.abc import Iterable

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

from tracker.days.checkins import DayDescription


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    return "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in pairs
    )


def _wide(term: str, detail: str) -> str:
    return f'<div class="day-summary-wide"><dt>{escape(term)}</dt><dd>{detail}</dd></div>'


def day_summary_html(summary: DayDescription, *, hide_totals: bool = False) -> SafeString:
    """The day's answers as a list of terms; `hide_totals` where water and exercise are shown
    against their goals. Then what was not logged."""
    logged = _pairs(summary.besides_totals if hide_totals else summary.logged)
    rest = symptoms = notes = missing = ""
    if summary.rest_day:
        rest = _wide(gettext("Rest day"), escape(gettext("Yes: exercise paused for the day")))
    if summary.symptoms:
        symptoms = _wide(gettext("Symptoms"), "; ".join(escape(s) for s in summary.symptoms))
    if summary.notes:
        notes = _wide(gettext("Notes"), escape(Truncator(summary.notes).chars(120)))
    if summary.missing:
        # As {% blocktranslate %} wrote it: the list escaped, lowered and capitalised, put in
        # the sentence as it is.
        listed = capfirst(", ".join(escape(name) for name in summary.missing).lower())
        sentence = gettext("Not logged: %(missing)s.")  # (makemessages reads no f-string)
        missing = f'<p class="small day-missing">{sentence % {"missing": listed}}</p>'
    return mark_safe(
        '\n<dl class="day-summary">\n'
        f"  {logged}\n"
        f"  {_pairs(summary.more)}\n"
        f"  {rest}\n"
        f"  {symptoms}\n"
        f"  {notes}\n"
        "</dl>\n"
        f"{missing}\n"
    )
