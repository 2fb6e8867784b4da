"""Fields a form's class defines alike on every form (`drawn_alike`) are drawn once per value
shown, language, time zone and form set-up (tracker.forms.fieldsets.FIELDS_DRAWN), and a kept
drawing is always what drawing the field afresh gives."""

import datetime as dt
import zoneinfo

import pytest
from django import forms
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone, translation

from tests.factories import make_user
from tests.test_fieldsets import FORM
from tracker.choices import WaterUnit
from tracker.forms import fieldsets
from tracker.forms.account import SettingsForm
from tracker.forms.history import AwayForm
from tracker.kept import Kept

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
