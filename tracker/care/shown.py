"""What the person is shown of their care alerts: the prompts, most urgent tier first, with the
wording filled in for their country, and each alert's record for the history.

Which alerts are open, and recording them, is tracker.care.prompts."""

import datetime as dt
from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext, gettext_noop

from tracker.care import countries, redflags
from tracker.care.prompts import TICKED_ANSWERS, open_alerts
from tracker.care.said import wording_in
from tracker.care.wording import PAST_EMERGENCY, PAST_URGENT, advice_key
from tracker.choices import Acknowledgement, Tier
from tracker.dates import today_for
from tracker.models import CareAlert, CareWording

# An emergency logged for a day more than this many days back may be over: its prompt says
# "if this is still happening, call…" rather than "call now" alone (our own choice: today and
# the two days before are still "now" for someone catching up on their check-ins).
PAST_EVENT_DAYS = 2


# The tier and answer names are tracker.choices' (English there). Marked here so the catalogue
# holds them, and said through gettext where shown; a label already translated passes through.
_CHOICE_WORDS = (
    gettext_noop("Emergency"), gettext_noop("Urgent"), gettext_noop("Soon"),
    gettext_noop("Getting help now"), gettext_noop("Spoken to a professional"),
    gettext_noop("I've contacted a professional"), gettext_noop("Understood"),
)  # fmt: skip


def said(label) -> str:
    """A choice's label (a tier, an answer) in the active language."""
    return gettext(str(label)) if label else ""


# Looked up here rather than through get_tier_display(), which builds a dict of the field's
# choices on every call (about 30 µs: describing an earlier alert took 63 µs, now 25).
_TIER_LABELS = dict(Tier.choices)
_ANSWER_LABELS = dict(Acknowledgement.choices)


def tier_said(alert: CareAlert) -> str:
    """The alert's tier, in the active language (a tier no longer known, as stored)."""
    return said(_TIER_LABELS.get(alert.tier, alert.tier))


def answer_said(alert: CareAlert) -> str:
    """How the person answered the alert, in the active language ("" while unanswered)."""
    return said(_ANSWER_LABELS.get(alert.acknowledgement, alert.acknowledgement))


# The advice for a sign logged for a day that has passed, by tier: an emergency's "now" and an
# urgent sign's "today" are said as "if this is still happening". A soon sign's "in the next few
# days" reads right for a past day too.
PAST_ADVICE = {redflags.EMERGENCY: PAST_EMERGENCY, redflags.URGENT: PAST_URGENT}


def is_past_event(tier: str, last_logged: dt.date, today: dt.date | None) -> bool:
    return (
        tier in PAST_ADVICE
        and today is not None
        and last_logged < today - dt.timedelta(days=PAST_EVENT_DAYS)
    )


def past_event_headline(headline: str, language: str | None = None) -> str:
    """ "Call 999 or go to…" → "If this is still happening, call 999 or go to…", in the
    language of the wording (by default the active one)."""
    pattern = wording_in(language).past_event_headline
    return pattern.replace("{headline}", f"{headline[:1].lower()}{headline[1:]}")


@dataclass(frozen=True)
class PromptItem:
    title: str
    explanation: str
    evidence: list[dict]
    alert: CareAlert | None = None
    past_event: bool = False

    @property
    def ticked(self) -> bool:
        """Whether the alert rests on ticked answers, which "ticked by mistake" can correct."""
        return any(answer in TICKED_ANSWERS for item in self.evidence for answer in item["answers"])


@dataclass(frozen=True)
class CarePrompt:
    tier: str
    headline: str
    advice: str
    items: list[PromptItem]
    contacts: countries.CareContacts
    country_has_contacts: bool  # False: the general advice, with a pointer to settings

    @property
    def tier_title(self) -> str:
        return said(Tier(self.tier).label)

    @property
    def emergency_number(self) -> str:
        return self.contacts.emergency_number

    @property
    def numbers_when_unset(self) -> str:
        return countries.numbers_when_unset()


def rule_title(code: str, language: str | None = None) -> str:
    wording = wording_in(language).rules.get(code)
    return wording.title if wording else code


