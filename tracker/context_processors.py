from django.utils.functional import SimpleLazyObject

from tracker import plain
from tracker.care import responses
from tracker.csrf import token_for
from tracker.dates import today_for
from tracker.days.checkins import CHECKED_IN_FIELDS
from tracker.links import reverse_once
from tracker.models import CheckIn, is_given


def daily_reminder(request) -> dict:
    """The gentle 'not checked in yet' line in the header, for people who asked for it.
    Not on the home page (its today card says so) nor on the check-in page itself."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if request.path == reverse_once("tracker:home") or request.path.startswith(
        (reverse_once("tracker:checkin"), "/admin/")
    ):
        return {}
    if not user.profile.show_reminder:
        return {}
    day = _todays_answers(user.pk, today_for(user))
    if day is not None and any(is_given(name, value) for name, value in day.items()):
        return {}
    # A water tap alone is a start, not a check-in: say so rather than "not checked in".
    return {"show_checkin_reminder": "water_only" if day is not None else "nothing"}


def _todays_answers(user_id: int, today) -> dict | None:
    """The answers that make a check-in, of today's day (None: no day yet). A plain read
    (tracker.plain): this runs on nearly every page, and building the query through the
    ORM cost ten times what the database takes to answer it."""
    rows = plain.values(CheckIn, CHECKED_IN_FIELDS, "user_id = %s AND date = %s", [user_id, today])
    return dict(zip(CHECKED_IN_FIELDS, rows[0], strict=True)) if rows else None


def care_lines(request) -> dict:
    """One line per open alert or reminder, for any page that shows them (care_lines.html).
    Lazy: read (one query) only by a page that shows them. A view that shows some alerts in
    full passes its own care_lines, which wins."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "care_lines": SimpleLazyObject(
            lambda: responses.page_care(user, today=today_for(user)).lines
        )
    }


def csrf(request) -> dict:
    """Django's own `csrf` processor (which every RequestContext runs first), with the token
    masked once per request (tracker.csrf): listed after it, this one's `csrf_token` wins."""
    return {"csrf_token": SimpleLazyObject(lambda: token_for(request))}
