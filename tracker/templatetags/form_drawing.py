"""Form fields written in Python (tracker.forms.drawing) rather than through Django's form
templates: the same markup, without a dozen small templates per field.

    {% form_fields form %}    a form's errors, hidden fields, then each field in its block
    {% field_group field %}   for {{ field.as_field_group }}: label, help, errors and widget
    {% field_widget field %}  for {{ field }} (errors_id=…: where the page lists its errors)
    {% choice_input box %}    for {{ box.tag }}: one radio button or checkbox of a group
    {% error_list errors %}   for {{ field.errors }} or {{ form.non_field_errors }}

and the check-in's own shapes (tracker.forms.fieldsets), written in Python for the same
reason (about 40 checkboxes and 27 radio buttons a page, each a dozen template lookups):

    {% scale_field field scale_class low high mid_label=… autofocus=… %}  a scale's fieldset
    {% choice_buttons field %}     a short set of choices drawn as buttons, in its fieldset
    {% check_options boxes %}      a group of checkboxes, each inside its label
    {% own_lists fields %}         the person's own lists of checkboxes (or a link to add some)
    {% field_errors field %}       a field's errors as the page lists them (<id>_errors)
"""

from django import template
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.utils import ErrorList
from django.utils.safestring import SafeString

from tracker.forms import drawing, fieldsets

register = template.Library()


@register.simple_tag
def form_fields(form) -> SafeString:
    return fieldsets.form_fields_html(form)


@register.simple_tag
def field_group(field: BoundField) -> SafeString:
    return drawing.field_group_html(field)


@register.simple_tag
def field_widget(field: BoundField, errors_id: str | None = None) -> SafeString:
    """`errors_id`: the id of the list a page writes the field's errors in itself, such as
    tracker/partials/field_errors.html's `<id>_errors`."""
    return fieldsets.kept_widget_html(field, errors_id=errors_id or None)


@register.simple_tag
def choice_input(box: BoundWidget) -> SafeString:
    return drawing.choice_html(box)


@register.simple_tag
def error_list(errors: ErrorList) -> SafeString:
    return drawing.errors_html(errors)


@register.simple_tag
def check_options(boxes: "BoundField | list[drawing.CheckBox]") -> SafeString:
    return fieldsets.check_options(boxes)


@register.simple_tag
def own_lists(fields) -> SafeString:
    return fieldsets.own_lists_html(fields)


@register.simple_tag
def scale_field(
    field: BoundField, scale_class: str, low_label, high_label, mid_label=None, autofocus=False
) -> SafeString:
    return fieldsets.kept_scale_field_html(
        field, scale_class, low_label, high_label, mid_label=mid_label, autofocus=autofocus
    )


@register.simple_tag
def choice_buttons(field: BoundField) -> SafeString:
    return fieldsets.kept_choice_buttons_html(field)


@register.simple_tag
def field_errors(field: BoundField) -> SafeString:
    return SafeString(fieldsets.field_errors_html(field))
