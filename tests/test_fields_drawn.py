"""Fields a form's class defines alike on every form (`drawn_alike`) are drawn once per value
shown, language and form set-up (tracker.forms.fieldsets.FIELDS_DRAWN), a person's own lists
once per entries and ticks (OWN_LISTS_DRAWN), and a kept drawing is always what drawing the
field afresh gives."""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone, translation

from tests.factories import make_user
from tests.test_fieldsets import FORM
from tracker.choices import TrackedKind, WaterUnit
from tracker.days import tracked
from tracker.forms import fieldsets
from tracker.forms.account import SettingsForm
from tracker.forms.day import CheckInForm
from tracker.forms.history import AwayForm
from tracker.kept import Kept
from tracker.models import TrackedItem

# Through Django's template engine, one `{% field_group %}` each: drawn afresh, never kept.
AFRESH = Template(FORM)


def _afresh(form) -> str:
    return AFRESH.render(Context({"form": form}))


@pytest.fixture
def kept(monkeypatch) -> Kept:
    store = Kept(1000)
    monkeypatch.setattr(fieldsets, "FIELDS_DRAWN", store)
    return store


def _people(db):
    """Profiles that differ in every field their settings form keeps."""
    return [
        make_user("ana").profile,
        make_user(
            "ben",
            timezone="Europe/Madrid",
            country="ES",
            water_unit=WaterUnit.US_FLUID_OUNCES,
            water_goal_ml=1900,
            exercise_goal_minutes=45,
            show_reminder=False,
            reminders_enabled=True,
            reminder_time=dt.time(7, 30),
            reminder_time_2=dt.time(12, 0),
            reminder_email=True,
            language="es",
        ).profile,
        make_user("cai", timezone="Etc/GMT+5", country="NZ", reminder_time=dt.time(21, 15)).profile,
    ]


def _settings_form(profile, **kwargs) -> SettingsForm:
    return SettingsForm(instance=profile, initial={"email": profile.user.email}, **kwargs)


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_persons_settings_are_drawn_as_afresh_whoever_came_before(db, kept, language):
    people = _people(db)
    with translation.override(language):
        for profile in [*people, *reversed(people)]:
            form = _settings_form(profile)
            assert fieldsets.form_fields_html(form) == _afresh(_settings_form(profile))
    # Each person's own values, not the first one's: the three drew three different pages.
    with translation.override(language):
        drawn = {str(fieldsets.form_fields_html(_settings_form(p))) for p in people}
    assert len(drawn) == 3
    assert len(kept._items) > 0


def test_a_value_shared_by_two_people_is_drawn_once(db, kept):
    ana, ben = make_user("ana").profile, make_user("ben").profile
    ben.display_name = "Ben"
    ben.save()
    fieldsets.form_fields_html(_settings_form(ana))
    entries = len(kept._items)
    assert entries == len(SettingsForm.drawn_alike)
    fieldsets.form_fields_html(_settings_form(ben))
    assert len(kept._items) == entries


def test_the_language_is_part_of_what_is_kept(db, kept):
    profile = make_user("ana").profile
    with translation.override("en"):
        english = fieldsets.form_fields_html(_settings_form(profile))
    with translation.override("es"):
        spanish = fieldsets.form_fields_html(_settings_form(profile))
        assert spanish == _afresh(_settings_form(profile))
    assert "Zona horaria" in spanish and "Time zone" in english


class _When(forms.Form):
    when = forms.DateTimeField()
    drawn_alike = frozenset({"when"})


def test_the_time_zone_is_part_of_what_is_kept(kept):
    # A date and time is shown in the active time zone: the same instant, two drawings
    # (its value, as the form gives it, is already the time in that zone).
    moment = dt.datetime(2027, 3, 1, 12, 0, tzinfo=dt.UTC)
    drawn = []
    for zone in ("UTC", "Asia/Tokyo"):
        with timezone.override(zoneinfo.ZoneInfo(zone)):
            form = _When(initial={"when": moment})
            drawn.append(fieldsets.form_fields_html(form))
            assert drawn[-1] == _afresh(_When(initial={"when": moment}))
    assert "12:00" in drawn[0] and "21:00" in drawn[1]


