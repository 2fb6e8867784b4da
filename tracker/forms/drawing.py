"""Form fields written out in Python, character for character as Django's own form templates
write them.

Django draws every label, widget, checkbox and error list through its template engine: a
settings page was about 120 small templates and half the page's time, a check-in with full
lists about 180. The few shapes these pages use (inputs, checkboxes, text areas, selects, radio
and checkbox groups, a field's label, help and errors) are written here directly, from the
same context Django builds (`Widget.get_context`, `BoundField.build_widget_attrs`), so ids,
names, `aria-describedby`, `aria-invalid` and checked states are Django's. Anything else, or
a form that draws through its own templates, goes to Django as before; tests/test_form_drawing.py
compares both for every field of every form the pages show.
"""

import functools
import html
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.forms import widgets
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.template.base import render_value_in_context
from django.utils.functional import Promise
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language

# The templates each widget class names, drawn by the function beside them (below).
_INPUT_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html"
    for name in ("text", "number", "email", "url", "password", "hidden", "date", "datetime",
                 "time", "checkbox", "search", "tel", "color")
)  # fmt: skip
_OPTION_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html" for name in ("radio_option", "checkbox_option")
)
_GROUP_TEMPLATES = frozenset(
    f"django/forms/widgets/{name}.html" for name in ("radio", "checkbox_select")
)
_SELECT_OPTION = "django/forms/widgets/select_option.html"
FIELD_TEMPLATE = "django/forms/field.html"
LABEL_TEMPLATE = "django/forms/label.html"
ERRORS_TEMPLATE = "django/forms/errors/list/default.html"


class _TemplateContext:
    """What render_value_in_context reads of a form template's context: autoescaping on,
    localisation and time zones as the settings say (the renderer's engine defaults)."""

    autoescape = True
    use_l10n = None
    use_tz = None


_CONTEXT = _TemplateContext()


# The words of lazy translations, per language (words_now).
_WORDS: dict[tuple[int, str | None], tuple[Promise, str]] = {}
WORDS_KEPT = 4096


def words_now(value: Promise) -> str:
    """A lazy translation's words in the active language, worked out once per language.

    A form's labels, help texts and choices are the same lazy strings on every request (a
    form's copy of its fields keeps them), and looking their words up again (gettext, then
    capitalising or formatting) was a fifth of drawing a form. Each is kept under its identity
    and the language, beside the lazy string itself, so that no other can take its place;
    its words depend on nothing else (every lazy string the pages draw is a translation).
    At most WORDS_KEPT are kept: a label made afresh for each form is forgotten in time."""
    key = (id(value), get_language())
    kept = _WORDS.get(key)
    if kept is not None and kept[0] is value:
        return kept[1]
    words = str(value)
    if len(_WORDS) >= WORDS_KEPT:
        _WORDS.clear()
    _WORDS[key] = (value, words)
    return words


def text_html(value) -> str:
    """`{{ value }}` in a template: localised, then escaped unless already safe."""
    if type(value) is str:
        return html.escape(value)
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        return str(value)  # what localize() writes for a whole number without separators
    if isinstance(value, Promise):  # a lazy translation (a label): its words, as text
        value = words_now(value)
        if type(value) is str:
            return html.escape(value)
    return render_value_in_context(value, _CONTEXT)


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: the value as text, escaped unless it was safe."""
    if type(value) is str:
        return html.escape(value)
    text = str(value)  # what "%s" % value gives, a tuple included
    return text if isinstance(value, SafeData) else html.escape(text)


@functools.lru_cache(maxsize=256)
def _attribute_name(name: str) -> str:
    """An attribute's name as the template writes it: the same few dozen names on every form."""
    return text_html(name)


def attrs_html(attrs: dict) -> str:
    """django/forms/attrs.html: False leaves an attribute out, True writes its bare name."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        written = _attribute_name(name) if type(name) is str else text_html(name)
        if value is True:
            parts.append(f" {written}")
        else:
            parts.append(f' {written}="{_formatted(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html (with its closing newline, as its includers get it)."""
    value = widget["value"]
    value_html = "" if value is None else f' value="{_formatted(value)}"'
    return (
        f'<input type="{text_html(widget["type"])}" name="{text_html(widget["name"])}"{value_html}'
        f"{attrs_html(widget['attrs'])}>\n"
    )


def _option(option: dict, wrap_label: bool) -> str:
    """radio_option.html / checkbox_option.html, through input_option.html."""
    if not wrap_label:
        return _input(option) + "\n\n"
    option_id = option["attrs"].get("id")
    label_open = f'<label for="{text_html(option_id)}">' if option_id else "<label>"
    return f"{label_open}{_input(option)} {text_html(option['label'])}</label>\n\n"