def _wordings(language: str) -> dict[str, str]:
    """Editors' rewordings in this language only: a Spanish row never changes the English
    prompt, nor an English row the Spanish one."""
    rows = CareWording.objects.filter(language=language).values_list("key", "text")
    return {key: text for key, text in rows if text}


def _prompts(
    entries: list[tuple[redflags.Rule, list[dict], CareAlert | None]],
    *,
    country: str,
    today: dt.date | None = None,
) -> list[CarePrompt]:
    if not entries:
        return []
    words = wording_in()
    contacts = countries.contacts_for(country, words.language)
    wordings = _wordings(words.language)
    prompts = []
    for tier in sorted({rule.tier for rule, _, _ in entries}, key=redflags.TIER_RANK.__getitem__):
        key = advice_key(tier, [rule.code for rule, _, _ in entries if rule.tier == tier])
        advice = wordings.get(f"tier:{key}", words.advice[key])
        items = [
            PromptItem(
                title=rule_title(rule.code, words.language),
                explanation=countries.fill(
                    wordings.get(f"rule:{rule.code}", words.rules[rule.code].explanation),
                    contacts,
                ),
                evidence=evidence,
                alert=alert,
                past_event=is_past_event(tier, _last_logged(evidence), today),
            )
            for rule, evidence, alert in entries
            if rule.tier == tier
        ]
        headline = countries.fill(words.headlines[key], contacts)
        advice_text = advice
        if all(item.past_event for item in items):
            headline = past_event_headline(headline, words.language)
            # Editors may reword it ("tier:emergency_past", "tier:urgent_past"); whether it
            # shows is decided here.
            past = PAST_ADVICE[tier]
            advice_text = wordings.get(f"tier:{past}", words.advice[past])
        prompts.append(
            CarePrompt(
                tier=tier,
                headline=headline,
                advice=countries.fill(advice_text, contacts),
                items=items,
                contacts=contacts,
                country_has_contacts=country in countries.CONTACTS,
            )
        )
    return prompts


@dataclass(frozen=True)
class AlertRecord:
    alert: CareAlert
    title: str
    tier_title: str
    status: str


def describe(alert: CareAlert) -> AlertRecord:
    if alert.cleared_at and alert.corrections:
        status = gettext("Corrected: ticked by mistake, and taken off your check-in")
    elif alert.cleared_at:
        status = gettext("Cleared: the check-in behind it was changed")
    else:
        status = answer_said(alert) or gettext("Acknowledged")
    return AlertRecord(
        alert=alert,
        title=rule_title(alert.rule),
        tier_title=tier_said(alert),
        status=status,
    )


# The care page's earlier alerts, a page at a time: a few screens on a phone, and a page that
# costs the same after years of alerts (each one drawn is about a quarter of a millisecond).
EARLIER_ALERTS_A_PAGE = 20


def earlier_alerts(user, page: str | None) -> Page:
    """The person's answered and cleared alerts, newest first, as records (describe): the page
    numbered `page`, or the nearest there is (the first for anything but a number)."""
    closed = CareAlert.objects.closed().filter(user=user).order_by("-created_at", "-pk")
    found = Paginator(closed, EARLIER_ALERTS_A_PAGE).get_page(page)
    found.object_list = [describe(alert) for alert in found.object_list]
    return found


def _last_logged(evidence: list[dict]) -> dt.date:
    return max(dt.date.fromisoformat(item["date"]) for item in evidence)


def prompts_for_alerts(
    alerts: list[CareAlert], *, country: str, today: dt.date | None = None
) -> list[CarePrompt]:
    # Each at the tier it was raised at, which its answers follow (a knock raised as urgent
    # before the rule became soon without fracture risk is still answered as urgent).
    return _prompts(
        [
            (replace(redflags.RULES_BY_CODE[a.rule], tier=a.tier), a.evidence, a)
            for a in alerts
            if a.rule in redflags.RULES_BY_CODE
        ],
        country=country,
        today=today,
    )


def open_prompts(user) -> list[CarePrompt]:
    """Every open alert in full, most urgent first (the care page shows them so)."""
    return prompts_for_alerts(
        open_alerts(user), country=user.profile.country.code or "", today=today_for(user)
    )
