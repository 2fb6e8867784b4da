"""checkin_panel.html writes each field's errors inline rather than including
tracker/partials/field_errors.html: the page must still show exactly what that partial writes."""

from django.template.loader import render_to_string
from django.urls import reverse

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


def test_each_refused_answer_shows_its_errors_as_the_shared_partial_writes_them(
    logged_in_client,
):
    html = logged_in_client.post(reverse("tracker:checkin"), REFUSED).content.decode()
    form = CheckInForm(REFUSED)
    assert not form.is_valid()
    names = ("symptoms", "exercise_minutes", "sleep_hours", "pain_relief", "factors", "notes")
    for name in names:
        assert form[name].errors, name
        written = render_to_string("tracker/partials/field_errors.html", {"field": form[name]})
        assert f'id="id_{name}_errors"' in written
        assert written in html, name
