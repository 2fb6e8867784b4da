"""Settings -> Import: upload a file, see what it holds, then confirm or cancel."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect
from django_ratelimit.core import is_ratelimited

from tracker import throttling
from tracker.care import responses
from tracker.dates import today_for
from tracker.forms.imports import (
    ACCEPTED_FILES,
    ImportConfirmForm,
    ImportUploadForm,
    LoopMappingForm,
)
from tracker.imports import apply, checks, drafts, loop_mapping, own_export, preview, uploads
from tracker.imports.days import Problem, Refused

# Reading a file is the heaviest request the app takes: a few a person an hour is plenty to fix
# a file and try again, and too few to use the app as a parsing service.
IMPORTS_PER_PERSON = "10/h"


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST, request.FILES) if posted else ImportUploadForm()
    problems: list[Problem] = []
    if posted:
        if _throttled(request):
            context = {**_limits(), "form": ImportUploadForm(), "busy": True}
            busy = render(request, "tracker/import.html", context, status=429)
            return throttling.retry_after(busy, throttling.window_seconds(IMPORTS_PER_PERSON))
        if getattr(request, uploads.TOO_LARGE_ATTRIBUTE, False):
            problems = [uploads.too_large()]
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            raw = upload.read()
            today = today_for(request.user)
            try:
                if uploads.is_zip(raw):  # Loop Habit Tracker's export: its habits, mapped next
                    habits = loop_mapping.read(raw, today=today)
                    found = loop_mapping.habits_as_json(habits)
                    drafts.keep_loop(request.user, found, filename=upload.name)
                    return _go(request, "tracker:import_loop")
                parsed = own_export.read(uploads.read_text(raw), today=today)
            except Refused as refused:
                problems = refused.problems
            else:
                drafts.keep(request.user, parsed, filename=upload.name)
                return _go(request, "tracker:import_preview")
    context = {
        "form": form,
        "problems": problems[: checks.MAX_PROBLEMS],
        "problems_more": max(0, len(problems) - checks.MAX_PROBLEMS),
        "has_draft": drafts.exists(request.user),
        **_limits(),
    }
    refused = posted and bool(problems or form.errors)
    # htmx swaps only a 2xx answer: a refused file comes back as 200 to it, 400 to a plain form.
    status = 400 if refused and not request.htmx else 200
    return render(request, "tracker/import.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def import_preview(request: HttpRequest) -> HttpResponse:
    kept = drafts.load(request.user)
    if kept is None and drafts.load_loop(request.user) is not None:
        return redirect("tracker:import_loop")  # a Loop file not mapped yet
    if kept is None:
        if request.method == "POST":
            messages.info(request, _("That import was already finished or cancelled."))
        return redirect("tracker:import")
    parsed, filename = kept
    form = ImportConfirmForm(request.POST or None)
    if form.is_valid():
        if form.cleaned_data["action"] == "cancel":
            drafts.discard(request.user)
            messages.info(request, _("Import cancelled: nothing was written."))
            return redirect("tracker:settings")
        today = today_for(request.user)
        outcome = apply.apply(request.user, parsed, use_file=form.use_file(), today=today)
        drafts.discard(request.user)
        # What fired on the imported days in full (worded as past events where they are), and
        # any other open alert as a line, as after a check-in.
        care = responses.page_care(request.user, today=today, full_rules=outcome.alert_rules)
        context = {"outcome": outcome, "care_prompts": care.prompts, "care_lines": care.lines}
        return render(request, "tracker/import_done.html", context)
    context = {
        "form": form,
        "preview": preview.build(request.user, parsed),
        "filename": filename,
        "loop_file": parsed.source == loop_mapping.SOURCE,
    }
    return render(request, "tracker/import_preview.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def import_loop(request: HttpRequest) -> HttpResponse:
    """A Loop Habit Tracker file's habits: what each becomes here, then the usual preview."""
    kept = drafts.load_loop(request.user)
    if kept is None:
        if request.method == "POST":
            messages.info(request, _("That import was already finished or cancelled."))
        return redirect("tracker:import")
    stored, filename, chosen = kept
    if request.POST.get("action") == "cancel":
        drafts.discard(request.user)
        messages.info(request, _("Import cancelled: nothing was written."))
        return redirect("tracker:settings")
    habits = loop_mapping.habits_from_json(stored)
    form = LoopMappingForm(habits, request.POST or None, initial=chosen)
    if form.is_valid():
        drafts.keep(
            request.user,
            form.parsed,
            filename=filename,
            loop_habits=stored,
            loop_choices=form.choices_made(),
        )
        return redirect("tracker:import_preview")
    context = {
        "form": form,
        "filename": filename,
        "problems": form.problems[: checks.MAX_PROBLEMS],
        "problems_more": max(0, len(form.problems) - checks.MAX_PROBLEMS),
    }
    status = 400 if form.is_bound else 200
    return render(request, "tracker/import_loop.html", context, status=status)


def _go(request: HttpRequest, name: str) -> HttpResponse:
    if request.htmx:
        return HttpResponseClientRedirect(reverse(name))
    return redirect(name)


def _limits() -> dict:
    return {
        "max_size": uploads.megabytes(settings.IMPORT_MAX_BYTES),
        "max_rows": settings.IMPORT_MAX_ROWS,
        "accepted_files": ACCEPTED_FILES,
    }


def _throttled(request: HttpRequest) -> bool:
    return is_ratelimited(
        request,
        group="import",
        key=lambda group, request: str(request.user.pk),
        rate=IMPORTS_PER_PERSON,
        increment=True,
    )
