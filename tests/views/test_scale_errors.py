"""scale_field.html and checkin_water.html write their field's errors inline rather than
including tracker/partials/field_errors.html: they must still show exactly what it writes."""

from django.template.loader import render_to_string
from django.urls import reverse

from tracker.days import peg
from tracker.forms.day import CheckInForm, PegForm

REFUSED = {"discomfort": "99", "stress": "x", "posture": "9", "water_ml": "-5"}


def _partial(field) -> str:
    written = render_to_string("tracker/partials/field_errors.html", {"field": field})
    assert f'id="{field.auto_id}_errors"' in written
    return written


def test_each_refused_scale_and_the_water_show_their_errors_as_the_partial_writes_them(
    logged_in_client,
):
    html = logged_in_client.post(reverse("tracker:checkin"), REFUSED).content.decode()
    form = CheckInForm(REFUSED)
    assert not form.is_valid()
    for name in REFUSED:
        assert form[name].errors, name
        assert f"{_partial(form[name])}\n</" in html, name


def test_a_refused_peg_answer_shows_its_errors_as_the_partial_writes_them():
    name = peg.QUESTIONS[0].field
    form = PegForm({name: "11"})
    assert not form.is_valid()
    drawn = render_to_string(
        "tracker/partials/scale_field.html", {"field": form[name], "scale_class": "scale-11"}
    )
    assert drawn.endswith(f"  {_partial(form[name])}\n</fieldset>\n")
