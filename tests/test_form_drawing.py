"""tracker.forms.drawing writes form fields in Python; what it writes must be Django's own
markup, character for character: every field of every form the pages draw, blank, filled in and
refused, is drawn both ways and compared. A Django upgrade that changes its form templates, or
a project template overriding them, fails here rather than changing the pages unseen."""

import datetime as dt
from unittest import mock

import pytest
from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.forms.renderers import DjangoTemplates
from django.test import RequestFactory, override_settings
from django.test.html import parse_html
from django.utils import translation

from tests.factories import make_user
from tracker.forms import drawing
from tracker.forms.account import (
    DeleteAccountForm,
    QueuedPasswordResetForm,
    SettingsForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TrackedItemForm,
)
from tracker.forms.care import AcknowledgeForm, HealthProfileForm, MistakeForm
from tracker.forms.day import CheckInForm, PegForm
from tracker.forms.history import AwayForm
from tracker.forms.long_select import FixedChoices, LongSelect
from tracker.forms.places import ZoneSelect, country_choices, zone_options
from tracker.forms.share import ShareLinkForm

BAD_SETTINGS = {
    "email": "not-an-email", "display_name": 'Ann & <Bob> "x"', "timezone": "Nowhere/X",
    "country": "ZZ", "water_unit": "nope", "water_goal": "abc", "exercise_goal_minutes": "0",
    "show_reminder": "on", "reminders_enabled": "on", "reminder_time": "23:59",
    "reminder_time_2": "xx", "reminder_time_3": "", "reminder_email": "on",
}  # fmt: skip


REFUSED_DAY = {
    "exercise_minutes": "abc", "symptoms": ["nope", "fever"], "notes": "a & b",
    "sleep_hours": "7.3", "posture": "9", "water_ml": "-1", "rest_day": "on",
}  # fmt: skip


