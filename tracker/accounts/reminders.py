"""Reminders: who is due, what to say, and sending each person at most one per reminder slot
a day.

`send_due_reminders` is run by cron or a systemd timer every few minutes, on one host or many.
Each person has up to three reminder times in their own time zone. A slot is due once its time
has passed, unless the day is checked in, the person is away, or that slot (or a later one) was
sent today. A ReminderSent row, claimed before anything is sent, makes a second run (or a second
host) skip them. Only a confirmed e-mail address, or a device, is ever reminded. Sending (e-mail,
Web Push) and the unsubscribe link are tracker.accounts.delivery."""

import dataclasses
import datetime as dt
import logging
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from tracker.accounts.delivery import (
    NOTIFICATION_ACTIONS,
    Message,
    deliver,
    language_of,
    vapid_configured,
)
from tracker.care import prompts
from tracker.days.checkins import CHECKED_IN
from tracker.models import (
    AwayPeriod,
    CareAlert,
    CheckIn,
    Profile,
    PushSubscription,
    ReminderSent,
)

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
NUDGE = gettext_lazy("You haven't checked in today. 20 seconds?")


@dataclass
class RunSummary:
    due: int = 0
    sent: int = 0
    already_sent: int = 0
    failed: int = 0


# Reminder slots, latest first: someone due for two (a run was late) gets one reminder, for the
# later slot, which also covers the earlier one.
SLOT_FIELDS = ((3, "reminder_time_3"), (2, "reminder_time_2"), (1, "reminder_time"))


@dataclass(frozen=True)
class Due:
    user: object
    local_date: dt.date
    slot: int


def email_reachable() -> Q:
    """People a reminder e-mail can reach: e-mail on, and the account's address confirmed."""
    return Q(profile__reminder_email=True, email__gt="", profile__confirmed_email=F("email"))


def due_people(*, now: dt.datetime) -> Iterator[Due]:
    """Everyone due now, with their profile, push devices and first open alert loaded with
    them: a fixed number of queries per time zone in use (one per slot, one per batch of push
    devices), whatever the number of people."""
    zones = (
        Profile.objects.filter(reminders_enabled=True)
        .values_list("timezone", flat=True)
        .distinct()
        .order_by()
    )
    channel = email_reachable()
    if vapid_configured():
        channel |= Q(Exists(PushSubscription.objects.filter(user=OuterRef("pk"))))
    open_alert = (
        CareAlert.objects.open()
        .filter(user=OuterRef("pk"))
        .order_by(prompts.URGENCY, "-created_at")
        .values("pk")[:1]
    )
    for zone_name in list(zones):
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = dt.UTC  # the same fallback as the person's "today" (tracker.dates)
        local = now.astimezone(zone)
        local_date = local.date()
        for slot, field_name in SLOT_FIELDS:
            people = (
                get_user_model()
                .objects.filter(
                    profile__reminders_enabled=True,
                    profile__timezone=zone_name,
                    is_active=True,
                    **{f"profile__{field_name}__lte": local.time()},
                )
                .filter(channel)
                .exclude(  # this slot, or a later one, already sent today
                    Exists(
                        ReminderSent.objects.filter(
                            user=OuterRef("pk"), local_date=local_date, slot__gte=slot
                        )
                    )
                )
                .exclude(  # checked in today: the rest of the day's reminders are off
                    Exists(CheckIn.objects.filter(CHECKED_IN, user=OuterRef("pk"), date=local_date))
                )
                .exclude(  # away or on a break: no reminders
                    Exists(
                        AwayPeriod.objects.filter(
                            user=OuterRef("pk"), start__lte=local_date, end__gte=local_date
                        )
                    )
                )
                .annotate(open_alert_id=Subquery(open_alert))
                .select_related("profile")
                .prefetch_related("push_subscriptions")
                .order_by("pk")
            )
            for user in people.iterator(chunk_size=BATCH_SIZE):
                yield Due(user, local_date, slot)


def build_message(user) -> Message:
    """What is left today, or, while a care alert is open, a nudge to read it first. It never
    names the alert: a notification shows on a lock screen, an e-mail in an inbox. Uses the
    `open_alert_id` the due query annotates, or looks it up. In the person's language."""
    with translation.override(language_of(user)):
        message = _message(user)
        actions = tuple((action, str(words)) for action, words in NOTIFICATION_ACTIONS.items())
    return dataclasses.replace(message, actions=actions)


def _message(user) -> Message:
    alert_id = getattr(user, "open_alert_id", None)
    if not hasattr(user, "open_alert_id"):
        alerts = prompts.open_alerts(user)
        alert_id = alerts[0].pk if alerts else None
    if alert_id:
        return Message(
            title=gettext("backhabits: please read your care alert"),
            body=gettext(
                "You have an open care alert in backhabits. Please read it. "
                "You haven't checked in today. 20 seconds?"
            ),
            path=reverse("tracker:care_alert", args=[alert_id]),
        )
    return Message(title=gettext("backhabits: how is your back today?"), body=str(NUDGE),
                   path=reverse("tracker:checkin"))  # fmt: skip


def remind(user, *, local_date: dt.date, slot: int = 1) -> str:
    """'sent', 'already' (another run, maybe on another host, claimed it first) or 'failed'
    (nothing got through; the claim is released so the next run tries again).

    The claim is committed before anything is sent, so no transaction is held open while
    e-mail or push services answer, and a second run sees it at once. One query for the claim,
    one more when a device was reached: the rest came with the person (due_people)."""
    claim_id = _claim(user, local_date=local_date, slot=slot)
    if claim_id is None:
        return "already"
    try:
        # The message and the e-mail around it, all in the person's language.
        with translation.override(language_of(user)):
            delivery = deliver(user, build_message(user))
    except Exception:
        ReminderSent.objects.filter(pk=claim_id).delete()
        raise
    if not delivery.delivered:
        ReminderSent.objects.filter(pk=claim_id).delete()
    if delivery.gone_ids:
        PushSubscription.objects.filter(pk__in=delivery.gone_ids).delete()
    if delivery.pushed_ids:
        PushSubscription.objects.filter(pk__in=delivery.pushed_ids).update(
            last_success_at=timezone.now()
        )
    return "sent" if delivery.delivered else "failed"


def _claim(user, *, local_date: dt.date, slot: int) -> int | None:
    """The claim's id, or None when another run holds it already. One statement that never
    fails on a conflict (both SQLite and PostgreSQL speak ON CONFLICT ... RETURNING), so it
    needs no transaction or savepoint of its own."""
    table = ReminderSent._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, local_date, slot, sent_at) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (user_id, local_date, slot) DO NOTHING RETURNING id",
            [user.pk, local_date, slot, timezone.now()],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def send_due_reminders(*, now: dt.datetime | None = None) -> RunSummary:
    summary = RunSummary()
    for due in due_people(now=now or timezone.now()):
        summary.due += 1
        user = due.user
        try:
            outcome = remind(user, local_date=due.local_date, slot=due.slot)
        except Exception:  # one person's failure must not cost everyone after them a reminder
            logger.exception("Reminder for user #%s failed", user.pk)
            outcome = "failed"
        if outcome == "sent":
            summary.sent += 1
        elif outcome == "already":
            summary.already_sent += 1
        else:
            summary.failed += 1
    return summary
