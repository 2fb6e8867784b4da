"""Numbers behind the trends page: weekly summaries and goal/discomfort associations (the days
and their series are tracker.trends.series). Pure functions over rows the views load in one
query per range."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from tracker.days.measures import GOOD_POSTURE_AT_LEAST, MEASURES_BY_KEY, Measure
from tracker.trends import words
from tracker.trends.insight_sentences import (
    ABOUT_THE_SAME,
    NEXT_DAY,
    NEXT_DAY_WAITING,
    SENTENCES,
    Sentences,
)
from tracker.trends.series import (  # noqa: F401 (the days and series are read from here too)
    ROLLING_DAYS,
    DayRow,
    Series,
    in_shown_units,
    mean,
    measure_series,
)
from tracker.trends.words import number, phrasebook

INSIGHT_MIN_DAYS = 10  # days needed on each side before comparing them
# Stress and sleep have no personal goal; a "good day" for them uses these fixed lines (posture's
# is tracker.days.measures.GOOD_POSTURE_AT_LEAST).
GOOD_STRESS_AT_MOST = 4
GOOD_SLEEP_HOURS_AT_LEAST = 7


def format_value(measure: Measure, value: float) -> str:
    """A stored value (an average, say) in words: "1,234 ml" or "42 fl oz", "30 minutes",
    "1 minute", "3.1", "8" (a whole score has no ".0")."""
    if measure.key == "water_ml":
        return f"{number(f'{round(value / measure.per_unit):,}')} {measure.unit}"
    if measure.key == "exercise_minutes":
        minutes = round(value)
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    return score_words(value)


def score_words(value: float) -> str:
    """A score to one decimal, and a whole one without its ".0": "7.5", "8"."""
    return number(f"{value:.1f}".removesuffix(".0"))


# --- insights ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    met_mean: float | None
    met_days: int
    missed_mean: float | None
    missed_days: int

    @property
    def enough(self) -> bool:
        return self.met_days >= INSIGHT_MIN_DAYS and self.missed_days >= INSIGHT_MIN_DAYS

    @property
    def difference(self) -> float | None:
        """How much higher discomfort averaged on the days it was met than on the others, as
        the two averages read (to a tenth): negative when lower. None until both sides have
        enough days, since a few days either way say nothing."""
        if not self.enough:
            return None
        return round(round(self.met_mean, 1) - round(self.missed_mean, 1), 1)

    @property
    def more_needed(self) -> tuple[int, int]:
        """How many more days each side needs before the two can be compared."""
        return (
            max(0, INSIGHT_MIN_DAYS - self.met_days),
            max(0, INSIGHT_MIN_DAYS - self.missed_days),
        )


@dataclass(frozen=True)
class Insight:
    habit: str
    goal_text: str  # what meeting the habit's goal means, e.g. "water goal of 2,000 ml met"
    same_day: Comparison
    next_day: Comparison
    words: tuple[str, str] = ("you met it", "you didn't")  # the two kinds of day

    @property
    def title(self) -> str:
        return self.goal_text[0].upper() + self.goal_text[1:]

    @property
    def _sentences(self) -> "Sentences":
        return SENTENCES.get(self.words[0], SENTENCES["you met it"])

    @property
    def side_labels(self) -> tuple[str, str]:
        """The two kinds of day as a bar's label: "You met it", "You didn't"."""
        book = phrasebook()
        return (
            book.translated(self._sentences.met_label),
            book.translated(self._sentences.missed_label),
        )

    @property
    def same_day_sentence(self) -> str:
        days = self.same_day
        if not days.enough:
            return gettext(
                "not enough days to compare yet: it needs %(needed)s logged days each way, "
                "and there are %(met)s and %(missed)s."
            ) % {"needed": INSIGHT_MIN_DAYS, "met": days.met_days, "missed": days.missed_days}
        book = phrasebook()
        return book.translated(self._sentences.same_day) % _means(book, days)

    @property
    def next_day_sentence(self) -> str:
        days = self.next_day
        book = phrasebook()
        if not days.enough:
            return book.translated(NEXT_DAY_WAITING)
        return book.translated(NEXT_DAY) % _means(book, days)

    @property
    def strength(self) -> float | None:
        """What ranks the insights: the size of the difference in discomfort between the two
        kinds of day, the same day, whichever way it goes (a habit that goes with less
        discomfort and a factor that goes with more are both worth reading first). None: not
        enough days to compare yet."""
        difference = self.same_day.difference
        return None if difference is None else abs(difference)

    @property
    def difference_words(self) -> str:
        """ "discomfort 2.1 higher on days with it"; only for an insight with enough days."""
        difference = self.same_day.difference
        book = phrasebook()
        if not difference:
            return book.translated(ABOUT_THE_SAME)
        sentence = self._sentences.higher if difference > 0 else self._sentences.lower
        return book.translated(sentence) % {"difference": book.number(f"{abs(difference):.1f}")}

    @property
    def waiting_words(self) -> str:
        """What it still needs before it can be compared: "3 more days you didn't"."""
        days = self.same_day
        if days.met_days == days.missed_days == 0:
            return ngettext(
                "nothing logged yet: %(count)s day each way needed",
                "nothing logged yet: %(count)s days each way needed",
                INSIGHT_MIN_DAYS,
            ) % {"count": INSIGHT_MIN_DAYS}
        met, missed = days.more_needed
        sentences = self._sentences
        parts = [
            str(more % {"count": count})
            for count, more in ((met, sentences.met_more), (missed, sentences.missed_more))
            if count
        ]
        if len(parts) == 2:
            return gettext("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}
        return parts[0] if parts else ""


def _means(book: words.Phrasebook, days: Comparison) -> dict[str, str]:
    return {
        "met_mean": book.number(f"{days.met_mean:.1f}"),
        "met_days": book.days(days.met_days),
        "missed_mean": book.number(f"{days.missed_mean:.1f}"),
        "missed_days": book.days(days.missed_days),
    }


Check = Callable[[DayRow], bool | None]


def goal_checks(
    *, water_goal_ml: int, exercise_goal_minutes: int, water: Measure = MEASURES_BY_KEY["water_ml"]
) -> list[tuple[str, str, Check]]:
    """(habit, what meeting it means, test of a day) for each habit. The test answers None
    when the day did not log that habit: such a day is left out of the comparison."""

    def posture_good(row: DayRow) -> bool | None:
        return None if row.posture is None else row.posture >= GOOD_POSTURE_AT_LEAST

    def exercise_met(row: DayRow) -> bool | None:
        if row.exercise_minutes is None:
            return None
        return row.exercise_minutes >= exercise_goal_minutes

    def water_met(row: DayRow) -> bool | None:
        return None if row.water_ml is None else row.water_ml >= water_goal_ml

    def stress_good(row: DayRow) -> bool | None:
        return None if row.stress is None else row.stress <= GOOD_STRESS_AT_MOST

    def slept_enough(row: DayRow) -> bool | None:
        if row.sleep_half_hours is None:
            return None
        return row.sleep_half_hours >= 2 * GOOD_SLEEP_HOURS_AT_LEAST

    # The habit's name (the first) is a key, not shown; what meeting it means is.
    return [
        (
            "Posture",
            gettext("posture %(score)s or better") % {"score": GOOD_POSTURE_AT_LEAST},
            posture_good,
        ),
        (
            "Exercise",
            ngettext(
                "exercise goal of %(minutes)s minute met",
                "exercise goal of %(minutes)s minutes met",
                exercise_goal_minutes,
            )
            % {"minutes": exercise_goal_minutes},
            exercise_met,
        ),
        (
            "Water",
            gettext("water goal of %(amount)s met")
            % {"amount": format_value(water, water_goal_ml)},
            water_met,
        ),
        (
            "Stress",
            gettext("stress %(score)s or lower") % {"score": GOOD_STRESS_AT_MOST},
            stress_good,
        ),
        (
            "Sleep",
            gettext("%(hours)s hours' sleep or more the night before")
            % {"hours": GOOD_SLEEP_HOURS_AT_LEAST},
            slept_enough,
        ),
    ]


def goal_sums(
    rows: Iterable[DayRow], checks: Sequence[Check], *, after: Callable[[DayRow], int | None]
) -> list[list[int]]:
    """For each check: discomfort's total and days on days it was met, then on days it was
    not, the same day and then the day after (`after` gives that day's discomfort, None when
    not logged). Whole numbers, so the sums of two stretches of days add up to both's. A day
    counts only when both the habit and the discomfort were logged."""
    # The days with a discomfort to count, worked out once; then one check at a time over
    # them (a list and a zip per row, across the checks, were ~40 % of the time).
    kept = []
    for row in rows:
        same, following = row.discomfort, after(row)
        if same is not None or following is not None:
            kept.append((row, same, following))
    sums = []
    for check in checks:
        totals = [0] * 8
        for row, same, following in kept:
            met = check(row)
            if met is None:
                continue
            at = 0 if met else 2
            if same is not None:
                totals[at] += same
                totals[at + 1] += 1
            if following is not None:
                totals[at + 4] += following
                totals[at + 5] += 1
        sums.append(totals)
    return sums


def _comparison(met_total: int, met_days: int, missed_total: int, missed_days: int) -> Comparison:
    return Comparison(
        met_total / met_days if met_days else None,
        met_days,
        missed_total / missed_days if missed_days else None,
        missed_days,
    )


def goal_insights(
    rows: Sequence[DayRow],
    *,
    water_goal_ml: int,
    exercise_goal_minutes: int,
    water: Measure = MEASURES_BY_KEY["water_ml"],
) -> list[Insight]:
    discomfort_on = {row.date.toordinal(): row.discomfort for row in rows}
    checks = goal_checks(
        water_goal_ml=water_goal_ml, exercise_goal_minutes=exercise_goal_minutes, water=water
    )
    sums = goal_sums(
        rows,
        [check for _, _, check in checks],
        after=lambda row: discomfort_on.get(row.date.toordinal() + 1),  # None: not logged
    )
    return goal_insights_from(checks, sums)


def goal_insights_from(
    checks: Sequence[tuple[str, str, Check]], sums: Sequence[Sequence[int]]
) -> list[Insight]:
    """The insights from goal_sums' whole numbers (of one stretch of days, or added up)."""
    return [
        Insight(
            habit, goal_text, _comparison(*totals[:4]), _comparison(*totals[4:]),
            **_WORDS.get(habit, {}),
        )
        for (habit, goal_text, _), totals in zip(checks, sums, strict=True)
    ]  # fmt: skip


# Sleep is not a goal met or missed: its days read as the nights before them.
_WORDS = {"Sleep": {"words": ("after a long enough night", "after a shorter one")}}


# --- ranking ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    compared: list[Insight]  # enough days to compare, strongest first
    waiting: list[Insight]  # not yet, in the order they were given


def ranked(insights: Iterable[Insight]) -> Ranked:
    """The insights with enough days to compare, the strongest first (Insight.strength; among
    equals the one with more days behind it, then by name, so the order never flickers), and
    those still waiting for days."""
    compared, waiting = [], []
    for insight in insights:
        (waiting if insight.strength is None else compared).append(insight)
    compared.sort(
        key=lambda insight: (
            -insight.strength,
            -(insight.same_day.met_days + insight.same_day.missed_days),
            insight.title,
        )
    )
    return Ranked(compared, waiting)
