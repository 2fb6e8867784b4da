"""Choosing which tips to show a person, from what they have logged.

Each rule looks at recent logged days and, when it fits, names a habit and says why in words.
Days that were not logged are skipped, never counted as zeros."""

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext

from tracker.choices import Habit
from tracker.dates import day_name
from tracker.kept import Kept
from tracker.links import reverse_once
from tracker.plain import summed_instants
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


# --- the day's choice, worked out once ---------------------------------------------------------
# The choice gives the same answer all day, so it is kept per person and local day under a
# digest of everything it is made from (TipInputs): a day logged or edited, an alert opening or
# closing, a tip dismissed or restored, an editor's change to any tip or section, a new water
# goal, a new day or another language each make a new key, so a kept choice can never be out of
# date. Kept in each
# process's own memory, like the drawn charts: the reasons quote the person's own figures, and
# health data does not travel to a shared cache.
TIP_CACHE = "tips"


@dataclass(frozen=True)
class TipInputs:
    """Everything `choose_tips` reads. The content and dismissal figures stand for rows the
    choice reads whole: saving a tip or section moves the sum of their `updated_at` times, adding
    or deleting one the count or the newest id; a dismissal or a restore moves the person's count
    or newest id (ids only grow)."""

    user_id: int
    today: dt.date
    language: str  # the page's: the reasons are worded in it, and the tips are its rows
    water_goal_ml: int
    red_flag_active: bool
    days: tuple[DayRow, ...]  # the latest logged days, newest first
    content: tuple  # tips: count, newest id, their times saved added up; sections: the same
    dismissed: tuple  # the person's dismissals: count, newest id, sum of ids

    @property
    def cache_key(self) -> str:
        digest = hashlib.sha256(repr(self).encode()).hexdigest()
        return f"tips:{self.user_id}:{self.today.isoformat()}:{self.language}:{digest}"


@functools.cache
def _figures_sql(vendor: str) -> str:
    """SQL for one row: the tips and sections as saved (count, newest tip id, their save times
    added up) and a person's dismissals (count, newest id, sum of ids; the person's id is its
    one parameter). Plain SQL: this runs on every page that shows tips, and compiling the
    ORM's aggregates costs more than the database takes to answer them. Written once per
    database kind (`vendor`, the default connection's)."""
    from tracker.models import GuideSection, Tip, TipDismissal

    tip, section, dismissal = (
        connection.ops.quote_name(model._meta.db_table)
        for model in (Tip, GuideSection, TipDismissal)
    )
    edited = summed_instants("updated_at", vendor=vendor)
    return (
        "SELECT t.n, t.newest, t.edited, s.n, s.edited, d.n, d.newest, d.total FROM "
        f"(SELECT COUNT(*) AS n, MAX(id) AS newest, {edited} AS edited "
        f"FROM {tip}) t "
        f"CROSS JOIN (SELECT COUNT(*) AS n, {edited} AS edited "
        f"FROM {section}) s "
        "CROSS JOIN (SELECT COUNT(*) AS n, MAX(id) AS newest, SUM(id) AS total "
        f"FROM {dismissal} WHERE user_id = %s) d"
    )


def content_and_dismissals(user_id: int | None) -> tuple[tuple, tuple]:
    """What TipInputs keeps of the tips and sections, and of the person's dismissals (None:
    nobody signed in, so none)."""
    with connection.cursor() as cursor:
        cursor.execute(_figures_sql(connection.vendor), [user_id])
        figures = cursor.fetchone()
    return tuple(figures[:5]), tuple(figures[5:8])


def tip_inputs(user, *, today: dt.date, red_flag_active: bool = False) -> TipInputs:
    """Reads what the choice is made from in one query: the figures, and beside each of the
    latest logged days."""
    with connection.cursor() as cursor:
        cursor.execute(
            _inputs_sql(connection.vendor),
            [user.pk, user.pk, connection.ops.adapt_datefield_value(today)],
        )
        rows = cursor.fetchall()
    figures = rows[0]  # on every row; a person with no days gets one row, without a day
    return TipInputs(
        user_id=user.pk,
        today=today,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        water_goal_ml=user.profile.water_goal_ml,
        red_flag_active=red_flag_active,
        days=tuple(_day_row(row[8:]) for row in rows if row[8] is not None),
        content=tuple(figures[:5]),
        dismissed=tuple(figures[5:8]),
    )


@functools.cache
def _inputs_sql(vendor: str) -> str:
    """The figures (_figures_sql), and beside them each of the person's latest logged days up
    to a day: its parameters the person's id twice and the day. Written once per `vendor`."""
    from tracker.models import CheckIn

    quote = connection.ops.quote_name
    day = quote("date")
    return (
        f"SELECT f.*, c.* FROM ({_figures_sql(vendor)}) f "
        f"LEFT JOIN (SELECT {', '.join(map(quote, _DAY_COLUMNS))} "
        f"FROM {quote(CheckIn._meta.db_table)} WHERE user_id = %s AND {day} <= %s "
        f"ORDER BY {day} DESC LIMIT {HYDRATION_WINDOW_DAYS}) c ON 1 = 1 ORDER BY c.{day} DESC"
    )


