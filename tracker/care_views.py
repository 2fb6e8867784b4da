from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker import care
from tracker.dates import today_for
from tracker.forms import AcknowledgeForm, HealthProfileForm
from tracker.models import CareAlert


def _country(user) -> str:
    return user.profile.country.code or ""


@require_safe
@login_required
def care_page(request: HttpRequest) -> HttpResponse:
    alerts = list(CareAlert.objects.filter(user=request.user))
    open_alerts = care.by_urgency([alert for alert in alerts if alert.is_open])
    history = [care.describe(alert) for alert in alerts if not alert.is_open]
    return render(
        request,
        "tracker/care.html",
        {
            "care_prompts": care.prompts_for_alerts(open_alerts, country=_country(request.user)),
            "history": history,
        },
    )


@require_safe
@login_required
def alert_detail(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(CareAlert, pk=alert_id, user=request.user)
    return render(
        request,
        "tracker/care_alert.html",
        {
            "care_prompts": (
                care.prompts_for_alerts([alert], country=_country(request.user))
                if alert.is_open
                else []
            ),
            "record": care.describe(alert),
        },
    )


@require_POST
@login_required
def acknowledge_alert(request: HttpRequest, alert_id: int) -> HttpResponse:
    alert = get_object_or_404(
        CareAlert, pk=alert_id, user=request.user, acknowledged_at=None, cleared_at=None
    )
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose one of the two answers.", status=400)
    care.acknowledge(alert, response=form.cleaned_data["response"])
    if request.htmx:
        prompts = care.open_prompts(request.user)
        return render(
            request,
            "tracker/partials/care_prompts.html",
            {"care_prompts": prompts, "just_acknowledged": True},
        )
    return redirect("tracker:home")


@require_http_methods(["GET", "POST"])
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
        fired = care.recheck_after_profile_change(user=request.user, today=today_for(request.user))
        # Anything the new answers raise leads the home page.
        return redirect("tracker:home" if fired else "tracker:settings")
    return render(request, "tracker/health_profile.html", {"form": form})
