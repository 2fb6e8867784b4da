import re
import zoneinfo
from decimal import Decimal

import pytest
from django import forms as django_forms
from django.test.html import parse_html

from tests.factories import checkin_post_data
from tracker.choices import WaterUnit
from tracker.dates import canonical_zones
from tracker.forms.day import CheckInForm
from tracker.forms.long_select import LongSelect
from tracker.forms.places import timezone_choices


def _errors_for(**overrides):
    form = CheckInForm(checkin_post_data(**overrides))
    form.is_valid()
    return form.errors


@pytest.mark.parametrize(
    ("field", "value", "valid"),
    [
        ("posture", "0", False),
        ("posture", "1", True),
        ("posture", "5", True),
        ("posture", "6", False),
        ("exercise_minutes", "-1", False),
        ("exercise_minutes", "0", True),
        ("exercise_minutes", "1440", True),
        ("exercise_minutes", "1441", False),
        ("water_ml", "-1", False),
        ("water_ml", "0", True),
        ("water_ml", "10000", True),
        ("water_ml", "10001", False),
        ("stress", "-1", False),
        ("stress", "0", True),
        ("stress", "10", True),
        ("stress", "11", False),
        ("discomfort", "-1", False),
        ("discomfort", "0", True),
        ("discomfort", "10", True),
        ("discomfort", "11", False),
    ],
)
def test_each_measure_is_checked_at_its_boundaries(field, value, valid):
    errors = _errors_for(**{field: value})
    assert (field not in errors) is valid
    # Only the field at fault is reported.
    assert set(errors) <= {field}


@pytest.mark.parametrize("value", ["abc", "1.5", "1e3", "0x10", "--1", "99999999999999999999999"])
@pytest.mark.parametrize(
    "field", ["posture", "exercise_minutes", "water_ml", "stress", "discomfort"]
)
def test_malformed_values_are_refused_with_a_message(field, value):
    errors = _errors_for(**{field: value})
    assert field in errors
    assert errors[field][0]


@pytest.mark.parametrize(
    "field", ["posture", "exercise_minutes", "water_ml", "stress", "discomfort"]
)
def test_every_measure_may_be_left_out_and_is_then_not_logged(field):
    for left_out in (None, ""):
        form = CheckInForm(checkin_post_data(**{field: left_out}))
        assert form.is_valid(), form.errors
        assert form.day_values()[field] is None


@pytest.mark.parametrize(
    "field", ["posture", "exercise_minutes", "water_ml", "stress", "discomfort", "notes"]
)
def test_each_answer_alone_is_a_valid_check_in(field):
    value = {"notes": "Slept badly.", "posture": "1"}.get(field, "0")
    form = CheckInForm({field: value})
    assert form.is_valid(), form.errors
    given = {name for name, value in form.day_values().items() if value not in (None, "", [])}
    assert given - {"rest_day"} == {field} and form.day_values()["rest_day"] is False


def test_symptoms_alone_are_a_valid_check_in():
    form = CheckInForm({"symptoms": ["fever"]})
    assert form.is_valid(), form.errors
    assert form.day_values()["symptoms"] == ["fever"]


def test_an_empty_form_is_refused_plainly():
    form = CheckInForm({"water_seen_ml": "0", "notes": ""})
    assert not form.is_valid()
    assert form.is_empty_submission
    assert "Nothing was saved" in form.non_field_errors()[0]


def test_a_bad_value_is_reported_as_a_bad_value_not_as_an_empty_form():
    form = CheckInForm({"discomfort": "11"})
    assert not form.is_valid()
    assert "discomfort" in form.errors and not form.is_empty_submission


def test_care_answers_keep_listed_symptoms_beside_an_unknown_code_and_a_bad_value():
    form = CheckInForm(
        {"symptoms": ["made_up", "saddle_numbness"], "discomfort": "6", "water_ml": "lots"}
    )
    assert not form.is_valid()
    assert form.care_answers() == (("saddle_numbness",), {"discomfort": 6})


def test_care_answers_leave_out_an_invalid_discomfort():
    form = CheckInForm({"symptoms": ["fever"], "discomfort": "12"})
    form.is_valid()
    assert form.care_answers() == (("fever",), {})


def test_notes_are_optional_and_capped_at_1000_characters():
    assert "notes" not in _errors_for(notes="")
    assert "notes" not in _errors_for(notes="x" * 1000)
    assert "notes" in _errors_for(notes="x" * 1001)


