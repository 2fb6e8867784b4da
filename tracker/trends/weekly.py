"""This calendar week so far against last week, one sentence per measure (the trends page's
"This week"); the words for a value are tracker.trends.insights.format_value."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from tracker.days.measures import MEASURES, Measure
from tracker.trends.insights import format_value
from tracker.trends.series import DayRow, mean


@dataclass(frozen=True)
class WeeklyLine:
    measure: Measure
    this_week: float | None
    last_week: float | None
    sentence: str


def weekly_summary(
    rows: Sequence[DayRow], *, today: dt.date, measures: Sequence[Measure] = MEASURES
) -> list[WeeklyLine]:
    """This calendar week so far (from Monday) against last week, for every measure."""
    this_monday = today - dt.timedelta(days=today.weekday())
    last_monday = this_monday - dt.timedelta(days=7)
    this_rows = [row for row in rows if this_monday <= row.date <= today]
    last_rows = [row for row in rows if last_monday <= row.date < this_monday]
    lines = []
    for measure in measures:
        this_mean = mean(_logged(this_rows, measure.key))
        last_mean = mean(_logged(last_rows, measure.key))
        lines.append(
            WeeklyLine(
                measure, this_mean, last_mean, _weekly_sentence(measure, this_mean, last_mean)
            )
        )
    return lines


def _logged(rows: Sequence[DayRow], key: str) -> list[int]:
    return [value for row in rows if (value := getattr(row, key)) is not None]


def _weekly_sentence(measure: Measure, this_mean: float | None, last_mean: float | None) -> str:
    """Whole sentences, one for each case: amounts are "a day", scores are not."""
    name = measure.label
    if this_mean is None:
        return gettext("%(measure)s: nothing logged this week yet.") % {"measure": name}
    per_day = measure.key in {"water_ml", "exercise_minutes"}
    words = {"measure": name, "value": format_value(measure, this_mean)}
    if last_mean is None:
        if per_day:
            sentence = gettext(
                "%(measure)s averaged %(value)s a day (nothing logged last week to compare)."
            )
        else:
            sentence = gettext(
                "%(measure)s averaged %(value)s (nothing logged last week to compare)."
            )
        return sentence % words
    difference = this_mean - last_mean
    unchanged = round(difference / measure.per_unit) == 0 if per_day else round(difference, 1) == 0
    if unchanged:
        if per_day:
            sentence = gettext("%(measure)s averaged %(value)s a day, the same as last week.")
        else:
            sentence = gettext("%(measure)s averaged %(value)s, the same as last week.")
        return sentence % words
    words["change"] = format_value(measure, abs(difference))
    if difference > 0:
        if per_day:
            sentence = gettext(
                "%(measure)s averaged %(value)s a day, up %(change)s from last week."
            )
        else:
            sentence = gettext("%(measure)s averaged %(value)s, up %(change)s from last week.")
    elif per_day:
        sentence = gettext("%(measure)s averaged %(value)s a day, down %(change)s from last week.")
    else:
        sentence = gettext("%(measure)s averaged %(value)s, down %(change)s from last week.")
    return sentence % words
