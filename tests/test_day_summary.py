"""A day in a few lines is drawn in Python (tracker.days.day_summary): the markup
partials/day_summary.html drew, escaping, truncating and both languages included."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from tracker.days.day_summary import day_summary_html, describe_day
from tracker.models import CheckIn

# partials/day_summary.html as it was before the day moved to Python.
_TEMPLATE = (Path(__file__).parent / "data" / "day_summary_template.html").read_text()
DAY = dt.date(2026, 3, 2)  # handed to describe_day only: it never meets the clock

DAYS = [
    None,  # nothing logged
    CheckIn(water_ml=500),
    CheckIn(discomfort=3, posture=4, exercise_minutes=20, water_ml=1500, stress=0),
    CheckIn(discomfort=0, rest_day=True, sleep_hours=Decimal("6.5"), woke_from_pain=True,
            symptoms=["fever", "saddle_numbness"], notes="Stiff <b>&</b> sore " * 20),
    CheckIn(stress=9, notes="short", symptoms=["night_pain"]),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("hide_totals", [False, True])
@pytest.mark.parametrize("unit", ["ml", "oz"])
def test_a_day_is_the_markup_the_template_drew(language, hide_totals, unit):
    template = engines["django"].from_string(_TEMPLATE)
    with translation.override(language):
        for checkin in DAYS:
            summary = describe_day(checkin, date=DAY, water_unit=unit)
            expected = template.render({"summary": summary, "hide_totals": hide_totals})
            assert day_summary_html(summary, hide_totals=hide_totals) == expected


def test_notes_are_escaped_and_cut_and_symptoms_listed():
    drawn = day_summary_html(describe_day(DAYS[3], date=DAY, water_unit="ml"))
    assert "Stiff &lt;b&gt;&amp;&lt;/b&gt; sore" in drawn and "…</dd>" in drawn
    assert drawn.count("Stiff") < 20 and "; " in drawn