def test_what_a_form_is_given_is_part_of_what_is_kept(db, kept):
    profile = make_user("ana").profile
    made = [
        lambda: _settings_form(profile),
        lambda: _settings_form(profile, prefix="other"),
        lambda: _settings_form(profile, auto_id="field_%s"),
        lambda: _settings_form(profile, auto_id=False),
        lambda: _settings_form(profile, label_suffix=" -"),
        lambda: _settings_form(profile, use_required_attribute=False),
    ]
    drawn = set()
    for make in [*made, *made]:
        assert fieldsets.form_fields_html(make()) == _afresh(make())
        drawn.add(str(fieldsets.form_fields_html(make())))
    assert len(drawn) == len(made)


def test_a_form_sent_back_is_drawn_with_what_was_typed_and_never_kept(db, kept):
    profile = make_user("ana").profile
    fieldsets.form_fields_html(_settings_form(profile))
    entries = len(kept._items)
    form = SettingsForm({"timezone": "Nowhere/Else", "reminder_time": "25:00"}, instance=profile)
    form.is_valid()
    drawn = fieldsets.form_fields_html(form)
    assert drawn == _afresh(form)
    assert 'aria-invalid="true"' in drawn and "Enter a time such as 20:00." in drawn
    assert len(kept._items) == entries


def test_time_away_is_drawn_for_each_day_it_starts(kept):
    days = [dt.date(2027, 3, 1), dt.date(2027, 3, 2), dt.date(2027, 3, 1)]
    for today in days:
        form = AwayForm(today=today)
        drawn = fieldsets.form_fields_html(form)
        assert drawn == _afresh(AwayForm(today=today))
        assert f'value="{today:%Y-%m-%d}"' in drawn
    assert len(kept._items) == 4  # two fields, two days


def test_free_text_is_never_kept(db, kept):
    """What a person types of their own (an e-mail address, a name) is drawn each time and
    never kept in memory; only fields with values many people share are."""
    profile = make_user("ana", display_name="Ana María").profile
    fieldsets.form_fields_html(_settings_form(profile))
    drawn = "".join(str(each) for each in kept._items.values())
    assert "ana@example.com" not in drawn and "Ana María" not in drawn
    for form_class in (SettingsForm, AwayForm):
        fields = form_class.base_fields
        assert form_class.drawn_alike <= set(fields)
        for name in form_class.drawn_alike:
            assert not isinstance(fields[name], forms.EmailField)
            assert type(fields[name].widget) is not forms.TextInput


def test_a_changed_setting_draws_afresh(db, kept):
    profile = make_user("ana").profile
    with translation.override("en"):
        fieldsets.form_fields_html(_settings_form(profile))
        with override_settings(LANGUAGES=[("en", "English")]):
            drawn = fieldsets.form_fields_html(_settings_form(profile))
            assert drawn == _afresh(_settings_form(profile))
            assert "Español" not in drawn


# --- a person's own lists on their check-in (fieldsets.OWN_LISTS_DRAWN) ---------------------


@pytest.fixture
def kept_lists(monkeypatch) -> Kept:
    store = Kept(1000)
    monkeypatch.setattr(fieldsets, "OWN_LISTS_DRAWN", store)
    return store


def _own_lists_afresh(form) -> str:
    return "".join(fieldsets.own_list_html(field) for field in form.tracked_fields)


def _entry(user, pk: int, kind: str, name: str, retired: bool = False) -> TrackedItem:
    retired_at = dt.datetime(2027, 1, 1, tzinfo=dt.UTC) if retired else None
    return TrackedItem(pk=pk, user=user, kind=kind, name=name, retired_at=retired_at)


