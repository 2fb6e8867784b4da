"""The markup of the form pages that matters to the people using them, read from the pages
themselves: a refused answer comes back with every tick and choice as it was sent, each error
sits beside its field and is named by the field's aria-describedby, every input has a label, and
the time-zone and country lists keep the person's own choice. The fields are written in Python
(tracker/forms/drawing.py, templatetags/form_drawing.py): these fail if that ever drifts."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tracker.models import TrackedItem

HTMX = {"HX-Request": "true"}
VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr", "area", "col", "embed"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: "Element | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.text = ""

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class Page(HTMLParser):
    """Every element of a page, with its attributes, parent and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self._open[-1] if self._open else None)
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def by_id(self, id_: str) -> Element:
        found = [e for e in self.elements if e.attrs.get("id") == id_]
        assert len(found) == 1, f"{len(found)} elements with id {id_!r}"
        return found[0]

    def inputs(self, name: str) -> list[Element]:
        return [e for e in self.elements if e.tag == "input" and e.attrs.get("name") == name]

    def checked(self, name: str) -> set[str]:
        return {e.attrs["value"] for e in self.inputs(name) if "checked" in e.attrs}


def _page(response, status: int = 200) -> Page:
    assert response.status_code == status, response.status_code
    return Page(response.content.decode())


