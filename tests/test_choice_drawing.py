"""The check-in's scales and checkboxes are written from the field's choices and value
(fieldsets.scale_options, drawing.checkboxes), not by iterating the field: the same bytes
as the radios and boxes Django builds."""

from unittest import mock

import pytest
from django import forms
from django.forms.boundfield import BoundField

from tests.factories import make_user
from tests.test_form_drawing import _forms
from tracker.care.symptoms import SYMPTOM_CODES
from tracker.choices import TrackedKind
from tracker.days import tracked
from tracker.forms import drawing
from tracker.forms.day import CheckInForm, PegForm
from tracker.forms.fieldsets import check_options, scale_options
from tracker.forms.fieldsets import scale_options_from_radios as _scale_options_from_radios
from tracker.models import TrackedItem


class _Odd(forms.Form):
    """Shapes the check-in doesn't have: a value given twice, None and empty values, text
    that needs escaping, an id of the widget's own."""

    twice = forms.ChoiceField(
        choices=[("a", "A"), ("a", "A again"), ("", "Blank"), ("<b>", "B & <i>")],
        widget=forms.RadioSelect,
    )
    own_id = forms.ChoiceField(
        choices=[(1, "One"), (2, "Two")], widget=forms.RadioSelect(attrs={"id": "mine"})
    )
    none = forms.TypedChoiceField(
        choices=[(None, "Nothing"), (0, "Zero")], widget=forms.RadioSelect, required=False
    )
    grouped = forms.ChoiceField(
        choices=[("Hot", [("tea", "Tea")]), ("x", "X")], widget=forms.RadioSelect
    )


def _every_radio_field(user):
    made = [
        *_forms(user),
        CheckInForm(initial={"posture": 3, "stress": 0, "discomfort": 10}),
        CheckInForm({"discomfort": "4", "stress": "x", "posture": "5", "woke_from_pain": "no"}),
        CheckInForm({"discomfort": "04", "stress": "-1", "posture": ""}),
        PegForm({"peg_pain": "7", "peg_enjoyment": "0"}),
        _Odd(),
        _Odd({"twice": "a", "own_id": "2", "none": ""}),
        _Odd({"twice": "<b>", "own_id": "1"}, auto_id=False),
        _Odd(initial={"twice": "", "none": 0}, prefix="p"),
    ]
    for form in made:
        form.is_bound and form.is_valid()
        for field in form:
            if isinstance(field.field.widget, forms.RadioSelect):
                yield field


@pytest.mark.parametrize("scale_class", ["scale-11", "scale-5"])
@pytest.mark.parametrize("autofocus", [True, False])
def test_a_scale_is_the_radios_django_builds(db, scale_class, autofocus):
    fields = list(_every_radio_field(make_user("scales")))
    checked = 0
    for field in fields:
        expected = _scale_options_from_radios(field, scale_class, autofocus)
        assert scale_options(field, scale_class, autofocus) == expected, field.name
        checked += expected.count(" checked")
    assert len(fields) > 20 and checked > 8


def test_the_checkin_scales_are_drawn_without_iterating_the_field(db):
    form = CheckInForm({"discomfort": "4", "posture": "2"})
    form.is_valid()
    iterated = property(lambda field: pytest.fail(f"{field.name} was iterated"))
    with mock.patch.object(BoundField, "subwidgets", iterated):
        drawn = [scale_options(form[name], "scale-11", False) for name in ("discomfort", "posture")]
    assert 'value="4" id="id_discomfort_4" checked>' in drawn[0]
    assert 'value="2" id="id_posture_1" checked>' in drawn[1]


class _Boxes(forms.Form):
    """Checkbox groups the check-in doesn't have (its own are in every form above too)."""

    own_id = forms.MultipleChoiceField(
        choices=[(1, "One"), (2, "Two & <three>")],
        widget=forms.CheckboxSelectMultiple(attrs={"id": "mine", "class": "boxes"}),
        help_text="Some help",
    )
    none = forms.MultipleChoiceField(
        choices=[(None, "Nothing"), ("<b>", "B")], widget=forms.CheckboxSelectMultiple
    )
    disabled = forms.MultipleChoiceField(
        choices=[("a", "A")], widget=forms.CheckboxSelectMultiple, disabled=True, required=False
    )
    grouped = forms.MultipleChoiceField(
        choices=[("Hot", [("tea", "Tea")]), ("x", "X")], widget=forms.CheckboxSelectMultiple
    )
    all_checked = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple(attrs={"checked": False, "data-x": "1"}),
        required=False,
    )


def _every_box_field(user):
    items = tracked.Lists(
        [
            TrackedItem(pk=7, user=user, kind=TrackedKind.FACTOR, name="Long drive <car>"),
            TrackedItem(pk=8, user=user, kind=TrackedKind.FACTOR, name="Gardening"),
            TrackedItem(pk=9, user=user, kind=TrackedKind.PAIN_RELIEF, name="Heat & rest"),
        ]
    )
    made = [
        *_forms(user),
        CheckInForm(items=items, initial={"symptoms": ["fever"], "factors": [8]}),
        CheckInForm(
            {"symptoms": ["fever", "nope"], "factors": ["7", "x"], "pain_relief": ["9"]},
            items=items,
        ),
        CheckInForm({"symptoms": ["fever"], "factors": ["8"], "discomfort": "3"}, items=items),
        _Boxes(),
        _Boxes({"own_id": ["2"], "none": [""], "disabled": ["a"], "all_checked": ["b"]}),
        _Boxes({"own_id": ["1", "2"], "none": ["<b>"]}, auto_id=False),
        _Boxes(initial={"own_id": [1], "none": ["<b>"]}, prefix="p"),
    ]
    for form in made:
        form.is_bound and form.is_valid()
        for field in form:
            if isinstance(field.field.widget, forms.CheckboxSelectMultiple):
                yield field


def test_checkboxes_are_the_boxes_django_builds(db):
    fields = list(_every_box_field(make_user("boxes")))
    compared = 0
    for field in fields:
        expected = [
            (box.id_for_label, box.choice_label, box.data["value"], box.tag()) for box in field
        ]
        assert [tuple(box) for box in drawing.checkboxes(field)] == expected, field.name
        compared += len(expected)
    drawn = "".join(box.tag for field in fields for box in drawing.checkboxes(field))
    assert compared > 150 and drawn.count(" checked") > 8 and 'aria-invalid="true"' in drawn


def test_the_checkin_boxes_are_drawn_without_iterating_the_field(db):
    form = CheckInForm({"symptoms": ["fever"], "discomfort": "4"})
    form.is_valid()
    iterated = property(lambda field: pytest.fail(f"{field.name} was iterated"))
    with mock.patch.object(BoundField, "subwidgets", iterated):
        groups = form.symptom_groups()
        drawn = check_options(form["factors"])
    tags = [box.tag for _, boxes in groups for box in boxes]
    assert sum(" checked" in tag for tag in tags) == 1 and len(tags) == len(SYMPTOM_CODES)
    assert drawn == ""
