"""Each refused answer of the check-in shows its errors next to it, in a list whose id the
field's aria-describedby names (tracker.forms.fieldsets.field_errors_html)."""

import re

from django.urls import reverse
from django.utils.html import escape

from tracker.forms.day import CheckInForm

REFUSED = {
    "exercise_minutes": "lots",
    "sleep_hours": "7.3",
    "notes": "x" * 5000,
    "pain_relief": ["999999"],
    "factors": ["abc"],
    "symptoms": ["nope"],
    "discomfort": "4",
}


def errors_list(field) -> str:
    """What the page writes for a refused field: every message, in order, escaped."""
    items = "".join(f"<li>{escape(error)}</li>" for error in field.errors)
    return f'<ul class="field-errors" id="{field.auto_id}_errors">{items}</ul>'


def test_each_refused_answer_shows_its_errors_next_to_it(logged_in_client):
    html = logged_in_client.post(reverse("tracker:checkin"), REFUSED).content.decode()
    form = CheckInForm(REFUSED)
    assert not form.is_valid()
    names = ("symptoms", "exercise_minutes", "sleep_hours", "pain_relief", "factors", "notes")
    for name in names:
        assert form[name].errors, name
        assert errors_list(form[name]) in html, name
        if name == "symptoms":
            continue  # refused only when tampered with; its list sits under its open boxes
        # Something on the page points at the list: the input, or the group's fieldset.
        assert re.search(rf'aria-describedby="[^"]*\bid_{name}_errors\b', html), name
    assert "id_discomfort_errors" not in html  # a valid answer shows none
