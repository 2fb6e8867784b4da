"""Writing and reading a person's days.

`record_day` is the one way a day changes: the check-in form, the water buttons and anything
later call it. It saves the change and runs the red-flag check in one transaction, so a day is
never saved without its care alerts. Any non-empty part of a day is a valid day; a value not
given is stored as NULL ("not logged"), never as 0."""

import datetime as dt
import functools
from collections import namedtuple
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tracker import plain
from tracker.care import prompts, redflags
from tracker.dates import day_as
from tracker.days import units
from tracker.days.measures import MEASURE_FIELDS
from tracker.limits import WATER_ML_MAX
from tracker.links import reverse_once
from tracker.models import DAY_CONTENT_FIELDS, CheckIn, any_given_q, is_given

# The check-in's "More" section, besides the ticked items (`item_ids`, shown as two lists).
MORE_FIELDS = ("sleep_hours", "woke_from_pain")
DAY_FIELDS = (*MEASURE_FIELDS, "symptoms", "notes", "rest_day", *MORE_FIELDS)
# A full day: the three daily habits and how the back is. Stress is asked for, not required.
FULL_DAY_MEASURES = ("posture", "exercise_minutes", "water_ml", "discomfort")
# What "Same as yesterday" copies: habits only, never how the person feels.
COPIED_HABITS = ("posture", "exercise_minutes", "water_ml")
# tracker.care.redflags reads these fields of a day and nothing else.
RED_FLAG_FIELDS = frozenset({"discomfort", "symptoms"})
# A day counts as checked in once something besides water taps is logged: a tap in the morning
# should not silence the evening's reminder to say how the back is.
CHECKED_IN_FIELDS = tuple(name for name in DAY_CONTENT_FIELDS if name != "water_ml")
CHECKED_IN = any_given_q(CHECKED_IN_FIELDS)


class WaterLimitReached(Exception):
    pass


@dataclass(frozen=True)
class DayChange:
    """What one request says about a day.

    `values` replaces those fields (None: not logged); fields not named are left alone.
    `symptoms_added` joins the day's symptoms and never removes one. `water_seen_ml` is the
    water total the form showed, so taps made meanwhile are kept. `water_tap_ml` adds a tap;
    `undo_water_tap` takes back one tap, the latest not yet taken back."""

    values: Mapping[str, object] = field(default_factory=dict)
    symptoms_added: tuple[str, ...] = ()
    water_seen_ml: int | None = None
    water_tap_ml: int = 0
    undo_water_tap: bool = False

    @property
    def touches_red_flags(self) -> bool:
        return bool(self.symptoms_added) or not RED_FLAG_FIELDS.isdisjoint(self.values)


@dataclass(frozen=True)
class SavedDay:
    checkin: CheckIn | None  # None when the change left the day empty, so it was removed
    firings: list[redflags.Firing]  # rules that fired and are open alerts now, most urgent first
    goals_reached: tuple[str, ...] = ()  # "water", "exercise": reached by this change, not before


def record_day(*, user, date: dt.date, today: dt.date, change: DayChange) -> SavedDay:
    with transaction.atomic():
        # The day as stored, locked until the change is saved: read once, it is both what the
        # change applies to and what "goal reached by this change" compares with.
        current = stored_day(user, date, lock=True)
        before = (
            {"water_ml": current.water_ml, "exercise_minutes": current.exercise_minutes}
            if current
            else {}
        )
        if change.water_tap_ml:
            checkin = _add_water(
                user=user, date=date, amount_ml=change.water_tap_ml, current=current
            )
        elif change.undo_water_tap:
            checkin = _undo_water_tap(current, tap_ml=units.quick_add_ml(user.profile.water_unit))
        else:
            checkin = _apply(user=user, date=date, change=change, current=current)
        firings = []
        if change.touches_red_flags:
            firings = prompts.check_day(user=user, date=date, today=today)
    return SavedDay(
        checkin=checkin,
        firings=firings,
        goals_reached=_goals_reached(before, checkin, profile=user.profile),
    )


def _goals_reached(before: dict, after: CheckIn | None, *, profile) -> tuple[str, ...]:
    """The goals this change reached: met now and not before, so it is said once."""
    if after is None:
        return ()
    goals = {"water": ("water_ml", profile.water_goal_ml),
             "exercise": ("exercise_minutes", profile.exercise_goal_minutes)}  # fmt: skip
    return tuple(
        name
        for name, (field, goal) in goals.items()
        if (getattr(after, field) or 0) >= goal > (before.get(field) or 0)
    )


