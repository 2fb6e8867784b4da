"""The settings page's own-list rows are drawn in Python (tracker.days.tracked_rows): the same
markup the template drew, escaping, a refused rename and the retired rows included."""

import re
from pathlib import Path

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import timezone

from tracker.choices import TrackedKind
from tracker.days import tracked, tracked_rows
from tracker.models import TrackedItem

RELIEF, FACTOR = TrackedKind.PAIN_RELIEF, TrackedKind.FACTOR

# The loops partials/tracked_lists.html held before the rows moved to Python.
_TEMPLATE_ROWS = (Path(__file__).parent.parent / "data" / "tracked_rows_template.html").read_text()


def _plain(html: str) -> str:
    """Markup without the whitespace between tags, and with the masked CSRF tokens (different
    on every draw) set aside."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', html)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def _sections_of(response) -> list[dict]:
    """What the page's lists were drawn from (tracked_rows.sections), worked out again."""
    return tracked_rows.sections(
        tracked.lists_for(response.wsgi_request.user),
        response.context.get("tracked_form"),
        '<input type="hidden" name="csrfmiddlewaretoken" value="set-aside">',
    )


def _lists(html: str) -> list[str]:
    return re.findall(r'<ul class="tracked-list">.*?</ul>', _plain(html))


def _template_lists(response) -> list[str]:
    context = response.context
    sections = [
        {**section, "active": [(item, failed) for item, failed in _active(section, context)]}
        for section in _sections_of(response)
    ]
    drawn = (
        engines["django"]
        .from_string(_TEMPLATE_ROWS)
        .render({"tracked_sections": sections}, request=response.wsgi_request)
    )
    return _lists(drawn)


def _active(section, context):
    failed = context.get("tracked_form")
    renaming = failed.item.pk if failed is not None and getattr(failed, "item", None) else None
    return [(item, failed if item.pk == renaming else None) for item in section["active"]]


@pytest.mark.parametrize("full", [False, True])
def test_rows_are_the_markup_the_template_drew(logged_in_client, user, full):
    _item = TrackedItem.objects.create
    _item(user=user, kind=RELIEF, name='Heat <pack> & "tea"')
    _item(user=user, kind=RELIEF, name="Ibuprofen", retired_at=timezone.now())
    _item(user=user, kind=FACTOR, name="Long drive", retired_at=timezone.now())
    for n in range(10 if full else 2):
        _item(user=user, kind=FACTOR, name=f"Factor {n}'s")
    response = logged_in_client.get(reverse("tracker:settings"))
    drawn = _lists(response.content.decode())
    assert len(drawn) == 4  # two lists in use, two retired
    assert drawn == _template_lists(response)
    assert "Heat &lt;pack&gt; &amp; &quot;tea&quot;" in drawn[0]
    assert (" disabled>" in drawn[3]) is full
    assert drawn[0].count('name="csrfmiddlewaretoken"') == 2


def test_a_refused_rename_is_drawn_as_the_template_drew_it(logged_in_client, user):
    TrackedItem.objects.create(user=user, kind=FACTOR, name="Gar<b>den")
    drive = TrackedItem.objects.create(user=user, kind=FACTOR, name="Drive")
    response = logged_in_client.post(
        reverse("tracker:tracked_rename", args=[drive.pk]), {"name": "gar<b>den"}
    )
    assert response.status_code == 400
    drawn = _lists(response.content.decode())
    assert drawn == _template_lists(response)
    assert 'value="gar&lt;b&gt;den" maxlength="40" required autofocus' in drawn[1]
    assert f'id="rename-{drive.pk}-error"' in drawn[1]


# The loop partials/tracked_lists.html held before each list moved to Python.
_TEMPLATE_SECTIONS = (
    Path(__file__).parent.parent / "data" / "tracked_sections_template.html"
).read_text()


def _sections(html: str) -> str:
    """What the page draws of the lists: from the first list's heading to the section's end."""
    plain = _plain(html)
    start = plain.index('<h3 id="tracked-relief">')
    return plain[start : plain.index("</section>", start)]


def _template_sections(response) -> str:
    drawn = (
        engines["django"]
        .from_string(_TEMPLATE_SECTIONS)
        .render(
            {"tracked_sections": _sections_of(response)},
            request=response.wsgi_request,
        )
    )
    return _plain(drawn)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("full", [False, True])
def test_each_list_is_the_markup_the_template_drew(logged_in_client, user, full, language):
    user.profile.language = language
    user.profile.save()
    TrackedItem.objects.create(user=user, kind=RELIEF, name="Heat <pack>")
    TrackedItem.objects.create(user=user, kind=RELIEF, name="Old", retired_at=timezone.now())
    for n in range(10 if full else 1):
        TrackedItem.objects.create(user=user, kind=FACTOR, name=f"Factor {n}")
    response = logged_in_client.get(reverse("tracker:settings"))
    drawn = _sections(response.content.decode())
    assert drawn == _template_sections(response)
    assert drawn.count('<h3 id="tracked-') == 2 and ("retire one to add another" in drawn) is (
        full and language == "en"
    )
    assert drawn.count('class="tracked-add-row"') == (1 if full else 2)


def test_a_refused_addition_is_drawn_as_the_template_drew_it(logged_in_client, user):
    response = logged_in_client.post(
        reverse("tracker:tracked_add"), {"kind": FACTOR, "name": "a<b>" * 20}
    )
    assert response.status_code == 400
    drawn = _sections(response.content.decode())
    assert drawn == _template_sections(response)
    assert 'class="tracked-add has-error"' in drawn and 'id="add-factor-error"' in drawn
    assert 'value="a&lt;b&gt;' in drawn
