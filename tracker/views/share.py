"""Share links (tracker.trends.sharing): made and revoked from the report page by its owner, opened
by a clinician without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe
from django_ratelimit.core import is_ratelimited

from tracker import throttling
from tracker.accounts.auth_backends import client_ip
from tracker.dates import today_for
from tracker.forms.share import ShareLinkForm
from tracker.models import ShareLink
from tracker.trends import reports, sharing
from tracker.trends.pages import report_page

# Per client address: enough for a clinic's colleagues to open a link, far too few to guess one.
OPENS_PER_CLIENT = "30/m"
# What a shared page says about itself to the browser and to search engines.
SHARED_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


@require_POST
@login_required
def share_create(request: HttpRequest) -> HttpResponse:
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        range_key = reports.report_range(
            request.user, request.POST.get("range"), today=today_for(request.user)
        )
        return report_page(request, range_key=range_key, share_form=form, status=400)
    try:
        new = sharing.create(
            request.user,
            range_key=form.cleaned_data["range"],
            end_date=today_for(request.user),
            days=form.cleaned_data["days"],
            include_notes=form.cleaned_data["include_notes"],
        )
    except sharing.TooManyOpenLinks:
        form.add_error(
            None,
            gettext(
                "You have %(count)s open links, the most at once: revoke one you no longer "
                "need (below), then make this one."
            )
            % {"count": sharing.MAX_OPEN_LINKS},
        )
        return report_page(
            request, range_key=form.cleaned_data["range"], share_form=form, status=400
        )
    url = request.build_absolute_uri(reverse("tracker:shared_report", args=[new.token]))
    # Shown in this response only: the token is not stored, so it is not in a redirect either.
    context = {"link": new.link, "url": url, "qr_svg": sharing.qr_svg(url)}
    return render(request, "tracker/share_created.html", context)


@require_POST
@login_required
def share_revoke(request: HttpRequest, link_id: int) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=link_id, user=request.user)
    sharing.revoke(link)
    messages.success(request, gettext("The link is revoked: it no longer opens your report."))
    return redirect(f"{reverse('tracker:report')}#share-heading")


@require_safe
def shared_report(request: HttpRequest, token: str) -> HttpResponse:
    """The read-only report, for whoever holds the link: nothing else of the account. In the
    language of whoever opens it (their browser's, or their own setting: the middleware's
    choice), never the owner's: the report's numbers are the same in any language."""
    limited = is_ratelimited(
        request,
        group="share-open",
        key=lambda group, request: client_ip(request),
        rate=OPENS_PER_CLIENT,
        increment=True,
    )
    if limited:
        busy = _plain(request, "tracker/shared_gone.html", {"reason": "busy"}, status=429)
        return throttling.retry_after(busy, throttling.window_seconds(OPENS_PER_CLIENT))
    link = sharing.find(token)
    if link is None:
        return _plain(request, "tracker/shared_gone.html", {"reason": "unknown"}, status=404)
    if not sharing.is_open(link):
        reason = "revoked" if link.revoked_at else "expired"
        return _plain(request, "tracker/shared_gone.html", {"reason": reason}, status=410)
    if request.method == "GET":  # a HEAD (a link checker, say) reads no report
        sharing.record_opening(link)
    owner = link.user
    with timezone.override(owner.profile.timezone):
        report = reports.build(
            owner,
            range_key=link.range_key,
            today=link.end_date,
            include_notes=link.include_notes,
            shared=True,
        )
        return _plain(request, "tracker/shared_report.html", {"report": report, "link": link})


def _plain(request, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    response = render(request, template, context, status=status)
    for name, value in SHARED_HEADERS.items():
        response[name] = value
    return response
