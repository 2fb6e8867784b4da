"""Choosing which tips to show a person, from what they have logged.

Each rule looks at recent logged days and, when it fits, names a habit and says why in words.
Days that were not logged are skipped, never counted as zeros."""

import copy
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from django.utils.translation import gettext, gettext_lazy, ngettext

from tracker.choices import Habit
from tracker.dates import day_name
from tracker.links import reverse_once
from tracker.trends.insights import DayRow

MAX_TIPS_SHOWN = 3
HYDRATION_WINDOW_DAYS = 7  # the last 7 logged days ...
HYDRATION_MISSES = 3  # ... with water under goal on at least 3 of them
POSTURE_WINDOW_DAYS = 3  # the last 3 logged days ...
POSTURE_LOW = 2  # ... with posture at or below 2 ...
POSTURE_LOW_DAYS = 2  # ... on at least 2 of them
STRESS_HIGH = 7  # the latest logged day's stress at or above this
STRESS_RECENT_DAYS = 2  # and that day no older than yesterday
DISCOMFORT_WINDOW_DAYS = 7  # calendar days looked at for a rising trend
DISCOMFORT_MIN_POINTS = 4  # logged days needed in that window to call it a trend
DISCOMFORT_RISE_PER_DAY = Fraction(1, 5)  # least-squares slope; about 1.4 points over a week
NO_EXERCISE_DAYS = 3  # the last 3 logged days all with 0 minutes
GETTING_STARTED_DAYS = 3  # fewer logged days than this: a getting-started tip
# While a care alert is open, only tips marked safe beside one are chosen (Tip.safe_beside_alert:
# nothing that moves, stretches, loads or cracks the back), led by one for the appointment.
ALERT_OPEN_REASON = gettext_lazy("A care alert is open: these may help until you have been seen.")


@dataclass(frozen=True)
class TipReason:
    habit: str
    reason: str


@dataclass(frozen=True)
class ChosenTip:
    tip: object  # a tracker.models.Tip
    reason: str


def _fmt(day: dt.date) -> str:
    return day_name(day)


def _logging(days: Sequence[DayRow], key: str) -> list[DayRow]:
    """The days, newest first, that logged this measure: a day without it is no evidence."""
    return [day for day in days if getattr(day, key) is not None]


def hydration_reason(days: Sequence[DayRow], *, water_goal_ml: int) -> TipReason | None:
    window = _logging(days, "water_ml")[:HYDRATION_WINDOW_DAYS]
    misses = sum(1 for day in window if day.water_ml < water_goal_ml)
    if misses < HYDRATION_MISSES:
        return None
    return TipReason(
        Habit.WATER,
        ngettext(
            "Your water was under your goal on %(misses)s of the last %(days)s day you logged.",
            "Your water was under your goal on %(misses)s of the last %(days)s days you logged.",
            len(window),
        )
        % {"misses": misses, "days": len(window)},
    )


def posture_reason(days: Sequence[DayRow]) -> TipReason | None:
    window = _logging(days, "posture")[:POSTURE_WINDOW_DAYS]
    low = sum(1 for day in window if day.posture <= POSTURE_LOW)
    if low < POSTURE_LOW_DAYS:
        return None
    return TipReason(
        Habit.POSTURE,
        ngettext(
            "Your posture was %(level)s or lower on %(low)s of the last %(days)s day you logged.",
            "Your posture was %(level)s or lower on %(low)s of the last %(days)s days you logged.",
            len(window),
        )
        % {"level": POSTURE_LOW, "low": low, "days": len(window)},
    )


def stress_reason(days: Sequence[DayRow], *, today: dt.date) -> TipReason | None:
    logged = _logging(days, "stress")
    if not logged:
        return None
    latest = logged[0]
    if latest.stress < STRESS_HIGH or (today - latest.date).days >= STRESS_RECENT_DAYS:
        return None
    if latest.date == today:
        reason = gettext("You logged stress of %(level)s out of 10 today.")
    else:
        reason = gettext("You logged stress of %(level)s out of 10 yesterday.")
    return TipReason(Habit.STRESS, reason % {"level": latest.stress})


