import re
import zoneinfo

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth import middleware as auth_middleware
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render, resolve_url
from django.utils import timezone, translation
from django_htmx.http import HttpResponseClientRedirect

from tracker import links

SESSION_GENERATION_KEY = "backhabits_session_generation"
# The keys Django's database session stores make: 32 lowercase letters and digits (at least 8
# pass its own check, and its column holds 40).
_SESSION_KEY = re.compile(f"[{VALID_KEY_CHARS}]{{8,40}}")


class AuthenticationMiddleware(auth_middleware.AuthenticationMiddleware):
    """Django's, with the person read at once instead of behind SimpleLazyObject. Every request
    reads them anyway (PersonLanguageMiddleware, next in MIDDLEWARE, for their language; then
    their time zone and session generation), and each attribute read through the lazy wrapper
    costs three calls and a raised AttributeError: a page reads a hundred or more. The person
    is read by Django's own function, and cached on the request as it caches them."""

    def process_request(self, request):
        super().process_request(request)
        request.user = auth_middleware.get_user(request)


class PersonLanguageMiddleware(LocaleMiddleware):
    """The language of every page: the signed-in person's setting, else what the browser asks
    for (Accept-Language), as Django's LocaleMiddleware chooses it. Pages say which in `lang`
    and answers vary on Accept-Language."""

    def process_request(self, request):
        user = request.user
        language = user.profile.language if user.is_authenticated else ""
        if language and language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        else:
            super().process_request(request)


class UserTimezoneMiddleware:
    """Shows times in the person's own zone; their 'today' comes from tracker.dates."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.profile.timezone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class HtmxLoginRedirectMiddleware:
    """When a session has expired, an htmx request would swap the login page into a fragment;
    send the whole browser to the login page instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response.get("Location", "").startswith(resolve_url(settings.LOGIN_URL))
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response


class SessionGenerationMiddleware:
    """'Log out everywhere' raises the person's session generation; any session started
    under an older one is ended on its next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            # A session from before the key existed counts as generation 0.
            generation = request.session.get(SESSION_GENERATION_KEY, 0)
            if generation != user.profile.session_generation:
                logout(request)
        return self.get_response(request)


class NoStoreForSignedInMiddleware:
    """Every response to a signed-in person may show health data: none of it is kept in the
    browser's cache or its back/forward cache, so Back after logging out shows nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in or request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response


class RefuseNulBytesMiddleware:
    """A NUL character has no place in anything a person types, and PostgreSQL refuses it in
    text: refused with a plain 400 before any view or the admin sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request.GET) or (request.method == "POST" and _has_nul(request.POST)):
            return render(request, "400.html", status=400)
        return self.get_response(request)


def _has_nul(data) -> bool:
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in data.lists())  # fmt: skip


class IgnoreInvalidSessionKeyMiddleware:
    """A session cookie that cannot be a session key (a NUL character in it, say) is dropped
    before the session store looks it up: PostgreSQL refuses a NUL in a query, which made every
    page a 500 for that browser. The request goes on without a session, and the browser is told
    to forget the cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = settings.SESSION_COOKIE_NAME
        key = request.COOKIES.get(name)
        if key is None or _SESSION_KEY.fullmatch(key):
            return self.get_response(request)
        del request.COOKIES[name]
        response = self.get_response(request)
        if name not in response.cookies:
            response.delete_cookie(
                name,
                path=settings.SESSION_COOKIE_PATH,
                domain=settings.SESSION_COOKIE_DOMAIN,
                samesite=settings.SESSION_COOKIE_SAMESITE,
            )
        return response


class RequestPlaceMiddleware:
    """Where a request is served (its script prefix and URL configuration) is fixed once it has
    been routed, for tracker.links.page_address, and forgotten once it has been answered: a
    page calls page_address a dozen times or more, and reading both afresh each time cost a
    twentieth of home. A view that is never reached (a 404 at routing, a 400) leaves it unset,
    and page_address then reads both as before."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = links.request_begun()
        try:
            return self.get_response(request)
        finally:
            links.request_answered(token)

    def process_view(self, request, view_func, view_args, view_kwargs) -> None:
        # Django has now applied any request.urlconf a middleware set (BaseHandler._get_response).
        links.request_routed()


KEEPING_HEADER = "X-Backhabits-Keeping"  # sent by the service worker (templates/tracker/sw.js)


class KeptPagesLeaveCsrfCookieMiddleware:
    """A page the service worker fetches to keep for offline use never sets the CSRF cookie.
    Django sends that cookie again on every answer that used a token, with the secret the
    request carried; a fetch that left before a log-in and answered after it would put the
    signed-out secret back, and the next form post would be refused. Listed before
    CsrfViewMiddleware, so this runs after it on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.headers.get(KEEPING_HEADER):
            response.cookies.pop(settings.CSRF_COOKIE_NAME, None)
        return response
