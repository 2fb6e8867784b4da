"""Form fields written in Python (tracker.forms.drawing) rather than through Django's form
templates: the same markup, without a dozen small templates per field.

    {% field_group field %}   for {{ field.as_field_group }}: label, help, errors and widget
    {% field_widget field %}  for {{ field }} (errors_id=…: where the page lists its errors)
    {% choice_input box %}    for {{ box.tag }}: one radio button or checkbox of a group
    {% error_list errors %}   for {{ field.errors }} or {{ form.non_field_errors }}

and two of the check-in's own shapes, written here for the same reason (about 40 checkboxes and
27 radio buttons a page, each a dozen template lookups):

    {% check_options boxes %}                  a group of checkboxes, each inside its label
    {% scale_options field scale_class autofocus %}  a scale's radio buttons (scale_field.html)
"""

from django import template
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.utils import ErrorList
from django.forms.widgets import RadioSelect
from django.utils.safestring import SafeString

from tracker.forms import drawing
from tracker.forms.drawing import text_html

register = template.Library()


@register.simple_tag
def field_group(field: BoundField) -> SafeString:
    return drawing.field_group_html(field)


@register.simple_tag
def field_widget(field: BoundField, errors_id: str | None = None) -> SafeString:
    """`errors_id`: the id of the list a page writes the field's errors in itself, such as
    tracker/partials/field_errors.html's `<id>_errors`."""
    return drawing.widget_html(field, errors_id=errors_id or None)


@register.simple_tag
def choice_input(box: BoundWidget) -> SafeString:
    return drawing.choice_html(box)


@register.simple_tag
def error_list(errors: ErrorList) -> SafeString:
    return drawing.errors_html(errors)


@register.simple_tag
def check_options(boxes: "BoundField | list[drawing.CheckBox]") -> SafeString:
    """Each checkbox inside its label, as checkin_panel.html's loops wrote them: those of a
    field, or some of them (drawing.checkboxes)."""
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


@register.simple_tag
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
        return _scale_options_from_radios(field, scale_class, autofocus)
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


def _scale_options_from_radios(field: BoundField, scale_class: str, autofocus: bool) -> str:
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
