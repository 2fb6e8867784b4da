"""Accounts: creating and deleting them, checking a current password under the log-in's
throttle, and limiting how often sign-ups and reset e-mails can be asked for."""

import datetime as dt
import logging
import secrets

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django_ratelimit.core import is_ratelimited

from tracker import countries
from tracker.auth_backends import client_ip
from tracker.models import Profile
from tracker.reminders import absolute_url

logger = logging.getLogger(__name__)
# Per client address, and per e-mail address for reset e-mails: enough for a household behind
# one address, too few to spray an inbox or script sign-ups.
SIGNUPS_PER_ADDRESS = "10/h"
RESET_EMAILS_PER_CLIENT = "10/h"
RESET_EMAILS_PER_EMAIL = "3/h"


class TooManyWrongPasswords(Exception):
    pass


def create_account(form):
    """Saves a valid SignupForm (tracker.forms). An address that already has an account is not
    attached to the new one, and gets an e-mail saying what happened; the page says nothing
    different, so sign-up never tells a stranger which addresses have accounts."""
    with transaction.atomic():
        taken_email = form.cleaned_data["email"] if form.email_taken else ""
        if taken_email:
            form.instance.email = ""
        user = form.save()
        profile = user.profile
        profile.timezone = form.cleaned_data["timezone"]
        profile.country = countries.guess_country(form.cleaned_data["timezone"])
        profile.save(update_fields=["timezone", "country"])
    if taken_email:
        _tell_the_owner(taken_email)
    elif user.email:
        request_confirmation(user, user.email)
    return user


def _tell_the_owner(email: str) -> None:
    body = render_to_string("registration/email_already_used.txt", {"email": email})
    try:
        send_mail(
            "Someone used your e-mail address to sign up to backhabits",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
    except OSError as error:
        logger.warning("Sign-up notice e-mail failed: %s", type(error).__name__)


def check_current_password(request, user, password: str) -> bool:
    """A current-password check outside the log-in (deleting the account, changing the
    password) counts against the same lockout as the log-in: wrong passwords are recorded as
    failed log-ins, and a locked account or address is refused without checking."""
    credentials = {"username": user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        raise TooManyWrongPasswords
    if user.check_password(password):
        return True
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if AxesProxyHandler.is_locked(request, credentials):
        raise TooManyWrongPasswords
    return False


def signup_allowed(request) -> bool:
    return not is_ratelimited(
        request, group="signup", key=_client, rate=SIGNUPS_PER_ADDRESS, increment=True
    )


def reset_email_allowed(request, email: str) -> bool:
    """Both limits are counted on every request, so trying many addresses from one client, or
    one address from many clients, runs into one of them."""
    by_client = is_ratelimited(
        request, group="reset-client", key=_client, rate=RESET_EMAILS_PER_CLIENT, increment=True
    )
    by_email = is_ratelimited(
        request,
        group="reset-email",
        key=lambda group, request: email.strip().lower(),
        rate=RESET_EMAILS_PER_EMAIL,
        increment=True,
    )
    return not (by_client or by_email)


def _client(group: str, request) -> str:
    return client_ip(request)


def end_all_sessions(user) -> None:
    """Every session started before this call stops working on its next request."""
    profile = user.profile
    profile.session_generation = F("session_generation") + 1
    profile.save(update_fields=["session_generation"])
    profile.refresh_from_db(fields=["session_generation"])


def delete_account(user) -> None:
    """Deletes the person and, by cascade, every row that belongs to them."""
    with transaction.atomic():
        user.delete()


# --- the address reminders go to ---------------------------------------------------------------

EMAIL_CONFIRM_SALT = "backhabits.accounts.confirm-email"
EMAIL_CONFIRM_MAX_AGE = dt.timedelta(days=3)


def change_email(user, address: str) -> str:
    """Starts using `address` for the account: "removed", "unchanged", or "sent" (a link went
    to it; reminders use it once it is opened). An address another account has gets a notice
    instead, and the page says the same as for any other, so no one learns it is taken."""
    address = address.strip()
    profile = user.profile
    if not address:
        user.email, profile.confirmed_email, profile.pending_email = "", "", ""
        profile.email_confirm_key = None
        user.save(update_fields=["email"])
        profile.save(update_fields=["confirmed_email", "pending_email", "email_confirm_key"])
        return "removed"
    if address == user.email and profile.confirmed_email == address:
        return "unchanged"
    taken = (
        get_user_model()._default_manager.filter(email__iexact=address).exclude(pk=user.pk)
    ).exists()
    if taken:
        _tell_the_owner(address)
        return "sent"
    request_confirmation(user, address)
    return "sent"


def request_confirmation(user, address: str) -> None:
    """Sends `address` a single-use link that expires in three days."""
    profile = user.profile
    profile.pending_email = address
    profile.email_confirm_key = secrets.token_urlsafe(16)
    profile.save(update_fields=["pending_email", "email_confirm_key"])
    token = signing.TimestampSigner(salt=EMAIL_CONFIRM_SALT).sign(profile.email_confirm_key)
    link = absolute_url(reverse("tracker:confirm_email", args=[token]))
    body = render_to_string(
        "registration/confirm_email.txt", {"link": link, "days": EMAIL_CONFIRM_MAX_AGE.days}
    )
    try:
        send_mail("Confirm your e-mail address for backhabits", body,
                  settings.DEFAULT_FROM_EMAIL, [address])  # fmt: skip
    except OSError as error:
        logger.warning("Confirmation e-mail failed: %s", type(error).__name__)


def confirm_email(token: str) -> bool:
    """Opens a confirmation link: the pending address becomes the account's confirmed one.
    False when the link was already used; signing.BadSignature when tampered with or expired."""
    key = signing.TimestampSigner(salt=EMAIL_CONFIRM_SALT).unsign(
        token, max_age=EMAIL_CONFIRM_MAX_AGE
    )
    with transaction.atomic():
        profile = (
            Profile.objects.select_for_update()
            .select_related("user")
            .filter(email_confirm_key=key)
            .first()
        )
        if profile is None or not profile.pending_email:
            return False
        user = profile.user
        user.email = profile.pending_email
        user.save(update_fields=["email"])
        profile.confirmed_email, profile.pending_email = user.email, ""
        profile.email_confirm_key = None
        profile.save(update_fields=["confirmed_email", "pending_email", "email_confirm_key"])
    return True
