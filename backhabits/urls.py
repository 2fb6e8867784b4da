from django.contrib import admin
from django.urls import include, path

from tracker import account_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/signup/", account_views.signup, name="signup"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("tracker.urls")),
]
