from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from tracker.care import responses
from tracker.dates import today_for
from tracker.days.checkins import has_checked_in
from tracker.models import CheckIn


def daily_reminder(request) -> dict:
    """The gentle 'not checked in yet' line in the header, for people who asked for it.
    Not on the home page (its today card says so) nor on the check-in page itself."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if request.path == reverse("tracker:home") or request.path.startswith(
        (reverse("tracker:checkin"), "/admin/")
    ):
        return {}
    if not user.profile.show_reminder:
        return {}
    today = today_for(user)
    day = CheckIn.objects.filter(user=user, date=today).first()
    if has_checked_in(day):
        return {}
    # A water tap alone is a start, not a check-in: say so rather than "not checked in".
    return {"show_checkin_reminder": "water_only" if day else "nothing"}


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
