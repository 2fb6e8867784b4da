"""The day's choice of tips for a person, worked out once.

The choice gives the same answer all day, so it is kept per person and local day under a digest
of everything it is made from (TipInputs): a day logged or edited, an alert opening or closing, a
tip dismissed or restored, an editor's change to any tip or section, a new water goal, a new day
or another language each make a new key, so a kept choice can never be out of date. Kept in each
process's own memory, like the drawn charts: the reasons quote the person's own figures, and
health data does not travel to a shared cache. The rules that make the choice are in
tracker.guide.tips."""

import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import translation

from tracker.guide.tips import HYDRATION_WINDOW_DAYS, ChosenTip, pick_tips, tip_reasons
from tracker.kept import Kept
from tracker.plain import instants_stamp, stamp
from tracker.trends.insights import DayRow

TIP_CACHE = "tips"


@dataclass(frozen=True)
class TipInputs:
    """Everything `choose_tips` reads. The content and dismissal figures stand for rows the
    choice reads whole: saving a tip or section moves the stamp of their `updated_at` times, adding
    or deleting one the count or the newest id; a dismissal or a restore moves the person's count
    or newest id (ids only grow)."""

    user_id: int
    today: dt.date
    language: str  # the page's: the reasons are worded in it, and the tips are its rows
    water_goal_ml: int
    red_flag_active: bool
    days: tuple[DayRow, ...]  # the latest logged days, newest first
    content: tuple  # tips: count, newest id, the stamp of their save times; sections: the same
    dismissed: tuple  # the person's dismissals: count, newest id, sum of ids

    @property
    def cache_key(self) -> str:
        digest = hashlib.sha256(repr(self).encode()).hexdigest()
        return f"tips:{self.user_id}:{self.today.isoformat()}:{self.language}:{digest}"


@functools.cache
def _figures_sql(vendor: str) -> str:
    """SQL for one row: the tips and sections as saved (count, newest tip id, the stamp of their
    save times: tracker.plain.instants_stamp) and a person's dismissals (count, newest id, sum
    of ids; the person's id is its one parameter). Plain SQL: this runs on every page that
    shows tips, and compiling the ORM's aggregates costs more than the database takes to
    answer them. Written once per database kind (`vendor`, the default connection's)."""
    from tracker.models import GuideSection, Tip, TipDismissal

    tip, section, dismissal = (
        connection.ops.quote_name(model._meta.db_table)
        for model in (Tip, GuideSection, TipDismissal)
    )
    edited = instants_stamp("updated_at", vendor=vendor)
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
    return _content(figures), tuple(figures[5:8])


def _content(figures: Sequence) -> tuple:
    """The tips' and sections' figures of a row of _figures_sql, their save times' stamps as
    kept keys hold them (tracker.plain.stamp)."""
    tips, newest, tips_saved, sections, sections_saved = figures[:5]
    return (tips, newest, stamp(tips_saved), sections, stamp(sections_saved))


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
        content=_content(figures),
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
