"""Accounts: creating and deleting them, checking a current password under the log-in's
throttle, the address e-mails go to, and limiting how often sign-ups and e-mails can be asked
for. Every account e-mail leaves after the response (tracker.accounts.outbox)."""

import datetime as dt
import secrets

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_ratelimit.core import is_ratelimited

from tracker.accounts import outbox
from tracker.accounts.auth_backends import client_ip
from tracker.accounts.delivery import absolute_url
from tracker.care import countries
from tracker.models import Profile

# Per client address, and per e-mail address for reset e-mails: enough for a household behind
# one address, too few to spray an inbox or script sign-ups.
SIGNUPS_PER_ADDRESS = "10/h"
RESET_EMAILS_PER_CLIENT = "10/h"
RESET_EMAILS_PER_EMAIL = "3/h"
ACCOUNT_EMAILS_PER_ADDRESS = "3/h"
ACCOUNT_EMAILS_PER_ACCOUNT = "5/h"


class TooManyWrongPasswords(Exception):
    pass


def create_account(form, request=None):
    """Saves a valid SignupForm (tracker.forms.account). The address typed is only waiting for
    confirmation, like a changed one: an address that already has an account stays with it
    (its owner is told instead of sent a link), and the pages afterwards look the same either
    way, so sign-up never tells a stranger which addresses have accounts."""
    address = form.cleaned_data["email"]
    with transaction.atomic():
        form.instance.email = ""
        user = form.save()
        profile = user.profile
        profile.timezone = form.cleaned_data["timezone"]
        profile.country = countries.guess_country(form.cleaned_data["timezone"])
        # The language the sign-up page was in (the browser's Accept-Language): e-mails and push
        # messages, sent later outside any request, go in it too. Settings can change it.
        profile.language = signup_language(request)
        profile.save(update_fields=["timezone", "country", "language"])
    if address:
        request_confirmation(user, address, request)
    return user


def signup_language(request) -> str:
    """The page's language when it is one backhabits speaks; else "" (follow the browser)."""
    language = getattr(request, "LANGUAGE_CODE", "") if request is not None else ""
    return language if language in dict(settings.LANGUAGES) else ""


def page_language(request, profile: Profile) -> str:
    """The language the person's next page is in: their chosen one, else their browser's
    (as tracker.middleware.PersonLanguageMiddleware decides it)."""
    if profile.language in dict(settings.LANGUAGES):
        return profile.language
    return translation.get_language_from_request(request)


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


def account_email_allowed(user, address: str) -> bool:
    """Confirmation links and notices to an address's owner, together: at most 3 an hour to
    one address (whoever asks) and 5 an hour for one account (whatever the addresses). Both
    kinds count alike, so being refused says nothing about whether an address is taken."""
    by_address = is_ratelimited(
        None,
        group="account-mail-address",
        key=lambda group, request: address.strip().lower(),
        rate=ACCOUNT_EMAILS_PER_ADDRESS,
        increment=True,
    )
    by_account = is_ratelimited(
        None,
        group="account-mail-account",
        key=lambda group, request: str(user.pk),
        rate=ACCOUNT_EMAILS_PER_ACCOUNT,
        increment=True,
    )
    return not (by_address or by_account)


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


def change_email(user, address: str, request=None) -> str:
    """Starts using `address` for the account: "removed", "unchanged", "sent" (it waits for
    confirmation), or "throttled" (it waits, but too many e-mails went out this hour to send
    another). Whether another account has the address changes only who is written to."""
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
    return "sent" if request_confirmation(user, address, request) else "throttled"


def request_confirmation(user, address: str, request=None) -> bool:
    """Puts `address` waiting for confirmation and writes to it: a single-use link that expires
    in three days, or, when another account has the address, a notice to its owner (no link:
    only an address no one else has can be confirmed). False when the limit stopped the
    e-mail. Sent after `request`'s response (tracker.accounts.outbox)."""
    profile = user.profile
    allowed = account_email_allowed(user, address)
    if allowed or profile.pending_email != address:
        # A new key for a new address: a link sent for an earlier one must not confirm this.
        profile.pending_email = address
        profile.email_confirm_key = secrets.token_urlsafe(16)
        profile.save(update_fields=["pending_email", "email_confirm_key"])
    if not allowed:
        return False
    if _taken_by_another(user, address):
        _tell_the_owner(address, request)
        return True
    token = signing.TimestampSigner(salt=EMAIL_CONFIRM_SALT).sign(profile.email_confirm_key)
    link = absolute_url(reverse("tracker:confirm_email", args=[token]))
    body = render_to_string(
        "registration/confirm_email.txt", {"link": link, "days": EMAIL_CONFIRM_MAX_AGE.days}
    )
    message = EmailMessage(gettext("Confirm your e-mail address for backhabits"), body,
                           settings.DEFAULT_FROM_EMAIL, [address])  # fmt: skip
    outbox.send(message, kind="confirmation", request=request)
    return True


def _tell_the_owner(address: str, request) -> None:
    # Written to the address's owner, in their language when they chose one, not the asker's.
    owner = (
        Profile.objects.filter(Q(user__email__iexact=address) | Q(confirmed_email__iexact=address))
        .exclude(language="")
        .values_list("language", flat=True)
        .first()
    )
    with translation.override(owner or translation.get_language()):
        body = render_to_string("registration/email_already_used.txt", {"email": address})
        subject = gettext("Someone asked to use your e-mail address on backhabits")
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    outbox.send(message, kind="address-in-use notice", request=request)


def _taken_by_another(user, address: str) -> bool:
    """An address belongs to the account whose e-mail it is (confirmed, or from before
    confirmation existed); one only waiting for confirmation belongs to no one yet."""
    others = get_user_model()._default_manager.exclude(pk=user.pk)
    return (
        others.filter(email__iexact=address).exists()
        or others.filter(profile__confirmed_email__iexact=address).exists()
    )


def confirm_email(token: str) -> str:
    """Opens a confirmation link: the pending address becomes the account's confirmed one
    ("confirmed") if no other account has it by now ("taken"). "used" when the link was
    already used or replaced; signing.BadSignature when tampered with or expired."""
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
            return "used"
        user, address = profile.user, profile.pending_email
        if not _taken_by_another(user, address):
            try:
                # Two accounts confirming one address at the same moment: the unique
                # constraint on the confirmed address lets one through.
                with transaction.atomic():
                    user.email = address
                    user.save(update_fields=["email"])
                    profile.confirmed_email = address
                    profile.save(update_fields=["confirmed_email"])
            except IntegrityError:
                user.refresh_from_db(fields=["email"])
                profile.refresh_from_db(fields=["confirmed_email"])
            else:
                _forget_pending(profile)
                return "confirmed"
        _forget_pending(profile)
        return "taken"


def _forget_pending(profile: Profile) -> None:
    profile.pending_email, profile.email_confirm_key = "", None
    profile.save(update_fields=["pending_email", "email_confirm_key"])
