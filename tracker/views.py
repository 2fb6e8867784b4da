import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from tracker import care, checkins, exports, redflags, tips, units
from tracker.dates import EARLIEST_CHECKIN_DATE, today_for
from tracker.forms import CheckInForm
from tracker.models import CheckIn


def _today_card_context(user, today: dt.date, checkin: CheckIn | None) -> dict:
    profile = user.profile
    water_ml = checkin.water_ml if checkin else 0
    return {
        "today": today,
        "today_checkin": checkin,
        "water_text": units.format_water(water_ml, profile.water_unit),
        "water_goal_text": units.format_water(profile.water_goal_ml, profile.water_unit),
        "water_percent": min(100, round(100 * water_ml / profile.water_goal_ml)),
        "quick_add_label": units.quick_add_label(profile.water_unit),
    }


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "tracker/landing.html")
    today = today_for(request.user)
    recent_days = checkins.recent_days(user=request.user, today=today)
    context = _today_card_context(request.user, today, checkin=recent_days[0].checkin)
    context["recent_days"] = recent_days
    prompts = care.prompts_for_alerts(care.open_alerts(request.user))
    context["care_prompts"] = prompts
    context["chosen_tips"] = tips.tips_for_user(
        request.user, today=today, red_flag_active=bool(prompts)
    )
    context["ask_health_profile"] = (
        request.user.profile.health_profile_answered_at is None
        and context["recent_days"][0].checkin is not None
    )
    return render(request, "tracker/home.html", context)


@require_http_methods(["GET", "POST"])
@login_required
@sensitive_post_parameters()
def checkin(request: HttpRequest, date: dt.date | None = None) -> HttpResponse:
    profile = request.user.profile
    today = today_for(request.user)
    day = date or today
    if day > today or day < EARLIEST_CHECKIN_DATE:
        return render(
            request,
            "tracker/checkin_refused.html",
            {"day": day, "today": today, "future": day > today},
            status=400,
        )
    existing = CheckIn.objects.filter(user=request.user, date=day).first()
    saved = None
    prompts: list[care.CarePrompt] = []
    if request.method == "POST":
        form = CheckInForm(request.POST, water_unit=profile.water_unit)
        if form.is_valid():
            saved, firings = care.save_day_and_check(
                user=request.user, date=day, values=form.day_values(), today=today
            )
            prompts = care.prompts_for_firings(request.user, firings)
            if prompts and prompts[0].tier == redflags.EMERGENCY:
                return _emergency_takeover(request, prompts, day)
            if not request.htmx:
                if prompts:
                    return render(
                        request, "tracker/checkin_saved.html", {"care_prompts": prompts, "day": day}
                    )
                messages.success(request, f"Saved your check-in for {day:%A %-d %B}.")
                return redirect("tracker:home")
            form = CheckInForm(
                initial=checkins.form_starting_values(
                    user=request.user, date=day, existing=saved
                ).initial,
                water_unit=profile.water_unit,
            )
        start = None
    else:
        start = checkins.form_starting_values(user=request.user, date=day, existing=existing)
        form = CheckInForm(initial=start.initial, water_unit=profile.water_unit)
    context = {
        "form": form,
        "day": day,
        "today": today,
        "is_today": day == today,
        "existing": existing,
        "saved": saved,
        "carried_from": start.carried_from if start else None,
        "action_url": request.path,
        "care_prompts": prompts,
        "chosen_tips": (
            tips.tips_for_user(request.user, today=today, red_flag_active=bool(prompts))
            if saved
            else []
        ),
    }
    template = "tracker/partials/checkin_panel.html" if request.htmx else "tracker/checkin.html"
    return render(request, template, context)


def _emergency_takeover(
    request: HttpRequest, prompts: list[care.CarePrompt], day: dt.date
) -> HttpResponse:
    """The emergency tier replaces the whole page, with and without JavaScript."""
    context = {"care_prompts": prompts, "day": day}
    if not request.htmx:
        return render(request, "tracker/emergency.html", context)
    response = render(request, "tracker/partials/emergency_takeover.html", context)
    return reswap(retarget(response, "#main"), "innerHTML show:window:top")


@require_POST
@login_required
def add_water(request: HttpRequest) -> HttpResponse:
    today = today_for(request.user)
    amount_ml = units.quick_add_ml(request.user.profile.water_unit)
    error = None
    try:
        checkins.add_water(user=request.user, date=today, amount_ml=amount_ml)
    except checkins.WaterLimitReached:
        error = "That would take today's water over 10,000 ml, so it was not added."
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("tracker:home")
    checkin = CheckIn.objects.filter(user=request.user, date=today).first()
    context = _today_card_context(request.user, today, checkin)
    context["water_error"] = error
    return render(request, "tracker/partials/today_card.html", context)


def _export_filename(extension: str) -> str:
    return f"backhabits-export-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_GET
@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    body = exports.render_csv(exports.checkins_for_export(request.user))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("csv")}"'
    return response


@require_GET
@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    data = exports.build_json(request.user, exports.checkins_for_export(request.user))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("json")}"'
    return response
