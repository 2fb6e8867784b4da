"""The app's URLs plus two reference views, for bench_instructions.py's `empty` and `chrome`:
what a signed-in page costs before it draws anything of its own. Only the benchmark's own
process routes here (it sets ROOT_URLCONF); the app never does.

- `empty`: signed in (the session and the person read, every middleware run), answering a
  two-byte body: the cost every signed-in request pays.
- `chrome`: the same, drawing base.html with no content of its own: the header, the care lines,
  the reminder line, the footer and the scripts' words, which every page draws around its own."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path

EMPTY = "/_reference/empty/"
CHROME = "/_reference/chrome/"


@login_required
def empty(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


@login_required
def chrome(request: HttpRequest) -> HttpResponse:
    return render(request, "base.html")


urlpatterns = [
    path(EMPTY.strip("/") + "/", empty),
    path(CHROME.strip("/") + "/", chrome),
    path("", include("backhabits.urls")),
]
