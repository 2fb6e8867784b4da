from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from tracker import care, insights, peg, trends
from tracker.dates import today_for


def _range_links(current: str) -> list[tuple[str, str, bool]]:
    labels = {"7": "7 days", "30": "30 days", "90": "90 days", "365": "1 year", "all": "All"}
    return [(key, labels[key], key == current) for key in insights.RANGE_CHOICES]


@require_safe
@login_required
@vary_on_headers("HX-Request")
def trends_page(request: HttpRequest) -> HttpResponse:
    range_key = insights.parse_range(request.GET.get("range"))
    today = today_for(request.user)
    dashboard = trends.build(
        request.user, range_key=range_key, today=today, range_only=bool(request.htmx)
    )
    context = {"dashboard": dashboard, "range_links": _range_links(range_key)}
    if request.htmx:
        return render(request, "tracker/partials/trends_range.html", context)
    context["care_prompts"] = care.open_prompts(request.user)
    return render(request, "tracker/trends.html", context)


@require_safe
@login_required
@vary_on_headers("HX-Request")
def measure_table(request: HttpRequest, measure_key: str) -> HttpResponse:
    measure = trends.measures_for(request.user.profile.water_unit).get(measure_key)
    if measure is None:
        raise Http404
    range_key = insights.parse_range(request.GET.get("range"))
    table = trends.measure_table(
        request.user, measure=measure, range_key=range_key, today=today_for(request.user)
    )
    context = {"table": table, "range_words": trends.range_words(range_key)}
    if request.htmx:
        return render(request, "tracker/partials/measure_table.html", context)
    context["range_links"] = _range_links(range_key)
    return render(request, "tracker/measure_table.html", context)


@require_safe
@login_required
def report(request: HttpRequest) -> HttpResponse:
    range_key = insights.parse_range(request.GET.get("range") or "90")
    today = today_for(request.user)
    dashboard = trends.build(request.user, range_key=range_key, today=today, with_alerts=True)
    context = {
        "dashboard": dashboard,
        "range_links": _range_links(range_key),
        "alerts": [care.describe(alert) for alert in dashboard.alerts],
        "notes": trends.notes_in_range(request.user, start=dashboard.start, end=today),
        "peg_source": peg.SOURCE,
    }
    return render(request, "tracker/report.html", context)
