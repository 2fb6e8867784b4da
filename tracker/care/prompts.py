"""Turning red-flag firings into care prompts and CareAlert rows.

tracker.care.redflags decides whether a rule fires; this module loads the data it needs, keeps one
open alert per rule per episode, and finds the open ones. What the person is shown is assembled in
tracker.care.shown."""

import datetime as dt

from django.db import IntegrityError, connections, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from tracker import plain
from tracker.care import redflags, thresholds
from tracker.care.symptoms import SYMPTOM_LABELS
from tracker.choices import Acknowledgement
from tracker.models import CareAlert, CheckIn

# How a ticked symptom reads in an alert's evidence (scores and profile answers read otherwise).
TICKED_ANSWERS = frozenset(SYMPTOM_LABELS.values())

# After "I'm getting help now" or "I've spoken to a professional", a one-line reminder stays
# this long at most (the choice: long enough to get seen, short enough not to linger).
REMINDER_DAYS = 7
# "contacted" is the older answer that meant the same as "spoken".
PROFESSIONAL = (Acknowledgement.SPOKEN, Acknowledgement.CONTACTED)


def health_factors(profile) -> redflags.HealthFactors:
    return redflags.HealthFactors(
        age_band=profile.age_band,
        cancer_history=profile.cancer_history,
        infection_risk=profile.infection_risk,
        osteoporosis=profile.osteoporosis,
        long_term_steroids=profile.long_term_steroids,
    )


def load_history(user, *, first: dt.date, last: dt.date) -> redflags.History:
    # A plain read: every save asks it, and building the query cost more than the answer.
    rows = plain.values(
        CheckIn,
        ("date", "discomfort", "symptoms"),
        "user_id = %s AND date BETWEEN %s AND %s",
        [user.pk, first, last],
    )
    # _make: a named tuple's __new__ is Python code that passes its arguments on to it.
    make, none = redflags.DayRecord._make, frozenset()
    return redflags.History(
        {
            date: make((date, discomfort, frozenset(symptoms) if symptoms else none))
            for date, discomfort, symptoms in rows
        }
    )


def _window_around(days: list[dt.date]) -> tuple[dt.date, dt.date]:
    """The days the rules read when they check `days`. Two days after too: an edit of an
    earlier day can complete a run of severe days."""
    return (
        min(days) - dt.timedelta(days=thresholds.HISTORY_DAYS),
        max(days) + dt.timedelta(days=thresholds.SEVERE_CONSECUTIVE_DAYS - 1),
    )


class _HistoryRead:
    """The history one check reads, and the history around other days it asks for later. Every
    rule reads only days inside the window around the day it checks, so days whose window lies
    inside the one read get the same answers from it: it is not read again."""

    def __init__(self, user, days: list[dt.date]) -> None:
        self.user = user
        self.first, self.last = _window_around(days)
        self.history = load_history(user, first=self.first, last=self.last)

    def around(self, days: list[dt.date]) -> redflags.History:
        first, last = _window_around(days)
        if self.first <= first and last <= self.last:
            return self.history
        return load_history(self.user, first=first, last=last)


def _evidence_json(evidence, *, entered: dt.date | None = None) -> list[dict]:
    """One entry per date, answers in the order found; accepts Evidence or stored dicts. Each
    entry keeps the person's day its answers were first entered ("entered"), so a report can
    tell a symptom backfilled for 23 October from one logged that day: a stored entry keeps
    its own, new Evidence takes `entered`."""
    by_date: dict[str, list[str]] = {}
    entered_on: dict[str, str] = {}
    for item in evidence:
        if isinstance(item, redflags.Evidence):
            date, answers = item.date.isoformat(), item.answers
            first = entered.isoformat() if entered else None
        else:
            date, answers, first = item["date"], item["answers"], item.get("entered")
        existing = by_date.setdefault(date, [])
        existing.extend(answer for answer in answers if answer not in existing)
        if first:
            entered_on[date] = min(entered_on.get(date, first), first)
    return [
        {"date": date, "answers": by_date[date]}
        | ({"entered": entered_on[date]} if date in entered_on else {})
        for date in sorted(by_date)
    ]


def _episode_already_acknowledged(user, firing: redflags.Firing) -> bool:
    gap = thresholds.PATTERN_EPISODE_GAP_DAYS if firing.rule.is_pattern else 0
    same_episode = [
        rule.code for rule in redflags.RULES if rule.episode_key == firing.rule.episode_key
    ]
    return CareAlert.objects.filter(
        user=user,
        rule__in=same_episode,
        acknowledged_at__isnull=False,
        last_evidence_date__gte=firing.anchor_date - dt.timedelta(days=gap),
    ).exists()


