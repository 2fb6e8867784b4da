"""The settings page's form, drawn once for what its fields show (kept_forms): people with
the same settings share one drawing, and the form is built only when none is kept."""

from django.utils.safestring import SafeString

from tracker.forms import kept_forms
from tracker.forms.account import SettingsForm
from tracker.models import Profile


def settings_fields_html(profile: Profile, initial: dict) -> SafeString:
    """form_fields_html of `SettingsForm(instance=profile, initial=initial)`, kept."""
    return kept_forms.kept_form_fields_html(
        SettingsForm,
        drawn_from(profile, initial),
        lambda: SettingsForm(instance=profile, initial=initial),
        free_text(profile, initial),
    )


def drawn_from(profile: Profile, initial: dict) -> tuple:
    """What the form's fields drawn alike show: their values as the profile holds them or as
    `initial` gives them, and the water goal in millilitres, which the form shows in the unit
    chosen. Free text, drawn each time, and the profile's other columns are left out."""
    alike = SettingsForm.drawn_alike
    stored = sorted(alike & {field.name for field in Profile._meta.concrete_fields})
    return (
        tuple((name, getattr(profile, name)) for name in stored),
        profile.water_goal_ml,
        tuple(sorted((name, value) for name, value in initial.items() if name in alike)),
    )


def free_text(profile: Profile, initial: dict) -> dict:
    """The values the form shows in its fields of free text (the e-mail address, the name), as
    ModelForm reads them (model_to_dict, then `initial`)."""
    names = kept_forms.free_text_form_class(SettingsForm).base_fields
    fields = [field for field in Profile._meta.concrete_fields if field.name in names]
    shown = {**{field.name: field.value_from_object(profile) for field in fields}, **initial}
    return {name: shown.get(name) for name in names}
