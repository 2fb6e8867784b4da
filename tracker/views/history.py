"""The history page: the month calendar, and time away set from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext, pgettext
from django.views.decorators.http import require_POST, require_safe

from tracker.dates import today_for
from tracker.days import away
from tracker.days.pages import away_context
from tracker.forms.history import AwayForm
from tracker.models import AwayPeriod
from tracker.redirects import back, here
from tracker.trends import history as month_history


def _history_page(request: HttpRequest, *, away_form: AwayForm | None = None, status=200):
    today = today_for(request.user)
    first = month_history.first_of_month(request.GET.get("month"), today=today)
    month = month_history.month_calendar(request.user, first=first, today=today)
    # Monday first, named in the page's language (Django's own translated names).
    weekdays = [(WEEKDAYS[index], WEEKDAYS_ABBR[index]) for index in range(7)]
    context = {
        "month": month,
        "today": today,
        "weekdays": weekdays,
        **away_context(
            request.user,
            today=today,
            request=request,
            here=here(request, "tracker:history"),
            form=away_form,
        ),
    }
    return render(request, "tracker/history.html", context, status=status)


@require_safe
@login_required
def history(request: HttpRequest) -> HttpResponse:
    return _history_page(request)


@require_POST
@login_required
def away_start(request: HttpRequest) -> HttpResponse:
    today = today_for(request.user)
    form = AwayForm(request.POST, today=today)
    if not form.is_valid():
        return _history_page(request, away_form=form, status=400)
    try:
        period = away.take_break(
            request.user, start=form.cleaned_data["start"], end=form.cleaned_data["end"],
            today=today,
        )  # fmt: skip
    except away.Refused as refused:
        form.add_error(refused.field, str(refused))
        return _history_page(request, away_form=form, status=400)
    # Translators: a date format (Django's date filter): day and month, "3 December".
    day_month = pgettext("date format", "j F")
    messages.success(
        request,
        gettext(
            "Enjoy the break. Your habits are paused from %(start)s to %(end)s, and no "
            "reminders will come."
        )
        % {
            "start": formats.date_format(period.start, day_month),
            "end": formats.date_format(period.end, day_month),
        },
    )
    return back(request, "tracker:history")


@require_POST
@login_required
def away_end(request: HttpRequest, period_id: int) -> HttpResponse:
    period = get_object_or_404(AwayPeriod, pk=period_id, user=request.user)
    today = today_for(request.user)
    ended = away.end_break(period, today=today)
    messages.success(
        request, gettext("Welcome back.") if ended else gettext("That break was cancelled.")
    )
    return back(request, "tracker:history")