def _textarea(widget: dict) -> str:
    value = widget["value"]
    text = text_html(value) if value else ""
    return (
        f'<textarea name="{text_html(widget["name"])}"{attrs_html(widget["attrs"])}>\n'
        f"{text}</textarea>\n"
    )


def _select_option(option: dict) -> str:
    return (
        f'<option value="{_formatted(option["value"])}"{attrs_html(option["attrs"])}>'
        f"{text_html(option['label'])}</option>\n"
    )


def _select(widget: dict) -> str:
    parts = [f'<select name="{text_html(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{text_html(group_name)}">')
        for option in options:
            if option["template_name"] != _SELECT_OPTION:
                raise _NotOurs
            parts.append(f"\n  {_select_option(option)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _group(widget: dict) -> str:
    """radio.html / checkbox_select.html, through multiple_input.html."""
    attrs = widget["attrs"]
    group_id, group_class = attrs.get("id"), attrs.get("class")
    parts = [
        "<div",
        f' id="{text_html(group_id)}"' if group_id else "",
        f' class="{text_html(group_class)}"' if group_class else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{text_html(group)}</label>")
        for option in options:
            if option["template_name"] not in _OPTION_TEMPLATES:
                raise _NotOurs
            parts.append(f"<div>\n    {_option(option, option['wrap_label'])}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


class _NotOurs(Exception):
    """A shape this module does not draw: Django draws it."""


_DRAWERS: dict[str, Callable[[dict], str]] = {
    **dict.fromkeys(_INPUT_TEMPLATES, _input),
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/widgets/select.html": _select,
    **dict.fromkeys(_GROUP_TEMPLATES, _group),
}


def _stock(renderer) -> bool:
    """Django's own form templates, found the default way (no project override of them)."""
    return type(renderer) is DjangoTemplates


def _drawer(widget: widgets.Widget, renderer) -> Callable[[dict], str] | None:
    cls = type(widget)
    if cls.render is not widgets.Widget.render or cls._render is not widgets.Widget._render:
        return None  # a widget that draws itself (such as LongSelect) keeps doing so
    if not _stock(renderer):
        return None
    return _DRAWERS.get(widget.template_name)


def widget_html(field: BoundField, errors_id: str | None = None) -> SafeString:
    """`{{ field }}`: BoundField.as_widget with the widget's template written out.

    `errors_id`: where a page lists the field's errors itself (not as `<id>_error`, Django's
    list): the input's aria-describedby names it instead."""
    widget = field.field.widget
    given = _described_by(field, errors_id) if errors_id else {}
    draw = _drawer(widget, field.form.renderer)
    if draw is None:
        return field.as_widget(attrs=given)
    if field.field.localize:
        widget.is_localized = True
    attrs = field.build_widget_attrs(given, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    try:
        return mark_safe(draw(context).strip())
    except _NotOurs:
        return field.as_widget(attrs=given)


def _described_by(field: BoundField, errors_id: str) -> dict:
    """Django's aria-describedby for the field, with its error list's id swapped for
    `errors_id` (Django keeps an aria-describedby it is given)."""
    described = field.aria_describedby
    if not described or field.use_fieldset:
        return {}
    djangos = f"{field.auto_id}_error"
    names = [errors_id if name == djangos else name for name in described.split()]
    return {"aria-describedby": " ".join(names)}


def choice_html(choice: BoundWidget) -> SafeString:
    """`{{ box.tag }}`: one radio button or checkbox of a group, without its label (or the
    one widget of a field that has no choices)."""
    template = choice.template_name
    draw = _input if template in _OPTION_TEMPLATES else _DRAWERS.get(template)
    if template == _SELECT_OPTION:
        draw = _select_option
    if (
        draw is None
        or type(choice.parent_widget)._render is not widgets.Widget._render
        or not _stock(choice.renderer)
    ):
        return choice.tag()
    try:
        return mark_safe(draw({**choice.data, "wrap_label": False}).strip())
    except _NotOurs:
        return choice.tag()


class CheckBox(NamedTuple):
    """One checkbox of a group: what a page writes around it, and the <input> itself."""

    id_for_label: str | None
    choice_label: object
    value: object
    tag: SafeString


def checkboxes(field: BoundField) -> list[CheckBox]:
    """Each checkbox of a CheckboxSelectMultiple field, `{{ box.tag }}` written as
    choice_html writes it.

    Written from the field's choices and value with the attributes Django gives each option
    (BoundField.subwidgets, ChoiceWidget.create_option: the widget's attrs, the id with the
    option's index, aria-invalid, checked), rather than by iterating the field: Django builds
    each box's whole context, which for the check-in's ~40 boxes was most of drawing them.
    Another widget, renderer or grouped choices are iterated as Django gives them."""
    widget = field.field.widget
    choices = list(widget.choices)
    if (
        type(widget) is not widgets.CheckboxSelectMultiple
        or not _stock(field.form.renderer)
        or any(isinstance(label, (list, tuple)) for _, label in choices)
    ):
        return [
            CheckBox(box.id_for_label, box.choice_label, box.data["value"], choice_html(box))
            for box in field
        ]
    id_ = widget.attrs.get("id") or field.auto_id
    shared = {**widget.attrs, **field.build_widget_attrs({"id": id_} if id_ else {})}
    chosen = widget.format_value(field.value())
    head = f'<input type="{text_html(widget.input_type)}" name="{text_html(field.html_name)}"'
    # Every box has the same attributes but its id and checked: those around the id are
    # written once. (A "checked" among them keeps its place when updated: drawn in full.)
    names = list(shared)
    at = names.index("id") if "id" in shared else len(names)
    before = attrs_html({name: shared[name] for name in names[:at]})
    after = attrs_html({name: shared[name] for name in names[at + 1 :]})
    checked = attrs_html(widget.checked_attribute)
    boxes = []
    for index, (value, label) in enumerate(choices):
        if value is None:
            value = ""
        selected = str(value) in chosen
        if "checked" in shared:
            attrs = {**shared, **(widget.checked_attribute if selected else {})}
            if "id" in attrs:
                attrs["id"] = widget.id_for_label(attrs["id"], index)
            box_id, written = attrs.get("id"), attrs_html(attrs)
        else:
            box_id = widget.id_for_label(shared["id"], index) if "id" in shared else None
            box_html = f' id="{_formatted(box_id)}"' if "id" in shared else ""
            written = f"{before}{box_html}{after}{checked if selected else ''}"
        tag = f'{head} value="{_formatted(value)}"{written}>'
        boxes.append(CheckBox(box_id, label, value, mark_safe(tag)))
    return boxes


def errors_html(errors: ErrorList) -> SafeString:
    """`{{ field.errors }}` (or a form's non-field errors): a list with the field's
    `<id>_error`, which the input's aria-describedby names."""
    if errors.template_name != ERRORS_TEMPLATE or not _stock(errors.renderer):
        return errors.render()
    if not errors:
        return mark_safe("")
    field_id = f' id="{text_html(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{text_html(error)}</li>" for error in errors)
    return mark_safe(f'<ul class="{text_html(errors.error_class)}"{field_id}>{items}</ul>')


def _words(value):
    """A lazy translation (a label, a help text) as the words it gives now, worked out once:
    each use of the lazy string looks them up, and capitalises them, again (a label was
    looked up four times and a help text twice for each field drawn)."""
    if not isinstance(value, Promise):
        return value
    text = words_now(value)
    return SafeString(text) if hasattr(value, "__html__") else text


def _label_html(field: BoundField, tag: str, contents) -> str:
    """BoundField.label_tag (or legend_tag), as django/forms/label.html writes it, of the
    field's label `contents`."""
    form = field.form
    label_suffix = (
        field.field.label_suffix if field.field.label_suffix is not None else form.label_suffix
    )
    if label_suffix and contents and contents[-1] not in ":?.!":
        contents = SafeString(f"{text_html(contents)}{text_html(label_suffix)}")
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = None
    if id_:
        id_for_label = widget.id_for_label(id_)
        if id_for_label:
            attrs = {"for": id_for_label}
        if field.field.required and hasattr(form, "required_css_class"):
            attrs = attrs or {}
            attrs["class"] = form.required_css_class
        return f"<{tag}{attrs_html(attrs or {})}>{text_html(contents)}</{tag}>"
    return text_html(contents).strip()


def field_group_html(field: BoundField) -> SafeString:
    """`{{ field.as_field_group }}`: label (or legend), help text, errors and the widget, as
    django/forms/field.html writes them."""
    form = field.form
    if (
        field.template_name != FIELD_TEMPLATE
        or form.template_name_label != LABEL_TEMPLATE
        or not _stock(form.renderer)
    ):
        return field.as_field_group()
    label_words, help_text = _words(field.label), _words(field.help_text)
    if field.use_fieldset:
        describedby = field.aria_describedby
        described = f' aria-describedby="{text_html(describedby)}"' if describedby else ""
        label = _label_html(field, "legend", label_words) if label_words else ""
        head = f"\n  <fieldset{described}>\n  {label}\n"
        tail = "</fieldset>"
    else:
        label = _label_html(field, "label", label_words) if label_words else ""
        head = f"\n  {label}\n"
        tail = ""
    help_html = ""
    if help_text:
        help_id = f' id="{text_html(field.auto_id)}_helptext"' if field.auto_id else ""
        help_html = f'<div class="helptext"{help_id}>{help_text}</div>'
    page = f"{head}\n{help_html}\n{errors_html(field.errors)}\n{widget_html(field)}{tail}\n"
    return mark_safe(page.strip())
