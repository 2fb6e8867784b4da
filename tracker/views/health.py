import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    # Browsers ask for /favicon.ico on pages (such as the admin's) that name no icon.
    return HttpResponsePermanentRedirect(static("icons/icon-192.png"))


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not; says nothing more."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request that could not be read (a form in another encoding, a broken upload, a NUL
    character). Django's own 400 page checks the CSRF token, which reads the form again and
    fails the same way (a 500); this one reads nothing from the request."""
    return HttpResponse(render_to_string("400.html"), status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's last resort for an unhandled exception, wherever it was raised (a view or a
    middleware reading the session). A database that is down or restarting answers 503 with a
    plain page; the next request reconnects by itself (CONN_HEALTH_CHECKS)."""
    error = sys.exc_info()[1]
    # Rendered without the request: its context processors would read the session again.
    if isinstance(error, (OperationalError, InterfaceError)):
        return HttpResponse(render_to_string("503.html"), status=503)
    return HttpResponse(render_to_string("500.html"), status=500)
