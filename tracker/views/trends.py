from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from tracker.dates import today_for
from tracker.forms.share import ShareLinkForm
from tracker.ranges import parse_range, range_words
from tracker.trends import dashboard as trends_dashboard
from tracker.trends import reports
from tracker.trends.pages import range_links, report_page


@require_safe
@login_required
@vary_on_headers("HX-Request")
def trends_page(request: HttpRequest) -> HttpResponse:
    range_key = parse_range(request.GET.get("range"))
    today = today_for(request.user)
    dashboard = trends_dashboard.build(
        request.user, range_key=range_key, today=today, range_only=bool(request.htmx)
    )
    context = {"dashboard": dashboard, "range_links": range_links(range_key)}
    if request.htmx:
        return render(request, "tracker/partials/trends_range.html", context)
    # Open care alerts lead as lines (context_processors.care_lines), not in full.
    return render(request, "tracker/trends.html", context)


@require_safe
@login_required
@vary_on_headers("HX-Request")
def measure_table(request: HttpRequest, measure_key: str) -> HttpResponse:
    measure = trends_dashboard.measures_for(request.user.profile.water_unit).get(measure_key)
    if measure is None:
        raise Http404
    range_key = parse_range(request.GET.get("range"))
    table = trends_dashboard.measure_table(
        request.user, measure=measure, range_key=range_key, today=today_for(request.user)
    )
    context = {"table": table, "range_words": range_words(range_key)}
    if request.htmx:
        return render(request, "tracker/partials/measure_table.html", context)
    context["range_links"] = range_links(range_key)
    return render(request, "tracker/measure_table.html", context)


@require_safe
@login_required
def report(request: HttpRequest) -> HttpResponse:
    range_key = reports.report_range(
        request.user, request.GET.get("range"), today=today_for(request.user)
    )
    return report_page(
        request, range_key=range_key, share_form=ShareLinkForm(initial={"range": range_key})
    )
