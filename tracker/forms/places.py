"""Where a person is, as the account forms ask it: the time-zone list (current IANA names only,
grouped by region, the browser's zone chosen at sign-up) and the country list, each drawn once per
language and process."""

import functools
import unicodedata

from django import forms
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from tracker.dates import UTC, Zone, canonical_timezone, canonical_zones
from tracker.forms.long_select import FixedChoices
from tracker.models import Profile

# The list's groups, as tracker.dates names them (zone.tab's first part), in the page's language.
REGION_WORDS = {
    "Africa": gettext_lazy("Africa"),
    "Americas": gettext_lazy("Americas"),
    "Antarctica": gettext_lazy("Antarctica"),
    "Arctic": gettext_lazy("Arctic"),
    "Asia": gettext_lazy("Asia"),
    "Atlantic Ocean": gettext_lazy("Atlantic Ocean"),
    "Australia": gettext_lazy("Australia"),
    "Europe": gettext_lazy("Europe"),
    "Indian Ocean": gettext_lazy("Indian Ocean"),
    "Pacific Ocean": gettext_lazy("Pacific Ocean"),
    "Other": pgettext_lazy("time zone region", "Other"),
}


def timezone_choices() -> list[tuple[str, str]]:
    """The zones offered, as (name, label) pairs in the order the list shows them."""
    return [(zone.name, label) for _region, zones in _zone_groups() for zone, label in zones]


def _zone_label(zone: Zone) -> str:
    """ "Kolkata (India)", "Buenos Aires, Argentina": where the zone is, in words a person
    looks for (the country's name in the page's language)."""
    if zone.name == UTC:
        return gettext("UTC (Coordinated Universal Time)")
    if not zone.country:
        return zone.place
    country = str(Profile._meta.get_field("country").countries.name(zone.country))
    return zone.place if country in zone.place else f"{zone.place} ({country})"


@functools.cache
def _zone_groups_for(language: str) -> tuple[tuple[str, tuple[tuple[Zone, str], ...]], ...]:
    with translation.override(language):
        labelled = [(zone, _zone_label(zone)) for zone in canonical_zones()]
        regions = {zone.region: str(REGION_WORDS.get(zone.region, zone.region))
                   for zone, _label in labelled}  # fmt: skip
    groups: dict[str, list[tuple[Zone, str]]] = {}
    for zone, label in labelled:
        groups.setdefault(zone.region, []).append((zone, label))
    # Regions A to Z (in the language's words) with UTC ("Other") last; places A to Z within each.
    order = sorted(groups, key=lambda region: (region == "Other", _plain(regions[region])))
    return tuple(
        (regions[region], tuple(sorted(groups[region], key=lambda pair: pair[1].casefold())))
        for region in order
    )


def _plain(words: str) -> str:
    """For sorting: "África" beside "Asia", not after "Pacífico"."""
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _zone_groups() -> tuple[tuple[str, tuple[tuple[Zone, str], ...]], ...]:
    return _zone_groups_for(translation.get_language() or settings.LANGUAGE_CODE)


@functools.cache
def _zone_options_for(language: str) -> str:
    """Every <optgroup> and <option> of the zone list, written once per process and language:
    the list can't change while it runs."""
    parts = []
    for region, zones in _zone_groups_for(language):
        parts.append(f'<optgroup label="{escape(region)}">')
        parts += [f'<option value="{escape(zone.name)}">{escape(label)}</option>'
                  for zone, label in zones]  # fmt: skip
        parts.append("</optgroup>")
    return "".join(parts)


def zone_options() -> str:
    return _zone_options_for(translation.get_language() or settings.LANGUAGE_CODE)


class ZoneSelect(forms.Select):
    """The time zones, grouped by region, written in one pass from zone_options (Django would
    render each of ~420 options through a template)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = value if isinstance(value, str) else ""
        options = zone_options()
        listed = f'<option value="{escape(chosen)}">'
        if chosen and listed in options:
            options = options.replace(listed, f'<option value="{escape(chosen)}" selected>', 1)
        elif canonical_timezone(chosen):
            # A valid zone that isn't offered (Etc/GMT+5): shown as it is, so saving the
            # page keeps it rather than quietly choosing the first zone of the list.
            options = (
                f'<option value="{escape(chosen)}" selected>{escape(chosen)}</option>{options}'
            )
        select_attrs = flatatt({"name": name, **self.build_attrs(self.attrs, attrs)})
        return mark_safe(f"<select{select_attrs}>{options}</select>")


class ZoneField(forms.CharField):
    """A time zone by its current name: a stored or posted old name ("Asia/Calcutta") is
    shown and saved as its current one ("Asia/Kolkata"); a name the database doesn't know is
    refused."""

    widget = ZoneSelect
    default_error_messages = {"invalid": gettext_lazy("Choose a time zone from the list.")}

    def prepare_value(self, value):
        return (canonical_timezone(value) or value) if isinstance(value, str) else value

    def to_python(self, value) -> str:
        name = super().to_python(value)
        if not name:
            return name
        current = canonical_timezone(name)
        if current is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return current


class SignupZoneField(ZoneField):
    """At sign-up an unknown zone (a browser newer than the zone files) is no reason to refuse
    the account: it falls back to the server's default, which settings can change."""

    def to_python(self, value) -> str:
        try:
            name = super().to_python(value)
        except forms.ValidationError:
            name = ""
        return name or canonical_timezone(settings.TIME_ZONE) or settings.TIME_ZONE


@functools.cache
def _country_choices(language: str) -> FixedChoices:
    def make() -> list[tuple[str, str]]:
        field = Profile._meta.get_field("country").formfield()
        with translation.override(language):
            countries = [(code, str(name)) for code, name in field.choices if code]
            blank = gettext("Not set: the general advice")
        return [("", blank), *countries]

    return FixedChoices(make)


def country_choices() -> FixedChoices:
    """Every country, named and sorted in the language of the page (one list per language)."""
    return _country_choices(translation.get_language() or settings.LANGUAGE_CODE)


@receiver(setting_changed)
def _countries_changed(*, setting: str, **kwargs) -> None:
    # The lists are made from django-countries' COUNTRIES_* settings, which it keeps too (its
    # own cache is reset by deleting `countries`): both are made again when one changes.
    # Settings change only under test, but a list is never older than its settings.
    if setting.startswith("COUNTRIES_"):
        del Profile._meta.get_field("country").countries.countries
        _country_choices.cache_clear()
        _zone_groups_for.cache_clear()
        _zone_options_for.cache_clear()
