"""Issue 30: each check-in and settings form copies its class's fields directly
(tracker.forms.field_copies): the same copies Django's deep copy makes, choice pairs not
normalised again, and each form's copy its own."""

import copy

import pytest
from django import forms
from django.utils.choices import normalize_choices

from tracker.forms.account import SettingsForm
from tracker.forms.day import CheckInForm
from tracker.forms.field_copies import copied_field, copied_widget

CHOICE_FIELDS = [
    name for name, field in CheckInForm.base_fields.items() if isinstance(field, forms.ChoiceField)
]
OWN_LISTS = ("pain_relief", "factors")


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
        assert "data-mine" not in second.fields[name].widget.attrs
        if name in OWN_LISTS:
            continue  # made per form from the person's lists (below), never copied
        widget.choices.append(("extra", "Extra"))
        assert ("extra", "Extra") not in list(second.fields[name].widget.choices)
        assert ("extra", "Extra") not in list(CheckInForm.base_fields[name].widget.choices)
    # A person's own list, set on one form, is that form's alone.
    first.fields["pain_relief"].choices = [(7, "Ibuprofen")]
    assert list(first.fields["pain_relief"].widget.choices) == [(7, "Ibuprofen")]
    assert list(second.fields["pain_relief"].widget.choices) == []


def test_each_forms_own_lists_are_its_persons():
    from tracker.days import tracked

    mine = CheckInForm(items=tracked.Lists([tracked.Listed(8, "factor", "Long drive", None)]))
    theirs = CheckInForm(items=tracked.Lists([tracked.Listed(9, "factor", "Gardening", None)]))
    assert list(mine.fields["factors"].widget.choices) == [(8, "Long drive")]  # walked first
    assert list(theirs.fields["factors"].widget.choices) == [(9, "Gardening")]
    assert list(theirs.fields["factors"].choices) == [(9, "Gardening")]
    assert list(mine.fields["factors"].choices) == [(8, "Long drive")]
    # A copy of a field offers its form's pairs, from the same one read.
    copied = copy.deepcopy(mine.fields["factors"])
    assert copied.choices is copied.widget.choices is mine.fields["factors"].choices
    assert list(copied.choices) == [(8, "Long drive")]


def test_another_widget_is_deep_copied_as_django_does():
    class OwnCopy(forms.Select):
        copies = 0

        def __deepcopy__(self, memo):
            OwnCopy.copies += 1
            return super().__deepcopy__(memo)

    widget = OwnCopy(choices=[(1, "One")])
    copied = copied_widget(widget, {})
    assert OwnCopy.copies == 1 and copied is not widget
    text = forms.TextInput(attrs={"size": 3})
    copied_text = copied_widget(text, {})
    assert copied_text.attrs == {"size": 3} and copied_text.attrs is not text.attrs
    assert copy.deepcopy(text).attrs == copied_text.attrs


# Copied as objects of their own: everything else a field or widget holds is shared, as
# copy.copy shares it in Django's own deep copy.
OWN_COPIES = {"widget", "error_messages", "validators", "attrs", "_choices"}


def _same_copy(ours, djangos, original):
    assert type(ours) is type(djangos)
    assert vars(ours).keys() == vars(djangos).keys()
    for name, value in vars(ours).items():
        if name == "widget":
            _same_copy(value, djangos.widget, original.widget)
        elif name in OWN_COPIES:
            assert value == vars(djangos)[name], name
            assert value is not vars(original)[name], name
        else:
            assert value is vars(djangos)[name], name


@pytest.mark.parametrize("form_class", [CheckInForm, SettingsForm])
def test_each_field_is_copied_as_djangos_deep_copy_copies_it(form_class):
    djangos = copy.deepcopy(dict(form_class.base_fields))
    ours = copy.deepcopy(form_class.base_fields)
    assert type(ours) is dict and ours.keys() == djangos.keys()
    for name, field in ours.items():
        _same_copy(field, djangos[name], form_class.base_fields[name])


