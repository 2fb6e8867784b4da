"""What a person does with a care alert, and how open alerts show outside their full prompt.

An emergency or urgent alert closes only when the person is getting help or has spoken to a
professional (a one-line reminder then stands in for the prompt), or when they say they ticked
its answer by mistake (taken off the day it was logged, the rules checked again). A "soon"
alert takes "Understood". Whether a rule fires stays in tracker.care.redflags."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tracker.care import countries, prompts, redflags, shown, thresholds
from tracker.care.said import wording_in
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.care.wording import advice_key
from tracker.choices import Acknowledgement
from tracker.days import checkins
from tracker.models import CareAlert, CheckIn


def _spoken_effect() -> str:
    # Formatted when shown, not at import: a lazy string's "%" would fix the language then.
    return gettext(
        "Keeps a one-line reminder, and no full message for this again for %(days)s days "
        "unless it gets more urgent."
    ) % {"days": thresholds.SPOKEN_QUIET_DAYS}


# The answers that close an alert, by tier, with what each button does, said beside it.
# Emergency and urgent alerts cannot be waved away with "Understood".
RESPONSES: dict[str, tuple[str, ...]] = {
    redflags.EMERGENCY: (Acknowledgement.GETTING_HELP, Acknowledgement.SPOKEN),
    redflags.URGENT: (Acknowledgement.GETTING_HELP, Acknowledgement.SPOKEN),
    redflags.SOON: (Acknowledgement.UNDERSTOOD,),
}
BUTTONS: dict[str, tuple[str, str]] = {
    Acknowledgement.GETTING_HELP: (
        _("I'm getting help now"),
        _("Keeps a one-line reminder on your home page and check-in instead of this message."),
    ),
    Acknowledgement.SPOKEN: (
        _("I've spoken to a professional"),
        lazy(_spoken_effect, str)(),
    ),
    Acknowledgement.UNDERSTOOD: (
        _("Understood"),
        _("Hides this message; it comes back if this happens again later."),
    ),
}


class RefusedResponse(ValueError):
    """An answer this alert's tier does not take ("Understood" to an emergency, say)."""


def responses_for(tier: str) -> tuple[str, ...]:
    return RESPONSES.get(tier, ())


def acknowledge(alert: CareAlert, *, response: str) -> None:
    """Records the answer with its time. On an emergency or urgent alert the full prompt gives
    way to a one-line reminder (prompts.REMINDER_DAYS at most)."""
    if response not in responses_for(alert.tier):
        raise RefusedResponse(response)
    now = timezone.now()
    alert.acknowledged_at = now
    alert.acknowledgement = response
    if alert.tier in (redflags.EMERGENCY, redflags.URGENT):
        alert.reminder_until = now + dt.timedelta(days=prompts.REMINDER_DAYS)
    alert.save(update_fields=["acknowledged_at", "acknowledgement", "reminder_until", "updated_at"])


# --- "I ticked this by mistake" --------------------------------------------------------------

_CODES_BY_LABEL = {label: code for code, label in SYMPTOM_LABELS.items()}


@dataclass(frozen=True)
class TickedAnswer:
    date: dt.date
    code: str
    label: str

    @property
    def key(self) -> str:
        return f"{self.date.isoformat()}:{self.code}"


def ticked_answers(alert: CareAlert) -> list[TickedAnswer]:
    """The ticked symptoms an alert rests on: what "ticked by mistake" can take back (a score
    or a health profile answer is changed where it was given)."""
    return [
        TickedAnswer(dt.date.fromisoformat(item["date"]), _CODES_BY_LABEL[answer], answer)
        for item in alert.evidence
        for answer in item["answers"]
        if answer in _CODES_BY_LABEL
    ]


