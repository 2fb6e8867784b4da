from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker.care import prompts, responses, shown
from tracker.dates import today_for
from tracker.forms.care import AcknowledgeForm, HealthProfileForm, MistakeForm
from tracker.models import CareAlert


def _country(user) -> str:
    return user.profile.country.code or ""


@require_safe
@login_required
def care_page(request: HttpRequest) -> HttpResponse:
    """Every open alert in full, then reminders as lines, then what was answered before, a page
    at a time (`?page=`)."""
    page = responses.page_care(request.user, today=today_for(request.user), full_rules=None)
    return render(
        request,
        "tracker/care.html",
        {
            "care_prompts": page.prompts,
            "care_lines": page.lines,
            "history": shown.earlier_alerts(request.user, request.GET.get("page")),
        },
    )


@require_safe
@login_required
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(CareAlert, pk=alert_id, user=request.user)
    today = today_for(request.user)
    return render(
        request,
        "tracker/care_alert.html",
        {
            "care_prompts": (
                shown.prompts_for_alerts([alert], country=_country(request.user), today=today)
                if alert.is_open
                else []
            ),
            "record": shown.describe(alert),
            # While its reminder lasts, its own line (with the number to call); no other alert's.
            "care_lines": []
            if alert.is_open
            else [
                line
                for line in responses.page_care(request.user, today=today).lines
                if line.alert.pk == alert.pk
            ],
        },
    )


def _open_alert(request: HttpRequest, alert_id: int) -> CareAlert:
    return get_object_or_404(CareAlert.objects.open(), pk=alert_id, user=request.user)


@require_POST
@login_required
def acknowledge_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = _open_alert(request, alert_id)
    form = AcknowledgeForm(request.POST, responses=responses.responses_for(alert.tier))
    if not form.is_valid():
        return HttpResponse(
            gettext("That answer does not close this alert; nothing was changed."), status=400
        )
    responses.acknowledge(alert, response=form.cleaned_data["response"])
    if request.htmx:
        # The prompts that were shown with it stay in full; the answered one becomes its line.
        shown = set(request.POST.getlist("shown")) - {alert.rule}
        page = responses.page_care(request.user, today=today_for(request.user), full_rules=shown)
        return render(
            request,
            "tracker/partials/care_prompts.html",
            {
                "care_prompts": page.prompts,
                "answered_lines": [line for line in page.lines if line.alert.pk == alert.pk],
                "just_acknowledged": True,
                "reminder_days": prompts.REMINDER_DAYS,
            },
        )
    return redirect("tracker:home")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def ticked_by_mistake(request: HttpRequest, alert_id: int) -> HttpResponse:
    """Asks once which answer was ticked by mistake (or just to confirm, when it is one), then
    takes it off the day it was logged."""
    alert = _open_alert(request, alert_id)
    answers = responses.ticked_answers(alert)
    if not answers:
        raise Http404("This alert does not rest on a ticked answer.")
    form = MistakeForm(request.POST or None, answers=answers)
    if request.method == "POST" and form.is_valid():
        responses.correct_mistake(
            alert, keys=form.cleaned_data["remove"], today=today_for(request.user)
        )
        messages.success(
            request,
            gettext(
                "Taken off your check-in, and the warning signs checked again. The correction is "
                "kept in your alert history below."
            ),
        )
        return redirect("tracker:care")
    return render(
        request,
        "tracker/care_mistake.html",
        {"alert": alert, "record": shown.describe(alert), "answers": answers, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@sensitive_post_parameters()
def health_profile(request: HttpRequest) -> HttpResponse:
    profile = request.user.profile
    form = HealthProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and "skip" in request.POST:
        profile.health_profile_answered_at = timezone.now()
        profile.save(update_fields=["health_profile_answered_at"])
        return redirect("tracker:home")
    if form.is_valid():
        profile = form.save(commit=False)
        profile.health_profile_answered_at = timezone.now()
        profile.save()
        fired = prompts.recheck_after_profile_change(
            user=request.user, today=today_for(request.user)
        )
        # Anything the new answers raise leads the home page.
        return redirect("tracker:home" if fired else "tracker:settings")
    return render(request, "tracker/health_profile.html", {"form": form})