def test_notes_with_a_null_character_are_refused():
    assert "notes" in _errors_for(notes="bad\x00note")


def test_ounce_users_type_ounces_and_millilitres_are_stored():
    data = checkin_post_data(water_ml=None, water_oz="64")
    form = CheckInForm(data, water_unit=WaterUnit.US_FLUID_OUNCES)
    assert form.is_valid(), form.errors
    assert form.day_values()["water_ml"] == 1893


@pytest.mark.parametrize(
    ("value", "valid"), [("-0.1", False), ("0", True), ("338", True), ("339", False)]
)
def test_ounce_boundaries(value, valid):
    form = CheckInForm(checkin_post_data(water_ml=None, water_oz=value), water_unit="oz")
    assert form.is_valid() is valid


@pytest.mark.parametrize(
    ("unit", "water"),
    [(WaterUnit.MILLILITRES, "water_ml"), (WaterUnit.US_FLUID_OUNCES, "water_oz")],
)
def test_the_form_has_one_water_field_in_the_persons_unit_third(unit, water):
    fields = list(CheckInForm(water_unit=unit).fields)
    assert fields[:4] == ["posture", "exercise_minutes", water, "stress"]
    assert [name for name in fields if name.startswith("water_") and name != "water_seen_ml"] == [
        water
    ]


def test_an_ounce_users_form_takes_no_millilitres_typed_beside_it():
    data = checkin_post_data(water_ml="500", water_oz=None)
    form = CheckInForm(data, water_unit=WaterUnit.US_FLUID_OUNCES)
    assert form.is_valid(), form.errors
    assert form.day_values()["water_ml"] is None


def test_ounce_form_shows_stored_millilitres_in_ounces():
    form = CheckInForm(initial={"water_ml": 2000}, water_unit="oz")
    assert form["water_oz"].initial == Decimal("67.6")


@pytest.mark.parametrize("value", ["Europe/London", "", None, "Not/AZone"])
def test_long_select_writes_the_same_html_as_djangos_select(value):
    choices = [*timezone_choices()[:50], ("Europe/London", "Europe/London"), ("a&b", '<"x">')]
    attrs = {"id": "id_timezone", "required": True, "aria-invalid": "true", "aria-describedby": "e"}
    ours = LongSelect(choices=choices).render("timezone", value, attrs=attrs)
    djangos = django_forms.Select(choices=choices).render("timezone", value, attrs=attrs)
    assert parse_html(ours) == parse_html(djangos)
    assert ours.count(" selected") == (1 if value == "Europe/London" else 0)


def test_settings_page_offers_the_current_zones_with_the_persons_own_chosen(logged_in_client, user):
    user.profile.timezone = "Pacific/Auckland"
    user.profile.save()
    html = logged_in_client.get("/settings/").content.decode()
    select = re.search(r'<select[^>]*name="timezone".*?</select>', html, re.S).group(0)
    assert select.count("<option") == len(canonical_zones()) < len(zoneinfo.available_timezones())
    assert '<option value="Pacific/Auckland" selected>Auckland (New Zealand)</option>' in select


def test_check_in_forms_share_choice_pairs_but_never_one_list():
    """CheckInForm's choice fields copy their choices as a new list of the same pairs, not a
    deep copy: each form can still change its own without touching another's or the class's."""
    from tracker.forms.day import CheckInForm

    first, second = CheckInForm(), CheckInForm()
    for name in ("posture", "stress", "discomfort", "symptoms", "woke_from_pain", "pain_relief"):
        base = CheckInForm.base_fields[name]
        assert first.fields[name].choices == base.choices
        assert first.fields[name].choices is not base.choices
        assert first.fields[name].choices is not second.fields[name].choices
        assert first.fields[name].widget.choices is not base.widget.choices
    first.fields["symptoms"].choices.append(("x", "X"))
    first.fields["posture"].choices = [(1, "One")]
    assert ("x", "X") not in second.fields["symptoms"].choices
    assert ("x", "X") not in CheckInForm.base_fields["symptoms"].choices
    assert second.fields["posture"].choices == CheckInForm.base_fields["posture"].choices
    assert [str(b) for b in CheckInForm()["posture"]] == [str(b) for b in second["posture"]]
