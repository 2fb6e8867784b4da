"""Daily reminders: who is due, what to say, and sending each person at most one a day.

`send_due_reminders` is run by cron or a systemd timer every few minutes, on one host or many.
Each person is due once their local reminder time has passed, if they have not checked in today
and have not been reminded today in their own time zone. A ReminderSent row, created in the same
transaction as the sending, makes a second run (or a second host) skip them."""

import base64
import datetime as dt
import json
import logging
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tracker import care
from tracker.checkins import CHECKED_IN
from tracker.models import (
    AwayPeriod,
    CheckIn,
    Profile,
    PushSubscription,
    ReminderSent,
    new_unsubscribe_key,
)

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
UNSUBSCRIBE_SALT = "backhabits.reminders.unsubscribe"
UNSUBSCRIBE_MAX_AGE = dt.timedelta(days=60)
PUSH_TIMEOUT_SECONDS = 10
NUDGE = "You haven't checked in today. 20 seconds?"


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    path: str


@dataclass
class RunSummary:
    due: int = 0
    sent: int = 0
    already_sent: int = 0
    failed: int = 0


def vapid_configured() -> bool:
    return bool(settings.BACKHABITS_VAPID_PUBLIC_KEY and settings.BACKHABITS_VAPID_PRIVATE_KEY)


def due_people(*, now: dt.datetime) -> Iterator[tuple[object, dt.date]]:
    """(user, local date) for everyone due now: one indexed query per time zone in use."""
    zones = (
        Profile.objects.filter(reminders_enabled=True)
        .values_list("timezone", flat=True)
        .distinct()
        .order_by()
    )
    channel = Q(profile__reminder_email=True, email__gt="")
    if vapid_configured():
        channel |= Q(Exists(PushSubscription.objects.filter(user=OuterRef("pk"))))
    for zone_name in list(zones):
        try:
            zone = zoneinfo.ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone = dt.UTC  # the same fallback as the person's "today" (tracker.dates)
        local = now.astimezone(zone)
        local_date = local.date()
        people = (
            get_user_model()
            .objects.filter(
                profile__reminders_enabled=True,
                profile__timezone=zone_name,
                profile__reminder_time__lte=local.time(),
                is_active=True,
            )
            .filter(channel)
            .exclude(
                Exists(ReminderSent.objects.filter(user=OuterRef("pk"), local_date=local_date))
            )
            .exclude(
                Exists(CheckIn.objects.filter(CHECKED_IN, user=OuterRef("pk"), date=local_date))
            )
            .exclude(  # away or on a break: no reminders
                Exists(
                    AwayPeriod.objects.filter(
                        user=OuterRef("pk"), start__lte=local_date, end__gte=local_date
                    )
                )
            )
            .select_related("profile")
            .order_by("pk")
        )
        for user in people.iterator(chunk_size=BATCH_SIZE):
            yield user, local_date


def build_message(user) -> Message:
    """What is left today, and an open care alert first if there is one."""
    alerts = care.open_alerts(user)
    if alerts:
        # Deliberately vague: a notification shows on a lock screen, an e-mail in an inbox.
        return Message(
            title="backhabits: please read your care alert",
            body=f"You have an open care alert in backhabits. Please read it. {NUDGE}",
            path=reverse("tracker:care_alert", args=[alerts[0].pk]),
        )
    return Message(title="backhabits", body=NUDGE, path=reverse("tracker:checkin"))


def _unsubscribe_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user) -> str:
    """The profile's random unsubscribe key, signed with the time: it names no one to a
    reader, and it expires."""
    return _unsubscribe_signer().sign(user.profile.unsubscribe_key)


def check_unsubscribe_token(token: str) -> str:
    """The key a token carries; signing.BadSignature when tampered with or expired
    (SignatureExpired, a subclass)."""
    return _unsubscribe_signer().unsign(token, max_age=UNSUBSCRIBE_MAX_AGE)


def unsubscribe(token: str) -> bool:
    """Turns e-mail reminders off for the person whose key the token carries. A token works
    once: the key is replaced as it is used."""
    key = check_unsubscribe_token(token)
    updated = Profile.objects.filter(unsubscribe_key=key).update(
        reminder_email=False, unsubscribe_key=new_unsubscribe_key()
    )
    return updated == 1


def push_endpoint_allowed(endpoint: str) -> bool:
    """Only https on port 443 to a browser push service (BACKHABITS_PUSH_SERVICE_HOSTS): the
    endpoint is where the reminder run will POST, so nothing else (an internal host, an address,
    another port, credentials in the URL) is ever accepted or sent to."""
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme != "https" or port not in (None, 443) or "@" in parts.netloc:
        return False
    host = parts.hostname or ""
    for allowed in settings.BACKHABITS_PUSH_SERVICE_HOSTS:
        if allowed.startswith("*."):
            # One label under the domain: web.push.apple.com, not a.b.push.apple.com.
            label, _, rest = host.partition(".")
            if label and rest == allowed[2:]:
                return True
        elif host == allowed:
            return True
    return False


