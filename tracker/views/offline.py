"""Checking in without a connection: the pages a phone keeps (the check-in form, the emergency
advice, "When to seek help" and the page shown for any other page while offline, with no day's
answers and no care alert in them) and the endpoint its waiting days are sent to.
static/js/offline.js does the phone's part; templates/tracker/sw.js keeps the pages."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from tracker.care import countries
from tracker.dates import day_name, today_for
from tracker.days import offline, submit, tracked
from tracker.days.pages import checkin_page
from tracker.forms.day import CheckInForm
from tracker.forms.offline import OfflineDayForm
from tracker.guide import content, get_help
from tracker.models import CheckIn, GuideSection


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
    return checkin_page(
        request, day=today, today=today, checkin=None, form=form, prompts=[], offline_shell=True
    )


@require_safe
@login_required
def emergency_advice(request: HttpRequest) -> HttpResponse:
    """What the phone shows at once when an emergency answer is ticked without a connection."""
    country = request.user.profile.country.code or ""
    context = {"contacts": countries.contacts_for(country), "get_help": get_help.summary(country)}
    return render(request, "tracker/offline_emergency.html", context)


@require_safe
def needs_network(request: HttpRequest) -> HttpResponse:
    """What the phone shows, in place of the browser's own error, for a page it cannot reach:
    what still works, and the person's emergency number. Signed out too: the default numbers."""
    summary = get_help.summary(get_help.country_of(request.user))
    return render(request, "tracker/offline.html", {"get_help": summary})


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest, in the language of the request (its description and `lang`), as
    the phone shows it when the app is installed; the service worker keeps it with the shell."""
    icons = [
        ("icons/icon-192.png", "192x192", "image/png", "any"),
        ("icons/icon-512.png", "512x512", "image/png", "any maskable"),
        ("icons/icon.svg", "any", "image/svg+xml", "any"),
    ]
    data = {
        "name": "backhabits",
        "short_name": "backhabits",
        "description": _(
            "A 20-second daily check-in for your back: habits, discomfort, trends and when to "
            "get care."
        ),
        "lang": translation.get_language(),
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#0b5cad",
        "icons": [
            {"src": _from_root(static(path)), "sizes": sizes, "type": kind, "purpose": purpose}
            for path, sizes, kind, purpose in icons
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def _from_root(url: str) -> str:
    # Relative to the manifest, which is served from the site's root, as the static file's
    # were: "static/icons/…" (a STATIC_URL on another host stays whole).
    return url[1:] if url.startswith("/") and not url.startswith("//") else url


@require_safe
def seek_help(request: HttpRequest) -> HttpResponse:
    """ "When to seek help" as the phone keeps it for reading offline, with the person's
    emergency number; without the care alerts and notices a page shows that day, which must not
    be kept (its template leaves them out)."""
    section = get_object_or_404(
        GuideSection, slug=get_help.FULL_SECTION, language=content.reading_language()
    )
    summary = get_help.summary(get_help.country_of(request.user))
    return render(
        request, "tracker/offline_guide_section.html", {"section": section, "get_help": summary}
    )


@require_POST
@login_required
def checkin_sync(request: HttpRequest) -> HttpResponse:
    """A day saved on the phone, sent once it is online. Answers in JSON: whether it was new,
    whose edit was kept, and whether a care prompt is waiting on the next page. A refused day
    answers 400 with a message saying what of it was kept (its symptoms always are)."""
    today = today_for(request.user)
    about = OfflineDayForm(request.POST, today=today)
    about.is_valid()
    if "account" in about.errors:
        return JsonResponse({"errors": about.errors.get_json_data()}, status=400)
    if about.cleaned_data["account"] != request.user.pk:
        # Saved while someone else was signed in on this phone: it waits for them.
        message = _("Saved under another account: it is sent when that person signs in.")
        return JsonResponse({"errors": {"account": [{"message": message}]}}, status=403)
    day = about.cleaned_data.get("date")
    existing = CheckIn.objects.filter(user=request.user, date=day).first() if day else None
    form = CheckInForm(
        request.POST,
        water_unit=request.user.profile.water_unit,
        items=tracked.lists_when_asked(request.user),
        ticked=frozenset(existing.item_ids) if existing else frozenset(),
    )
    if about.errors:
        return _refused(request, about=about, form=form, today=today)
    phone = submit.FromPhone(
        day_id=about.cleaned_data["day_id"], saved_at=about.cleaned_data["saved_at"]
    )
    try:
        submission = submit.submit_day(
            request.user, date=day, today=today, answers=form.answers(), phone=phone
        )
    except offline.ForeignId:
        return JsonResponse({"errors": {"day_id": [{"message": _("Not yours.")}]}}, status=409)
    except offline.StoringElsewhere:
        # Not an answer for the day: the phone keeps it and sends it again (offline-store.js).
        response = JsonResponse({"errors": {}}, status=503)
        response["Retry-After"] = "1"
        return response
    if submission.refused:
        return _refused_answers(form, submission=submission, day=day)
    outcome = submission.phone_outcome
    return JsonResponse(
        {
            "date": outcome.date.isoformat(),
            "new": outcome.new,
            "kept": outcome.kept,
            "message": _message(outcome),
            "care": bool(submission.firings),
        },
        status=201 if outcome.new else 200,
    )


def _refused_answers(
    form: CheckInForm, *, submission: submit.Submission, day: dt.date
) -> JsonResponse:
    """An answer was refused: as on the page, symptoms were saved and checked all the same."""
    symptoms_saved = submission.care_saved
    words = {"day": day_name(day), "reasons": _reasons(form)}
    if not symptoms_saved:
        message = _("%(day)s could not be saved: %(reasons)s") % words
    elif "discomfort" in form.care_answers()[1]:
        message = (
            _(
                "Your symptoms and discomfort for %(day)s were saved and checked; the rest of "
                "the day was not saved: %(reasons)s"
            )
            % words
        )
    else:
        message = (
            _(
                "Your symptoms for %(day)s were saved and checked; the rest of the day was not "
                "saved: %(reasons)s"
            )
            % words
        )
    return JsonResponse(
        {
            "errors": form.errors.get_json_data(),
            "symptoms_saved": symptoms_saved,
            "saved_for": day.isoformat() if symptoms_saved else None,
            "message": message,
            "care": bool(submission.firings),
        },
        status=400,
    )


def _refused(
    request: HttpRequest, *, about: OfflineDayForm, form: CheckInForm, today: dt.date
) -> JsonResponse:
    """The day's date or the phone's clock is refused: its symptoms are still saved and
    checked (on the day tracker.days.offline.day_for_refused names), and the message says
    what was kept."""
    symptoms = form.answers().symptoms
    sent_for = offline.sent_date(request.POST.get("date"))
    kept_for = offline.day_for_refused(
        sent_for, date_allowed="date" not in about.errors, today=today
    )
    submission = submit.submit_day(
        request.user, date=kept_for, today=today, answers=submit.Answers(None, symptoms)
    )
    reason = _refusal_reason(about, sent_for=sent_for, today=today, user=request.user)
    words = {
        "day": day_name(sent_for) if sent_for else _("the day this phone gave"),
        "today": day_name(today),
        "reason": reason,
    }
    if submission.saved is None:
        message = _("%(day)s could not be saved: %(reason)s") % words
        message = message[:1].upper() + message[1:]
    elif kept_for != sent_for:
        message = (
            _(
                "Your symptoms were saved for today (%(today)s) and checked; the rest of the "
                "day for %(day)s was not saved: %(reason)s"
            )
            % words
        )
    else:
        words["day"] = day_name(kept_for)
        message = (
            _(
                "Your symptoms for %(day)s were saved and checked; the rest of the day was "
                "not saved: %(reason)s"
            )
            % words
        )
    return JsonResponse(
        {
            "errors": about.errors.get_json_data(),
            "symptoms_saved": submission.saved is not None,
            "saved_for": kept_for.isoformat() if submission.saved else None,
            "message": message,
            "care": bool(submission.firings),
        },
        status=400,
    )


def _refusal_reason(
    about: OfflineDayForm, *, sent_for: dt.date | None, today: dt.date, user
) -> str:
    if "date" in about.errors and sent_for and sent_for > today:
        zone = user.profile.timezone.replace("_", " ")
        return _(
            "by your account's time zone (%(zone)s) it is still %(today)s. "
            "If you are travelling, change the time zone in Settings."
        ) % {"zone": zone, "today": day_name(today)}
    if "date" not in about.errors and "saved_at" in about.errors:
        return _(
            "this phone's clock gave an impossible time for saving it; check its date and time."
        )
    refused = about.errors.get_json_data().values()
    return " ".join(error["message"] for errors in refused for error in errors)


def _reasons(form: CheckInForm) -> str:
    """Each refused answer, by its label, as the page would show it beside the field."""
    parts = []
    for name, errors in form.errors.get_json_data().items():
        words = " ".join(error["message"] for error in errors)
        label = form[name].label if name in form.fields else ""
        said = {"label": label, "errors": words}
        parts.append(_("%(label)s: %(errors)s") % said if label else words)
    return " ".join(parts)


def _message(outcome: offline.Outcome) -> str:
    day = day_name(outcome.date)
    if outcome.kept == "server":
        return _(
            "%(day)s: a newer check-in was already saved, so that one was kept "
            "(any symptom from this phone was added to it)."
        ) % {"day": day}
    return _("%(day)s: sent from this phone and saved.") % {"day": day}
