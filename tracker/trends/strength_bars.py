"""Home's habit strengths as bars, drawn in Python.

Through the template each habit was a loop's turn of five values, two of them numbers put
through localisation: about a twentieth of home. The markup is the one templates/tracker/home.html
drew, each value escaped as the template escaped it; tests/views/test_strength_bars.py compares
both."""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe

from tracker.trends import habits


def strength_bars(strengths: habits.Strengths) -> SafeString:
    """One `<li>` per habit, in the habits' order: its name, a bar and its percentage."""
    parts = []
    for habit in habits.HABITS:
        # A whole percentage, 0 to 100: localised, it is these digits in every language.
        percent = strengths.percent(habit)
        parts.append(
            f'<li><span class="strength-label">{escape(habits.HABIT_LABELS[habit])}</span>'
            f'<progress max="100" value="{percent:d}" aria-hidden="true"></progress>'
            f'<span class="strength-value" data-habit-strength="{escape(habit)}">{percent:d}%'
            "</span></li>"
        )
    return mark_safe("".join(parts))
