"""Whole unbound forms drawn once for what they show (FORMS_DRAWN), the form not even built when
one is kept: fieldsets.form_fields_html's drawing, field by field as FIELDS_DRAWN keeps each."""

import functools
import hashlib
from collections.abc import Callable

from django import forms
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms import BaseForm
from django.utils.safestring import SafeString

from tracker.forms import drawing
from tracker.forms.fieldsets import LeftOut, form_fields_parts
from tracker.kept import Kept
from tracker.links import page_address

# Whole unbound forms as form_fields_html draws them, for what they show. The settings page is
# come back to after each of its own forms (a list entry added or renamed, a break set or
# ended), its settings form then as it was: the form isn't even built. Each entry is a tuple of
# parts, the fields' drawings shared with FIELDS_DRAWN (a time zone's 26 KB list is one string
# however many forms show it), about 2 KB; free text is left out, as FIELDS_DRAWN leaves it.
FORMS_DRAWN = Kept(2000)


def kept_form_fields_html(
    shown: tuple,
    make_form: Callable[[], BaseForm],
    make_free_text_form: Callable[[], BaseForm] | None = None,
) -> SafeString:
    """form_fields_html of the unbound form `make_form` builds, kept (FORMS_DRAWN) under a
    digest of the page's language and address and of `shown`: the form's class and all it is
    built from (the caller names them). The form is built only when none is kept; its fields of
    free text are then drawn from `make_free_text_form`'s (free_text_form_class)."""
    made = []

    def draw() -> tuple[str, ...]:
        made.append(make_form())
        if made[0].is_bound:
            raise ValueError("Only an unbound form is drawn from what it shows alone.")
        return form_fields_parts(made[0], leave_out_free_text=True)

    # A digest: what a form shows (an e-mail address) is the person's own.
    key = hashlib.sha256(repr((page_address(), shown)).encode()).digest()
    parts = FORMS_DRAWN.get_or_make(key, draw)
    if not any(type(part) is LeftOut for part in parts):
        return SafeString("".join(parts))
    form = made[0] if made else make_free_text_form()
    return SafeString(
        "".join(
            drawing.field_group_html(form[part]) if type(part) is LeftOut else part
            for part in parts
        )
    )


@functools.cache
def free_text_form_class(form_class: type[BaseForm]) -> type[forms.Form]:
    """A form of `form_class`'s fields that are not drawn alike (its `drawn_alike`), the same
    field objects in the same order: given their initial values, it draws them as the whole
    form does (kept_form_fields_html)."""
    alike = getattr(form_class, "drawn_alike", frozenset())
    fields = {name: field for name, field in form_class.base_fields.items() if name not in alike}
    return type(f"{form_class.__name__}FreeText", (forms.Form,), fields)


@receiver(setting_changed)
def _forget_drawn_forms(**kwargs) -> None:
    # What fields show comes from settings too (fieldsets._forget_drawn_fields).
    FORMS_DRAWN.clear()
