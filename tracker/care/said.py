"""The default care wording in the person's language: English (tracker.care.wording) or Spanish
(tracker.care.wording_es), chosen from the active language (django.utils.translation). A
language with no care wording of its own reads English, never a half-translated mix.

Every module that shows care wording asks here, so the language is decided in one place."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop, ngettext

from tracker.care import wording, wording_es
from tracker.care.countries import language_of
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.care.wording import RuleWording


@dataclass(frozen=True)
class Wording:
    language: str
    rules: dict[str, RuleWording]
    headlines: dict[str, str]
    advice: dict[str, str]
    past_event_headline: str  # "If this is still happening, {headline}"


WORDINGS: dict[str, Wording] = {
    "en": Wording(
        "en",
        wording.RULE_WORDING,
        wording.TIER_HEADLINES,
        wording.TIER_ADVICE,
        wording.PAST_EVENT_HEADLINE,
    ),
    "es": Wording(
        "es",
        wording_es.RULE_WORDING,
        wording_es.TIER_HEADLINES,
        wording_es.TIER_ADVICE,
        wording_es.PAST_EVENT_HEADLINE,
    ),
}


def wording_in(language: str | None = None) -> Wording:
    """The wording of `language`, by default the active one; English where there is none."""
    return WORDINGS.get(language_of(language), WORDINGS["en"])


# The evidence an alert stores is English (tracker.care.redflags writes it; reports and exports
# read it back as written). These are its fixed answers, marked so the catalogue holds them;
# the ticked symptoms' labels are marked in tracker.care.symptoms.
_FIXED_ANSWERS = frozenset(
    {
        gettext_noop("Discomfort not logged"),
        gettext_noop("Health profile: age not given"),
        gettext_noop("Health profile: over 50"),
        gettext_noop("Health profile: osteoporosis"),
        gettext_noop("Health profile: long-term steroid tablets"),
        gettext_noop("Health profile: higher risk of infection"),
        gettext_noop("Health profile: history of cancer"),
        gettext_noop("Health profile: age 16–19"),
        gettext_noop("Health profile: age over 50"),
        *SYMPTOM_LABELS.values(),
    }
)
_DISCOMFORT = re.compile(r"Discomfort (\d+) out of 10")
_PAIN_FREE = re.compile(r"No discomfort logged in the (\d+) days before")


def answer_said(answer: str) -> str:
    """One stored answer in the active language; one not known here is shown as stored."""
    if answer in _FIXED_ANSWERS:
        return gettext(answer)
    if match := _DISCOMFORT.fullmatch(answer):
        return gettext("Discomfort %(score)s out of 10") % {"score": match[1]}
    if match := _PAIN_FREE.fullmatch(answer):
        days = int(match[1])
        return ngettext(
            "No discomfort logged in the %(days)s day before",
            "No discomfort logged in the %(days)s days before",
            days,
        ) % {"days": days}
    return answer
