from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """People sign up with a username or an e-mail address; either logs them in."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None or not username or "@" not in username:
            return user
        matches = list(get_user_model()._default_manager.filter(email__iexact=username)[:2])
        if len(matches) != 1:
            return None
        return super().authenticate(
            request, username=matches[0].get_username(), password=password, **kwargs
        )

    def get_user(self, user_id):
        """The signed-in person with their profile in one query: every page reads both."""
        user = (
            get_user_model()._default_manager.select_related("profile").filter(pk=user_id).first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None


def client_ip(request) -> str:
    """The address login throttling counts. Behind a load balancer (DJANGO_BEHIND_PROXY=1) the
    balancer appends the client's address to X-Forwarded-For; otherwise REMOTE_ADDR is it."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def throttling_username(request, credentials: dict | None) -> str:
    """The name failed log-ins are counted against: an e-mail address, in any capitals, counts
    against the account it belongs to, so spelling variants share one counter."""
    typed = ((credentials or {}).get("username") or request.POST.get("username") or "").strip()
    if "@" in typed:
        match = (
            get_user_model()
            ._default_manager.filter(email__iexact=typed)
            .values_list("username", flat=True)
            .first()
        )
        return match or typed.lower()
    return typed