def _quieted_by_a_professional(user, firing: redflags.Firing) -> CareAlert | None:
    """The rule's alert answered "spoken to a professional" in the last SPOKEN_QUIET_DAYS, when
    the firing is no more urgent than it was."""
    since = timezone.now() - dt.timedelta(days=thresholds.SPOKEN_QUIET_DAYS)
    answered = (
        CareAlert.objects.select_for_update()
        .filter(user=user, rule=firing.rule.code, cleared_at=None)
        .filter(acknowledgement__in=PROFESSIONAL, acknowledged_at__gte=since)
        .order_by("-acknowledged_at")
        .first()
    )
    rank = redflags.TIER_RANK
    if answered is None or rank[firing.rule.tier] < rank.get(answered.tier, len(rank)):
        return None
    return answered


def _open_alert(user, rule: str) -> CareAlert | None:
    """`CareAlert.objects.select_for_update().open().filter(user=user, rule=rule).first()`, read
    plain: every save that fires a rule asks it, and building the queryset cost more than the
    answer."""
    found = plain.read(
        CareAlert,
        "user_id = %s AND rule = %s AND acknowledged_at IS NULL AND cleared_at IS NULL"
        " ORDER BY id LIMIT 1",
        [user.pk, rule],
        lock=True,
    )
    return found[0] if found else None


def _record_firing(user, firing: redflags.Firing, *, today: dt.date) -> bool:
    """Opens or extends the rule's alert; False when this episode was already acknowledged, or
    is quiet after a professional was seen (its reminder line then carries on instead)."""
    evidence = _evidence_json(firing.evidence, entered=today)
    open_alert = _open_alert(user, firing.rule.code)
    if open_alert is None:
        if _episode_already_acknowledged(user, firing):
            return False
        if quiet := _quieted_by_a_professional(user, firing):
            quiet.evidence = _evidence_json([*quiet.evidence, *evidence])
            quiet.last_evidence_date = max(quiet.last_evidence_date, firing.anchor_date)
            quiet.reminder_until = max(
                quiet.reminder_until or timezone.now(),
                timezone.now() + dt.timedelta(days=REMINDER_DAYS),
            )
            quiet.save(
                update_fields=["evidence", "last_evidence_date", "reminder_until", "updated_at"]
            )
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
            open_alert = (
                CareAlert.objects.select_for_update().open().get(user=user, rule=firing.rule.code)
            )
    _save_evidence(
        open_alert,
        _evidence_json([*open_alert.evidence, *evidence]),
        max(open_alert.last_evidence_date, firing.anchor_date),
    )
    return True


def _save_evidence(alert: CareAlert, evidence: list[dict], last_date: dt.date) -> None:
    """Sets and saves the alert's evidence, unless it already holds exactly that: saving the
    same day again (a note added, water typed) finds the same evidence, and writing the row
    anyway would only move its updated_at."""
    if alert.evidence == evidence and alert.last_evidence_date == last_date:
        return
    alert.evidence = evidence
    alert.last_evidence_date = last_date
    alert.save(update_fields=["evidence", "last_evidence_date", "updated_at"])


def active(user, now: dt.datetime):
    """Open alerts and those showing a reminder line: what every page reads, in one query."""
    return CareAlert.objects.filter(user=user, cleared_at=None).filter(
        Q(acknowledged_at=None) | Q(reminder_until__gt=now)
    )


def active_alerts(user, now: dt.datetime) -> list[CareAlert]:
    """`active()`, read: the same rows in the same order (newest first), from a plain cursor.
    Every page with care lines asks this; building the queryset cost more than the answer."""
    connection = connections["default"]
    return plain.read(
        CareAlert,
        "user_id = %s AND cleared_at IS NULL AND (acknowledged_at IS NULL OR reminder_until > %s)"
        " ORDER BY created_at DESC",
        [user.pk, connection.ops.adapt_datetimefield_value(now)],
    )


def _held_until_answered(alert: CareAlert) -> bool:
    """An open emergency or urgent alert that rests on a ticked symptom. Editing the day does not
    close it: only an answer (getting help, spoken to a professional) or "I ticked this by
    mistake", which asks once, does, so one unticked box can't wave an emergency away."""
    return (
        alert.is_open
        and alert.tier in (redflags.EMERGENCY, redflags.URGENT)
        and any(answer in TICKED_ANSWERS for item in alert.evidence for answer in item["answers"])
    )


def _still_active(alert: CareAlert, now: dt.datetime) -> bool:
    """`active()` on an alert already read: what an earlier step of this check closed or ended
    no longer counts."""
    return alert.cleared_at is None and (
        alert.acknowledged_at is None
        or (alert.reminder_until is not None and alert.reminder_until > now)
    )