def _slope(points: Sequence[tuple[int, int]]) -> Fraction:
    """Least-squares slope, exact, so a value on the threshold is judged the same every time."""
    count = len(points)
    mean_x = Fraction(sum(x for x, _ in points), count)
    mean_y = Fraction(sum(y for _, y in points), count)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return Fraction(0)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def discomfort_reason(days: Sequence[DayRow], *, today: dt.date) -> TipReason | None:
    first = today - dt.timedelta(days=DISCOMFORT_WINDOW_DAYS - 1)
    window = sorted(
        (day for day in _logging(days, "discomfort") if day.date >= first), key=lambda d: d.date
    )
    if len(window) < DISCOMFORT_MIN_POINTS:
        return None
    points = [((day.date - first).days, day.discomfort) for day in window]
    if _slope(points) < DISCOMFORT_RISE_PER_DAY:
        return None
    return TipReason(
        Habit.DISCOMFORT,
        gettext("Your discomfort has gone from %(first)s to %(last)s over the last %(days)s days.")
        % {
            "first": window[0].discomfort,
            "last": window[-1].discomfort,
            "days": DISCOMFORT_WINDOW_DAYS,
        },
    )


def exercise_reason(days: Sequence[DayRow]) -> TipReason | None:
    window = _logging(days, "exercise_minutes")[:NO_EXERCISE_DAYS]
    if len(window) < NO_EXERCISE_DAYS or any(day.exercise_minutes > 0 for day in window):
        return None
    return TipReason(
        Habit.EXERCISE,
        gettext("You logged no exercise on your last %(days)s check-ins.")
        % {"days": NO_EXERCISE_DAYS},
    )


def tip_reasons(
    days: Sequence[DayRow], *, today: dt.date, water_goal_ml: int, red_flag_active: bool = False
) -> list[TipReason]:
    """`days` are the person's latest saved days, newest first; each rule reads only the days
    that logged what it looks at."""
    if len(days) < GETTING_STARTED_DAYS:
        reasons = [TipReason(Habit.GENERAL, gettext("A tip for your first days with backhabits."))]
    else:
        candidates = [
            discomfort_reason(days, today=today),
            stress_reason(days, today=today),
            posture_reason(days),
            hydration_reason(days, water_goal_ml=water_goal_ml),
            exercise_reason(days),
        ]
        reasons = [reason for reason in candidates if reason is not None]
        if not reasons:
            reasons = [TipReason(Habit.GENERAL, gettext("Your habits are on track: keep it up."))]
    if red_flag_active:
        others = [reason for reason in reasons if reason.habit != Habit.GENERAL]
        reasons = [TipReason(Habit.GENERAL, str(ALERT_OPEN_REASON)), *others]
    return reasons


def pick_tips(
    reasons: Iterable[TipReason], tips: Sequence, *, today: dt.date, user_id: int
) -> list[ChosenTip]:
    """One tip per reason, most pressing reason first, at most MAX_TIPS_SHOWN. `tips` are the
    tips this person may be shown, best first; the day and the person choose among several that
    fit, so the tip shown rotates daily. A reason with no fitting tip is passed over."""
    chosen = []
    for reason in reasons:
        fitting = [tip for tip in tips if tip.habit == reason.habit]
        if fitting:
            tip = fitting[(today.toordinal() + user_id) % len(fitting)]
            chosen.append(ChosenTip(tip=tip, reason=reason.reason))
        if len(chosen) == MAX_TIPS_SHOWN:
            break
    return chosen


# --- links on a tip card, worked out once --------------------------------------------------------


def with_links(tips: Iterable) -> list:
    """Copies of the tips, each with its card id and its links (read more, not for me, suggest
    again), so a page of cards reverses no URL per card. Copies: the tips may be the ones kept
    for every request (day_choice.ACTIVE_TIPS), whose links would otherwise be the last page's,
    under whatever prefix it was drawn."""
    linked = []
    for tip in tips:
        tip = copy.copy(tip)
        tip.card_id = f"tip-{tip.pk}"
        tip.read_more_url = f"{reverse_once('tracker:guide')}#{tip.section.slug}"
        tip.dismiss_url = reverse_once("tracker:dismiss_tip", tip.pk)
        tip.restore_url = reverse_once("tracker:restore_tip", tip.pk)
        linked.append(tip)
    return linked


def chosen_with_links(chosen: Sequence[ChosenTip]) -> list[ChosenTip]:
    """The day's chosen tips, each tip with its links (with_links)."""
    linked = with_links(chosen_tip.tip for chosen_tip in chosen)
    return [replace(chosen_tip, tip=tip) for chosen_tip, tip in zip(chosen, linked, strict=True)]