def _absolute(path: str) -> str:
    return settings.BACKHABITS_BASE_URL.rstrip("/") + path


def send_email(user, message: Message) -> bool:
    unsubscribe_url = _absolute(reverse("tracker:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        "message": message,
        "url": _absolute(message.path),
        "unsubscribe_url": unsubscribe_url,
    }
    email = EmailMultiAlternatives(
        subject=message.title,
        body=render_to_string("tracker/email/reminder.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(render_to_string("tracker/email/reminder.html", context), "text/html")
    try:
        email.send()
    except OSError as error:
        logger.warning("Reminder e-mail to user #%s failed: %s", user.pk, type(error).__name__)
        return False
    return True


def send_push(subscription: PushSubscription, message: Message) -> str:
    """Encrypts and sends through pywebpush: 'sent', 'gone' (404/410: the device unsubscribed)
    or 'failed' (kept for the next run)."""
    from pywebpush import WebPushException, webpush

    payload = json.dumps({"title": message.title, "body": message.body, "url": message.path})
    try:
        webpush(
            subscription_info={
                "endpoint": subscription.endpoint,
                "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
            },
            data=payload,
            vapid_private_key=settings.BACKHABITS_VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.BACKHABITS_VAPID_SUBJECT},
            timeout=PUSH_TIMEOUT_SECONDS,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in (404, 410):
            return "gone"
        logger.warning("Push to subscription #%s failed (status %s)", subscription.pk, status)
        return "failed"
    except ValueError:
        # Keys a push service would never have issued: this subscription can never work.
        logger.warning("Push subscription #%s has unusable keys; removing it", subscription.pk)
        return "gone"
    except OSError as error:
        logger.warning("Push to subscription #%s failed: %s", subscription.pk, type(error).__name__)
        return "failed"
    return "sent"


@dataclass
class Delivery:
    delivered: bool = False
    pushed_ids: list[int] = field(default_factory=list)
    gone_ids: list[int] = field(default_factory=list)


def deliver(user, message: Message) -> Delivery:
    delivery = Delivery()
    if vapid_configured():
        for subscription in list(user.push_subscriptions.all()):
            if not push_endpoint_allowed(subscription.endpoint):
                # Stored before the allow-list, or the list has narrowed since: never sent to.
                logger.warning("Push subscription #%s is not a known push service", subscription.pk)
                delivery.gone_ids.append(subscription.pk)
                continue
            outcome = send_push(subscription, message)
            if outcome == "sent":
                delivery.pushed_ids.append(subscription.pk)
            elif outcome == "gone":
                delivery.gone_ids.append(subscription.pk)
    if user.profile.reminder_email and user.email and send_email(user, message):
        delivery.delivered = True
    delivery.delivered = delivery.delivered or bool(delivery.pushed_ids)
    return delivery


def remind(user, *, local_date: dt.date) -> str:
    """'sent', 'already' (another run, maybe on another host, claimed it first) or 'failed'
    (nothing got through; the claim is released so the next run tries again).

    The claim is committed before anything is sent, so no transaction is held open while
    e-mail or push services answer, and a second run sees it at once."""
    try:
        with transaction.atomic():
            claim = ReminderSent.objects.create(user=user, local_date=local_date)
    except IntegrityError:
        return "already"
    try:
        delivery = deliver(user, build_message(user))
    except Exception:
        claim.delete()
        raise
    if not delivery.delivered:
        claim.delete()
    if delivery.gone_ids:
        PushSubscription.objects.filter(pk__in=delivery.gone_ids).delete()
    if delivery.pushed_ids:
        PushSubscription.objects.filter(pk__in=delivery.pushed_ids).update(
            last_success_at=timezone.now()
        )
    return "sent" if delivery.delivered else "failed"


def send_due_reminders(*, now: dt.datetime | None = None) -> RunSummary:
    summary = RunSummary()
    for user, local_date in due_people(now=now or timezone.now()):
        summary.due += 1
        try:
            outcome = remind(user, local_date=local_date)
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


def generate_vapid_keys() -> tuple[str, str]:
    """(public, private) as unpadded base64url, the forms browsers and pywebpush expect."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    private_key = ec.generate_private_key(ec.SECP256R1())
    private_raw = private_key.private_numbers().private_value.to_bytes(32, "big")
    public_raw = private_key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(public_raw), _b64url(private_raw)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def device_label(user_agent: str) -> str:
    agent = user_agent or ""
    browser = next(
        (name for key, name in [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
                                ("Safari/", "Safari")] if key in agent),
        "Browser",
    )  # fmt: skip
    system = next(
        (name for key, name in [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"),
                                ("Windows", "Windows"), ("Mac OS X", "Mac"), ("Linux", "Linux")]
         if key in agent),
        "",
    )  # fmt: skip
    return f"{browser} on {system}" if system else browser
