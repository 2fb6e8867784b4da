"""Days saved on a phone without a connection, arriving later (static/js/offline.js sends them).

Each day comes with the id the phone gave it. The same id twice stores the day once (the
database's unique constraint decides, even for two arriving at once). A day from the phone
adds what was answered there and clears nothing. When the server already holds a newer edit of
that day, its own is kept; but a symptom the phone logged is never dropped: it joins the day
and the red-flag rules run on it, as they do for every saved day.

A day refused whole (its date is not one the person can log, or the phone's clock gave an
impossible time) still has its symptoms saved and checked (`day_for_refused`): care is
never held back because a phone abroad is a day ahead of the account's time zone."""

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from tracker.days import checkins
from tracker.models import CheckIn, OfflineDay


class ForeignId(Exception):
    """The id belongs to a day another person sent: nothing is stored or said about it."""


class StoringElsewhere(Exception):
    """Another request is storing this day at this moment and its record is not readable yet:
    nothing was stored by this one, and the phone, keeping the day, sends it again later."""


@dataclass(frozen=True)
class Outcome:
    date: dt.date
    new: bool  # False: this id had arrived before, and nothing was stored again
    kept: str  # OfflineDay.Kept: whose edit of the day stands
    saved: checkins.SavedDay | None = None  # None when nothing new was saved


def receive(
    user,
    *,
    day_id: uuid_module.UUID,
    date: dt.date,
    saved_at: dt.datetime,
    today: dt.date,
    values: dict,
    symptoms: tuple[str, ...],
    water_seen_ml: int | None = None,
) -> Outcome:
    earlier = OfflineDay.objects.filter(uuid=day_id).first()
    if earlier is not None:
        return _again(earlier, user)
    try:
        with transaction.atomic():
            saved = None
            if _edited_at(user, date) > saved_at:
                kept = OfflineDay.Kept.SERVER
                if symptoms:
                    change = checkins.DayChange(symptoms_added=symptoms)
                    saved = checkins.record_day(user=user, date=date, today=today, change=change)
            else:
                kept = OfflineDay.Kept.PHONE
                values = _with_items_joined(user, date, values)
                change = checkins.DayChange(
                    values=values, symptoms_added=symptoms, water_seen_ml=water_seen_ml
                )
                saved = checkins.record_day(user=user, date=date, today=today, change=change)
            OfflineDay.objects.create(
                uuid=day_id, user=user, date=date, saved_at=saved_at, kept=kept
            )
    except IntegrityError:
        # The same id (or the same new day) arrived a moment ago, on another request: that one
        # stored it, or is storing it and has not committed yet.
        earlier = OfflineDay.objects.filter(uuid=day_id).first()
        if earlier is None:
            raise StoringElsewhere from None
        return _again(earlier, user)
    return Outcome(date=date, new=True, kept=kept, saved=saved)


def day_for_refused(sent_for: dt.date | None, *, date_allowed: bool, today: dt.date) -> dt.date:
    """Where the symptoms of a day refused whole are kept: that day when its date is one the
    person can log (only the phone's clock was wrong), else the person's today: a date the
    server refuses is most often a phone whose clock or time zone is ahead, and a symptom
    logged there is happening now. Only the symptoms are kept (tracker.days.submit), since the
    rest cannot be placed or ordered against the day's other edits. The day's id is not
    recorded: sent again, the same symptoms join again, which changes nothing."""
    return sent_for if date_allowed and sent_for is not None else today


def sent_date(raw: str | None) -> dt.date | None:
    """The day a phone named, read leniently, only to say which day was refused."""
    try:
        return dt.date.fromisoformat((raw or "").strip())
    except ValueError:
        return None


def _with_items_joined(user, date: dt.date, values: dict) -> dict:
    """Pain relief and factors ticked on the phone join those the day has."""
    if not values.get("item_ids"):
        return values
    held = CheckIn.objects.filter(user=user, date=date).values_list("item_ids", flat=True).first()
    return {**values, "item_ids": sorted({*(held or []), *values["item_ids"]})}


def _edited_at(user, date: dt.date) -> dt.datetime:
    """When the server's version of the day was edited: the time it was saved, or, when it is
    as a phone last sent it, the time it was saved on that phone (so two days saved offline
    one after the other arrive in the order they were made, not the order they were sent)."""
    on_server = CheckIn.objects.filter(user=user, date=date).values("updated_at").first()
    if on_server is None:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    last_sent = (
        OfflineDay.objects.filter(user=user, date=date, kept=OfflineDay.Kept.PHONE)
        .order_by("-received_at")
        .first()
    )
    if last_sent and on_server["updated_at"] <= last_sent.received_at:
        return last_sent.saved_at
    return on_server["updated_at"]


def _again(earlier: OfflineDay, user) -> Outcome:
    if earlier.user_id != user.pk:
        raise ForeignId
    return Outcome(date=earlier.date, new=False, kept=earlier.kept)
