"""The report page (the person's own report with the share-link form and open links), shown
by the report view and again by the share views when a link is made or refused."""

from django.shortcuts import render

from tracker.dates import today_for
from tracker.forms.share import ShareLinkForm
from tracker.ranges import RANGES
from tracker.trends import reports, sharing


def range_links(current: str) -> list[tuple[str, str, bool]]:
    return [(key, str(period.label), key == current) for key, period in RANGES.items()]


def report_page(request, *, range_key: str, share_form: ShareLinkForm, status: int = 200):
    """The person's own report, with the share-link form (tracker.views.share) and their
    open links below it."""
    context = {
        "report": reports.build(request.user, range_key=range_key, today=today_for(request.user)),
        "range_links": range_links(range_key),
        "share_form": share_form,
        "share_links": sharing.open_links(request.user),
    }
    return render(request, "tracker/report.html", context, status=status)
