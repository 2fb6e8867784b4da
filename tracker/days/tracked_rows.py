"""The settings page's own lists (pain relief, factors), drawn in Python.

Each row is two small forms (rename, retire) whose markup differs only by the item: through the
template it was ~20 nodes a row, about a third of the settings page with 18 rows; each list's
heading, count and "add" form were another tenth. The markup is the one
`partials/tracked_lists.html` drew, every value escaped as the template escaped it
(`conditional_escape`): tests/views/test_tracked_rows.py compares both. A person's lists as drawn
are kept (LISTS_DRAWN, lists_html) under their entries."""

from typing import TYPE_CHECKING

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.html import conditional_escape as escape
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from tracker.choices import TrackedKind
from tracker.csrf import STAND_IN, token_for, with_token
from tracker.days import tracked
from tracker.kept import Kept, digest
from tracker.links import page_address, reverse_once
from tracker.models import TrackedItem

if TYPE_CHECKING:
    from tracker.forms.account import TrackedItemForm

# A person's lists as Settings draws them (1 to 6 KB), kept under their entries: the page is
# come back to after each of its own forms (the settings saved, a break set or ended), and its
# lists are then as they were.
LISTS_DRAWN = Kept(1000)


@receiver(setting_changed)
def _forget_drawn_lists(**kwargs) -> None:
    # Their words follow the languages (settings); changed only under test.
    LISTS_DRAWN.clear()


def lists_html(
    lists: tracked.Lists, failed: "TrackedItemForm | None", request: HttpRequest
) -> SafeString:
    """The settings page's own lists (sections_html), with this request's CSRF token; kept
    (LISTS_DRAWN) under a digest of the page's language and address and the entries, unless
    `failed`, a refused form (TrackedItemForm), is shown in its list."""
    if failed is not None:
        typed = _csrf_input(token_for(request))
        return sections_html(sections(lists, failed, typed), typed)
    stand_in = _csrf_input(STAND_IN)

    def draw() -> SafeString:
        return sections_html(sections(lists, None, stand_in), stand_in)

    entries = tuple((item.pk, item.kind, item.name, item.retired_at) for item in lists.items)
    # A digest: the entries' names are the person's own words.
    key = digest((page_address(), entries))
    return mark_safe(with_token(LISTS_DRAWN.get_or_make(key, draw), request))


def _csrf_input(token: str) -> str:
    """What `{% csrf_token %}` draws, worked out once for all the rows."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)


def sections(lists: tracked.Lists, failed: "TrackedItemForm | None", csrf_input: str) -> list[dict]:
    """Each list for the settings page, with a form that failed (TrackedItemForm) shown where
    it was typed; its rows drawn here, two small forms each."""
    found = []
    for kind, label in TrackedKind.choices:
        renaming = failed.item.pk if failed is not None and failed.item else None
        adding_here = failed is not None and not failed.item and failed.data.get("kind") == kind
        active = lists.active(kind)
        retired = lists.retired(kind)
        full = len(active) >= tracked.ACTIVE_LIMITS[kind]
        found.append(
            {
                "kind": kind,
                "label": label,
                "limit": tracked.ACTIVE_LIMITS[kind],
                "active": active,
                "rows": active_rows(
                    [(item, failed if item.pk == renaming else None) for item in active],
                    csrf_input,
                ),
                "retired": retired,
                "retired_rows": retired_rows(retired, csrf_input, full=full),
                "full": full,
                "add_form": failed if adding_here else None,
            }
        )  # fmt: skip
    return found


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


def sections_html(sections: list[dict], csrf_input: str) -> SafeString:
    """Each list (sections): its name and how full it is, its rows, then
    the form that adds to it (or why it can't), then its retired entries."""
    add_url = escape(reverse_once("tracker:tracked_add"))
    add_word = escape(gettext("Add"))
    # Outside the f-strings below: makemessages reads no f-string.
    retired_words = escape(gettext("Retired, kept in your history:"))
    parts = []
    for section in sections:
        kind, limit, added = escape(section["kind"]), section["limit"], section["add_form"]
        relief = section["kind"] == TrackedKind.PAIN_RELIEF
        title = escape(
            gettext("Pain relief: what you use")
            if relief
            else gettext("Your own factors: anything you want to watch")
        )
        # As {% blocktranslate %} writes them: the translation as it is, its values escaped.
        counted = ngettext("%(used)s of %(limit)s", "%(used)s of %(limit)s", limit) % {
            "used": escape(len(section["active"])),
            "limit": escape(limit),
        }
        if section["full"]:
            at_most = ngettext(
                "That's %(limit)s, the most at once: retire one to add another.",
                "That's %(limit)s, the most at once: retire one to add another.",
                limit,
            ) % {"limit": escape(limit)}
            adding = f'\n      <p class="small">{at_most}</p>\n    '
        else:
            label = escape(
                gettext("Add a pain relief (e.g. ibuprofen, heat pack)")
                if relief
                else gettext("Add a factor (e.g. long drive, gardening)")
            )
            typed, refused = "", ""
            if added:
                typed = (
                    f' value="{escape(added.data.get("name", ""))}" autofocus aria-invalid="true"'
                    f' aria-describedby="add-{kind}-error"'
                )
                refused = (
                    f'<p class="field-error" id="add-{kind}-error">'
                    f"{escape(_first(added.errors.get('name')))}</p>"
                )
            adding = (
                f'\n      <form method="post" action="{add_url}" class="tracked-add'
                f'{" has-error" if added else ""}">\n'
                f'        {csrf_input}<input type="hidden" name="kind" value="{kind}">\n'
                f'        <label for="add-{kind}">{label}</label>\n'
                f'        <div class="tracked-add-row"><input type="text" id="add-{kind}" '
                f'name="name" maxlength="40" required{typed}>'
                f'<button type="submit" class="button">{add_word}</button></div>\n'
                f"        {refused}\n"
                "      </form>\n    "
            )
        retired = ""
        if section["retired"]:
            retired = (
                f'\n      <p class="small">{retired_words}</p>'
                '\n      <ul class="tracked-list">'
                f"\n      {section['retired_rows']}"
                "\n      </ul>\n    "
            )
        parts.append(
            f'\n    <h3 id="tracked-{kind}">{title} <span class="small">({counted})</span></h3>'
            '\n    <ul class="tracked-list">'
            f"\n      {section['rows']}"
            "\n    </ul>"
            f"\n    {adding}"
            f"\n    {retired}"
            "\n  "
        )
    return mark_safe("".join(parts))
