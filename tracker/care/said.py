"""The default care wording in the person's language: English (tracker.care.wording) or Spanish
(tracker.care.wording_es), chosen from the active language (django.utils.translation). A
language with no care wording of its own reads English, never a half-translated mix.

Every module that shows care wording asks here, so the language is decided in one place."""

from dataclasses import dataclass

from tracker.care import wording, wording_es
from tracker.care.countries import language_of
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
