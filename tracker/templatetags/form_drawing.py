"""Form fields written in Python (tracker.forms.drawing) rather than through Django's form
templates: the same markup, without a dozen small templates per field.

    {% field_group field %}   for {{ field.as_field_group }}: label, help, errors and widget
    {% field_widget field %}  for {{ field }}
    {% choice_input box %}    for {{ box.tag }}: one radio button or checkbox of a group
    {% error_list errors %}   for {{ field.errors }} or {{ form.non_field_errors }}
"""

from django import template
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.utils import ErrorList
from django.utils.safestring import SafeString

from tracker.forms import drawing

register = template.Library()


@register.simple_tag
def field_group(field: BoundField) -> SafeString:
    return drawing.field_group_html(field)


@register.simple_tag
def field_widget(field: BoundField) -> SafeString:
    return drawing.widget_html(field)


@register.simple_tag
def choice_input(box: BoundWidget) -> SafeString:
    return drawing.choice_html(box)


@register.simple_tag
def error_list(errors: ErrorList) -> SafeString:
    return drawing.errors_html(errors)
