"""The parsed file between the preview and the confirmation.

Kept in a short-lived row owned by the person (ImportDraft), not in the session: with REDIS_URL
the session is cached in Redis, a cache the hosts share, and health data does not go there
(the charts and tips caches stay in each process for the same reason). Nor in a signed hidden
field: a 5 MB file would travel to the phone and back. The row holds the checked days, not the
file; it is deleted on confirm or cancel, replaced by the next upload, ignored and removed once
older than DRAFT_MINUTES, and goes with the account. Nothing of it is logged."""

import datetime as dt

from django.utils import timezone

from tracker.imports.days import Parsed
from tracker.models import ImportDraft

# Long enough to read the preview and decide, short enough that a forgotten file goes soon.
DRAFT_MINUTES = 60


def keep(user, parsed: Parsed, *, filename: str) -> None:
    """The person's one draft, replacing any earlier one; everyone's stale drafts go too."""
    discard_stale()
    ImportDraft.objects.update_or_create(
        user=user,
        defaults={
            "source": parsed.source,
            "filename": filename[:100],
            "data": parsed.as_json(),
            "created_at": timezone.now(),
        },
    )


def load(user) -> tuple[Parsed, str] | None:
    """The person's draft and its file's name, while it is fresh."""
    draft = ImportDraft.objects.filter(user=user, created_at__gte=_oldest_kept()).first()
    if draft is None:
        return None
    return Parsed.from_json(draft.data), draft.filename


def exists(user) -> bool:
    return ImportDraft.objects.filter(user=user, created_at__gte=_oldest_kept()).exists()


def discard(user) -> None:
    ImportDraft.objects.filter(user=user).delete()


def discard_stale() -> int:
    return ImportDraft.objects.filter(created_at__lt=_oldest_kept()).delete()[0]


def _oldest_kept() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=DRAFT_MINUTES)
