"""Each form's own copy of its class's fields, made directly rather than by copy.deepcopy.

Django deep-copies every field of a form class for each form (BaseForm.__init__), and each
field's widget with it. Most of that time is not the copying itself but copy's generic path:
copy.copy rebuilds an object through __reduce_ex__, several times the work of copying its
__dict__. The check-in form is built on every check-in page and every save, the settings form
on every settings page: together with normalising choice pairs again on each copy, copying
their fields was about a tenth of those requests.

For the field and widget classes whose copy Django makes itself (Field.__deepcopy__ and
ChoiceField's, Widget's and ChoiceWidget's), the copies here are the same ones made directly: a
new object with the same attributes, then the widget, the widget's attrs, the error messages
and the validators copied, as Django copies them. A field or widget class that copies itself
its own way is deep-copied as before."""

import copy
from collections.abc import Callable, Iterator
from typing import TypeVar

from django import forms
from django.forms.widgets import ChoiceWidget, Widget
from django.utils.choices import BaseChoiceIterator


def _shallow(thing):
    """copy.copy(thing) for a plain object (no __slots__, no __reduce__ of its own, as
    Django's fields and widgets are): a new one holding the same attributes."""
    cls = type(thing)
    made = cls.__new__(cls)
    made.__dict__.update(thing.__dict__)
    return made


def copied_widget(widget: forms.Widget, memo: dict) -> forms.Widget:
    """Widget.__deepcopy__, made directly. A choice widget's pairs are copied as a list, not
    normalised again (they were when set); any other widget class is deep-copied as Django
    does."""
    copier = type(widget).__deepcopy__
    if copier is Widget.__deepcopy__:
        copied = _shallow(widget)
    elif copier is ChoiceWidget.__deepcopy__:
        copied = _shallow(widget)
        copied._choices = copy.copy(widget._choices)
    else:
        return copy.deepcopy(widget, memo)
    copied.attrs = widget.attrs.copy()
    memo[id(widget)] = copied
    return copied


def copied_field(field: forms.Field, memo: dict) -> forms.Field:
    """Field.__deepcopy__ (and ChoiceField's), made directly; any other field class is
    deep-copied as before."""
    copier = type(field).__deepcopy__
    if copier is SharedChoices.__deepcopy__:
        return copier(field, memo)
    if copier is not forms.Field.__deepcopy__ and copier is not forms.ChoiceField.__deepcopy__:
        return copy.deepcopy(field, memo)
    copied = _copied_field_parts(field, memo)
    if copier is forms.ChoiceField.__deepcopy__:
        copied._choices = copy.deepcopy(field._choices, memo)
    return copied


def _copied_field_parts(field: forms.Field, memo: dict) -> forms.Field:
    copied = _shallow(field)
    memo[id(field)] = copied
    copied.widget = copied_widget(field.widget, memo)
    copied.error_messages = field.error_messages.copy()
    copied.validators = field.validators[:]
    return copied


class SharedChoices:
    """A choice field whose form copies share its choice pairs. Django deep-copies every
    field for every form, and each (value, label) pair of a list of constants with it: about a
    third of building the check-in form. The pairs are never changed in place (a person's own
    lists are set per form in CheckInForm.__init__, by set_pairs_when_asked), so a new list of
    the same pairs is the same choices; the widget already keeps a shallow copy of its own."""

    def set_pairs_when_asked(self, make: Callable[[], list[tuple[object, str]]]) -> None:
        """`field.choices = make`, for (value, label) pairs with plain string labels and no
        groups, which Django's normalising gives back unchanged: made by `make` when the
        choices are first walked (validating an empty answer never walks them), then kept.
        Field and widget share the one iterator, as Django's setter leaves a lazy one; its
        CallableChoiceIterator would call `make` and normalise the pairs on every walk."""
        self._choices = self.widget._choices = PairsWhenAsked(make)

    def __deepcopy__(self, memo):
        copied = _copied_field_parts(self, memo)
        choices = self._choices
        copied._choices = list(choices) if type(choices) is list else copy.deepcopy(choices, memo)
        return copied


class PairsWhenAsked(BaseChoiceIterator):
    """Choice pairs made once, on the first walk: (value, label) pairs with plain string
    labels and no groups, as set_pairs_when_asked takes them, which need no normalising."""

    def __init__(self, make: Callable[[], list[tuple[object, str]]]) -> None:
        self._make = make
        self._pairs: list[tuple[object, str]] | None = None

    def __iter__(self) -> Iterator[tuple[object, str]]:
        if self._pairs is None:
            self._pairs = self._make()
        return iter(self._pairs)

    # Made from one person's lists for one form: a copy of its field or widget (none is made
    # today) offers the same pairs, from the same one read, field and widget still sharing it.
    def __copy__(self) -> "PairsWhenAsked":
        return self

    def __deepcopy__(self, memo) -> "PairsWhenAsked":
        return self


class _FieldsCopiedDirectly(dict):
    """A form class's base_fields, copied for each form by copied_field."""

    def __deepcopy__(self, memo):
        return {name: copied_field(field, memo) for name, field in self.items()}


FormClass = TypeVar("FormClass", bound=type[forms.BaseForm])


def fields_copied_directly(form_class: FormClass) -> FormClass:
    """Class decorator: each form of `form_class` copies its fields by copied_field."""
    form_class.base_fields = _FieldsCopiedDirectly(form_class.base_fields)
    return form_class
