import datetime as dt
import functools
import json
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import reswap, retarget

from tracker.accounts import delivery
from tracker.care import responses
from tracker.dates import EARLIEST_CHECKIN_DATE, day_name, today_for
from tracker.days import (
    checkins,
    day_summary,
    first_week,
    peg,
    submit,
    today_card,
    tracked,
    units,
    week_strip,
)
from tracker.days.pages import checkin_context, checkin_page, day_words
from tracker.days.water_entry import water_entry_html
from tracker.forms.day import CheckInForm, PegForm
from tracker.guide import day_choice, tip_cards
from tracker.limits import WATER_ML_MAX
from tracker.links import reverse_once
from tracker.models import CheckIn
from tracker.trends import dashboard, exports
from tracker.trends.strength_bars import strength_bars

GOAL_WORDS = {"water": _("Water goal reached."), "exercise": _("Exercise goal reached.")}


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "tracker/landing.html")
    today = today_for(request.user)
    # The week, and the day before it: enough for first_week to see a settled account.
    read_days = checkins.recent_days(
        user=request.user, today=today, days=max(first_week.DAYS_READ, week_strip.DAYS_SHOWN)
    )
    recent_days = read_days[: week_strip.DAYS_SHOWN]
    context = {
        "today_card": today_card.home_card_html(request, today, recent_days[0].checkin),
        "recent_days": recent_days,
    }
    context["reach"] = delivery.reach(request.user)
    # Open alerts and reminders lead as one line each; only tips safe beside them are chosen.
    page_care = responses.page_care(request.user, today=today)
    context["care_lines"] = page_care.lines
    # Over the first days home grows one part at a time (tracker.days.first_week); the care
    # lines above are not one of its parts and always show.
    profile = request.user.profile
    parts = first_week.home_parts(
        logged_days=first_week.logged_days(request.user, recent=(day.checkin for day in read_days)),
        checked_in_today=checkins.has_checked_in(recent_days[0].checkin),
        health_profile_open=profile.health_profile_answered_at is None,
        peg_last_date=profile.peg_last_date,
        today=today,
    )
    context["home_parts"] = parts
    if parts.week:
        context["week_items"] = week_strip.week_items(recent_days)
    if parts.tips:
        choice = day_choice.day_choice(request.user, today=today, red_flag_active=page_care.active)
        # Read back only if asked for: a kept drawing of the tips stands for them.
        context["chosen_tips"] = SimpleLazyObject(lambda: choice.chosen)
        context["tips_for_you"] = tip_cards.tips_for_you(request, choice)
    if parts.habit_strength:
        strengths = dashboard.habit_strengths(request.user, today=today)
        context["strength_bars"] = strength_bars(strengths)
    return render(request, "tracker/home.html", context)


def _initial_for(checkin: CheckIn | None) -> dict:
    """The day's own answers (never another day's), and the water total the form shows."""
    if checkin is None:
        return {"water_seen_ml": 0}
    initial = {name: getattr(checkin, name) for name in checkins.DAY_FIELDS}
    initial["water_seen_ml"] = checkin.water_ml or 0
    if checkin.woke_from_pain is not None:
        initial["woke_from_pain"] = "yes" if checkin.woke_from_pain else "no"
    # Both fields offer only their own kind's entries, so each keeps just its own.
    initial["pain_relief"] = initial["factors"] = list(checkin.item_ids)
    return initial


