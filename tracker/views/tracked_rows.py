"""The settings page's own-list rows, drawn in Python.

Each row is two small forms (rename, retire) whose markup differs only by the item: through the
template it was ~20 nodes a row, about a third of the settings page with 18 rows. The markup is
the one `partials/tracked_lists.html` drew, every value escaped as the template escaped it
(`conditional_escape`)."""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe

from tracker.links import reverse_once
from tracker.models import TrackedItem


def active_rows(rows: "list[tuple[TrackedItem, object | None]]", csrf_input: str) -> SafeString:
    """The items in use, each with its rename and retire forms; `failed` is the rename form
    that was refused for that item (its typed name kept, its error beside the field)."""
    parts = []
    for item, failed in rows:
        pk = item.pk
        name = escape(item.name)
        if failed:
            value = escape(failed.data.get("name", ""))
            invalid = f' autofocus aria-invalid="true" aria-describedby="rename-{pk}-error"'
            error = (
                f'<p class="field-error" id="rename-{pk}-error">'
                f"{escape(_first(failed.errors.get('name')))}</p>"
            )
            form_class = "tracked-rename has-error"
        else:
            value, invalid, error, form_class = name, "", "", "tracked-rename"
        rename = escape(reverse_once("tracker:tracked_rename", pk))
        retire = escape(reverse_once("tracker:tracked_retire", pk))
        parts.append(
            f'<li><form method="post" action="{rename}" class="{form_class}">{csrf_input}'
            f'<label class="visually-hidden" for="rename-{pk}">Name of {name}</label>'
            f'<input type="text" id="rename-{pk}" name="name" value="{value}" maxlength="40" '
            f"required{invalid}>"
            f'<button type="submit" class="button button-secondary">Rename'
            f'<span class="visually-hidden"> {name}</span></button></form>'
            f'<form method="post" action="{retire}" class="inline-form">{csrf_input}'
            f'<button type="submit" class="link-button">Retire'
            f'<span class="visually-hidden"> {name}</span></button></form>{error}</li>'
        )
    return mark_safe("".join(parts))


def retired_rows(items: list[TrackedItem], csrf_input: str, *, full: bool) -> SafeString:
    """The retired items, each with its "Bring back" button (disabled while the list is full)."""
    disabled = " disabled" if full else ""
    parts = []
    for item in items:
        name = escape(item.name)
        retire = escape(reverse_once("tracker:tracked_retire", item.pk))
        parts.append(
            f'<li><form method="post" action="{retire}" class="inline-form">{csrf_input}'
            f'<span>{name}</span> <button type="submit" class="link-button"{disabled}>'
            f'Bring back<span class="visually-hidden"> {name}</span></button></form></li>'
        )
    return mark_safe("".join(parts))


def _first(errors) -> str:
    """`errors.0` as the template read it: the first message, or nothing."""
    return errors[0] if errors else ""