@pytest.mark.parametrize("form_class", [CheckInForm, SettingsForm])
def test_what_one_form_changes_in_its_fields_is_its_own(form_class):
    first, second = form_class(), form_class()
    for name in form_class.base_fields:
        field = first.fields[name]
        field.widget.attrs["data-mine"] = "1"
        field.error_messages["mine"] = "Mine"
        field.validators.append(str)
        base, other = form_class.base_fields[name], second.fields[name]
        for untouched in (base, other):
            assert "data-mine" not in untouched.widget.attrs
            assert "mine" not in untouched.error_messages
            assert str not in untouched.validators


@pytest.mark.parametrize("form_class", [CheckInForm, SettingsForm])
def test_forms_copy_their_classs_fields_without_copy_copy(monkeypatch, form_class):
    copied = []
    real_copy = copy.copy
    monkeypatch.setattr(copy, "copy", lambda thing: copied.append(id(thing)) or real_copy(thing))
    form_class()
    base = form_class.base_fields.values()
    assert not {id(part) for field in base for part in (field, field.widget)} & set(copied)


def test_a_field_that_copies_itself_its_own_way_is_deep_copied():
    class OwnField(forms.CharField):
        copies = 0

        def __deepcopy__(self, memo):
            OwnField.copies += 1
            return super().__deepcopy__(memo)

    field = OwnField(widget=forms.Textarea)
    copied = copied_field(field, {})
    assert OwnField.copies == 1 and copied is not field and copied.widget is not field.widget
    split = forms.SplitDateTimeField()
    split_copy = copied_field(split, {})
    assert split_copy.fields[0] is not split.fields[0]


def test_a_persons_own_lists_are_the_choices_djangos_setter_would_give():
    from tracker.days import tracked

    items = tracked.Lists(
        [
            tracked.Listed(7, "relief", "Ibuprofen", None),
            tracked.Listed(9, "relief", "Heat <pad>", None),
            tracked.Listed(8, "factor", "Long drive", None),
        ]
    )
    form = CheckInForm(items=items)
    by_setter = forms.TypedMultipleChoiceField()
    for name, pairs in [("pain_relief", [(7, "Ibuprofen"), (9, "Heat <pad>")]),
                        ("factors", [(8, "Long drive")])]:  # fmt: skip
        by_setter.choices = lambda pairs=pairs: pairs  # a lazy list of choices, Django's way
        field = form.fields[name]
        assert list(field.choices) == list(by_setter.choices) == normalize_choices(pairs)
        assert list(field.widget.choices) == list(by_setter.widget.choices)
        # One lazy iterator shared by field and widget, as the setter leaves a lazy one.
        assert field.widget.choices is field.choices
        assert by_setter.widget.choices is by_setter.choices


def test_a_persons_own_lists_are_read_once_and_only_when_asked():
    from tracker.days import tracked

    reads = []

    class CountedLists(tracked.Lists):
        def active(self, kind):
            reads.append(kind)
            return super().active(kind)

    items = CountedLists([tracked.Listed(8, "factor", "Long drive", None)])
    empty = CheckInForm({"discomfort": "2"}, items=items)
    assert empty.is_valid() and empty.cleaned_data["factors"] == []
    assert reads == []  # nothing ticked: neither list was needed to validate
    ticked = CheckInForm({"factors": ["8"]}, items=items)
    assert ticked.is_valid() and ticked.cleaned_data["factors"] == [8]
    assert reads == ["factor"]  # the ticked list only, to check the entry is the person's
    assert not CheckInForm({"factors": ["9"]}, items=items).is_valid()  # not on their list
    form = CheckInForm(items=items)
    for _ in range(3):
        assert list(form.fields["factors"].widget.choices) == [(8, "Long drive")]
    assert reads == ["factor", "factor", "factor"]  # each form's pairs made once
