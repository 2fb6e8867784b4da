"""The pages' own field shapes, written in Python as their templates wrote them: a form's
fields each in its block (every account form), a scale of radio buttons, a short set of
choices drawn as buttons, groups of checkboxes each inside its label, and a field's error
list as the check-in writes it (`<id>_errors`, which the input's aria-describedby names:
`{% field_widget field errors_id=… %}`).

Drawn through the template engine these were about 300 nodes and six includes of every
check-in page (a third of drawing it), written here character for character as those
templates wrote them (tests/test_fieldsets.py). The template tags in
tracker/templatetags/form_drawing.py draw them."""

from collections.abc import Iterable
from typing import NamedTuple

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms.boundfield import BoundField
from django.forms.widgets import RadioSelect
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

from tracker.forms import drawing
from tracker.forms.drawing import text_html
from tracker.kept import Kept, digest
from tracker.links import page_address, reverse_once


def form_fields_html(form) -> SafeString:
    """A form's errors that belong to no field, its hidden fields, then each visible field
    (label, help, errors, widget: drawing.field_group_html) in its block, marked when refused."""
    return SafeString("".join(form_fields_parts(form)))


class LeftOut(str):
    """Where a kept form's drawing leaves a field of free text out (its name): drawn each time."""


def form_fields_parts(form, *, leave_out_free_text: bool = False) -> tuple[str, ...]:
    """form_fields_html in parts, each field's drawing as FIELDS_DRAWN keeps it (not copied);
    with `leave_out_free_text`, a LeftOut for each field not drawn alike (an e-mail address)."""
    unplaced = form.non_field_errors()
    head = (
        f'<div class="form-error" role="alert">{drawing.errors_html(unplaced)}</div>'
        if unplaced
        else ""
    )
    hidden = "".join(drawing.widget_html(field) for field in form.hidden_fields())
    alike = _drawn_alike(form)
    parts = [f"{head}\n{hidden}\n"]
    for field in form.visible_fields():
        if leave_out_free_text and (alike is None or field.name not in alike.names):
            drawn = LeftOut(field.name)
        else:
            drawn = kept_field_group_html(field, alike)
        parts += (
            f'\n  <div class="field{" has-error" if field.errors else ""}">',
            drawn,
            "</div>\n",
        )
    parts.append("\n")
    return tuple(parts)


# Each form's fields as they look for the values seen lately (a country, a time zone, a reminder
# time), in each language: most under 0.5 KB, a country's list ~10 KB and a time zone's ~26 KB,
# so at most ~10 MB a process even if every entry were a time zone (a few dozen zones are seen).
FIELDS_DRAWN = Kept(400)


class _Alike(NamedTuple):
    """The fields a form's class names in `drawn_alike`, and what else their drawing follows
    from: the language (the words, the way a number is written) and all a form is given that
    reaches its fields' drawing. (A date and time is shown in the active time zone, but its
    value is already the instant in that zone: the value tells them apart.)"""

    names: frozenset[str]
    key: tuple


def _drawn_alike(form) -> _Alike | None:
    """None unless the form's class names fields it defines alike on every form, and the form
    is unbound (no errors, no typed text): only then does a field's drawing follow from the
    value it shows (and _Alike.key) alone."""
    names = getattr(form, "drawn_alike", None)
    if not names or form.is_bound:
        return None
    key = (
        type(form), form.prefix, form.auto_id, form.label_suffix, form.use_required_attribute,
        type(form.renderer), get_language(),
    )  # fmt: skip
    return _Alike(names, key)


def kept_widget_html(field: BoundField, errors_id: str | None = None) -> SafeString:
    """drawing.widget_html, kept (FIELDS_DRAWN) as kept_field_group_html keeps a whole field:
    for a field its form's class names in `drawn_alike`, on an unbound form, under its value
    and `errors_id`."""
    alike = _drawn_alike(field.form)
    if alike is None or field.name not in alike.names:
        return drawing.widget_html(field, errors_id=errors_id)
    value = field.value()
    key = (alike.key, "widget", field.name, errors_id, type(value), repr(value))
    return FIELDS_DRAWN.get_or_make(key, lambda: drawing.widget_html(field, errors_id=errors_id))


def kept_choice_buttons_html(field: BoundField) -> SafeString:
    """choice_buttons_html, kept (FIELDS_DRAWN) as kept_widget_html keeps a widget."""
    alike = _drawn_alike(field.form)
    if alike is None or field.name not in alike.names:
        return choice_buttons_html(field)
    value = field.value()
    key = (alike.key, "choice_buttons", field.name, type(value), repr(value))
    return FIELDS_DRAWN.get_or_make(key, lambda: choice_buttons_html(field))


@receiver(setting_changed)
def _forget_drawn_fields(**kwargs) -> None:
    # A field's choices and words come from settings too (the languages, the countries);
    # they change only under test, but a kept field is never older than them.
    FIELDS_DRAWN.clear()


