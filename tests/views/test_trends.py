import datetime as dt
import re

import pytest
from django.test import override_settings
from django.urls import include, path, reverse
from django.utils import timezone

from tests.factories import checkin_post_data, make_checkin
from tracker.models import CheckIn
from tracker.trends import dashboard as trends
from tracker.trends import insights, streaks

HTMX = {"HX-Request": "true"}


def _today() -> dt.date:
    return timezone.now().date()


def _history(user, days: int, *, step: int = 1, **values):
    base = {"posture": 3, "exercise_minutes": 30, "water_ml": 2000, "stress": 3, "discomfort": 3}
    base.update(values)
    CheckIn.objects.bulk_create(
        CheckIn(user=user, date=_today() - dt.timedelta(days=n), **base)
        for n in range(0, days, step)
    )


def test_trends_needs_login(client, db):
    assert client.get(reverse("tracker:trends")).status_code == 302


def test_empty_history_renders(logged_in_client):
    response = logged_in_client.get(reverse("tracker:trends"))
    assert response.status_code == 200
    assert "0 days logged" in response.content.decode()


def test_chart_has_one_point_per_logged_day_in_range(logged_in_client, user):
    _history(user, 30, step=3)  # 10 logged days, gaps between
    html = logged_in_client.get(reverse("tracker:trends") + "?range=30").content.decode()
    discomfort_svg = re.search(
        r'<svg class="chart"[^>]*chart-discomfort-title.*?</svg>', html, re.S
    ).group(0)
    assert discomfort_svg.count("<circle") == 10


@pytest.mark.parametrize("bad", ["abc", "-5", "1000000", "", "30;DROP"])
def test_bad_range_falls_back_to_30_days(logged_in_client, bad):
    response = logged_in_client.get(reverse("tracker:trends"), {"range": bad})
    assert response.status_code == 200
    assert response.context["dashboard"].range_key == "30"