_DAY_COLUMNS = ("date", "posture", "exercise_minutes", "water_ml", "stress", "discomfort")


def _day_row(values: Sequence) -> DayRow:
    date, *measures = values
    if not isinstance(date, dt.date):  # SQLite hands plain SQL its dates as text
        date = dt.date.fromisoformat(date)
    return DayRow(date, *measures)


def choose_tips(user, inputs: TipInputs) -> list[ChosenTip]:
    from tracker.guide.content import reading_language

    reasons = tip_reasons(
        inputs.days,
        today=inputs.today,
        water_goal_ml=inputs.water_goal_ml,
        red_flag_active=inputs.red_flag_active,
    )
    if not reasons:
        return []
    dismissed_ids, dismissed_keys = dismissals(user.pk)
    available = [
        tip
        for tip in active_tips(reading_language(inputs.language), content=inputs.content)
        if tip.pk not in dismissed_ids
        # "Not for me" is about the tip, not the language it was read in: a built-in tip
        # dismissed in one language is not suggested in another.
        and (tip.builtin_key is None or tip.builtin_key not in dismissed_keys)
        and (tip.safe_beside_alert or not inputs.red_flag_active)
    ]
    return pick_tips(reasons, available, today=inputs.today, user_id=inputs.user_id)


# Each language's active tips, best first, the same for everyone: kept under the figures that
# move with any save of a tip or section (TipInputs.content), so an editor's change is seen on
# the next choice. A few dozen tips a language.
ACTIVE_TIPS = Kept(8)


def active_tips(language: str, *, content: tuple) -> list:
    """The active tips in `language`, the highest priority first, each with its section's title
    and slug (a card shows only those: the section's text stays unread)."""
    from tracker.models import Tip

    def read() -> list:
        return list(
            Tip.objects.filter(is_active=True, language=language)
            .select_related("section")
            .defer("section__body", "section__shipped_digest", "shipped_digest")
            .order_by("-priority", "id")
        )

    return ACTIVE_TIPS.get_or_make((language, content), read)


def dismissals(user_id: int) -> tuple[frozenset[int], frozenset[str]]:
    """The tips the person dismissed: their ids, and the built-in keys among them."""
    from tracker.models import Tip, TipDismissal

    quote = connection.ops.quote_name
    dismissal, tip = quote(TipDismissal._meta.db_table), quote(Tip._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.tip_id, t.builtin_key FROM {dismissal} d "
            f"JOIN {tip} t ON t.id = d.tip_id WHERE d.user_id = %s",
            [user_id],
        )
        rows = cursor.fetchall()
    return frozenset(r[0] for r in rows), frozenset(r[1] for r in rows if r[1] is not None)


def tips_for_user(user, *, today: dt.date, red_flag_active: bool = False) -> list[ChosenTip]:
    """The day's tips for the person: worked out once, then kept until anything it depends on
    changes (TipInputs). With an alert open, only tips safe beside one."""
    return day_choice(user, today=today, red_flag_active=red_flag_active).chosen


class DayChoice:
    """The day's choice of tips for one person: the key it is kept under at once (one query),
    the tips themselves only when asked for. A drawing of them kept under the same key
    (tracker.guide.tip_cards) needs no more than the key, so a page that finds one never reads
    the kept choice back."""

    def __init__(self, user, inputs: TipInputs) -> None:
        self._user = user
        self._inputs = inputs
        self.key = inputs.cache_key

    @functools.cached_property
    def chosen(self) -> list[ChosenTip]:
        cache = caches[TIP_CACHE]
        chosen = cache.get(self.key)
        if chosen is None:
            chosen = choose_tips(self._user, self._inputs)
            cache.set(self.key, chosen)
        return chosen


def day_choice(user, *, today: dt.date, red_flag_active: bool = False) -> DayChoice:
    """The day's choice, kept under a digest of everything it was chosen from (the person, the
    day, their days' figures, the language, the tips as saved and the person's dismissals)."""
    return DayChoice(user, tip_inputs(user, today=today, red_flag_active=red_flag_active))


# --- links on a tip card, worked out once --------------------------------------------------------


def with_links(tips: Iterable) -> list:
    """Sets each tip's card id and its links (read more, not for me, suggest again), so a page of
    cards reverses no URL per card."""
    tips = list(tips)
    for tip in tips:
        tip.card_id = f"tip-{tip.pk}"
        tip.read_more_url = f"{reverse_once('tracker:guide')}#{tip.section.slug}"
        tip.dismiss_url = reverse_once("tracker:dismiss_tip", tip.pk)
        tip.restore_url = reverse_once("tracker:restore_tip", tip.pk)
    return tips
