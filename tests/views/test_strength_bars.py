"""Home's habit strengths drawn in Python (tracker.trends.strength_bars) are the markup the
template drew, in both languages, from none to full strength."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import translation

from tracker.trends import habits
from tracker.trends.strength_bars import strength_bars

# What templates/tracker/home.html drew inside <ul class="strength-bars"> before.
TEMPLATE = Template(
    """{% for habit, label, percent in habit_strengths %}
      <li><span class="strength-label">{{ label }}</span><progress max="100" value="{{ percent }}" aria-hidden="true"></progress><span class="strength-value" data-habit-strength="{{ habit }}">{{ percent }}%</span></li>
    {% endfor %}"""  # noqa: E501
)
FIRST = dt.date(2026, 3, 1)  # only the scores' first day: it never meets the clock


def _same_shape(markup: str) -> str:
    """Whitespace between the items left out, as a browser lays out a list."""
    return re.sub(r">\s+<", "><", markup).strip()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scores", [[], [0.0], [0.004, 0.5], [0.3, 0.995], [1.0]])
def test_the_bars_are_drawn_as_the_template_drew_them(language, scores):
    strengths = habits.Strengths(
        first=FIRST,
        scores={
            habit: [min(1.0, s + 0.1 * n) for s in scores] for n, habit in enumerate(habits.HABITS)
        },
    )
    with translation.override(language):
        expected = TEMPLATE.render(
            Context(
                {
                    "habit_strengths": [
                        (habit, habits.HABIT_LABELS[habit], strengths.percent(habit))
                        for habit in habits.HABITS
                    ]
                }
            )
        )
        drawn = str(strength_bars(strengths))
    assert _same_shape(drawn) == _same_shape(expected)
    assert drawn.count("<li>") == len(habits.HABITS)


def test_the_shape_check_tells_a_changed_bar_apart():
    strengths = habits.Strengths(first=FIRST, scores={habit: [0.5] for habit in habits.HABITS})
    drawn = str(strength_bars(strengths))
    assert 'value="50"' in drawn and "50%</span>" in drawn
    assert _same_shape(drawn.replace('value="50"', 'value="5"', 1)) != _same_shape(drawn)


def test_the_bars_are_kept_for_each_set_of_percentages_and_language(monkeypatch):
    from tracker.kept import Kept
    from tracker.trends import strength_bars as bars

    monkeypatch.setattr(bars, "DRAWN", Kept(100))
    sets = [[0.0], [0.5], [0.5, 0.504], [0.996], [0.5]]  # the third ends as the second does
    drawn = []
    for language in ("en", "es", "en"):
        with translation.override(language):
            for scores in sets:
                strengths = habits.Strengths(
                    first=FIRST, scores={habit: list(scores) for habit in habits.HABITS}
                )
                drawn.append(strength_bars(strengths))
                assert drawn[-1] == bars._bars(
                    tuple(strengths.percent(habit) for habit in habits.HABITS)
                )
    assert 'value="50"' in drawn[1] and 'value="100"' in drawn[3]
    assert drawn[5:10] != drawn[0:5] and drawn[10:15] == drawn[0:5]
    assert len(bars.DRAWN._items) == 2 * 3  # 0 %, 50 %, 100 % in each language