class _Everything(forms.Form):
    """Shapes the pages don't use today, so the drawing stays Django's if they start to."""

    grouped = forms.ChoiceField(
        choices=[("Hot", [("tea", "Tea"), ("soup", "Soup & <bread>")]), ("x", "X")],
        help_text="Pick <em>one</em>",
    )
    grouped_radio = forms.ChoiceField(
        choices=[("Hot", [("tea", "Tea")]), ("x", "X")], widget=forms.RadioSelect
    )
    many = forms.MultipleChoiceField(
        choices=[(1, "One"), (2, "Two")], widget=forms.SelectMultiple, required=False
    )
    amount = forms.DecimalField(localize=True, initial=1234.5, label="Amount?")
    when = forms.DateTimeField(widget=forms.DateTimeInput, initial=dt.datetime(2027, 3, 1, 8))
    url = forms.URLField(
        assume_scheme="https", widget=forms.URLInput(attrs={"class": "wide", "data-x": 0})
    )
    classy = forms.MultipleChoiceField(
        choices=[("a", "A")], widget=forms.CheckboxSelectMultiple(attrs={"class": "boxes"})
    )
    no_label = forms.CharField(label="", required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


class _RequiredClass(_Everything):
    required_css_class = "required"
    error_css_class = "error"


def _forms(user):
    request = RequestFactory().post("/")
    profile = user.profile
    items = None
    today = dt.date(2027, 3, 1)
    made = [
        SettingsForm(instance=profile, initial={"email": "a@example.com"}),
        SettingsForm(BAD_SETTINGS, instance=profile),
        SettingsForm(
            {**BAD_SETTINGS, "timezone": "Europe/Paris", "country": "NZ"}, instance=profile
        ),
        SignupForm(),
        SignupForm({"username": "a@b", "email": "bad", "password1": "x", "password2": "y"}),
        AuthenticationForm(),
        AuthenticationForm(data={"username": "", "password": "x"}),
        ThrottledPasswordChangeForm(user, request=request),
        ThrottledPasswordChangeForm(user, {"new_password1": "a"}, request=request),
        QueuedPasswordResetForm(),
        QueuedPasswordResetForm({"email": "nope"}),
        SetPasswordForm(user),
        SetPasswordForm(user, {"new_password1": "a", "new_password2": "b"}),
        DeleteAccountForm(user=user, request=request),
        DeleteAccountForm({}, user=user, request=request),
        HealthProfileForm(instance=profile),
        HealthProfileForm({"age_band": "999", "osteoporosis": "on"}, instance=profile),
        AwayForm(today=today),
        AwayForm({"start": "2027-13-01", "end": "x"}, today=today),
        ShareLinkForm(),
        ShareLinkForm({"range": "zzz", "days": "3", "include_notes": "on"}),
        TrackedItemForm(),
        TrackedItemForm({"name": "a;b", "kind": "nope"}),
        AcknowledgeForm(responses=("seen",)),
        MistakeForm(answers=[]),
        CheckInForm(items=items),
        CheckInForm(initial={"rest_day": True, "notes": "<b>x</b>", "symptoms": ["fever"]}),
        CheckInForm(REFUSED_DAY),
        CheckInForm({"water_oz": "x"}, water_unit="oz"),
        PegForm(),
        PegForm({"peg_pain": "11"}),
        _Everything(),
        _Everything({"grouped": "nope", "many": ["1"], "amount": "x", "url": "y", "classy": ["a"]}),
        _RequiredClass(),
        _RequiredClass({"grouped": "tea"}, auto_id=False),
        _Everything(prefix="p", auto_id="f_%s", label_suffix=" →"),
    ]
    return made


@pytest.fixture
def every_form(db):
    return _forms(make_user("drawn"))


def _drawn_without_templates(every_form, draw) -> dict:
    """What `draw` writes for each field, with Django's form templates out of reach: every
    shape the pages use is written in Python, none falls back to the template engine."""
    drawn = {}
    refuse = mock.patch.object(
        DjangoTemplates, "render", side_effect=AssertionError("drawn through a template")
    )
    with refuse:
        for index, form in enumerate(every_form):
            form.is_bound and form.is_valid()
            for field in form:
                drawn[index, field.name] = draw(field)
    return drawn


def test_every_field_group_is_djangos_own(every_form):
    drawn = _drawn_without_templates(every_form, drawing.field_group_html)
    for index, form in enumerate(every_form):
        for field in form:
            assert drawn[index, field.name] == field.as_field_group(), (form, field.name)
    assert len(drawn) > 150


def test_every_widget_is_djangos_own(every_form):
    drawn = _drawn_without_templates(every_form, drawing.widget_html)
    for index, form in enumerate(every_form):
        for field in form:
            assert drawn[index, field.name] == str(field), (form, field.name)


def test_every_radio_button_and_checkbox_is_djangos_own(every_form):
    def choices(field):
        return [drawing.choice_html(choice) for choice in field]

    drawn = _drawn_without_templates(every_form, choices)
    compared = 0
    for index, form in enumerate(every_form):
        for field in form:
            assert drawn[index, field.name] == [choice.tag() for choice in field]
            compared += len(drawn[index, field.name])
    assert compared > 60


def test_error_lists_are_djangos_own(every_form):
    drawn = _drawn_without_templates(every_form, lambda field: drawing.errors_html(field.errors))
    for index, form in enumerate(every_form):
        assert drawing.errors_html(form.non_field_errors()) == str(form.non_field_errors())
        for field in form:
            assert drawn[index, field.name] == str(field.errors)
    assert sum('class="errorlist"' in html for html in drawn.values()) > 20


def test_a_widget_that_draws_itself_keeps_doing_so(db):
    form = SettingsForm(instance=make_user("own").profile)
    assert isinstance(form.fields["country"].widget, LongSelect)
    assert isinstance(form.fields["timezone"].widget, ZoneSelect)
    for name in ("country", "timezone"):
        assert drawing.widget_html(form[name]) == form[name].as_widget()


def test_a_form_with_its_own_templates_is_left_to_django(db):
    class OwnLabel(forms.Form):
        template_name_label = "django/forms/errors/list/ul.html"  # writes nothing here
        name = forms.CharField()

    form = OwnLabel()
    drawn = drawing.field_group_html(form["name"])
    assert drawn == form["name"].as_field_group()
    assert "<label" not in drawn and 'name="name"' in drawn


@pytest.mark.parametrize("value", ["Europe/London", "", None, "Not/AZone", "a&b"])
def test_long_select_over_fixed_choices_writes_djangos_select(value):
    pairs = [("", "None yet"), ("Europe/London", "Europe/London"), ("a&b", '<"x">')]
    attrs = {"id": "id_zone", "required": True, "aria-invalid": "true", "aria-describedby": "e"}
    fixed = FixedChoices(lambda: pairs)
    for _ in range(2):  # written once, then reused: the same either way
        ours = LongSelect(choices=fixed).render("zone", value, attrs=attrs)
        djangos = forms.Select(choices=pairs).render("zone", value, attrs=attrs)
        assert parse_html(ours) == parse_html(djangos)
        assert ours.count(" selected") == (0 if value == "Not/AZone" else 1)


def test_fixed_choices_are_shared_by_every_form_and_never_copied(db):
    profile = make_user("shared").profile
    first, second = SettingsForm(instance=profile), SettingsForm(instance=profile)
    # The zone list is grouped, written once per process by its own widget.
    assert isinstance(first.fields["timezone"].widget, ZoneSelect)
    assert zone_options() is zone_options()
    assert second.fields["country"].choices is first.fields["country"].choices
    assert second.fields["country"].widget.choices is first.fields["country"].choices


def test_the_country_list_is_one_per_language():
    with translation.override("en"):
        english = country_choices()
        assert english is country_choices()
    with translation.override("de"):
        german = country_choices()
    assert german is not english
    assert ("DE", "Germany") in english.pairs and ("DE", "Deutschland") in german.pairs
    assert english.pairs[0] == german.pairs[0] == ("", "Not set: the general advice")
    assert len(english) == len(german) > 200


def test_the_country_list_follows_the_country_settings():
    before = country_choices()
    with override_settings(COUNTRIES_OVERRIDE={"NZ": "Aotearoa New Zealand", "ZZ": "Nowhere"}):
        changed = country_choices()
        assert ("NZ", "Aotearoa New Zealand") in changed.pairs and (
            "ZZ",
            "Nowhere",
        ) in changed.pairs
        assert '<option value="NZ" selected>Aotearoa New Zealand</option>' in changed.options_html(
            {"NZ"}
        )
    after = country_choices()
    assert changed is not before and after is not changed
    assert after.pairs == before.pairs and ("NZ", "New Zealand") in after.pairs


def test_a_refused_settings_form_keeps_what_was_chosen_and_refuses_the_unknown(db):
    profile = make_user("chosen", timezone="Pacific/Auckland").profile
    form = SettingsForm(
        {**BAD_SETTINGS, "timezone": "Europe/Paris", "country": "NZ"}, instance=profile
    )
    assert not form.is_valid()
    assert "timezone" not in form.errors and "country" not in form.errors
    zone, country = str(form["timezone"]), str(form["country"])
    assert zone.count(" selected") == 1 and '<option value="Europe/Paris" selected>' in zone
    assert country.count(" selected") == 1 and '<option value="NZ" selected>' in country
    refused = SettingsForm(BAD_SETTINGS, instance=profile)
    assert not refused.is_valid()
    assert "timezone" in refused.errors and "country" in refused.errors
    assert " selected" not in str(refused["timezone"])


def test_a_field_whose_page_lists_its_errors_itself_names_that_list(db):
    form = SettingsForm(BAD_SETTINGS, instance=make_user("listed").profile)
    form.is_valid()
    drawn = drawing.widget_html(form["email"], errors_id="id_email_errors")
    assert 'aria-describedby="id_email_helptext id_email_errors"' in drawn
    assert 'aria-invalid="true"' in drawn
    # Without errors there is nothing to name; the help text is still named.
    fine = SettingsForm(instance=form.instance)
    assert drawing.widget_html(fine["email"], errors_id="x") == str(fine["email"])
    assert 'aria-describedby="id_email_helptext"' in str(fine["email"])