@pytest.mark.parametrize("language", ["en", "es"])
def test_own_lists_are_drawn_as_afresh_for_every_way_they_can_look(db, kept_lists, language):
    user = make_user("lists")
    drive = _entry(user, 7, TrackedKind.FACTOR, "Long drive <car>")
    heat = _entry(user, 9, TrackedKind.PAIN_RELIEF, "Heat & rest")
    gone = _entry(user, 11, TrackedKind.FACTOR, "Old job", retired=True)
    lists = tracked.Lists([drive, heat, gone])
    renamed = tracked.Lists([_entry(user, 7, TrackedKind.FACTOR, "Long drive"), heat, gone])
    made = [
        lambda: CheckInForm(),  # both empty: each links to Settings
        lambda: CheckInForm(items=lists),
        lambda: CheckInForm(items=lists, initial={"factors": [7]}),
        lambda: CheckInForm(items=lists, initial={"factors": [7], "pain_relief": [9]}),
        lambda: CheckInForm(items=lists, initial={"factors": [11]}, ticked=frozenset({11})),
        lambda: CheckInForm(items=renamed),
        lambda: CheckInForm({"factors": ["7"]}, items=lists),  # sent back, nothing refused
        lambda: CheckInForm({"factors": ["7", "x"]}, items=lists),  # refused: never kept
        lambda: CheckInForm(items=lists, prefix="day"),
    ]
    drawn = []
    with translation.override(language):
        for make in [*made, *made]:
            form = make()
            form.is_bound and form.is_valid()
            fresh = make()
            fresh.is_bound and fresh.is_valid()
            drawn.append(str(fieldsets.own_lists_html(form.tracked_fields)))
            assert drawn[-1] == _own_lists_afresh(fresh)
    # Ticked on the page or sent back ticked, the same lists look the same: one drawing.
    assert drawn[2] == drawn[6] and len(set(drawn)) == len(made) - 1
    assert "Old job" in drawn[4] and "Old job" not in drawn[1]
    assert "Long drive &lt;car&gt;" in drawn[1] and "Long drive &lt;car&gt;" not in drawn[5]
    assert 'aria-invalid="true"' in drawn[7]
    # Each list once per entries and ticks: both lists of the first, second and last forms
    # (empty; nothing ticked; other ids), one more each for the third to sixth; none for the
    # seventh (as the third) and the eighth (refused, drawn each time; its other list as the
    # second's).
    assert len(kept_lists._items) == 2 + 2 + 1 + 1 + 1 + 1 + 0 + 0 + 2


def test_one_persons_kept_lists_never_show_on_anothers_check_in(db, kept_lists):
    ana, ben = make_user("ana"), make_user("ben")
    mine = tracked.Lists([_entry(ana, 3, TrackedKind.FACTOR, "Gardening")])
    theirs = tracked.Lists([_entry(ben, 4, TrackedKind.FACTOR, "Gardening")])
    first = fieldsets.own_lists_html(CheckInForm(items=mine).tracked_fields)
    second = fieldsets.own_lists_html(CheckInForm(items=theirs).tracked_fields)
    assert 'value="3"' in first and 'value="4"' in second and 'value="3"' not in second


def test_a_renamed_entry_shows_its_new_name_on_the_next_check_in(client, db):
    user = make_user("ana")
    client.force_login(user)
    item = TrackedItem.objects.create(user=user, kind=TrackedKind.FACTOR, name="Long drive")
    assert "Long drive" in client.get("/checkin/").content.decode()
    TrackedItem.objects.filter(pk=item.pk).update(name="Short drive")
    page = client.get("/checkin/").content.decode()
    assert "Short drive" in page and "Long drive" not in page


