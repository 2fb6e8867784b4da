import csv
import datetime as dt
import io
import json

from django.urls import reverse

from tests.factories import make_checkin
from tracker.models import CheckIn


def _seed(user, other_user):
    make_checkin(user, dt.date(2026, 1, 3), discomfort=5, notes="Sore, after gardening")
    make_checkin(user, dt.date(2026, 1, 1), discomfort=2, notes='=HYPERLINK("x")')
    CheckIn.objects.create(user=user, date=dt.date(2026, 1, 2), water_ml=500)
    make_checkin(other_user, dt.date(2026, 1, 2), notes="bob secret")


def test_csv_export_has_the_agreed_columns_oldest_first(logged_in_client, user, other_user):
    _seed(user, other_user)
    response = logged_in_client.get("/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    expected = (
        "date,posture,exercise_minutes,water_ml,stress,discomfort,symptoms,notes,rest_day,away,"
        "sleep_hours,woke_from_pain,pain_relief,factors"
    )
    assert rows[0] == expected.split(",")
    assert [row[0] for row in rows[1:]] == ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert rows[3] == [
        "2026-01-03", "3", "30", "1500", "4", "5", "", "Sore, after gardening", "", "",
        "", "", "", "",
    ]  # fmt: skip
    assert rows[2] == ["2026-01-02", "", "", "500", "", "", "", "", "", "", "", "", "", ""]


def test_csv_export_neutralises_spreadsheet_formulas(logged_in_client, user, other_user):
    _seed(user, other_user)
    rows = list(csv.reader(io.StringIO(logged_in_client.get("/export.csv").content.decode())))
    assert rows[1][7] == '\'=HYPERLINK("x")'


def test_json_export_holds_every_checkin_oldest_first(logged_in_client, user, other_user):
    _seed(user, other_user)
    response = logged_in_client.get(reverse("tracker:export_json"))
    data = json.loads(response.content)
    assert [c["date"] for c in data["checkins"]] == ["2026-01-01", "2026-01-02", "2026-01-03"]
    assert data["checkins"][1]["discomfort"] is None
    assert data["checkins"][2]["notes"] == "Sore, after gardening"
    assert data["checkins"][0]["notes"] == '=HYPERLINK("x")'


def test_exports_contain_only_the_requesters_rows(logged_in_client, user, other_user):
    _seed(user, other_user)
    assert b"bob secret" not in logged_in_client.get("/export.csv").content
    assert b"bob secret" not in logged_in_client.get("/export.json").content


def test_exports_need_login(client, db):
    assert client.get("/export.csv").status_code == 302
    assert client.get("/export.json").status_code == 302