def kept_field_group_html(field: BoundField, alike: _Alike | None) -> SafeString:
    """drawing.field_group_html, kept (FIELDS_DRAWN) for a field of `alike` (_drawn_alike)
    under its value. Many people share a language, a country, a time zone or a reminder
    time; free text such as an e-mail address stays out of `drawn_alike`, drawn each time."""
    if alike is None or field.name not in alike.names:
        return drawing.field_group_html(field)
    value = field.value()
    key = (alike.key, field.name, type(value), repr(value))
    return FIELDS_DRAWN.get_or_make(key, lambda: drawing.field_group_html(field))


# ~1 to 4 KB each (~2 MB at most): each language's checklist with nothing ticked and the
# ticked sets seen lately; each scale with each answer.
DRAWN = Kept(500)


def field_errors_html(field: BoundField) -> str:
    """A field's errors as the page lists them, or nothing when it has none."""
    errors = field.errors
    if not errors:
        return ""
    items = "".join(f"<li>{text_html(error)}</li>" for error in errors)
    return f'<ul class="field-errors" id="{text_html(field.auto_id)}_errors">{items}</ul>'


def _fieldset_open(field: BoundField, classes: str) -> str:
    """A fieldset of the field's choices, marked and described by its errors when it has some."""
    if field.errors:
        described = f' aria-describedby="{text_html(field.auto_id)}_errors"'
        return f'<fieldset class="{classes} has-error"{described}>'
    return f'<fieldset class="{classes}">'


def kept_scale_field_html(
    field: BoundField,
    scale_class: str,
    low_label,
    high_label,
    mid_label=None,
    autofocus: bool = False,
) -> SafeString:
    """scale_field_html, kept (DRAWN) for a scale without errors: per language and per all that
    can differ between two forms' drawings of it, its form's class (which fixes its question
    and choices), its ids, the answer chosen, the words at its ends and whether it takes the
    focus. On a day not yet checked in, everyone's scales look alike."""
    if field.errors:
        return scale_field_html(field, scale_class, low_label, high_label, mid_label, autofocus)
    chosen = tuple(field.field.widget.format_value(field.value()))
    key = (
        "scale", get_language(), type(field.form), field.html_name, field.auto_id, chosen,
        scale_class, str(low_label), str(high_label), mid_label and str(mid_label),
        bool(autofocus),
    )  # fmt: skip
    return DRAWN.get_or_make(
        key,
        lambda: scale_field_html(field, scale_class, low_label, high_label, mid_label, autofocus),
    )


def scale_field_html(
    field: BoundField,
    scale_class: str,
    low_label,
    high_label,
    mid_label=None,
    autofocus: bool = False,
) -> SafeString:
    """A scale's fieldset: its question, its radio buttons (scale_options), the words at its
    ends (and middle), the 5-point scale's words for each value, and its errors."""
    mid = f"<span>{text_html(mid_label)}</span>" if mid_label else ""
    descriptions = ""
    if scale_class == "scale-5":
        said = " · ".join(
            f"{text_html(value)} {text_html(str(label).lower())}"
            for value, label in field.field.choices
        )
        descriptions = f'\n    <p class="scale-descriptions small">{said}</p>\n  '
    errors = field_errors_html(field)
    return SafeString(
        f"{_fieldset_open(field, f'field scale {text_html(scale_class)}')}\n"
        f"  <legend>{text_html(field.label)}</legend>\n"
        '  <div class="scale-options">\n'
        f"    {scale_options(field, scale_class, autofocus)}\n"
        "  </div>\n"
        f'  <p class="scale-labels"><span>{text_html(low_label)}</span>{mid}'
        f"<span>{text_html(high_label)}</span></p>\n"
        f"  {descriptions}\n"
        f"  {errors}\n\n"
        "</fieldset>\n"
    )


def scale_options(field: BoundField, scale_class: str, autofocus: bool) -> SafeString:
    """A scale's radio buttons, each in its label, showing its value (the 5-point posture
    scale, whose words are written below it) or its label; the first one focused when
    `autofocus`. Without Django's required/aria-invalid: the fieldset carries the errors.

    Written from the field's choices and value, with Django's ids and checked state
    (ChoiceWidget.optgroups: the first choice equal to the value as text), rather than by
    iterating the field: Django builds each radio's whole context (attrs, template, label),
    of which this draws four things; that was a third of drawing the check-in's three scales.
    A widget or choices of another shape are iterated as Django gives them."""
    widget = field.field.widget
    choices = list(widget.choices) if type(widget) is RadioSelect else None
    if choices is None or any(isinstance(label, (list, tuple)) for _, label in choices):
        return scale_options_from_radios(field, scale_class, autofocus)
    numbers = scale_class == "scale-5"
    name = text_html(field.html_name)
    chosen = widget.format_value(field.value())
    id_ = widget.attrs.get("id") or field.auto_id
    parts, found = [], False
    for index, (value, label) in enumerate(choices):
        if value is None:
            value = ""
        selected = not found and str(value) in chosen
        found = found or selected
        radio_id = text_html(widget.id_for_label(id_, index) if id_ else None)
        checked = " checked" if selected else ""
        focus = " autofocus" if autofocus and index == 0 else ""
        shown = text_html(value if numbers else label)
        parts.append(
            f'\n      <label class="scale-option" for="{radio_id}">'
            f'\n        <input type="radio" name="{name}" '
            f'value="{text_html(value)}" id="{radio_id}"{checked}{focus}>'
            f"\n        <span>{shown}</span>\n      </label>\n    "
        )
    return SafeString("".join(parts))