def _checkin_form(request, checkin: CheckIn | None, data=None, initial=None) -> CheckInForm:
    """The check-in form with the person's own lists (one query, made only if the form asks:
    a save that ticks no entry of them has no use for them), keeping any retired entry the day
    already ticks."""
    initial = initial if initial is not None else _initial_for(checkin)
    return CheckInForm(
        data,
        initial=initial,
        water_unit=request.user.profile.water_unit,
        items=tracked.lists_when_asked(request.user),
        # Offered again only as the saved day has them, never from what was typed.
        ticked=frozenset(checkin.item_ids) if checkin else frozenset(),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@sensitive_post_parameters()
def checkin(request: HttpRequest, date: dt.date | None = None) -> HttpResponse:
    today = today_for(request.user)
    day = date or today
    if day > today or day < EARLIEST_CHECKIN_DATE:
        return render(
            request,
            "tracker/checkin_refused.html",
            {"day": day, "today": today, "future": day > today},
            status=400,
        )
    existing = checkins.stored_day(request.user, day)
    page = functools.partial(checkin_page, request, day=day, today=today)
    if request.method != "POST":  # GET or HEAD: shown, never saved
        form = _checkin_form(request, existing)
        return page(checkin=existing, form=form, prompts=[])
    form = _checkin_form(request, existing, data=request.POST)
    if request.POST.get("water") in {"add", "undo"}:
        return _water_tap_on_checkin(request, form, day=day, today=today)
    if request.POST.get("fill") == "habits":
        # Without JavaScript, "Same as yesterday" comes back here: nothing is saved.
        initial = form.answers_as_initial()
        previous = checkins.previous_habits(user=request.user, date=day, day=existing)
        if previous:
            initial.update(previous.values)
        form = _checkin_form(request, existing, initial=initial)
        return page(checkin=existing, form=form, prompts=[])
    submission = submit.submit_day(request.user, date=day, today=today, answers=form.answers())
    if not submission.refused:
        return _after_save(request, submission=submission, day=day, today=today)
    # A refused answer stays on the page to correct; any care answer was saved and checked.
    partly_saved = submission.saved
    if partly_saved:
        existing = partly_saved.checkin
    care_now = _care_after(request.user, submission, today=today)
    if submission.emergency:
        return _emergency_takeover(request, care_now, day, form_page=(partly_saved, form))
    return page(
        checkin=existing,
        form=form,
        prompts=care_now.prompts,
        partly_saved=partly_saved,
        care_lines=care_now.lines,
    )


def _care_after(user, submission: submit.Submission, *, today: dt.date):
    """What fired in this save shows in full; any other open alert or reminder as a line."""
    fired = {firing.rule.code for firing in submission.firings}
    return responses.page_care(user, today=today, full_rules=fired)


def _after_save(
    request: HttpRequest, *, submission: submit.Submission, day: dt.date, today: dt.date
) -> HttpResponse:
    saved = submission.saved
    if not request.htmx and not saved.firings:
        saved_words = gettext("Saved your check-in for %(day)s.") % {"day": day_name(day)}
        # Each a whole sentence of its own, one after another.
        reached = [str(GOAL_WORDS[goal]) for goal in saved.goals_reached]
        messages.success(request, " ".join([saved_words, *reached]))
        # Every plain save ends here: the URL reversed once per language, not on each.
        return HttpResponseRedirect(reverse_once("tracker:home"))
    care_now = _care_after(request.user, submission, today=today)
    if submission.emergency:
        return _emergency_takeover(request, care_now, day)
    context = {
        "day": day,
        "today": today,
        "day_words": day_words(day, today),
        "summary": day_summary.describe_day(
            saved.checkin, date=day, water_unit=request.user.profile.water_unit
        ),
        "care_prompts": care_now.prompts,
        "care_lines": care_now.lines,
        "goals_reached": [GOAL_WORDS[goal] for goal in saved.goals_reached],
    }
    choice = day_choice.day_choice(request.user, today=today, red_flag_active=care_now.active)
    # As on home: the drawn section stands for the tips, read back only if asked for.
    context["chosen_tips"] = SimpleLazyObject(lambda: choice.chosen)
    context["tips_for_you"] = tip_cards.tips_for_you(request, choice)
    template = (
        "tracker/partials/checkin_saved.html" if request.htmx else "tracker/checkin_saved.html"
    )
    return render(request, template, context)


def _emergency_takeover(
    request: HttpRequest,
    care_now: responses.PageCare,
    day: dt.date,
    *,
    form_page: tuple[checkins.SavedDay, CheckInForm] | None = None,
) -> HttpResponse:
    """The emergency tier replaces the whole page, with and without JavaScript. Answers that
    still need correcting follow below it, unsaved."""
    context = {"care_prompts": care_now.prompts, "care_lines": care_now.lines, "day": day}
    if form_page:
        partly_saved, form = form_page
        context = checkin_context(
            request, day=day, today=today_for(request.user), checkin=partly_saved.checkin,
            form=form, prompts=care_now.prompts, partly_saved=partly_saved,
            care_lines=care_now.lines, offer_previous=False,
        )  # fmt: skip
    if not request.htmx:
        return render(request, "tracker/emergency.html", context)
    response = render(request, "tracker/partials/emergency_takeover.html", context)
    return reswap(retarget(response, "#main"), "innerHTML show:window:top")


def _water_tap_on_checkin(
    request: HttpRequest, form: CheckInForm, *, day: dt.date, today: dt.date
) -> HttpResponse:
    """The check-in's own +250 ml and Undo buttons. With htmx only the water field comes back;
    without, the page comes back with every other answer as it was typed (nothing saved)."""
    profile = request.user.profile
    tap = _tap(request.user, day=day, today=today, undo=request.POST["water"] == "undo")
    checkin, error = tap.checkin, tap.error
    if request.htmx:
        water_form = CheckInForm(initial=_initial_for(checkin), water_unit=profile.water_unit)
        entry = water_entry_html(
            water_form,
            checkins.water_status(checkin, profile=profile),
            action_url=request.path,
            water_error=error,
            goal_reached_now=tap.goal_reached,
        )
        return HttpResponse(entry)
    initial = form.answers_as_initial()
    initial.pop("water_oz", None)
    initial["water_ml"] = checkin.water_ml if checkin else None
    initial["water_seen_ml"] = (checkin.water_ml if checkin else None) or 0
    form = _checkin_form(request, checkin, initial=initial)
    return checkin_page(
        request,
        day=day,
        today=today,
        checkin=checkin,
        form=form,
        prompts=[],
        water_error=error,
    )


@dataclass(frozen=True)
class _Tap:
    checkin: CheckIn | None
    error: str | None = None
    goal_reached: bool = False


def _tap(user, *, day: dt.date, today: dt.date, undo: bool) -> _Tap:
    change = (
        checkins.DayChange(undo_water_tap=True)
        if undo
        else checkins.DayChange(water_tap_ml=units.quick_add_ml(user.profile.water_unit))
    )
    try:
        saved = checkins.record_day(user=user, date=day, today=today, change=change)
    except checkins.WaterLimitReached:
        limit = units.format_water(WATER_ML_MAX, user.profile.water_unit)
        error = gettext("That would take the day's water over %(limit)s, so it was not added.") % {
            "limit": limit
        }
        return _Tap(CheckIn.objects.filter(user=user, date=day).first(), error)
    return _Tap(saved.checkin, goal_reached="water" in saved.goals_reached)


@require_POST
@login_required
def add_water(request: HttpRequest) -> HttpResponse:
    return _home_water_tap(request, undo=False)


@require_POST
@login_required
def undo_water(request: HttpRequest) -> HttpResponse:
    return _home_water_tap(request, undo=True)


def _home_water_tap(request: HttpRequest, *, undo: bool) -> HttpResponse:
    today = today_for(request.user)
    tap = _tap(request.user, day=today, today=today, undo=undo)
    if not request.htmx:
        if tap.error:
            messages.error(request, tap.error)
        elif tap.goal_reached:
            messages.success(request, GOAL_WORDS["water"])
        return redirect("tracker:home")
    context = today_card.card_context(request.user, today, tap.checkin)
    context["water_error"] = tap.error
    context["water_goal_reached_now"] = tap.goal_reached
    return HttpResponse(today_card.card_html(request, context))


def _export_filename(extension: str) -> str:
    return f"backhabits-export-{timezone.localdate():%Y-%m-%d}.{extension}"


@require_safe
@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    body = exports.render_csv(exports.day_records(request.user, today=today_for(request.user)))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("csv")}"'
    return response


@require_safe
@login_required
def export_json(request: HttpRequest) -> HttpResponse:
    records = exports.day_records(request.user, today=today_for(request.user))
    data = exports.build_json(request.user, records)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("json")}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def peg_check(request: HttpRequest) -> HttpResponse:
    """The weekly PEG scale: saved on today's check-in, so trends and the report read it with
    the day."""
    form = PegForm(request.POST or None)
    if form.is_valid():
        today = today_for(request.user)
        values = {q.field: form.cleaned_data[q.field] for q in peg.QUESTIONS}
        saved = checkins.record_day(
            user=request.user, date=today, today=today, change=checkins.DayChange(values=values)
        )
        profile = request.user.profile
        profile.peg_last_date = today
        profile.save(update_fields=["peg_last_date"])
        result = peg.score(*(values[q.field] for q in peg.QUESTIONS))
        messages.success(
            request,
            gettext("Saved. Your PEG score this week: %(score)s out of 10.")
            % {"score": formats.number_format(result)},
        )
        if saved.firings:
            return redirect("tracker:home")  # any prompt leads the home page
        return redirect("tracker:trends")
    context = {"form": form, "source": peg.SOURCE}
    return render(request, "tracker/peg.html", context)
