"""Any non-empty part of a day is a valid day: each answer alone is saved through the form and
shows as itself everywhere downstream, with what was left out shown as not logged, never 0."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.models import CheckIn

MEASURES = ("posture", "exercise_minutes", "water_ml", "stress", "discomfort")
SUBSETS = {
    "posture": ({"posture": "4"}, {"posture": 4}),
    "exercise_minutes": ({"exercise_minutes": "25"}, {"exercise_minutes": 25}),
    "water_ml": ({"water_ml": "1750"}, {"water_ml": 1750}),
    "stress": ({"stress": "7"}, {"stress": 7}),
    "discomfort": ({"discomfort": "6"}, {"discomfort": 6}),
    "symptoms": ({"symptoms": ["cracking_pain"]}, {"symptoms": ["cracking_pain"]}),
    "notes": ({"notes": "Slept badly."}, {"notes": "Slept badly."}),
}


def _today() -> dt.date:
    return timezone.now().date()


@pytest.fixture(params=list(SUBSETS))
def one_answer(request, logged_in_client, user):
    posted, stored = SUBSETS[request.param]
    response = logged_in_client.post(reverse("tracker:checkin"), {**posted, "water_seen_ml": "0"})
    assert response.status_code in {200, 302}
    return request.param, stored


def test_the_answer_alone_is_saved_and_the_rest_is_null(one_answer, user):
    _name, stored = one_answer
    checkin = CheckIn.objects.get(user=user, date=_today())
    for measure in MEASURES:
        assert getattr(checkin, measure) == stored.get(measure)
    assert checkin.symptoms == stored.get("symptoms", [])
    assert checkin.notes == stored.get("notes", "")


def test_home_shows_the_answer_and_what_is_not_logged(one_answer, logged_in_client):
    name, _stored = one_answer
    html = logged_in_client.get(reverse("tracker:home")).content.decode()
    card = re.search(r'<section class="card today-card".*?</section>', html, re.S).group(0)
    shown = {
        "posture": "4/5, mostly upright",
        "exercise_minutes": "<strong>25 min</strong> of 30",
        "water_ml": "1,750 ml",
        "stress": "7/10",
        "discomfort": "6/10",
        "symptoms": "Cracking or popping that comes with sharp pain",
        "notes": "Slept badly.",
    }[name]
    assert shown in card
    if name == "water_ml":
        assert "only water so far" in card
    else:
        assert "Partly logged today" in card and "Not logged:" in card
    assert "0/10" not in card and "0 minutes" not in card


def test_trends_draw_one_point_for_the_measure_logged_and_gaps_for_the_rest(
    one_answer, logged_in_client
):
    name, _stored = one_answer
    response = logged_in_client.get(reverse("tracker:trends") + "?range=7")
    html = response.content.decode()
    assert response.context["dashboard"].logged_days == 1
    for measure in MEASURES:
        svg = re.search(rf'<svg class="chart"[^>]*chart-{measure}-title.*?</svg>', html, re.S)
        assert svg.group(0).count("<circle") == (1 if measure == name else 0), measure


def test_the_history_calendar_marks_the_day_partly_logged(one_answer, logged_in_client):
    html = logged_in_client.get(reverse("tracker:history")).content.decode()
    link = re.search(rf'<a [^>]*href="/checkin/{_today().isoformat()}/".*?</a>', html, re.S)
    assert "partly logged" in link.group(0)


def test_exports_leave_what_was_not_logged_empty(one_answer, logged_in_client):
    _name, stored = one_answer
    rows = list(csv.DictReader(io.StringIO(logged_in_client.get("/export.csv").content.decode())))
    assert len(rows) == 1
    for measure in MEASURES:
        assert rows[0][measure] == ("" if measure not in stored else str(stored[measure]))
    record = json.loads(logged_in_client.get(reverse("tracker:export_json")).content)["checkins"]
    for measure in MEASURES:
        assert record[0][measure] == stored.get(measure)


def test_the_report_counts_the_day_only_for_what_it_logged(one_answer, logged_in_client):
    name, _stored = one_answer
    html = logged_in_client.get(reverse("tracker:report") + "?range=7").content.decode()
    assert "1 day logged" in html
    averages = re.search(r"<h2>Averages</h2>.*?</table>", html, re.S).group(0)
    for measure, label in (("discomfort", "Discomfort"), ("stress", "Stress")):
        row = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', averages, re.S).group(1)
        days = re.findall(r"<td>([^<]*)</td>", row)[1]
        assert days == ("1" if name == measure else "0")
    if name == "notes":
        assert "Slept badly." in html


def test_an_empty_form_saves_nothing_and_says_so(logged_in_client, user):
    for headers in ({}, {"HX-Request": "true"}):
        response = logged_in_client.post(
            reverse("tracker:checkin"), {"water_seen_ml": "0", "notes": ""}, headers=headers
        )
        assert response.status_code == 200
        assert "Nothing was saved: the form was empty" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_empty_form_does_not_clear_a_saved_day(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), discomfort=4)
    logged_in_client.post(reverse("tracker:checkin"), {"water_seen_ml": "0"})
    assert CheckIn.objects.get(user=user).discomfort == 4


def test_leaving_an_answer_out_on_an_edit_marks_it_not_logged(logged_in_client, user):
    CheckIn.objects.create(user=user, date=_today(), discomfort=4, stress=6)
    logged_in_client.post(reverse("tracker:checkin"), {"discomfort": "3", "water_seen_ml": "0"})
    checkin = CheckIn.objects.get(user=user)
    assert (checkin.discomfort, checkin.stress) == (3, None)
