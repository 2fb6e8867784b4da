"""Discomfort with each of a person's own tracked items (a pain relief, a factor of their own)
against without it, the same day and the day after, compared as the habits are
(tracker.trends.insights). Pure functions over the range's rows."""

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from tracker.trends.insights import Comparison, Insight
from tracker.trends.series import DayRow, mean


@dataclass(frozen=True)
class Tag:
    """A pain relief or an own factor: the days it was ticked, and since when it could be."""

    title: str  # "Ibuprofen, pain relief you used"
    since: dt.date
    days: frozenset[dt.date]
    until: dt.date | None = None  # retired then: the days after could not have ticked it


def tag_insights(rows: Sequence[DayRow], tags: Sequence[Tag]) -> list[Insight]:
    """Discomfort on days with each tag against days without (saved days while the tag was
    on the person's list), the same day and the day after, under the same rules as the
    habits. Costs the ticked days of each tag, not the whole range: a person may have
    eighteen of them."""
    saved = [row.date for row in rows]
    discomfort = {row.date: row.discomfort for row in rows}
    same_day = RunningSums([(day, discomfort[day]) for day in saved])
    next_day = RunningSums([(day, discomfort.get(day + ONE_DAY)) for day in saved])
    return tag_comparisons(tags, same_day, next_day)


def tag_comparisons(
    tags: Sequence[Tag], same_day: "RunningSums", next_day: "RunningSums"
) -> list[Insight]:
    """tag_insights from the range's discomfort sums, the same day's and the day after's."""
    found = []
    for tag in tags:
        comparisons = []
        for sums in (same_day, next_day):
            # The tag's days that have a value (the sums hold logged values only): a look-up
            # for each of the tag's days (an intersection with the sums' days built a set of
            # the whole range's, twice for each of up to eighteen tags, on every first view).
            with_values = [value for value in map(sums.value.get, tag.days) if value is not None]
            total, count = sums.between(tag.since, tag.until)
            rest = count - len(with_values)
            comparisons.append(
                Comparison(
                    mean(with_values),
                    len(with_values),
                    (total - sum(with_values)) / rest if rest else None,
                    rest,
                )
            )
        found.append(Insight(tag.title, tag.title, *comparisons, words=("with it", "without it")))
    return found


ONE_DAY = dt.timedelta(days=1)


class RunningSums:
    """Running totals of the logged values, oldest first, so "every day since X" is a lookup.
    Sorted here, whatever order the rows came in (rows from the database already are: cheap)."""

    def __init__(self, pairs: list[tuple[dt.date, int | None]]) -> None:
        logged = sorted((day, value) for day, value in pairs if value is not None)
        self.value = dict(logged)
        self.days = [day for day, _ in logged]
        self.totals = [0, *accumulate(value for _, value in logged)]

    def plus(self, day: dt.date, value: int | None) -> "RunningSums":
        """These sums and one more day's value, a day after all of theirs (the sums of the
        days before today kept, and today's added: tracker.trends.before_today)."""
        if value is None:
            return self
        if self.days and day <= self.days[-1]:
            raise ValueError(f"{day} is not after {self.days[-1]}")
        more = RunningSums([])
        more.value = {**self.value, day: value}
        more.days = [*self.days, day]
        more.totals = [*self.totals, self.totals[-1] + value]
        return more

    def between(self, first: dt.date, last: dt.date | None) -> tuple[int, int]:
        """(total, count) of the logged values from `first` to `last` (None: to the end)."""
        start = bisect.bisect_left(self.days, first)
        end = len(self.days) if last is None else bisect.bisect_right(self.days, last)
        end = max(start, end)
        return self.totals[end] - self.totals[start], end - start
