"""Checking in without a connection: the pages a phone keeps (the check-in form and the
emergency advice, with no day's answers in them) and the endpoint its waiting days are sent to.
static/js/offline.js does the phone's part; templates/tracker/sw.js keeps the pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from tracker import checkins, countries, offline, tracked, views
from tracker.dates import today_for
from tracker.forms import CheckInForm, OfflineDayForm
from tracker.models import CheckIn


@require_safe
@login_required
def checkin_shell(request: HttpRequest) -> HttpResponse:
    """The check-in form as a phone keeps it: empty, so no day's answers are stored offline."""
    today = today_for(request.user)
    form = CheckInForm(
        initial={"water_seen_ml": 0},
        water_unit=request.user.profile.water_unit,
        items=tracked.lists_for(request.user),
    )
    return views.checkin_page(
        request, day=today, today=today, checkin=None, form=form, prompts=[], offline_shell=True
    )


@require_safe
@login_required
def emergency_advice(request: HttpRequest) -> HttpResponse:
    """What the phone shows at once when an emergency answer is ticked without a connection."""
    contacts = countries.contacts_for(request.user.profile.country.code or "")
    return render(request, "tracker/offline_emergency.html", {"contacts": contacts})


@require_POST
@login_required
def checkin_sync(request: HttpRequest) -> HttpResponse:
    """A day saved on the phone, sent once it is online. Answers in JSON: whether it was new,
    whose edit was kept, and whether a care prompt is waiting on the next page."""
    today = today_for(request.user)
    about = OfflineDayForm(request.POST, today=today)
    if not about.is_valid():
        return JsonResponse({"errors": about.errors.get_json_data()}, status=400)
    if about.cleaned_data["account"] != request.user.pk:
        # Saved while someone else was signed in on this phone: it waits for them.
        message = "Saved under another account: it is sent when that person signs in."
        return JsonResponse({"errors": {"account": [{"message": message}]}}, status=403)
    day = about.cleaned_data["date"]
    existing = CheckIn.objects.filter(user=request.user, date=day).first()
    form = CheckInForm(
        request.POST,
        water_unit=request.user.profile.water_unit,
        items=tracked.lists_for(request.user),
        ticked=frozenset(existing.item_ids) if existing else frozenset(),
    )
    if not form.is_valid():
        # As on the page: symptoms are saved and checked even when another answer is wrong.
        symptoms, care_values = form.care_answers()
        if symptoms:
            checkins.record_day(
                user=request.user,
                date=day,
                today=today,
                change=checkins.DayChange(values=care_values, symptoms_added=symptoms),
            )
        errors = form.errors.get_json_data()
        return JsonResponse({"errors": errors, "symptoms_saved": bool(symptoms)}, status=400)
    values = form.day_values()
    try:
        outcome = offline.receive(
            request.user,
            day_id=about.cleaned_data["day_id"],
            date=day,
            saved_at=about.cleaned_data["saved_at"],
            today=today,
            values=_answered(values),
            symptoms=tuple(values["symptoms"]),
            water_seen_ml=form.cleaned_data.get("water_seen_ml"),
        )
    except offline.ForeignId:
        return JsonResponse({"errors": {"day_id": [{"message": "Not yours."}]}}, status=409)
    care = bool(outcome.saved and outcome.saved.firings)
    return JsonResponse(
        {
            "date": outcome.date.isoformat(),
            "new": outcome.new,
            "kept": outcome.kept,
            "message": _message(outcome),
            "care": care,
        },
        status=201 if outcome.new else 200,
    )


def _answered(values: dict) -> dict:
    """Only what was answered on the phone: a day saved there adds to the day the server holds
    and never clears an answer (the kept form starts empty). Symptoms join separately."""
    answered = {}
    for name, value in values.items():
        if name == "symptoms" or value in (None, "", [], False):  # 0 is an answer
            continue
        answered[name] = value
    return answered


def _message(outcome: offline.Outcome) -> str:
    day = f"{outcome.date:%A} {outcome.date.day} {outcome.date:%B}"
    if outcome.kept == "server":
        return (
            f"{day}: a newer check-in was already saved, so that one was kept "
            "(any symptom from this phone was added to it)."
        )
    return f"{day}: sent from this phone and saved."
