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
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from tracker import throttling
from tracker.accounts import delivery, lifecycle
from tracker.dates import today_for
from tracker.days import tracked, tracked_rows
from tracker.days.pages import away_context
from tracker.forms import fieldsets
from tracker.forms.account import (
    DeleteAccountForm,
    LoginForm,
    QueuedPasswordResetForm,
    SettingsForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TrackedItemForm,
)
from tracker.forms.settings_fields import settings_fields_html
from tracker.models import TrackedItem
from tracker.redirects import here


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
    profile = request.user.profile
    initial = {"email": profile.pending_email or request.user.email}
    if not posted:
        # Unchanged since it was last drawn (the page is come back to after each of its own
        # forms), the settings form is drawn from what it shows, without being built.
        settings_fields = settings_fields_html(profile, initial)
        return _settings_page_drawn(request, settings_fields, None, tracked_form, status)
    form = SettingsForm(posted, instance=profile, initial=initial)
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
    return _settings_page_drawn(
        request, fieldsets.form_fields_html(form), form, tracked_form, status
    )


def _settings_page_drawn(
    request: HttpRequest,
    settings_fields: SafeString,
    form: SettingsForm | None,
    tracked_form: TrackedItemForm | None,
    status: int,
) -> HttpResponse:
    """The page, its settings form drawn (`form`: the refused one, for tests to read)."""
    push_ready = delivery.vapid_configured()
    return render(
        request,
        "tracker/settings.html",
        {
            "form": form,
            "settings_fields": settings_fields,
            "push_ready": push_ready,
            "vapid_public_key": settings.BACKHABITS_VAPID_PUBLIC_KEY,
            # Listed only where push is offered: without it the query isn't even built.
            "devices": request.user.push_subscriptions.order_by("created_at") if push_ready else (),
            "reach": delivery.reach(request.user),
            "tracked_lists": tracked_rows.lists_html(
                tracked.lists_for(request.user), tracked_form, request
            ),
            "tracked_form": tracked_form,
            **away_context(
                request.user,
                today=today_for(request.user),
                request=request,
                here=here(request, "tracker:settings"),
            ),
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
