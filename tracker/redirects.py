"""Going back to the page a form was posted from (its hidden `next` field), safely."""

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The posted `next` when it is a path on this site, else `fallback` (a URL name or path).

    Only a path from the site's root is taken: a relative one ("x") would resolve against the
    address the form posted to, and redirect() would try it as a URL name and fail after the
    change was already saved. Django's own check refuses other hosts, "//host", "/\\host" and
    schemes such as javascript:."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(fallback)


def back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """A 302 to safe_next(): never to another site, never an error after a saved change."""
    return HttpResponseRedirect(safe_next(request, fallback))


def here(request: HttpRequest, page: str) -> str:
    """Where the page being shown is, for its forms' `next`: the request's own address, or
    `page` (a URL name or path) when it answers a POST, as a refused form's page does, at an
    address that takes only POSTs."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    return resolve_url(page)
