"""Streaks: runs of consecutive days checked in, or meeting the water or exercise goal. Away days
freeze every streak and rest days the exercise one; habit strength (tracker.trends.habits) is the
forgiving measure, streaks the familiar one beside it."""

import bisect
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.formats import localize
from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tracker.models import CheckIn
from tracker.trends import habits
from tracker.trends.habits import recent_share
from tracker.trends.insights import DayRow
from tracker.trends.words import language

RECENT_DAYS = 7  # the window of habits.recent_share: the table's "Last 7 days"


@dataclass(frozen=True)
class Streak:
    kind: str
    label: str
    current: int
    longest: int
    recent_done: int = 0  # "5 of the last 7 days": days done ...
    recent_counted: int = 0  # ... of the days that counted (away and rest days do not)
    unbroken: bool = False  # the current run goes back to the first day given: it may go further

    @property
    def recent_words(self) -> str:
        """ "5 of 7" under the table's "Last 7 days": short, and held together by no-break
        spaces, so a phone never wraps it a word a line. Days that did not count are said so,
        beside the share, where the line may break."""
        words = (
            gettext("%(done)s of %(counted)s")
            % {"done": self.recent_done, "counted": self.recent_counted}
        ).replace(" ", "\u00a0")
        if self.recent_counted == RECENT_DAYS:
            return words
        if self.kind == "exercise":
            return gettext("%(share)s (others away or rest days)") % {"share": words}
        return gettext("%(share)s (others away)") % {"share": words}

    @property
    def current_days(self) -> SafeString:
        """ "12 days", the table's "Current" column."""
        return days_words(self.current)

    @property
    def longest_days(self) -> SafeString:
        return days_words(self.longest)


def days_words(count: int) -> SafeString:
    """A run's length in the words the streak table's template sentence gave ("12 days", the
    same message), its number written and escaped as the template wrote it: kept per
    language, as the table asks six times a view."""
    return _days_words_in(count, language(), settings.USE_THOUSAND_SEPARATOR)


@functools.lru_cache(maxsize=2048)
def _days_words_in(count: int, lang: str, grouped: bool) -> SafeString:
    # `lang` and `grouped` are only part of the key: ngettext and localize read them.
    return mark_safe(
        ngettext("%(days)s day", "%(days)s days", count) % {"days": escape(localize(count))}
    )


def runs(dates: Sequence[dt.date], *, frozen: Sequence[dt.date] = ()) -> list[tuple[dt.date, int]]:
    """Runs of consecutive dates as (last date, length), oldest first. Dates must be sorted.
    A frozen date (away, or a rest day for exercise) is skipped: it neither breaks a run nor
    extends it."""
    if not dates:
        return []
    skipped = sorted(day.toordinal() for day in frozen)
    if skipped:
        numbers = [_position(day, skipped) for day in dates]
    else:
        numbers = [day.toordinal() for day in dates]
    breaks = [index for index in range(1, len(numbers)) if numbers[index] != numbers[index - 1] + 1]
    return [
        (dates[end - 1], end - start)
        for start, end in zip([0, *breaks], [*breaks, len(numbers)], strict=True)
    ]


def _position(day: dt.date, skipped: Sequence[int]) -> int:
    """The day's place on a calendar with the frozen days taken out."""
    return day.toordinal() - bisect.bisect_left(skipped, day.toordinal())


def streak_from_runs(
    kind: str,
    last_run: tuple[dt.date, int] | None,
    longest: int,
    *,
    today: dt.date,
    frozen: Sequence[dt.date] = (),
) -> Streak:
    """A run still counts as current when its last day is today or the day before it, frozen
    days apart: today may not be logged yet."""
    current = 0
    skipped = sorted(day.toordinal() for day in frozen)
    if last_run and _position(last_run[0], skipped) >= _position(today, skipped) - 1:
        current = last_run[1]
    return Streak(kind=kind, label=STREAK_LABELS[kind], current=current, longest=longest)


STREAK_LABELS = {
    "checkin": _("Days checked in"),
    "water": _("Days meeting your water goal"),
    "exercise": _("Days meeting your exercise goal"),
}


def streak_dates(
    rows: Sequence[tuple[dt.date, bool, bool]],
) -> dict[str, list[dt.date]]:
    """(date, water goal met, exercise goal met) rows, oldest first, split by streak kind."""
    dates: dict[str, list[dt.date]] = {kind: [] for kind in STREAK_LABELS}
    for date, water_met, exercise_met in rows:
        dates["checkin"].append(date)
        if water_met:
            dates["water"].append(date)
        if exercise_met:
            dates["exercise"].append(date)
    return dates


