"""Turning red-flag firings into care prompts and CareAlert rows.

tracker.redflags decides whether a rule fires; this module loads the data it needs, keeps one
open alert per rule per episode, and assembles what the person is shown."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Case, Value, When
from django.utils import timezone

from tracker import countries, redflags
from tracker.care_wording import RULE_WORDING, TIER_ADVICE, TIER_HEADLINES
from tracker.models import CareAlert, CareWording, CheckIn


def health_factors(profile) -> redflags.HealthFactors:
    return redflags.HealthFactors(
        age_band=profile.age_band,
        cancer_history=profile.cancer_history,
        infection_risk=profile.infection_risk,
        osteoporosis=profile.osteoporosis,
        long_term_steroids=profile.long_term_steroids,
    )


def load_history(user, *, first: dt.date, last: dt.date) -> redflags.History:
    rows = CheckIn.objects.filter(user=user, date__range=(first, last)).values_list(
        "date", "discomfort", "symptoms"
    )
    return redflags.History.from_records(
        redflags.DayRecord(date=date, discomfort=discomfort, symptoms=frozenset(symptoms or ()))
        for date, discomfort, symptoms in rows
    )


def _history_around(user, days: list[dt.date]) -> redflags.History:
    # Two days after too: an edit of an earlier day can complete a run of severe days.
    return load_history(
        user,
        first=min(days) - dt.timedelta(days=redflags.HISTORY_DAYS),
        last=max(days) + dt.timedelta(days=redflags.SEVERE_CONSECUTIVE_DAYS - 1),
    )


def _evidence_json(evidence) -> list[dict]:
    """One entry per date, answers in the order found; accepts Evidence or stored dicts."""
    by_date: dict[str, list[str]] = {}
    for item in evidence:
        if isinstance(item, redflags.Evidence):
            date, answers = item.date.isoformat(), item.answers
        else:
            date, answers = item["date"], item["answers"]
        existing = by_date.setdefault(date, [])
        existing.extend(answer for answer in answers if answer not in existing)
    return [{"date": date, "answers": by_date[date]} for date in sorted(by_date)]


def _episode_already_acknowledged(user, firing: redflags.Firing) -> bool:
    gap = redflags.PATTERN_EPISODE_GAP_DAYS if firing.rule.is_pattern else 0
    same_episode = [
        rule.code for rule in redflags.RULES if rule.episode_key == firing.rule.episode_key
    ]
    return CareAlert.objects.filter(
        user=user,
        rule__in=same_episode,
        acknowledged_at__isnull=False,
        last_evidence_date__gte=firing.anchor_date - dt.timedelta(days=gap),
    ).exists()


def _record_firing(user, firing: redflags.Firing) -> bool:
    """Opens or extends the rule's alert; False when this episode was already acknowledged."""
    evidence = _evidence_json(firing.evidence)
    open_alert = (
        CareAlert.objects.select_for_update()
        .filter(user=user, rule=firing.rule.code, acknowledged_at=None, cleared_at=None)
        .first()
    )
    if open_alert is None:
        if _episode_already_acknowledged(user, firing):
            return False
        try:
            with transaction.atomic():
                CareAlert.objects.create(
                    user=user,
                    rule=firing.rule.code,
                    tier=firing.rule.tier,
                    evidence=evidence,
                    last_evidence_date=firing.anchor_date,
                )
            return True
        except IntegrityError:  # another request opened it a moment ago
            open_alert = CareAlert.objects.select_for_update().get(
                user=user, rule=firing.rule.code, acknowledged_at=None, cleared_at=None
            )
    open_alert.evidence = _evidence_json([*open_alert.evidence, *evidence])
    open_alert.last_evidence_date = max(open_alert.last_evidence_date, firing.anchor_date)
    open_alert.save(update_fields=["evidence", "last_evidence_date", "updated_at"])
    return True


def _reconcile_alerts_touching(user, *, day: dt.date, factors: redflags.HealthFactors) -> None:
    """After an edit, an open alert that listed that day keeps only the evidence that still
    holds; with none left it is closed as cleared."""
    iso_day = day.isoformat()
    for alert in CareAlert.objects.filter(user=user, acknowledged_at=None, cleared_at=None):
        rule = redflags.RULES_BY_CODE.get(alert.rule)
        dates = sorted({dt.date.fromisoformat(item["date"]) for item in alert.evidence})
        if rule is None or iso_day not in {d.isoformat() for d in dates}:
            continue
        history = _history_around(user, dates)
        supported = [item for d in dates for item in (rule.predicate(d, history, factors) or ())]
        if not supported:
            alert.cleared_at = timezone.now()
            alert.save(update_fields=["cleared_at", "updated_at"])
            continue
        alert.evidence = _evidence_json(supported)
        alert.last_evidence_date = max(item.date for item in supported)
        alert.save(update_fields=["evidence", "last_evidence_date", "updated_at"])


def check_day(*, user, date: dt.date, today: dt.date) -> list[redflags.Firing]:
    """Evaluates the red flags after `date` changed and records what fired; call it inside the
    transaction that saved the day (tracker.checkins.record_day). Returns the firings that are
    open alerts now, most urgent first.

    The changed day is checked, and so is the latest logged day: filling in earlier days can
    complete a pattern (worsening, persisting leg symptoms) that holds today."""
    return _check_days(user, changed=[date], today=today)


