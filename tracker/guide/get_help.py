"""The guide's opening summary, "When to get help": the emergency signs and the person's own
numbers, in the words the care prompts use.

Nothing here is new wording about care: the headlines are the care prompts' own
(tracker.care.wording.TIER_HEADLINES), the signs are the emergency rules' titles
(tracker.care.redflags, tracker.care.wording.RULE_WORDING), and the numbers come from the one
table of care contacts (tracker.care.countries), filled in as the prompts fill them. A rule
added to the emergency tier is listed here without a change to this module."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext, pgettext

from tracker.care import countries, redflags
from tracker.care.said import wording_in
from tracker.care.wording import AMBULANCE, AMBULANCE_RULES

# Urgent signs named as examples, in one sentence to keep the summary short: ones a person
# notices for themselves (others need their health profile); the full list is the section's.
URGENT_EXAMPLES = ("fever", "weight_loss", "night_pain")
FULL_SECTION = "when-to-seek-help"


# Sentences of our own around the care wording; the placeholders are tracker.care.countries'.
# Functions, not constants: each is said in the language active when it is shown.
def if_no_appointment() -> str:
    return gettext("If you can't get one, contact {urgent_care}.")


def too_much() -> str:
    return gettext("If it all feels too much right now, talk to someone: {mental_health}.")


@dataclass(frozen=True)
class Step:
    headline: str  # what to do, as the care prompt of this tier says it
    signs: tuple[str, ...]

    @property
    def signs_in_a_sentence(self) -> str:
        """ "For example, a high temperature with back pain, … or pain worse at night." """
        named = [sign[:1].lower() + sign[1:] for sign in self.signs]
        listed = pgettext("the last two of a list", "%(rest)s or %(last)s") % {
            "rest": ", ".join(named[:-1]),
            "last": named[-1],
        }
        return gettext("For example, %(signs)s.") % {"signs": listed}


@dataclass(frozen=True)
class GetHelp:
    contacts: countries.CareContacts
    emergency: Step
    ambulance: Step
    urgent: Step
    if_no_appointment: str
    too_much: str
    country_has_contacts: bool  # False: the numbers of the countries most people live in too
    full_section: str = FULL_SECTION

    @property
    def numbers_when_unset(self) -> str:
        return countries.numbers_when_unset()

    @property
    def emergency_number(self) -> str:
        return self.contacts.emergency_number


def country_of(user) -> str:
    """The person's country; signed out, the deployment's default (which may be unset)."""
    if user is not None and user.is_authenticated:
        return user.profile.country.code or ""
    return settings.BACKHABITS_DEFAULT_COUNTRY


def summary(country: str) -> GetHelp:
    """The summary in the active language."""
    words = wording_in()
    contacts = countries.contacts_for(country, words.language)
    emergency_rules = [rule.code for rule in redflags.RULES if rule.tier == redflags.EMERGENCY]
    return GetHelp(
        contacts=contacts,
        emergency=Step(
            headline=countries.fill(words.headlines[redflags.EMERGENCY], contacts),
            signs=_titles(
                (code for code in emergency_rules if code not in AMBULANCE_RULES), words.rules
            ),
        ),
        ambulance=Step(
            headline=countries.fill(words.headlines[AMBULANCE], contacts),
            signs=_titles(
                (code for code in emergency_rules if code in AMBULANCE_RULES), words.rules
            ),
        ),
        urgent=Step(
            headline=countries.fill(words.headlines[redflags.URGENT], contacts),
            signs=_titles(URGENT_EXAMPLES, words.rules),
        ),
        if_no_appointment=countries.fill(if_no_appointment(), contacts),
        too_much=countries.fill(too_much(), contacts),
        country_has_contacts=country in countries.CONTACTS,
    )


def _titles(codes, rules) -> tuple[str, ...]:
    return tuple(rules[code].title for code in codes)