def scale_options_from_radios(field: BoundField, scale_class: str, autofocus: bool) -> str:
    """scale_options, by iterating the field as Django does (what it is compared with)."""
    numbers = scale_class == "scale-5"
    parts = []
    for index, radio in enumerate(field):
        data = radio.data
        radio_id = text_html(radio.id_for_label)
        checked = " checked" if data["selected"] else ""
        focus = " autofocus" if autofocus and index == 0 else ""
        shown = text_html(data["value"] if numbers else radio.choice_label)
        parts.append(
            f'\n      <label class="scale-option" for="{radio_id}">'
            f'\n        <input type="radio" name="{text_html(data["name"])}" '
            f'value="{text_html(data["value"])}" id="{radio_id}"{checked}{focus}>'
            f"\n        <span>{shown}</span>\n      </label>\n    "
        )
    return SafeString("".join(parts))


def choice_buttons_html(field: BoundField) -> SafeString:
    """A short set of radio choices drawn as thumb-sized buttons (yes/no, 7/30 days)."""
    buttons = "".join(
        f'<label class="scale-option" for="{text_html(radio.id_for_label)}">'
        f"{drawing.choice_html(radio)}<span>{text_html(radio.choice_label)}</span></label>"
        for radio in field
    )
    return SafeString(
        f"\n{_fieldset_open(field, 'field yes-no')}\n"
        f"  <legend>{text_html(field.label)}</legend>\n"
        '  <div class="scale-options">\n'
        f"    {buttons}\n"
        "  </div>\n"
        f"  {field_errors_html(field)}\n\n"
        "</fieldset>\n"
    )


def check_options(boxes: "BoundField | Iterable[drawing.CheckBox]") -> SafeString:
    """Each checkbox inside its label: those of a field, or some of them (drawing.checkboxes)."""
    if isinstance(boxes, BoundField):
        boxes = drawing.checkboxes(boxes)
    return SafeString(
        "".join(
            f'\n            <label class="check-option" for="{text_html(box.id_for_label)}">'
            f"{box.tag} <span>{text_html(box.choice_label)}</span></label>"
            "\n          "
            for box in boxes
        )
    )


def check_groups_html(groups: Iterable[tuple[object, Iterable[drawing.CheckBox]]]) -> SafeString:
    """Groups of checkboxes (the symptom checklist's), each a fieldset under its title."""
    return SafeString(
        "".join(
            '\n        <fieldset class="symptom-group">\n'
            f"          <legend>{text_html(title)}</legend>\n"
            f"          {check_options(boxes)}\n"
            "        </fieldset>\n      "
            for title, boxes in groups
        )
    )


def own_lists_html(fields: Iterable[BoundField]) -> SafeString:
    """The person's own lists (pain relief, factors), each a fieldset of checkboxes under its
    name; an empty one says so and links to where entries are added (Settings)."""
    return SafeString("".join(kept_own_list_html(field) for field in fields))


# A person's own list as their check-in draws it, about 1 KB: kept under its entries (ids and
# names) and those ticked, so a day not yet answered draws the same lists once, not on every
# view, until an entry is added, renamed or retired.
OWN_LISTS_DRAWN = Kept(2000)


def kept_own_list_html(field: BoundField) -> str:
    """own_list_html, kept (OWN_LISTS_DRAWN) for a list without errors, under a digest of the
    language and site address (its words and the link to Settings), the form's class, ids and
    names, the entries offered and the ones ticked."""
    if field.errors:
        return own_list_html(field)
    widget = field.field.widget
    seen = (
        *page_address(), type(field.form), field.html_name,
        field.auto_id, tuple(widget.choices), sorted(widget.format_value(field.value())),
    )  # fmt: skip
    # A digest: the entries' names are the person's own words.
    key = digest(seen)
    return OWN_LISTS_DRAWN.get_or_make(key, lambda: own_list_html(field))


def own_list_html(field: BoundField) -> str:
    """One of the person's own lists, a fieldset of checkboxes under its name."""
    boxes = check_options(field)
    if not boxes:
        nothing = text_html(gettext("Nothing on your list yet."))
        add = text_html(gettext("Add what you use or want to watch"))
        boxes = (
            f'\n            <p class="small link-row">{nothing} '
            f'<a href="{text_html(reverse_once("tracker:settings"))}#tracked-heading">'
            f"{add}</a></p>\n          "
        )
    return (
        f"\n        {_fieldset_open(field, 'field symptom-group')}\n"
        f"          <legend>{text_html(field.label)}</legend>\n"
        f"          {boxes}\n"
        f"          {field_errors_html(field)}\n\n"
        "        </fieldset>\n      "
    )