def _apply(*, user, date: dt.date, change: DayChange, current: CheckIn | None) -> CheckIn | None:
    """`current` is the day as stored, read under the lock (None: not stored yet)."""
    checkin = current
    values = dict(change.values)
    if "water_ml" in values:
        values["water_ml"] = _water_keeping_taps(
            typed=values["water_ml"],
            seen=change.water_seen_ml,
            stored=checkin.water_ml if checkin else None,
        )
        if checkin is None or values["water_ml"] != checkin.water_ml:
            values["water_last_tap_ml"] = None  # a typed total replaces the taps
    if "symptoms" in values:
        values["symptoms"] = list(values["symptoms"] or [])
    if change.symptoms_added:
        before = list(values.get("symptoms", checkin.symptoms if checkin else []))
        values["symptoms"] = before + [c for c in change.symptoms_added if c not in before]
    if checkin is None:
        checkin = CheckIn(user=user, date=date)
    for name, value in values.items():
        setattr(checkin, name, value)
    if is_empty(checkin):
        if checkin.pk:
            checkin.delete()
        return None
    if checkin.pk:
        plain.save_stored(checkin)
    else:
        try:
            with transaction.atomic():
                checkin.save(force_insert=True)
        except IntegrityError:
            if not CheckIn.objects.filter(user=user, date=date).exists():
                raise
            # A water tap created the day a moment ago: apply this change on top of it.
            stored = CheckIn.objects.select_for_update().filter(user=user, date=date).first()
            return _apply(user=user, date=date, change=change, current=stored)
    return checkin


def _water_keeping_taps(*, typed: int | None, seen: int | None, stored: int | None) -> int | None:
    """Water taps made elsewhere after the form was shown are added to what was typed."""
    if seen is None or stored is None or stored == seen:
        return typed
    return max(0, min(WATER_ML_MAX, (typed or 0) + stored - seen))


def _add_water(*, user, date: dt.date, amount_ml: int, current: CheckIn | None) -> CheckIn:
    """Adds water in the database (an F expression), so simultaneous taps all count. The day
    keeps the sum of its taps since its water was last typed (`water_last_tap_ml`): what Undo
    can take back, one tap at a time."""
    if amount_ml > WATER_ML_MAX:
        raise WaterLimitReached
    checkin, created = current, False
    if current is None:
        checkin, created = CheckIn.objects.get_or_create(
            user=user, date=date, defaults={"water_ml": amount_ml, "water_last_tap_ml": amount_ml}
        )
    if not created:
        # One plain statement that adds and reads back (a tap is a third of all requests): the
        # ORM's update and the read after it cost twice what the rest of the save does.
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        found = plain.updated(
            CheckIn,
            "water_ml = COALESCE(water_ml, 0) + %s, "
            "water_last_tap_ml = COALESCE(water_last_tap_ml, 0) + %s, updated_at = %s",
            "id = %s AND (water_ml IS NULL OR water_ml <= %s)",
            [amount_ml, amount_ml, now, checkin.pk, WATER_ML_MAX - amount_ml],
        )
        if not found:
            raise WaterLimitReached
        checkin = found[0]
    return checkin


def _undo_water_tap(checkin: CheckIn | None, *, tap_ml: int) -> CheckIn | None:
    """Takes back one tap of `tap_ml` (the person's tap size), and again on each undo, down to
    the water the day had before its first tap (`checkin`: the day as stored, locked). A tap
    made in another unit is taken back in this one's size, never past that first value.
    Undoing down to nothing leaves water not logged, and a day that held only that water is
    removed."""
    if checkin is None or not checkin.water_last_tap_ml:
        return checkin
    taken = min(tap_ml, checkin.water_last_tap_ml)
    remaining = max(0, (checkin.water_ml or 0) - taken)
    checkin.water_ml = remaining or None
    checkin.water_last_tap_ml = (checkin.water_last_tap_ml - taken) or None
    if is_empty(checkin):
        checkin.delete()
        return None
    checkin.save(update_fields=["water_ml", "water_last_tap_ml", "updated_at"])
    return checkin


# --- reading a day ----------------------------------------------------------------------------


def is_empty(checkin: CheckIn) -> bool:
    return not any(is_given(name, getattr(checkin, name)) for name in DAY_CONTENT_FIELDS)


def day_state(checkin: "CheckIn | DayAnswers | None") -> str:
    """ "full", "partial" or "missing": how much of the day is logged."""
    if checkin is None:
        return "missing"
    if all(getattr(checkin, name) is not None for name in FULL_DAY_MEASURES):
        return "full"
    return "partial"


def has_checked_in(checkin: "CheckIn | DayAnswers | None") -> bool:
    if checkin is None:
        return False
    return any(is_given(name, getattr(checkin, name)) for name in CHECKED_IN_FIELDS)


@dataclass(frozen=True)
class PreviousHabits:
    """The habits of the latest earlier day that logged any, for "Same as yesterday"."""

    date: dt.date
    values: dict[str, int]  # only the habits that day logged


