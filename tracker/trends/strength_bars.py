"""Home's habit strengths as bars, drawn in Python.

Through the template each habit was a loop's turn of five values, two of them numbers put
through localisation: about a twentieth of home. The markup is the one templates/tracker/home.html
drew, each value escaped as the template escaped it; tests/views/test_strength_bars.py compares
both.

The bars show only each habit's whole percentage, in the page's language: drawn once for each
such set and kept (DRAWN), as many people's habits stand alike and a person's stand still
through the day."""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from tracker.kept import Kept
from tracker.trends import habits

# ~600 bytes each: the sets of percentages seen lately, per language.
DRAWN = Kept(2000)


def strength_bars(strengths: habits.Strengths) -> SafeString:
    """One `<li>` per habit, in the habits' order: its name, a bar and its percentage."""
    # Whole percentages, 0 to 100: localised, they are these digits in every language.
    percents = tuple(strengths.percent(habit) for habit in habits.HABITS)
    return DRAWN.get_or_make((get_language(), percents), lambda: _bars(percents))


def _bars(percents: tuple[int, ...]) -> SafeString:
    parts = []
    for habit, percent in zip(habits.HABITS, percents, strict=True):
        parts.append(
            f'<li><span class="strength-label">{escape(habits.HABIT_LABELS[habit])}</span>'
            f'<progress max="100" value="{percent:d}" aria-hidden="true"></progress>'
            f'<span class="strength-value" data-habit-strength="{escape(habit)}">{percent:d}%'
            "</span></li>"
        )
    return mark_safe("".join(parts))
