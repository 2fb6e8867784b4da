"""A refused scale (and the water) shows its errors next to it, and its fieldset is marked
and described by them (tracker.forms.fieldsets)."""

from django.urls import reverse

from tests.views.test_checkin_errors import errors_list
from tracker.days import peg
from tracker.forms import fieldsets
from tracker.forms.day import CheckInForm, PegForm

REFUSED = {"discomfort": "99", "stress": "x", "posture": "9", "water_ml": "-5"}


def test_each_refused_scale_and_the_water_show_their_errors(logged_in_client):
    html = logged_in_client.post(reverse("tracker:checkin"), REFUSED).content.decode()
    form = CheckInForm(REFUSED)
    assert not form.is_valid()
    for name in REFUSED:
        assert form[name].errors, name
        assert f"{errors_list(form[name])}\n" in html, name
    for name in ("discomfort", "stress", "posture"):
        assert f'has-error" aria-describedby="id_{name}_errors">' in html, name


def test_a_refused_peg_answer_shows_its_errors_inside_its_fieldset():
    name = peg.QUESTIONS[0].field
    form = PegForm({name: "11"})
    assert not form.is_valid()
    drawn = fieldsets.scale_field_html(form[name], "scale-11", "low", "high")
    assert drawn.startswith(
        f'<fieldset class="field scale scale-11 has-error" aria-describedby="id_{name}_errors">'
    )
    assert drawn.endswith(f"  {errors_list(form[name])}\n\n</fieldset>\n")
