"""The trends dashboard and the report, assembled from what tracker.trends.dashboard loads:
charts, habit strength, insights and the year of discomfort, each worked out only when a
template first asks for it."""

import datetime as dt
import functools
from dataclasses import replace
from decimal import Decimal

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker import ranges
from tracker.choices import WaterUnit
from tracker.days import peg, tracked
from tracker.limits import ML_PER_US_FL_OZ
from tracker.trends import (
    before_today,
    buckets,
    charts,
    figures,
    habits,
    insights,
    streaks,
    strength_charts,
    weekly,
    whole,
)
from tracker.trends import earlier as earlier_days
from tracker.trends.digests import Digests
from tracker.trends.insights import DayRow
from tracker.trends.sleep import SleepSummary, sleep_summary

PEG_MEASURE = insights.Measure("peg_total", _("PEG score"), "/10", 0, 10)


def measures_for(water_unit: str) -> dict[str, insights.Measure]:
    """The measures as this person reads them: water in US fl oz for those who chose it."""
    if water_unit != WaterUnit.US_FLUID_OUNCES:
        return insights.MEASURES_BY_KEY
    ounces = replace(insights.MEASURES_BY_KEY["water_ml"], unit="fl oz", per_unit=ML_PER_US_FL_OZ)
    return {**insights.MEASURES_BY_KEY, "water_ml": ounces}


