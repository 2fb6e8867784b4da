from django.contrib import admin
from django.urls import include, path

from tracker import account_views, health_views, reminder_views

handler400 = "tracker.health_views.bad_request"
handler500 = "tracker.health_views.server_error"

urlpatterns = [
    path("healthz", health_views.healthz, name="healthz"),
    path("favicon.ico", health_views.favicon),
    path("sw.js", reminder_views.service_worker, name="service_worker"),
    # Before the admin's own page: the old password counts against the log-in's lockout.
    path(
        "admin/password_change/",
        admin.site.admin_view(account_views.admin_password_change),
    ),
    path("admin/", admin.site.urls),
    path("accounts/signup/", account_views.signup, name="signup"),
    path(
        "accounts/password_change/",
        account_views.ThrottledPasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password_reset/",
        account_views.RateLimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("tracker.urls")),
]
