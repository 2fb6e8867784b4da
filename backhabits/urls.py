from django.contrib import admin
from django.urls import include, path

from tracker.views import account, health, reminders

handler400 = "tracker.views.health.bad_request"
handler500 = "tracker.views.health.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", health.favicon),
    path("sw.js", reminders.service_worker, name="service_worker"),
    # Before the admin's own page: the old password counts against the log-in's lockout.
    path(
        "admin/password_change/",
        admin.site.admin_view(account.admin_password_change),
    ),
    path("admin/", admin.site.urls),
    # Django's set_language: the footer's language switch for people not signed in (a cookie).
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/signup/", account.signup, name="signup"),
    path("accounts/login/", account.log_in, name="login"),
    path(
        "accounts/password_change/",
        account.ThrottledPasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_reset/",
        account.RateLimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("tracker.urls")),
]
