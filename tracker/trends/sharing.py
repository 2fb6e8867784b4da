"""Share links: a read-only copy of a person's report that a clinician opens without logging in.

The token is 256 random bits, shown once when the link is made; only its SHA-256 is stored, so
the database alone opens no report. (A fast hash is enough for a random token: it cannot be
guessed from a list of likely ones, as a password can.) A link ends when it expires (7 or 30
days) or is revoked, and then answers 410 Gone."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import segno
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from tracker.models import Profile, ShareLink

TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128
EXPIRY_DAYS = (7, 30)
# Open links per person at once: plenty for a GP, a physio and a specialist, and a bound on
# how many live ways into one person's health data there can be.
MAX_OPEN_LINKS = 10


class TooManyOpenLinks(Exception):
    """The person already has MAX_OPEN_LINKS open: one must be revoked or expire first."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewLink:
    link: ShareLink
    token: str  # shown to the person once, never stored


def create(
    user,
    *,
    range_key: str,
    end_date: dt.date,
    days: int,
    include_notes: bool,
    now: dt.datetime | None = None,
) -> NewLink:
    if days not in EXPIRY_DAYS:
        raise ValueError(f"A share link lasts one of {EXPIRY_DAYS} days, not {days}.")
    now = now or timezone.now()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        # Counted holding the person's profile row, so links made at once take turns here.
        list(Profile.objects.select_for_update().filter(user=user).values_list("pk"))
        if _open(user, now=now).count() >= MAX_OPEN_LINKS:
            raise TooManyOpenLinks
        link = ShareLink.objects.create(
            user=user,
            token_hash=hash_token(token),
            range_key=range_key,
            end_date=end_date,
            include_notes=include_notes,
            created_at=now,
            expires_at=now + dt.timedelta(days=days),
        )
    return NewLink(link, token)


def find(token: str) -> ShareLink | None:
    """The link a token opens, if there is one, whatever its state."""
    return (
        ShareLink.objects.select_related("user__profile")
        .filter(token_hash=hash_token(token))
        .first()
    )


def is_open(link: ShareLink, *, now: dt.datetime | None = None) -> bool:
    """Open until the moment it expires (that moment included it is closed) or is revoked."""
    now = now or timezone.now()
    return link.revoked_at is None and now < link.expires_at


def record_opening(link: ShareLink, *, now: dt.datetime | None = None) -> None:
    """Counted in the database, so two clinicians opening it at once are both counted."""
    now = now or timezone.now()
    ShareLink.objects.filter(pk=link.pk).update(open_count=F("open_count") + 1, last_opened_at=now)


def revoke(link: ShareLink, *, now: dt.datetime | None = None) -> None:
    if link.revoked_at is None:
        link.revoked_at = now or timezone.now()
        link.save(update_fields=["revoked_at"])


def _open(user, *, now: dt.datetime):
    return ShareLink.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now)


def open_links(user, *, now: dt.datetime | None = None) -> list[ShareLink]:
    return list(_open(user, now=now or timezone.now()))


def qr_svg(url: str) -> str:
    """The link as a QR code, drawn as inline SVG (attributes only: no style, no script, so the
    page's CSP stays as it is), dark on light whatever the page's colour scheme."""
    return segno.make(url, error="m").svg_inline(
        scale=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        title=gettext("QR code of the share link"),
    )