def previous_habits(*, user, date: dt.date, day: CheckIn | None) -> PreviousHabits | None:
    """Water is offered only while nothing has been tapped for `date`: the taps are the day's
    own record and are never overwritten."""
    habits = [name for name in COPIED_HABITS if not (name == "water_ml" and day and day.water_ml)]
    # A plain read (every check-in page asks it): building the ORM query cost more than the
    # database took to answer. The same row as filter(any habit not null, date < date)
    # .order_by("-date").first(); (user, date) is unique, so the order has no ties.
    columns = [CheckIn._meta.get_field(name).column for name in habits]
    logged = " OR ".join(f"{column} IS NOT NULL" for column in columns)
    rows = plain.values(
        CheckIn,
        ("date", *habits),
        f"user_id = %s AND date < %s AND ({logged}) ORDER BY date DESC LIMIT 1",
        [user.pk, date],
    )
    if not rows:
        return None
    found, *habit_values = rows[0]
    values = {
        name: value for name, value in zip(habits, habit_values, strict=True) if value is not None
    }
    return PreviousHabits(date=found, values=values)


# What home reads of each day of its week and the day before it (its card, the week's strip and
# the first days' count): the day's answers, its last water tap (the card's Undo) and whose it
# is; not its id, its save times or the PEG's last two answers, which none of them shows. Each
# is read through these attributes, as of a CheckIn: read as plain tuples, the week costs home
# half of what whole instances did (two timestamps converted a day, and an instance built).
DAY_ANSWERS_FIELDS = ("date", "user_id", *DAY_CONTENT_FIELDS, "water_last_tap_ml")
DayAnswers = namedtuple("DayAnswers", DAY_ANSWERS_FIELDS)


@dataclass(frozen=True)
class DaySummary:
    date: dt.date
    checkin: "CheckIn | DayAnswers | None"

    # Worked out once here rather than by a tag or filter per use in the home page's week: its
    # seven days' {% url %} and |date were a third of the page's rendering.
    @functools.cached_property
    def state(self) -> str:
        return day_state(self.checkin)

    @functools.cached_property
    def url(self) -> str:
        return reverse_once("tracker:checkin_day", date=self.date)

    @functools.cached_property
    def weekday(self) -> str:
        """As `|date:"D"` writes it."""
        return day_as(self.date, "D")

    @functools.cached_property
    def day_month(self) -> str:
        """As `|date:"j M"` writes it."""
        return day_as(self.date, "j M")


def stored_day(user, date: dt.date, *, lock: bool = False) -> CheckIn | None:
    """The day as stored (None: not stored): a plain read, as the check-in page and every save
    ask it. `lock`: its row stays locked until the transaction ends (tracker.plain.read)."""
    found = plain.read(CheckIn, "user_id = %s AND date = %s", [user.pk, date], lock=lock)
    return found[0] if found else None


def recent_days(*, user, today: dt.date, days: int = 7) -> list[DaySummary]:
    """The last `days` days to today, newest first, each with what was saved of it (a
    DayAnswers, read as the ORM reads those fields; None: nothing saved)."""
    first = today - dt.timedelta(days=days - 1)
    by_date = {
        row[0]: DayAnswers._make(row)
        for row in plain.values(
            CheckIn,
            DAY_ANSWERS_FIELDS,
            "user_id = %s AND date BETWEEN %s AND %s",
            [user.pk, first, today],
        )
    }
    return [
        DaySummary(date=day, checkin=by_date.get(day))
        for day in (today - dt.timedelta(days=offset) for offset in range(days))
    ]


@dataclass(frozen=True)
class WaterStatus:
    total_ml: int | None
    goal_ml: int
    unit: str
    can_undo: bool

    @property
    def text(self) -> str:
        return units.format_water(self.total_ml or 0, self.unit)

    @property
    def goal_text(self) -> str:
        return units.format_water(self.goal_ml, self.unit)

    @property
    def percent(self) -> int:
        return min(100, round(100 * (self.total_ml or 0) / self.goal_ml))

    @property
    def goal_reached(self) -> bool:
        return (self.total_ml or 0) >= self.goal_ml

    @property
    def tap_label(self) -> str:
        return units.quick_add_label(self.unit)

    @property
    def tap_ml(self) -> int:
        return units.quick_add_ml(self.unit)


def water_status(checkin: "CheckIn | DayAnswers | None", *, profile) -> WaterStatus:
    return WaterStatus(
        total_ml=checkin.water_ml if checkin else None,
        goal_ml=profile.water_goal_ml,
        unit=profile.water_unit,
        can_undo=bool(checkin and checkin.water_last_tap_ml),
    )