def correct_mistake(alert: CareAlert, *, keys: Iterable[str], today: dt.date) -> CareAlert:
    """Takes the chosen ticked answers off the days they were logged (each day's other answers
    stay), checks that day and every later day they could have counted towards, and records
    the correction on the alert. The alert closes as cleared once nothing supports it."""
    wanted = set(keys)
    chosen = [answer for answer in ticked_answers(alert) if answer.key in wanted]
    if not chosen:
        raise ValueError("nothing chosen")
    codes_by_day: dict[dt.date, set[str]] = defaultdict(set)
    for answer in chosen:
        codes_by_day[answer.date].add(answer.code)
    with transaction.atomic():
        for day, codes in sorted(codes_by_day.items()):
            checkin = CheckIn.objects.select_for_update().filter(user=alert.user, date=day).first()
            if checkin is None:
                continue
            remaining = [code for code in checkin.symptoms if code not in codes]
            checkins.record_day(
                user=alert.user,
                date=day,
                today=today,
                change=checkins.DayChange(values={"symptoms": remaining}),
            )
        # A rule reads at most thresholds.HISTORY_DAYS back, so no later day sees past that.
        first = min(codes_by_day)
        later = CheckIn.objects.filter(
            user=alert.user,
            date__gt=first,
            date__lte=min(today, first + dt.timedelta(days=thresholds.HISTORY_DAYS)),
        ).values_list("date", flat=True)
        prompts.recheck_after_correction(user=alert.user, days=[*codes_by_day, *later], today=today)
        alert = CareAlert.objects.select_for_update().get(pk=alert.pk)
        removed: dict[str, list[str]] = defaultdict(list)
        for answer in chosen:
            removed[answer.date.isoformat()].append(answer.label)
        alert.corrections = [
            *alert.corrections,
            {
                "at": timezone.now().isoformat(),
                "removed": [{"date": d, "answers": removed[d]} for d in sorted(removed)],
            },
        ]
        alert.save(update_fields=["corrections", "updated_at"])
    return alert


# --- one line per alert, everywhere but where it fires and /care/ ----------------------------

# Lines shown before the rest are summed up in one: three fit above the check-in's first
# question on a 390 x 844 phone (tests/browser/test_care_journeys.py measures it).
MAX_LINES = 3


@dataclass(frozen=True)
class CareLine:
    alert: CareAlert
    title: str
    headline: str  # the tier's headline; for an emergency logged days ago, "if this is still…"
    contacts: countries.CareContacts
    reminder: bool  # answered: getting help or spoken to a professional

    @property
    def tier(self) -> str:
        return self.alert.tier

    @property
    def tier_title(self) -> str:
        return shown.tier_said(self.alert)

    @property
    def answer(self) -> str:
        """How the person answered, in the active language ("" while open)."""
        return shown.answer_said(self.alert)

    @property
    def logged_on(self) -> dt.date:
        return self.alert.last_evidence_date

    @property
    def days_logged(self) -> int:
        return len(self.alert.evidence)

    @property
    def emergency_number(self) -> str:
        return self.contacts.emergency_number


@dataclass(frozen=True)
class PageCare:
    prompts: list[shown.CarePrompt]  # in full: the alerts that just fired (or all, on /care/)
    lines: list[CareLine]  # every other open alert, then reminders, most urgent first

    @property
    def active(self) -> bool:
        """Any open alert or reminder: only tips safe beside an alert are offered."""
        return bool(self.prompts or self.lines)


def page_care(user, *, today: dt.date, full_rules: Iterable[str] | None = ()) -> PageCare:
    """Open alerts and reminders from one query. Alerts whose rule is in `full_rules` (None:
    every open alert) come as full prompts, the rest as lines."""
    now = timezone.now()
    alerts = prompts.by_urgency(prompts.active_alerts(user, now))
    if not alerts:
        # Most pages of most people: nothing to word, so no country's numbers to look up.
        return PageCare(prompts=[], lines=[])
    open_alerts = [alert for alert in alerts if alert.is_open]
    full = [alert for alert in open_alerts if full_rules is None or alert.rule in set(full_rules)]
    shown_rules = {alert.rule for alert in open_alerts}
    reminders = []
    for alert in sorted(
        (a for a in alerts if not a.is_open), key=lambda a: a.acknowledged_at, reverse=True
    ):
        if alert.rule not in shown_rules:  # the rule's newer alert or reminder speaks
            shown_rules.add(alert.rule)
            reminders.append(alert)
    country = user.profile.country.code or ""
    contacts = countries.contacts_for(country)  # in the active language, as the lines are
    lines = [
        _line(alert, contacts, today=today, reminder=not alert.is_open)
        for alert in prompts.by_urgency([a for a in open_alerts if a not in full] + reminders)
    ]
    lines.sort(key=lambda line: (redflags.TIER_RANK[line.tier], line.reminder))
    return PageCare(
        prompts=shown.prompts_for_alerts(full, country=country, today=today), lines=lines
    )


def _line(
    alert: CareAlert, contacts: countries.CareContacts, *, today: dt.date, reminder: bool
) -> CareLine:
    headline = countries.fill(
        wording_in().headlines[advice_key(alert.tier, [alert.rule])], contacts
    )
    if shown.is_past_event(alert.tier, alert.last_evidence_date, today):
        headline = shown.past_event_headline(headline)
    return CareLine(
        alert=alert,
        title=shown.rule_title(alert.rule),
        headline=headline,
        contacts=contacts,
        reminder=reminder,
    )
