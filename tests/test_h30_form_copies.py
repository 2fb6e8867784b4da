"""Issue 30: the check-in form's choice fields are copied for each form without normalising
their choices again (tracker.forms.day._SharedChoices), and each form's copy stays its own."""

import copy

from django import forms
from django.utils.choices import normalize_choices

from tracker.forms.day import CheckInForm, _copied_choice_widget

CHOICE_FIELDS = [
    name for name, field in CheckInForm.base_fields.items() if isinstance(field, forms.ChoiceField)
]


def test_the_check_in_form_has_the_choice_fields_this_is_about():
    assert {"posture", "discomfort", "stress", "symptoms", "pain_relief", "factors"} <= set(
        CHOICE_FIELDS
    )


def test_each_forms_widgets_offer_the_choices_django_would_give():
    form = CheckInForm()
    for name in CHOICE_FIELDS:
        base = CheckInForm.base_fields[name]
        field = form.fields[name]
        assert field.widget is not base.widget
        assert list(field.widget.choices) == list(normalize_choices(base.widget.choices))
        assert list(field.widget.choices) == list(field.choices)


def test_a_forms_copy_is_its_own():
    first, second = CheckInForm(), CheckInForm()
    for name in CHOICE_FIELDS:
        widget = first.fields[name].widget
        widget.attrs["data-mine"] = "1"
        widget.choices.append(("extra", "Extra"))
        assert "data-mine" not in second.fields[name].widget.attrs
        assert ("extra", "Extra") not in list(second.fields[name].widget.choices)
        assert ("extra", "Extra") not in list(CheckInForm.base_fields[name].widget.choices)
    # A person's own list, set on one form, is that form's alone.
    first.fields["pain_relief"].choices = [(7, "Ibuprofen")]
    assert list(first.fields["pain_relief"].widget.choices) == [(7, "Ibuprofen")]
    assert list(second.fields["pain_relief"].widget.choices) == []


def test_another_widget_is_deep_copied_as_django_does():
    class OwnCopy(forms.Select):
        copies = 0

        def __deepcopy__(self, memo):
            OwnCopy.copies += 1
            return super().__deepcopy__(memo)

    widget = OwnCopy(choices=[(1, "One")])
    copied = _copied_choice_widget(widget, {})
    assert OwnCopy.copies == 1 and copied is not widget
    text = forms.TextInput(attrs={"size": 3})
    copied_text = _copied_choice_widget(text, {})
    assert copied_text.attrs == {"size": 3} and copied_text.attrs is not text.attrs
    assert copy.deepcopy(text).attrs == copied_text.attrs