def compute_streaks(
    dates: dict[str, list[dt.date]],
    *,
    today: dt.date,
    away: frozenset[dt.date] = frozenset(),
    rest_days: frozenset[dt.date] = frozenset(),
    before: "dict[str, Earlier] | None" = None,
    since: dt.date | None = None,
) -> list[Streak]:
    """Away days freeze every streak; rest days freeze the exercise streak. `before` sums up
    each kind's runs over the days before `since` (tracker.trends.earlier), when `dates` are
    only the days from `since` on: together they are the whole history."""
    result = []
    for kind in STREAK_LABELS:
        frozen = away | rest_days if kind == "exercise" else away
        done = [day for day in dates[kind] if day not in frozen] if frozen else dates[kind]
        frozen_sorted = sorted(frozen)
        found = runs(done, frozen=frozen_sorted)
        longest = max((length for _, length in found), default=0)
        if before is not None and since is not None:
            found, longest = _joined(found, before[kind], since=since, frozen=frozen_sorted)
        streak = streak_from_runs(
            kind, found[-1] if found else None, longest, today=today, frozen=frozen_sorted
        )
        recent_done, recent_counted = recent_share(done, frozen=frozen, today=today)
        # Unbroken: the current run reaches back past the days given (never, with `before`).
        unbroken = before is None and 0 < streak.current == len(done)
        result.append(
            Streak(
                streak.kind, streak.label, streak.current, streak.longest,
                recent_done, recent_counted, unbroken,
            )
        )  # fmt: skip
    return result


@dataclass(frozen=True)
class Earlier:
    """One kind's runs over the days before some day: the longest, and the length of the one
    that reaches that day (frozen days after it apart), which a run from that day continues."""

    longest: int
    tail: int


def earlier_runs(
    dates: dict[str, list[dt.date]],
    *,
    end: dt.date,
    away: frozenset[dt.date],
    rest_days: frozenset[dt.date],
) -> dict[str, Earlier]:
    """Each kind's Earlier for the days up to `end`."""
    summed = {}
    for kind in STREAK_LABELS:
        frozen = away | rest_days if kind == "exercise" else away
        done = [day for day in dates[kind] if day not in frozen]
        skipped = sorted(day.toordinal() for day in frozen)
        found = runs(done, frozen=sorted(frozen))
        tail = 0
        # The day after `end` comes right after the last run when every day between is frozen.
        if found and _position(end + ONE_DAY, skipped) == _position(found[-1][0], skipped) + 1:
            tail = found[-1][1]
        summed[kind] = Earlier(max((length for _, length in found), default=0), tail)
    return summed


ONE_DAY = dt.timedelta(days=1)


def _joined(
    found: list[tuple[dt.date, int]], earlier: Earlier, *, since: dt.date, frozen: list[dt.date]
) -> tuple[list[tuple[dt.date, int]], int]:
    """The runs from `since` with the earlier days' tail run in front (as a run ending the day
    before `since`, which every frozen day from `since` on keeps next to a run after them),
    joined to the first run when it starts at `since`; and the longest over both."""
    longest = max([earlier.longest, *(length for _, length in found)])
    if not earlier.tail:
        return found, longest
    skipped = sorted(day.toordinal() for day in frozen if day >= since)
    tail_end = since - ONE_DAY
    if found and _position(found[0][0], skipped) - found[0][1] == _position(tail_end, skipped):
        found = [(found[0][0], found[0][1] + earlier.tail), *found[1:]]
    else:
        found = [(tail_end, earlier.tail), *found]
    return found, max(longest, found[0][1])


# --- loading them ----------------------------------------------------------------------------


def over_whole_history(
    user, *, today: dt.date, away: list[tuple[dt.date, dt.date]]
) -> list[Streak]:
    """Current and longest runs over the whole history: one narrow query on the (user, date)
    index, the goal tests done by the database, then a single pass in Python. A plain cursor
    skips the ORM's per-row work, which dominated with ten years of days. Every saved day is a
    day checked in; a goal not logged is not met (NULL compares as unknown, read as false)."""
    profile = user.profile
    table = CheckIn._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT date, water_ml >= %s, exercise_minutes >= %s, rest_day FROM {table} "
            "WHERE user_id = %s AND date <= %s ORDER BY date",
            [profile.water_goal_ml, profile.exercise_goal_minutes, user.pk, today],
        )
        fetched = cursor.fetchall()
    rows = [(day, bool(water), bool(ex)) for day, water, ex, _rest in fetched]
    first = fetched[0][0] if fetched else today
    return compute_streaks(
        streak_dates(rows),
        today=today,
        away=habits.away_dates(away, start=first, end=today),
        rest_days=frozenset(day for day, _water, _ex, rest in fetched if rest),
    )


def over_loaded(user, rows: list[DayRow], *, today: dt.date, away) -> list[Streak]:
    """The streaks over `rows` alone (oldest first): a run reaching back to the first of them
    is `unbroken`, and may go further back."""
    profile = user.profile
    dates = streak_dates(
        [
            (
                row.date,
                row.water_ml is not None and row.water_ml >= profile.water_goal_ml,
                row.exercise_minutes is not None
                and row.exercise_minutes >= profile.exercise_goal_minutes,
            )
            for row in rows
        ]
    )
    return compute_streaks(
        dates,
        today=today,
        away=habits.away_dates(away, start=rows[0].date if rows else today, end=today),
        rest_days=frozenset(row.date for row in rows if row.rest_day),
    )