def test_range_switch_with_htmx_returns_just_the_range_part(logged_in_client, user):
    _history(user, 100)
    response = logged_in_client.get(reverse("tracker:trends"), {"range": "90"}, headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html
    assert html.startswith('<div id="trends-range">')
    assert 'aria-current="page" class="current">90 days' in html
    assert "90 days logged" in html
    assert response["Vary"].find("HX-Request") >= 0


def test_range_links_work_without_javascript(logged_in_client):
    html = logged_in_client.get(reverse("tracker:trends")).content.decode()
    for key in ("7", "30", "90", "365", "all"):
        assert f'href="?range={key}"' in html


def _table_url(measure: str, range_key: str = "7") -> str:
    return reverse("tracker:measure_table", args=[measure]) + f"?range={range_key}"


def test_each_chart_links_to_its_table_for_the_same_range(logged_in_client):
    html = logged_in_client.get(reverse("tracker:trends") + "?range=90").content.decode()
    for measure in ("discomfort", "posture", "exercise_minutes", "water_ml", "stress"):
        url = _table_url(measure, "90")
        assert f'href="{url}" hx-get="{url}"' in html


def test_the_table_carries_the_same_numbers_as_the_chart(logged_in_client, user, each_kind_of_day):
    for offset, value in ((0, 7), (2, 4), (5, 0)):
        make_checkin(user, each_kind_of_day - dt.timedelta(days=offset), discomfort=value)
    trends_html = logged_in_client.get(reverse("tracker:trends") + "?range=7").content.decode()
    chart = re.search(r'<svg class="chart"[^>]*chart-discomfort-title.*?</svg>', trends_html, re.S)
    charted = re.findall(r"<title>([^<:]+): (\d+)</title></circle>", chart.group(0))
    table_html = logged_in_client.get(_table_url("discomfort")).content.decode()
    tabled = re.findall(r"<tr><td>([^<]+)</td><td>(\d+)</td>", table_html)
    assert charted == tabled
    assert [value for _, value in tabled] == ["0", "4", "7"]
    assert table_html.count("<td>not logged</td>") == 4  # 7 days, 3 logged


def test_the_table_loads_in_place_with_htmx(logged_in_client, user):
    make_checkin(user, _today(), water_ml=2250)
    response = logged_in_client.get(_table_url("water_ml"), headers=HTMX)
    html = response.content.decode()
    assert html.startswith('<details class="chart-table" id="table-water_ml" open>')
    assert "<html" not in html
    assert "<td>2250</td>" in html
    assert "HX-Request" in response["Vary"]


def test_the_table_page_works_without_javascript(logged_in_client):
    html = logged_in_client.get(_table_url("stress", "30")).content.decode()
    assert "<html" in html
    assert "<h1>Stress, last 30 days</h1>" in html
    assert reverse("tracker:trends") + "?range=30#figure-stress" in html


def test_long_ranges_tabulate_weekly_averages_like_the_chart(logged_in_client, user):
    _history(user, 800, discomfort=4)
    html = logged_in_client.get(_table_url("discomfort", "all")).content.decode()
    assert "Week of" in html
    assert html.count("<tr><td>") == -(-800 // 7)  # one row per week, the last one partial


@pytest.mark.parametrize("measure", ["notes", "symptoms", "id", "DISCOMFORT"])
def test_a_table_of_anything_but_a_measure_is_not_found(logged_in_client, measure):
    assert logged_in_client.get(_table_url(measure)).status_code == 404


def test_a_bad_table_range_falls_back_to_30_days(logged_in_client):
    response = logged_in_client.get(reverse("tracker:measure_table", args=["posture"]) + "?range=x")
    assert response.status_code == 200
    assert response.context["table"].range_key == "30"


def test_the_table_needs_login_and_shows_only_ones_own_days(client, user, other_user):
    make_checkin(other_user, _today(), discomfort=9)
    assert client.get(_table_url("discomfort")).status_code == 302
    client.force_login(user)
    html = client.get(_table_url("discomfort")).content.decode()
    assert "<td>9</td>" not in html
    assert html.count("<td>not logged</td>") == 7


@pytest.mark.parametrize("days", [10, 3000])
def test_table_query_count_does_not_grow_with_history(
    logged_in_client, user, django_assert_max_num_queries, days
):
    _history(user, days)
    with django_assert_max_num_queries(6):
        response = logged_in_client.get(_table_url("discomfort", "all"))
    assert response.status_code == 200


def test_streaks_are_computed_in_the_database(user, db, each_kind_of_day):
    today = each_kind_of_day
    for offset in (0, 1, 2, 4, 5, 6, 7):
        make_checkin(user, today - dt.timedelta(days=offset), water_ml=2500 if offset != 1 else 100)
    found = {
        s.label: (s.current, s.longest)
        for s in streaks.over_whole_history(user, today=today, away=[])
    }
    assert found["Days checked in"] == (3, 4)
    assert found["Days meeting your water goal"] == (1, 4)
    assert found["Days meeting your exercise goal"] == (3, 4)


def test_streak_survives_today_not_logged_yet(user, db, each_kind_of_day):
    today = each_kind_of_day
    for offset in (1, 2):
        make_checkin(user, today - dt.timedelta(days=offset))
    found = {s.label: s.current for s in streaks.over_whole_history(user, today=today, away=[])}
    assert found["Days checked in"] == 2


def test_any_saved_day_counts_as_checked_in_and_a_goal_not_logged_is_not_met(user, db):
    CheckIn.objects.create(user=user, date=_today(), water_ml=3000)
    CheckIn.objects.create(user=user, date=_today() - dt.timedelta(days=1), discomfort=4)
    CheckIn.objects.create(user=user, date=_today() - dt.timedelta(days=2), symptoms=["fever"])
    found = {s.label: s.current for s in streaks.over_whole_history(user, today=_today(), away=[])}
    assert found["Days checked in"] == 3
    assert found["Days meeting your water goal"] == 1
    assert found["Days meeting your exercise goal"] == 0


@pytest.mark.parametrize("days", [10, 3000])
@pytest.mark.parametrize("range_key", ["30", "365", "all"])
def test_query_count_does_not_grow_with_history(
    logged_in_client, user, django_assert_max_num_queries, days, range_key
):
    _history(user, days)
    with django_assert_max_num_queries(9):
        response = logged_in_client.get(reverse("tracker:trends"), {"range": range_key})
    assert response.status_code == 200


def test_insights_say_not_enough_data_below_ten_days(logged_in_client, user):
    _history(user, 9)
    html = logged_in_client.get(reverse("tracker:trends")).content.decode()
    assert "Not enough days to compare yet" in html  # one line for them all
    assert "association, not proof" in html


def test_other_peoples_days_never_appear(logged_in_client, other_user, user):
    make_checkin(other_user, _today(), discomfort=9)
    dashboard = logged_in_client.get(reverse("tracker:trends")).context["dashboard"]
    assert dashboard.logged_days == 0


# --- the clinician report -----------------------------------------------------------------


def test_report_renders_for_an_empty_history(logged_in_client):
    response = logged_in_client.get(reverse("tracker:report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Back health report" in html and "No notes in this period." in html


def test_report_has_averages_charts_alerts_and_notes(logged_in_client, user):
    _history(user, 120)
    CheckIn.objects.filter(user=user, date=_today() - dt.timedelta(days=3)).update(
        notes="Pain after moving house", symptoms=["night_pain"]
    )
    logged_in_client.post(
        reverse("tracker:checkin"),
        {"posture": 3, "exercise_minutes": 30, "water_ml": 2000, "stress": 3, "discomfort": 3,
         "symptoms": ["night_pain"]},
    )  # fmt: skip
    html = logged_in_client.get(reverse("tracker:report") + "?range=90").content.decode()
    assert "Pain after moving house" in html
    assert "Pain worse at night" in html  # the care alert
    assert html.count('<figure class="report-chart">') == 5
    assert "90 days logged" in html  # today and the 89 days before
    assert "@media print" not in html  # print styles live in the stylesheet


def test_report_range_defaults_to_90_days(logged_in_client):
    report = logged_in_client.get(reverse("tracker:report")).context["report"]
    assert report.dashboard.range_key == "90"


def test_a_current_run_longer_than_the_page_reads_the_whole_history(logged_in_client, user):
    _history(user, 500)  # 500 days in a row, more than the year the page loads
    dashboard = logged_in_client.get(reverse("tracker:trends")).context["dashboard"]
    checked_in = dashboard.streaks[0]
    assert (checked_in.current, checked_in.longest) == (500, 500)
    assert dashboard.streaks_all_time is True


def test_longest_run_is_labelled_as_the_last_year_when_only_a_year_is_read(logged_in_client, user):
    _history(user, 40, step=2)
    response = logged_in_client.get(reverse("tracker:trends"))
    assert response.context["dashboard"].streaks_all_time is False
    assert "Longest in the last year" in response.content.decode()


# --- drawn charts are kept, keyed by what they show -------------------------------------------


def _discomfort_titles(html: str) -> list[str]:
    svg = re.search(r'<svg class="chart"[^>]*chart-discomfort-title.*?</svg>', html, re.S)
    return re.findall(r"<title>([^<]+)</title></circle>", svg.group(0))


@pytest.fixture
def fragment_cache(settings):
    """The production fragment cache, whatever DJANGO_DEBUG says (it is off in development)."""
    fragments = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    settings.CACHES = {**settings.CACHES, "fragments": fragments}


def test_a_repeat_view_reuses_the_drawn_charts(logged_in_client, user, monkeypatch, fragment_cache):
    _history(user, 20)
    drawn = []
    line_chart = trends.charts.line_chart
    monkeypatch.setattr(
        trends.charts, "line_chart", lambda **kwargs: drawn.append(1) or line_chart(**kwargs)
    )
    url = reverse("tracker:trends") + "?range=30"
    first = logged_in_client.get(url).content.decode()
    assert len(drawn) == 5
    again = logged_in_client.get(url).content.decode()
    assert len(drawn) == 5  # nothing drawn again
    body = re.compile(r"<h1>.*</main>", re.S)  # the page less its per-request CSRF token
    assert body.search(again).group(0) == body.search(first).group(0)
    assert len(_discomfort_titles(again)) == 20


def test_every_range_shares_one_drawing_of_the_year(
    logged_in_client, user, monkeypatch, fragment_cache
):
    _history(user, 40)
    drawn = []
    heatmap = trends.charts.discomfort_heatmap
    monkeypatch.setattr(
        trends.charts, "discomfort_heatmap", lambda *a, **k: drawn.append(1) or heatmap(*a, **k)
    )
    for range_key in ("30", "365", "7", "30"):
        html = logged_in_client.get(reverse("tracker:trends"), {"range": range_key}).content
        assert b'<svg class="heatmap"' in html
    assert len(drawn) == 1


def test_a_check_in_saved_after_a_view_shows_at_once(logged_in_client, user, fragment_cache):
    _history(user, 5, discomfort=3)
    url = reverse("tracker:trends") + "?range=7"
    assert all(title.endswith(": 3") for title in _discomfort_titles(
        logged_in_client.get(url).content.decode()
    ))  # fmt: skip
    logged_in_client.post(
        reverse("tracker:checkin"),
        {"posture": 3, "exercise_minutes": 30, "water_ml": 2000, "stress": 3, "discomfort": 6},
    )
    for headers in ({}, HTMX):
        titles = _discomfort_titles(logged_in_client.get(url, headers=headers).content.decode())
        assert titles[-1].endswith(": 6")
    year = logged_in_client.get(url).content.decode()
    assert re.search(r"<title>[^<]*: discomfort 6</title><rect", year)  # the heatmap too


def test_a_water_tap_after_a_view_shows_at_once(logged_in_client, user, fragment_cache):
    _history(user, 3, water_ml=1000)
    url = reverse("tracker:trends") + "?range=7"
    before = logged_in_client.get(url).content.decode()
    assert "average 1,000 ml over 3 logged days" in before
    logged_in_client.post(reverse("tracker:add_water"))
    after = logged_in_client.get(url).content.decode()
    assert "average 1,083 ml over 3 logged days" in after  # (1000 + 1000 + 1250) / 3
    assert re.search(r"<title>[^<]+: 1250</title></circle>", after)


def test_a_new_goal_redraws_the_goal_line(logged_in_client, user, fragment_cache):
    _history(user, 10, water_ml=1000)
    url = reverse("tracker:trends") + "?range=30"
    assert "goal 2000" in logged_in_client.get(url).content.decode()
    user.profile.water_goal_ml = 1500
    user.profile.save()
    html = logged_in_client.get(url).content.decode()
    assert "goal 1500" in html and "goal 2000" not in html


def _dashboard(**inputs) -> trends.Dashboard:
    inputs.setdefault("away", [])
    return trends.Dashboard(**inputs, streaks=[], streaks_all_time=False, alerts=[])


def test_the_fingerprint_covers_every_input(user, other_user):
    rows = [insights.DayRow(_today(), 3, 30, 2000, 3, 4)]
    goals = {"water_ml": 2000, "exercise_minutes": 30}
    today = _today()
    base = {
        "account": f"{user.pk}@{user.date_joined.isoformat()}",
        "range_key": "30",
        "start": today,
        "today": today,
        "goals": goals,
        "water_unit": "ml",
        "rows": rows,
    }
    changed = [
        {"account": f"{other_user.pk}@{other_user.date_joined.isoformat()}"},
        {"account": f"{user.pk}@{other_user.date_joined.isoformat()}"},  # an id used again
        {"range_key": "90"},
        {"start": today - dt.timedelta(days=1)},
        {"today": today + dt.timedelta(days=1)},
        {"goals": {**goals, "water_ml": 2001}},
        {"water_unit": "oz"},
        {"rows": [rows[0]._replace(discomfort=5)]},
        {"rows": [rows[0]._replace(rest_day=True)]},
        {"away": [(today, today)]},
        {"rows": [rows[0]._replace(date=today - dt.timedelta(days=1))]},
        {"rows": []},
    ]
    fingerprints = {_dashboard(**base).fingerprint} | {
        _dashboard(**{**base, **change}).fingerprint for change in changed
    }
    assert len(fingerprints) == len(changed) + 1
    assert _dashboard(**base).fingerprint == _dashboard(**{**base, "rows": list(rows)}).fingerprint


def test_the_years_fingerprint_follows_the_years_days_only(user):
    today = _today()
    this_year = insights.DayRow(today, 3, 30, 2000, 3, 4)
    long_ago = insights.DayRow(today - dt.timedelta(days=400), 3, 30, 2000, 3, 9)
    base = {
        "account": f"{user.pk}@{user.date_joined.isoformat()}",
        "range_key": "all",
        "start": today - dt.timedelta(days=400),
        "today": today,
        "goals": {"water_ml": 2000, "exercise_minutes": 30},
        "water_unit": "ml",
        "rows": [long_ago, this_year],
    }
    year = _dashboard(**base).heatmap_fingerprint
    assert (
        _dashboard(**{**base, "range_key": "30", "rows": [this_year]}).heatmap_fingerprint == year
    )
    assert _dashboard(**{**base, "rows": [this_year]}).heatmap_fingerprint == year
    changed_today = {**base, "rows": [long_ago, this_year._replace(discomfort=5)]}
    assert _dashboard(**changed_today).heatmap_fingerprint != year
    assert _dashboard(**{**base, "rows": [long_ago]}).heatmap_fingerprint != year


# --- water in the person's own unit ----------------------------------------------------------


def _in_ounces(user):
    user.profile.water_unit = "oz"
    user.profile.save()


def test_charts_summaries_and_insights_read_in_fl_oz_for_those_who_chose_it(
    logged_in_client, user, fragment_cache
):
    _history(user, 14, water_ml=2000)  # 67.6 fl oz a day; the default goal is 2,000 ml too
    url = reverse("tracker:trends") + "?range=30"
    in_ml = logged_in_client.get(url).content.decode()
    assert "average 2,000 ml over 14 logged days" in in_ml
    _in_ounces(user)
    html = logged_in_client.get(url).content.decode()  # the same days, drawn afresh
    assert "average 68 fl oz over 14 logged days" in html
    assert "Water averaged 68 fl oz a day" in html
    assert "Water goal of 68 fl oz met" in html
    water_svg = re.search(r'<svg class="chart"[^>]*chart-water_ml-title.*?</svg>', html, re.S)
    assert re.findall(r": ([\d.]+)</title></circle>", water_svg.group(0)) == ["67.6"] * 14
    assert "goal 67.6" in water_svg.group(0)
    assert " ml" not in re.search(r'<section class="card" aria-labelledby="week-heading">.*?'
                                  r"</section>", html, re.S).group(0)  # fmt: skip


def test_the_water_table_reads_in_fl_oz_for_those_who_chose_it(logged_in_client, user):
    _history(user, 7, water_ml=1000)
    _in_ounces(user)
    html = logged_in_client.get(_table_url("water_ml")).content.decode()
    assert '<th scope="col">Water (fl oz)</th>' in html
    assert html.count("<td>33.8</td><td>33.8</td></tr>") == 7  # 1,000 ml a day, and its average


def test_the_report_reads_in_fl_oz_for_those_who_chose_it(logged_in_client, user, fragment_cache):
    _history(user, 7, water_ml=1000)
    _in_ounces(user)
    html = logged_in_client.get(reverse("tracker:report")).content.decode()
    assert "<td>34 fl oz</td>" in html
    assert "<td>34 fl oz → 34 fl oz</td>" in html  # the 7-day averages, in the same unit


def test_a_measure_logged_as_zero_is_drawn_and_one_not_logged_is_a_gap(
    logged_in_client, user, fragment_cache
):
    checkin = CheckIn.objects.create(user=user, date=_today(), discomfort=3)
    url = reverse("tracker:trends") + "?range=7"

    def stress_points() -> int:
        html = logged_in_client.get(url).content.decode()
        svg = re.search(r'<svg class="chart"[^>]*chart-stress-title.*?</svg>', html, re.S)
        return svg.group(0).count("<circle")

    assert stress_points() == 0
    CheckIn.objects.filter(pk=checkin.pk).update(stress=0)
    assert stress_points() == 1  # not the cached drawing of the day without stress


# --- long histories: weeks and months, and the earlier days summed up once -------------------


@pytest.fixture
def no_kept_summaries():
    trends.earlier_days.forget_all()
    yield
    trends.earlier_days.forget_all()


def _discomfort_svg(html: str) -> str:
    return re.search(r'<svg class="chart"[^>]*chart-discomfort-title.*?</svg>', html, re.S).group(0)


def test_years_of_days_are_drawn_as_monthly_averages_and_say_so(
    logged_in_client, user, no_kept_summaries
):
    _history(user, 4 * 365, step=2, discomfort=4)
    html = logged_in_client.get(reverse("tracker:trends"), {"range": "all"}).content.decode()
    svg = _discomfort_svg(html)
    months = -(-4 * 365 // 30)
    assert months - 2 <= svg.count("<circle") <= months + 2  # a point a month, not a day
    assert "Monthly averages from" in svg and "· monthly averages" in html
    assert "each month</span>" in html
    first = _today() - dt.timedelta(days=4 * 365 - 2)
    assert f">{first:%-d %b %Y}</text>" in svg  # the first date with its year
    assert re.search(r"<title>\w+ \d{4}: 4</title></circle>", svg)  # "March 2024: 4"
    table = logged_in_client.get(_table_url("discomfort", "all")).content.decode()
    assert '<th scope="col">Month</th>' in table and ", monthly averages</caption>" in table
    assert table.count("<tr><td>") == svg.count("<circle")  # the chart's points, as rows


def test_a_long_historys_earlier_days_are_summed_up_once_and_kept(
    logged_in_client, user, monkeypatch, fragment_cache, no_kept_summaries
):
    _history(user, 3 * 365, discomfort=4)
    summed = []
    summarize = trends.earlier_days.summarize
    monkeypatch.setattr(
        trends.earlier_days, "summarize", lambda *a, **k: summed.append(1) or summarize(*a, **k)
    )
    url = reverse("tracker:trends") + "?range=all"

    def water_caption() -> str:
        html = logged_in_client.get(url).content.decode()
        return re.search(r"<strong>Water</strong> · ([^<]+)</figcaption>", html).group(1)

    assert water_caption() == "average 2,000 ml over 1095 logged days · monthly averages"
    logged_in_client.post(reverse("tracker:checkin"), checkin_post_data(water_ml="2000"))
    assert water_caption() == "average 2,000 ml over 1095 logged days · monthly averages"
    assert len(summed) == 1  # today's check-in changed only the recent days
    # A day two years ago, changed through its check-in page: summed up afresh, and shown.
    old_day = _today() - dt.timedelta(days=730)
    logged_in_client.post(
        reverse("tracker:checkin_day", args=[old_day]), checkin_post_data(water_ml="10000")
    )
    assert water_caption() == "average 2,007 ml over 1095 logged days · monthly averages"
    assert len(summed) == 2


@pytest.mark.parametrize("kept", [False, True], ids=["summed up now", "kept"])
def test_a_long_historys_all_days_query_count_does_not_grow(
    logged_in_client, user, django_assert_max_num_queries, no_kept_summaries, kept
):
    _history(user, 3000, step=3)
    url = reverse("tracker:trends") + "?range=all"
    if kept:
        logged_in_client.get(url)
    with django_assert_max_num_queries(9):
        response = logged_in_client.get(url)
    assert response.status_code == 200
    assert response.context["dashboard"].earlier is not None


# The app's addresses one folder down, for the page served under another URL configuration.
urlpatterns = [path("elsewhere/", include("backhabits.urls"))]


class RouteElsewhere:
    """Routes /elsewhere/ by this module's URLs, as a site serving two configurations would:
    per request (request.urlconf), not by changing settings, which forgets every fragment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/elsewhere/"):
            request.urlconf = __name__
        return self.get_response(request)


def test_the_kept_charts_and_year_follow_the_url_configuration(logged_in_client, user):
    """The range's and the year's fragments hold links: another URL configuration has its own
    (their key holds the site's address: prefix and URL configuration), never the first's."""
    from django.conf import settings

    _history(user, 40)
    routed = [f"{__name__}.RouteElsewhere", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=routed):  # before both pages: nothing forgotten between
        first = logged_in_client.get(reverse("tracker:trends")).content.decode()
        moved = logged_in_client.get("/elsewhere/trends/").content.decode()
    assert 'href="/checkin/' in first and 'href="/report/?range=' in first
    assert 'href="/elsewhere/checkin/' in moved and 'href="/checkin/' not in moved
    assert 'href="/elsewhere/trends/table/' in moved and 'href="/trends/table/' not in moved


def test_a_change_of_number_settings_draws_the_kept_range_again(logged_in_client, user):
    """The range's fragment is kept under the data's digest, the language and the address;
    how its numbers are written follows settings too, so changing them draws it again."""
    _history(user, 1005)
    page = logged_in_client.get(reverse("tracker:trends") + "?range=all").content.decode()
    assert "1005 days logged" in page
    with override_settings(USE_THOUSAND_SEPARATOR=True):
        page = logged_in_client.get(reverse("tracker:trends") + "?range=all").content.decode()
    assert "1,005 days logged" in page
