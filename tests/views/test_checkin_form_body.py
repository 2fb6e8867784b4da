"""The check-in form's fields, for a form showing a stored day (or none), are drawn once for
all the form was given and what surrounds them, and kept (tracker.days.pages.form_body_html):
the panel is what it drew before, whatever is kept, and nothing one form shows is ever shown
for another."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import include, path, set_script_prefix, set_urlconf
from django.utils import translation
from django.utils.safestring import SafeString

from tests.factories import make_checkin, make_user
from tracker.care.symptoms import SYMPTOM_CODES
from tracker.choices import TrackedKind, WaterUnit
from tracker.days import pages, tracked
from tracker.forms.day import CheckInForm
from tracker.kept import Kept
from tracker.models import TrackedItem

# The panel as it was before its fields became a partial of their own.
_PANEL_BEFORE = (Path(__file__).parent.parent / "data" / "checkin_panel_template.html").read_text()
STAND_INS = pages._PUT_IN_LATER.values()
DAY = dt.date(2026, 3, 2)  # handed to the drawing only: no clock


@pytest.fixture
def kept(monkeypatch):
    store = Kept(400)
    monkeypatch.setattr(pages, "BODY_DRAWN", store)
    return store


def _listed(pk: int, kind: str, name: str, retired: bool = False) -> tracked.Listed:
    return tracked.Listed(
        pk, kind, name, dt.datetime(2026, 1, 1, tzinfo=dt.UTC) if retired else None
    )


LISTS = tracked.Lists(
    [
        _listed(7, TrackedKind.FACTOR, "Long drive <car>"),
        _listed(11, TrackedKind.FACTOR, "Old job", retired=True),
    ]
)
AROUND = {
    "is_today": True,
    "day_words": "today",
    "water_entry": "<div id=water-entry>0 ml</div>",
    "same_as_previous": "",
    "focus_discomfort": False,
}
BASE = {"initial": {}, "water_unit": WaterUnit.MILLILITRES, "items": LISTS}


def _form(**given) -> CheckInForm:
    return CheckInForm(**{**BASE, **given})


def _afresh(given: dict, around: dict) -> str:
    return render_to_string(pages.BODY_TEMPLATE, {"form": _form(**given), **around})


# Each changes one thing the fields are drawn from; each must give its own drawing.
CHANGES = {
    "discomfort": ({"initial": {"discomfort": 3}}, {}),
    "stress": ({"initial": {"stress": 4}}, {}),
    "posture": ({"initial": {"posture": 2}}, {}),
    "exercise": ({"initial": {"exercise_minutes": 30}}, {}),
    "rest day": ({"initial": {"rest_day": True}}, {}),
    "sleep": ({"initial": {"sleep_hours": Decimal("7.5")}}, {}),
    "woke from pain": ({"initial": {"woke_from_pain": "yes"}}, {}),
    "a symptom": ({"initial": {"symptoms": [SYMPTOM_CODES[0]]}}, {}),
    "notes": ({"initial": {"notes": "Stiff after the drive"}}, {}),
    "an entry ticked": ({"initial": {"factors": [7]}}, {}),
    "a retired entry the day ticks": (
        {"initial": {"factors": [11]}, "ticked": frozenset({11})},
        {},
    ),
    "an entry added": (
        {"items": tracked.Lists([*LISTS.items, _listed(9, TrackedKind.PAIN_RELIEF, "Heat")])},
        {},
    ),
    "an entry renamed": (
        {"items": tracked.Lists([_listed(7, TrackedKind.FACTOR, "Short drive"), LISTS.items[1]])},
        {},
    ),
    "the form's prefix": ({"prefix": "day"}, {}),
    "the form's ids": ({"auto_id": "checkin_%s"}, {}),
    "another day": ({}, {"is_today": False, "day_words": "Monday 2 March"}),
    "another day's words": ({}, {"is_today": False, "day_words": "Tuesday 3 March"}),
    "pain first": ({}, {"focus_discomfort": True}),
    "same as yesterday": ({}, {"same_as_previous": "<button>Same as yesterday</button>"}),
    "the water": ({}, {"water_entry": "<div id=water-entry>250 ml</div>"}),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_thing_the_fields_are_drawn_from_gives_its_own_drawing(kept, language):
    with translation.override(language):
        base = pages.form_body_html(_form(), AROUND)
        assert base == _afresh({}, AROUND)
        drawn = {base}
        for name, (given, around) in CHANGES.items():
            around = {**AROUND, **around}
            expected = _afresh(given, around)
            assert expected != base, name  # the change shows
            assert pages.form_body_html(_form(**given), around) == expected, name
            # Asked again, from the kept drawing: the same.
            assert pages.form_body_html(_form(**given), around) == expected, name
            drawn.add(expected)
    # "Same as yesterday" and the water are put into the base's kept body, not kept with it.
    assert len(drawn) == len(CHANGES) + 1 and len(kept._items) == len(CHANGES) + 1 - 2


def test_yesterdays_habits_and_the_water_are_put_into_one_kept_body(kept):
    pages_drawn = []
    for same_as, water in (("", "<p>0 ml</p>"), ("<b>Same as yesterday</b>", "<p>250 ml</p>")):
        around = {**AROUND, "same_as_previous": SafeString(same_as), "water_entry": water}
        body = pages.form_body_html(_form(), around)
        assert body == _afresh({}, around)
        pages_drawn.append(body)
    assert "<b>Same as yesterday</b>" in pages_drawn[1] and "&lt;p&gt;250 ml" in pages_drawn[1]
    assert "Same as yesterday" not in pages_drawn[0] and "&lt;p&gt;0 ml" in pages_drawn[0]
    assert len(kept._items) == 1
    assert all(stand_in not in page for page in pages_drawn for stand_in in STAND_INS)


def test_the_fields_follow_the_language_and_the_sites_address(kept):
    drawn = []
    try:
        for language, prefix in (("en", "/"), ("es", "/"), ("en", "/app/"), ("en", "/")):
            set_script_prefix(prefix)
            with translation.override(language):
                body = pages.form_body_html(_form(items=tracked.Lists([])), AROUND)
                assert body == _afresh({"items": tracked.Lists([])}, AROUND)
                drawn.append(body)
    finally:
        set_script_prefix("/")
    assert 'href="/app/settings/' in drawn[2] and 'href="/settings/' in drawn[0]
    assert drawn[0] != drawn[1] and drawn[0] == drawn[3]
    assert len(kept._items) == 3


# The app's addresses one folder down: the link to Settings moves with them.
urlpatterns = [path("elsewhere/", include("backhabits.urls"))]


def test_the_fields_follow_the_sites_addresses(kept):
    empty = {"items": tracked.Lists([])}
    try:
        drawn = []
        for urlconf in (None, __name__, None):
            set_urlconf(urlconf)
            body = pages.form_body_html(_form(**empty), AROUND)
            assert body == _afresh(empty, AROUND)
            drawn.append(body)
    finally:
        set_urlconf(None)
    assert 'href="/elsewhere/settings/' in drawn[1] and drawn[0] == drawn[2] != drawn[1]
    assert len(kept._items) == 2


class _AnotherCheckInForm(CheckInForm):
    """A form of another class, its fields worded otherwise."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].label = "Anything else"