def test_own_lists_are_kept_in_each_language(db, kept_lists):
    user = make_user("ana")
    lists = tracked.Lists([_entry(user, 3, TrackedKind.FACTOR, "Gardening")])
    drawn = {}
    for language in ("en", "es", "en"):
        with translation.override(language):
            drawn[language] = fieldsets.own_lists_html(CheckInForm(items=lists).tracked_fields)
            assert drawn[language] == _own_lists_afresh(CheckInForm(items=lists))
    assert "Your own factors today" in drawn["en"] and "Your own factors today" not in drawn["es"]


def test_own_lists_link_to_settings_under_the_sites_prefix(db, kept_lists):
    """An empty list links to Settings: a list kept at the root must not be shown elsewhere."""
    from django.urls import set_script_prefix

    drawn = []
    try:
        for prefix in ("/", "/elsewhere/", "/"):
            set_script_prefix(prefix)
            drawn.append(
                fieldsets.own_lists_html(CheckInForm(items=tracked.Lists([])).tracked_fields)
            )
    finally:
        set_script_prefix("/")
    at_root, elsewhere, again = drawn
    assert 'href="/settings/#tracked-heading"' in at_root and "/elsewhere/" not in at_root
    assert 'href="/elsewhere/settings/#tracked-heading"' in elsewhere
    assert again == at_root and len(kept_lists._items) == 4  # both lists, twice


# --- the check-in's own fields that every form defines alike (field_widget, choice_buttons) --


CHECKIN_DAYS = [
    {},
    {"exercise_minutes": 30, "rest_day": False, "sleep_hours": None},
    {"exercise_minutes": 0, "rest_day": True, "sleep_hours": Decimal("7.5"),
     "woke_from_pain": "yes"},
    {"exercise_minutes": 30, "sleep_hours": Decimal("7"), "woke_from_pain": "no"},
]  # fmt: skip


def _checkin_widgets(form, *, kept: bool = True) -> list[str]:
    """The check-in's own fields as the page's tags draw them (kept), or drawn afresh."""
    from tracker.forms import drawing
    from tracker.templatetags import form_drawing

    widget = form_drawing.field_widget if kept else drawing.widget_html
    buttons = form_drawing.choice_buttons if kept else fieldsets.choice_buttons_html
    drawn = [
        widget(form[name], errors_id=f"{form[name].auto_id}_errors")
        for name in ("exercise_minutes", "sleep_hours")
    ]
    return [*drawn, widget(form["rest_day"]), buttons(form["woke_from_pain"])]


@pytest.mark.parametrize("unit", [WaterUnit.MILLILITRES, WaterUnit.US_FLUID_OUNCES])
def test_the_check_ins_own_fields_are_drawn_as_afresh_for_every_day(db, kept, unit):
    made = [
        lambda day=day, prefix=prefix: CheckInForm(initial=day, water_unit=unit, prefix=prefix)
        for day in CHECKIN_DAYS
        for prefix in (None, "day")
    ]
    for language in ("en", "es", "en"):
        with translation.override(language):
            for make in [*made, *reversed(made)]:
                assert _checkin_widgets(make()) == _checkin_widgets(make(), kept=False)
    # The same field drawn without a list of its own for errors, after one with it.
    from tracker.forms import drawing
    from tracker.templatetags import form_drawing

    form = CheckInForm(initial=CHECKIN_DAYS[2], water_unit=unit)
    for field in (form["rest_day"], form["exercise_minutes"]):
        assert form_drawing.field_widget(field) == drawing.widget_html(field)
    assert len(kept._items) > 0


def test_a_check_in_sent_back_draws_what_was_typed_and_is_never_kept(db, kept):
    form = CheckInForm({"exercise_minutes": "-3", "sleep_hours": "7.25", "woke_from_pain": "x"})
    form.is_valid()
    drawn = _checkin_widgets(form)
    assert drawn == _checkin_widgets(form, kept=False)
    assert 'value="-3"' in drawn[0] and 'value="7.25"' in drawn[1]
    assert 'aria-invalid="true"' in drawn[0] and "has-error" in drawn[3]
    assert len(kept._items) == 0
