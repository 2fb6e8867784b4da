"""Delivering a reminder: e-mail with its one-click unsubscribe link, and Web Push to a person's
devices (only to a known browser push service), and how a person's reminders can reach them.
Who is due and what the reminder says are tracker.accounts.reminders."""

import base64
import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import idna
import requests
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from tracker.models import Profile, PushSubscription, new_unsubscribe_key

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "backhabits.reminders.unsubscribe"
UNSUBSCRIBE_MAX_AGE = dt.timedelta(days=60)
PUSH_TIMEOUT_SECONDS = 10


# The buttons a reminder notification offers (templates/tracker/sw.js), sent with each push in
# the person's language: the worker's own copy is in the language it was installed in.
NOTIFICATION_ACTIONS = {
    "log-pain": gettext_lazy("Log pain"),
    "done-today": gettext_lazy("Done today"),
}


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    path: str
    actions: tuple[tuple[str, str], ...] = ()  # (action, its words), in the person's language


def vapid_configured() -> bool:
    return bool(settings.BACKHABITS_VAPID_PUBLIC_KEY and settings.BACKHABITS_VAPID_PRIVATE_KEY)


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
    host = _idna_host(parts.hostname or "")
    if host is None:
        return False
    for allowed in settings.BACKHABITS_PUSH_SERVICE_HOSTS:
        if allowed.startswith("*."):
            # One label under the domain: web.push.apple.com, not a.b.push.apple.com.
            label, _, rest = host.partition(".")
            if label and rest == allowed[2:]:
                return True
        elif host == allowed:
            return True
    return False


def _idna_host(host: str) -> str | None:
    """The host as the request will name it: IDNA with UTS #46 mapping, as requests encodes
    it, so "evil\u3002com.push.apple.com" (an ideographic full stop) is compared as the two
    labels it reaches, not one. None when it is no host name at all."""
    try:
        return idna.encode(host, uts46=True).decode("ascii") if host else ""
    except (idna.IDNAError, UnicodeError):
        return None


class _NoRedirects(requests.Session):
    """Posts only to the endpoint the allow-list passed: a redirect (to an internal address,
    say) is a failed send, never followed."""

    def request(self, *args, **kwargs):
        kwargs["allow_redirects"] = False
        return super().request(*args, **kwargs)


def language_of(user) -> str:
    """The language a person's reminders are written in: theirs, else the site's. They are
    sent by a command, outside any request: there is no browser to ask."""
    language = user.profile.language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute_url(path: str) -> str:
    return settings.BACKHABITS_BASE_URL.rstrip("/") + path


def send_email(user, message: Message) -> bool:
    unsubscribe_url = absolute_url(reverse("tracker:unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        "message": message,
        "url": absolute_url(message.path),
        "unsubscribe_url": unsubscribe_url,
    }
    with translation.override(language_of(user)):
        email = EmailMultiAlternatives(
            subject=message.title,
            body=render_to_string("tracker/email/reminder.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        html = render_to_string("tracker/email/reminder.html", context)
    email.attach_alternative(html, "text/html")
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

    payload = json.dumps(
        {
            "title": message.title,
            "body": message.body,
            "url": message.path,
            "actions": dict(message.actions),
        }
    )
    try:
        with _NoRedirects() as session:
            webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=payload,
                vapid_private_key=settings.BACKHABITS_VAPID_PRIVATE_KEY,
                vapid_claims={"sub": settings.BACKHABITS_VAPID_SUBJECT},
                timeout=PUSH_TIMEOUT_SECONDS,
                requests_session=session,
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


def can_email(user) -> bool:
    profile = user.profile
    return bool(profile.reminder_email and user.email and profile.confirmed_email == user.email)


@dataclass(frozen=True)
class Reach:
    """How a person's reminders can reach them, for settings and the home page."""

    enabled: bool
    email: bool  # e-mail on, to a confirmed address
    devices: int  # devices with notifications on (0 when this server has no push keys)
    push_offered: bool
    step: str  # when nothing reaches: "turn_on_email", "add_email", "open_link" or "confirm"
    address: str  # the address the step is about

    @property
    def nothing_reaches(self) -> bool:
        return self.enabled and not self.email and not self.devices


def reach(user) -> Reach:
    profile = user.profile
    offered = vapid_configured()
    if profile.pending_email:
        step, address = "open_link", profile.pending_email
    elif not user.email:
        step, address = "add_email", ""
    elif profile.confirmed_email != user.email:
        step, address = "confirm", user.email
    else:
        step, address = "turn_on_email", user.email
    return Reach(
        enabled=profile.reminders_enabled,
        email=can_email(user),
        devices=user.push_subscriptions.count() if offered else 0,
        push_offered=offered,
        step=step,
        address=address,
    )


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
    if can_email(user) and send_email(user, message):
        delivery.delivered = True
    delivery.delivered = delivery.delivered or bool(delivery.pushed_ids)
    return delivery


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