def test_the_fields_follow_the_forms_class_and_its_labels(kept):
    for make in (_form, lambda: _AnotherCheckInForm(**BASE), lambda: _form(label_suffix=" -")):
        form = make()
        body = pages.form_body_html(form, AROUND)
        assert body == render_to_string(pages.BODY_TEMPLATE, {"form": make(), **AROUND})
    assert len(kept._items) == 3


def test_the_water_is_drawn_apart_so_its_unit_and_figures_share_a_body(kept):
    ounces = {"water_unit": WaterUnit.US_FLUID_OUNCES}
    tapped = {"initial": {"water_ml": 750, "water_seen_ml": 750}}
    tapped_in_ounces = {**tapped, **ounces}
    for given in ({}, ounces, tapped, tapped_in_ounces):
        assert pages.form_body_html(_form(**given), AROUND) == _afresh(given, AROUND)
    assert len(kept._items) == 1


def test_a_form_holding_what_was_typed_is_never_kept(kept):
    typed = CheckInForm({"exercise_minutes": "5000", "notes": "typed"}, items=LISTS)
    typed.is_valid()
    assert pages.form_body_html(typed, AROUND) is None
    assert len(kept._items) == 0


def _request(user, path="/checkin/"):
    request = RequestFactory().get(path)
    request.user = user
    request.htmx = False
    return request


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_panel_is_what_it_drew_before_its_fields_were_kept(db, kept, language):
    user = make_user("panel")
    TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Gardening")
    yesterday = DAY - dt.timedelta(days=1)
    make_checkin(user, yesterday, posture=4, exercise_minutes=20)
    stored = make_checkin(user, DAY, discomfort=6, notes="Sore", symptoms=[SYMPTOM_CODES[1]])
    shapes = [
        {"day": DAY, "checkin": None},  # nothing yet: "Same as yesterday" offered
        {"day": DAY, "checkin": stored},
        {"day": yesterday, "checkin": None},
    ]
    before = engines["django"].from_string(_PANEL_BEFORE)
    with translation.override(language):
        for shape in [*shapes, *shapes]:  # the second time from the kept drawings
            for path in ("/checkin/", "/checkin/?focus=discomfort"):
                request = _request(user, path)
                form = CheckInForm(
                    initial=_initial(shape["checkin"]), items=tracked.lists_for(user)
                )
                context = pages.checkin_context(request, today=DAY, form=form, prompts=[], **shape)
                panel = render_to_string("tracker/partials/checkin_panel.html", context, request)
                assert context["form_body"] is not None
                assert panel == before.render(context, request)
        # A refused answer: the panel draws the typed values and errors itself, as before.
        typed = CheckInForm({"discomfort": "4", "exercise_minutes": "5000"}, items=LISTS)
        typed.is_valid()
        request = _request(user)
        context = pages.checkin_context(
            request, today=DAY, form=typed, prompts=[], day=DAY, checkin=None
        )
        panel = render_to_string("tracker/partials/checkin_panel.html", context, request)
        assert context["form_body"] is None and 'aria-invalid="true"' in panel
        assert panel == before.render(context, request)
    assert len(kept._items) == len(shapes) * 2