def _reconcile_alerts_touching(
    read: _HistoryRead,
    *,
    day: dt.date,
    factors: redflags.HealthFactors,
    alerts: list[CareAlert],
    now: dt.datetime,
    corrected: bool = False,
) -> None:
    """After an edit, an open alert that listed that day keeps only the evidence that still
    holds; with none left it is closed as cleared (a reminder line just ends: the alert was
    answered, and keeps that answer). An alert held until answered is never closed this way,
    unless the edit is a confirmed correction (`corrected`). `alerts` are the person's active
    alerts, read once for the whole check and changed here as they are saved; `read`, the
    check's history (an alert's days further back are read around them)."""
    iso_day = day.isoformat()
    for alert in alerts:
        if not _still_active(alert, now):
            continue
        rule = redflags.RULES_BY_CODE.get(alert.rule)
        dates = sorted({dt.date.fromisoformat(item["date"]) for item in alert.evidence})
        if rule is None or iso_day not in {d.isoformat() for d in dates}:
            continue
        history = read.around(dates)
        supported = [item for d in dates for item in (rule.predicate(d, history, factors) or ())]
        if not supported and not alert.is_open:
            alert.reminder_until = now
            alert.save(update_fields=["reminder_until", "updated_at"])
            continue
        if not supported and not corrected and _held_until_answered(alert):
            continue  # its evidence stays, for "ticked by mistake" to take back
        if not supported:
            alert.cleared_at = now
            alert.save(update_fields=["cleared_at", "updated_at"])
            continue
        # What still holds keeps the day it was first entered.
        entered = [item for item in alert.evidence if item.get("entered")]
        still = {item.date.isoformat() for item in supported}
        kept_entered = ({**item, "answers": []} for item in entered if item["date"] in still)
        _save_evidence(
            alert,
            _evidence_json([*supported, *kept_entered]),
            max(item.date for item in supported),
        )


def check_day(*, user, date: dt.date, today: dt.date) -> list[redflags.Firing]:
    """Evaluates the red flags after `date` changed and records what fired; call it inside the
    transaction that saved the day (tracker.days.checkins.record_day). Returns the firings that are
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
            for alert in CareAlert.objects.open().filter(user=user)
            for item in alert.evidence
        }
        if latest:
            days.add(latest)
        if not days:
            return []
        return _check_days(user, changed=sorted(days), today=today)


def recheck_after_correction(*, user, days: list[dt.date], today: dt.date) -> list[redflags.Firing]:
    """Checks these days again after a confirmed "ticked by mistake": alerts that no longer
    hold close as cleared, emergency and urgent ones included."""
    return _check_days(user, changed=sorted(set(days)), today=today, corrected=True)


def _check_days(
    user, *, changed: list[dt.date], today: dt.date, corrected: bool = False
) -> list[redflags.Firing]:
    factors = health_factors(user.profile)
    read = _HistoryRead(user, [*changed, max(max(changed), today)])
    history = read.history
    latest = max((d for d in history.days if d <= today), default=max(changed))
    firings: list[redflags.Firing] = []
    seen: set[str] = set()
    for day in [*changed, latest] if latest not in changed else changed:
        for firing in redflags.evaluate(day, history, factors):
            if firing.rule.code not in seen:
                seen.add(firing.rule.code)
                firings.append(firing)
    shown = [firing for firing in firings if _record_firing(user, firing, today=today)]
    # The active alerts as they stand after the firings, read once: reconciling and ending
    # reminders both walk them, each seeing what the other step changed.
    now = timezone.now()
    alerts = active_alerts(user, now)
    for day in changed:
        _reconcile_alerts_touching(
            read, day=day, factors=factors, alerts=alerts, now=now, corrected=corrected
        )
    _end_reminders_after(changed=changed, history=history, factors=factors, alerts=alerts, now=now)
    return sorted(shown, key=lambda firing: redflags.TIER_RANK[firing.rule.tier])


def _answered_about_the_back(record: redflags.DayRecord | None) -> bool:
    # A day with only habits (or water) says nothing about symptoms: the reminder stays.
    return record is not None and (record.discomfort is not None or bool(record.symptoms))


def _end_reminders_after(
    *,
    changed: list[dt.date],
    history: redflags.History,
    factors: redflags.HealthFactors,
    alerts: list[CareAlert],
    now: dt.datetime,
) -> None:
    """A reminder line ends once a later day is logged without what raised it."""
    for alert in alerts:
        if alert.cleared_at is not None or not (
            alert.reminder_until and alert.reminder_until > now
        ):
            continue
        rule = redflags.RULES_BY_CODE.get(alert.rule)
        later = [
            day
            for day in changed
            if day > alert.last_evidence_date and _answered_about_the_back(history.days.get(day))
        ]
        if rule and any(not rule.predicate(day, history, factors) for day in later):
            alert.reminder_until = now
            alert.save(update_fields=["reminder_until", "updated_at"])


# The tiers' order, for the database to sort by (most urgent first).
URGENCY = Case(
    *(When(tier=tier, then=Value(rank)) for tier, rank in redflags.TIER_RANK.items()),
    default=Value(len(redflags.TIER_RANK)),
)


def by_urgency(alerts) -> list[CareAlert]:
    return sorted(alerts, key=lambda a: (redflags.TIER_RANK[a.tier], -a.created_at.timestamp()))


def has_open_alert(user) -> bool:
    return CareAlert.objects.open().filter(user=user).exists()


def open_alerts(user) -> list[CareAlert]:
    return by_urgency(CareAlert.objects.open().filter(user=user))