def assert_accessible_form_markup(page: Page) -> None:
    """Every id an aria-describedby or a label names exists; every field a person fills in has
    a label of its own; no id is used twice."""
    ids = [e.attrs["id"] for e in page.elements if e.attrs.get("id")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    known = set(ids)
    for element in page.elements:
        for named in (element.attrs.get("aria-describedby") or "").split():
            assert named in known, f"aria-describedby names a missing {named!r}"
        if element.tag == "label" and element.attrs.get("for"):
            assert element.attrs["for"] in known, element.attrs["for"]
    labelled = {e.attrs["for"] for e in page.elements if e.tag == "label" and e.attrs.get("for")}
    for field in page.elements:
        if field.tag not in {"input", "select", "textarea"}:
            continue
        if field.attrs.get("type") in {"hidden", "submit", "button"}:
            continue
        inside_label = any(a.tag == "label" for a in field.ancestors())
        assert inside_label or field.attrs.get("id") in labelled, field.attrs


def assert_error_beside(page: Page, field_id: str, message: str) -> None:
    """The field is marked invalid, names its error list, and the list (with the message) is
    in the same field block as the field."""
    field = page.by_id(field_id)
    assert field.attrs.get("aria-invalid") == "true", field.attrs
    described = field.attrs.get("aria-describedby", "").split()
    errors = [page.by_id(name) for name in described if name.endswith(("_error", "_errors"))]
    assert len(errors) == 1, described
    assert message in errors[0].text
    block = next(a for a in field.ancestors() if "field" in a.classes())
    assert block in list(errors[0].ancestors()), "the error is not beside its field"
    assert "has-error" in block.classes()


@pytest.fixture
def items(user):
    made = [
        TrackedItem.objects.create(user=user, kind=kind, name=f"{kind} {n}")
        for kind in ("relief", "factor")
        for n in range(3)
    ]
    return {kind: [i for i in made if i.kind == kind] for kind in ("relief", "factor")}


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_refused_check_in_comes_back_with_every_answer_as_sent(logged_in_client, items, headers):
    relief, factor = items["relief"], items["factor"]
    data = {
        "posture": "4", "stress": "3", "discomfort": "2", "woke_from_pain": "yes",
        "rest_day": "on", "pain_relief": [str(relief[1].pk)],
        "factors": [str(factor[0].pk), str(factor[2].pk)],
        "exercise_minutes": "2000", "sleep_hours": "7.3", "notes": "Stiff <after> work",
    }  # fmt: skip
    page = _page(logged_in_client.post(reverse("tracker:checkin"), data, headers=headers))
    assert page.checked("posture") == {"4"}
    assert page.checked("stress") == {"3"}
    assert page.checked("discomfort") == {"2"}
    assert page.checked("woke_from_pain") == {"yes"}
    assert "checked" in page.by_id("id_rest_day").attrs
    assert page.checked("pain_relief") == {str(relief[1].pk)}
    assert page.checked("factors") == {str(factor[0].pk), str(factor[2].pk)}
    assert len(page.inputs("factors")) == len(page.inputs("pain_relief")) == 3
    assert page.by_id("id_notes").text.strip() == "Stiff <after> work"
    assert page.by_id("id_exercise_minutes").attrs["value"] == "2000"
    assert_error_beside(page, "id_exercise_minutes", "at most 1,440 minutes")
    assert_error_beside(page, "id_sleep_hours", "whole or half hours")
    assert_accessible_form_markup(page)


def test_a_ticked_symptom_and_a_refused_scale_keep_their_marks(logged_in_client, user):
    data = {"symptoms": ["night_pain", "fever"], "posture": "9", "discomfort": "6"}
    page = _page(logged_in_client.post(reverse("tracker:checkin"), data, headers=HTMX))
    assert page.checked("symptoms") == {"night_pain", "fever"}
    assert page.checked("discomfort") == {"6"}
    posture = next(a for a in page.by_id("id_posture_0").ancestors() if a.tag == "fieldset")
    assert "has-error" in posture.classes()
    errors = page.by_id(posture.attrs["aria-describedby"])
    assert errors in [e for e in page.elements if posture in list(e.ancestors())]
    assert "Choose" in errors.text
    assert_accessible_form_markup(page)


def test_each_box_and_radio_has_its_own_label(logged_in_client, items):
    page = _page(logged_in_client.get(reverse("tracker:checkin")))
    for name in ("symptoms", "pain_relief", "factors", "posture", "stress", "discomfort"):
        boxes = page.inputs(name)
        assert boxes, name
        for box in boxes:
            label = next(a for a in box.ancestors() if a.tag == "label")
            assert label.attrs["for"] == box.attrs["id"]
            assert label.text.strip(), box.attrs
    assert page.checked("symptoms") == set() and page.checked("factors") == set()
    assert_accessible_form_markup(page)


def test_only_the_first_discomfort_button_is_focused_when_asked(logged_in_client):
    page = _page(logged_in_client.get(reverse("tracker:checkin") + "?focus=discomfort"))
    focused = [e.attrs["id"] for e in page.elements if "autofocus" in e.attrs]
    assert focused == ["id_discomfort_0"]
    page = _page(logged_in_client.get(reverse("tracker:checkin")))
    assert not [e for e in page.elements if "autofocus" in e.attrs]


BAD_SETTINGS = {
    "email": "not-an-email", "display_name": "Ann", "timezone": "Europe/Paris",
    "country": "NZ", "water_unit": "ml", "water_goal": "2000", "exercise_goal_minutes": "30",
    "reminders_enabled": "on", "reminder_time": "23:59", "reminder_time_2": "",
    "reminder_time_3": "",
}  # fmt: skip


def test_refused_settings_show_each_error_beside_its_field(logged_in_client, user):
    user.profile.timezone = "Pacific/Auckland"
    user.profile.save()
    page = _page(logged_in_client.post(reverse("tracker:settings"), BAD_SETTINGS))
    assert_error_beside(page, "id_email", "valid email address")
    assert_error_beside(page, "id_reminder_time", "between 05:00 and 22:30")
    email = page.by_id("id_email")
    assert email.attrs["aria-describedby"] == "id_email_helptext id_email_error"
    assert email.attrs["value"] == "not-an-email"
    assert "confirmation link" in page.by_id("id_email_helptext").text
    assert [e.attrs["id"] for e in page.elements if e.attrs.get("aria-invalid")] == [
        "id_email", "id_reminder_time",
    ]  # fmt: skip
    # What was chosen stays chosen, not what is stored.
    assert _selected(page, "timezone") == ["Europe/Paris"]
    assert _selected(page, "country") == ["NZ"]
    assert "checked" in page.by_id("id_reminders_enabled").attrs
    assert "checked" not in page.by_id("id_reminder_email").attrs
    assert_accessible_form_markup(page)


def test_the_settings_keep_the_persons_own_zone_and_country(logged_in_client, user):
    user.profile.timezone, user.profile.country = "America/Argentina/Buenos_Aires", "AR"
    user.profile.save()
    page = _page(logged_in_client.get(reverse("tracker:settings")))
    assert _selected(page, "timezone") == ["America/Argentina/Buenos_Aires"]
    assert _selected(page, "country") == ["AR"]
    option = next(
        e for e in page.elements if e.attrs.get("value") == "America/Argentina/Buenos_Aires"
    )
    assert option.text == "Buenos Aires, Argentina"
    label = page.by_id("id_timezone")
    assert label.tag == "select" and "aria-invalid" not in label.attrs
    assert_accessible_form_markup(page)


def _selected(page: Page, name: str) -> list[str]:
    select = next(e for e in page.elements if e.tag == "select" and e.attrs.get("name") == name)
    return [
        e.attrs["value"]
        for e in page.elements
        if e.tag == "option"
        and select in (e.parent, getattr(e.parent, "parent", None))  # in an <optgroup> or not
        and "selected" in e.attrs
    ]


@pytest.mark.parametrize(
    "path", ["tracker:settings", "tracker:health_profile", "tracker:delete_account",
             "password_change", "tracker:checkin"],
)  # fmt: skip
def test_signed_in_form_pages_label_every_field(logged_in_client, items, path):
    assert_accessible_form_markup(_page(logged_in_client.get(reverse(path))))


@pytest.mark.parametrize("path", ["signup", "login", "password_reset"])
def test_signed_out_form_pages_label_every_field(client, db, path):
    assert_accessible_form_markup(_page(client.get(reverse(path))))


def test_a_refused_sign_up_shows_its_errors_beside_the_fields(client, db):
    data = {"username": "a@b", "email": "x", "password1": "one", "password2": "two"}
    page = _page(client.post(reverse("signup"), data))
    assert_error_beside(page, "id_username", "can't contain @")
    assert_error_beside(page, "id_confirm_age", "aged 16 and over")
    username = page.by_id("id_username")
    assert username.attrs["value"] == "a@b"
    assert username.attrs["aria-describedby"] == "id_username_helptext id_username_error"
    label = next(
        e for e in page.elements if e.tag == "label" and e.attrs.get("for") == "id_username"
    )
    assert label.text == "A name to log in with"
    assert_accessible_form_markup(page)


def test_a_refused_share_link_shows_its_error_beside_the_period(logged_in_client, user):
    assert_accessible_form_markup(_page(logged_in_client.get(reverse("tracker:report"))))
    data = {"range": "1000", "days": "7", "include_notes": "on"}
    page = _page(logged_in_client.post(reverse("tracker:share_create"), data), status=400)
    assert_error_beside(page, "id_range", "Choose one of the periods listed")
    assert "checked" in page.by_id("id_include_notes").attrs
    assert page.checked("days") == {"7"}
    assert_accessible_form_markup(page)