def _initial(checkin) -> dict:
    from tracker.views.day import _initial_for

    return _initial_for(checkin)


def test_one_persons_kept_fields_never_show_on_anothers_check_in(client, db):
    ana, ben = make_user("ana"), make_user("ben")
    TrackedItem.objects.create(user=ana, kind=TrackedKind.FACTOR, name="Gardening")
    TrackedItem.objects.create(user=ben, kind=TrackedKind.FACTOR, name="Cycling")
    client.force_login(ana)
    mine = client.get("/checkin/").content.decode()
    client.force_login(ben)
    theirs = client.get("/checkin/").content.decode()
    assert "Gardening" in mine and "Cycling" not in mine
    assert "Cycling" in theirs and "Gardening" not in theirs


def test_a_saved_day_and_then_a_refused_answer_each_show_as_they_are(client, db):
    user = make_user("ana")
    client.force_login(user)
    six = 'value="6" id="id_discomfort_6" checked'
    page = client.get("/checkin/").content.decode()
    assert six not in page and "Sore" not in page
    response = client.post("/checkin/", {"discomfort": "6", "notes": "Sore"}, follow=True)
    assert response.status_code == 200
    page = client.get("/checkin/").content.decode()
    assert six in page and "Sore</textarea>" in page
    refused = client.post("/checkin/", {"discomfort": "6", "exercise_minutes": "5000"})
    page = refused.content.decode()
    assert 'value="5000"' in page and 'aria-invalid="true"' in page


@pytest.mark.parametrize(
    "names",
    [(), ("water_entry",), ("same_as_previous", "water_entry"), ("water_entry", "same_as_previous"),
     ("water_entry", "same_as_previous", "water_entry")],
)  # fmt: skip
def test_a_kept_body_is_cut_at_each_stand_in_it_holds(names):
    texts = [f"<p>part {n} & more</p>" for n in range(len(names) + 1)]
    body = texts[0] + "".join(
        pages._PUT_IN_LATER[name] + text for name, text in zip(names, texts[1:], strict=True)
    )
    assert pages._cut_at_stand_ins(body) == (names, tuple(texts))
