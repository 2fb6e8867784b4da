from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, PasswordChangeView, PasswordResetView
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker import throttling
from tracker.accounts import delivery, lifecycle
from tracker.choices import TrackedKind
from tracker.csrf import token_for
from tracker.dates import today_for
from tracker.days import tracked, tracked_rows
from tracker.days.pages import away_context
from tracker.forms.account import (
    DeleteAccountForm,
    LoginForm,
    QueuedPasswordResetForm,
    SettingsForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TrackedItemForm,
)
from tracker.models import TrackedItem


@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters()
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("tracker:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and not lifecycle.signup_allowed(request):
        refused = render(
            request,
            "registration/signup.html",
            {"form": SignupForm(), "too_many_signups": True},
            status=429,
        )
        return throttling.retry_after(
            refused, throttling.window_seconds(lifecycle.SIGNUPS_PER_ADDRESS)
        )
    if form.is_valid():
        user = lifecycle.create_account(form, request)
        login(request, user, backend="tracker.accounts.auth_backends.UsernameOrEmailBackend")
        messages.success(
            request, gettext("Welcome to backhabits. Your first check-in takes 20 seconds.")
        )
        return redirect("tracker:checkin")
    return render(request, "registration/signup.html", {"form": form})


# Django's log-in page, its first field named for what it takes: a username or an e-mail.
log_in = LoginView.as_view(authentication_form=LoginForm)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return _settings_page(request)


def _settings_page(request: HttpRequest, *, tracked_form=None, status: int = 200):
    posted = request.POST if request.resolver_match.url_name == "settings" else None
    form = SettingsForm(
        posted or None,
        instance=request.user.profile,
        initial={"email": request.user.profile.pending_email or request.user.email},
    )
    if form.is_valid():
        profile = form.save()
        # Said in the language the next page will be in, which may be the one just chosen.
        with translation.override(lifecycle.page_language(request, profile)):
            said = [gettext("Settings saved.")]
            if form.has_changed() and "email" in form.changed_data:
                address = form.cleaned_data["email"]
                outcome = lifecycle.change_email(request.user, address, request)
                if outcome == "sent":
                    said.append(
                        gettext(
                            "We sent a confirmation link to %(address)s: e-mail reminders go "
                            "there once you open it."
                        )
                        % {"address": address}
                    )
                elif outcome == "throttled":
                    said.append(_too_many_emails(address))
            messages.success(request, " ".join(said))
        response = redirect("tracker:settings")
        if "language" in form.changed_data:
            _remember_language(response, profile.language)
        return response
    push_ready = delivery.vapid_configured()
    return render(
        request,
        "tracker/settings.html",
        {
            "form": form,
            "push_ready": push_ready,
            "vapid_public_key": settings.BACKHABITS_VAPID_PUBLIC_KEY,
            # Listed only where push is offered: without it the query isn't even built.
            "devices": request.user.push_subscriptions.order_by("created_at") if push_ready else (),
            "reach": delivery.reach(request.user),
            **_tracked_lists(tracked.lists_for(request.user), tracked_form, _csrf_input(request)),
            "tracked_form": tracked_form,
            **away_context(request.user, today=today_for(request.user)),
        },
        status=status,
    )


def _remember_language(response: HttpResponse, language: str) -> None:
    """The browser keeps the language chosen (Django's language cookie, as its set_language
    view sets it), so the pages after logging out, the log-in page first, stay in it; "the same
    as my browser" forgets it."""
    if not language:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def _csrf_input(request: HttpRequest) -> str:
    """What `{% csrf_token %}` draws, worked out once for the page's own-list rows."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token_for(request)
    )


def _tracked_lists(lists: tracked.Lists, failed: "TrackedItemForm | None", csrf_input: str) -> dict:
    """The settings page's own lists: each list's parts, and the lists drawn (tracked_rows)."""
    sections = _tracked_sections(lists, failed, csrf_input)
    return {
        "tracked_sections": sections,
        "tracked_lists": tracked_rows.sections_html(sections, csrf_input),
    }


def _tracked_sections(
    lists: tracked.Lists, failed: "TrackedItemForm | None", csrf_input: str
) -> list[dict]:
    """Each list for the settings page, with a form that failed shown where it was typed; its
    rows drawn in Python (tracked_rows), two small forms each."""
    sections = []
    for kind, label in TrackedKind.choices:
        renaming = failed.item.pk if failed is not None and failed.item else None
        adding_here = failed is not None and not failed.item and failed.data.get("kind") == kind
        active = lists.active(kind)
        retired = lists.retired(kind)
        full = len(active) >= tracked.ACTIVE_LIMITS[kind]
        sections.append(
            {
                "kind": kind,
                "label": label,
                "limit": tracked.ACTIVE_LIMITS[kind],
                "active": active,
                "rows": tracked_rows.active_rows(
                    [(item, failed if item.pk == renaming else None) for item in active],
                    csrf_input,
                ),
                "retired": retired,
                "retired_rows": tracked_rows.retired_rows(retired, csrf_input, full=full),
                "full": full,
                "add_form": failed if adding_here else None,
            }
        )  # fmt: skip
    return sections


@require_POST
@login_required
def log_out_everywhere(request: HttpRequest) -> HttpResponse:
    lifecycle.end_all_sessions(request.user)
    logout(request)
    messages.success(request, gettext("You have been logged out on every device."))
    return redirect("login")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@sensitive_post_parameters()
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if form.is_valid():
        user = request.user
        logout(request)
        lifecycle.delete_account(user)
        messages.success(
            request, gettext("Your account and everything you logged have been deleted.")
        )
        return redirect("tracker:home")
    return render(request, "tracker/delete_account.html", {"form": form})


class ThrottledPasswordChangeView(PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


def admin_password_change(request: HttpRequest) -> HttpResponse:
    """The admin's own "change password" page, with the old password counted against the
    log-in's lockout like every other password check (django.contrib.admin's has no count)."""
    request.current_app = admin.site.name
    return ThrottledPasswordChangeView.as_view(
        success_url=reverse("admin:password_change_done"),
        extra_context=admin.site.each_context(request),
    )(request)


class RateLimitedPasswordResetView(PasswordResetView):
    """Reset e-mails are limited per address and per client; past a limit the page looks the
    same (it never says whether an address has an account) and no e-mail is sent. The e-mail
    leaves after the response (QueuedPasswordResetForm)."""

    form_class = QueuedPasswordResetForm

    def form_valid(self, form):
        if not lifecycle.reset_email_allowed(self.request, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


@require_safe
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """Opened from the e-mail, logged in or not: the link itself proves the address."""
    days = lifecycle.EMAIL_CONFIRM_MAX_AGE.days
    try:
        state = lifecycle.confirm_email(token)
    except signing.BadSignature:
        return render(request, "tracker/email_confirmed.html",
                      {"state": "invalid", "link_days": days}, status=400)  # fmt: skip
    return render(request, "tracker/email_confirmed.html", {"state": state, "link_days": days})


@require_POST
@login_required
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    address = request.user.profile.pending_email or request.user.email
    if not address:
        return redirect("tracker:settings")
    if lifecycle.request_confirmation(request.user, address, request):
        sent = gettext("We sent a new confirmation link to %(address)s.")
        messages.success(request, sent % {"address": address})
    else:
        messages.error(request, _too_many_emails(address))
    return redirect("tracker:settings")


def _too_many_emails(address: str) -> str:
    return gettext(
        "Too many e-mails have gone to %(address)s in the last hour, so we didn't send another. "
        "Try again in an hour."
    ) % {"address": address}


def _item(request: HttpRequest, item_id: int) -> TrackedItem:
    return get_object_or_404(TrackedItem, pk=item_id, user=request.user)


@require_POST
@login_required
def tracked_add(request: HttpRequest) -> HttpResponse:
    form = TrackedItemForm(request.POST)
    if form.is_valid():
        try:
            item = tracked.add(request.user, kind=form.cleaned_data["kind"],
                               name=form.cleaned_data["name"])  # fmt: skip
        except tracked.NameTaken as taken:  # the list's names and limit are tracked.add's
            form.add_error("name", str(taken))
        except tracked.ListFull as full:
            form.add_error("name", str(full))
        else:
            messages.success(request, gettext("Added “%(name)s”.") % {"name": item.name})
            return redirect(f"{reverse('tracker:settings')}#tracked-heading")
    return _settings_page(request, tracked_form=form, status=400)


@require_POST
@login_required
def tracked_rename(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(request, item_id)
    form = TrackedItemForm(request.POST, item=item)
    if form.is_valid():
        old = item.name
        try:
            tracked.rename(item, name=form.cleaned_data["name"])
        except tracked.NameTaken as taken:
            form.add_error("name", str(taken))
        else:
            messages.success(
                request,
                gettext("Renamed “%(old)s” to “%(new)s”; its past days follow.")
                % {"old": old, "new": item.name},
            )
            return redirect(f"{reverse('tracker:settings')}#tracked-heading")
    return _settings_page(request, tracked_form=form, status=400)


@require_POST
@login_required
def tracked_retire(request: HttpRequest, item_id: int) -> HttpResponse:
    item = _item(request, item_id)
    if item.retired_at is None:
        tracked.retire(item)
        messages.success(
            request, gettext("“%(name)s” is retired: its past days keep it.") % {"name": item.name}
        )
    elif tracked.restore(item):
        messages.success(request, gettext("“%(name)s” is back on your list.") % {"name": item.name})
    else:
        messages.error(request, gettext("That list is full: retire another entry first."))
    return redirect(f"{reverse('tracker:settings')}#tracked-heading")