def recheck_after_profile_change(*, user, today: dt.date) -> list[redflags.Firing]:
    """The health profile changes what some rules conclude (an injury logged before "over 50"
    was added, say): check again the latest logged day and every day an open alert rests on,
    so new answers take effect now and answers taken back clear what they raised."""
    with transaction.atomic():
        latest = (
            CheckIn.objects.filter(user=user, date__lte=today)
            .order_by("-date")
            .values_list("date", flat=True)
            .first()
        )
        days = {
            dt.date.fromisoformat(item["date"])
            for alert in CareAlert.objects.filter(user=user, acknowledged_at=None, cleared_at=None)
            for item in alert.evidence
        }
        if latest:
            days.add(latest)
        if not days:
            return []
        return _check_days(user, changed=sorted(days), today=today)


def _check_days(user, *, changed: list[dt.date], today: dt.date) -> list[redflags.Firing]:
    factors = health_factors(user.profile)
    history = _history_around(user, [*changed, max(max(changed), today)])
    latest = max((d for d in history.days if d <= today), default=max(changed))
    firings: list[redflags.Firing] = []
    seen: set[str] = set()
    for day in [*changed, latest] if latest not in changed else changed:
        for firing in redflags.evaluate(day, history, factors):
            if firing.rule.code not in seen:
                seen.add(firing.rule.code)
                firings.append(firing)
    shown = [firing for firing in firings if _record_firing(user, firing)]
    for day in changed:
        _reconcile_alerts_touching(user, day=day, factors=factors)
    return sorted(shown, key=lambda firing: redflags.TIER_RANK[firing.rule.tier])


def acknowledge(alert: CareAlert, *, response: str) -> None:
    alert.acknowledged_at = timezone.now()
    alert.acknowledgement = response
    alert.save(update_fields=["acknowledged_at", "acknowledgement", "updated_at"])


# --- what the person sees ---------------------------------------------------------------------


@dataclass(frozen=True)
class PromptItem:
    title: str
    explanation: str
    evidence: list[dict]
    alert: CareAlert | None = None


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
        return redflags.Tier(self.tier).label

    @property
    def emergency_number(self) -> str:
        return self.contacts.emergency_number


def rule_title(code: str) -> str:
    wording = RULE_WORDING.get(code)
    return wording.title if wording else code


def _wordings() -> dict[str, str]:
    return {key: text for key, text in CareWording.objects.values_list("key", "text") if text}


def _prompts(
    entries: list[tuple[redflags.Rule, list[dict], CareAlert | None]], *, country: str
) -> list[CarePrompt]:
    if not entries:
        return []
    contacts = countries.contacts_for(country)
    wordings = _wordings()
    prompts = []
    for tier in sorted({rule.tier for rule, _, _ in entries}, key=redflags.TIER_RANK.__getitem__):
        advice = wordings.get(f"tier:{tier}", TIER_ADVICE[tier])
        items = [
            PromptItem(
                title=rule_title(rule.code),
                explanation=countries.fill(
                    wordings.get(f"rule:{rule.code}", RULE_WORDING[rule.code].explanation),
                    contacts,
                ),
                evidence=evidence,
                alert=alert,
            )
            for rule, evidence, alert in entries
            if rule.tier == tier
        ]
        prompts.append(
            CarePrompt(
                tier=tier,
                headline=countries.fill(TIER_HEADLINES[tier], contacts),
                advice=countries.fill(advice, contacts),
                items=items,
                contacts=contacts,
                country_has_contacts=country in countries.CONTACTS,
            )
        )
    return prompts


# The tiers' order, for the database to sort by (most urgent first).
URGENCY = Case(
    *(When(tier=tier, then=Value(rank)) for tier, rank in redflags.TIER_RANK.items()),
    default=Value(len(redflags.TIER_RANK)),
)


def by_urgency(alerts) -> list[CareAlert]:
    return sorted(alerts, key=lambda a: (redflags.TIER_RANK[a.tier], -a.created_at.timestamp()))


def has_open_alert(user) -> bool:
    return CareAlert.objects.filter(user=user, acknowledged_at=None, cleared_at=None).exists()


def open_alerts(user) -> list[CareAlert]:
    return by_urgency(CareAlert.objects.filter(user=user, acknowledged_at=None, cleared_at=None))


@dataclass(frozen=True)
class AlertRecord:
    alert: CareAlert
    title: str
    tier_title: str
    status: str


def describe(alert: CareAlert) -> AlertRecord:
    if alert.cleared_at:
        status = "Cleared: the check-in behind it was changed"
    else:
        status = alert.get_acknowledgement_display() or "Acknowledged"
    return AlertRecord(
        alert=alert,
        title=rule_title(alert.rule),
        tier_title=alert.get_tier_display(),
        status=status,
    )


def prompts_for_alerts(alerts: list[CareAlert], *, country: str) -> list[CarePrompt]:
    return _prompts(
        [
            (redflags.RULES_BY_CODE[a.rule], a.evidence, a)
            for a in alerts
            if a.rule in redflags.RULES_BY_CODE
        ],
        country=country,
    )


def open_prompts(user) -> list[CarePrompt]:
    """What leads every page while an alert is open, most urgent first."""
    return prompts_for_alerts(open_alerts(user), country=user.profile.country.code or "")
