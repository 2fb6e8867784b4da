from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from tracker import plain

AXES_USERNAME_LENGTH = AccessAttempt._meta.get_field("username").max_length


class UsernameOrEmailBackend(ModelBackend):
    """People log in with their username or their e-mail address (a username never contains
    "@"). Every attempt costs exactly one password hash, found or not, by username or by
    e-mail, so the time taken says nothing about which accounts exist."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if not username or password is None:
            return None
        manager = get_user_model()._default_manager
        if "@" in username:
            # A username match first (accounts from before "@" was kept for e-mail), then a
            # single account with that address; one query either way.
            found = list(manager.filter(Q(username=username) | Q(email__iexact=username))[:3])
            by_name = [user for user in found if user.get_username() == username]
            user = by_name[0] if by_name else found[0] if len(found) == 1 else None
        else:
            user = manager.filter(username=username).first()
        if user is None:
            get_user_model()().set_password(password)  # the same hashing work as a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The signed-in person with their profile in one query: every page reads both."""
        # A plain read: building and compiling the ORM's query (forty-odd columns) took ten
        # times what the database takes to answer it, on every signed-in request.
        user = plain.read_one_with(get_user_model(), "profile", user_id)
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
    against the account it belongs to, so spelling variants share one counter. Cut to the
    length axes stores: PostgreSQL refuses a longer one, and the failure went uncounted."""
    typed = ((credentials or {}).get("username") or request.POST.get("username") or "").strip()
    typed = typed[:AXES_USERNAME_LENGTH]
    if "@" in typed:
        match = (
            get_user_model()
            ._default_manager.filter(email__iexact=typed)
            .values_list("username", flat=True)
            .first()
        )
        return match or typed.lower()
    return typed