class Dashboard(Digests):
    """What the trends page and the report show for one range. The charts, heatmap and insights
    are drawn only when a template first asks for them: the trends page keeps their markup in
    the fragment cache under `fingerprint`, a digest of every input they are drawn from, so a
    repeat view reuses it and any change to a day, a goal or the date draws them afresh (the
    digests: tracker.trends.digests).

    A long history's all-days range comes with `earlier`, the kept summary of its days before
    the last months (tracker.trends.earlier): `rows` are then the recent days only, and the
    range's numbers add the two up (tracker.trends.whole)."""

    def __init__(
        self,
        *,
        account: str,
        range_key: str,
        start: dt.date,
        today: dt.date,
        rows: list[DayRow],
        goals: dict[str, int],
        water_unit: str,
        streaks: list[streaks.Streak],
        streaks_all_time: bool,
        alerts: list,
        away: list[tuple[dt.date, dt.date]],
        items: dict[int, tracked.Entry] | None = None,
        earlier: earlier_days.Earlier | None = None,
        kept_before: before_today.KeptDays | None = None,
    ) -> None:
        self.range_key, self.start, self.today = range_key, start, today
        self.range_words = ranges.range_words(range_key)
        self.account, self.water_unit = account, water_unit
        self.rows, self.goals = rows, goals
        self.measures = measures_for(water_unit)
        self.earlier = earlier
        if earlier is None:
            self.in_range = [row for row in rows if row.date >= start]
            self.logged_days = len(self.in_range)
        else:
            self.in_range = whole.recent(earlier, rows)  # the range's days after the summary's
            self.logged_days = earlier.days + len(self.in_range)
        self.bucket = buckets.size_for(start, today)
        self.streaks, self.streaks_all_time = streaks, streaks_all_time
        self.alerts = alerts
        self.away = away
        self.items = items or {}
        # The rows before today, when they are the kept ones (their digests are kept too).
        self.kept_before = kept_before

    @functools.cached_property
    def weekly(self) -> list[weekly.WeeklyLine]:
        return weekly.weekly_summary(
            self.rows, today=self.today, measures=tuple(self.measures.values())
        )

    @functools.cached_property
    def _series(self) -> dict[str, insights.Series]:
        """Every charted measure over the range, the PEG's total too: one calendar for all."""
        return before_today.series(
            self.rows,
            [*insights.MEASURES_BY_KEY, "peg_total"],
            key=self._before_today,
            start=self.start,
            today=self.today,
        )

    @functools.cached_property
    def _sums(self) -> buckets.Sums:
        """A long range's weekly or monthly sums, every charted measure's."""
        if self.earlier is not None:
            return whole.chart_sums(
                self.earlier, self.rows, key=self._before_today, today=self.today
            )
        return buckets.sums_of(
            self.rows, size=self.bucket, start=self.start, first=self.start, last=self.today
        )

    @functools.cached_property
    def charts(self) -> list[charts.Chart]:
        drawn = []
        for measure in self.measures.values():
            where = {
                "goal": self.goals.get(measure.key),
                "chart_id": f"chart-{measure.key}",
                "caption": gettext("%(measure)s, %(range)s")
                % {"measure": measure.label, "range": self.range_words},
            }
            if self.bucket == buckets.DAY:
                drawn.append(
                    charts.line_chart(measure=measure, series=self._series[measure.key], **where)
                )
            else:
                drawn.append(
                    charts.bucket_chart(
                        measure=measure, sums=self._sums, field=measure.key, last=self.today,
                        **where,
                    )
                )  # fmt: skip
        return drawn

    @functools.cached_property
    def strengths(self) -> habits.Strengths:
        first = self.rows[0].date if self.rows else self.start
        return before_today.strengths(
            self.rows,  # DayRow has LoggedDay's attributes
            key=self._before_today,
            goals=habits.Goals(self.goals["water_ml"], self.goals["exercise_minutes"]),
            away=self.away,
            start=min(first, self.start),
            today=self.today,
        )

    @functools.cached_property
    def habit_charts(self) -> list[tuple[str, str, int, "charts.Chart"]]:
        """(habit, label, percent today, chart of its strength over the range) per habit."""
        drawn = []
        for habit in habits.HABITS:
            label = habits.HABIT_LABELS[habit]
            where = {
                "label": label,
                "chart_id": f"chart-strength-{habit}",
                "caption": gettext("%(habit)s strength, %(range)s")
                % {"habit": label, "range": self.range_words},
            }
            if self.earlier is not None:
                percent, days, shares = self._whole_strength[habit]
                length = (self.today - self.start).days + 1
                chart = strength_charts.strength_points(
                    days=days, shares=shares, length=length, **where
                )
            else:
                strengths = self.strengths
                offset = (self.start - strengths.first).days
                shares = strengths.scores[habit][offset:]
                chart = strength_charts.strength_chart(shares=shares, first=self.start, **where)
                percent = strengths.percent(habit)
            drawn.append((habit, label, percent, chart))
        return drawn

    @functools.cached_property
    def _whole_strength(self) -> dict[str, tuple[int, list[dt.date], list[float]]]:
        return whole.strength(
            self.earlier, self.in_range, goals=self.goals, away=self.away, today=self.today
        )

    @functools.cached_property
    def ticked(self) -> tracked.Ticked:
        return before_today.ticked(
            self.items, self.in_range, key=self._before_today, start=self.start, today=self.today
        )

    @functools.cached_property
    def tag_insights(self) -> list[insights.Insight]:
        """Days with and without each pain relief and own factor ticked in the range."""
        if self.earlier is not None:
            return whole.tag_insights(self.earlier, self.in_range, self.items)
        return before_today.tag_insights(
            self.in_range,
            tracked.tags(self.ticked),
            key=self._before_today,
            start=self.start,
            today=self.today,
        )

    @functools.cached_property
    def item_days(self) -> list[tracked.ItemDays]:
        if self.earlier is not None:
            return whole.item_days(self.earlier, self.in_range, self.items)
        return tracked.item_days(self.ticked)

    @functools.cached_property
    def sleep(self) -> SleepSummary:
        if self.earlier is not None:
            return whole.sleep(self.earlier, self.in_range)
        return sleep_summary(self.in_range)

    @functools.cached_property
    def _pegs(self) -> list[tuple[dt.date, int]]:
        """Each PEG in the range: its day and the three answers added up."""
        if self.earlier is not None:
            return whole.pegs(self.earlier, self.in_range)
        return [(row.date, row.peg_total) for row in self.in_range if row.peg_total is not None]

    @property
    def has_peg(self) -> bool:
        """Whether the range holds a PEG (the trends page asks; the report lists them)."""
        return bool(self._pegs)

    @functools.cached_property
    def peg_scores(self) -> list[tuple[dt.date, Decimal]]:
        return [(day, peg.score_from_total(total)) for day, total in self._pegs]

    @functools.cached_property
    def peg_change(self) -> "peg.Change | None":
        return peg.change([total for _, total in self._pegs])

    @functools.cached_property
    def peg_change_sentence(self) -> str:
        """The PEG's change over the range in one sentence (the trends page's PEG card), or
        nothing with fewer than two PEGs."""
        change = self.peg_change
        if change is None:
            return ""
        words = {
            "first": formats.localize(change.first),
            "latest": formats.localize(change.latest),
            "meaningful": peg.MEANINGFUL_CHANGE_PERCENT,
        }
        if change.percent is None:
            if change.meaningful:
                sentence = gettext(
                    "From %(first)s to %(latest)s: a meaningful change (%(meaningful)s%% or more)."
                )
            else:
                sentence = gettext("From %(first)s to %(latest)s.")
            return sentence % words
        words["percent"] = f"{'+' if change.percent > 0 else ''}{change.percent}"
        if change.meaningful:
            sentence = gettext(
                "From %(first)s to %(latest)s (%(percent)s%%): a meaningful change "
                "(%(meaningful)s%% or more)."
            )
        else:
            sentence = gettext("From %(first)s to %(latest)s (%(percent)s%%).")
        return sentence % words

    @functools.cached_property
    def peg_chart(self) -> "charts.Chart":
        where = {
            "goal": None,
            "chart_id": "chart-peg",
            "caption": gettext("PEG score, %(range)s") % {"range": self.range_words},
        }
        if self.bucket != buckets.DAY:
            return charts.bucket_chart(
                measure=PEG_MEASURE, sums=self._sums, field="peg_total", last=self.today, **where
            )
        series = self._series["peg_total"]
        scores = insights.Series(
            series.days,
            [
                None if total is None else float(peg.score_from_total(total))
                for total in series.values
            ],
            [None] * len(series),
        )
        return charts.line_chart(measure=PEG_MEASURE, series=scores, **where)

    @functools.cached_property
    def heatmap(self) -> SafeString:
        _, todays = before_today.split(self.rows, self.today)
        return charts.discomfort_heatmap(
            {} if todays is None else {todays.date: todays.discomfort},  # the rest are kept
            today=self.today,
            before=before_today.heatmap(self.rows, key=self._year_before_today, today=self.today),
        )

    @functools.cached_property
    def year_months(self) -> SafeString:
        """The same year as months to open, for a phone: under the heatmap's fingerprint too."""
        return before_today.year_months(self.rows, key=self._year_before_today, today=self.today)

    @functools.cached_property
    def chart_figures(self) -> SafeString:
        return figures.chart_figures(self.charts, range_key=self.range_key)

    @functools.cached_property
    def range_sentence(self) -> SafeString:
        return figures.range_sentence(self.start, self.today, self.logged_days)

    @functools.cached_property
    def strength_figures(self) -> SafeString:
        return figures.strength_figures(self.habit_charts)

    @functools.cached_property
    def insight_items(self) -> SafeString:
        return figures.insight_items(self.insights, self.tag_insights)

    @functools.cached_property
    def insights(self) -> list[insights.Insight]:
        if self.earlier is not None:
            checks = insights.goal_checks(
                water_goal_ml=self.goals["water_ml"],
                exercise_goal_minutes=self.goals["exercise_minutes"],
                water=self.measures["water_ml"],
            )
            return whole.goal_insights(
                self.earlier,
                self.in_range,
                checks,
                key=self._before_today,
                today=self.today,
                goals=(self.goals["water_ml"], self.goals["exercise_minutes"]),
            )
        return before_today.goal_insights(
            self.in_range,
            key=self._before_today,
            start=self.start,
            today=self.today,
            water_goal_ml=self.goals["water_ml"],
            exercise_goal_minutes=self.goals["exercise_minutes"],
            water=self.measures["water_ml"],
        )
