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


def keep(
    user,
    parsed: Parsed,
    *,
    filename: str,
    loop_habits: list[dict] | None = None,
    loop_choices: dict[str, object] | None = None,
) -> None:
    """The person's one draft, replacing any earlier one; everyone's stale drafts go too. A Loop
    file's draft also keeps its habits (loop_mapping.habits_as_json) and what the person chose
    for them, so the mapping can be changed from the preview without uploading or choosing
    everything again."""
    discard_stale()
    data = parsed.as_json()
    if loop_habits is not None:
        data["loop_habits"] = loop_habits
        data["loop_choices"] = loop_choices or {}
    _store(user, parsed.source, filename, data)


def keep_loop(user, loop_habits: list[dict], *, filename: str) -> None:
    """A Loop file not mapped yet: its habits only, no days until the person maps them."""
    discard_stale()
    _store(user, "loop", filename, {"loop_habits": loop_habits})


def _store(user, source: str, filename: str, data: dict) -> None:
    ImportDraft.objects.update_or_create(
        user=user,
        defaults={
            "source": source,
            "filename": filename[:100],
            "data": data,
            "created_at": timezone.now(),
        },
    )


def load(user) -> tuple[Parsed, str] | None:
    """The person's draft and its file's name, while it is fresh and has days (a Loop file
    has none until it is mapped)."""
    draft = ImportDraft.objects.filter(user=user, created_at__gte=_oldest_kept()).first()
    if draft is None or "days" not in draft.data:
        return None
    return Parsed.from_json(draft.data), draft.filename


def load_loop(user) -> tuple[list[dict], str, dict[str, object]] | None:
    """A fresh Loop draft's habits (as stored), its file's name, and the choices made so far."""
    draft = ImportDraft.objects.filter(user=user, created_at__gte=_oldest_kept()).first()
    if draft is None or "loop_habits" not in draft.data:
        return None
    return draft.data["loop_habits"], draft.filename, draft.data.get("loop_choices", {})


def exists(user) -> bool:
    return ImportDraft.objects.filter(user=user, created_at__gte=_oldest_kept()).exists()


def discard(user) -> None:
    ImportDraft.objects.filter(user=user).delete()


def discard_stale() -> int:
    return ImportDraft.objects.filter(created_at__lt=_oldest_kept()).delete()[0]


def _oldest_kept() -> dt.datetime:
    return timezone.now() - dt.timedelta(minutes=DRAFT_MINUTES)
