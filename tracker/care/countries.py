"""Where to get care, for the country a person lives in: the one table of care contacts.

Care wording never names a country's services; it uses these placeholders, filled from the
person's country (tracker.care.prompts):

    {emergency_number}  the number to call in an emergency ("999")
    {urgent_care}       where to get urgent advice when a doctor can't be seen today
    {routine_care}      the doctor a person would book ("your GP")
    {mental_health}     someone to talk to, any time, when it all gets too much
    {physio}            "a physiotherapist" ("a physical therapist" in the US and Canada)

Where each number comes from: NHS "When to call 999" and "NHS 111"; the HSE (112 and 999 both
work in Ireland); 911.gov; Health Canada (811 health lines; 9-8-8, the Suicide Crisis Helpline);
healthdirect Australia (000; 1800 022 222) and Lifeline (13 11 14); Health New Zealand (111;
Healthline 0800 611 116; 1737); Samaritans (116 123 in the UK and Ireland); 988lifeline.org.
In the UK, 111 serves England, Scotland (NHS 24) and Wales; Northern Ireland has GP
out-of-hours services instead. The US territories (Puerto Rico, Guam, the US Virgin Islands,
American Samoa, the Northern Mariana Islands, the Minor Outlying Islands) use 911 and the US
contacts. Services change their numbers rarely but they do: review this table with each
release. 112 is the EU-wide emergency number and works from most mobile phones, which is why it
is the default number; in words, a country not in the table reads "your local emergency number
(112 works from most mobile phones)"."""

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class CareContacts:
    emergency_number: str  # dialled as is: the tel: link
    emergency_words: str  # how to say it ("112 or 999")
    urgent_care: str
    routine_care: str
    mental_health: str
    physio: str = "a physiotherapist"
    country: str = ""  # the country they were looked up for; "" while none is set


DEFAULT = CareContacts(
    emergency_number="112",
    emergency_words="your local emergency number (112 works from most mobile phones)",
    urgent_care="a local urgent care service",
    routine_care="a doctor",
    mental_health="a local crisis or mental-health line, or someone you trust",
)
CONTACTS: dict[str, CareContacts] = {
    "GB": CareContacts(
        "999", "999",
        "NHS 111 (call 111) in England, Scotland and Wales, or the GP out-of-hours service in "
        "Northern Ireland",
        "your GP",
        "Samaritans on 116 123, free at any time",
    ),
    "IE": CareContacts(
        "112", "112 or 999", "an out-of-hours GP service", "your GP",
        "Samaritans on 116 123, free at any time",
    ),
    "US": CareContacts(
        "911", "911", "an urgent care center", "your primary care doctor",
        "the 988 Suicide & Crisis Lifeline (call or text 988)", "a physical therapist",
    ),
    "CA": CareContacts(
        "911", "911", "811, your province's health line", "your family doctor",
        "9-8-8, the Suicide Crisis Helpline (call or text 988)", "a physical therapist",
    ),
    "AU": CareContacts(
        "000", "000", "healthdirect on 1800 022 222", "your GP",
        "Lifeline on 13 11 14, at any time",
    ),
    "NZ": CareContacts(
        "111", "111", "Healthline on 0800 611 116", "your GP",
        "1737, free to call or text at any time",
    ),
}  # fmt: skip
US_TERRITORIES = ("PR", "GU", "VI", "AS", "MP", "UM")
CONTACTS |= dict.fromkeys(US_TERRITORIES, CONTACTS["US"])
# Named, with their numbers, to someone who has not set a country yet: where most people using
# the app live. The numbers come from CONTACTS.
_NAMED_WHEN_UNSET = (
    ("the UK", ("GB",)), ("the US and Canada", ("US", "CA")), ("Australia", ("AU",)),
    ("New Zealand", ("NZ",)),
)  # fmt: skip


def _numbers_when_unset() -> str:
    said = []
    for place, codes in _NAMED_WHEN_UNSET:
        [number] = {CONTACTS[code].emergency_number for code in codes}  # one number per place
        said.append(f"{place} call {number}" if not said else f"{place} {number}")
    return "In " + ", in ".join(said) + "."


NUMBERS_WHEN_UNSET = _numbers_when_unset()
PLACEHOLDERS = (
    "{emergency_number}", "{urgent_care}", "{routine_care}", "{mental_health}", "{physio}"
)  # fmt: skip


def contacts_for(country: str) -> CareContacts:
    """The country's contacts; elsewhere the default, whose emergency number the deployment may
    set (BACKHABITS_EMERGENCY_NUMBER)."""
    if country in CONTACTS:
        return dataclasses.replace(CONTACTS[country], country=country)
    number = settings.BACKHABITS_EMERGENCY_NUMBER
    if number == DEFAULT.emergency_number:
        return dataclasses.replace(DEFAULT, country=country)
    return dataclasses.replace(
        DEFAULT, emergency_number=number, emergency_words=number, country=country
    )


def fill(text: str, contacts: CareContacts) -> str:
    """The placeholders filled in. replace(), not format(): an editor's stray brace must not
    break the page. {number} is the older name of {emergency_number}."""
    for placeholder, value in (
        ("{emergency_number}", contacts.emergency_words),
        ("{number}", contacts.emergency_words),
        ("{urgent_care}", contacts.urgent_care),
        ("{routine_care}", contacts.routine_care),
        ("{mental_health}", contacts.mental_health),
        ("{physio}", contacts.physio),
    ):
        text = text.replace(placeholder, value)
    return text


@functools.cache
def _zone_countries() -> dict[str, str]:
    """Each time zone that belongs to exactly one country, from the tz database's zone.tab."""
    import tzdata

    table = Path(tzdata.__file__).with_name("zoneinfo") / "zone.tab"
    zones = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone, *_ = line.split("\t")
            zones[zone] = code
    return zones


def guess_country(timezone_name: str) -> str:
    """The country of the browser's time zone when that is unambiguous, else the deployment's
    default (BACKHABITS_DEFAULT_COUNTRY, which may be empty: "not set")."""
    return _zone_countries().get(timezone_name, settings.BACKHABITS_DEFAULT_COUNTRY)
