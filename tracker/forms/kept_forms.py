"""Whole unbound forms drawn once for what they show (FORMS_DRAWN), the form not even built when
one is kept: fieldsets.form_fields_html's drawing, field by field as FIELDS_DRAWN keeps each."""

import functools
import secrets
from collections.abc import Callable, Mapping

from django import forms
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms import BaseForm
from django.utils.safestring import SafeString

from tracker.forms import drawing
from tracker.forms.drawing import text_html
from tracker.forms.fieldsets import LeftOut, form_fields_parts
from tracker.kept import Kept, digest
from tracker.links import page_address

# Whole unbound forms as form_fields_html draws them, for what they show. The settings page is
# come back to after each of its own forms (a list entry added or renamed, a break set or
# ended), its settings form then as it was: the form isn't even built. Each entry is a tuple of
# parts, the fields' drawings shared with FIELDS_DRAWN (a time zone's 26 KB list is one string
# however many forms show it), about 2 KB. Free text is left out, as FIELDS_DRAWN leaves it.
FORMS_DRAWN = Kept(2000)


def kept_form_fields_html(
    form_class: type[BaseForm],
    shown: tuple,
    make_form: Callable[[], BaseForm],
    free_text: Mapping[str, object] | None = None,
) -> SafeString:
    """form_fields_html of the unbound form `make_form` builds (of `form_class`, with Django's
    ids and no prefix), kept (FORMS_DRAWN) under a digest of the page's language and address,
    the class and `shown`: all the form is built from (the caller names them). The form is
    built only when none is kept. Its fields of free text, those the class does not draw alike,
    are drawn for their values in `free_text` (free_text_html)."""

    def draw() -> tuple[str, ...]:
        form = make_form()
        if form.is_bound or type(form) is not form_class or form.prefix or form.auto_id != "id_%s":
            raise ValueError("Only an unbound form as its class makes it is drawn from `shown`.")
        if form.hidden_fields():  # their values would be kept with the drawing
            raise ValueError("A form with hidden fields is not kept.")
        parts = form_fields_parts(form, leave_out_free_text=True)
        if {part for part in parts if type(part) is LeftOut} - set(free_text or ()):
            raise ValueError("Every field of free text needs its value in `free_text`.")
        return parts

    # A digest: what a form shows (an e-mail address) is the person's own.
    key = digest((page_address(), form_class, shown))
    parts = FORMS_DRAWN.get_or_make(key, draw)
    return SafeString(
        "".join(
            free_text_html(form_class, part, (free_text or {})[part])
            if type(part) is LeftOut
            else part
            for part in parts
        )
    )


# Each field of free text as drawn with some value (VALUE_STAND_IN in its place) and with none:
# a few per form class and language, under 1 KB each.
FREE_TEXT_DRAWN = Kept(100)
# Per process and unguessable, so no text a person writes can contain it.
VALUE_STAND_IN = f"value-stand-in-{secrets.token_hex(16)}"


def free_text_html(form_class: type[BaseForm], name: str, value: object) -> str:
    """The field `name` of `form_class` showing `value`, as drawing.field_group_html draws it:
    kept (FREE_TEXT_DRAWN) with a stand-in for any value, the value (escaped, as Django's
    widgets write it) put in its place; an empty value is no value, as Django's widgets have it."""
    empty = value is None or value == ""

    def draw() -> str:
        form = free_text_form_class(form_class)(initial={name: "" if empty else VALUE_STAND_IN})
        return drawing.field_group_html(form[name])

    drawn = FREE_TEXT_DRAWN.get_or_make((page_address(), form_class, name, empty), draw)
    return drawn if empty else drawn.replace(VALUE_STAND_IN, text_html(str(value)))


@functools.cache
def free_text_form_class(form_class: type[BaseForm]) -> type[forms.Form]:
    """A form of `form_class`'s fields that are not drawn alike (its `drawn_alike`), the same
    field objects in the same order: given their initial values, it draws them as the whole
    form does (kept_form_fields_html), as long as the whole form's __init__ leaves those fields
    and its own drawing attributes (label_suffix, required_css_class) as its class has them
    (tests/test_h30_settings_kept.py holds SettingsForm to that)."""
    alike = getattr(form_class, "drawn_alike", frozenset())
    fields = {name: field for name, field in form_class.base_fields.items() if name not in alike}
    return type(f"{form_class.__name__}FreeText", (forms.Form,), fields)


@receiver(setting_changed)
def _forget_drawn_forms(**kwargs) -> None:
    # What fields show comes from settings too (fieldsets._forget_drawn_fields).
    FORMS_DRAWN.clear()
    FREE_TEXT_DRAWN.clear()
