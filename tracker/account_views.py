from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordChangeView, PasswordResetView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from tracker import accounts, reminders
from tracker.dates import today_for
from tracker.forms import (
    DeleteAccountForm,
    SettingsForm,
    SignupForm,
    ThrottledPasswordChangeForm,
)
from tracker.history_views import away_context


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("tracker:home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and not accounts.signup_allowed(request):
        return render(
            request,
            "registration/signup.html",
            {"form": SignupForm(), "too_many_signups": True},
            status=429,
        )
    if form.is_valid():
        user = accounts.create_account(form)
        login(request, user, backend="tracker.auth_backends.UsernameOrEmailBackend")
        messages.success(request, "Welcome to backhabits. Your first check-in takes 20 seconds.")
        return redirect("tracker:checkin")
    return render(request, "registration/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    form = SettingsForm(request.POST or None, instance=request.user.profile)
    if form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("tracker:settings")
    return render(
        request,
        "tracker/settings.html",
        {
            "form": form,
            "push_ready": reminders.vapid_configured(),
            "vapid_public_key": settings.BACKHABITS_VAPID_PUBLIC_KEY,
            "devices": request.user.push_subscriptions.order_by("created_at"),
            **away_context(request.user, today=today_for(request.user)),
        },
    )


@require_POST
@login_required
def log_out_everywhere(request: HttpRequest) -> HttpResponse:
    accounts.end_all_sessions(request.user)
    logout(request)
    messages.success(request, "You have been logged out on every device.")
    return redirect("login")


@require_http_methods(["GET", "POST"])
@login_required
@sensitive_post_parameters()
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if form.is_valid():
        user = request.user
        logout(request)
        accounts.delete_account(user)
        messages.success(request, "Your account and everything you logged have been deleted.")
        return redirect("tracker:home")
    return render(request, "tracker/delete_account.html", {"form": form})


class ThrottledPasswordChangeView(PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}


class RateLimitedPasswordResetView(PasswordResetView):
    """Reset e-mails are limited per address and per client; past a limit the page looks the
    same (it never says whether an address has an account) and no e-mail is sent."""

    def form_valid(self, form):
        if not accounts.reset_email_allowed(self.request, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
