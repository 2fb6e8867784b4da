"""The settings page's own-list rows, drawn in Python.

Each row is two small forms (rename, retire) whose markup differs only by the item: through the
template it was ~20 nodes a row, about a third of the settings page with 18 rows. The markup is
the one `partials/tracked_lists.html` drew, every value escaped as the template escaped it
(`conditional_escape`)."""

from django.utils.html import conditional_escape as escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, pgettext

from tracker.links import reverse_once
from tracker.models import TrackedItem

# An id no item has, reversed once and split: each row's links are then two joins, not two
# reverse_once look-ups (36 a page, a sixth of drawing the rows).
_MARK = 987654321987654321


def _url_parts(viewname: str) -> tuple[str, str]:
    head, tail = escape(reverse_once(viewname, _MARK)).split(str(_MARK))
    return head, tail


def active_rows(rows: "list[tuple[TrackedItem, object | None]]", csrf_input: str) -> SafeString:
    """The items in use, each with its rename and retire forms; `failed` is the rename form
    that was refused for that item (its typed name kept, its error beside the field)."""
    rename_head, rename_tail = _url_parts("tracker:tracked_rename")
    retire_head, retire_tail = _url_parts("tracker:tracked_retire")
    # The words, translated once for all the rows.
    name_of = escape(gettext("Name of %(name)s"))
    rename_word = escape(pgettext("a list entry", "Rename"))
    retire_word = escape(pgettext("a list entry", "Retire"))
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
        rename = f"{rename_head}{pk}{rename_tail}"
        retire = f"{retire_head}{pk}{retire_tail}"
        parts.append(
            f'<li><form method="post" action="{rename}" class="{form_class}">{csrf_input}'
            f'<label class="visually-hidden" for="rename-{pk}">{name_of % {"name": name}}</label>'
            f'<input type="text" id="rename-{pk}" name="name" value="{value}" maxlength="40" '
            f"required{invalid}>"
            f'<button type="submit" class="button button-secondary">{rename_word}'
            f'<span class="visually-hidden"> {name}</span></button></form>'
            f'<form method="post" action="{retire}" class="inline-form">{csrf_input}'
            f'<button type="submit" class="link-button">{retire_word}'
            f'<span class="visually-hidden"> {name}</span></button></form>{error}</li>'
        )
    return mark_safe("".join(parts))


def retired_rows(items: list[TrackedItem], csrf_input: str, *, full: bool) -> SafeString:
    """The retired items, each with its "Bring back" button (disabled while the list is full)."""
    disabled = " disabled" if full else ""
    retire_head, retire_tail = _url_parts("tracker:tracked_retire")
    bring_back = escape(pgettext("a list entry", "Bring back"))
    parts = []
    for item in items:
        name = escape(item.name)
        retire = f"{retire_head}{item.pk}{retire_tail}"
        parts.append(
            f'<li><form method="post" action="{retire}" class="inline-form">{csrf_input}'
            f'<span>{name}</span> <button type="submit" class="link-button"{disabled}>'
            f'{bring_back}<span class="visually-hidden"> {name}</span></button></form></li>'
        )
    return mark_safe("".join(parts))


def _first(errors) -> str:
    """`errors.0` as the template read it: the first message, or nothing."""
    return errors[0] if errors else ""
